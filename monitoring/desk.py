"""The start page of the back office: each role's work, with a link to the list behind each figure.

A department editor sees their unit's measures and where each stands; the office sees what waits
for it across the plan; a council member sees the latest reporting period and what changed since
the one before. Every figure is a count or a bounded list read in a fixed number of queries.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from post_office.models import STATUS, Email

from core.access import is_office, is_unit_scoped
from core.content import PublicationState
from core.models import WorkflowEvent
from measures.models import Measure, MeasureContact
from progress.models import Milestone, ReportingPeriod
from progress.reporting import period_report
from progress.services import update_due_days

from . import queries, rules
from .overview import Figure, changelist, office_overview

D = datetime.timedelta
RECENT_CHANGES = 10


@dataclass
class MeasureLine:
    """One of a department editor's measures, and what it needs."""

    measure: Measure
    update_due_on: datetime.date
    today: datetime.date
    next_milestone: Milestone | None = None
    sent_back_comment: str = ""

    @property
    def update_overdue(self) -> bool:
        return self.update_due_on < self.today

    @property
    def update_due_soon(self) -> bool:
        return not self.update_overdue and (
            (self.update_due_on - self.today).days <= rules.due_soon_days()
        )

    @property
    def milestone_overdue(self) -> bool:
        return self.next_milestone is not None and self.next_milestone.due_on < self.today

    @property
    def in_review(self) -> bool:
        return self.measure.publication_state == PublicationState.REVIEW

    @property
    def change_url(self) -> str:
        return rules.Route("admin:measures_measure_change", (self.measure.pk,)).path

    @property
    def add_report_url(self) -> str:
        route = rules.Route("admin:progress_progressreport_add", query=f"measure={self.measure.pk}")
        return route.path


@dataclass
class Desk:
    """What the start page shows one person."""

    role: str
    figures: list[Figure] = field(default_factory=list)
    measures: list[MeasureLine] = field(default_factory=list)
    recent_changes: list = field(default_factory=list)
    period: ReportingPeriod | None = None
    previous_period: ReportingPeriod | None = None
    changes: list = field(default_factory=list)


def _sent_back_comment():
    """Return a subquery: the comment of the latest step that sent the measure back to draft."""
    measure_type = ContentType.objects.get_for_model(Measure)
    return Subquery(
        WorkflowEvent.objects.filter(
            content_type=measure_type,
            object_id=OuterRef("pk"),
            from_state=PublicationState.REVIEW,
            to_state=PublicationState.DRAFT,
        )
        .order_by("-created_at", "-pk")
        .values("comment")[:1],
        output_field=models.TextField(),
    )


def editor_desk(user, today: datetime.date) -> Desk:
    """Return a department editor's measures, and those they are named for, with their state."""
    next_milestone = Milestone.objects.filter(
        measure=OuterRef("pk"), reached_on__isnull=True
    ).order_by("due_on", "pk")
    editable = Measure.objects.editable_by(user)
    named = MeasureContact.objects.filter(user=user).values("measure")
    own = Measure.objects.filter(Q(pk__in=editable.values("pk")) | Q(pk__in=named))
    measures = (
        queries.measures_to_report_on(own)
        .select_related("area")
        .annotate(
            next_milestone_id=Subquery(next_milestone.values("pk")[:1]),
            sent_back_comment=_sent_back_comment(),
            can_edit=Exists(editable.filter(pk=OuterRef("pk"))),
        )
        .order_by("area__number", "position")
    )
    measures = list(measures)
    # One query for the titles, in the reader's language, whatever the number of measures.
    milestones = Milestone.objects.in_bulk(
        [m.next_milestone_id for m in measures if m.next_milestone_id]
    )
    lines = [
        MeasureLine(
            measure=measure,
            update_due_on=measure.update_counts_from + D(days=update_due_days()),
            today=today,
            next_milestone=milestones.get(measure.next_milestone_id),
            sent_back_comment=(
                measure.sent_back_comment
                if measure.publication_state == PublicationState.DRAFT
                else ""
            )
            or "",
        )
        for measure in measures
    ]
    # The figures count what the lists behind them show: the measures the editor may open.
    editable_lines = [line for line in lines if line.measure.can_edit]
    figures = [
        Figure(
            _("Your measures with an overdue progress report"),
            sum(line.update_overdue for line in editable_lines),
            changelist(Measure, update="overdue"),
        ),
        Figure(
            _("Your measures with a progress report due soon"),
            sum(line.update_due_soon for line in editable_lines),
            changelist(Measure, update="soon"),
        ),
        Figure(
            _("Your measures in review"),
            sum(line.in_review for line in editable_lines),
            changelist(Measure, publication_state__exact=PublicationState.REVIEW),
        ),
    ]
    return Desk("editor", figures=figures, measures=lines)


def mail_failures() -> Figure:
    """Return the mail the queue could not deliver yet or gave up on."""
    count = Email.objects.filter(status__in=[STATUS.failed, STATUS.requeued]).count()
    route = rules.Route(
        "admin:post_office_email_changelist", query=f"status__exact={STATUS.failed}"
    )
    return Figure(_("Mail not delivered"), count, route)


def office_desk(user, today: datetime.date) -> Desk:
    """Return the office's figures, mail failures and the recent changes of others."""
    recent = (
        LogEntry.objects.exclude(user=user)
        .select_related("user", "content_type")
        .order_by("-action_time")[:RECENT_CHANGES]
    )
    figures = [*office_overview(today, listed=0), mail_failures()]
    return Desk("office", figures=figures, recent_changes=list(recent))


def council_desk() -> Desk:
    """Return the latest published reporting period and what changed since the one before."""
    period = ReportingPeriod.objects.public().order_by("-ends_on").first()
    if period is None:
        return Desk("council")
    report = period_report(period)
    figure = Figure(
        _("Measures whose status or progress changed"),
        len(report.changes),
        rules.Route("admin:progress_reportingperiod_change", (period.pk,)),
    )
    return Desk(
        "council",
        figures=[figure],
        period=period,
        previous_period=report.previous,
        changes=report.changes,
    )


def desk_for(user, today: datetime.date) -> Desk | None:
    """Return the start page's content for the user's role, or None for a role without one."""
    if is_office(user):
        return office_desk(user, today)
    if is_unit_scoped(user):
        return editor_desk(user, today)
    if user.has_perm("progress.view_reportingperiod"):
        return council_desk()
    return None
