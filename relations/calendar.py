"""iCalendar files (RFC 5545) of the public events: one per event and a feed of them all."""

import datetime
from zoneinfo import ZoneInfo

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vText

from core.dates import FIRST_YEAR, LAST_YEAR
from networks.models import FundingProgramme

from .models import Activity

TIME_ZONE = "Europe/Berlin"
BERLIN = ZoneInfo(TIME_ZONE)
PRODUCT_ID = "-//Landeshauptstadt Hannover//Hannover International//DE"
# The feed is bounded: a calendar app needs the coming events and a year of past ones.
FEED_PAST_DAYS = 366
FEED_LIMIT = 500


# Not a host name: the UIDs must stay the same whichever address serves the files.
UID_DOMAIN = "hannover-international"


def event_uid(activity: Activity) -> str:
    """Return the UID of an event, the same in every file and language, for as long as it lives."""
    return f"activity-{activity.pk}@{UID_DOMAIN}"


def language_of(activity: Activity, field: str) -> dict:
    """Return the LANGUAGE parameter of a text: German where the English one falls back to it."""
    language = get_language()
    if language != "de" and not getattr(activity, f"{field}_{language}", ""):
        language = "de"
    return {"LANGUAGE": language}


def event_component(activity: Activity, request) -> Event:
    """Return the VEVENT of one activity, in the active language."""
    event = Event()
    event.add("uid", event_uid(activity))
    event.add("summary", activity.title, parameters=language_of(activity, "title"))
    last_day = activity.ends_on or activity.starts_on
    if activity.starts_at:
        start = datetime.datetime.combine(activity.starts_on, activity.starts_at, tzinfo=BERLIN)
        end_time = (
            activity.ends_at
            or (
                datetime.datetime.combine(datetime.date.min, activity.starts_at)
                + datetime.timedelta(hours=1)
            ).time()
        )
        end = datetime.datetime.combine(last_day, end_time, tzinfo=BERLIN)
        if end <= start:
            end = start + datetime.timedelta(hours=1)
        event.add("dtstart", start)
        event.add("dtend", end)
    else:
        # A whole-day event ends on the day after its last (RFC 5545, 3.6.1).
        event.add("dtstart", activity.starts_on)
        event.add("dtend", last_day + datetime.timedelta(days=1))
    event.add("dtstamp", activity.updated_at)
    event.add("last-modified", activity.updated_at)
    event.add("sequence", activity.version)
    if activity.venue:
        event.add("location", activity.venue, parameters=language_of(activity, "venue"))
    if activity.description:
        event.add(
            "description", activity.description, parameters=language_of(activity, "description")
        )
    event.add("url", request.build_absolute_uri(activity.get_absolute_url()))
    event.add("categories", [str(activity.get_kind_display())])
    if activity.is_sample:
        event.add("comment", _("Sample data: invented for demonstration."))
    return event


def deadline_component(programme: FundingProgramme, request) -> Event:
    """Return a whole-day VEVENT for the next deadline of a funding programme."""
    event = Event()
    # The deadline's day is part of the UID: a new deadline is a new entry, not a moved one.
    event.add("uid", f"programme-{programme.pk}-{programme.next_deadline:%Y%m%d}@{UID_DOMAIN}")
    summary = _("Deadline: {name}").format(name=programme.name)
    event.add("summary", summary, parameters=language_of(programme, "name"))
    event.add("dtstart", programme.next_deadline)
    event.add("dtend", programme.next_deadline + datetime.timedelta(days=1))
    event.add("dtstamp", programme.updated_at)
    event.add("url", request.build_absolute_uri(programme.get_absolute_url()))
    if programme.is_sample:
        event.add("comment", _("Sample data: invented for demonstration."))
    return event


def in_range(day: datetime.date | None) -> bool:
    """Return whether a date (if any) lies within the years a calendar can hold."""
    return day is None or FIRST_YEAR <= day.year <= LAST_YEAR


def calendar_of(activities, request, name: str, programmes=()) -> Calendar:
    """Return a VCALENDAR of `activities` (and deadlines) with the time zone of Hannover."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", "Europe/Berlin")
    # A row with a date outside the plausible years (saved before they were checked) is left
    # out rather than failing the whole feed.
    activities = [a for a in activities if all(in_range(d) for d in (a.starts_on, a.ends_on))]
    for activity in activities:
        calendar.add_component(event_component(activity, request))
    for programme in programmes:
        if in_range(programme.next_deadline):
            calendar.add_component(deadline_component(programme, request))
    # One VTIMEZONE for Europe/Berlin, only over the years the events need, so it stays small.
    days = [a.starts_on for a in activities] + [a.ends_on or a.starts_on for a in activities]
    days = days or [timezone.localdate()]
    first = datetime.date(min(days).year, 1, 1)
    last = datetime.date(max(days).year + 1, 1, 1)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    if not calendar.timezones:
        calendar.add_component(Timezone.from_tzid(TIME_ZONE, first_date=first, last_date=last))
    return calendar


def ics_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = get_language()
    return response


def events_feed(request):
    """Answer the subscribable calendar of every public event, in the address's language."""
    since = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = (
        Activity.objects.public().events().upcoming(since).order_by("starts_on", "pk")[:FEED_LIMIT]
    )
    programmes = (
        FundingProgramme.objects.public()
        .filter(next_deadline__gte=since)
        .order_by("next_deadline", "pk")[:FEED_LIMIT]
    )
    name = _("Events – Hannover International City")
    calendar = calendar_of(events, request, name, programmes)
    return ics_response(calendar, "hannover-international.ics")


def event_file(request, pk: int):
    """Answer the calendar file of one public event."""
    activity = get_object_or_404(Activity.objects.public(), pk=pk)
    if not activity.open_to_public or not in_range(activity.starts_on) or not in_range(
        activity.ends_on
    ):
        raise Http404
    calendar = calendar_of([activity], request, activity.title)
    return ics_response(calendar, f"event-{activity.pk}.ics")
