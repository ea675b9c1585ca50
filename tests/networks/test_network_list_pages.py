"""The network list in pages of 25, each page with the scope headings of its networks."""

import re

import factory
import pytest
from django.utils import translation
from django.utils.translation import gettext

from networks.models import Network, Scope
from tests.factories import NetworkFactory
from tests.markup import texts_of
from tests.networks.pages import page_url

pytestmark = pytest.mark.django_db


def found(language: str, count: int) -> str:
    """Return the result count as the catalogue of `language` words it."""
    # The German wording comes from the catalogue once the lead merges this branch's strings.
    with translation.override(language):
        return gettext("Networks found: %(total)s") % {"total": count}


def listed(html: str) -> list[str]:
    """Return the slugs of the networks a list page links to, in page order."""
    return re.findall(r'href="/(?:de|en)/(?:networks|netzwerke)/([\w-]+)/"', html)


@pytest.fixture
def many_networks(plan):
    """Add 41 published networks, about half European, half international: three pages of 25.

    Return how many networks are published now.
    """
    NetworkFactory.create_batch(41, scope=factory.Iterator(Scope))
    # The network the office still has to verify is listed after the last page, never counted.
    published = Network.objects.public().confirmed().count()
    assert 50 < published <= 75
    return published


@pytest.mark.parametrize(
    ("language", "next_page", "page_of", "european", "international"),
    [
        (
            "de", "Nächste Seite", "Seite 1 von 3",
            "Europäische Städtenetzwerke", "Internationale Städtenetzwerke",
        ),
        (
            "en", "Next page", "Page 1 of 3",
            "European networks of cities", "International networks of cities",
        ),
    ],
)
def test_list_shows_25_networks_a_page_with_the_count_and_page_links(
    client, many_networks, language, next_page, page_of, european, international
):
    html = client.get(page_url("network_list", language)).content.decode()
    assert found(language, many_networks) in html
    assert page_of in html
    assert next_page in html
    assert 'rel="next" href="?page=2"' in html
    assert len(listed(html)) == 25
    # European networks come first; the first page holds no international one.
    assert european in html and international not in html


def test_every_network_is_on_exactly_one_page_under_its_scopes_heading(client, many_networks):
    seen = []
    for number in (1, 2, 3):
        html = client.get(page_url("network_list", "en") + f"?page={number}").content.decode()
        sections = html.split('<section class="network-section"')[1:]
        # The entries still to be verified have a section of their own on the last page.
        for section in (s for s in sections if 'id="scope-unconfirmed"' not in s):
            scope = "european" if "European networks of cities" in section else "international"
            slugs = listed(section)
            assert set(Network.objects.filter(slug__in=slugs).values_list("scope", flat=True)) == {
                scope
            }
            seen += slugs
    assert sorted(seen) == sorted(
        Network.objects.public().confirmed().values_list("slug", flat=True)
    )


def test_page_links_keep_the_filter(client, many_networks):
    html = client.get(page_url("network_list", "en") + "?scope=european").content.decode()
    european = Network.objects.public().confirmed().filter(scope=Scope.EUROPEAN).count()
    assert european > 25
    assert f"Networks found: {european}" in html
    assert 'href="?scope=european&amp;page=2"' in html
    assert "International networks of cities" not in html


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        (
            "de",
            "Einige Angaben in der Adresse konnten nicht verstanden werden und wurden nicht "
            "berücksichtigt: Seite.",
        ),
        ("en", "Some values in the address could not be understood and were ignored: page."),
    ],
)
def test_page_out_of_range_shows_the_last_page_with_a_notice(
    client, many_networks, language, notice
):
    response = client.get(page_url("network_list", language) + "?page=99")
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Seite 3 von 3" if language == "de" else "Page 3 of 3") in html
    assert texts_of(html, ".kern-alert") == [notice]
    # The last page also lists the entry still to be verified, in a section of its own.
    unconfirmed = Network.objects.public().unconfirmed().count()
    assert len(listed(html)) == many_networks - 50 + unconfirmed


@pytest.mark.parametrize(
    ("query", "count"),
    [
        # The theme choices, the count, the page of networks, their themes, the entries still
        # to be verified and their themes.
        ("", 6),
        ("?page=2", 6),
        # One more: the chosen theme is looked up when the form is cleaned; no entry to be
        # verified has that theme, so none of theirs is looked up; and one whether a listed
        # network has the theme only by the portal's proposal, for the note.
        ("?scope=european&theme=europe&q=e", 7),
    ],
)
def test_list_query_count_is_pinned(
    client, many_networks, django_assert_num_queries, query, count
):
    client.get(page_url("network_list", "en") + query)
    with django_assert_num_queries(count):
        assert client.get(page_url("network_list", "en") + query).status_code == 200
