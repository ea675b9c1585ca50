"""The JSON API: published content only, both languages, filters, pages and clear errors."""

import json

import pytest

from progress.services import progress_report_save

from .conftest import MARK

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/goals/",
    "/api/v1/areas-of-action/",
    "/api/v1/measures/",
    "/api/v1/progress-reports/",
    "/api/v1/partner-cities/",
    "/api/v1/partnerships/",
    "/api/v1/networks/",
    "/api/v1/eu-projects/",
]


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_every_list_answers_with_pages_of_published_rows(client, content):
    for url in LISTS:
        assert client.get(url)["Access-Control-Allow-Origin"] == "*", "scripts anywhere may read"
        data = get_json(client, url)
        assert set(data) == {"count", "next", "previous", "results"}
        assert data["count"] >= 1, url
        assert MARK not in json.dumps(data, ensure_ascii=False), url


def test_drafts_and_their_reports_are_absent_and_cannot_be_fetched(client, content):
    for url in [
        "/api/v1/goals/90/",
        f"/api/v1/measures/massnahme-{MARK}/",
        f"/api/v1/partner-cities/stadt-{MARK}/",
        f"/api/v1/networks/netz-{MARK}/",
        f"/api/v1/eu-projects/projekt-{MARK}/",
    ]:
        assert client.get(url).status_code == 404, url
    measure = get_json(client, "/api/v1/measures/1-1/")
    assert f"netz-{MARK}" not in measure["networks"]
    assert f"projekt-{MARK}" not in measure["eu_projects"]
    assert f"stadt-{MARK}" not in measure["partner_cities"]
    assert measure["eu_projects"] == ["open-project"]
    reports = get_json(client, "/api/v1/progress-reports/?page_size=200")
    assert [report["id"] for report in reports["results"]] == [content.report.pk]


def test_translated_fields_come_in_both_languages_by_default(client, content):
    measure = get_json(client, "/api/v1/measures/1-1/")
    assert measure["title"] == {
        "de": "Strategische Ausrichtung der Städtepartnerschaften und Städtekooperationen",
        "en": "Strategic approach to town-twinning/partnership arrangements",
    }
    assert measure["status"] == "in_progress"
    assert measure["status_label"] == {"de": "in Umsetzung", "en": "in progress"}
    assert measure["progress"] == 40
    assert measure["url"] == {
        "de": "http://testserver/de/massnahmen/1-1/",
        "en": "http://testserver/en/measures/1-1/",
    }


@pytest.mark.parametrize(
    ("language", "title", "label", "theme"),
    [
        (
            "de",
            "Strategische Ausrichtung der Städtepartnerschaften und Städtekooperationen",
            "in Umsetzung",
            "Digitalisierung",
        ),
        (
            "en",
            "Strategic approach to town-twinning/partnership arrangements",
            "in progress",
            "Digitization",
        ),
    ],
)
def test_lang_gives_one_language(client, content, language, title, label, theme):
    measure = get_json(client, f"/api/v1/measures/1-1/?lang={language}")
    assert measure["title"] == title
    assert measure["status_label"] == label
    assert measure["themes"][0]["name"] == theme


def test_lang_en_falls_back_to_german_where_there_is_no_english(client, content):
    content.report.text_en = ""
    progress_report_save(report=content.report)
    report = get_json(client, f"/api/v1/progress-reports/{content.report.pk}/?lang=en")
    assert report["text"] == "Erste Partnerschaftstreffen haben stattgefunden."
    both = get_json(client, f"/api/v1/progress-reports/{content.report.pk}/")
    assert both["text"] == {"de": "Erste Partnerschaftstreffen haben stattgefunden.", "en": None}


@pytest.mark.parametrize("value", ["fr", "", "DE", "<script>"])
def test_an_unknown_language_is_refused_with_a_message(client, content, value):
    data = get_json(client, f"/api/v1/measures/?lang={value}", status=400)
    assert list(data) == ["lang"]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/measures/?status=nonsense", "status"),
        ("/api/v1/measures/?area=99", "area"),
        ("/api/v1/measures/?area=x", "area"),
        ("/api/v1/measures/?sort=price", "sort"),
        ("/api/v1/partner-cities/?continent=atlantis", "continent"),
        ("/api/v1/partner-cities/?sort=size", "sort"),
        ("/api/v1/eu-projects/?phase=%00", "phase"),
        ("/api/v1/networks/?scope=local", "scope"),
        ("/api/v1/progress-reports/?since=2025-02-30", "since"),
        ("/api/v1/progress-reports/?measure=nope", "measure"),
        ("/api/v1/partnerships/?active=perhaps", "active"),
    ],
)
def test_invalid_filter_values_get_a_400_naming_the_parameter(client, content, url, field):
    data = get_json(client, url, status=400)
    assert field in data
    assert all(isinstance(message, str) and message for message in data[field])


def test_filters_work_like_the_public_lists(client, content):
    area_two = get_json(client, "/api/v1/measures/?area=2&page_size=200")
    assert area_two["count"] > 0
    assert {measure["area"] for measure in area_two["results"]} == {2}
    in_progress = get_json(client, "/api/v1/measures/?status=in_progress")
    assert [measure["number"] for measure in in_progress["results"]] == ["1.1"]
    found = get_json(client, "/api/v1/partner-cities/?q=poznan")
    assert [city["slug"] for city in found["results"]] == ["poznan"]
    twins = get_json(client, "/api/v1/partnerships/?kind=twin_city&page_size=200")
    assert twins["count"] > 0
    assert {row["kind"] for row in twins["results"]} == {"twin_city"}
    reports = get_json(client, "/api/v1/progress-reports/?measure=1-1&since=2025-03-01")
    assert reports["count"] == 1
    assert get_json(client, "/api/v1/progress-reports/?until=2025-03-01")["count"] == 0
    european = get_json(client, "/api/v1/networks/?scope=european&page_size=200")
    assert {network["scope"] for network in european["results"]} == {"european"}


def test_pages_have_a_maximum_size(client, content, more_content):
    more_content(3)
    first = get_json(client, "/api/v1/measures/?page_size=2")
    assert len(first["results"]) == 2
    assert first["next"].endswith("page=2&page_size=2")
    everything = get_json(client, "/api/v1/measures/?page_size=100000")
    assert len(everything["results"]) == everything["count"] <= 200
    assert get_json(client, "/api/v1/measures/?page=999", status=404)["detail"]


def test_partner_city_carries_coordinates_and_partnerships(client, content):
    city = get_json(client, "/api/v1/partner-cities/hiroshima/?lang=en")
    assert city["country"] == "JP"
    assert city["country_name"] == "Japan"
    assert city["latitude"] == pytest.approx(34.3853)
    assert city["longitude"] == pytest.approx(132.4553)
    assert city["partnerships"][0]["kind"] == "twin_city"
    assert city["eu_projects"] == ["open-project"]


def test_the_api_only_reads(client, content):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(
            "/api/v1/measures/1-1/", {}, content_type="application/json"
        )
        assert response.status_code == 405


def test_anonymous_clients_are_throttled_when_a_rate_is_set(client, content, settings):
    settings.API_THROTTLE_ANON = "3/minute"
    from django.core.cache import cache

    cache.clear()
    codes = [client.get("/api/v1/goals/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    cache.clear()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/goals/99999999999999999999999/",
        "/api/v1/partnerships/99999999999999999999999/",
        "/api/v1/measures/%00/",
        "/api/v1/measures/?area=99999999999999999999999",
        "/api/v1/progress-reports/?area=1e400",
        "/api/v1/progress-reports/?since=99999-01-01",
        "/api/v1/measures/?page=99999999999999999999999",
        "/api/v1/measures/?q=%00",
        "/api/v1/partner-cities/?q=%00&country=XX",
        "/api/v1/networks/?theme=%00",
        "/data/x%00.csv",
    ],
)
def test_hostile_input_never_gives_a_server_error(client, content, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("size", ["-5", "0", "x", ""])
def test_a_page_size_that_is_no_positive_number_is_ignored(client, content, size):
    data = get_json(client, f"/api/v1/measures/?page_size={size}")
    # Neither an error nor a page of that size: the list comes in the default pages of 50.
    assert len(data["results"]) == min(data["count"], 50)
    assert data["count"] > 5


@pytest.mark.parametrize("query", ["", "?lang=en"])
def test_a_measures_sub_items_come_under_their_old_name_too(client, content, query):
    measure = get_json(client, f"/api/v1/measures/1-1/{query}")
    assert measure["sub_items"], "1.1 has sub-items in the plan"
    assert measure["activities"] == measure["sub_items"]
    listed = get_json(client, f"/api/v1/measures/{query}")["results"]
    assert all(row["activities"] == row["sub_items"] for row in listed)
    # Described as what it holds, and as deprecated.
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["Measure"]
    activities = schema["properties"]["activities"]
    assert activities["items"] == {"$ref": "#/components/schemas/SubItem"}
    assert activities["description"].startswith("Deprecated")
