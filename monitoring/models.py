"""What each member of staff wants by mail, and the record of what they were reminded of."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .kinds import Kind


class MailLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")


class MailPreference(models.Model):
    """A member of staff's mail language and the optional reminders they receive."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mail_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language of mail"), max_length=2, choices=MailLanguage, default=MailLanguage.GERMAN
    )
    update_due_soon = models.BooleanField(
        _("progress report due soon"),
        default=True,
        help_text=_("A reminder a few days before a measure's next progress report is due."),
    )
    milestone_due_soon = models.BooleanField(
        _("milestone due soon"),
        default=True,
        help_text=_("A reminder a few days before a milestone is due."),
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("mail setting")
        verbose_name_plural = _("mail settings")

    def __str__(self):
        return str(self.user)

    def wants(self, kind: str) -> bool:
        """Return whether the user receives reminders of this kind (required ones always)."""
        return getattr(self, kind, True)


class Reminder(models.Model):
    """One reminder queued for one person about one item at one stage, never twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind)
    # "measures.measure:12", "progress.milestone:7" or "digest": what the reminder is about.
    item = models.CharField(_("item"), max_length=80)
    # 0, 1, 2 for the first reminder and the repeats (REMINDER_REPEAT_DAYS); the week for a digest.
    stage = models.PositiveIntegerField(_("stage"))
    sent_on = models.DateField(_("queued on"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "-pk"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            # Two runs at the same moment both try to record a reminder; only one succeeds.
            models.UniqueConstraint(
                fields=["recipient", "kind", "item", "stage"],
                name="%(app_label)s_%(class)s_once_per_stage",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "kind", "item", "-sent_on"])]

    def __str__(self):
        return f"{self.recipient} – {self.get_kind_display()} – {self.item}"
