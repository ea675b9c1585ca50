"""The activities as open data: API, OpenAPI, CSV, the Atom feed of each city and the search."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.markup import text_of

from .conftest import MARK
from .test_downloads import read_csv

pytestmark = pytest.mark.django_db


def test_the_api_lists_public_activities_with_public_links_only(client, content):
    data = client.get("/api/v1/activities/").json()
    assert data["count"] == 1
    (activity,) = data["results"]
    assert activity["title"] == {
        "de": "Delegation aus Hiroshima",
        "en": "Delegation from Hiroshima",
    }
    assert activity["partner_cities"] == ["hiroshima"]
    assert activity["networks"] == ["eurocities"]
    assert activity["eu_projects"] == ["open-project"]
    assert activity["actors"] == []
    assert activity["measures"] == [content.measure.number]
    assert MARK not in str(data)
    english = client.get("/api/v1/activities/?lang=en").json()["results"][0]
    assert english["title"] == "Delegation from Hiroshima"


def test_a_bad_filter_value_is_a_400_naming_it(client, content):
    response = client.get("/api/v1/activities/?event=maybe&kind=party")
    assert response.status_code == 400
    assert set(response.json()) >= {"event", "kind"}


def test_the_openapi_description_has_the_activities(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/activities/" in schema["paths"]
    assert "/api/v1/activities/{id}/" in schema["paths"]


def test_the_csv_holds_both_languages_and_no_drafts(client, content):
    _headers, rows = read_csv(client, "activities")
    (row,) = rows
    assert row["title_de"] == "Delegation aus Hiroshima"
    assert row["title_en"] == "Delegation from Hiroshima"
    assert row["partner_cities"] == "hiroshima"


@pytest.mark.parametrize(
    ("language", "title"),
    [("de", "Delegation aus Hiroshima"), ("en", "Delegation from Hiroshima")],
)
def test_each_city_has_an_atom_feed_of_its_public_activities(client, content, language, title):
    with translation.override(language):
        url = reverse("opendata:city_activity_feed", kwargs={"slug": "hiroshima"})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert title in body
    assert MARK not in body


def test_a_draft_city_has_no_feed(client, content):
    assert client.get(f"/en/partner-cities/stadt-{MARK}/activities/feed/").status_code == 404


@pytest.mark.parametrize(("language", "path"), [("de", "/de/suche/"), ("en", "/en/search/")])
def test_the_search_finds_public_activities_not_drafts(client, content, language, path):
    found = text_of(client.get(path + "?q=Hiroshima").content.decode(), "main")
    assert ("Delegation aus Hiroshima" if language == "de" else "Delegation from Hiroshima") in (
        found
    )
    nothing = client.get(path + f"?q={MARK}").content.decode()
    assert text_of(nothing, "p.result-count").endswith(": 0")
