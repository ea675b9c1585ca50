"""The portal's reading of the plan is marked until the office confirms it (issue 14, §3).

The plan says only that the four Areas of Action together serve the three goals; which goal an
area or measure serves, a measure's themes and the 'Mein Hannover 2030' goals behind a goal are
links the portal proposes. Each page that shows one lists it under a visible note until the
International Affairs Office confirms it in the admin.
"""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from measures.models import (
    EDITORIAL_LINKS,
    AreaGoalLink,
    CityDevelopmentGoalLink,
    Goal,
    MeasureGoalLink,
    MeasureThemeLink,
)
from tests.adminforms import admin_form_data
from tests.factories import OfficeUserFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db

NOTE = {
    "de": "Zuordnung vorgeschlagen, noch nicht vom Büro für Internationale Angelegenheiten "
    "bestätigt",
    "en": "Proposed assignment, not yet confirmed by the International Affairs Office",
}
LANGUAGES = ["de", "en"]


def url(name, language, query="", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None) + (f"?{query}" if query else "")


def notes(response, language) -> int:
    """Return how many notes the page shows, checking each one's text."""
    assert response.status_code == 200
    found = parse(response).select(".proposed-note")
    for note in found:
        assert NOTE[language] in note.text
    return len(found)


def confirm(office, links) -> None:
    """Confirm `links` (a queryset of one link model) through the admin's bulk action."""
    model = links.model
    response = office.post(
        f"/de/admin/measures/{model._meta.model_name}/",
        {
            "action": "confirm_links",
            "_selected_action": [str(pk) for pk in links.values_list("pk", flat=True)],
            "index": "0",
        },
    )
    assert response.status_code == 302


@pytest.fixture
def office(plan):
    client = Client()
    client.force_login(OfficeUserFactory(username="office-links"))
    return client


def test_the_loaded_plan_confirms_no_link(plan):
    for model in EDITORIAL_LINKS:
        assert model.objects.exists(), model
        assert not model.objects.filter(confirmed=True).exists(), model


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_page_marks_the_mein_hannover_goals_behind_goals_1_and_3(client, plan, language):
    assert notes(client.get(url("plan", language)), language) == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_goal_page_marks_its_areas_measures_and_mein_hannover_goals(client, plan, language):
    for goal in Goal.objects.public():
        expected = 2 + goal.city_development_goals.exists()
        with translation.override(language):
            page = client.get(goal.get_absolute_url())
        assert notes(page, language) == expected, goal


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_area_page_marks_its_goals(client, plan, language):
    for link in AreaGoalLink.objects.select_related("area"):
        with translation.override(language):
            page = client.get(link.area.get_absolute_url())
        assert notes(page, language) == 1, link.area


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("number", ["1.1", "1.3", "2.1", "3.1", "4.3"])
def test_a_measure_page_marks_its_goals_and_themes(client, plan, language, number):
    measure = plan.get(number=number)
    with translation.override(language):
        page = client.get(measure.get_absolute_url())
    groups = measure.goals.exists() + measure.themes.exists()
    assert groups
    assert notes(page, language) == groups


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_filtered_by_goal_or_theme_carry_the_note(client, plan, language):
    for query in ("goal=1", "theme=europe"):
        assert notes(client.get(url("measures:measure_list", language, query)), language) == 1
    assert notes(client.get(url("progress:overview", language, "goal=2")), language) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_list_not_filtered_by_goal_or_theme_shows_no_note(client, plan, language):
    assert notes(client.get(url("measures:measure_list", language)), language) == 0
    assert notes(client.get(url("measures:measure_list", language, "area=1")), language) == 0
    assert notes(client.get(url("home", language)), language) == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_the_office_confirms_loses_its_note(client, office, plan, language):
    measure = plan.get(number="1.1")
    with translation.override(language):
        page_url = measure.get_absolute_url()
    assert notes(client.get(page_url), language) == 2

    confirm(office, MeasureGoalLink.objects.filter(measure=measure))
    page = client.get(page_url)
    assert notes(page, language) == 1
    # The goal is still listed, now without the note; the themes stay under theirs.
    goal = measure.goals.get()
    section = parse(page).one("section[aria-labelledby=classification-heading]")
    with translation.override(language):
        goal_url = goal.get_absolute_url()
    assert section.select(f'a[href="{goal_url}"]')
    assert section.text.index(goal.title) < section.text.index(NOTE[language])

    confirm(office, MeasureThemeLink.objects.filter(measure=measure))
    assert notes(client.get(page_url), language) == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_confirmed_goal_pages_and_filters_show_no_note(client, office, plan, language):
    confirm(office, AreaGoalLink.objects.all())
    confirm(office, MeasureGoalLink.objects.all())
    confirm(office, CityDevelopmentGoalLink.objects.all())
    for goal in Goal.objects.public():
        with translation.override(language):
            page = client.get(goal.get_absolute_url())
        assert notes(page, language) == 0
    assert notes(client.get(url("plan", language)), language) == 0
    assert notes(client.get(url("measures:measure_list", language, "goal=1")), language) == 0
    assert notes(client.get(url("progress:overview", language, "goal=2")), language) == 0
    # Themes are confirmed one by one, as their own links.
    assert notes(client.get(url("measures:measure_list", language, "theme=europe")), language)


def test_the_bulk_action_confirms_with_date_and_name_and_keeps_the_history(office, plan):
    links = MeasureGoalLink.objects.filter(measure__number__in=["1.1", "2.1"])
    confirm(office, links)
    for link in links:
        assert link.confirmed
        assert link.confirmed_at is not None
        assert link.confirmed_by.username == "office-links"
        latest = link.history.latest()
        assert latest.confirmed and latest.history_user.username == "office-links"
    assert MeasureGoalLink.objects.filter(confirmed=False).count() == 11


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_lists_and_filters_the_unconfirmed_links(office, plan, language):
    confirm(office, MeasureGoalLink.objects.filter(measure__number="1.1"))
    page = office.get(f"/{language}/admin/measures/measuregoallink/?confirmed__exact=0")
    assert page.status_code == 200
    rows = parse(page).select("#result_list tbody tr")
    assert len(rows) == 12
    everything = office.get(f"/{language}/admin/measures/measuregoallink/")
    assert len(parse(everything).select("#result_list tbody tr")) == 13
    action = {"de": "Ausgewählte Zuordnungen bestätigen", "en": "Confirm the selected assignments"}
    assert action[language] in page.content.decode()


def test_reloading_the_plan_keeps_the_offices_confirmations(office, plan):
    confirm(office, MeasureThemeLink.objects.filter(theme__slug="europe"))
    confirmed = set(MeasureThemeLink.objects.filter(confirmed=True).values_list("pk", flat=True))
    assert confirmed
    counts = [model.objects.count() for model in EDITORIAL_LINKS]
    call_command("load_action_plan", verbosity=0)
    assert [model.objects.count() for model in EDITORIAL_LINKS] == counts
    again = set(MeasureThemeLink.objects.filter(confirmed=True).values_list("pk", flat=True))
    assert again == confirmed


def test_a_link_chosen_in_a_measures_form_starts_unconfirmed(office, plan):
    measure = plan.get(number="4.1")
    confirm(office, MeasureGoalLink.objects.filter(measure=measure))
    goal = Goal.objects.get(number=1)
    measure.goals.add(goal)
    assert MeasureGoalLink.objects.get(measure=measure, goal=goal).confirmed is False
    # Choosing the same goals again keeps the confirmation of the link that stays.
    measure.goals.set(list(measure.goals.all()))
    kept = MeasureGoalLink.objects.exclude(goal=goal).get(measure=measure)
    assert kept.confirmed


def test_the_measure_form_adds_a_goal_unconfirmed_and_keeps_the_confirmed_one(office, plan):
    measure = plan.get(number="4.1")
    confirm(office, MeasureGoalLink.objects.filter(measure=measure))
    change = f"/de/admin/measures/measure/{measure.pk}/change/"
    data = admin_form_data(office.get(change))
    first = Goal.objects.get(number=1)
    data["goals"] = [*data["goals"], str(first.pk)]
    response = office.post(change, data)
    assert response.status_code == 302
    links = {link.goal.number: link.confirmed for link in measure.goal_links.all()}
    assert links == {1: False, 2: True}


@pytest.mark.parametrize(
    ("language", "message"),
    [("de", "2 Zuordnungen bestätigt."), ("en", "2 assignments confirmed.")],
)
def test_the_bulk_action_says_how_many_it_confirmed(office, plan, language, message):
    links = MeasureThemeLink.objects.filter(measure__number="4.1")
    response = office.post(
        f"/{language}/admin/measures/measurethemelink/",
        {"action": "confirm_links", "_selected_action": [str(link.pk) for link in links]},
        follow=True,
    )
    assert message in response.content.decode()
    # Confirming again confirms nothing more and changes no date.
    dates = sorted(links.values_list("confirmed_at", flat=True))
    confirm(office, links)
    assert sorted(links.values_list("confirmed_at", flat=True)) == dates
