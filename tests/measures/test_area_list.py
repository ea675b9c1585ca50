"""The list of Areas of Action: pages of 20 areas, each with its first measures and their count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from core.content import PublicationState
from measures.models import AreaOfAction, Measure
from tests.factories import AreaOfActionFactory, MeasureFactory

pytestmark = pytest.mark.django_db

AREA_LIST = {"de": "/de/handlungsfelder/", "en": "/en/areas-of-action/"}


def all_measures_link(language: str, total: int, number: int) -> str:
    """Return the link text to all measures of an area, as the catalogue of `language` words it."""
    # The German wording comes from the catalogue once the lead merges this branch's strings.
    with translation.override(language):
        return gettext("All %(total)s measures of Area of Action %(number)s") % {
            "total": total,
            "number": number,
        }


def areas_on(html: str) -> list[str]:
    return re.findall(r'<article class="area-summary">', html)


@pytest.fixture
def crowded_area(plan):
    """Give area 1 eight more published measures and a draft: more than the five shown."""
    area = AreaOfAction.objects.get(number=1)
    MeasureFactory.create_batch(8, area=area)
    MeasureFactory(area=area, title_en="A draft", publication_state=PublicationState.DRAFT)
    return area


def published_in(area) -> int:
    return Measure.objects.public().filter(area=area).count()


@pytest.mark.parametrize(
    ("language", "measure_list"), [("de", "/de/massnahmen/"), ("en", "/en/measures/")]
)
def test_area_shows_five_measures_and_links_to_all_of_them(
    client, crowded_area, language, measure_list
):
    html = client.get(AREA_LIST[language]).content.decode()
    published = published_in(crowded_area)
    assert published > 5
    entry = html.split('<article class="area-summary">')[1]
    assert entry.count("<li>") == 5
    assert f'href="{measure_list}?area=1"' in entry
    assert all_measures_link(language, published, 1) in entry
    assert "A draft" not in html
    # Area 2 has only the plan's few measures, all shown, so it needs no such link.
    area_two = published_in(AreaOfAction.objects.get(number=2))
    assert area_two <= 5
    second = html.split('<article class="area-summary">')[2]
    assert second.count("<li>") == area_two
    assert "?area=2" not in second


def test_the_link_leads_to_the_areas_measures(client, crowded_area):
    response = client.get("/en/measures/?area=1")
    assert f"Measures found: {published_in(crowded_area)}" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "page_of", "previous"),
    [("de", "Seite 2 von 2", "Vorherige Seite"), ("en", "Page 2 of 2", "Previous page")],
)
def test_areas_are_listed_20_a_page(client, plan, language, page_of, previous):
    AreaOfActionFactory.create_batch(21)
    areas = AreaOfAction.objects.public().count()
    assert 20 < areas <= 40
    first = client.get(AREA_LIST[language]).content.decode()
    assert len(areas_on(first)) == 20
    second = client.get(AREA_LIST[language] + "?page=2").content.decode()
    assert len(areas_on(second)) == areas - 20
    assert page_of in second and previous in second
    assert 'rel="prev" href="?page=1"' in second


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("de", "nicht berücksichtigt: Seite."),
        ("en", "could not be understood and were ignored: page."),
    ],
)
@pytest.mark.parametrize("page", ["7", "0", "x"])
def test_bad_page_shows_a_page_with_a_notice(client, plan, language, notice, page):
    response = client.get(AREA_LIST[language] + f"?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert len(areas_on(html)) == AreaOfAction.objects.public().count()


@pytest.mark.slow
def test_query_count_does_not_grow_with_areas_or_measures(client, crowded_area):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(AREA_LIST["en"]).status_code == 200
        return len(queries)

    client.get(AREA_LIST["en"])
    # The count of areas, the areas with their measure counts, their first measures.
    assert count() == 3
    for area in AreaOfActionFactory.create_batch(30):
        MeasureFactory.create_batch(7, area=area)
    assert count() == 3
