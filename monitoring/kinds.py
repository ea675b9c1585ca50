"""The kinds of reminder, and which of them the office requires."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a reminder is about."""

    UPDATE_DUE_SOON = "update_due_soon", _("Progress report due soon")
    UPDATE_OVERDUE = "update_overdue", _("Progress report overdue")
    MILESTONE_DUE_SOON = "milestone_due_soon", _("Milestone due soon")
    MILESTONE_OVERDUE = "milestone_overdue", _("Milestone overdue")
    REVIEW = "review", _("Waiting for your review")
    OFFICE_DIGEST = "office_digest", _("Weekly overview for the office")


# The office requires these; nobody can switch them off.
REQUIRED_KINDS = frozenset(
    {Kind.UPDATE_OVERDUE, Kind.MILESTONE_OVERDUE, Kind.REVIEW, Kind.OFFICE_DIGEST}
)
# Everyone may switch these off in their mail settings.
OPTIONAL_KINDS = [kind for kind in Kind if kind not in REQUIRED_KINDS]
