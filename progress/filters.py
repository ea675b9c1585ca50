"""Filters of the progress overview."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from measures.models import AreaOfAction, Goal, Measure, OrganisationalUnit, Status


class ProgressFilter(django_filters.FilterSet):
    """Narrow the measures by area, goal, status and unit, and choose the day to show.

    The queryset must carry the `state_status` annotation of `progress.services`, so that the
    status filter applies to the state on the chosen day.
    """

    area = django_filters.ModelChoiceFilter(
        label=_("Area of Action"),
        queryset=AreaOfAction.objects.published(),
        to_field_name="number",
        empty_label=_("All Areas of Action"),
    )
    goal = django_filters.ModelChoiceFilter(
        label=_("Goal"),
        field_name="goals",
        queryset=Goal.objects.published(),
        to_field_name="number",
        empty_label=_("All goals"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="state_status",
        choices=Status.choices,
        empty_label=_("Every status"),
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Responsible unit"),
        queryset=OrganisationalUnit.objects.all(),
        to_field_name="slug",
        method="filter_unit",
        empty_label=_("All units"),
    )
    # Read and checked by the view, which explains a date it cannot show; here only the field.
    as_of = django_filters.CharFilter(
        label=_("State on (date)"),
        method="keep_all",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Measure
        fields = []

    @property
    def qs(self):
        # Filters across many-to-many relations can repeat a measure.
        return super().qs.distinct()

    def filter_unit(self, queryset, name, value):
        """Keep measures the unit leads or contributes to."""
        return queryset.filter(Q(lead_unit=value) | Q(contributing_units=value))

    def keep_all(self, queryset, name, value):
        """Leave the measures as they are: the day is applied before filtering."""
        return queryset
