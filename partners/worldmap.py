"""The partner map: Equal Earth pictures built once at set-up, markers placed on them here.

`scripts/build-worldmap.mjs` projects Natural Earth (npm `world-atlas`) with d3-geo into one
picture per panel (the world, and Europe and East Asia drawn larger, where markers crowd) and
writes the projection's parameters to `projection.json`. This module reads those parameters on
first use and places markers with the same Equal Earth formula; it computes no geometry else.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from math import asin, cos, floor, hypot, pi, radians, sin, sqrt
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import PartnershipKind

HANNOVER = (52.3759, 9.7320)  # latitude, longitude of the Neues Rathaus
# A marker's radius in map units; every panel shows a unit at the same size on screen.
MARKER_RADIUS = 9
# No two markers are closer than this (centre to centre): markers never overlap.
MARKER_SPACING = 2 * MARKER_RADIUS
# Beyond this many markers on a panel, nearby cities are grouped, so that the map's size stays
# the same whatever the number of cities.
MAX_MARKERS = {"world": 16, "europe": 16, "east-asia": 6}
# Grouping cells, in degrees, from fine to coarse; each panel uses the first that fits.
CELL_SIZES = (1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90)

PANEL_LABELS = {
    "world": _("World map"),
    "europe": _("Europe"),
    "east-asia": _("East Asia"),
}

# A city with several partnerships is drawn with the shape of the first kind in this order.
KIND_ORDER = [
    PartnershipKind.TWIN_CITY,
    PartnershipKind.COOPERATION_CITY,
    PartnershipKind.UNESCO_CITY_OF_MUSIC,
]

# Equal Earth (Šavrič, Patterson and Jenny 2018), as d3-geo's geoEqualEarthRaw computes it.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Return Equal Earth's raw coordinates of a point given in radians (y points north)."""
    theta = asin(M * sin(latitude))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = longitude * cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


@dataclass(frozen=True)
class Panel:
    """One picture of the map: the world, or a region drawn larger, and its projection."""

    id: str
    width: int
    height: int
    scale: float
    translate: tuple[float, float]
    rotate: float
    region: tuple[float, float, float, float] | None  # west, south, east, north; None: all
    picture: str
    frame: str = ""  # the path data of the region's frame on the world map

    @property
    def label(self) -> str:
        return PANEL_LABELS.get(self.id, self.id)

    @property
    def is_world(self) -> bool:
        return self.region is None

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def picture_path(self) -> str:
        """Return the picture's path among the static files."""
        return f"worldmap/{self.picture}"

    def project(self, latitude, longitude) -> tuple[float, float]:
        """Return the panel's coordinates of a point, as d3-geo's projection([lon, lat]) does."""
        # d3 rotates by adding the rotation to the longitude and wrapping it into ±180°.
        lam = radians(float(longitude) + self.rotate)
        if abs(lam) > pi:
            lam -= round(lam / (2 * pi)) * 2 * pi
        x, y = equal_earth(lam, radians(float(latitude)))
        return self.translate[0] + self.scale * x, self.translate[1] - self.scale * y

    def contains(self, latitude, longitude) -> bool:
        """Return whether the panel's region holds the point (the world holds every point)."""
        if self.region is None:
            return True
        # Half-open, as the city list's area filter: neighbouring areas share no city.
        west, south, east, north = self.region
        return west <= float(longitude) < east and south <= float(latitude) < north

    def frame_label_position(self, world: "Panel") -> tuple[float, float]:
        """Return where the world panel names this region: above its frame's north-west corner."""
        west, _south, _east, north = self.region
        x, y = world.project(north, west)
        return round(x, 1), round(y - 5, 1)


@lru_cache(maxsize=1)
def panels() -> tuple[Panel, ...]:
    """Return the panels as the build wrote them, the world first; read once per process."""
    path = Path(settings.WORLD_MAP_DIR) / "projection.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"{path} is missing: run `make worldmap` (part of `make setup`) first."
        ) from None
    return tuple(
        Panel(
            id=panel["id"],
            width=panel["width"],
            height=panel["height"],
            scale=panel["scale"],
            translate=tuple(panel["translate"]),
            rotate=panel["rotate"],
            region=tuple(panel["region"]) if panel["region"] else None,
            picture=panel["picture"],
            frame=panel.get("frame") or "",
        )
        for panel in data["panels"]
    )


def world() -> Panel:
    return panels()[0]


def panel_of(latitude, longitude) -> Panel:
    """Return the panel a point is drawn in: the first region holding it, else the world."""
    for panel in panels()[1:]:
        if panel.contains(latitude, longitude):
            return panel
    return world()


def project(latitude, longitude) -> tuple[float, float]:
    """Return the world panel's coordinates of a point given in degrees, to a tenth of a unit."""
    x, y = world().project(latitude, longitude)
    return round(x, 1), round(y, 1)


def marker_path(kind: str, x: float, y: float, size: float = MARKER_RADIUS) -> str:
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
        side = round(size * 0.85, 2)  # a square looks bigger than a circle of the same width
        return f"M{x - side:g} {y - side:g}h{2 * side:g}v{2 * side:g}h{-2 * side:g}z"
    if kind == PartnershipKind.UNESCO_CITY_OF_MUSIC:
        tip = round(size * 1.15, 2)
        return f"M{x:g} {y - tip:g}L{x + tip:g} {y:g}L{x:g} {y + tip:g}L{x - tip:g} {y:g}z"
    return star_path(x, y, size * 1.3)


def group_path(x: float, y: float, size: float = MARKER_RADIUS) -> str:
    """Return the path data of a group's marker: a rounded square, unlike any kind's shape."""
    side, corner = round(size * 0.95, 2), round(size * 0.45, 2)
    straight = round(2 * (side - corner), 2)
    return (
        f"M{x - side + corner:g} {y - side:g}h{straight:g}"
        f"a{corner:g} {corner:g} 0 0 1 {corner:g} {corner:g}v{straight:g}"
        f"a{corner:g} {corner:g} 0 0 1 {-corner:g} {corner:g}h{-straight:g}"
        f"a{corner:g} {corner:g} 0 0 1 {-corner:g} {-corner:g}v{-straight:g}"
        f"a{corner:g} {corner:g} 0 0 1 {corner:g} {-corner:g}z"
    )


def star_path(x: float, y: float, size: float) -> str:
    """Return the path data of a five-pointed star centred on x, y."""
    points = []
    for i in range(10):
        radius = size if i % 2 == 0 else size * 0.45
        angle = -pi / 2 + i * pi / 5
        points.append(f"{x + radius * cos(angle):.1f} {y + radius * sin(angle):.1f}")
    return "M" + "L".join(points) + "z"


def primary_kind(kinds) -> str:
    """Return the kind whose shape a city with these partnership kinds is drawn with."""
    return min(kinds, key=KIND_ORDER.index) if kinds else PartnershipKind.COOPERATION_CITY


def kinds_of(city) -> list[str]:
    """Return a city's kinds of partnership, from its prefetched partnerships, in KIND_ORDER."""
    kinds = {partnership.kind for partnership in city.partnerships.all()}
    return sorted(kinds, key=KIND_ORDER.index)


@dataclass
class Marker:
    """A marker on a panel: one city, or a group of nearby cities shown with their count."""

    panel: Panel
    x: float
    y: float
    cities: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    bbox: tuple | None = None  # the group's cell: west, south, east, north
    number: int | None = None  # a single city's number in the key

    @property
    def city(self):
        return self.cities[0]

    @property
    def is_group(self) -> bool:
        return len(self.cities) > 1

    @property
    def kind(self) -> str:
        return "group" if self.is_group else primary_kind(self.kinds)

    @property
    def kind_labels(self) -> list[str]:
        return [str(PartnershipKind(kind).label) for kind in self.kinds]

    @property
    def path(self) -> str:
        return group_path(0, 0) if self.is_group else marker_path(self.kind, 0, 0)

    @property
    def text(self) -> str:
        """Return what the marker shows: a city's number in the key, or a group's count."""
        return str(len(self.cities)) if self.is_group else str(self.number)

    @property
    def transform(self) -> str:
        """Return the SVG transform that moves the shape to its place, as text for the template."""
        return f"translate({self.x:.1f} {self.y:.1f})"

    @property
    def name(self) -> str:
        """Return the marker's accessible name: city, country and kinds, or the group's count."""
        if self.is_group:
            # A group has two cities at least: no singular needed.
            return gettext("%(count)d twin and cooperation cities in this area") % {
                "count": len(self.cities)
            }
        city = self.city
        return f"{city.name} ({city.country_name}, {', '.join(self.kind_labels)})"

    @property
    def label_anchor(self) -> str:
        """Return where the name shown on hover starts, so that it stays inside the panel."""
        if self.x > self.panel.width * 0.7:
            return "end"
        return "start" if self.x < self.panel.width * 0.3 else "middle"

    def bbox_query(self) -> str:
        """Return the group's cell as the city list's `bbox` filter value."""
        return ",".join(f"{value:g}" for value in self.bbox)


def hannover_marker(panel: Panel | None = None) -> dict:
    """Return Hannover's star and its name's place on a panel, as text for the template."""
    panel = panel or panel_of(*HANNOVER)
    x, y = panel.project(*HANNOVER)
    # Text, because a template would print a float with a decimal comma on German pages.
    return {
        "panel": panel.id,
        "x": x,
        "y": y,
        "path": star_path(0, 0, MARKER_RADIUS * 1.3),
        "transform": f"translate({x:.1f} {y:.1f})",
        "label_x": f"{x:.1f}",
        "label_y": f"{y - MARKER_RADIUS * 1.7:.1f}",
    }


def spaced(markers: list[Marker], fixed: list[tuple[str, float, float]]) -> bool:
    """Return whether no two markers, or a marker and a fixed point, of a panel overlap."""
    points = [(m.panel.id, m.x, m.y) for m in markers] + fixed
    return all(
        hypot(a[1] - b[1], a[2] - b[2]) >= MARKER_SPACING
        for i, a in enumerate(points)
        for b in points[i + 1 :]
        if a[0] == b[0]
    )


def cell_of(panel: Panel, latitude: float, longitude: float, size: float) -> tuple:
    """Return the area of `size` degrees a point is grouped in: a grid cell, cut to the panel.

    In an enlarged region's panel the cell is cut to the region. On the world panel, a cell
    that overlaps a region is cut to the strip beside it that holds the point, so that the
    city list filtered by the area shows exactly the cities of the marker.
    """
    # The map's east and north edges belong to the cells west and south of them.
    longitude, latitude = min(longitude, 179.999999), min(latitude, 89.999999)
    west, south = floor(longitude / size) * size, floor(latitude / size) * size
    cell = (max(west, -180.0), max(south, -90.0), min(west + size, 180.0), min(south + size, 90.0))
    if panel.region:
        return intersection(cell, panel.region)
    regions = [inset.region for inset in panels()[1:]]
    cut = True
    while cut:
        cut = False
        for region in regions:
            if intersection(cell, region):
                cell = strip_beside(cell, region, latitude, longitude)
                cut = True
    return cell


def intersection(a: tuple, b: tuple) -> tuple | None:
    """Return the overlap of two areas (west, south, east, north), or None."""
    west, south = max(a[0], b[0]), max(a[1], b[1])
    east, north = min(a[2], b[2]), min(a[3], b[3])
    return (west, south, east, north) if west < east and south < north else None


def strip_beside(cell: tuple, region: tuple, latitude: float, longitude: float) -> tuple:
    """Return the part of `cell` outside `region` west, east, south or north of it that holds
    the point (which lies outside the region)."""
    west, south, east, north = cell
    if longitude < region[0]:
        return west, south, region[0], north
    if longitude >= region[2]:
        return region[2], south, east, north
    west, east = max(west, region[0]), min(east, region[2])
    if latitude < region[1]:
        return west, south, east, region[1]
    return west, region[3], east, north


def group(entries: list[tuple], size: float | None) -> list[Marker]:
    """Return one marker per city (size None), or per cell of `size` degrees with its cities."""
    if size is None:
        return [
            Marker(panel=panel, x=x, y=y, cities=[city], kinds=kinds)
            for city, kinds, panel, x, y in entries
        ]
    cells = {}
    for entry in entries:
        city, _kinds, panel, _x, _y = entry
        lat, lon = float(city.latitude), float(city.longitude)
        cells.setdefault((panel.id, cell_of(panel, lat, lon, size)), []).append(entry)
    markers = []
    for (_panel_id, bbox), members in cells.items():
        if len(members) == 1:
            city, kinds, panel, x, y = members[0]
            markers.append(Marker(panel=panel, x=x, y=y, cities=[city], kinds=kinds))
            continue
        panel = members[0][2]
        # A group stands amid its cities; if it comes too close to another marker, a coarser
        # grid is tried.
        x = sum(m[3] for m in members) / len(members)
        y = sum(m[4] for m in members) / len(members)
        markers.append(Marker(panel=panel, x=x, y=y, cities=[m[0] for m in members], bbox=bbox))
    return markers


def place_markers(cities) -> list[Marker]:
    """Return the markers of the cities: one each where they fit apart, else grouped by area.

    Every city is drawn in the first panel whose region holds it. Where markers of a panel
    would overlap, or be more than its MAX_MARKERS, nearby cities are grouped on a grid of
    degrees, finer grids first, so that the map's size does not grow with the number of cities.
    """
    by_panel = {panel.id: [] for panel in panels()}
    for city in cities:
        panel = panel_of(city.latitude, city.longitude)
        x, y = panel.project(city.latitude, city.longitude)
        by_panel[panel.id].append((city, kinds_of(city), panel, x, y))
    home = hannover_marker()
    markers = []
    for panel_id, entries in by_panel.items():
        fixed = [(home["panel"], home["x"], home["y"])] if home["panel"] == panel_id else []
        limit = MAX_MARKERS.get(panel_id, min(MAX_MARKERS.values()))
        for size in (None, *CELL_SIZES):
            placed = group(entries, size)
            if len(placed) <= limit and spaced(placed, fixed):
                break
        markers += sorted(placed, key=lambda m: (m.y, m.x))
    number = 0
    for marker in markers:
        if not marker.is_group:
            number += 1
            marker.number = number
    return markers


# The footnotes of the plan's own map legend (page 8 of the brochure), with their marks.
LEGEND_NOTES = {
    PartnershipKind.TWIN_CITY: ("*", _("Town twinning with an official City Council decision")),
    PartnershipKind.COOPERATION_CITY: ("**", _("Other thematic city cooperation")),
}


def legend(size: float = 7) -> list[dict]:
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
    panel = world()
    points = [project(latitude, longitude), project(*HANNOVER)]
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    width = min(panel.width, max(width, (max(xs) - min(xs)) * 1.3, (max(ys) - min(ys)) * 1.3 * 2))
    height = width / 2
    left = min(max((max(xs) + min(xs)) / 2 - width / 2, 0), panel.width - width)
    top = min(max((max(ys) + min(ys)) / 2 - height / 2, 0), max(panel.height - height, 0))
    return round(left, 1), round(top, 1), round(width, 1), round(min(height, panel.height), 1)


def world_map_context(cities, list_query: str = "") -> dict:
    """Return what the map figure template needs to draw `cities` with their legend and key.

    `list_query` is the city list's filter query a group's link keeps, without its page.
    """
    cities = list(cities)
    markers = place_markers(cities)
    home = hannover_marker()
    world_panel = world()
    drawn = []
    for panel in panels():
        drawn.append(
            {
                "panel": panel,
                "markers": [m for m in markers if m.panel.id == panel.id],
                "hannover": home if home["panel"] == panel.id else None,
                "frames": [
                    {"panel": inset, "label_position": inset.frame_label_position(world_panel)}
                    for inset in panels()[1:]
                ]
                if panel.is_world
                else [],
            }
        )
    entries = legend()
    singles = [m for m in markers if not m.is_group]
    drawn_as = Counter(primary_kind(kinds_of(city)) for city in cities)
    for entry in entries:
        entry["count"] = drawn_as[entry["kind"]]
    return {
        "map_panels": drawn,
        "map_city_count": len(cities),
        "markers": markers,
        "map_key": singles,
        "map_groups": [m for m in markers if m.is_group],
        "map_list_query": f"{list_query}&" if list_query else "",
        "map_filter_query": list_query,
        "legend": entries,
        "hannover_legend": star_path(10, 10, 8),
        "group_legend": group_path(10, 10, 7),
    }
