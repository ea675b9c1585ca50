"""A citizen's wish to hear by e-mail about new progress reports, and the reports announced."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from measures.models import AreaOfAction, Measure
from progress.models import ProgressReport


def new_key() -> str:
    """Return a fresh secret that the subscription's signed links carry."""
    return secrets.token_urlsafe(24)


class Scope(models.TextChoices):
    ALL = "all", _("All measures")
    AREA = "area", _("Area of Action")
    MEASURE = "measure", _("measure")


class Subscription(models.Model):
    """One address following all reports, one Area of Action or one measure.

    Only what the mails need is kept: the address, its language, what it follows, when it was
    asked for and confirmed (which also marks its confirmation link as used), and the secret its
    signed links carry.
    """

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    scope = models.CharField(_("follows"), max_length=8, choices=Scope)
    area = models.ForeignKey(
        AreaOfAction,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("Area of Action"),
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("measure"),
    )
    key = models.CharField(max_length=64, default=new_key, editable=False)
    requested_at = models.DateTimeField(_("asked for"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("e-mail subscription")
        verbose_name_plural = _("e-mail subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(scope=Scope.ALL, area__isnull=True, measure__isnull=True)
                    | Q(scope=Scope.AREA, area__isnull=False, measure__isnull=True)
                    | Q(scope=Scope.MEASURE, area__isnull=True, measure__isnull=False)
                ),
                name="subscription_scope_matches_target",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(scope=Scope.ALL),
                name="subscription_unique_all",
            ),
            models.UniqueConstraint(
                fields=["email", "area"],
                condition=Q(scope=Scope.AREA),
                name="subscription_unique_area",
            ),
            models.UniqueConstraint(
                fields=["email", "measure"],
                condition=Q(scope=Scope.MEASURE),
                name="subscription_unique_measure",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.target_label})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def target_label(self) -> str:
        """Return what the subscription follows, in the active language."""
        if self.scope == Scope.MEASURE:
            return _("Measure {number} {title}").format(
                number=self.measure.number, title=self.measure.title
            )
        if self.scope == Scope.AREA:
            return _("Area of Action {number}: {title}").format(
                number=self.area.number, title=self.area.title
            )
        return str(_("the measures of the plan"))


class ReportNotice(models.Model):
    """A progress report whose publication the subscribers were told of, so it is told once."""

    report = models.OneToOneField(
        ProgressReport,
        on_delete=models.CASCADE,
        related_name="notice",
        verbose_name=_("progress report"),
    )
    queued_at = models.DateTimeField(_("mails queued"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("announced progress report")
        verbose_name_plural = _("announced progress reports")

    def __str__(self):
        return str(self.report)
