"""All 25 cities go by one umbrella term; 'Partnerstadt' / 'twin city' names a twin city only."""

import re

import pytest
from django.utils import translation

from partners.models import PartnerCity, Partnership, PartnershipKind
from tests.markup import parse

pytestmark = pytest.mark.django_db

# The glossary's words, as a heading, inside a sentence, and for one city of either kind.
HEADING = {"de": "Partner- und Kooperationsstädte", "en": "Twin and cooperation cities"}
PHRASE = {"de": "Partner- und Kooperationsstädte", "en": "twin and cooperation cities"}
EITHER = {"de": "Partner- oder Kooperationsstadt", "en": "Twin or cooperation city"}
TWIN_LABEL = {"de": "Partnerstadt", "en": "Twin city"}
TWIN_FIGURE = {"de": "Partnerstädte", "en": "twin cities"}
IGNORED = {
    "de": "konnten nicht verstanden werden und wurden nicht berücksichtigt",
    "en": "could not be understood and were ignored",
}
MEASURES = {"de": "/de/massnahmen/", "en": "/en/measures/"}
LIST = {"de": "/de/partner-und-kooperationsstaedte/", "en": "/en/twin-and-cooperation-cities/"}
OLD_LIST = {"de": "/de/partnerstaedte/", "en": "/en/partner-cities/"}
# 'Partnerstadt', 'twin cities' and the like as words of their own.
TWIN_WORD = re.compile(r"\b(?:Partnerstadt|Partnerstädte\w*|twin city|twin cities)\b", re.I)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def twin_slugs() -> set[str]:
    """Return the slugs of the published cities with a published town twinning."""
    twins = Partnership.objects.public().filter(kind=PartnershipKind.TWIN_CITY)
    cities = PartnerCity.objects.public().filter(partnerships__in=twins)
    return set(cities.values_list("slug", flat=True))


@pytest.mark.parametrize("language", ["de", "en"])
def test_navigation_title_headings_and_filters_use_the_umbrella_term(client, plan, language):
    html = page(client, LIST[language])
    document = parse(html)
    nav_link = document.one(f'nav.site-nav a[href="{LIST[language]}"]')
    assert nav_link.text == HEADING[language]
    assert nav_link.attrs["aria-current"] == "page"
    assert title_of(html).startswith(f"{HEADING[language]} – ")
    assert document.one("h1").text == HEADING[language]
    for heading in document.texts("h2") + document.texts("caption"):
        assert PHRASE[language] in heading or HEADING[language] in heading, heading
    # Every page's navigation names them so, and the measures' filter too.
    measures = parse(page(client, MEASURES[language]))
    assert measures.one(f'nav.site-nav a[href="{LIST[language]}"]').text == HEADING[language]
    assert EITHER[language] in measures.texts("label")
    # The city is typed, not chosen: a name no measure is linked to is ignored, and the notice
    # names the field by the umbrella term.
    unknown = parse(page(client, f"{MEASURES[language]}?city=Nirgendwo")).one("main").text
    assert f"{IGNORED[language]}: {EITHER[language]}." in unknown


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_figures_and_map_legend_use_the_umbrella_term(client, plan, language):
    document = parse(page(client, f"/{language}/"))
    figures = {
        item.one(".key-figures__label").text: (
            item.one("a").attrs["href"],
            int(item.one(".key-figures__number").text),
        )
        for item in document.select(".key-figures__list li")
    }
    cities = PartnerCity.objects.public().count()
    assert cities == 25
    assert figures[PHRASE[language]] == (LIST[language], cities)
    # The twin figure counts the twin cities only and leads to them.
    twins = len(twin_slugs())
    assert figures[TWIN_FIGURE[language]] == (f"{LIST[language]}?kind=twin_city", twins)
    assert document.one("#map-heading").text == HEADING[language]
    legend = document.one(".partner-map__legend")
    on_the_map = {"de": "auf der Karte", "en": "on the map"}[language]
    assert f"{cities} {PHRASE[language]} {on_the_map}" in legend.texts("p")
    # The legend's entry carries the mark of the plan's footnote on what makes a twin city.
    assert f"{TWIN_LABEL[language]}* ({twins})" in legend.texts("li")


@pytest.mark.parametrize("language", ["de", "en"])
def test_only_twin_cities_are_labelled_twin_city(client, plan, language):
    twins = twin_slugs()
    assert len(twins) == 6
    document = parse(page(client, LIST[language]))
    rows = document.select("tbody tr")
    kind_cells = {row.attrs["data-slug"]: row.select("td")[2].text for row in rows}
    assert len(kind_cells) == 25
    assert {slug for slug, kind in kind_cells.items() if TWIN_WORD.search(kind)} == twins
    markers = {
        link.one("path").attrs["data-slug"]
        for link in document.select("a.partner-map__link")
        if TWIN_WORD.search(link.attrs["aria-label"])
    }
    assert markers == twins
    with translation.override(language):
        for city in PartnerCity.objects.public():
            main = parse(page(client, city.get_absolute_url())).one("main").text
            assert bool(TWIN_WORD.search(main)) == (city.slug in twins), city.slug


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "rest",
    ["", "?kind=twin_city&sort=-since", "hiroshima/"],
    ids=["list", "filtered list", "city"],
)
def test_old_addresses_redirect_permanently_to_the_new_ones(client, plan, language, rest):
    response = client.get(OLD_LIST[language] + rest)
    assert response.status_code == 301
    assert response["Location"] == LIST[language] + rest
    assert client.get(response["Location"]).status_code == 200


def test_sitemap_lists_only_the_new_addresses(client, plan):
    sitemaps = client.get("/sitemap-pages.xml").content.decode()
    sitemaps += client.get("/sitemap-cities.xml").content.decode()
    for language in ("de", "en"):
        assert f"http://testserver{LIST[language]}<" in sitemaps
        assert f"http://testserver{LIST[language]}hiroshima/" in sitemaps
        assert OLD_LIST[language] not in sitemaps
