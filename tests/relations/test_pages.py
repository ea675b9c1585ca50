"""The register's public pages in both languages: timelines, actors, programmes and events."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from core.content import PublicationState
from partners.models import ActorKind
from relations.models import ActivityKind
from tests.factories import (
    ActivityFactory,
    EUProjectFactory,
    ExternalPartnerFactory,
    FundingProgrammeFactory,
    NetworkFactory,
    PartnerCityFactory,
    PartnershipFactory,
    ThemeFactory,
)
from tests.markup import text_of

pytestmark = pytest.mark.django_db


def visible_text(response) -> str:
    """Return the text a visitor reads in the page's main content."""
    return text_of(response.content.decode(), "main")


LANGUAGES = ["de", "en"]


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def page_url(obj, language="de", query=""):
    with translation.override(language):
        return obj.get_absolute_url() + query


def today():
    return timezone.localdate()


@pytest.fixture
def city():
    city = PartnerCityFactory(name_de="Rouen", name_en="Rouen")
    PartnershipFactory(city=city, since=1966, council_decision="1736/2018")
    return city


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_city_page_shows_its_timeline_newest_first_with_the_partnerships_start(
    client, city, language
):
    older = ActivityFactory(title_de="Alt", title_en="Old", starts_on=datetime.date(2020, 1, 1))
    newer = ActivityFactory(title_de="Neu", title_en="New", starts_on=datetime.date(2024, 1, 1))
    for activity in (older, newer):
        activity.partner_cities.add(city)
    page = client.get(page_url(city, language))
    text = text_of(page.content.decode(), "section.relations-timeline")
    new, old = ("Neu", "Alt") if language == "de" else ("New", "Old")
    assert text.index(new) < text.index(old) < text.index("1966")
    assert "1736/2018" in text
    assert ("Letzte Aktivität" if language == "de" else "Last activity") in text


def test_drafts_and_internal_activities_stay_off_the_city_page(client, city):
    ActivityFactory(
        title_de="Entwurf", publication_state=PublicationState.DRAFT
    ).partner_cities.add(city)
    ActivityFactory(title_de="Intern", is_internal=True).partner_cities.add(city)
    text = visible_text(client.get(page_url(city)))
    assert "Entwurf" not in text
    assert "Intern" not in text


def test_the_timeline_is_paginated_and_a_bad_page_shows_the_first(client, city):
    for number in range(25):
        ActivityFactory(
            title_de=f"Eintrag {number:02}", starts_on=datetime.date(2020, 1, 1 + number)
        ).partner_cities.add(city)
    first = visible_text(client.get(page_url(city)))
    assert "Eintrag 24" in first and "Eintrag 10" not in first
    third = text_of(
        client.get(page_url(city, query="?page=3")).content.decode(), "section.relations-timeline"
    )
    assert "Eintrag 00" in third and "1966" in third
    assert client.get(page_url(city, query="?page=x%00")).status_code == 200


def test_the_city_page_lists_its_local_actors_and_upcoming_events(client, city):
    actor = ExternalPartnerFactory(name_de="Deutsch-Französische Gesellschaft")
    actor.partner_cities.add(city)
    event = ActivityFactory(
        kind=ActivityKind.EVENT,
        title_de="Französischer Abend",
        starts_on=today() + datetime.timedelta(days=10),
        open_to_public=True,
        venue_de="Neues Rathaus",
    )
    event.partner_cities.add(city)
    text = visible_text(client.get(page_url(city)))
    assert "Deutsch-Französische Gesellschaft" in text
    assert "Französischer Abend" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_network_and_project_pages_show_their_timelines(client, language):
    network = NetworkFactory()
    project = EUProjectFactory()
    activity = ActivityFactory(title_de="Konferenz", title_en="Conference")
    activity.networks.add(network)
    activity.eu_projects.add(project)
    title = "Konferenz" if language == "de" else "Conference"
    for obj in (network, project):
        page = client.get(page_url(obj, language))
        assert title in visible_text(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_actor_directory_filters_by_kind_city_and_theme(client, city, language):
    theme = ThemeFactory()
    society = ExternalPartnerFactory(
        name_de="Freundeskreis", name_en="Friends", kind=ActorKind.FRIENDSHIP_SOCIETY
    )
    society.partner_cities.add(city)
    society.themes.add(theme)
    ExternalPartnerFactory(name_de="Uni", name_en="Uni", kind=ActorKind.UNIVERSITY)
    ExternalPartnerFactory(name_de="Geheim", publication_state=PublicationState.DRAFT)
    base = url("relations:actor_list", language)
    for query in ("?kind=friendship_society", f"?city={city.slug}", f"?theme={theme.slug}"):
        text = visible_text(client.get(base + query))
        assert ("Freundeskreis" if language == "de" else "Friends") in text
        assert "Uni" not in text
    assert "Geheim" not in visible_text(client.get(base))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_filter_value_gets_a_message_not_an_error(client, language):
    for name in ("relations:actor_list", "relations:event_list", "relations:programme_list"):
        response = client.get(url(name, language) + "?kind=<b>&city=nowhere&when=later&theme=x")
        assert response.status_code == 200
        text = visible_text(response)
        assert ("nicht berücksichtigt" if language == "de" else "ignored") in text
        assert "<b>" not in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_programmes_list_upcoming_deadlines_first_with_their_projects(client, language):
    FundingProgrammeFactory(
        name_de="Späte Frist",
        name_en="Late deadline",
        next_deadline=today() + datetime.timedelta(days=90),
    )
    soon = FundingProgrammeFactory(
        name_de="Frühe Frist",
        name_en="Early deadline",
        next_deadline=today() + datetime.timedelta(days=5),
    )
    FundingProgrammeFactory(
        name_de="Vergangen", name_en="Passed", next_deadline=today() - datetime.timedelta(days=5)
    )
    EUProjectFactory(acronym="FUNDED", programme=soon)
    text = visible_text(client.get(url("relations:programme_list", language)))
    early, late, passed = (
        ("Frühe Frist", "Späte Frist", "Vergangen")
        if language == "de"
        else ("Early deadline", "Late deadline", "Passed")
    )
    assert text.index(early) < text.index(late) < text.index(passed)
    assert "FUNDED" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_events_page_shows_upcoming_and_past_public_events(client, city, language):
    upcoming = ActivityFactory(
        title_de="Kommt",
        title_en="Coming",
        open_to_public=True,
        venue_de="Rathaus",
        starts_on=today() + datetime.timedelta(days=3),
    )
    upcoming.partner_cities.add(city)
    ActivityFactory(
        title_de="War",
        title_en="Was",
        open_to_public=True,
        venue_de="Rathaus",
        starts_on=today() - datetime.timedelta(days=3),
    )
    ActivityFactory(title_de="Kein Termin", title_en="Not an event")
    base = url("relations:event_list", language)
    coming, was = ("Kommt", "War") if language == "de" else ("Coming", "Was")
    every = visible_text(client.get(base))
    assert coming in every and was in every and "Kein Termin" not in every
    soon = visible_text(client.get(base + "?when=upcoming"))
    assert coming in soon and was not in soon
    assert was in visible_text(client.get(base + "?when=past"))
    assert coming in visible_text(client.get(base + f"?city={city.slug}"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_activitys_page_and_a_draft_is_not_found(client, language):
    activity = ActivityFactory(title_de="Besuch", title_en="Visit")
    draft = ActivityFactory(publication_state=PublicationState.DRAFT)
    internal = ActivityFactory(is_internal=True)
    page = client.get(url("relations:activity_detail", language, pk=activity.pk))
    assert ("Besuch" if language == "de" else "Visit") in visible_text(page)
    for hidden in (draft, internal):
        assert (
            client.get(url("relations:activity_detail", language, pk=hidden.pk)).status_code == 404
        )


@pytest.mark.parametrize("configured", [True, False])
def test_a_council_number_is_a_link_only_when_the_address_is_set(client, city, configured):
    pattern = "https://e-government.hannover-stadt.de/lhhsimwebre.nsf/DS/{number}-{year}"
    with override_settings(COUNCIL_PAPER_URL=pattern if configured else ""):
        html = client.get(page_url(city)).content.decode()
    link = 'href="https://e-government.hannover-stadt.de/lhhsimwebre.nsf/DS/1736-2018"'
    assert (link in html) is configured
    assert "1736/2018" in html
