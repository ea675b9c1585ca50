"""A world map drawn on the server as SVG from Natural Earth land outlines (npm `world-atlas`).

The outlines are decoded and projected once, at set-up, by `manage.py build_worldmap`.
"""

from dataclasses import dataclass
from functools import lru_cache
from math import cos, pi, sin
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .models import PartnershipKind

# Plate carrée: one degree is the same length across and up, 1000 units for 360 degrees.
WIDTH = 1000
SCALE = WIDTH / 360
# Below 60° south there is only Antarctica, which would take a fifth of the map and has no city.
SOUTH = -60
HEIGHT = round((90 - SOUTH) * SCALE, 1)
HANNOVER = (52.3759, 9.7320)  # latitude, longitude of the Neues Rathaus

# A city with several partnerships is drawn with the shape of the first kind in this order.
KIND_ORDER = [
    PartnershipKind.TWIN_CITY,
    PartnershipKind.COOPERATION_CITY,
    PartnershipKind.UNESCO_CITY_OF_MUSIC,
]


def project(latitude, longitude) -> tuple[float, float]:
    """Return the map coordinates of a point given in degrees."""
    return (
        round((float(longitude) + 180) * SCALE, 1),
        round((90 - float(latitude)) * SCALE, 1),
    )


@lru_cache(maxsize=1)
def land_path() -> str:
    """Return the SVG path data of the land outlines, read once per process from the build."""
    path = Path(settings.WORLD_MAP_LAND_FILE)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"{path} is missing: run `manage.py build_worldmap` (part of `make setup`) first."
        ) from None


def marker_path(kind: str, x: float, y: float, size: float = 5) -> str:
    """Return the path data of a kind's marker shape centred on x, y.

    Twin cities are circles, cooperation cities squares, UNESCO Cities of Music diamonds and
    Hannover a star, so that the kind can be told without seeing colour.
    """
    if kind == PartnershipKind.TWIN_CITY:
        return (
            f"M{x - size:g} {y:g}a{size:g} {size:g} 0 1 0 {2 * size:g} 0"
            f"a{size:g} {size:g} 0 1 0 {-2 * size:g} 0z"
        )
    if kind == PartnershipKind.COOPERATION_CITY:
        side = round(size * 0.9, 2)  # a square looks bigger than a circle of the same width
        return f"M{x - side:g} {y - side:g}h{2 * side:g}v{2 * side:g}h{-2 * side:g}z"
    if kind == PartnershipKind.UNESCO_CITY_OF_MUSIC:
        tip = round(size * 1.3, 2)
        return f"M{x:g} {y - tip:g}L{x + tip:g} {y:g}L{x:g} {y + tip:g}L{x - tip:g} {y:g}z"
    return star_path(x, y, size * 1.5)


def star_path(x: float, y: float, size: float) -> str:
    """Return the path data of a five-pointed star centred on x, y."""
    points = []
    for i in range(10):
        radius = size if i % 2 == 0 else size * 0.45
        angle = -pi / 2 + i * pi / 5
        points.append(f"{x + radius * cos(angle):.1f} {y + radius * sin(angle):.1f}")
    return "M" + "L".join(points) + "z"


@dataclass(frozen=True)
class Marker:
    """A city's place and shape on the map; the shape is drawn around 0, 0 and moved there."""

    city: object
    kind: str
    kinds: list
    x: float
    y: float
    path: str

    @property
    def transform(self) -> str:
        """Return the SVG transform that moves the shape to the city, as text for the template."""
        return f"translate({self.x:g} {self.y:g})"


def primary_kind(kinds) -> str:
    """Return the kind whose shape a city with these partnership kinds is drawn with."""
    return min(kinds, key=KIND_ORDER.index) if kinds else PartnershipKind.COOPERATION_CITY


def city_markers(cities, size: float = 5) -> list[Marker]:
    """Return a marker for each city, using its prefetched partnerships."""
    shapes = {kind: marker_path(kind, 0, 0, size) for kind in KIND_ORDER}
    markers = []
    for city in cities:
        kinds = sorted(
            {partnership.kind for partnership in city.partnerships.all()}, key=KIND_ORDER.index
        )
        kind = primary_kind(kinds)
        x, y = project(city.latitude, city.longitude)
        markers.append(
            Marker(
                city=city,
                kind=kind,
                kinds=[PartnershipKind(k).label for k in kinds],
                x=x,
                y=y,
                path=shapes[kind],
            )
        )
    return markers


def hannover_marker(size: float = 5) -> dict:
    """Return Hannover's star and the place of its name, as text for the template."""
    x, y = project(*HANNOVER)
    # Text, because a template would print a float with a decimal comma on German pages.
    return {
        "path": star_path(0, 0, size * 1.6),
        "transform": f"translate({x:g} {y:g})",
        # Above the star: east and west of Hannover the map is crowded with partner cities.
        "label_x": f"{x:.1f}",
        "label_y": f"{y - size * 2.2:.1f}",
        "font_size": f"{size * 2.6:.1f}",
    }


# The footnotes of the plan's own map legend (page 8 of the brochure), with their marks.
LEGEND_NOTES = {
    PartnershipKind.TWIN_CITY: ("*", _("Town twinning with an official City Council decision")),
    PartnershipKind.COOPERATION_CITY: ("**", _("Other thematic city cooperation")),
}


def legend(size: float = 6) -> list[dict]:
    """Return each kind's label, its footnote from the plan and its marker in a 20 by 20 box."""
    entries = []
    for kind in KIND_ORDER:
        mark, note = LEGEND_NOTES.get(kind, ("", ""))
        entries.append(
            {
                "kind": kind.value,
                "label": kind.label,
                "path": marker_path(kind, 10, 10, size),
                "mark": mark,
                "note": note,
            }
        )
    return entries


def view_box_around(latitude, longitude, width: float = 300) -> tuple[float, float, float, float]:
    """Return a view box of the given width, in the map's proportions, showing a city and Hannover.

    The box is widened where the two are further apart than it is wide.
    """
    points = [project(latitude, longitude), project(*HANNOVER)]
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    width = min(WIDTH, max(width, (max(xs) - min(xs)) * 1.3, (max(ys) - min(ys)) * 1.3 * 2))
    height = width / 2
    left = min(max((max(xs) + min(xs)) / 2 - width / 2, 0), WIDTH - width)
    top = min(max((max(ys) + min(ys)) / 2 - height / 2, 0), max(HEIGHT - height, 0))
    return round(left, 1), round(top, 1), round(width, 1), round(min(height, HEIGHT), 1)


def world_map_context(cities) -> dict:
    """Return what the map figure template needs to draw `cities` with their legend."""
    markers = city_markers(cities)
    entries = legend()
    for entry in entries:
        entry["count"] = sum(1 for marker in markers if marker.kind == entry["kind"])
    return {
        "map_view_box": f"0 0 {WIDTH} {HEIGHT}",
        "land_path": land_path(),
        "markers": markers,
        "hannover": hannover_marker(),
        "legend": entries,
        "hannover_legend": star_path(10, 10, 8),
    }
