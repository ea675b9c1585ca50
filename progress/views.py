"""Public progress pages: the overview, each measure's timeline and the council reports."""

import datetime
import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.filtering import ForgivingFilterMixin
from measures.models import Measure

from . import charts, exports
from .filters import ProgressFilter
from .models import Milestone, ProgressReport, ReportingPeriod
from .reporting import (
    MILESTONES,
    OVERVIEW_ROW_FIELDS,
    area_figures,
    measure_rows,
    period_report,
    statuses_present,
    with_areas,
)
from .services import with_current_state, with_state_as_of

# The figures per Area of Action come in pages of their own, so the charts stay readable and
# the page bounded however many Areas of Action there are.
AREAS_PER_PAGE = 10
AREA_PAGE_KWARG = "areas_page"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_as_of(value: str, today: datetime.date) -> tuple[datetime.date | None, str]:
    """Return the past day asked for, or None for today, with a message if it cannot be shown."""
    value = (value or "").strip()
    if not value:
        return None, ""
    day = None
    if ISO_DAY.match(value):
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            day = None
    if day is None:
        return None, _(
            "“%(value)s” is not a date. Enter a day as YYYY-MM-DD, for example %(example)s. "
            "The page shows the current state."
        ) % {"value": value[:40], "example": today.replace(month=1, day=1).isoformat()}
    if day > today:
        return None, _(
            "%(day)s lies in the future, so there is no state to show yet. "
            "The page shows the current state."
        ) % {"day": day.isoformat()}
    if day == today:
        return None, ""
    return day, ""


class ProgressOverviewView(ForgivingFilterMixin, ListView):
    """Show where the measures stand, today or on a past day, per Area of Action and in a table.

    The figures per Area of Action are counted and averaged in SQL over every measure found;
    the table of the measures themselves is paginated, so the page does not grow with the plan.
    """

    template_name = "progress/overview.html"
    context_object_name = "measures"
    filterset_class = ProgressFilter
    paginate_by = 25

    def get_queryset(self):
        self.today = timezone.localdate()
        self.as_of, self.as_of_message = parse_as_of(self.request.GET.get("as_of"), self.today)
        measures = (
            Measure.objects.public()
            .order_by("area__number", "position")
            .only(*OVERVIEW_ROW_FIELDS)
            .prefetch_related(MILESTONES)
        )
        if self.as_of:
            measures = with_state_as_of(measures, self.as_of)
        else:
            measures = with_current_state(measures)
        self.filterset = self.get_filterset(measures)
        return self.filterset.qs

    def get_paginator(self, queryset, per_page, **kwargs):
        """Return the paginator, its count taken from the figures rather than one more query."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = sum(group.total for group in self.groups)
        return paginator

    def area_page(self, groups: list):
        """Return the page of the figures per Area of Action that the address asks for."""
        paginator = Paginator(groups, AREAS_PER_PAGE, allow_empty_first_page=True)
        requested = self.request.GET.get(AREA_PAGE_KWARG) or "1"
        number = int(requested) if requested.isdigit() else 0
        if not 1 <= number <= paginator.num_pages:
            self.ignored_filters.append(_("page of the Areas of Action"))
            number = 1
        return paginator.page(number)

    def get_context_data(self, **kwargs):
        self.groups = groups = area_figures(self.object_list)
        statuses = statuses_present(groups)
        area_page = self.area_page(groups)
        shown = with_areas(list(area_page.object_list))
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop(AREA_PAGE_KWARG, None)
        # Only the page's measures are read as rows, with their milestones.
        rows = measure_rows(context["page_obj"].object_list, self.as_of or self.today)
        context.update(
            measures=rows,
            rows=rows,
            groups=groups,
            statuses=statuses,
            area_page=area_page,
            area_page_kwarg=AREA_PAGE_KWARG,
            query_without_area_page=query.urlencode(),
            area_table=[(group, group.counts_of(statuses)) for group in shown],
            status_chart=charts.status_chart(shown),
            progress_chart=charts.progress_chart(shown),
            as_of=self.as_of,
            as_of_message=self.as_of_message,
            today=self.today,
            # The figures count sample reports as well as the rows shown.
            is_sample=any(row.is_sample for row in rows) or any(group.samples for group in groups),
            not_reported=sum(group.not_reported for group in groups),
        )
        return context


@dataclass
class TimelineEntry:
    """A dated event in a measure's timeline: a report, or a milestone reached or due."""

    day: datetime.date
    kind: str
    report: ProgressReport | None = None
    milestone: Milestone | None = None

    @property
    def is_sample(self) -> bool:
        return bool((self.report or self.milestone).is_sample)


def timeline(measure: Measure, today: datetime.date) -> list[TimelineEntry]:
    """Return the measure's published reports and its milestones, newest first."""
    entries = [
        TimelineEntry(report.reported_on, "report", report=report)
        for report in measure.published_reports
    ]
    for milestone in measure.listed_milestones:
        if milestone.is_reached(today):
            entries.append(TimelineEntry(milestone.reached_on, "reached", milestone=milestone))
        elif milestone.is_overdue(today):
            entries.append(TimelineEntry(milestone.due_on, "overdue", milestone=milestone))
        else:
            entries.append(TimelineEntry(milestone.due_on, "due", milestone=milestone))
    return sorted(entries, key=lambda entry: entry.day, reverse=True)


class MeasureProgressView(DetailView):
    """Show one measure's state of implementation with its reports and milestones."""

    template_name = "progress/measure_progress.html"
    context_object_name = "measure"

    def get_queryset(self):
        reports = ProgressReport.objects.public().order_by("-reported_on", "-pk")
        return with_current_state(
            Measure.objects.public().select_related("area", "lead_unit")
        ).prefetch_related(
            Prefetch("progress_reports", queryset=reports, to_attr="published_reports"),
            MILESTONES,
        )

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        row = measure_rows([self.object], today)[0]
        entries = timeline(self.object, today)
        return super().get_context_data(
            row=row,
            timeline=entries,
            is_sample=row.is_sample or any(entry.is_sample for entry in entries),
            **kwargs,
        )


class PeriodListView(ListView):
    """List the published reporting periods, newest first."""

    template_name = "progress/period_list.html"
    context_object_name = "periods"

    def get_queryset(self):
        return ReportingPeriod.objects.public()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            is_sample=any(period.is_sample for period in self.object_list), **kwargs
        )


class PeriodDetailView(DetailView):
    """Show the council report of one reporting period."""

    template_name = "progress/period_detail.html"
    context_object_name = "period"

    def get_queryset(self):
        return ReportingPeriod.objects.public()

    def get_context_data(self, **kwargs):
        report = period_report(self.object)
        return super().get_context_data(
            report=report, is_sample=report.is_sample, **kwargs
        )


class PeriodCSVView(PeriodDetailView):
    """Download the council report as CSV."""

    def render_to_response(self, context, **response_kwargs):
        return exports.csv_response(context["report"])


class PeriodXLSXView(PeriodDetailView):
    """Download the council report as an Excel workbook."""

    def render_to_response(self, context, **response_kwargs):
        return exports.xlsx_response(context["report"])
