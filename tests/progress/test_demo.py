"""Sample progress data exists only on request, and says so wherever it shows."""

import io

import pytest
from django.core.management import call_command

from measures.models import Measure, Status
from progress.demo import half_year_ends_before
from progress.models import Milestone, ProgressReport, ReportingPeriod

from .conftest import day

pytestmark = pytest.mark.django_db

BANNER = "Sample data: these figures are invented for demonstration."


def run(*args) -> str:
    out = io.StringIO()
    call_command("load_demo_progress", *args, stdout=out)
    return out.getvalue()


def test_the_plan_alone_has_no_progress_data(client, plan):
    assert not ProgressReport.objects.exists()
    assert not Milestone.objects.exists()
    assert not ReportingPeriod.objects.exists()
    assert BANNER not in client.get("/en/progress/").content.decode()


def test_demo_data_is_marked_and_announced_on_every_page(client, plan):
    assert "loaded" in run()
    assert "already loaded" in run()
    for model in (ProgressReport, Milestone, ReportingPeriod):
        assert model.objects.exists()
        assert not model.objects.filter(is_sample=False).exists()
    assert ReportingPeriod.objects.public().count() == 2
    period = ReportingPeriod.objects.first()
    for url in [
        "/en/progress/",
        "/en/progress/1-1/",
        "/en/progress/reports/",
        f"/en/progress/reports/{period.pk}/",
    ]:
        assert BANNER in client.get(url).content.decode(), url
    assert "(sample data)" in period.title_en and "(Beispieldaten)" in period.title_de
    assert period.council_document.startswith("BEISPIEL-")


def test_removing_demo_data_restores_the_plan(plan):
    titles = list(Measure.objects.values_list("title_de", flat=True))
    run()
    assert Measure.objects.exclude(status=Status.NOT_REPORTED).exists()
    run("--remove")
    assert not ProgressReport.objects.exists() and not ReportingPeriod.objects.exists()
    assert set(Measure.objects.values_list("status", "progress")) == {(Status.NOT_REPORTED, 0)}
    assert list(Measure.objects.values_list("title_de", flat=True)) == titles


def test_sample_periods_end_with_the_last_two_half_years():
    assert half_year_ends_before(day("2025-03-01"), 2) == [day("2024-06-30"), day("2024-12-31")]
    assert half_year_ends_before(day("2025-06-30"), 2) == [day("2024-06-30"), day("2024-12-31")]
    assert half_year_ends_before(day("2025-07-01"), 2) == [day("2024-12-31"), day("2025-06-30")]
