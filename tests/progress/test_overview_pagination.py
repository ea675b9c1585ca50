"""The overview's table of measures in pages of 25, while its figures count every measure."""

import re

import pytest

from measures.models import AreaOfAction, Measure
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db

OVERVIEW = {"de": "/de/umsetzungsstand/", "en": "/en/progress/"}


def table_links(html: str) -> list[str]:
    """Return the measure slugs the table of measures links to, in page order."""
    table = html.split('id="measures-heading"', 1)[1]
    return re.findall(r'href="/(?:de/umsetzungsstand|en/progress)/([\w-]+)/"', table)


@pytest.fixture
def many_measures(plan):
    """Add 30 published measures to the plan's area 1: 43 in all."""
    MeasureFactory.create_batch(30, area=AreaOfAction.objects.get(number=1))
    assert Measure.objects.public().count() == 43


@pytest.mark.parametrize(
    ("language", "found", "page_of", "next_page", "area_total"),
    [
        ("de", "Gefundene Maßnahmen: 43", "Seite 1 von 2", "Nächste Seite", "Handlungsfeld 1"),
        ("en", "Measures found: 43", "Page 1 of 2", "Next page", "Area of Action 1"),
    ],
)
def test_table_shows_25_measures_a_page_and_the_figures_count_all(
    client, many_measures, language, found, page_of, next_page, area_total
):
    html = client.get(OVERVIEW[language]).content.decode()
    assert found in html
    assert page_of in html and next_page in html
    assert len(table_links(html)) == 25
    # The table per Area of Action still counts all 33 measures of area 1.
    area_row = html.split(f">{area_total}</a></th>", 1)[1].split("</tr>", 1)[0]
    assert re.search(r">33</td>\s*<td[^>]*>\d+ %</td>\s*$", area_row)


def test_every_measure_is_in_the_table_on_exactly_one_page(client, many_measures):
    first = table_links(client.get(OVERVIEW["en"]).content.decode())
    second = table_links(client.get(OVERVIEW["en"] + "?page=2").content.decode())
    assert len(second) == 18
    assert sorted(first + second) == sorted(
        Measure.objects.public().values_list("slug", flat=True)
    )


def test_page_links_keep_the_day_and_the_filters(client, many_measures):
    html = client.get(OVERVIEW["en"] + "?as_of=2024-06-30&area=1").content.decode()
    assert "Measures found: 33" in html
    assert 'href="?as_of=2024-06-30&amp;area=1&amp;page=2"' in html
    second = client.get(OVERVIEW["en"] + "?as_of=2024-06-30&area=1&page=2").content.decode()
    assert 'href="?as_of=2024-06-30&amp;area=1&amp;page=1"' in second
    assert len(table_links(second)) == 8


@pytest.mark.parametrize("page", ["99", "0", "x"])
def test_bad_page_shows_a_page_of_the_table_with_a_notice(client, many_measures, page):
    response = client.get(OVERVIEW["de"] + f"?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Seite 2 von 2" if page == "99" else "Seite 1 von 2") in html
    assert "nicht berücksichtigt: Seite." in html
    assert table_links(html)
