"""The log of the publishing workflow, and the permissions of the content workflow."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .content import PublicationState


class WorkflowEvent(models.Model):
    """One step of a piece of content on its way from draft to published, with the comment."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, verbose_name=_("kind of content")
    )
    object_id = models.PositiveBigIntegerField(_("object ID"))
    content_object = GenericForeignKey("content_type", "object_id")
    from_state = models.CharField(_("from"), max_length=16, choices=PublicationState)
    to_state = models.CharField(_("to"), max_length=16, choices=PublicationState)
    comment = models.TextField(_("comment"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        # The table predates this app: the log moved here from the back office, rows and all.
        db_table = "backoffice_workflowevent"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="backoffice_workflow_object"),
        ]
        permissions = [
            ("publish_content", _("Can publish, send back and archive content")),
            ("import_content", _("Can import content from spreadsheets")),
            (
                "work_for_own_unit",
                _("Works only on the content of their own organizational unit"),
            ),
        ]

    def __str__(self):
        steps = f"{self.get_from_state_display()} → {self.get_to_state_display()}"
        return f"{self.content_object}: {steps}"


class ChangeProposal(models.Model):
    """A department editor's change to published content, waiting for the office's decision."""

    class State(models.TextChoices):
        OPEN = "open", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, verbose_name=_("kind of content")
    )
    object_id = models.PositiveBigIntegerField(_("object ID"))
    content_object = GenericForeignKey("content_type", "object_id")
    base_version = models.PositiveIntegerField(
        _("version proposed on"), help_text=_("The version of the record the change starts from.")
    )
    changes = models.JSONField(_("proposed values"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=16, choices=State, default=State.OPEN, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = models.TextField(_("comment on the decision"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="core_proposal_object"),
        ]

    def __str__(self):
        return f"{self.content_object} ({self.get_state_display()})"
