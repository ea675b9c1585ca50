"""Filters of the API's lists: the public measure filters adapted, and the API's own."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from measures.filters import MeasureFilter
from measures.models import Measure, Status, Theme
from partners.models import Partnership, PartnershipKind
from progress.models import ProgressReport


class MeasureAPIFilter(MeasureFilter):
    """Narrow the measures as the public list does, its unit filter described for the API."""

    # The filter's method hides its type from drf-spectacular, which would warn at every check.
    @extend_schema_field(OpenApiTypes.STR)
    def filter_unit(self, queryset, name, value):
        return super().filter_unit(queryset, name, value)


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
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
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
        label=_("Partner city"), field_name="city__slug", help_text="Slug of the partner city."
    )
    kind = django_filters.ChoiceFilter(label=_("Kind of partnership"), choices=PartnershipKind)
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
