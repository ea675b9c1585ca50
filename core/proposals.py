"""Proposed changes: a department editor's edit of published content waits for the office.

The public site keeps showing the published text until the office accepts the proposal; the
office sees it field by field in both languages and accepts or declines it with a comment that
the editor sees. Proposals are kept after the decision, so nothing is lost.
"""

import datetime
import decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import is_office, is_unit_scoped
from .content import PublicationState
from .models import ChangeProposal
from .workflow import publication_changed


def proposes_instead_of_saving(user, stored) -> bool:
    """Return whether the user's edit of the stored row becomes a proposal for the office."""
    if stored is None or not is_unit_scoped(user):
        return False
    return getattr(stored, "publication_state", None) == PublicationState.PUBLISHED


def _stored_value(field, value):
    """Return `value` of `field` as JSON can hold it."""
    if isinstance(field, models.ManyToManyField):
        return sorted(item.pk for item in value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.date | decimal.Decimal):
        return str(value)
    return value


def with_unoffered_rows(*, obj, form) -> tuple[dict, list[str]]:
    """Return the form's values and changed fields, with the many-to-many rows it did not offer.

    A department editor's form offers only some rows of a list (their unit's measures, say):
    the rows linked but not offered are added back, so that accepting the proposal keeps them,
    and a list whose offered part did not change is no change at all.
    """
    cleaned, changed = dict(form.cleaned_data), list(form.changed_data)
    for field in obj._meta.many_to_many:
        name = field.name
        if name not in changed or name not in cleaned or name not in form.fields:
            continue
        offered = form.fields[name].queryset.values("pk")
        linked = getattr(obj, name).all()
        kept = set(linked.exclude(pk__in=offered).values_list("pk", flat=True))
        proposed = {item.pk for item in cleaned[name]} | kept
        if proposed == set(linked.values_list("pk", flat=True)):
            changed.remove(name)
        else:
            cleaned[name] = list(field.related_model._default_manager.filter(pk__in=proposed))
    return cleaned, changed


def proposal_create(*, obj, cleaned_data: dict, changed: list[str], user) -> ChangeProposal:
    """Keep the changed fields of a form for `obj` as a proposal, leaving `obj` as it is."""
    opts = obj._meta
    names = {field.name for field in [*opts.concrete_fields, *opts.many_to_many]}
    changes = {
        name: _stored_value(opts.get_field(name), cleaned_data[name])
        for name in changed
        if name in names and name in cleaned_data
    }
    return ChangeProposal.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        base_version=obj.version,
        changes=changes,
        author=user,
    )


def proposal_rows(proposal: ChangeProposal) -> list[tuple[str, str, str]]:
    """Return each proposed field as its label, the published value and the proposed value."""
    obj = proposal.content_object
    rows = []
    for name, proposed in proposal.changes.items():
        field = obj._meta.get_field(name)
        if isinstance(field, models.ManyToManyField):
            current = ", ".join(str(item) for item in getattr(obj, name).all())
            chosen = field.related_model._default_manager.filter(pk__in=proposed)
            shown = ", ".join(str(item) for item in chosen)
        elif field.is_relation:
            current = str(getattr(obj, name) or "")
            shown = str(field.related_model._default_manager.filter(pk=proposed).first() or "")
        else:
            current, shown = field.value_to_string(obj), "" if proposed is None else str(proposed)
        rows.append((str(field.verbose_name), current, shown))
    return rows


def _apply(obj, changes: dict) -> list:
    """Set the proposed values on `obj`; return the many-to-many values to set after saving."""
    later = []
    for name, value in changes.items():
        field = obj._meta.get_field(name)
        if isinstance(field, models.ManyToManyField):
            later.append((name, value))
        else:
            setattr(obj, field.attname, field.to_python(value))
    return later


def proposal_problem(*, proposal: ChangeProposal, accept: bool, comment: str) -> str | None:
    """Return why the proposal cannot be decided this way, or None."""
    if proposal.state != ChangeProposal.State.OPEN:
        return _("This proposal has already been decided.")
    if not accept and not comment.strip():
        return _("Say in a comment why the proposal is declined.")
    if accept and proposal.content_object.version != proposal.base_version:
        return _(
            "The record has changed since this proposal was made; accepting it would undo "
            "those changes. Decline it and ask for a new proposal."
        )
    return None


@transaction.atomic
def proposal_decide(*, proposal: ChangeProposal, user, accept: bool, comment: str = "") -> None:
    """Accept (apply) or decline a proposal, as the office, with a comment the editor sees."""
    if not is_office(user):
        raise PermissionDenied
    # Locked, so that no save slips in between the check and the change.
    obj = (
        type(proposal.content_object)
        ._default_manager.select_for_update()
        .get(pk=proposal.object_id)
    )
    proposal.content_object = obj
    problem = proposal_problem(proposal=proposal, accept=accept, comment=comment)
    if problem:
        raise ValidationError(problem)
    if accept:
        many = _apply(obj, proposal.changes)
        obj.full_clean()
        obj._history_user = user
        obj._change_reason = _("Accepted proposal by %(author)s") % {"author": proposal.author}
        obj.save()
        for name, value in many:
            getattr(obj, name).set(value)
        publication_changed(obj)
    proposal.state = ChangeProposal.State.ACCEPTED if accept else ChangeProposal.State.DECLINED
    proposal.decided_by, proposal.decided_at = user, timezone.now()
    proposal.decision_comment = comment.strip()
    proposal.save()


def proposals_in_scope(user):
    """Return the proposals the user may read: all for the office and council, else their own."""
    proposals = ChangeProposal.objects.select_related("author", "decided_by", "content_type")
    if is_unit_scoped(user):
        return proposals.filter(author=user)
    return proposals
