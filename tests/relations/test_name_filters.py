"""The events' and local actors' city and network filters: names with suggestions, not selects.

Issue 18, section 3: cities and networks grow with the register; a choice of all of them would
make the lists' pages grow too. A name is found in either language or by its slug, as the city
pages link it; what no row has is named on the page with the names that contain it.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.content import PublicationState
from core.suggesting import SUGGESTIONS
from partners.models import ExternalPartner
from tests.factories import (
    ActivityFactory,
    ExternalPartnerFactory,
    NetworkFactory,
    PartnerCityFactory,
)
from tests.markup import parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en"]


def url(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


def event(title: str, **links):
    """Return a public event in ten days, linked to the given cities and networks."""
    found = ActivityFactory(
        title_de=title,
        title_en=title,
        open_to_public=True,
        venue_de="Rathaus",
        starts_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    for relation, rows in links.items():
        getattr(found, relation).add(*rows)
    return found


def titles(client, name: str, language: str, query: dict, context_name: str) -> list[str]:
    response = client.get(url(name, language), query)
    assert response.status_code == 200
    return sorted(
        row.title if context_name == "events" else row.name_de
        for row in response.context[context_name]
    )


def suggestions(html: str, field: str) -> list[str]:
    return [o.attrs["value"] for o in parse(html).select(f"datalist#id_{field}-suggestions option")]


@pytest.fixture
def gdansk():
    return PartnerCityFactory(slug="gdansk", name_de="Danzig", name_en="Gdańsk")


@pytest.fixture
def baltic():
    return NetworkFactory(
        slug="baltic-towns", acronym="BTN", name_de="Ostseestädte-Netz", name_en="Baltic Towns"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_events_are_found_by_a_citys_name_in_either_language_or_slug(client, gdansk, language):
    event("Ostseeabend", partner_cities=[gdansk])
    event("Anderer Abend", partner_cities=[PartnerCityFactory()])
    for value in ("Danzig", "Gdańsk", "gdansk", " GDANSK "):
        found = titles(client, "relations:event_list", language, {"city": value}, "events")
        assert found == ["Ostseeabend"], value


@pytest.mark.parametrize("language", LANGUAGES)
def test_events_are_found_by_a_networks_name_acronym_or_slug(client, baltic, language):
    event("Jahrestagung", networks=[baltic])
    event("Anderes Treffen", networks=[NetworkFactory()])
    for value in ("Baltic Towns", "Ostseestädte-Netz", "ostseestädte-netz", "btn", "baltic-towns"):
        found = titles(client, "relations:event_list", language, {"network": value}, "events")
        assert found == ["Jahrestagung"], value


@pytest.mark.parametrize(
    ("language", "message", "heading"),
    [
        (
            "de",
            "Keine Partner- oder Kooperationsstadt namens „Stadt 0“ kommt in dieser Liste vor",
            "Städte, deren Name „Stadt 0“ enthält:",
        ),
        (
            "en",
            "No twin or cooperation city called “Stadt 0” appears in this list",
            "Cities whose name contains “Stadt 0”:",
        ),
    ],
)
def test_part_of_a_name_lists_the_cities_that_contain_it(client, language, message, heading):
    cities = [
        PartnerCityFactory(name_de=f"Stadt {n:02}", name_en=f"Town {n:02}") for n in range(12)
    ]
    event("Fest", partner_cities=cities)
    response = client.get(
        url("relations:event_list", language), {"city": "Stadt 0", "when": "upcoming"}
    )
    assert response.status_code == 200
    page = parse(response.content.decode())
    assert message in page.one(".unknown-city").text
    assert page.one("#city-matches-heading").text == heading
    links = page.select("ul.city-matches a")
    names = [f"Stadt {n:02}" if language == "de" else f"Town {n:02}" for n in range(10)]
    assert [link.text for link in links] == names
    assert links[0].attrs["href"] == f"?city={names[0].replace(' ', '+')}&when=upcoming"
    # The list is not narrowed by the unknown name.
    assert response.context["paginator"].count == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Kein Städtenetzwerk namens „Atlantis“ kommt in dieser Liste vor"),
        ("en", "No network called “Atlantis” appears in this list"),
    ],
)
def test_an_unknown_network_is_named_and_changes_nothing(client, baltic, language, message):
    event("Jahrestagung", networks=[baltic])
    event("Anderes")
    response = client.get(url("relations:event_list", language), {"network": "Atlantis"})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in parse(html).one(".unknown-network").text
    assert ("nicht berücksichtigt" if language == "de" else "ignored") in html
    assert response.context["paginator"].count == 2


def test_the_suggestions_stay_bounded_and_follow_what_was_typed(client):
    cities = [PartnerCityFactory(name_en=f"Synthcity {n:03}") for n in range(3 * SUGGESTIONS)]
    networks = [NetworkFactory(name_en=f"Synthnet {n:03}") for n in range(3 * SUGGESTIONS)]
    event("Großes Fest", partner_cities=cities, networks=networks)
    html = client.get(url("relations:event_list", "en")).content.decode()
    assert not parse(html).select('select[name="city"]')
    assert not parse(html).select('select[name="network"]')
    assert len(suggestions(html, "city")) == SUGGESTIONS
    assert len(suggestions(html, "network")) == SUGGESTIONS
    typed = client.get(url("relations:event_list", "en"), {"city": "Synthcity 042"})
    assert suggestions(typed.content.decode(), "city") == ["Synthcity 042"]
    assert typed.context["paginator"].count == 1


def test_only_public_cities_of_public_events_are_suggested_or_accepted(client):
    secret = PartnerCityFactory(
        slug="geheim", name_de="Geheimstadt", publication_state=PublicationState.DRAFT
    )
    without_event = PartnerCityFactory(slug="leer", name_de="Leerstadt", name_en="Emptytown")
    draft_only = PartnerCityFactory(slug="entwurf", name_de="Entwurfstadt", name_en="Drafttown")
    event("Öffentlich", partner_cities=[secret, PartnerCityFactory()])
    ActivityFactory(
        open_to_public=True, publication_state=PublicationState.DRAFT
    ).partner_cities.add(draft_only)
    html = client.get(url("relations:event_list", "de")).content.decode()
    for name in ("Geheimstadt", "Leerstadt", "Entwurfstadt"):
        assert name not in suggestions(html, "city")
    for value in ("geheim", "Geheimstadt", "leer", "Emptytown", "Entwurfstadt"):
        response = client.get(url("relations:event_list", "de"), {"city": value})
        assert response.status_code == 200
        assert response.context["paginator"].count == 1, value
        assert "nicht berücksichtigt" in response.content.decode(), value
    assert without_event.slug == "leer"


@pytest.mark.parametrize("language", LANGUAGES)
def test_local_actors_are_found_by_a_citys_name(client, gdansk, language):
    friends = ExternalPartnerFactory(name_de="Freundeskreis Danzig", name_en="Friends of Gdańsk")
    friends.partner_cities.add(gdansk)
    ExternalPartnerFactory(name_de="Andere", name_en="Others").partner_cities.add(
        PartnerCityFactory()
    )
    base = url("relations:actor_list", language)
    html = client.get(base).content.decode()
    assert ("Gdańsk" if language == "en" else "Danzig") in suggestions(html, "city")
    for value in ("Danzig", "Gdańsk", "gdansk"):
        response = client.get(base, {"city": value})
        assert [actor.name_de for actor in response.context["actors"]] == [
            "Freundeskreis Danzig"
        ], value
    unknown = client.get(base, {"city": "Danz"})
    page = parse(unknown.content.decode())
    assert [a.text for a in page.select("ul.city-matches a")] == [
        "Danzig" if language == "de" else "Gdańsk"
    ]
    assert unknown.context["paginator"].count == ExternalPartner.objects.public().count()
