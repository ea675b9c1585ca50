"""The server-drawn world map: projection, land outlines, marker shapes and continents."""

import re

import pytest
from django_countries.data import COUNTRIES

from partners import worldmap
from partners.continents import CONTINENT_OF, Continent, countries_in
from partners.models import PartnershipKind

pytestmark = pytest.mark.django_db


def land_points(path: str) -> list[tuple[float, float]]:
    """Return the absolute points of path data made of 'M x y l dx dy … z' rings."""
    points = []
    for ring in re.findall(r"M([^l]+)l([^z]*)z", path):
        start, steps = (
            [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", part)] for part in ring
        )
        x, y = start
        points.append((x, y))
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def test_projection_puts_hannover_north_east_of_the_origin_and_south_below_the_equator():
    hannover_x, hannover_y = worldmap.project(*worldmap.HANNOVER)
    assert (hannover_x, hannover_y) == (527.0, 104.5)
    assert worldmap.project(0, 0) == (500.0, 250.0)
    assert worldmap.project(90, -180) == (0.0, 0.0)
    assert worldmap.project(-60, 180) == (worldmap.WIDTH, worldmap.HEIGHT)
    assert worldmap.project(-34.93, 138.6)[1] > 250  # Adelaide


def test_land_path_is_small_built_once_and_within_the_map():
    path = worldmap.land_path()
    assert worldmap.land_path() is path
    assert 10_000 < len(path.encode()) < 60_000
    assert re.fullmatch(r"(M[-\d. ]+l[-\d. ]+z)+", path)
    points = land_points(path)
    assert len(points) > 3000
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    assert min(xs) >= -0.1 and max(xs) <= worldmap.WIDTH + 0.1
    assert min(ys) >= 0
    # Antarctica is left out: nothing lies further south than Tierra del Fuego (about 56° S).
    assert max(ys) < worldmap.project(-57, 0)[1]
    # Hannover stands on land: some ring passes within a few units of it.
    hannover_x, hannover_y = worldmap.project(*worldmap.HANNOVER)
    assert any(abs(x - hannover_x) < 5 and abs(y - hannover_y) < 5 for x, y in points)


def test_each_kind_has_its_own_shape():
    shapes = {kind: worldmap.marker_path(kind, 0, 0, 5) for kind in PartnershipKind.values}
    assert len(set(shapes.values())) == 3
    assert "a5 5" in shapes[PartnershipKind.TWIN_CITY]  # a circle drawn as two arcs
    assert "h9v9" in shapes[PartnershipKind.COOPERATION_CITY]  # a square
    assert worldmap.star_path(0, 0, 5) not in shapes.values()


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
    left, top, width, height = worldmap.view_box_around(latitude, longitude)
    for x, y in [worldmap.project(latitude, longitude), worldmap.project(*worldmap.HANNOVER)]:
        assert left <= x <= left + width
        assert top <= y <= top + height
    assert left >= 0 and left + width <= worldmap.WIDTH
    assert top >= 0 and top + height <= worldmap.HEIGHT + 0.1


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
