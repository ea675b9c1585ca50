"""A measure's state of implementation read from its progress reports, and the writes of reports.

The latest published progress report gives a measure's status and progress; `measures.status`
keeps the measure's copy in step, and every write of a report here calls it. A state on a past
day is rebuilt from the reports dated up to that day, so that what the council was shown does not
change with later edits.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.content import PublicationState
from measures.models import Measure, Status
from measures.status import measure_sync_state

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

    @property
    def is_reported(self) -> bool:
        """Return whether anyone has reported a state, by a report or by hand."""
        return self.status != Status.NOT_REPORTED


def _latest_reports(day: datetime.date | None):
    """Return a subquery base: the measure's published reports up to `day`, newest first."""
    reports = ProgressReport.objects.published_themselves().filter(measure=OuterRef("pk"))
    if day is not None:
        reports = reports.filter(reported_on__lte=day)
    return reports.order_by("-reported_on", "-pk")


def with_state_as_of(measures: models.QuerySet, day: datetime.date, prefix: str = "state_"):
    """Annotate each measure with its status, progress and last report date on `day`.

    A measure without a published report up to `day` had no reported state then: its stored
    values, unless those already come from later reports or an editor's override, in which
    case not_reported and 0 %.
    """
    latest = _latest_reports(day)
    stored_values_are_later = Q(status_override=True) | Exists(
        ProgressReport.objects.published_themselves().filter(measure=OuterRef("pk"))
    )
    return measures.annotate(
        **{
            f"{prefix}status": Coalesce(
                Subquery(latest.values("status")[:1]),
                Case(
                    When(stored_values_are_later, then=Value(Status.NOT_REPORTED.value)),
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


def with_states_on_days(measures: models.QuerySet, days: dict[str, datetime.date]) -> list:
    """Return the measures, each with its state on every day as `with_state_as_of` puts it.

    `days` maps an attribute prefix to its day. The same states as `with_state_as_of` gives (a
    test holds the two to the same rule), in one query more: the measures bring only the key of
    their latest report up to each day, and the reports come in one query. Building a subquery
    for each value of each day cost more time than running them. `with_state_as_of` stays for
    what must filter and count by the state in SQL.
    """
    rows = list(
        measures.annotate(
            **{
                f"{prefix}report_id": Subquery(_latest_reports(day).values("pk")[:1])
                for prefix, day in days.items()
            },
            has_published_reports=Exists(
                ProgressReport.objects.published_themselves().filter(measure=OuterRef("pk"))
            ),
        )
    )
    wanted = {getattr(row, f"{prefix}report_id") for row in rows for prefix in days} - {None}
    reports = ProgressReport.objects.filter(pk__in=wanted).only(
        "status", "progress", "reported_on", "is_sample"
    )
    by_id = {report.pk: report for report in reports}
    for row in rows:
        stored_values_are_later = row.status_override or row.has_published_reports
        for prefix in days:
            report = by_id.get(getattr(row, f"{prefix}report_id"))
            if report is not None:
                status, progress = report.status, report.progress
            elif stored_values_are_later:
                status, progress = Status.NOT_REPORTED.value, 0
            else:
                status, progress = row.status, row.progress
            setattr(row, f"{prefix}status", status)
            setattr(row, f"{prefix}progress", progress)
            setattr(row, f"{prefix}reported_on", report.reported_on if report else None)
            setattr(row, f"{prefix}is_sample", report.is_sample if report else False)
            setattr(row, f"{prefix}overridden", False)
    return rows


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
    )
    report.publication_state = PublicationState.PUBLISHED if publish else PublicationState.DRAFT
    return progress_report_save(report=report)


@transaction.atomic
def progress_report_save(*, report: ProgressReport) -> ProgressReport:
    """Save a report, then bring its measure (and one it moved from) in step with its reports."""
    previous_measure_id = (
        ProgressReport.objects.filter(pk=report.pk).values_list("measure_id", flat=True).first()
        if report.pk
        else None
    )
    report.full_clean()
    report.save()
    measures_sync_state(ids={report.measure_id, previous_measure_id})
    return report


def measures_sync_state(*, ids) -> None:
    """Bring the measures with these ids in step with their published reports."""
    for measure in Measure.objects.filter(pk__in=set(ids) - {None}):
        measure_sync_state(measure=measure)


@transaction.atomic
def progress_reports_remove(*, reports: models.QuerySet) -> int:
    """Delete these reports (sample data only: real ones are archived) and resync their measures."""
    ids = set(reports.values_list("measure_id", flat=True))
    removed, _by_model = reports.delete()
    measures_sync_state(ids=ids)
    return removed


def progress_report_publish(*, report: ProgressReport) -> ProgressReport:
    """Publish a report, which brings its measure's status and progress in step."""
    report.publication_state = PublicationState.PUBLISHED
    return progress_report_save(report=report)
