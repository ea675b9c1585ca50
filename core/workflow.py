"""The publishing workflow: draft → in review → published (→ archived), who may move it, the log."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from .access import is_office, is_unit_scoped
from .content import PublicationState
from .models import WorkflowEvent

DRAFT = PublicationState.DRAFT
REVIEW = PublicationState.REVIEW
PUBLISHED = PublicationState.PUBLISHED
ARCHIVED = PublicationState.ARCHIVED

# The office may make every step; a department editor only hands a draft in for review;
# anyone else (a council member) makes none.
OFFICE_TRANSITIONS = {
    DRAFT: {REVIEW, PUBLISHED, ARCHIVED},
    REVIEW: {PUBLISHED, DRAFT, ARCHIVED},
    PUBLISHED: {DRAFT, ARCHIVED},
    ARCHIVED: {DRAFT},
}
EDITOR_TRANSITIONS = {DRAFT: {REVIEW}}


def has_publication_state(model) -> bool:
    """Return whether `model` goes through the workflow."""
    return any(field.name == "publication_state" for field in model._meta.fields)


def allowed_states(user, current: str) -> list[str]:
    """Return the states the user may move content to from `current`, in workflow order."""
    if is_office(user):
        targets = OFFICE_TRANSITIONS.get(current, set())
    elif is_unit_scoped(user):
        targets = EDITOR_TRANSITIONS.get(current, set())
    else:
        targets = set()
    return [state for state in PublicationState.values if state in targets]


def transition_problem(*, user, current: str, target: str, comment: str) -> str | None:
    """Return why the user may not move content from `current` to `target`, or None."""
    if target == current:
        return None
    if target not in allowed_states(user, current):
        return _("You may not move this from “%(current)s” to “%(target)s”.") % {
            "current": PublicationState(current).label,
            "target": PublicationState(target).label,
        }
    if current == REVIEW and target == DRAFT and not comment.strip():
        return _("Say in a comment what needs to change before it can be published.")
    return None


def workflow_event_record(*, obj, from_state: str, user, comment: str = "") -> WorkflowEvent:
    """Log that `obj` moved from `from_state` to its current state."""
    return WorkflowEvent.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        from_state=from_state,
        to_state=obj.publication_state,
        comment=comment,
        user=user,
    )


def publication_changed(obj) -> None:
    """Let `obj` bring in step what follows its publication (a report sets its measure's state)."""
    hook = getattr(obj, "after_publication_change", None)
    if hook is not None:
        hook()


@transaction.atomic
def content_transition(*, obj, target: str, user, comment: str = "") -> WorkflowEvent | None:
    """Move `obj` to the `target` state if the user may, keeping history and the log."""
    current = obj.publication_state
    if target == current:
        return None
    problem = transition_problem(user=user, current=current, target=target, comment=comment)
    if target not in allowed_states(user, current):
        raise PermissionDenied(problem)
    if problem:
        raise ValidationError(problem)
    obj.publication_state = target
    obj.full_clean()
    obj._history_user = user
    obj._change_reason = comment or PublicationState(target).label
    obj.save()
    publication_changed(obj)
    return workflow_event_record(obj=obj, from_state=current, user=user, comment=comment)


def workflow_events_in_scope(user) -> Q:
    """Return the filter for the log entries of the content the user may open."""
    scope = Q(pk__in=[])
    for content_type in ContentType.objects.filter(
        pk__in=WorkflowEvent.objects.values("content_type").distinct()
    ):
        model = content_type.model_class()
        editable_by = getattr(getattr(model, "_default_manager", None), "editable_by", None)
        if editable_by is None:
            continue
        rows = editable_by(user).values("pk")
        scope |= Q(content_type=content_type, object_id__in=rows)
    return scope


def workflow_events_for(obj):
    """Return the workflow log of `obj`, newest first."""
    return WorkflowEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
    ).select_related("user")
