"""Invented progress figures for demonstrations, every row marked as sample data.

The plan's real content stays free of them: nothing here runs unless someone calls
`manage.py load_demo_progress`, and `--remove` takes every sample row out again.
"""

import datetime

from django.db import transaction

from core.content import PublicationState
from measures.models import Measure, Status

from .models import Milestone, ProgressReport, ReportingPeriod
from .services import progress_report_create, progress_reports_remove

D = datetime.timedelta

# Each measure follows one of these courses, in turn: (anchor, days from it, status, progress).
# Anchors: "first" and "second" are the ends of the two sample reporting periods.
COURSES = [
    [("first", -60, Status.IN_PREPARATION, 10), ("second", -40, Status.IN_PROGRESS, 35)],
    [("first", -100, Status.IN_PROGRESS, 40), ("second", -20, Status.IN_PROGRESS, 60)],
    [("first", -30, Status.PLANNED, 0), ("second", -70, Status.IN_PREPARATION, 15)],
    [("first", -120, Status.ONGOING, 50), ("second", -10, Status.ONGOING, 50)],
    [("first", -50, Status.IN_PROGRESS, 70), ("second", -30, Status.COMPLETED, 100)],
    [],
    [("first", -250, Status.IN_PREPARATION, 5)],
    [("first", -15, Status.IN_PROGRESS, 20), ("second", -50, Status.ON_HOLD, 20)],
]

REPORT_TEXT = {
    "de": "Beispieldaten, frei erfunden: Die Arbeit an dieser Maßnahme wurde fortgesetzt.",
    "en": "Sample data, invented: work on this measure continued.",
}
MILESTONES = [
    ("Beispiel-Meilenstein: Konzept abgestimmt", "Sample milestone: concept agreed"),
    (
        "Beispiel-Meilenstein: Zwischenbilanz vorgelegt",
        "Sample milestone: interim review presented",
    ),
]


def half_year_ends_before(today: datetime.date, count: int) -> list[datetime.date]:
    """Return the last `count` ends of a half-year before `today`, oldest first."""
    ends = []
    year = today.year
    while len(ends) < count:
        for end in (datetime.date(year, 12, 31), datetime.date(year, 6, 30)):
            if end < today and len(ends) < count:
                ends.append(end)
        year -= 1
    return sorted(ends)


def period_title(end: datetime.date, language: str) -> str:
    half = 1 if end.month == 6 else 2
    if language == "de":
        return f"Sachstandsbericht {half}. Halbjahr {end.year} (Beispieldaten)"
    half_name = "first" if half == 1 else "second"
    return f"Progress report, {half_name} half of {end.year} (sample data)"


@transaction.atomic
def demo_progress_load(*, today: datetime.date) -> dict[str, int]:
    """Create sample reports, milestones and two reporting periods; return how many of each."""
    first, second = half_year_ends_before(today, 2)
    anchors = {"first": first, "second": second}
    created = {"reports": 0, "milestones": 0, "periods": 0}
    for index, measure in enumerate(Measure.objects.public().for_list()):
        for anchor, days, status, progress in COURSES[index % len(COURSES)]:
            progress_report_create(
                measure=measure,
                reported_on=anchors[anchor] + D(days=days),
                status=status,
                progress=progress,
                text_de=REPORT_TEXT["de"],
                text_en=REPORT_TEXT["en"],
                is_sample=True,
            )
            created["reports"] += 1
        # Reached in time, reached late, or not reached and therefore overdue.
        reached_on = [first + D(days=20), first + D(days=50), None][index % 3]
        for (title_de, title_en), due_on, reached in [
            (MILESTONES[0], first + D(days=30), reached_on),
            (MILESTONES[1], today + D(days=90), None),
        ]:
            milestone = Milestone(
                measure=measure,
                title_de=title_de,
                title_en=title_en,
                due_on=due_on,
                reached_on=reached,
                is_sample=True,
            )
            milestone.full_clean()
            milestone.save()
            created["milestones"] += 1
    for number, end in enumerate([first, second], start=1):
        decided_on = end + D(days=75)
        period = ReportingPeriod(
            title_de=period_title(end, "de"),
            title_en=period_title(end, "en"),
            ends_on=end,
            council_document=f"BEISPIEL-{number:04d}/{end.year + 1}",
            decided_on=decided_on if decided_on <= today else None,
            is_sample=True,
        )
        period.publication_state = PublicationState.PUBLISHED
        # The sample number is marked as such, so it cannot match (or link to) a real paper.
        period.full_clean(exclude=["council_document"])
        period.save()
        created["periods"] += 1
    return created


def demo_progress_exists() -> bool:
    """Return whether any sample progress data is in the database."""
    return (
        ProgressReport.objects.filter(is_sample=True).exists()
        or Milestone.objects.filter(is_sample=True).exists()
        or ReportingPeriod.objects.filter(is_sample=True).exists()
    )


@transaction.atomic
def demo_progress_remove() -> None:
    """Delete every sample row; the measures return to what their real reports say."""
    progress_reports_remove(reports=ProgressReport.objects.filter(is_sample=True))
    Milestone.objects.filter(is_sample=True).delete()
    ReportingPeriod.objects.filter(is_sample=True).delete()
