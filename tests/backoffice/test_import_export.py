"""Spreadsheets in and out: a dry run first, and a file with one bad row writes nothing."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from measures.models import Measure
from progress.models import ProgressReport
from tests.markup import parse, texts_of

pytestmark = pytest.mark.django_db

IMPORT_URL = "/{language}/admin/progress/progressreport/import/"
HEADER = "id;measure;reported_on;status;progress;text_de;text_en;publication_state\n"
GOOD_ROWS = (
    ";1.1;2026-09-30;in_progress;30;Erste Seiten übersetzt.;First pages translated.;draft\n"
    ";1.2;2026-09-30;planned;0;Noch nicht begonnen.;Not started yet.;draft\n"
)
BAD_ROW = ";2.1;2026-13-45;in_progress;150;Kaputt.;Broken.;draft\n"


def upload(rows: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("berichte.csv", (HEADER + rows).replace(";", ",").encode("utf-8"))


def post_import(client, rows, language="de"):
    return client.post(
        IMPORT_URL.format(language=language),
        {"resource": "0", "format": "0", "import_file": upload(rows)},
    )


@pytest.mark.parametrize(
    ("language", "heading", "too_large"),
    [
        (
            "de",
            "Die Validierung einiger Zeilen schlug fehl",
            "Dieser Wert muss kleiner oder gleich 100 sein.",
        ),
        ("en", "Some rows failed to validate", "Ensure this value is less than or equal to 100."),
    ],
)
def test_a_file_with_one_bad_row_names_the_row_and_writes_nothing(
    office_client, plan, language, heading, too_large
):
    before = ProgressReport.objects.count()
    response = post_import(office_client, GOOD_ROWS + BAD_ROW, language)
    page = response.content.decode()
    assert response.status_code == 200
    assert ProgressReport.objects.count() == before
    assert heading in texts_of(page, "h2")
    # The third data row is the bad one: its number and both reasons are shown, and only it.
    [row] = parse(page).one("table.import-preview").select("tbody tr")
    assert row.select("td")[0].text == "3"
    labels = row.texts(".validation-error-field-label")
    messages = row.texts(".validation-error-list li li")
    errors = dict(zip(labels, messages, strict=True))
    assert errors == {
        "reported_on": "Value could not be parsed using defined formats.",
        "progress": too_large,
    }
    assert f'action="/{language}/admin/progress/progressreport/process_import/"' not in page


def test_a_good_file_is_previewed_then_imported_on_confirmation(office_client, plan):
    before = ProgressReport.objects.count()
    response = post_import(office_client, GOOD_ROWS)
    assert response.status_code == 200
    assert ProgressReport.objects.count() == before
    confirm = dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', response.content.decode())
    )
    assert {"import_file_name", "original_file_name", "format", "resource"} <= set(confirm)
    response = office_client.post("/de/admin/progress/progressreport/process_import/", confirm)
    assert response.status_code == 302
    imported = ProgressReport.objects.filter(reported_on="2026-09-30")
    assert imported.count() == 2
    first = imported.get(measure__number="1.1")
    assert (first.text_de, first.text_en) == ("Erste Seiten übersetzt.", "First pages translated.")
    assert first.history.exists()


def test_measures_export_as_csv_with_both_languages(office_client, plan):
    response = office_client.post(
        "/de/admin/measures/measure/export/",
        {"format": "0", "resource": "0", "measurenumber": True, "export_items": []},
    )
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        # The export form lists the fields; select all of them as a browser would.
        fields = re.findall(r'name="(measureresource_[\w]+)"', response.content.decode())
        response = office_client.post(
            "/de/admin/measures/measure/export/",
            {"format": "0", "resource": "0", **dict.fromkeys(fields, "on")},
        )
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "title_de" in text and "title_en" in text
    assert Measure.objects.get(number="4.3").title_en in text


def test_only_the_office_imports(editor_client, council_client):
    for client in (editor_client, council_client):
        assert client.get("/de/admin/progress/progressreport/import/").status_code == 403
        assert client.get("/de/admin/partners/partnercity/import/").status_code == 403
    # The rows are good ones: refused only because an editor sent them.
    count = ProgressReport.objects.count()
    assert post_import(editor_client, GOOD_ROWS).status_code == 403
    assert ProgressReport.objects.count() == count
