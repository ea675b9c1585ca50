"""Filters of the API's lists: the API's own, so that a change to a page's form leaves them be.

The labels are the pages' texts, which
the OpenAPI description shows in the reader's language; there are no widgets.
"""

import django_filters
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core.content import public_q_through
from core.i18n import q_any_language, translated_order
from measures.filters import (
    linked_city_choices,
    measures_containing,
    measures_linked_to_city,
    measures_sorted,
)
from measures.models import (
    REPORTED_STATUS_CHOICES,
    AreaOfAction,
    Goal,
    Measure,
    OrganisationalUnit,
    Status,
    Theme,
)
from networks.filters import programme_choices, projects_containing
from networks.models import EUProject, MembershipStatus, Network, Scope
from partners.continents import Continent, countries_in
from partners.filters import (
    cities_named,
    countries_of,
    default_order,
    first_since,
    offer_countries_of_the_cities,
)
from partners.models import Partnership, PartnershipKind
from progress.models import ProgressReport
from relations.models import Activity, ActivityKind


class MeasureAPIFilter(django_filters.FilterSet):
    """Narrow the measures by area, goal, status, unit, theme, partner city and free text."""

    area = django_filters.ModelChoiceFilter(
        label=_("Area of Action"),
        queryset=AreaOfAction.objects.public(),
        to_field_name="number",
    )
    goal = django_filters.ModelChoiceFilter(
        label=_("Goal"),
        field_name="goals",
        queryset=Goal.objects.public(),
        to_field_name="number",
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    unit = django_filters.ModelChoiceFilter(
        label=_("Responsible unit"),
        queryset=OrganisationalUnit.objects.all(),
        to_field_name="slug",
        method="filter_unit",
    )
    q = django_filters.CharFilter(label=_("Search text"), method="filter_text")
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
    )
    city = django_filters.ChoiceFilter(
        label=_("Twin or cooperation city"),
        choices=linked_city_choices,
        method="filter_city",
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_sort",
        choices=[
            ("number", _("number")),
            ("title", _("title")),
            ("status", _("status")),
            ("-progress", _("progress, highest first")),
            ("-updated", _("last change, newest first")),
        ],
    )

    class Meta:
        model = Measure
        fields = []

    @property
    def qs(self):
        # Filters across many-to-many relations can repeat a measure.
        return super().qs.distinct()

    # The filter's method hides its type from drf-spectacular, which would warn at every check.
    @extend_schema_field(OpenApiTypes.STR)
    def filter_unit(self, queryset, name, value):
        """Keep measures the unit leads or contributes to."""
        return queryset.filter(Q(lead_unit=value) | Q(contributing_units=value))

    @extend_schema_field(OpenApiTypes.STR)
    def filter_city(self, queryset, name, value):
        """Keep measures linked to the city by a public partnership."""
        return measures_linked_to_city(queryset, value)

    def filter_text(self, queryset, name, value):
        """Keep measures whose texts or sub-items contain `value` in either language."""
        return measures_containing(queryset, value)

    def filter_sort(self, queryset, name, value):
        """Order the measures as asked."""
        return measures_sorted(queryset, value)


class ProgressReportFilter(django_filters.FilterSet):
    """Narrow the progress reports by measure, Area of Action, status and day."""

    measure = django_filters.ModelChoiceFilter(
        label=_("Measure"),
        queryset=Measure.objects.public(),
        to_field_name="slug",
        help_text="Slug of the measure, such as 1-1.",
    )
    area = django_filters.NumberFilter(
        label=_("Area of Action"),
        field_name="measure__area__number",
        help_text="Number of the Area of Action.",
    )
    # A report always states a status; not_reported is only ever a measure's.
    status = django_filters.ChoiceFilter(label=_("Status"), choices=REPORTED_STATUS_CHOICES)
    since = django_filters.DateFilter(
        label=_("Reported on or after"),
        field_name="reported_on",
        lookup_expr="gte",
        help_text="A day in the form 2025-12-31.",
    )
    until = django_filters.DateFilter(
        label=_("Reported on or before"),
        field_name="reported_on",
        lookup_expr="lte",
        help_text="A day in the form 2025-12-31.",
    )

    class Meta:
        model = ProgressReport
        fields = []


class PartnershipFilter(django_filters.FilterSet):
    """Narrow the partnerships by city, kind, theme and whether they are active."""

    city = django_filters.CharFilter(
        label=_("Twin or cooperation city"),
        field_name="city__slug",
        help_text="Slug of the twin or cooperation city.",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of partnership"), choices=PartnershipKind.choices
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        distinct=True,
    )
    # A choice rather than a BooleanFilter, which would silently ignore a value such as 'maybe'.
    active = django_filters.ChoiceFilter(
        label=_("Active"),
        choices=[("true", "true"), ("false", "false")],
        method="filter_active",
        help_text="true for partnerships that have not ended, false for ended ones.",
    )

    class Meta:
        model = Partnership
        fields = []

    def filter_active(self, queryset, name, value):
        """Keep the partnerships that have not ended, or those that have."""
        return queryset.filter(ended_on__isnull=value == "true")


def used_themes(model):
    """Return the themes that at least one published row of `model` has."""
    used = model.objects.public().filter(themes__isnull=False).values("themes")
    return Theme.objects.filter(pk__in=used).order_by(translated_order("name"))


class NetworkAPIFilter(django_filters.FilterSet):
    """Narrow the networks by scope, membership status, theme and free text."""

    q = django_filters.CharFilter(label=_("Search text"), method="filter_text")
    scope = django_filters.ChoiceFilter(label=_("European or international"), choices=Scope.choices)
    status = django_filters.ChoiceFilter(
        label=_("Membership"), field_name="membership_status", choices=MembershipStatus.choices
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=lambda request: used_themes(Network),
        to_field_name="slug",
    )
    verification = django_filters.ChoiceFilter(
        label=_("Verification by the office"),
        choices=[("confirmed", "confirmed"), ("pending", "pending"), ("all", "all")],
        method="filter_verification",
        help_text=(
            "Without this parameter, or with confirmed, only the networks the International "
            "Affairs Office does not still have to verify, so that no count includes an "
            "unverified entry; pending: only those it still has to verify; all: both."
        ),
    )

    class Meta:
        model = Network
        fields = []

    def filter_queryset(self, queryset):
        # An entry the office has yet to verify is counted nowhere unless it is asked for.
        if not self.form.cleaned_data.get("verification"):
            queryset = queryset.confirmed()
        return super().filter_queryset(queryset)

    def filter_verification(self, queryset, name, value):
        """Keep the confirmed networks, those still to be verified, or all."""
        if value == "pending":
            return queryset.unconfirmed()
        if value == "confirmed":
            return queryset.confirmed()
        return queryset

    def filter_text(self, queryset, name, value):
        """Keep networks whose name, acronym or description contains `value` in either language."""
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(
            q_any_language("name", "icontains", text)
            | q_any_language("acronym", "icontains", text)
            | q_any_language("description", "icontains", text)
        )


class ProjectOrderingFilter(django_filters.OrderingFilter):
    """Sort projects by acronym or dates, unknown dates last, ties by acronym."""

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        ordering = []
        for param in value:
            field = self.param_map[param.lstrip("-")]
            expression = Lower(field) if field == "acronym" else F(field)
            descending = param.startswith("-")
            ordering.append(
                expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
            )
        # A stable order keeps pagination from showing a project twice or never.
        return qs.order_by(*ordering, Lower("acronym"), "pk")


def lead_units(request):
    """Return the units that lead at least one published EU project."""
    leading = EUProject.objects.public().values("lead_unit")
    return OrganisationalUnit.objects.filter(pk__in=leading).order_by(translated_order("name"))


class ProjectAPIFilter(django_filters.FilterSet):
    """Narrow the EU projects by phase, funding programme, lead unit, theme and free text."""

    q = django_filters.CharFilter(label=_("Search text"), method="filter_text")
    phase = django_filters.ChoiceFilter(
        label=_("Phase"), choices=EUProject.Phase.choices, method="filter_phase"
    )
    programme = django_filters.ChoiceFilter(
        label=_("Funding programme"), field_name="funding_programme", choices=[]
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Lead unit"), field_name="lead_unit", queryset=lead_units, to_field_name="slug"
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=lambda request: used_themes(EUProject),
        to_field_name="slug",
    )
    sort = ProjectOrderingFilter(
        label=_("Sort by"),
        fields=("acronym", "start", "end"),
        field_labels={"acronym": _("acronym"), "start": _("start"), "end": _("end")},
    )

    class Meta:
        model = EUProject
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["programme"].extra["choices"] = programme_choices()

    def filter_text(self, queryset, name, value):
        """Keep projects whose acronym, title or aim contains `value` in either language."""
        return projects_containing(queryset, value)

    def filter_phase(self, queryset, name, value):
        """Keep projects in the chosen phase as of today."""
        return queryset.in_phase(value, timezone.localdate())


class CityOrderingFilter(django_filters.OrderingFilter):
    """Sort by name or country in the reader's language, or by the year of the first partnership."""

    def filter(self, qs, value):
        if not value:
            return qs
        if "sort_name" not in qs.query.annotations:
            qs = default_order(qs)
        qs = qs.annotate(sort_key=self.sort_key(value[0].lstrip("-")))
        key = F("sort_key")
        key = key.desc(nulls_last=True) if value[0].startswith("-") else key.asc(nulls_last=True)
        return qs.order_by(key, "sort_name")

    def sort_key(self, name: str):
        """Return the expression that the cities are sorted by for the field `name`."""
        if name == "country":
            # The place in the list of countries sorted by name, the same on every database.
            choices = self.parent.country_choices()
            places = [When(country=code, then=Value(i)) for i, (code, _name) in enumerate(choices)]
            return Case(*places, default=Value(len(choices)), output_field=IntegerField())
        if name == "since":
            return first_since()
        return F("sort_name")


class PartnerCityAPIFilter(django_filters.FilterSet):
    """Narrow the partner cities by name, kind, country, continent and theme."""

    q = django_filters.CharFilter(label=_("Name of the city"), method="filter_name")
    kind = django_filters.ChoiceFilter(
        label=_("Kind of partnership"),
        field_name="partnerships__kind",
        choices=PartnershipKind.choices,
        distinct=True,
    )
    country = django_filters.ChoiceFilter(label=_("Country"))
    continent = django_filters.ChoiceFilter(
        label=_("Continent"), choices=Continent.choices, method="filter_continent"
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="partnerships__themes",
        to_field_name="slug",
        queryset=Theme.objects.filter(public_q_through(Theme, "partnerships")).distinct(),
        distinct=True,
    )
    sort = CityOrderingFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("country", "country"), ("since", "since")),
        # Descending labels of their own: OrderingFilter would format them once, at import.
        field_labels={
            "name": _("City, A to Z"),
            "-name": _("City, Z to A"),
            "country": _("Country, A to Z"),
            "-country": _("Country, Z to A"),
            "since": _("Partner since, oldest first"),
            "-since": _("Partner since, newest first"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_countries_of_the_cities(self)

    def country_choices(self) -> list[tuple[str, str]]:
        """Return the countries of the cities on offer, named in the reader's language."""
        return countries_of(self)

    def filter_name(self, queryset, name, value):
        """Keep the cities whose name in any language contains the words of `value`."""
        return cities_named(queryset, value)

    def filter_continent(self, queryset, name, value):
        """Keep the cities in the countries of the continent."""
        return queryset.filter(country__in=countries_in(value))


class ActivityAPIFilter(django_filters.FilterSet):
    """Narrow the activities by kind, city, network, project, theme, events and day."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ActivityKind.choices)
    # Each slug is looked up among the public rows only, so that a draft's slug answers as an
    # unknown one does and the API never confirms that a hidden row exists.
    city = django_filters.CharFilter(
        label=_("Twin or cooperation city"),
        field_name="partner_cities",
        method="filter_public_slug",
        help_text="Slug of the city.",
    )
    network = django_filters.CharFilter(
        label=_("Network"),
        field_name="networks",
        method="filter_public_slug",
        help_text="Slug of the network.",
    )
    project = django_filters.CharFilter(
        label=_("EU project"),
        field_name="eu_projects",
        method="filter_public_slug",
        help_text="Slug of the project.",
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    # A choice rather than a BooleanFilter, which would silently ignore a value such as 'maybe'.
    event = django_filters.ChoiceFilter(
        label=_("Events"),
        choices=[("true", "true"), ("false", "false")],
        method="filter_event",
        help_text="true for public events only, false for the other activities.",
    )
    since = django_filters.DateFilter(
        label=_("On or after"),
        field_name="starts_on",
        lookup_expr="gte",
        help_text="A day in the form 2025-12-31.",
    )

    class Meta:
        model = Activity
        fields = []

    def filter_event(self, queryset, name, value):
        return queryset.filter(open_to_public=value == "true")

    def filter_public_slug(self, queryset, name, value):
        """Keep the activities linked to the public row of `name` with the slug `value`."""
        related = Activity._meta.get_field(name).related_model
        public = related.objects.public().filter(slug=value)
        return queryset.filter(**{f"{name}__in": public.values("pk")})
