"""The plan's page and a goal's page show a bounded number of rows and link to the lists of all.

Issue 18, section 3: no page may grow with the number of records. The plan lists its first
Areas of Action, a goal its first confirmed and first proposed areas and measures; each says how
many there are, counted rather than read, and links to the paginated list of all of them.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from hannover_intl.views import PLAN_AREAS
from measures.models import AreaGoalLink, AreaOfAction, Goal, Measure, MeasureGoalLink
from measures.views import GOAL_LINKS_SHOWN
from tests.factories import AreaOfActionFactory, MeasureFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en"]
NOTE = {
    "de": "Zuordnung vorgeschlagen, noch nicht vom Büro für Internationale Angelegenheiten "
    "bestätigt",
    "en": "Proposed assignment, not yet confirmed by the International Affairs Office",
}
SHOW_ALL_AREAS = {"de": "Alle {} Handlungsfelder anzeigen", "en": "Show all {} Areas of Action"}
GOAL_AREAS = {
    "de": "Alle {} Handlungsfelder zu diesem Ziel anzeigen",
    "en": "Show all {} Areas of Action serving this goal",
}
GOAL_MEASURES = {
    "de": "Alle {} Maßnahmen zu diesem Ziel anzeigen",
    "en": "Show all {} measures serving this goal",
}


def url(name, language, query="", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None) + (f"?{query}" if query else "")


def get(client, address: str):
    response = client.get(address)
    assert response.status_code == 200, address
    return parse(response.content.decode())


def queries(client, address: str) -> int:
    client.get(address)
    with CaptureQueriesContext(connection) as context:
        assert client.get(address).status_code == 200
    return len(context)


def goal_with_many_links(goal: Goal, count: int) -> None:
    """Link `count` more published areas, each with a published measure, to `goal`, proposed."""
    for area in AreaOfActionFactory.create_batch(count):
        AreaGoalLink.objects.create(area=area, goal=goal)
        MeasureGoalLink.objects.create(measure=MeasureFactory(area=area), goal=goal)


def section(page, heading_id: str):
    return page.one(f'section[aria-labelledby="{heading_id}"]')


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_lists_its_areas_while_they_are_few(client, plan, language):
    page = get(client, url("plan", language))
    areas = section(page, "areas-intro-heading")
    assert len(areas.select("li a")) == AreaOfAction.objects.public().count()
    assert not areas.select(".show-all")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_shows_its_first_areas_and_links_to_all(client, plan, language):
    AreaOfActionFactory.create_batch(PLAN_AREAS + 5)
    total = AreaOfAction.objects.public().count()
    page = get(client, url("plan", language))
    areas = section(page, "areas-intro-heading")
    links = areas.select("ul li a")
    assert len(links) == PLAN_AREAS
    # The first in the plan's order: its own four first.
    assert links[0].attrs["href"] == AreaOfAction.objects.get(number=1).get_absolute_url()
    show_all = areas.one(".show-all a")
    assert show_all.text == SHOW_ALL_AREAS[language].format(total)
    assert show_all.attrs["href"] == url("measures:area_list", language)


def test_the_plans_queries_do_not_grow_with_its_areas(client, plan):
    before = queries(client, url("plan", "en"))
    AreaOfActionFactory.create_batch(3 * PLAN_AREAS)
    assert queries(client, url("plan", "en")) == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_goal_shows_its_first_areas_and_measures_of_each_kind(client, plan, language):
    goal = Goal.objects.get(number=1)
    goal_with_many_links(goal, GOAL_LINKS_SHOWN + 5)
    # Two confirmed links of each kind: they stay apart from the proposals, above the note.
    confirmed_areas = list(AreaGoalLink.objects.filter(goal=goal).order_by("area__number")[:2])
    confirmed_measures = list(MeasureGoalLink.objects.filter(goal=goal)[:2])
    for link in confirmed_areas + confirmed_measures:
        link.confirmed = True
        link.save()
    area_total = AreaGoalLink.objects.filter(goal=goal).count()
    measure_total = MeasureGoalLink.objects.filter(goal=goal).count()
    page = get(client, url("measures:goal_detail", language, number=1))

    areas = section(page, "areas-heading")
    lists = areas.select("ul")
    assert [len(found.select("li")) for found in lists] == [2, GOAL_LINKS_SHOWN]
    assert [a.attrs["href"] for a in lists[0].select("a")] == [
        link.area.get_absolute_url() for link in confirmed_areas
    ]
    notes = areas.select(".proposed-note")
    assert len(notes) == 1 and NOTE[language] in notes[0].text
    show_all = areas.one(".show-all a")
    assert show_all.text == GOAL_AREAS[language].format(area_total)
    assert show_all.attrs["href"] == url("measures:area_list", language, "goal=1")

    measures = section(page, "measures-heading")
    lists = measures.select("ul.measure-list")
    assert [len(found.select("li")) for found in lists] == [2, GOAL_LINKS_SHOWN]
    assert len(measures.select(".proposed-note")) == 1
    show_all = measures.one(".show-all a")
    assert show_all.text == GOAL_MEASURES[language].format(measure_total)
    assert show_all.attrs["href"] == url("measures:measure_list", language, "goal=1")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_goal_with_few_links_shows_them_all_without_a_link(client, plan, language):
    goal = Goal.objects.get(number=2)
    page = get(client, url("measures:goal_detail", language, number=2))
    for heading, links in (
        ("areas-heading", AreaGoalLink.objects.filter(goal=goal)),
        ("measures-heading", MeasureGoalLink.objects.filter(goal=goal)),
    ):
        found = section(page, heading)
        assert len(found.select("ul li a")) == links.count()
        assert not found.select(".show-all")


def test_a_draft_measure_is_neither_shown_nor_counted_on_a_goal(client, plan):
    goal = Goal.objects.get(number=3)
    goal_with_many_links(goal, GOAL_LINKS_SHOWN)
    draft = MeasureFactory(publication_state="draft", title_en="Hidden draft")
    MeasureGoalLink.objects.create(measure=draft, goal=goal)
    public = Measure.objects.public().filter(goal_links__goal=goal).count()
    html = client.get(url("measures:goal_detail", "en", number=3)).content.decode()
    assert "Hidden draft" not in html
    assert GOAL_MEASURES["en"].format(public) in html


def test_a_goals_queries_do_not_grow_with_its_links(client, plan):
    goal = Goal.objects.get(number=1)
    before = queries(client, url("measures:goal_detail", "en", number=1))
    goal_with_many_links(goal, 3 * GOAL_LINKS_SHOWN)
    assert queries(client, url("measures:goal_detail", "en", number=1)) == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_area_list_by_goal_lists_the_areas_serving_it_under_the_note(client, plan, language):
    goal = Goal.objects.get(number=1)
    goal_with_many_links(goal, GOAL_LINKS_SHOWN + 5)
    serving = AreaOfAction.objects.public().filter(goal_links__goal=goal).count()
    assert serving > 20
    page = get(client, url("measures:area_list", language, "goal=1"))
    main = page.one("main")
    assert len(main.select("article.area-summary")) == 20
    assert NOTE[language] in main.one(".proposed-note").text
    assert main.one(".goal-choice a").attrs["href"] == goal.get_absolute_url()
    pages = main.select('nav.pagination a[rel="next"]')
    assert pages[0].attrs["href"] == "?goal=1&page=2"
    second = get(client, url("measures:area_list", language, "goal=1&page=2"))
    assert len(second.select("article.area-summary")) == serving - 20
    # Without a goal, every area; an area serving no goal is not among those of goal 1.
    lone = AreaOfActionFactory()
    everything = client.get(url("measures:area_list", language, "page=3")).content.decode()
    assert lone.get_absolute_url() in everything
    by_goal = client.get(url("measures:area_list", language, "goal=1&page=2")).content.decode()
    assert lone.get_absolute_url() not in by_goal


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("de", "nicht berücksichtigt: Ziel."),
        ("en", "could not be understood and were ignored: goal."),
    ],
)
@pytest.mark.parametrize("value", ["99", "x", "99999999999999999999", "-1"])
def test_the_area_list_ignores_an_unknown_goal_with_a_notice(client, plan, language, notice, value):
    response = client.get(url("measures:area_list", language), {"goal": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert html.count('<article class="area-summary">') == AreaOfAction.objects.public().count()
