"""Atom feeds of the published progress reports: all, per measure and per Area of Action."""

import copy
import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.text import paragraphs
from measures.models import AreaOfAction, Measure
from partners.models import PartnerCity
from relations.models import Activity

from . import queries

FEED_LENGTH = 50


class ProgressReportFeed(Feed):
    """Announce the newest published progress reports of published measures."""

    feed_type = Atom1Feed

    def title(self):
        return _("Progress reports – Hannover – International City")

    def subtitle(self):
        return _("The newest progress reports on the measures of the City of Hannover's plan.")

    def link(self):
        return reverse("progress:overview")

    def feed_url(self):
        return reverse("opendata:progress_feed")

    def author_name(self):
        return _("City of Hannover – International Affairs Office")

    def feed_copyright(self):
        return _("City of Hannover")

    def __call__(self, request, *args, **kwargs):
        # A copy per request: the instance in the URLconf is shared between threads.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def items(self):
        return queries.progress_reports()[:FEED_LENGTH]

    def item_title(self, report):
        title = _("{number} {title}: progress report of {day}").format(
            number=report.measure.number,
            title=report.measure.title,
            day=date_format(report.reported_on, "DATE_FORMAT"),
        )
        return f"{title} ({_('sample data')})" if report.is_sample else title

    def item_description(self, report):
        state = _("Status: {status}, progress: {progress} %").format(
            status=report.get_status_display(), progress=report.progress
        )
        return format_html("<p>{}</p>{}", state, paragraphs(report.text))

    def item_link(self, report):
        return reverse("progress:measure", kwargs={"slug": report.measure.slug})

    def item_guid(self, report):
        return self.request.build_absolute_uri(f"{self.item_link(report)}#report-{report.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, report):
        midnight = datetime.datetime.combine(report.reported_on, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, report):
        return report.updated_at


class MeasureProgressReportFeed(ProgressReportFeed):
    """The published progress reports of one published measure."""

    def get_object(self, request, slug):
        return get_object_or_404(Measure.objects.public(), slug=slug)

    def title(self, measure):
        return _("Progress reports on measure {number} {title}").format(
            number=measure.number, title=measure.title
        )

    def subtitle(self, measure):
        return _("The newest progress reports on measure {number} of the plan.").format(
            number=measure.number
        )

    def link(self, measure):
        return reverse("progress:measure", kwargs={"slug": measure.slug})

    def feed_url(self, measure):
        return reverse("opendata:measure_progress_feed", kwargs={"slug": measure.slug})

    def items(self, measure):
        return queries.progress_reports().filter(measure=measure)[:FEED_LENGTH]


class AreaProgressReportFeed(ProgressReportFeed):
    """The published progress reports on the measures of one published Area of Action."""

    def get_object(self, request, number):
        return get_object_or_404(AreaOfAction.objects.public(), number=number)

    def title(self, area):
        return _("Progress reports in Area of Action {number}: {title}").format(
            number=area.number, title=area.title
        )

    def subtitle(self, area):
        return _("The newest progress reports on the measures of Area of Action {number}.").format(
            number=area.number
        )

    def link(self, area):
        return area.get_absolute_url()

    def feed_url(self, area):
        return reverse("opendata:area_progress_feed", kwargs={"number": area.number})

    def items(self, area):
        return queries.progress_reports().filter(measure__area=area)[:FEED_LENGTH]


class CityActivityFeed(Feed):
    """Announce the newest public activities with one published partner city."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        # A copy per request: the instance in the URLconf is shared between threads.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def get_object(self, request, slug):
        return get_object_or_404(PartnerCity.objects.public(), slug=slug)

    def title(self, city):
        return _("Activities with {city} – Hannover – International City").format(city=city.name)

    def subtitle(self, city):
        return _("What happens in Hannover's relationship with {city}.").format(city=city.name)

    def link(self, city):
        return city.get_absolute_url()

    def feed_url(self, city):
        return reverse("opendata:city_activity_feed", kwargs={"slug": city.slug})

    def author_name(self):
        return _("City of Hannover – International Affairs Office")

    def feed_copyright(self):
        return _("City of Hannover")

    def items(self, city):
        return Activity.objects.public().filter(partner_cities=city).newest_first()[:FEED_LENGTH]

    def item_title(self, activity):
        title = f"{date_format(activity.starts_on, 'DATE_FORMAT')}: {activity.title}"
        return f"{title} ({_('sample data')})" if activity.is_sample else title

    def item_description(self, activity):
        return format_html(
            "<p>{}</p>{}", activity.get_kind_display(), paragraphs(activity.description)
        )

    def item_link(self, activity):
        return activity.get_absolute_url()

    def item_guid(self, activity):
        return self.request.build_absolute_uri(activity.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, activity):
        return timezone.make_aware(datetime.datetime.combine(activity.starts_on, datetime.time()))

    def item_updateddate(self, activity):
        return activity.updated_at
