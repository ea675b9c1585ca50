"""The progress pages' content: rows per measure, groups per Area of Action, the council report.

Every function here works on measures already fetched with their state annotated and their
milestones prefetched, so that a page's query count does not grow with the data.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from measures.models import AreaOfAction, Measure, Status

from .models import Milestone, ReportingPeriod
from .services import MeasureState, state_of, with_states_on_days

# To a list of its own: without one, Django builds a queryset for every measure of a page.
MILESTONES = Prefetch(
    "milestones", queryset=Milestone.objects.order_by("due_on", "pk"), to_attr="listed_milestones"
)

# What a row of the progress overview reads of a measure: its texts and units stay unread.
OVERVIEW_ROW_FIELDS = (
    "number",
    "slug",
    "title",
    "area",
    "position",
    "created_at",
    "status",
    "progress",
    "status_override",
)


@dataclass
class MeasureRow:
    """One measure's line in a progress table."""

    measure: Measure
    state: MeasureState
    next_milestone: Milestone | None = None
    overdue_milestones: list[Milestone] = field(default_factory=list)
    previous: MeasureState | None = None

    @property
    def status_changed(self) -> bool:
        return self.previous is not None and self.previous.status != self.state.status

    @property
    def progress_delta(self) -> int | None:
        """Return the change in percentage points since the previous report, if both have one."""
        if self.previous is None or not (self.previous.is_reported and self.state.is_reported):
            return None
        return self.state.progress - self.previous.progress

    @property
    def progress_delta_display(self) -> str:
        delta = self.progress_delta
        if delta is None:
            return ""
        return "±0" if delta == 0 else f"{delta:+d}"

    @property
    def changed(self) -> bool:
        return self.status_changed or bool(self.progress_delta)

    @property
    def is_sample(self) -> bool:
        return (
            self.state.is_sample
            or (self.previous is not None and self.previous.is_sample)
            or (self.next_milestone is not None and self.next_milestone.is_sample)
            or any(milestone.is_sample for milestone in self.overdue_milestones)
        )


@dataclass
class StatusCount:
    status: str
    label: str
    count: int


class AreaFiguresMixin:
    """The figures of one Area of Action by status, as its table row and chart bars show them."""

    area: AreaOfAction | None

    @property
    def number(self) -> int:
        return self.area.number

    @property
    def label(self) -> str:
        return _("Area of Action %(number)s") % {"number": self.number}

    @property
    def status_counts(self) -> list[StatusCount]:
        return self.counts_of(list(Status))

    @property
    def present_counts(self) -> list[StatusCount]:
        """Return the counts of the statuses that occur in the group."""
        return [count for count in self.status_counts if count.count]

    def counts_of(self, statuses: list[Status]) -> list[StatusCount]:
        """Return the group's count of each of `statuses`, in their order."""
        return [
            StatusCount(status.value, str(status.label), self.count(status)) for status in statuses
        ]

    @property
    def not_reported(self) -> int:
        """Return how many of the group's measures have no reported state yet."""
        return self.count(Status.NOT_REPORTED)


@dataclass
class AreaFigures(AreaFiguresMixin):
    """The counts of one Area of Action's measures per status and their mean progress, by SQL.

    Its `area` is read only for the groups a page shows (with_areas), so that a page of the
    figures does not read every Area of Action.
    """

    area: AreaOfAction | None
    area_id: int
    area_number: int
    total: int
    counts: dict[str, int]
    progress_sum: int
    reported: int
    # How many of the measures' states come from sample reports.
    samples: int = 0

    @property
    def number(self) -> int:
        return self.area_number

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def mean_progress(self) -> int | None:
        """Return the rounded mean progress of the measures with a reported state, or None."""
        if not self.reported:
            return None
        return round(self.progress_sum / self.reported)


def status_field(status: Status) -> str:
    """Return the name of the aggregate that counts the measures in `status`."""
    return f"status_{status.value}"


def area_figures(measures) -> list[AreaFigures]:
    """Return the figures of each Area of Action of the state-annotated `measures`, in SQL.

    One query groups the measures by area, in the areas' order; with_areas then fetches the
    areas a page shows, to name and link them. A measure nobody reported on has no progress
    figure, so it does not count as 0 %.
    """
    reported = ~Q(state_status=Status.NOT_REPORTED)
    rows = (
        measures.order_by()
        .values("area", "area__number")
        .annotate(
            total=Count("pk"),
            progress_sum=Sum("state_progress", filter=reported, default=0),
            reported=Count("pk", filter=reported),
            samples=Count("pk", filter=Q(state_is_sample=True)),
            **{
                status_field(status): Count("pk", filter=Q(state_status=status))
                for status in Status
            },
        )
    )
    result = [
        AreaFigures(
            area=None,
            area_id=row["area"],
            area_number=row["area__number"],
            total=row["total"],
            counts={status.value: row[status_field(status)] for status in Status},
            progress_sum=row["progress_sum"],
            reported=row["reported"],
            samples=row["samples"],
        )
        for row in rows
    ]
    return sorted(result, key=lambda group: group.area_number)


def with_areas(groups: list[AreaFigures]) -> list[AreaFigures]:
    """Return `groups` with their Areas of Action read, in one query."""
    areas = AreaOfAction.objects.in_bulk([group.area_id for group in groups])
    for group in groups:
        group.area = areas[group.area_id]
    return groups


@dataclass
class AreaGroup(AreaFiguresMixin):
    """The rows of one Area of Action with its figures."""

    area: AreaOfAction
    rows: list[MeasureRow]

    @property
    def total(self) -> int:
        return len(self.rows)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.state.status == status)

    @property
    def mean_progress(self) -> int | None:
        """Return the rounded mean progress of the measures with a reported state, or None.

        A measure nobody reported on has no progress figure, so it does not count as 0 %.
        """
        reported = [row.state.progress for row in self.rows if row.state.is_reported]
        if not reported:
            return None
        return round(sum(reported) / len(reported))


def measure_rows(
    measures,
    day: datetime.date,
    *,
    previous_prefix: str | None = None,
    previous_day: datetime.date | None = None,
) -> list[MeasureRow]:
    """Return a row per annotated measure (milestones prefetched by MILESTONES) on `day`."""
    rows = []
    for measure in measures:
        milestones = list(measure.listed_milestones)
        open_milestones = [m for m in milestones if not m.is_reached(day)]
        rows.append(
            MeasureRow(
                measure=measure,
                state=state_of(measure, day),
                next_milestone=open_milestones[0] if open_milestones else None,
                overdue_milestones=[m for m in open_milestones if m.is_overdue(day)],
                previous=(
                    state_of(measure, previous_day, prefix=previous_prefix)
                    if previous_prefix
                    else None
                ),
            )
        )
    return rows


def statuses_present(groups: list[AreaFiguresMixin]) -> list[Status]:
    """Return the statuses that occur in the groups, in the order of the choices.

    Legends and tables name only these: a column of zeros for a status nobody reported would
    read as if that status were part of the picture.
    """
    return [status for status in Status if any(group.count(status) for group in groups)]


def area_groups(rows: list[MeasureRow]) -> list[AreaGroup]:
    """Return the rows grouped by Area of Action, in the plan's order."""
    groups: dict[int, AreaGroup] = {}
    for row in rows:
        area = row.measure.area
        groups.setdefault(area.pk, AreaGroup(area=area, rows=[])).rows.append(row)
    return sorted(groups.values(), key=lambda group: group.area.number)


@dataclass
class MilestoneEvent:
    """A milestone reached or falling due within a reporting period."""

    milestone: Milestone
    measure: Measure
    reached: bool
    overdue: bool


@dataclass
class PeriodReport:
    """Everything the council report of one reporting period shows."""

    period: ReportingPeriod
    previous: ReportingPeriod | None
    groups: list[AreaGroup]
    milestones_reached: list[MilestoneEvent]
    milestones_due: list[MilestoneEvent]

    @property
    def rows(self) -> list[MeasureRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def not_reported(self) -> int:
        """Return how many measures had no reported state at the period's end."""
        return sum(group.not_reported for group in self.groups)

    @property
    def changes(self) -> list[MeasureRow]:
        return [row for row in self.rows if row.changed]

    @property
    def is_sample(self) -> bool:
        return (
            self.period.is_sample
            or (self.previous is not None and self.previous.is_sample)
            or any(row.is_sample for row in self.rows)
            or any(event.milestone.is_sample for event in self.milestones_reached)
            or any(event.milestone.is_sample for event in self.milestones_due)
        )


def previous_period(period: ReportingPeriod) -> ReportingPeriod | None:
    """Return the published reporting period that ended last before `period`."""
    return (
        ReportingPeriod.objects.public()
        .filter(ends_on__lt=period.ends_on)
        .order_by("-ends_on")
        .first()
    )


def period_report(period: ReportingPeriod) -> PeriodReport:
    """Return every published measure as it stood at the period's end, and what changed since."""
    previous = previous_period(period)
    end = period.ends_on
    start = previous.ends_on if previous else None
    days = {"state_": end, **({"previous_": previous.ends_on} if previous else {})}
    measures = with_states_on_days(
        Measure.objects.public().for_list().prefetch_related(MILESTONES), days
    )
    rows = measure_rows(
        measures,
        end,
        previous_prefix="previous_" if previous else None,
        previous_day=start,
    )

    def within(day):
        return day is not None and day <= end and (start is None or day > start)

    reached, due = [], []
    for measure in measures:
        for milestone in measure.listed_milestones:
            if within(milestone.reached_on):
                reached.append(MilestoneEvent(milestone, measure, True, False))
            if within(milestone.due_on):
                due.append(
                    MilestoneEvent(
                        milestone,
                        measure,
                        milestone.is_reached(end),
                        milestone.is_overdue(end),
                    )
                )
    return PeriodReport(
        period=period,
        previous=previous,
        groups=area_groups(rows),
        milestones_reached=sorted(reached, key=lambda event: event.milestone.reached_on),
        milestones_due=sorted(due, key=lambda event: event.milestone.due_on),
    )
