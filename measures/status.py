"""A measure's status and progress: its latest published report's, or set by hand with a reason.

One place for the rule. `Measure.status` and `Measure.progress` hold a copy of the latest
published progress report's values, so that every page shows the same figures; the office may
set them by hand instead, but only with a reason in German that the public sees (a database
constraint holds that too). A measure with neither has no state: `not_reported`, never a
guessed "planned". The progress services call `measure_sync_state` whenever a report changes;
the measure's admin calls `measure_status_save`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Measure, Status

STATUS_FIELDS = ("status", "progress")


def measure_reported_state(measure: Measure) -> tuple[str, int]:
    """Return the status and progress of the measure's latest published report.

    Without one, nobody has reported a state: not_reported and 0.
    """
    # The reports are the measure's children; it reads them through their relation.
    latest = (
        measure.progress_reports.published_themselves()
        .order_by("-reported_on", "-pk")
        .values("status", "progress")
        .first()
    )
    return (latest["status"], latest["progress"]) if latest else (Status.NOT_REPORTED.value, 0)


def measure_sync_state(*, measure: Measure) -> Measure:
    """Copy the latest published report's status and progress to the measure, unless set by hand.

    Without any published report the measure returns to "no progress reported yet".
    """
    measure.refresh_from_db(fields=["status", "progress", "status_override"])
    if measure.status_override:
        return measure
    status, progress = measure_reported_state(measure)
    if (measure.status, measure.progress) != (status, progress):
        measure.status, measure.progress = status, progress
        measure.save(update_fields=["status", "progress", "updated_at"])
    return measure


def status_change_problem(*, measure: Measure, changed: set[str]) -> dict | None:
    """Return why the status or progress may not change this way, by field, or None.

    Status and progress follow the reports; they may differ from them only when set by hand.
    """
    if measure.status_override or not set(STATUS_FIELDS) & changed:
        return None
    return {
        "status": _(
            "Status and progress follow the latest published progress report. To set "
            "them here, tick “status set by hand” and give a reason."
        )
    }


@transaction.atomic
def measure_status_save(*, measure: Measure, changed: set[str]) -> Measure:
    """Save an edited measure, then let its status follow the reports unless set by hand."""
    problem = status_change_problem(measure=measure, changed=changed)
    if problem:
        raise ValidationError(problem)
    measure.full_clean()
    measure.save()
    return measure_sync_state(measure=measure)


def measure_override_status(
    *, measure: Measure, status: str, progress: int, reason_de: str, reason_en: str = ""
) -> Measure:
    """Set a measure's status and progress by hand, which requires a reason in German."""
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
