"""Who works in which department."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
        verbose_name=_("organizational unit"),
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
