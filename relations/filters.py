"""Filters of the public directory of local actors and of the events page."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import translated_order
from measures.models import Theme
from networks.models import FundingProgramme, Network
from partners.models import ActorKind, ExternalPartner, PartnerCity

from .models import Activity


def cities_of(queryset_of_links):
    """Return the public cities that at least one of the given rows links to."""
    return (
        PartnerCity.objects.public()
        .filter(pk__in=queryset_of_links)
        .order_by(translated_order("name"))
    )


def themes_in(used):
    return Theme.objects.filter(pk__in=used).order_by(translated_order("name"))


class ActorFilter(django_filters.FilterSet):
    """Narrow the local actors by kind, partner city and theme."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ActorKind.choices, empty_label=_("All kinds")
    )
    city = django_filters.ModelChoiceFilter(
        label=_("Twin or cooperation city"),
        field_name="partner_cities",
        queryset=lambda request: cities_of(
            ExternalPartner.objects.public().values("partner_cities")
        ),
        to_field_name="slug",
        empty_label=_("All twin and cooperation cities"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=lambda request: themes_in(ExternalPartner.objects.public().values("themes")),
        to_field_name="slug",
        empty_label=_("All themes"),
    )

    class Meta:
        model = ExternalPartner
        fields = []


class EventFilter(django_filters.FilterSet):
    """Choose upcoming or past events and narrow them by city, network and theme."""

    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("upcoming")), ("past", _("past"))],
        empty_label=_("Upcoming and past"),
        method="filter_when",
    )
    city = django_filters.ModelChoiceFilter(
        label=_("Twin or cooperation city"),
        field_name="partner_cities",
        queryset=lambda request: cities_of(
            Activity.objects.public().events().values("partner_cities")
        ),
        to_field_name="slug",
        empty_label=_("All twin and cooperation cities"),
    )
    network = django_filters.ModelChoiceFilter(
        label=_("Network"),
        field_name="networks",
        queryset=lambda request: (
            Network.objects.public()
            .filter(pk__in=Activity.objects.public().events().values("networks"))
            .order_by(translated_order("name"))
        ),
        to_field_name="slug",
        empty_label=_("All networks"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=lambda request: themes_in(Activity.objects.public().events().values("themes")),
        to_field_name="slug",
        empty_label=_("All themes"),
    )

    class Meta:
        model = Activity
        fields = []

    def filter_when(self, queryset, name, value):
        today = timezone.localdate()
        if value == "upcoming":
            return queryset.upcoming(today).order_by("starts_on", "pk")
        return queryset.past(today).newest_first()


class ProgrammeFilter(django_filters.FilterSet):
    """Narrow the funding programmes by theme."""

    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=lambda request: themes_in(FundingProgramme.objects.public().values("themes")),
        to_field_name="slug",
        empty_label=_("All themes"),
    )

    class Meta:
        model = FundingProgramme
        fields = []
