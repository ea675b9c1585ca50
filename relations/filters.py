"""Filters of the public directory of local actors and of the events page."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import q_any_language, translated_order
from core.suggesting import NameFilter, NameLookup
from measures.models import Theme
from networks.models import FundingProgramme, Network
from partners.lookups import CityLookup, public_cities_of
from partners.models import ActorKind, ExternalPartner

from .models import Activity


class ActorCities(CityLookup):
    """The public cities public local actors are linked to."""

    def cities(self):
        return public_cities_of(ExternalPartner.objects.public().values("partner_cities"))


class EventCities(CityLookup):
    """The public cities public events concern."""

    def cities(self):
        return public_cities_of(Activity.objects.public().events().values("partner_cities"))


class EventNetworks(NameLookup):
    """The public networks public events concern, by name in either language, acronym or slug."""

    unknown_message = _(
        "No network called “%(name)s” appears in this list, so it is not narrowed by network. "
        "Type the first letters of a name: the field suggests the networks."
    )
    matches_heading = _("Networks whose name contains “%(name)s”:")

    def rows(self, text: str):
        networks = Network.objects.public().filter(
            pk__in=Activity.objects.public().events().values("networks")
        )
        if text:
            networks = networks.filter(
                q_any_language("name", "icontains", text)
                | q_any_language("acronym", "icontains", text)
                | Q(slug=text)
            )
        return networks.order_by(translated_order("name"), "pk").values_list(
            "slug", "name_de", "name_en", "acronym_de", "acronym_en"
        )


def themes_in(used):
    return Theme.objects.filter(pk__in=used).order_by(translated_order("name"))


class ActorFilter(django_filters.FilterSet):
    """Narrow the local actors by kind, partner city and theme."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ActorKind.choices, empty_label=_("All kinds")
    )
    # A text field with suggestions: a choice of every city would grow with the register.
    city = NameFilter(
        label=_("Twin or cooperation city"),
        field_name="partner_cities__slug",
        lookup=ActorCities(),
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
    # Text fields with suggestions: cities and networks grow with the register.
    city = NameFilter(
        label=_("Twin or cooperation city"),
        field_name="partner_cities__slug",
        lookup=EventCities(),
    )
    network = NameFilter(label=_("Network"), field_name="networks__slug", lookup=EventNetworks())
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
