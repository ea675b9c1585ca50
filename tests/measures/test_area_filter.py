"""The measure list's Area of Action filter: a number or title with suggestions, not a select.

Issue 18, section 3: the Areas of Action grow with the data, and a choice of all of them would
make the list's page grow too; the goals and themes are the plan's fixed short lists.
"""

import pytest

from core.content import PublicationState
from core.suggesting import SUGGESTIONS
from measures.models import AreaOfAction, Measure
from tests.factories import AreaOfActionFactory, MeasureFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db

LIST = {"de": "/de/massnahmen/", "en": "/en/measures/"}
OVERVIEW = {"de": "/de/umsetzungsstand/", "en": "/en/progress/"}


def numbers(client, language: str, query: dict) -> list[str]:
    response = client.get(LIST[language], query)
    assert response.status_code == 200
    return sorted(measure.number for measure in response.context["measures"])


def in_area(number: int) -> list[str]:
    return sorted(
        Measure.objects.public().filter(area__number=number).values_list("number", flat=True)
    )


def suggestions(html: str) -> list[str]:
    options = parse(html).select("datalist#id_area-suggestions option")
    return [option.attrs["value"] for option in options]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "value",
    [
        "2",
        " 2 ",
        "Internationalisierung/Europäisierung",
        "internationalization/europeanization",
        "Internationalisierung und Europäisierung der Stadtverwaltung",
        "INTERNATIONALIZATION AND EUROPEANIZATION OF THE CITY ADMINISTRATION",
    ],
)
def test_an_area_is_found_by_number_title_or_short_title_in_either_language(
    client, plan, language, value
):
    assert numbers(client, language, {"area": value}) == in_area(2)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "Internationalisierung/Europäisierung"),
        ("en", "Internationalization/Europeanization"),
    ],
)
def test_the_field_suggests_short_titles_in_the_pages_language(client, plan, language, expected):
    html = client.get(LIST[language]).content.decode()
    assert 'list="id_area-suggestions"' in html
    assert not parse(html).select('select[name="area"]')
    assert expected in suggestions(html)
    assert len(suggestions(html)) == AreaOfAction.objects.public().count()


def test_the_suggestions_stay_bounded_and_follow_what_was_typed(client, plan):
    AreaOfActionFactory.create_batch(3 * SUGGESTIONS)
    assert AreaOfAction.objects.public().count() > 3 * SUGGESTIONS
    html = client.get(LIST["en"]).content.decode()
    assert len(suggestions(html)) == SUGGESTIONS
    area = AreaOfAction.objects.filter(number__gt=4).order_by("number").last()
    typed = client.get(LIST["en"], {"area": area.title_en}).content.decode()
    assert suggestions(typed) == [area.title_en]


@pytest.mark.parametrize(
    ("language", "message", "heading"),
    [
        (
            "de",
            "Es gibt kein Handlungsfeld namens „International“",
            "Handlungsfelder, deren Titel „International“ enthält:",
        ),
        (
            "en",
            "No Area of Action called “International” was found",
            "Areas of Action whose title contains “International”:",
        ),
    ],
)
def test_part_of_a_title_is_answered_with_the_areas_that_contain_it(
    client, plan, language, message, heading
):
    response = client.get(LIST[language], {"area": "International", "status": "not_reported"})
    assert response.status_code == 200
    page = parse(response.content.decode())
    assert message in page.one(".unknown-area").text
    assert page.one("#area-matches-heading").text == heading
    links = page.select("ul.area-matches a")
    # Areas 1 to 3 have "International…" in a title; the link keeps the other filters.
    assert len(links) == 3
    assert links[0].attrs["href"].startswith("?area=")
    assert links[0].attrs["href"].endswith("&status=not_reported")
    # Every measure is shown, as the list is not narrowed by the unknown area.
    assert len(response.context["measures"]) == min(20, Measure.objects.public().count())


@pytest.mark.parametrize("value", ["banana", "0", "99999999999999999999", "<b>", "x" * 500])
def test_an_unknown_area_changes_nothing_and_is_named(client, plan, value):
    response = client.get(LIST["en"], {"area": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "could not be understood and were ignored: Area of Action." in html
    assert "<b>" not in html
    assert response.context["paginator"].count == Measure.objects.public().count()


def test_a_draft_area_is_neither_suggested_nor_accepted(client, plan):
    draft = AreaOfActionFactory(
        title_en="Secret area", title_de="Geheimes Feld", publication_state=PublicationState.DRAFT
    )
    MeasureFactory(area=draft)
    for value in ("Secret area", str(draft.number)):
        response = client.get(LIST["en"], {"area": value})
        html = response.content.decode()
        assert "Secret area" not in suggestions(html)
        assert not parse(html).select("ul.area-matches a")
        assert response.context["paginator"].count == Measure.objects.public().count()


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_progress_overview_takes_the_area_by_title_too(client, plan, language):
    title = AreaOfAction.objects.get(number=3).short_title_de
    response = client.get(OVERVIEW[language], {"area": title})
    assert response.status_code == 200
    numbers = sorted(row.measure.number for row in response.context["rows"])
    assert numbers == in_area(3)
