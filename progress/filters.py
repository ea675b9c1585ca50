"""Filters of the progress overview."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from measures.filters import MeasureScopeFilter
from measures.models import Status


class ProgressFilter(MeasureScopeFilter):
    """Narrow the measures by area, goal, status and unit, and choose the day to show.

    The queryset must carry the `state_status` annotation of `progress.services`, so that the
    status filter applies to the state on the chosen day.
    """

    # The status filter applies to the state on the chosen day, not the stored one.
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="state_status",
        choices=Status.choices,
        empty_label=_("Every status"),
    )
    # Read and checked by the view, which explains a date it cannot show; here only the field.
    as_of = django_filters.CharFilter(
        label=_("State on (date)"),
        method="keep_all",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def keep_all(self, queryset, name, value):
        """Leave the measures as they are: the day is applied before filtering."""
        return queryset
