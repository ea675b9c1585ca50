"""The public list and detail pages of the networks of cities, in German and English."""

import re

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.content import PublicationState
from networks.models import MembershipStatus, Network, Scope
from tests.factories import MeasureFactory, NetworkFactory, ThemeFactory
from tests.markup import parse
from tests.networks.pages import page_url

pytestmark = pytest.mark.django_db

VERIFICATION_NOTE = "The International Affairs Office has yet to verify the details of this entry."


def get(client, language, query="", name="network_list", **kwargs):
    """Return the page's response, failing unless it is a 200."""
    response = client.get(page_url(name, language, **kwargs) + query)
    assert response.status_code == 200
    return response


def listed(response) -> list[str]:
    """Return the slugs of the networks a list page links to, in page order."""
    return re.findall(r'href="/(?:de|en)/(?:networks|netzwerke)/([\w-]+)/"', response.text)


def item(response, slug) -> str:
    """Return the HTML of one network's entry on the list page."""
    entries = response.content.decode().split('<li class="network-list__item">')
    return next(entry for entry in entries[1:] if f"/{slug}/" in entry)


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        (
            "de",
            ["Rat der Gemeinden und Regionen Europas", "Klima-Bündnis", "RGRE"],
            ["Council of European Municipalities and Regions", "Climate Alliance"],
        ),
        (
            "en",
            ["Council of European Municipalities and Regions", "Climate Alliance", "CEMR"],
            ["Rat der Gemeinden und Regionen Europas", "Klima-Bündnis"],
        ),
    ],
)
def test_list_shows_every_network_in_the_pages_language(client, plan, language, shown, not_shown):
    html = get(client, language).content.decode()
    assert parse(html).one("html").attrs["lang"] == language
    for text in shown:
        assert text in html
    for text in not_shown:
        assert text not in html


def test_list_has_a_section_for_european_and_one_for_international_networks(client, plan):
    response = get(client, "en")
    html = response.content.decode()
    european = html.index("European networks of cities")
    international = html.index("International networks of cities")
    assert european < html.index("/climate-alliance/") < international < html.index("/iclei/")
    assert html.index("/eurocities/") < international < html.index("/mayors-for-peace/")
    assert len(listed(response)) == Network.objects.public().count()


def test_eurocities_is_shown_as_a_planned_application_and_others_as_members(client, plan):
    response = get(client, "en")
    assert ">application planned<" in item(response, "eurocities")
    assert ">applying<" not in item(response, "eurocities")
    assert ">member<" in item(response, "cemr")
    assert ">application planned<" not in item(response, "cemr")


def test_since_and_former_membership_are_shown_as_text(client, plan):
    NetworkFactory(slug="old-network", membership_status=MembershipStatus.FORMER, since=1995)
    response = get(client, "en")
    entry = item(response, "old-network")
    assert ">former member<" in entry
    assert "Member since" in entry
    assert ">1995<" in entry
    assert "Member since" not in item(response, "cemr")


@pytest.mark.parametrize(
    ("language", "role"),
    [
        ("de", "Vizepräsidentenstadt"),
        ("en", "Vice President City"),
    ],
)
def test_mayors_for_peace_shows_hannovers_role(client, plan, language, role):
    assert role in item(get(client, language), "mayors-for-peace")
    assert role in get(client, language, name="network_detail", slug="mayors-for-peace").text


def test_flagged_network_carries_the_verification_note_and_stays_published(client, plan):
    flagged = Network.objects.get(needs_verification=True)
    response = get(client, "en")
    assert VERIFICATION_NOTE in item(response, flagged.slug)
    assert VERIFICATION_NOTE not in item(response, "cemr")
    assert response.content.decode().count(VERIFICATION_NOTE) == 1
    assert VERIFICATION_NOTE in get(client, "en", name="network_detail", slug=flagged.slug).text
    assert VERIFICATION_NOTE not in get(client, "en", name="network_detail", slug="cemr").text


def test_list_shows_themes_in_the_pages_language(client, plan):
    assert "Frieden und Solidarität" in item(get(client, "de"), "mayors-for-peace")
    assert "Peace and solidarity" in item(get(client, "en"), "mayors-for-peace")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "?scope=international",
            {"iclei", "icorn", "mayors-for-peace", "rainbow-cities", "unesco-creative-cities"},
        ),
        ("?status=planned_application", {"eurocities"}),
        ("?status=applying", set()),
        ("?theme=peace-solidarity", {"icorn", "mayors-for-peace"}),
        ("?scope=european&theme=environment-climate", {"climate-alliance", "covenant-of-mayors"}),
        ("?scope=international&theme=environment-climate", set()),
    ],
)
def test_each_filter_narrows_the_list(client, plan, query, expected):
    response = get(client, "en", query)
    assert set(listed(response)) == expected
    assert "could not be understood" not in response.text


def test_former_members_can_be_filtered(client, plan):
    NetworkFactory(slug="old-network", membership_status=MembershipStatus.FORMER)
    assert listed(get(client, "de", "?status=former")) == ["old-network"]


def test_empty_result_says_so(client, plan):
    response = get(client, "en", "?q=nothing-like-this")
    assert listed(response) == []
    assert "No network matches your selection." in response.text


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Klima", {"climate-alliance", "covenant-of-mayors"}),
        ("en", "climate", {"climate-alliance", "covenant-of-mayors"}),
        # Either language's words find a network, whatever the page's language.
        ("en", "Bündnis", {"climate-alliance"}),
        ("de", "Alliance", {"climate-alliance"}),
        # Acronyms and descriptions are searched too.
        ("en", "RGRE", {"cemr"}),
        ("de", "nuclear weapons", {"mayors-for-peace"}),
        ("en", "Atomwaffen", {"mayors-for-peace"}),
    ],
)
def test_free_text_finds_in_both_languages(client, plan, language, text, expected):
    assert set(listed(get(client, language, f"?q={text}"))) == expected


def test_nonsense_values_are_ignored_with_a_warning(client, plan):
    response = get(client, "en", "?scope=mars&status=zzz&theme=nope&sort=evil&page=-3")
    assert "could not be understood and were ignored" in response.text
    # Every published network, the one still to be verified in its own section.
    assert len(listed(response)) == Network.objects.public().count()


def test_unpublished_network_is_absent_from_the_list_and_its_page_is_404(client, plan):
    Network.objects.filter(slug="cemr").update(publication_state=PublicationState.DRAFT)
    for language in ("de", "en"):
        assert "cemr" not in listed(get(client, language))
        assert client.get(page_url("network_detail", language, slug="cemr")).status_code == 404
    assert "cemr" not in listed(get(client, "en", "?q=CEMR"))


def test_unknown_slug_is_404(client, plan):
    assert client.get(page_url("network_detail", "en", slug="no-such-network")).status_code == 404


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        (
            "de",
            "EUROCITIES ist das wichtigste Netzwerk",
            "Stand Januar 2019: Die Stadtverwaltung wird sich",
        ),
        (
            "en",
            "EUROCITIES is the most important network",
            "As of January 2019, the City Administration will bid",
        ),
    ],
)
def test_detail_shows_name_and_description_in_paragraphs(client, plan, language, first, second):
    html = get(client, language, name="network_detail", slug="eurocities").text
    assert re.search(r"<h1[^>]*>EUROCITIES</h1>", html)
    assert f"<p>{first}" in html
    assert f"<p>{second}" in html


def test_detail_shows_membership_status(client, plan):
    assert ">application planned<" in get(
        client, "en", name="network_detail", slug="eurocities"
    ).text
    assert ">member<" in get(client, "en", name="network_detail", slug="cemr").text


def test_detail_shows_acronym_since_website_and_themes(client, plan):
    network = Network.objects.get(slug="cemr")
    network.since = 1958
    network.website = "https://www.ccre.org/"
    network.save()
    html = get(client, "en", name="network_detail", slug="cemr").content.decode()
    assert re.search(r"<h1[^>]*>Council of European Municipalities and Regions .*CEMR", html)
    assert ">1958<" in html
    assert 'href="https://www.ccre.org/"' in html
    assert "European affairs" in html


def test_detail_omits_what_is_not_known(client, plan):
    html = get(client, "en", name="network_detail", slug="cemr").content.decode()
    assert "Member since" not in html
    assert "Hannover's role" not in html
    assert "Website of the network" not in html


def test_detail_links_published_measures_only(client, plan):
    network = Network.objects.get(slug="cemr")
    draft = MeasureFactory(title_en="A draft measure", publication_state=PublicationState.DRAFT)
    network.measures.add(draft)
    measure = network.measures.get(number="1.2")
    html = get(client, "en", name="network_detail", slug="cemr").content.decode()
    with translation.override("en"):
        assert f'href="{measure.get_absolute_url()}"' in html
    assert measure.title_en in html
    assert "A draft measure" not in html


def test_detail_without_measures_says_so(client, plan):
    Network.objects.get(slug="cemr").measures.clear()
    response = get(client, "en", name="network_detail", slug="cemr")
    assert "No measure of the plan is linked yet." in response.text


def test_pages_have_one_h1_no_inline_styles_and_no_inline_scripts(client, plan):
    addresses = [
        page_url("network_list", "de"),
        page_url("network_list", "en") + "?scope=mars&q=x",
        page_url("network_detail", "de", slug="eurocities"),
        page_url("network_detail", "en", slug="european-council-on-migration-security"),
    ]
    for address in addresses:
        html = client.get(address).content.decode()
        assert html.count("<h1") == 1, address
        assert not re.search(r"\sstyle=", html), address
        # A schema.org data block is not run, so the Content-Security-Policy allows it.
        inline = re.search(r'<script(?![^>]*\ssrc=)(?! type="application/ld\+json">)', html)
        assert not inline, address


def count_queries(client, address) -> int:
    """Return how many SQL queries serving `address` takes."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.slow
def test_list_query_count_does_not_grow_with_the_networks(client, plan):
    addresses = [
        page_url("network_list", "en"),
        page_url("network_list", "de") + "?theme=europe&q=e",
    ]
    for address in addresses:
        client.get(address)
    before = [count_queries(client, address) for address in addresses]
    published = Network.objects.public().count()
    themes = ThemeFactory.create_batch(3)
    europe = Network.objects.get(slug="cemr").themes.get()
    for network in NetworkFactory.create_batch(30, scope=factory.Iterator(Scope)):
        network.themes.add(*themes, europe)
        network.measures.add(*plan[:2])
    assert Network.objects.public().count() == published + 30
    assert [count_queries(client, address) for address in addresses] == before


def test_detail_query_count_does_not_grow_with_links(client, plan):
    address = page_url("network_detail", "en", slug="cemr")
    client.get(address)
    before = count_queries(client, address)
    network = Network.objects.get(slug="cemr")
    network.themes.add(*ThemeFactory.create_batch(5))
    network.measures.add(*plan)
    assert count_queries(client, address) == before
