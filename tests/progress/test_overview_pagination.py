"""The overview's table of measures in pages of 25, while its figures count every measure."""

import re
from dataclasses import dataclass

import pytest

from measures.models import AreaOfAction, Measure
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db

OVERVIEW = {"de": "/de/umsetzungsstand/", "en": "/en/progress/"}


def table_links(html: str) -> list[str]:
    """Return the measure slugs the table of measures links to, in page order."""
    table = html.split('id="measures-heading"', 1)[1]
    return re.findall(r'href="/(?:de/umsetzungsstand|en/progress)/([\w-]+)/"', table)


@dataclass
class Counts:
    published: int
    in_area_one: int


@pytest.fixture
def many_measures(plan):
    """Add 30 published measures to the plan's area 1: two pages of 25, area 1 on both."""
    MeasureFactory.create_batch(30, area=AreaOfAction.objects.get(number=1))
    counts = Counts(
        published=Measure.objects.public().count(),
        in_area_one=Measure.objects.public().filter(area__number=1).count(),
    )
    assert 25 < counts.in_area_one < counts.published <= 50
    return counts


@pytest.mark.parametrize(
    ("language", "found", "page_of", "next_page", "area_total"),
    [
        ("de", "Gefundene Maßnahmen: {}", "Seite 1 von 2", "Nächste Seite", "Handlungsfeld 1"),
        ("en", "Measures found: {}", "Page 1 of 2", "Next page", "Area of Action 1"),
    ],
)
def test_table_shows_25_measures_a_page_and_the_figures_count_all(
    client, many_measures, language, found, page_of, next_page, area_total
):
    html = client.get(OVERVIEW[language]).content.decode()
    assert found.format(many_measures.published) in html
    assert page_of in html and next_page in html
    assert len(table_links(html)) == 25
    # The table per Area of Action still counts all measures of area 1, not those on the page.
    area_row = html.split(f">{area_total}</a></th>", 1)[1].split("</tr>", 1)[0]
    count = many_measures.in_area_one
    # The mean progress follows: a figure, or "not reported" where no measure has a state.
    mean = r'(?:\d+ %|<span class="muted">[^<]+</span>)'
    assert re.search(rf">{count}</td>\s*<td[^>]*>{mean}</td>\s*$", area_row)


def test_every_measure_is_in_the_table_on_exactly_one_page(client, many_measures):
    first = table_links(client.get(OVERVIEW["en"]).content.decode())
    second = table_links(client.get(OVERVIEW["en"] + "?page=2").content.decode())
    assert len(second) == many_measures.published - 25
    assert sorted(first + second) == sorted(
        Measure.objects.public().values_list("slug", flat=True)
    )


def test_page_links_keep_the_day_and_the_filters(client, many_measures):
    html = client.get(OVERVIEW["en"] + "?as_of=2024-06-30&area=1").content.decode()
    assert f"Measures found: {many_measures.in_area_one}" in html
    assert 'href="?as_of=2024-06-30&amp;area=1&amp;page=2"' in html
    second = client.get(OVERVIEW["en"] + "?as_of=2024-06-30&area=1&page=2").content.decode()
    assert 'href="?as_of=2024-06-30&amp;area=1&amp;page=1"' in second
    assert len(table_links(second)) == many_measures.in_area_one - 25


@pytest.mark.parametrize("page", ["99", "0", "x"])
def test_bad_page_shows_a_page_of_the_table_with_a_notice(client, many_measures, page):
    response = client.get(OVERVIEW["de"] + f"?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Seite 2 von 2" if page == "99" else "Seite 1 von 2") in html
    assert "nicht berücksichtigt: Seite." in html
    assert table_links(html)
