"""The API and the CSV files say of each goal, area, measure and theme link if it is confirmed."""

import pytest
from django.utils import translation

from measures.models import (
    AreaGoalLink,
    CityDevelopmentGoal,
    CityDevelopmentGoalLink,
    Goal,
    MeasureGoalLink,
    MeasureThemeLink,
)
from measures.services import links_confirm
from networks.models import EUProjectThemeLink, NetworkThemeLink
from partners.models import PartnershipThemeLink
from tests.factories import OfficeUserFactory

from .test_downloads import read_csv

pytestmark = pytest.mark.django_db


def results(client, path: str, **params) -> list[dict]:
    response = client.get(f"/api/v1/{path}/", {"page_size": 100, **params})
    assert response.status_code == 200
    return response.json()["results"]


def by_key(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_loaded_plans_links_are_all_unconfirmed_in_the_api(client, plan, lang):
    measures = by_key(results(client, "measures", lang=lang), "number")
    assert measures["1.1"]["goal_links"] == [{"goal": 3, "confirmed": False}]
    assert measures["1.1"]["goals"] == [3]
    themes = [link["theme"] for link in measures["1.1"]["theme_links"]]
    assert themes == [theme["slug"] for theme in measures["1.1"]["themes"]]
    for measure in measures.values():
        links = measure["goal_links"] + measure["theme_links"]
        assert links and not any(link["confirmed"] for link in links)
    areas = by_key(results(client, "areas-of-action", lang=lang), "number")
    assert areas[1]["goal_links"] == [{"goal": 3, "confirmed": False}]
    goals = by_key(results(client, "goals", lang=lang), "number")
    assert {"area": 3, "confirmed": False} in goals[1]["area_links"]
    assert {"measure": "3.1", "confirmed": False} in goals[1]["measure_links"]


def test_a_confirmed_link_reads_true_in_the_api_and_the_csv(client, plan):
    office = OfficeUserFactory()
    links_confirm(links=MeasureGoalLink.objects.filter(measure__number="1.1"), user=office)
    links_confirm(links=MeasureThemeLink.objects.filter(theme__slug="europe"), user=office)
    links_confirm(links=AreaGoalLink.objects.filter(area__number=4), user=office)

    measures = by_key(results(client, "measures"), "number")
    assert measures["1.1"]["goal_links"] == [{"goal": 3, "confirmed": True}]
    assert measures["1.2"]["goal_links"] == [{"goal": 3, "confirmed": False}]
    assert measures["1.2"]["theme_links"] == [{"theme": "europe", "confirmed": True}]
    goals = by_key(results(client, "goals"), "number")
    assert goals[2]["area_links"] == [{"area": 4, "confirmed": True}]
    assert {"measure": "1.1", "confirmed": True} in goals[3]["measure_links"]

    _headers, rows = read_csv(client, "measures")
    csv_measures = by_key(rows, "number")
    assert (csv_measures["1.1"]["goals"], csv_measures["1.1"]["goals_confirmed"]) == ("3", "3")
    assert csv_measures["1.2"]["goals_confirmed"] == ""
    assert csv_measures["4.1"]["themes_confirmed"] == "europe"
    assert csv_measures["4.1"]["themes"] == "europe|integration"
    _headers, rows = read_csv(client, "areas-of-action")
    assert by_key(rows, "number")["4"]["goals_confirmed"] == "2"
    assert by_key(rows, "number")["3"]["goals_confirmed"] == ""
    _headers, rows = read_csv(client, "goals")
    assert by_key(rows, "number")["2"]["areas_confirmed"] == "4"
    assert by_key(rows, "number")["3"]["measures_confirmed"] == "1.1"


def test_the_openapi_description_documents_the_flag(client, plan):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    for component, field, end in (
        ("Measure", "goal_links", "goal"),
        ("Measure", "theme_links", "theme"),
        ("Area", "goal_links", "goal"),
        ("Goal", "area_links", "area"),
        ("Goal", "measure_links", "measure"),
    ):
        items = components[component]["properties"][field]["items"]
        assert set(items["properties"]) == {end, "confirmed"}, (component, field)
        confirmed = items["properties"]["confirmed"]
        assert confirmed["type"] == "boolean"
        assert "International Affairs Office" in confirmed["description"]


THEMED = [
    # (API path, key of a row, link model, the link's path to that key)
    ("networks", "slug", NetworkThemeLink, "network__slug"),
    ("eu-projects", "slug", EUProjectThemeLink, "euproject__slug"),
    ("partnerships", "id", PartnershipThemeLink, "partnership_id"),
]


@pytest.mark.parametrize(("path", "key", "link_model", "row_path"), THEMED)
def test_the_themes_of_networks_projects_and_partnerships_carry_the_flag(
    client, plan, path, key, link_model, row_path
):
    rows = results(client, path)
    themed = [row for row in rows if row["themes"]]
    assert themed
    for row in themed:
        slugs = [theme if isinstance(theme, str) else theme["slug"] for theme in row["themes"]]
        assert row["theme_links"] == [{"theme": slug, "confirmed": False} for slug in slugs]

    row = themed[0]
    links_confirm(links=link_model.objects.filter(**{row_path: row[key]}), user=OfficeUserFactory())
    again = by_key(results(client, path), key)[row[key]]
    assert again["theme_links"] and all(link["confirmed"] for link in again["theme_links"])

    _headers, csv_rows = read_csv(client, path)
    csv_row = by_key(csv_rows, key)[str(row[key])]
    assert csv_row["themes_confirmed"] == csv_row["themes"] != ""
    others = [other for other in csv_rows if other[key] != str(row[key]) and other["themes"]]
    assert others and all(other["themes_confirmed"] == "" for other in others)


def test_a_citys_partnerships_carry_the_flag_of_their_themes(client, plan):
    cities = results(client, "partner-cities")
    links = [link for city in cities for p in city["partnerships"] for link in p["theme_links"]]
    assert links and not any(link["confirmed"] for link in links)


def test_the_openapi_description_documents_the_flag_of_the_other_themes(client, plan):
    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for component in ("Network", "EUProject", "Partnership", "CityPartnership"):
        items = components[component]["properties"]["theme_links"]["items"]
        assert set(items["properties"]) == {"theme", "confirmed"}, component
        assert items["properties"]["confirmed"]["type"] == "boolean"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_goal_endpoint_gives_the_mein_hannover_goals_behind_it_with_the_flag(
    client, plan, lang
):
    goals = by_key(results(client, "goals", lang=lang), "number")
    expected = {
        goal.number: [
            link.citydevelopmentgoal.position
            for link in goal.city_development_goal_links.order_by("citydevelopmentgoal__position")
        ]
        for goal in Goal.objects.all()
    }
    assert any(expected.values())
    for number, positions in expected.items():
        behind = goals[number]["city_development_goals"]
        assert [row["position"] for row in behind] == positions
        assert not any(row["confirmed"] for row in behind)
        for row in behind:
            text = CityDevelopmentGoal.objects.get(position=row["position"])
            with translation.override(lang):
                assert row["text"] == text.text


def test_a_confirmed_mein_hannover_goal_reads_true_in_the_api_and_the_csv(client, plan):
    link = CityDevelopmentGoalLink.objects.select_related("goal", "citydevelopmentgoal").first()
    office = OfficeUserFactory()
    links_confirm(links=CityDevelopmentGoalLink.objects.filter(pk=link.pk), user=office)
    goal = by_key(results(client, "goals"), "number")[link.goal.number]
    flags = {row["position"]: row["confirmed"] for row in goal["city_development_goals"]}
    assert flags[link.citydevelopmentgoal.position] is True
    assert sum(flags.values()) == 1
    # Without lang, the text comes in both languages.
    assert set(goal["city_development_goals"][0]["text"]) == {"de", "en"}

    _headers, rows = read_csv(client, "goals")
    row = by_key(rows, "number")[str(link.goal.number)]
    assert row["city_development_goals_confirmed"] == str(link.citydevelopmentgoal.position)
    assert str(link.citydevelopmentgoal.position) in row["city_development_goals"].split("|")


def test_the_openapi_description_documents_the_mein_hannover_goals_and_their_flag(client, plan):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    field = components["Goal"]["properties"]["city_development_goals"]
    assert "Mein Hannover 2030" in field.get("description", "")
    reference = field["items"]["$ref"].rsplit("/", 1)[-1]
    properties = components[reference]["properties"]
    assert set(properties) == {"position", "text", "confirmed"}
    assert properties["confirmed"]["type"] == "boolean"
    assert "International Affairs Office" in properties["confirmed"]["description"]
