"""The API and the CSV files date the plan's statements and count no unverified entry."""

import csv
import io

import pytest

from networks.models import Network

pytestmark = pytest.mark.django_db

UNVERIFIED = "european-council-on-migration-security"


def csv_rows(client, slug: str) -> list[dict]:
    """Return the rows of a dataset's CSV file."""
    response = client.get(f"/data/{slug}.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8"), newline="")))


def test_eurocities_is_a_planned_application_as_of_january_2019(client, plan):
    data = client.get("/api/v1/networks/eurocities/").json()
    assert data["membership_status"] == "planned_application"
    assert data["membership_status_label"] == {
        "de": "Bewerbung geplant",
        "en": "application planned",
    }
    assert data["status_as_of"] == "2019-01-01"
    row = next(row for row in csv_rows(client, "networks") if row["slug"] == "eurocities")
    assert (row["membership_status"], row["status_as_of"]) == ("planned_application", "2019-01-01")


def test_the_network_to_be_verified_is_in_no_total(client, plan):
    confirmed = Network.objects.public().confirmed().count()
    listing = client.get("/api/v1/networks/").json()
    assert listing["count"] == confirmed
    assert UNVERIFIED not in [network["slug"] for network in listing["results"]]
    assert client.get("/api/v1/networks/?verification=confirmed").json()["count"] == confirmed
    assert UNVERIFIED not in [row["slug"] for row in csv_rows(client, "networks")]
    assert len(csv_rows(client, "networks")) == confirmed


def test_the_network_to_be_verified_is_marked_where_the_api_gives_it(client, plan):
    pending = client.get("/api/v1/networks/?verification=pending").json()
    assert [network["slug"] for network in pending["results"]] == [UNVERIFIED]
    assert client.get("/api/v1/networks/?verification=all").json()["count"] == (
        Network.objects.public().count()
    )
    data = client.get(f"/api/v1/networks/{UNVERIFIED}/").json()
    assert data["needs_verification"] is True
    assert "To be verified by the International Affairs Office." in data["verification_note"]["en"]
    assert (
        "vom Büro für Internationale Angelegenheiten zu prüfen" in (data["verification_note"]["de"])
    )


def test_a_nonsense_verification_value_is_refused_with_a_message(client, plan):
    response = client.get("/api/v1/networks/?verification=maybe")
    assert response.status_code == 400
    assert "verification" in response.json()


def test_once_confirmed_the_network_is_counted(client, plan):
    before = client.get("/api/v1/networks/").json()["count"]
    Network.objects.filter(slug=UNVERIFIED).update(needs_verification=False)
    assert client.get("/api/v1/networks/").json()["count"] == before + 1


def test_eu_projects_carry_the_years_of_participation_the_plan_gives(client, plan):
    results = client.get("/api/v1/eu-projects/").json()["results"]
    assert len(results) == 7
    assert {(p["participation_from"], p["participation_until"]) for p in results} == {(2018, 2019)}
    # The projects' own dates are not in the sources: they stay empty.
    assert {(p["start"], p["end"]) for p in results} == {(None, None)}
    rows = csv_rows(client, "eu-projects")
    assert {(row["participation_from"], row["participation_until"]) for row in rows} == {
        ("2018", "2019")
    }


def test_the_openapi_description_explains_the_new_fields(client, plan):
    schema = client.get("/api/v1/openapi.json").content.decode()
    for word in ("planned_application", "participation_from", "status_as_of", "verification"):
        assert word in schema
