"""The council report downloads as CSV and XLSX in the language of the page."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from measures.models import Measure, Status
from tests.factories import ProgressReportFactory, ReportingPeriodFactory

from .conftest import day

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(plan):
    one = Measure.objects.get(number="1.1")
    ProgressReportFactory(
        measure=one, reported_on=day("2024-05-01"), status=Status.PLANNED, progress=0
    )
    ProgressReportFactory(
        measure=one, reported_on=day("2024-10-01"), status=Status.IN_PROGRESS, progress=20
    )
    ProgressReportFactory(
        measure=Measure.objects.get(number="3.3"),
        reported_on=day("2024-11-01"),
        status=Status.IN_PREPARATION,
        progress=5,
    )
    ReportingPeriodFactory(title_en="First half of 2024", ends_on=day("2024-06-30"))
    return ReportingPeriodFactory(
        title_en="Second half of 2024", ends_on=day("2024-12-31"), council_document="1234/2025"
    )


def download(client, period, kind: str, language: str):
    with translation.override(language):
        url = reverse(f"progress:period_{kind}", kwargs={"pk": period.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith(f'-2024-12-31.{kind}"')
    return response


def csv_rows(response, delimiter: str) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for umlauts
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_csv_in_english(client, period):
    rows = csv_rows(download(client, period, "csv", "en"), ",")
    assert rows[0][:6] == [
        "Area of Action",
        "No.",
        "Measure",
        "Status",
        "Progress (%)",
        "Last report",
    ]
    assert len(rows) == 1 + Measure.objects.public().count()
    by_number = {row[1]: row for row in rows[1:]}
    assert by_number["1.1"][2] == "Strategic approach to town-twinning/partnership arrangements"
    assert by_number["1.1"][3:8] == ["in progress", "20", "2024-10-01", "planned", "20"]
    # No report, no state: said so, with no progress figure, before and after.
    unreported = "no progress reported yet"
    assert by_number["4.3"][3:8] == [unreported, "", "", unreported, ""]


def test_csv_in_german_with_umlauts_and_semicolons(client, period):
    rows = csv_rows(download(client, period, "csv", "de"), ";")
    by_number = {row[1]: row for row in rows[1:]}
    assert by_number["1.1"][3] == "in Umsetzung"
    assert by_number["1.1"][6] == "geplant"
    assert by_number["3.3"][3] == "in Vorbereitung"
    assert by_number["3.3"][5] == "2024-11-01"
    assert by_number["3.2"][2] == (
        "Volle Ausschöpfung des Potenzials internationaler Messen und Großveranstaltungen"
    )


def test_xlsx_in_both_languages(client, period):
    english = load_workbook(io.BytesIO(download(client, period, "xlsx", "en").content))
    sheet = english.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["Area of Action", "No.", "Measure", "Status", "Progress (%)"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == Measure.objects.public().count()
    assert rows["1.1"][3:8] == ("in progress", 20, datetime.datetime(2024, 10, 1), "planned", 20)
    assert sheet["F2"].number_format == "yyyy-mm-dd"
    about = {row[0]: row[1] for row in english.worksheets[1].iter_rows(values_only=True)}
    assert about["Council document (Drucksache no.)"] == "1234/2025"
    assert about["End of the reporting period"] == datetime.datetime(2024, 12, 31)

    german = load_workbook(io.BytesIO(download(client, period, "xlsx", "de").content))
    rows = {row[1]: row for row in german.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert rows["1.1"][3] == "in Umsetzung"
    assert (
        rows["1.1"][2]
        == "Strategische Ausrichtung der Städtepartnerschaften und Städtekooperationen"
    )


def test_text_that_looks_like_a_formula_is_defused(client, period):
    Measure.objects.filter(number="2.1").update(title_en="=HYPERLINK(1)")
    rows = csv_rows(download(client, period, "csv", "en"), ",")
    assert {row[1]: row for row in rows[1:]}["2.1"][2] == "'=HYPERLINK(1)"


def test_exports_mark_sample_data(client, period):
    period.is_sample = True
    period.save()
    rows = csv_rows(download(client, period, "csv", "en"), ",")
    assert rows[1][-1] == "Sample data: these figures are invented for demonstration."
    workbook = load_workbook(io.BytesIO(download(client, period, "xlsx", "en").content))
    about = {row[0]: row[1] for row in workbook.worksheets[1].iter_rows(values_only=True)}
    assert about["Note"].startswith("Sample data")
