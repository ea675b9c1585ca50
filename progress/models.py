"""Where the measures stand: progress reports, milestones and the council's reporting periods."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.content import PublicationState, Publishable, TimeStamped
from core.council import council_number_validator
from measures.models import (
    REPORTED_STATUS_CHOICES,
    Measure,
    MeasurePartQuerySet,
    PublishableMeasurePartQuerySet,
    Status,
)
from measures.status import measure_sync_state

SAMPLE_HELP = _("Invented for demonstration; the public site marks it as sample data.")


class ProgressReport(Publishable):
    """A report on where a measure stood on a given day; the latest published one counts."""

    # A report is public only while its measure is.
    public_parents = ("measure",)

    measure = models.ForeignKey(
        Measure,
        on_delete=models.PROTECT,
        related_name="progress_reports",
        verbose_name=_("measure"),
    )
    reported_on = models.DateField(
        _("reported on"),
        help_text=_(
            "The day the report describes. The latest published report sets the measure's "
            "status and progress."
        ),
    )
    # A report states a status; "no progress reported yet" is what a measure shows without one.
    status = models.CharField(_("status"), max_length=16, choices=REPORTED_STATUS_CHOICES)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    text = models.TextField(
        _("report"),
        blank=True,
        help_text=_("Separate paragraphs with a blank line; start list items with '- '."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_reports",
        verbose_name=_("author"),
    )
    is_sample = models.BooleanField(_("sample data"), default=False, help_text=SAMPLE_HELP)

    objects = PublishableMeasurePartQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        # The public pages, the feed and the API read the latest published reports, overall
        # and per measure; at 100 times the plan these turn a sequential scan into an index read.
        indexes = [
            models.Index(
                fields=["-reported_on", "-id"],
                condition=Q(publication_state=PublicationState.PUBLISHED),
                name="progress_report_latest",
            ),
            models.Index(
                fields=["measure", "-reported_on", "-id"],
                condition=Q(publication_state=PublicationState.PUBLISHED),
                name="progress_report_measure_latest",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="%(app_label)s_%(class)s_progress_0_to_100",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.NOT_REPORTED),
                name="%(app_label)s_%(class)s_states_a_status",
                violation_error_message=_("A progress report states the measure's status."),
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.COMPLETED) | Q(progress=100),
                name="%(app_label)s_%(class)s_completed_means_100",
                violation_error_message=_("A completed measure stands at 100 percent."),
            ),
            # Two published reports on one day would leave "the latest" undecided.
            models.UniqueConstraint(
                fields=["measure", "reported_on"],
                condition=Q(publication_state=PublicationState.PUBLISHED),
                name="%(app_label)s_%(class)s_one_published_per_day",
                violation_error_message=_(
                    "This measure already has a published report for this day."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.measure.number} – {self.reported_on.isoformat()}"

    @property
    def status_label(self) -> str:
        return self.get_status_display()

    def after_publication_change(self):
        """Bring the measure's status in step once this report is published or withdrawn."""
        measure_sync_state(measure=self.measure)

    def clean(self):
        """Reject a report on a day that has not come yet."""
        super().clean()
        if self.reported_on and self.reported_on > timezone.localdate():
            raise ValidationError({"reported_on": _("A report cannot describe a future day.")})


class Milestone(TimeStamped):
    """A step of a measure with the day it is due and, once there, the day it was reached."""

    # A milestone is as public as its measure.
    public_parents = ("measure",)

    measure = models.ForeignKey(
        Measure, on_delete=models.PROTECT, related_name="milestones", verbose_name=_("measure")
    )
    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField(_("due on"))
    reached_on = models.DateField(
        _("reached on"), null=True, blank=True, help_text=_("Leave empty until it is reached.")
    )
    is_sample = models.BooleanField(_("sample data"), default=False, help_text=SAMPLE_HELP)

    objects = MeasurePartQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    def clean(self):
        """Reject a milestone reached on a day that has not come yet."""
        super().clean()
        if self.reached_on and self.reached_on > timezone.localdate():
            raise ValidationError({"reached_on": _("A milestone cannot be reached in the future.")})

    def is_reached(self, today: datetime.date) -> bool:
        """Return whether the milestone had been reached by `today`."""
        return self.reached_on is not None and self.reached_on <= today

    def is_overdue(self, today: datetime.date) -> bool:
        """Return whether the milestone is past its due day and was not reached by `today`."""
        return self.due_on < today and not self.is_reached(today)


class ReportingPeriod(Publishable):
    """A period the International Affairs Office reports on to the City Council."""

    title = models.CharField(_("title"), max_length=200)
    ends_on = models.DateField(
        _("end of the reporting period"),
        help_text=_(
            "The report shows every measure as its published progress reports put it on this day."
        ),
    )
    council_document = models.CharField(
        _("council document (Drucksache no.)"),
        max_length=40,
        blank=True,
        validators=[council_number_validator],
        help_text=_("The number of the Drucksache that presented the report, e.g. 1234/2025."),
    )
    decided_on = models.DateField(_("council decision on"), null=True, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False, help_text=SAMPLE_HELP)

    class Meta:
        ordering = ["-ends_on"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(
                fields=["ends_on"], name="%(app_label)s_%(class)s_unique_ends_on"
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("ends_on")),
                name="%(app_label)s_%(class)s_decided_not_before_end",
                violation_error_message=_(
                    "The council can decide on a report only after its period has ended."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("progress:period_detail", kwargs={"pk": self.pk})
