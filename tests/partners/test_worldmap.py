"""The partner map: the pictures d3-geo built, the same projection in Python, the Europe and
East Asia panels, markers that never overlap, their names, grouping at any number of cities."""

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from itertools import combinations, pairwise
from math import dist

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_countries.data import COUNTRIES

from benchmarks.scaled_data import scaled_data_generate
from partners import worldmap
from partners.continents import CONTINENT_OF, Continent, countries_in
from partners.models import PartnerCity, PartnershipKind

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
BUILD_SCRIPT = settings.BASE_DIR / "scripts" / "build-worldmap.mjs"


def picture(panel: worldmap.Panel) -> ET.Element:
    """Return a panel's built picture, parsed."""
    return ET.parse(settings.WORLD_MAP_DIR / panel.picture).getroot()


def subpaths(data: str) -> list[list[tuple[float, float]]]:
    """Return the absolute points of each subpath of path data made of 'M x y l dx dy … z'."""
    number = r"-?(?:\d+\.?\d*|\.\d+)"
    result = []
    for start, steps in re.findall(r"M([^lMz]+)(?:l([^Mz]*))?z?", data):
        x, y = (float(n) for n in re.findall(number, start))
        points = [(x, y)]
        values = [float(n) for n in re.findall(number, steps or "")]
        for dx, dy in zip(values[::2], values[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        result.append(points)
    return result


def segments(data: str, closed: bool):
    """Yield each straight segment of path data, with the closing one of each ring."""
    for points in subpaths(data):
        ring = [*points, points[0]] if closed else points
        yield from pairwise(ring)


def layers(panel) -> dict[str, str]:
    """Return the path data of a picture's land, borders and frames, by what they draw."""
    root = picture(panel)
    paths = root.findall(f"{SVG}path")
    found = {}
    for path in paths:
        if path.get("id", "").startswith("frame-"):
            found[path.get("id")] = path.get("d")
        elif path.get("fill") == "none":
            found["borders"] = path.get("d")
        elif path.get("stroke"):
            found["land"] = path.get("d")
    return found


def d3_positions(points: list[tuple[float, float]]) -> dict[str, list]:
    """Return d3-geo's positions of [longitude, latitude] points on every panel."""
    result = subprocess.run(
        ["node", str(BUILD_SCRIPT), "--project"],
        input=json.dumps(points),
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        timeout=60,
    )
    return json.loads(result.stdout)


def page(client, name="partners:city_list", language="en", query="") -> str:
    with translation.override(language):
        response = client.get(reverse(name) + query)
    assert response.status_code == 200
    return response.content.decode()


def panels_of(html) -> dict[str, ET.Element]:
    """Return the page's map panels, parsed, by their id."""
    found = {}
    pattern = r'<div class="partner-map__panel partner-map__panel--([\w-]+)".*?(<svg.*?</svg>)'
    for panel_id, svg in re.findall(pattern, html, re.S):
        found[panel_id] = ET.fromstring(svg)
    return found


def translation_of(element) -> tuple[float, float]:
    x, y = re.fullmatch(r"translate\((\S+) (\S+)\)", element.get("transform")).groups()
    return float(x), float(y)


def drawn_markers(html) -> dict[str, list[tuple]]:
    """Return per panel each marker's link, accessible name, place and visible text."""
    result = {}
    for panel_id, svg in panels_of(html).items():
        result[panel_id] = [
            (
                link.get("href"),
                link.get("aria-label"),
                translation_of(link.find("g")),
                link.find("g/text[@class='partner-map__number']").text,
            )
            for link in svg.iter("a")
            if link.get("class") == "partner-map__link"
        ]
    return result


def hannover_place(html) -> tuple[str, tuple[float, float]]:
    for panel_id, svg in panels_of(html).items():
        home = svg.find("g[@class='partner-map__home']/path")
        if home is not None:
            return panel_id, translation_of(home)
    raise AssertionError("Hannover is not on the map")


# The build ---------------------------------------------------------------------------------------


def test_build_wrote_a_picture_and_the_projection_of_each_panel():
    ids = [panel.id for panel in worldmap.panels()]
    assert ids == ["world", "europe", "east-asia"]
    assert worldmap.panels() is worldmap.panels()  # read once per process
    world = worldmap.world()
    assert world.region is None and world.width == 1000
    for panel in worldmap.panels():
        root = picture(panel)
        assert root.get("viewBox") == panel.view_box
        assert 1_000 < (settings.WORLD_MAP_DIR / panel.picture).stat().st_size < 60_000
        assert {"land", "borders"} <= set(layers(panel))
    # The world map marks the frames of the enlarged regions, drawn by the page.
    for inset in worldmap.panels()[1:]:
        corners = [x for points in subpaths(inset.frame) for x in points]
        west, south, east, north = inset.region
        for latitude, longitude in [(south, west), (north, east)]:
            assert min(dist(p, world.project(latitude, longitude)) for p in corners) < 1


def test_no_segment_of_land_or_borders_crosses_half_the_map():
    """Shapes crossing the 180° meridian are cut there, not drawn as lines across the map."""
    world = worldmap.world()
    drawn = layers(world)
    for name, closed in (("land", True), ("borders", False)):
        longest = max(dist(a, b) for a, b in segments(drawn[name], closed))
        assert longest < world.width / 2, name
        assert longest < 40, name  # nothing longer than the longest coast without a bend
    xs = [x for points in subpaths(drawn["land"]) for x, _y in points]
    assert min(xs) >= 0 and max(xs) <= world.width
    # Antarctica is left out: nothing lies further south than Tierra del Fuego (about 56° S).
    ys = [y for points in subpaths(drawn["land"]) for _x, y in points]
    assert max(ys) < world.project(-57, 0)[1] <= world.height
    # Hannover stands on land: some coast passes within a few units of it.
    hx, hy = world.project(*worldmap.HANNOVER)
    assert any(dist((x, y), (hx, hy)) < 20 for p in subpaths(drawn["land"]) for x, y in p)


def test_enlarged_panels_are_clipped_to_their_frame_without_stray_lines():
    for panel in worldmap.panels()[1:]:
        drawn = layers(panel)
        for name, closed in (("land", True), ("borders", False)):
            for a, b in segments(drawn[name], closed):
                # Clipped shapes run along the panel's edge; nothing else is long.
                on_edge = any(
                    # Thinning may move a corner by up to its tolerance of one unit.
                    abs(a[axis] - edge) <= 1 and abs(b[axis] - edge) <= 1
                    for axis, size in ((0, panel.width), (1, panel.height))
                    for edge in (0, size)
                )
                assert on_edge or dist(a, b) < panel.width / 4, (panel.id, name, a, b)
                for x, y in (a, b):
                    assert -0.1 <= x <= panel.width + 0.1 and -0.1 <= y <= panel.height + 0.1


def test_python_places_every_loaded_city_where_d3_does(plan):
    cities = list(PartnerCity.objects.all())
    points = [(float(c.longitude), float(c.latitude)) for c in cities] + [
        worldmap.HANNOVER[::-1],
        (180, 0),
        (-179.9, -50),
    ]
    expected = d3_positions(points)
    for panel in worldmap.panels():
        for (longitude, latitude), d3_place in zip(points, expected[panel.id], strict=True):
            assert dist(panel.project(latitude, longitude), d3_place) < 0.5, (panel.id, latitude)
    assert len(cities) == 25


# The panels and markers at the loaded plan -------------------------------------------------------


def test_every_european_partner_city_is_inside_the_europe_panel(client, plan):
    european = [c for c in PartnerCity.objects.all() if CONTINENT_OF[c.country.code] == "europe"]
    assert {c.slug for c in european} >= {"glasgow", "poznan", "bologna", "ekaterinburg"}
    europe = next(panel for panel in worldmap.panels() if panel.id == "europe")
    for city in european:
        assert worldmap.panel_of(city.latitude, city.longitude) == europe, city.slug
        x, y = europe.project(city.latitude, city.longitude)
        r = worldmap.MARKER_RADIUS
        assert r <= x <= europe.width - r and r <= y <= europe.height - r, city.slug
    html = page(client)
    drawn = drawn_markers(html)
    with translation.override("en"):
        in_europe = {href for href, _name, _place, _text in drawn["europe"]}
        assert in_europe >= {city.get_absolute_url() for city in european}
    assert hannover_place(html)[0] == "europe"
    # The world map names each enlarged region at its frame and links to its panel.
    world = panels_of(html)["world"]
    frame_links = [a.get("href") for a in world.iter("a") if "frame" in a.get("class")]
    assert frame_links == ["#partner-map-europe", "#partner-map-east-asia"]


@pytest.mark.parametrize("name", ["home", "partners:city_list"])
def test_no_two_markers_of_the_plan_are_closer_than_their_diameter(client, plan, name):
    html = page(client, name)
    drawn = drawn_markers(html)
    home_panel, home = hannover_place(html)
    assert sum(len(markers) for markers in drawn.values()) == 25
    for panel_id, markers in drawn.items():
        places = [place for _href, _name, place, _text in markers]
        if panel_id == home_panel:
            places.append(home)
        for a, b in combinations(places, 2):
            assert dist(a, b) >= 2 * worldmap.MARKER_RADIUS, (panel_id, a, b)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Poznań (Poland, twin city)"),
        ("de", "Poznań (Polen, Partnerstadt)"),
    ],
)
def test_each_marker_is_a_link_named_with_city_country_and_kind_and_numbered_in_the_key(
    client, plan, language, expected
):
    html = page(client, language=language)
    markers = [m for panel in drawn_markers(html).values() for m in panel]
    key = dict(re.findall(r'<li value="(\d+)"><a class="kern-link" href="([^"]+)">', html))
    assert len(key) == len(markers) == 25
    for href, name, _place, number in markers:
        assert re.fullmatch(rf"{number}: .+ \(.+, .+\)", name)
        assert key[number] == href  # the key's entry of the same number names the same city
    with translation.override(language):
        poznan = PartnerCity.objects.get(slug="poznan").get_absolute_url()
    name = next(name for href, name, _place, _n in markers if href == poznan)
    assert name.split(": ", 1)[1] == expected


def test_each_kind_has_its_own_shape_and_the_legend_its_note(client, plan):
    shapes = {kind: worldmap.marker_path(kind, 0, 0) for kind in PartnershipKind.values}
    assert len(set(shapes.values())) == 3
    assert worldmap.group_path(0, 0) not in shapes.values()
    assert worldmap.star_path(0, 0, 5) not in shapes.values()
    for language, notes in {
        "en": ["Town twinning with an official City Council decision", "Other thematic"],
        "de": ["Städtepartnerschaft mit offiziellem Ratsbeschluss", "Sonstige thematische"],
    }.items():
        html = page(client, language=language)
        legend = html[html.index('class="partner-legend"') :]
        for note in notes:
            assert note in legend


def test_a_city_with_several_kinds_is_drawn_as_its_first_kind():
    assert (
        worldmap.primary_kind([PartnershipKind.UNESCO_CITY_OF_MUSIC, PartnershipKind.TWIN_CITY])
        == PartnershipKind.TWIN_CITY
    )


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(51.45, -2.59), (-34.93, 138.6), (45.42, -75.7), (-15.79, 35.0)],
)
def test_detail_view_box_shows_the_city_and_hannover(latitude, longitude):
    world = worldmap.world()
    left, top, width, height = worldmap.view_box_around(latitude, longitude)
    for x, y in [worldmap.project(latitude, longitude), worldmap.project(*worldmap.HANNOVER)]:
        assert left <= x <= left + width
        assert top <= y <= top + height
    assert left >= 0 and left + width <= world.width
    assert top >= 0 and top + height <= world.height + 0.1


# Any number of cities ----------------------------------------------------------------------------


def map_section(html) -> str:
    start = html.index('<div class="partner-map__layout">')
    return html[start : html.index("</section>", start)]


@pytest.mark.slow
def test_twenty_times_the_cities_are_grouped_into_a_map_of_the_same_size(client, plan):
    small = {name: page(client, name, "de") for name in ("home", "partners:city_list")}
    scaled_data_generate(scale=19)
    large = {name: page(client, name, "de") for name in ("home", "partners:city_list")}
    assert PartnerCity.objects.public().count() == 500
    for name in small:
        small_map, large_map = map_section(small[name]), map_section(large[name])
        assert len(large_map.encode()) <= 1.1 * len(small_map.encode())
    # The pages as a whole too: the list's table shows a page of cities, the home page the
    # plan's four Areas of Action.
    for name in small:
        assert len(large[name].encode()) <= 1.1 * len(small[name].encode()), name
    drawn = drawn_markers(large["home"])
    home_panel, home = hannover_place(large["home"])
    total = 0
    for panel_id, markers in drawn.items():
        assert len(markers) <= worldmap.MAX_MARKERS[panel_id]
        places = [place for _href, _name, place, _text in markers]
        places += [home] if panel_id == home_panel else []
        for a, b in combinations(places, 2):
            assert dist(a, b) >= 2 * worldmap.MARKER_RADIUS
        for href, name, _place, text in markers:
            if "bbox=" in href:
                count = int(text)
                assert name.startswith(f"{count} ")
                # The group's link lists exactly its cities.
                listed = client.get(href).content.decode()
                assert f"Gefundene Partnerstädte: {count}<" in listed, href
                total += count
            else:
                total += 1
    assert total == 500


def test_a_nonsense_area_is_ignored_with_a_warning(client, plan):
    html = page(client, query="?bbox=10,80,5,nope")
    assert "were ignored: Area on the map." in html
    assert "Twin and cooperation cities found: 25<" in html


def test_the_area_filter_lists_the_cities_of_one_area(client, plan):
    html = page(client, query="?bbox=-11,34,62,61&kind=twin_city")
    assert "Twin and cooperation cities found: 4<" in html  # Bristol, Perpignan, Rouen, Poznań
    assert "Show the cities of every area" in html
    assert 'href="?kind=twin_city">Show the cities of every area' in html


# Continents --------------------------------------------------------------------------------------


def test_every_country_but_antarctica_has_one_continent():
    assert set(COUNTRIES) - set(CONTINENT_OF) == {"AQ"}
    codes = [code for continent in Continent for code in countries_in(continent)]
    assert len(codes) == len(set(codes))
    assert set(codes) <= set(COUNTRIES)


@pytest.mark.parametrize(
    ("code", "continent"),
    [
        ("MW", Continent.AFRICA),
        ("CO", Continent.SOUTH_AMERICA),
        ("JM", Continent.NORTH_AMERICA),
        ("US", Continent.NORTH_AMERICA),
        ("AU", Continent.OCEANIA),
        ("RU", Continent.EUROPE),
        ("TR", Continent.ASIA),
        ("KR", Continent.ASIA),
        ("DE", Continent.EUROPE),
    ],
)
def test_continent_of_country(code, continent):
    assert CONTINENT_OF[code] == continent


def test_unknown_continent_has_no_countries():
    assert countries_in("mars") == []
