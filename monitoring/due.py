"""What is due on a given day: the notices of every kind, each with the people it goes to."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Prefetch
from django.utils import timezone

from core.models import ChangeProposal
from core.workflow import has_publication_state
from measures.models import MeasureContact
from progress.models import Milestone
from progress.services import update_due_days

from . import queries, rules
from .kinds import Kind
from .people import measure_recipients, office_users, unit_editors

D = datetime.timedelta
OVERDUE_KINDS = {Kind.UPDATE_OVERDUE, Kind.MILESTONE_OVERDUE}


@dataclass
class Notice:
    """One thing one or more people are reminded of, at one stage."""

    kind: str
    item: str
    stage: int
    obj: Any
    route: rules.Route
    # The due date, or the day the item was handed in for review.
    day: datetime.date | None = None
    # Days left until the due date, or days past it, or days waiting for review.
    days: int = 0
    recipients: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.route.url

    @property
    def escalated(self) -> bool:
        """Return whether the office is told of this overdue item too."""
        return self.kind in OVERDUE_KINDS and rules.is_escalated(self.stage)


def item_key(obj) -> str:
    """Return the record key of a model row: 'measures.measure:12'."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def change_route(obj) -> rules.Route:
    """Return the admin page where `obj` is changed."""
    opts = obj._meta
    return rules.Route(f"admin:{opts.app_label}_{opts.model_name}_change", (obj.pk,))


def _overdue_notice(kind, obj, path, due_on, today, people, office) -> Notice | None:
    """Return the notice for an item overdue since the day after `due_on`, at its stage."""
    stage = rules.stage_after((today - due_on).days - 1)
    if stage is None:
        return None
    notice = Notice(kind, item_key(obj), stage, obj, path, due_on, (today - due_on).days, people)
    if notice.escalated:
        # Past the last repeat the office is told too.
        notice.recipients = _unique([*people, *office])
    return notice


def _unique(users) -> list:
    seen, result = set(), []
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            result.append(user)
    return result


def _measures():
    contacts = MeasureContact.objects.select_related("user")
    return (
        queries.measures_to_report_on()
        .select_related("lead_unit")
        .prefetch_related(Prefetch("contacts", queryset=contacts))
        .order_by("area__number", "position")
    )


def update_notices(today, *, editors, office) -> list[Notice]:
    """Return the reminders of progress reports due soon or overdue."""
    notices = []
    soon = rules.due_soon_days()
    for measure in _measures():
        due_on = measure.update_counts_from + D(days=update_due_days())
        people = measure_recipients(measure, editors=editors, office=office)
        path = rules.Route("admin:progress_progressreport_add", query=f"measure={measure.pk}")
        if due_on < today:
            notice = _overdue_notice(
                Kind.UPDATE_OVERDUE, measure, path, due_on, today, people, office
            )
            if notice:
                notices.append(notice)
        elif (due_on - today).days <= soon:
            days = (due_on - today).days
            notices.append(
                Notice(
                    Kind.UPDATE_DUE_SOON, item_key(measure), 0, measure, path, due_on, days, people
                )
            )
    return notices


def milestone_notices(today, *, editors, office) -> list[Notice]:
    """Return the reminders of milestones due soon or overdue, not yet reached."""
    notices = []
    soon = today + D(days=rules.due_soon_days())
    contacts = MeasureContact.objects.select_related("user")
    milestones = (
        Milestone.objects.filter(reached_on__isnull=True, due_on__lte=soon)
        .filter(measure__in=queries.measures_to_report_on().values("pk"))
        .select_related("measure__lead_unit")
        .prefetch_related(Prefetch("measure__contacts", queryset=contacts))
        .order_by("due_on", "pk")
    )
    for milestone in milestones:
        people = measure_recipients(milestone.measure, editors=editors, office=office)
        path = change_route(milestone)
        if milestone.due_on < today:
            notice = _overdue_notice(
                Kind.MILESTONE_OVERDUE, milestone, path, milestone.due_on, today, people, office
            )
            if notice:
                notices.append(notice)
        else:
            days = (milestone.due_on - today).days
            notices.append(
                Notice(
                    Kind.MILESTONE_DUE_SOON,
                    item_key(milestone),
                    0,
                    milestone,
                    path,
                    milestone.due_on,
                    days,
                    people,
                )
            )
    return notices


def models_in_workflow() -> list:
    """Return our models that go through the publishing workflow, in a stable order."""
    ours = {"measures", "partners", "networks", "progress", "relations", "hannover_intl"}
    models = [
        model
        for model in apps.get_models()
        if model._meta.app_label in ours
        and has_publication_state(model)
        and not model._meta.label_lower.split(".")[1].startswith("historical")
    ]
    return sorted(models, key=lambda model: model._meta.label_lower)


def proposals_waiting():
    """Return the department editors' proposed changes the office has not decided yet."""
    return ChangeProposal.objects.filter(state=ChangeProposal.State.OPEN)


def review_notices(today, *, office) -> list[Notice]:
    """Return the reminders to the office of content and proposed changes waiting in review."""
    notices = []
    for proposal in proposals_waiting().select_related("content_type").order_by("pk"):
        waiting = (today - timezone.localdate(proposal.created_at)).days
        stage = rules.stage_after(waiting)
        if stage is not None:
            notices.append(
                Notice(
                    Kind.REVIEW,
                    item_key(proposal),
                    stage,
                    proposal,
                    change_route(proposal),
                    timezone.localdate(proposal.created_at),
                    waiting,
                    office,
                )
            )
    for model in models_in_workflow():
        for obj in model._default_manager.in_review():
            waiting = (today - timezone.localdate(obj.updated_at)).days
            stage = rules.stage_after(waiting)
            if stage is None:
                continue
            notices.append(
                Notice(
                    Kind.REVIEW,
                    item_key(obj),
                    stage,
                    obj,
                    change_route(obj),
                    timezone.localdate(obj.updated_at),
                    waiting,
                    office,
                )
            )
    return notices


def digest_notice(today, *, office) -> Notice:
    """Return the office's weekly overview, one a calendar week."""
    from .overview import office_overview

    year, week, _weekday = today.isocalendar()
    overview = office_overview(today)
    path = rules.Route("admin:index")
    return Notice(Kind.OFFICE_DIGEST, "digest", year * 100 + week, overview, path, today, 0, office)


def notices_due(today: datetime.date) -> list[Notice]:
    """Return every notice due on `today`, each with its recipients."""
    office = office_users()
    editors = unit_editors()
    return [
        *update_notices(today, editors=editors, office=office),
        *milestone_notices(today, editors=editors, office=office),
        *review_notices(today, office=office),
        digest_notice(today, office=office),
    ]
