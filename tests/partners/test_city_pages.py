"""The public partner-city pages: world map, table, filters and a city's own page."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from itertools import pairwise
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.content import PublicationState
from measures.models import Measure, Theme
from partners import worldmap
from partners.models import PartnerCity, Partnership, PartnershipKind
from tests.factories import (
    EUProjectFactory,
    PartnerCityFactory,
    PartnershipFactory,
    ThemeFactory,
)
from tests.markup import text_of

pytestmark = pytest.mark.django_db

TWIN_CITIES = ["bristol", "perpignan", "rouen", "blantyre", "poznan", "hiroshima"]


class Page(HTMLParser):
    """Collect the tags, attributes and scripts of a page."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.inline_scripts = []
        self._script = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script" and not attrs.get("src"):
            self._script = attrs.get("type", "")

    def handle_data(self, data):
        # JSON data blocks, including schema.org's, are not run, so the CSP allows them.
        data_block = self._script in {"application/json", "application/ld+json"}
        if self._script is not None and not data_block and data.strip():
            self.inline_scripts.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"partners:{name}", kwargs=kwargs or None)


def get(client, language="en", query="", **kwargs):
    response = client.get(url("city_list", language) + query, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


def world_map(html) -> ET.Element:
    """Return the page's first map panel (a city's page has one), parsed."""
    return ET.fromstring(re.search(r'<svg class="partner-map__svg".*?</svg>', html, re.S)[0])


def map_panels(html) -> dict[str, ET.Element]:
    """Return the list's map panels (the world, Europe, East Asia), parsed, by their id."""
    return {
        panel_id: ET.fromstring(svg)
        for panel_id, svg in re.findall(
            r'class="partner-map__panel partner-map__panel--([\w-]+)".*?(<svg.*?</svg>)', html, re.S
        )
    }


def marker_links(html) -> list[ET.Element]:
    return [
        link
        for svg in map_panels(html).values()
        for link in svg.iter("a")
        if link.get("class") == "partner-map__link"
    ]


def translation_of(element) -> tuple[float, float]:
    x, y = re.fullmatch(r"translate\((\S+) (\S+)\)", element.get("transform")).groups()
    return float(x), float(y)


def markers(html) -> dict[str, tuple[str, float, float]]:
    """Return the panel and place of each city's marker on the map, by the city's slug."""
    return {
        link.find("g/path").get("data-slug"): (panel_id, *translation_of(link.find("g")))
        for panel_id, svg in map_panels(html).items()
        for link in svg.iter("a")
        if link.get("class") == "partner-map__link"
    }


def published_cities() -> int:
    return PartnerCity.objects.public().count()


def cities_of_kind(kind: str) -> int:
    """Return how many published cities have an active published partnership of `kind`."""
    partnerships = Partnership.objects.public().filter(kind=kind, ended_on__isnull=True)
    return PartnerCity.objects.public().filter(partnerships__in=partnerships).distinct().count()


def table_slugs(html) -> list[str]:
    return re.findall(r'<tr class="kern-table__row" data-slug="([^"]+)"', html)


@pytest.mark.parametrize(
    ("language", "heading", "shown", "not_shown"),
    [
        (
            "de",
            "Partner- und Kooperationsstädte",
            ["Jekaterinburg", "Iwanowo", "Gent", "Poznań"],
            ["Ekaterinburg"],
        ),
        (
            "en",
            "Twin and cooperation cities",
            ["Ekaterinburg", "Ivanovo", "Ghent", "Poznań"],
            ["Jekaterinburg"],
        ),
    ],
)
def test_list_names_the_cities_in_the_pages_language(
    client, plan, language, heading, shown, not_shown
):
    html = get(client, language)
    assert f'<html lang="{language}">' in html
    assert text_of(html, "h1") == heading
    table = html[html.index("<table") :]
    for name in shown:
        assert f">{name}</a></td>" in table
        assert re.search(rf'aria-label="\d+: {name} \(', html)
    for text in not_shown:
        assert text not in html


def test_map_has_one_marker_link_per_published_city_and_hannover_as_no_link(client, plan):
    html = get(client)
    panels = map_panels(html)
    assert list(panels) == ["world", "europe", "east-asia"]
    links = [link.get("href") for link in marker_links(html)]
    with translation.override("en"):
        expected = {city.get_absolute_url() for city in PartnerCity.objects.public()}
    assert len(links) == len(expected)
    assert set(links) == expected
    for svg in panels.values():
        assert svg.get("role") == "group" and svg.get("aria-label")
        assert svg.find("{*}image").get("aria-hidden") == "true"
    assert 'id="partner-map-caption"' in html
    home = panels["europe"].find("g[@class='partner-map__home']")
    assert home.find("text").text == "Hannover"
    assert "Hannover" not in "".join(link.get("aria-label") for link in marker_links(html))


def test_marker_shape_and_name_tell_the_kind_without_colour(client, plan):
    shapes = {}
    for link in marker_links(get(client)):
        path = link.find("g/path")
        kind = path.get("class").rsplit("--", 1)[1]
        shapes.setdefault(kind, set()).add(path.get("d"))
        # The name shows on hover and focus next to the marker.
        assert link.find("g/text[@class]").text
    assert set(shapes) == set(PartnershipKind.values)
    assert all(len(paths) == 1 for paths in shapes.values())
    assert len({next(iter(paths)) for paths in shapes.values()}) == 3
    links = marker_links(get(client))
    poznan = next(
        link for link in links if link.get("href") == "/en/twin-and-cooperation-cities/poznan/"
    )
    assert re.fullmatch(r"\d+: Poznań \(Poland, twin city\)", poznan.get("aria-label"))


def test_legend_names_each_kind_with_its_shape(client, plan):
    html = get(client)
    legend = html[
        html.index('class="partner-legend"') : html.index("</ul>", html.index("partner-legend"))
    ]
    # Each city of the plan has one kind of partnership, so its marker shows that kind.
    kinds = {
        "twin_city": "Twin city",
        "cooperation_city": "Cooperation city",
        "unesco_city_of_music": "Cooperation with a UNESCO City of Music",
    }
    assert sum(cities_of_kind(kind) for kind in kinds) == published_cities()
    # The footnote marks of the plan's legend (* and **) are for the eye only.
    words = re.sub(r'<span aria-hidden="true">\*+</span>', "", legend)
    for kind, label in kinds.items():
        assert f"partner-map__marker--{kind}" in legend
        assert f"{label} ({cities_of_kind(kind)})" in words
    assert "partner-map__marker--home" in legend


def test_markers_lie_where_the_cities_are(client, plan):
    places = markers(get(client))
    panels = {panel.id: panel for panel in worldmap.panels()}
    for city in PartnerCity.objects.public():
        panel_id, x, y = places[city.slug]
        expected = panels[panel_id].project(city.latitude, city.longitude)
        assert abs(x - expected[0]) <= 0.05 and abs(y - expected[1]) <= 0.05
    assert places["hiroshima"][0] == "east-asia"
    assert places["ottawa"][0] == places["adelaide"][0] == "world"
    assert places["bristol"][0] == "europe"
    assert places["adelaide"][2] > worldmap.project(0, 0)[1]  # south of the equator


def test_a_draft_city_leaves_map_table_and_its_page(client, plan):
    hiroshima = PartnerCity.objects.get(slug="hiroshima")
    assert client.get(url("city_detail", "en", slug="hiroshima")).status_code == 200
    before = published_cities()
    hiroshima.publication_state = PublicationState.DRAFT
    hiroshima.save()

    html = get(client)
    assert "hiroshima" not in markers(html)
    assert "hiroshima" not in table_slugs(html)
    assert "Hiroshima" not in html
    assert len(markers(html)) == before - 1
    assert client.get(url("city_detail", "en", slug="hiroshima")).status_code == 404
    assert client.get(url("city_detail", "de", slug="hiroshima")).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=twin_city", TWIN_CITIES),
        ("?country=TR", ["diyarbakir", "konya"]),
        ("?continent=oceania", ["adelaide"]),
        ("?continent=south-america", ["belen-de-los-andaquies"]),
        ("?continent=north-america", ["kansas-city", "kingston", "ottawa"]),
        ("?continent=africa", ["blantyre"]),
        ("?theme=environment-climate", ["ottawa"]),
        ("?theme=economy-science", ["changde", "shenzhen"]),
        ("?q=Poznan", ["poznan"]),
        ("?q=diyarbakir", ["diyarbakir"]),
        ("?q=Jekaterinburg", ["ekaterinburg"]),
        ("?q=Ekaterinburg", ["ekaterinburg"]),
        ("?q=+belen+de+los", ["belen-de-los-andaquies"]),
        ("?q=GENT", ["ghent"]),
        ("?kind=unesco_city_of_music&country=GB", ["glasgow", "liverpool"]),
        ("?continent=asia&kind=twin_city", ["hiroshima"]),
        ("?q=nowhere", []),
    ],
)
def test_filters_narrow_table_and_map_alike(client, plan, query, expected):
    for language in ("de", "en"):
        html = get(client, language, query)
        assert sorted(table_slugs(html)) == sorted(expected)
        assert sorted(markers(html)) == sorted(expected)
        assert "kern-alert--warning" not in html
    if not expected:
        assert "No twin or cooperation city matches your selection." in html


def test_filter_offers_only_the_countries_of_published_cities_in_the_pages_language(client, plan):
    PartnerCityFactory(country="NZ", publication_state=PublicationState.DRAFT)
    german, english = get(client, "de"), get(client, "en")
    assert '<option value="DE">' not in english
    assert '<option value="NZ">' not in english
    assert '<option value="TR">Türkei</option>' in german
    assert '<option value="TR">Türkiye</option>' in english
    assert '<option value="GB">Vereinigtes Königreich</option>' in german


def test_a_city_with_two_matching_partnerships_is_listed_once(client, plan):
    culture = Theme.objects.get(slug="culture")
    glasgow = PartnerCity.objects.get(slug="glasgow")
    second = PartnershipFactory(city=glasgow, kind=PartnershipKind.UNESCO_CITY_OF_MUSIC)
    second.themes.add(culture)
    html = get(client, query="?theme=culture&kind=unesco_city_of_music")
    assert table_slugs(html).count("glasgow") == 1
    assert list(markers(html)).count("glasgow") == 1


def test_nonsense_filter_values_show_every_city_and_a_warning(client, plan):
    response = client.get(
        url("city_list", "en") + "?kind=xyz&continent=mars&theme=nope&country=QQ&sort=height"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some values in the address could not be understood and were ignored" in html
    for label in ["Kind of partnership", "Continent", "Theme", "Country", "Sort by"]:
        assert label in html[html.index("kern-alert--warning") : html.index("filter-form__fields")]
    assert len(table_slugs(html)) == published_cities()
    assert len(markers(html)) == published_cities()


def test_a_valid_filter_still_applies_beside_a_nonsense_one(client, plan):
    html = get(client, query="?kind=twin_city&continent=mars")
    assert text_of(html, ".kern-alert--warning").endswith("were ignored: Continent.")
    assert sorted(table_slugs(html)) == sorted(TWIN_CITIES)


def test_sorting_by_year_of_partnership(client, plan):
    oldest_first = table_slugs(get(client, query="?sort=since"))
    assert oldest_first[:6] == TWIN_CITIES
    newest_first = table_slugs(get(client, query="?sort=-since"))
    assert newest_first[:6] == TWIN_CITIES[::-1]
    assert len(oldest_first) == len(newest_first) == published_cities()


def test_sorting_by_name_and_country(client, plan):
    by_name = table_slugs(get(client, "en"))
    assert by_name[0] == "adelaide"
    assert table_slugs(get(client, "en", "?sort=-name")) == by_name[::-1]
    # Jekaterinburg in German, Ekaterinburg in English.
    german = table_slugs(get(client, "de"))
    assert german.index("ivanovo") < german.index("ekaterinburg") < german.index("katowice")
    assert by_name.index("diyarbakir") < by_name.index("ekaterinburg") < by_name.index("ghent")
    by_country = table_slugs(get(client, "en", "?sort=country"))
    assert by_country[0] == "adelaide"  # Australia
    assert by_country[-1] == "kansas-city"  # United States of America
    # Vereinigte Staaten, then Vereinigtes Königreich
    by_country = table_slugs(get(client, "de", "?sort=country"))
    assert by_country[0] == "adelaide"  # Australien
    assert by_country.index("kansas-city") < by_country.index("bristol")
    assert by_country[-1] in {"bristol", "glasgow", "liverpool"}


def test_column_headers_sort_and_tell_how_the_table_is_sorted(client, plan):
    html = get(client, query="?kind=twin_city&sort=since")
    assert '<th scope="col" class="kern-table__header" aria-sort="ascending">' in html
    assert 'href="?kind=twin_city&amp;sort=-since">Since</a>' in html
    assert 'href="?kind=twin_city&amp;sort=name">City</a>' in html
    assert html.count("aria-sort=") == 1


def test_table_is_the_maps_text_alternative(client, plan):
    html = get(client)
    table = html[html.index("<table") : html.index("</table>")]
    assert "<caption" in table
    assert table.count('<th scope="col"') == 5
    row = re.search(r'<tr class="kern-table__row" data-slug="poznan">.*?</tr>', table, re.S)[0]
    for text in ["Poznań", "Poland", "Twin city", "1979"]:
        assert text in row
    row = re.search(r'data-slug="blantyre">.*?</tr>', table, re.S)[0]
    assert "Malawi" in row and "Culture and creativity" in row


@pytest.mark.slow
def test_list_query_count_does_not_grow_with_the_cities(client, plan):
    list_url = url("city_list", "en")
    client.get(list_url)  # warm up what is cached once per process
    with CaptureQueriesContext(connection) as before:
        client.get(list_url + "?sort=since")
    before_cities = published_cities()
    theme = ThemeFactory()
    for _ in range(30):
        partnership = PartnershipFactory(since=1990)
        partnership.themes.add(theme)
    with CaptureQueriesContext(connection) as after:
        html = client.get(list_url + "?sort=since").content.decode()
    assert f"Twin and cooperation cities found: {before_cities + 30}<" in html
    assert len(table_slugs(html)) == 25  # a page of the table
    # The count, a page of cities, their partnerships and themes; the map's cities and their
    # partnerships; the countries and the themes on offer.
    assert len(after) == len(before) == 8


def test_detail_shows_partnerships_measures_and_place(client, plan):
    response = client.get(url("city_detail", "en", slug="poznan"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<h1 class="kern-heading-x-large">Poznań</h1>' in html
    assert "Poland" in html
    assert "Twin city" in html and "1979" in html and "active" in html
    with translation.override("en"):
        measure_url = Measure.objects.get(number="1.1").get_absolute_url()
    assert f'href="{measure_url}"><span class="measure-number">1.1</span>' in html
    back = 'href="/en/twin-and-cooperation-cities/">Back to all twin and cooperation cities</a>'
    assert back in html
    svg = world_map(html)
    assert svg.get("role") == "img"
    assert svg.find(".//path[@data-slug='poznan']") is not None
    assert svg.find("g[@class='partner-map__home']/g/text").text == "Hannover"
    assert not list(svg.iter("a"))


def test_detail_in_german_names_the_city_and_country_in_german(client, plan):
    html = client.get(url("city_detail", "de", slug="ekaterinburg")).content.decode()
    assert '<h1 class="kern-heading-x-large">Jekaterinburg</h1>' in html
    assert "Russland" in html
    assert f'href="{url("city_list", "de")}">' in html


def test_detail_shows_an_ended_partnership_its_decision_and_published_eu_projects(client, plan):
    rouen = PartnerCity.objects.get(slug="rouen")
    partnership = rouen.partnerships.get()
    partnership.ended_on = "2020-06-30"
    partnership.council_decision = "1234/2020"
    partnership.description_en = "Exchange of pupils since 1966."
    partnership.save()
    published = EUProjectFactory(slug="shared", acronym="SHARED")
    draft = EUProjectFactory(
        slug="secret", acronym="SECRET", publication_state=PublicationState.DRAFT
    )
    published.partner_cities.add(rouen)
    draft.partner_cities.add(rouen)
    rouen.website = "https://rouen.fr/"
    rouen.save()

    html = client.get(url("city_detail", "en", slug="rouen")).content.decode()
    assert "ended on June 30, 2020" in html
    assert "1234/2020" in html
    assert "Exchange of pupils since 1966." in html
    with translation.override("en"):
        assert f'href="{published.get_absolute_url()}">SHARED</a>' in html
    assert "SECRET" not in html
    assert 'href="https://rouen.fr/"' in html


def test_detail_query_count_does_not_grow_with_partnerships(client, plan):
    city = PartnerCityFactory()
    PartnershipFactory(city=city)
    detail_url = url("city_detail", "en", slug=city.slug)
    with CaptureQueriesContext(connection) as before:
        client.get(detail_url)
    themes = [ThemeFactory() for _ in range(3)]
    measures = list(Measure.objects.all()[:3])
    for kind in (PartnershipKind.TWIN_CITY, PartnershipKind.UNESCO_CITY_OF_MUSIC):
        partnership = PartnershipFactory(city=city, kind=kind)
        partnership.themes.add(*themes)
        partnership.measures.add(*measures)
    with CaptureQueriesContext(connection) as after:
        html = client.get(detail_url).content.decode()
    assert html.count('class="partnership"') == 3
    # City, partnerships, their themes, linked measures, EU projects; the register's timeline
    # (its count and one page of activities), the city's local actors and upcoming events.
    assert len(after) == len(before) == 9


def test_detail_shows_published_measures_only(client, plan):
    measure = Measure.objects.get(number="1.1")
    measure.publication_state = PublicationState.DRAFT
    measure.save()
    html = client.get(url("city_detail", "en", slug="poznan")).content.decode()
    assert "No measure of the plan is linked yet." in html
    assert ">1.1<" not in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_pages_load_nothing_from_other_hosts_and_need_no_inline_code(client, plan, language):
    poznan = PartnerCity.objects.get(slug="poznan")
    poznan.website = "https://www.poznan.pl/"
    poznan.save()
    for address in [url("city_list", language), url("city_detail", language, slug="poznan")]:
        page = Page(client.get(address).content.decode())
        for tag, attrs in page.tags:
            assert "style" not in attrs, tag
            for name in ("src", "href"):
                host = urlsplit(attrs.get(name) or "").hostname
                if host and host != "testserver":  # canonical and hreflang links are absolute
                    assert attrs[name] == poznan.website
        assert not page.inline_scripts
        assert not any(
            tag == "script" and not attrs.get("src") and attrs.get("type") != "application/ld+json"
            for tag, attrs in page.tags
        )
        assert "leaflet" not in str(page.tags)


def test_headings_are_in_order(client, plan):
    for address in [url("city_list", "en"), url("city_detail", "en", slug="bristol")]:
        levels = [
            int(tag[1])
            for tag, _attrs in Page(client.get(address).content.decode()).tags
            if re.fullmatch(r"h[1-6]", tag)
        ]
        assert levels.count(1) == 1 and levels[0] == 1
        assert all(b - a <= 1 for a, b in pairwise(levels))


def test_tile_map_is_offered_only_where_the_site_sets_a_tile_server(client, plan, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = get(client)
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in html
    assert '<script src="/static/js/partner-map.js" defer></script>' in html
    data = re.search(
        r'<script id="partner-cities-data" type="application/json">(.*?)</script>', html
    )[1]
    assert '"name": "Poznań (Poland, twin city)"' in data.replace("\\u0144", "ń")
    # The SVG stays as the map without JavaScript.
    assert len(markers(html)) == published_cities()
    page = Page(html)
    assert not page.inline_scripts


def test_table_is_paginated_while_the_map_shows_every_city_found(client, plan):
    for _ in range(30):
        PartnershipFactory()
    total = published_cities()
    first, second = get(client), get(client, query="?page=3")
    assert total == 55
    assert len(table_slugs(first)) == 25
    assert len(table_slugs(second)) == 5
    assert not set(table_slugs(first)) & set(table_slugs(second))
    assert 'rel="next" href="?page=2"' in first
    for html in (first, second):
        assert f"Twin and cooperation cities found: {total}<" in html
        drawn = sum(
            int(link.find("g/text").text) if "bbox=" in link.get("href") else 1
            for link in marker_links(html)
        )
        assert drawn == total
