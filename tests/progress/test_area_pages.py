"""The progress overview's figures per Area of Action come in pages: bounded at any size of plan."""

import pytest

from progress.views import AREAS_PER_PAGE
from tests.factories import MeasureFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db

OVERVIEW = {"de": "/de/umsetzungsstand/", "en": "/en/progress/"}


def area_rows(html: str) -> list[str]:
    return [row.text for row in parse(html).select("table.progress-table tbody th")]


@pytest.mark.parametrize(
    ("language", "label", "step"),
    [
        ("de", "Handlungsfelder 11–12 von 12", "Nächste"),
        ("en", "Areas of Action 11–12 of 12", "Next"),
    ],
)
def test_areas_of_action_beyond_a_page_come_on_the_next(client, plan, language, label, step):
    MeasureFactory.create_batch(2 * AREAS_PER_PAGE - 12)
    first = client.get(OVERVIEW[language]).content.decode()
    assert len(area_rows(first)) == AREAS_PER_PAGE
    assert f"{step} " in first and "areas_page=2" in first
    second = client.get(OVERVIEW[language], {"areas_page": "2"}).content.decode()
    assert len(area_rows(second)) == 12 - AREAS_PER_PAGE
    assert label in second
    # The count of measures found covers every Area of Action, not only the page's.
    assert client.get(OVERVIEW[language]).context["paginator"].count == 13 + 8


@pytest.mark.parametrize("value", ["0", "99", "abc", "-1"])
def test_a_page_of_areas_that_does_not_exist_shows_the_first_with_a_message(client, plan, value):
    response = client.get(OVERVIEW["en"], {"areas_page": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "could not be understood and were ignored" in html
    assert area_rows(html)[0].startswith("Area of Action 1")
