"""Each progress page needs the same few queries however many measures and reports there are."""

import datetime

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.models import AreaOfAction, Measure
from progress.models import ProgressReport
from tests.factories import (
    MeasureFactory,
    MilestoneFactory,
    ProgressReportFactory,
    ReportingPeriodFactory,
)

from .conftest import day

pytestmark = pytest.mark.django_db

# Pinned after measuring; a change here means a page's queries changed.
PAGES = {
    # Filter choices (areas, goals, units), the figures per area (counted in SQL) and their
    # areas, then the page of the table: its measures with their state, their milestones.
    "/en/progress/": 7,
    # One more: the chosen area is looked up when the form is cleaned.
    "/en/progress/?as_of=2024-06-30&area=1": 8,
    # The measure with its state, its published reports, its milestones.
    "/en/progress/1-1/": 3,
    "/en/progress/reports/": 1,
    # The period, the previous one, the measures with the key of their latest report on both
    # days, their milestones, those reports.
    "/en/progress/reports/{pk}/": 5,
    "/en/progress/reports/{pk}/csv/": 5,
    "/en/progress/reports/{pk}/xlsx/": 5,
}


def more_data(*, measures: int, reports: int):
    """Add measures, and reports and milestones spread over all measures."""
    area = AreaOfAction.objects.get(number=1)
    for index in range(measures):
        # Half in the plan's first area, half in new areas, so that charts grow too.
        MeasureFactory(**({"area": area} if index % 2 else {}))
    all_measures = list(Measure.objects.all())
    start = day("2022-01-01")
    ProgressReportFactory.create_batch(
        reports,
        measure=factory.Iterator(all_measures),
        reported_on=factory.Iterator(start + datetime.timedelta(days=n) for n in range(reports)),
        progress=factory.Iterator(range(100)),
        text_en=factory.Sequence(lambda n: f"Report {n}"),
    )
    MilestoneFactory.create_batch(
        reports // 4,
        measure=factory.Iterator(all_measures),
        due_on=factory.Iterator(start + datetime.timedelta(days=3 * n) for n in range(reports)),
    )


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.slow
def test_query_counts_do_not_grow_with_measures_and_reports(client, plan):
    ReportingPeriodFactory(title_en="First", ends_on=day("2023-12-31"))
    period = ReportingPeriodFactory(title_en="Second", ends_on=day("2024-06-30"))
    # One report to begin with: with none at all, there are no reports to read either.
    ProgressReportFactory(measure=Measure.objects.first(), reported_on=day("2023-06-30"))
    urls = {template.format(pk=period.pk): pinned for template, pinned in PAGES.items()}
    small = {url: count_queries(client, url) for url in urls}
    measures = Measure.objects.count()
    more_data(measures=20, reports=200)
    assert Measure.objects.count() == measures + 20 and ProgressReport.objects.count() == 201
    large = {url: count_queries(client, url) for url in urls}
    assert small == large == urls


@pytest.mark.slow
def test_measure_page_with_200_reports_on_one_measure(client, plan):
    measure = Measure.objects.get(number="1.1")
    before = count_queries(client, "/en/progress/1-1/")
    first = day("2020-01-01")
    ProgressReportFactory.create_batch(
        200,
        measure=measure,
        reported_on=factory.Iterator(first + datetime.timedelta(days=n) for n in range(200)),
        progress=50,
    )
    response = client.get("/en/progress/1-1/")
    assert len(response.context["timeline"]) == 200
    assert count_queries(client, "/en/progress/1-1/") == before
