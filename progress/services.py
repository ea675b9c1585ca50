"""A measure's state of implementation, read from its progress reports, and the writes that set it.

One source of truth: the latest published progress report gives a measure's status and progress.
`Measure.status` and `Measure.progress` hold a copy, kept in step whenever a report is saved or
deleted, so that every page of the portal shows the same figures; an editor may set them by hand
instead, but only with a reason the public sees. A state on a past day is rebuilt from the reports
dated up to that day, so that what the council was shown does not change with later edits.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from measures.content import PublicationState
from measures.models import Measure, Status

from .models import ProgressReport


def update_due_days() -> int:
    """Return after how many days without a report a measure's update is due."""
    return getattr(settings, "PROGRESS_UPDATE_DUE_DAYS", 180)


def is_update_due(
    *, reported_on: datetime.date | None, created_on: datetime.date, today: datetime.date
) -> bool:
    """Return whether a measure last reported on `reported_on` needs a new report on `today`.

    A measure that never had a report counts from the day it was entered in the portal.
    """
    since = reported_on or created_on
    return (today - since).days > update_due_days()


@dataclass(frozen=True)
class MeasureState:
    """Where a measure stood on a given day."""

    status: str
    progress: int
    reported_on: datetime.date | None
    update_due: bool = False
    overridden: bool = False
    is_sample: bool = False

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)


def _latest_reports(day: datetime.date | None):
    """Return a subquery base: the measure's published reports up to `day`, newest first."""
    reports = ProgressReport.objects.published().filter(measure=OuterRef("pk"))
    if day is not None:
        reports = reports.filter(reported_on__lte=day)
    return reports.order_by("-reported_on", "-pk")


def with_state_as_of(measures: models.QuerySet, day: datetime.date, prefix: str = "state_"):
    """Annotate each measure with its status, progress and last report date on `day`.

    A measure without a published report up to `day` stands as the plan put it: its stored
    values, unless those already come from later reports or an editor's override, in which
    case the plan's starting point, planned and 0 %.
    """
    latest = _latest_reports(day)
    stored_values_are_later = Q(status_override=True) | Exists(
        ProgressReport.objects.published().filter(measure=OuterRef("pk"))
    )
    return measures.annotate(
        **{
            f"{prefix}status": Coalesce(
                Subquery(latest.values("status")[:1]),
                Case(
                    When(stored_values_are_later, then=Value(Status.PLANNED.value)),
                    default=F("status"),
                    output_field=models.CharField(),
                ),
                output_field=models.CharField(),
            ),
            f"{prefix}progress": Coalesce(
                Subquery(latest.values("progress")[:1]),
                Case(
                    When(stored_values_are_later, then=Value(0)),
                    default=F("progress"),
                    output_field=models.IntegerField(),
                ),
                output_field=models.IntegerField(),
            ),
            f"{prefix}reported_on": Subquery(latest.values("reported_on")[:1]),
            f"{prefix}is_sample": Coalesce(
                Subquery(latest.values("is_sample")[:1]),
                Value(False),
                output_field=models.BooleanField(),
            ),
            f"{prefix}overridden": Value(False, output_field=models.BooleanField()),
        }
    )


def with_current_state(measures: models.QuerySet, prefix: str = "state_"):
    """Annotate each measure with its current status, progress and last report date."""
    latest = _latest_reports(None)
    return measures.annotate(
        **{
            f"{prefix}status": F("status"),
            f"{prefix}progress": F("progress"),
            f"{prefix}reported_on": Subquery(latest.values("reported_on")[:1]),
            f"{prefix}is_sample": Case(
                When(status_override=True, then=Value(False)),
                default=Coalesce(Subquery(latest.values("is_sample")[:1]), Value(False)),
                output_field=models.BooleanField(),
            ),
            f"{prefix}overridden": F("status_override"),
        }
    )


def state_of(measure: Measure, today: datetime.date, prefix: str = "state_") -> MeasureState:
    """Return the state a `with_state_as_of` or `with_current_state` annotation put on `measure`."""
    reported_on = getattr(measure, f"{prefix}reported_on")
    return MeasureState(
        status=getattr(measure, f"{prefix}status"),
        progress=getattr(measure, f"{prefix}progress"),
        reported_on=reported_on,
        update_due=is_update_due(
            reported_on=reported_on,
            created_on=timezone.localdate(measure.created_at),
            today=today,
        ),
        overridden=getattr(measure, f"{prefix}overridden"),
        is_sample=getattr(measure, f"{prefix}is_sample"),
    )


def _ids(measures: Iterable[Measure] | models.QuerySet):
    """Return the measures' ids, as a subquery where they come as a QuerySet."""
    if isinstance(measures, models.QuerySet):
        return measures.order_by().values("pk")
    return [measure.pk for measure in measures]


def measure_state_as_of(
    measures: Iterable[Measure] | models.QuerySet, day: datetime.date
) -> dict[int, MeasureState]:
    """Return, by measure id, each measure's state on `day` as its published reports give it.

    One query, however many measures and reports there are.
    """
    ids = _ids(measures)
    annotated = with_state_as_of(Measure.objects.filter(pk__in=ids).order_by(), day)
    return {measure.pk: state_of(measure, day) for measure in annotated}


def measure_current_state(
    measures: Iterable[Measure] | models.QuerySet, *, today: datetime.date | None = None
) -> dict[int, MeasureState]:
    """Return, by measure id, each measure's state today, overrides included, in one query."""
    today = today or timezone.localdate()
    ids = _ids(measures)
    annotated = with_current_state(Measure.objects.filter(pk__in=ids).order_by())
    return {measure.pk: state_of(measure, today) for measure in annotated}


def measure_sync_state(*, measure: Measure) -> Measure:
    """Copy the latest published report's status and progress to the measure, unless overridden.

    Without any published report the measure returns to the plan's starting point.
    """
    measure.refresh_from_db(fields=["status", "progress", "status_override"])
    if measure.status_override:
        return measure
    latest = (
        ProgressReport.objects.published()
        .filter(measure=measure.pk)
        .order_by("-reported_on", "-pk")
        .values("status", "progress")
        .first()
    )
    status, progress = (
        (latest["status"], latest["progress"]) if latest else (Status.PLANNED.value, 0)
    )
    if (measure.status, measure.progress) != (status, progress):
        measure.status, measure.progress = status, progress
        measure.save(update_fields=["status", "progress", "updated_at"])
    return measure


def progress_report_create(
    *,
    measure: Measure,
    reported_on: datetime.date,
    status: str,
    progress: int,
    text_de: str = "",
    text_en: str = "",
    author=None,
    publish: bool = True,
    is_sample: bool = False,
) -> ProgressReport:
    """Create a progress report; once published, it sets the measure's status and progress."""
    report = ProgressReport(
        measure=measure,
        reported_on=reported_on,
        status=status,
        progress=progress,
        text_de=text_de,
        text_en=text_en,
        author=author,
        is_sample=is_sample,
        publication_state=PublicationState.PUBLISHED if publish else PublicationState.DRAFT,
    )
    report.full_clean()
    report.save()  # The post_save receiver brings the measure in step.
    return report


def progress_report_publish(*, report: ProgressReport) -> ProgressReport:
    """Publish a report, which brings its measure's status and progress in step."""
    report.publication_state = PublicationState.PUBLISHED
    report.full_clean()
    report.save()
    return report


def measure_override_status(
    *, measure: Measure, status: str, progress: int, reason_de: str, reason_en: str = ""
) -> Measure:
    """Set a measure's status and progress by hand, which requires a reason."""
    if not (reason_de.strip() or reason_en.strip()):
        raise ValidationError(
            {"status_override_reason": _("Give the reason for setting the status by hand.")}
        )
    measure.status, measure.progress = status, progress
    measure.status_override = True
    measure.status_override_reason_de = reason_de.strip()
    measure.status_override_reason_en = reason_en.strip()
    measure.full_clean()
    measure.save()
    return measure


def measure_clear_override(*, measure: Measure) -> Measure:
    """Let the measure's status and progress follow its progress reports again."""
    measure.status_override = False
    measure.status_override_reason_de = measure.status_override_reason_en = ""
    measure.save()
    return measure_sync_state(measure=measure)
