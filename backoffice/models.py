"""Who works in which department, and the log of the publishing workflow."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from measures.content import PublicationState
from measures.models import OrganisationalUnit


class EditorProfile(models.Model):
    """Link a department editor to the organisational unit whose measures they edit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editor_profile",
        verbose_name=_("user"),
    )
    unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.PROTECT,
        related_name="editors",
        verbose_name=_("organisational unit"),
        help_text=_(
            "A department editor edits the measures this unit leads or contributes to, "
            "and their progress reports."
        ),
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("department of an editor")
        verbose_name_plural = _("departments of editors")

    def __str__(self):
        return f"{self.user} – {self.unit}"


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
        ordering = ["-created_at", "-pk"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="backoffice_workflow_object"),
        ]
        permissions = [
            ("publish_content", _("Can publish, send back and archive content")),
            ("import_content", _("Can import content from spreadsheets")),
        ]

    def __str__(self):
        steps = f"{self.get_from_state_display()} → {self.get_to_state_display()}"
        return f"{self.content_object}: {steps}"
