"""Decode and project the world map's land outlines once, at set-up, into build/worldmap/."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from partners.worldmap import HEIGHT, SCALE

# Natural Earth's land at 1:110 million, as TopoJSON, from the npm package world-atlas.
SOURCE = Path("world-atlas") / "land-110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """Return the topology's arcs as absolute map coordinates in tenths of a unit."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for quantized in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in quantized:
            x, y = x + dx, y + dy
            longitude, latitude = x * scale_x + shift_x, y * scale_y + shift_y
            # Tenths as integers, so that relative steps add up exactly to the rounded points.
            points.append(
                (round((longitude + 180) * SCALE * 10), round((90 - latitude) * SCALE * 10))
            )
        arcs.append(points)
    return arcs


def ring(arcs, indexes) -> list[tuple[int, int]]:
    """Return the points of a ring joined from arcs; a negative index ~i is arc i reversed."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def tenths(value: int) -> str:
    """Return tenths of a unit as the shortest decimal, such as '-.5', '12' or '3.4'."""
    sign, value = ("-" if value < 0 else ""), abs(value)
    whole, tenth = divmod(value, 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def join(numbers: list[str]) -> str:
    """Return numbers as compact path data: a minus sign or a second point needs no space."""
    parts = []
    for number in numbers:
        if parts and not (number.startswith("-") or (number.startswith(".") and "." in parts[-1])):
            parts.append(" ")
        parts.append(number)
    return "".join(parts)


def ring_path(ring_points: list[tuple[int, int]]) -> str:
    """Return a ring as path data, moving to its first point and stepping to the others."""
    points = [point for i, point in enumerate(ring_points) if i == 0 or point != ring_points[i - 1]]
    if len(points) < 3:
        return ""
    (x, y), steps = points[0], []
    for next_x, next_y in points[1:]:
        steps += [tenths(next_x - x), tenths(next_y - y)]
        x, y = next_x, next_y
    start = join([tenths(points[0][0]), tenths(points[0][1])])
    return f"M{start}l{join(steps)}z"


def land_path(topology: dict) -> str:
    """Return the SVG path data of the land outlines in the topology, without Antarctica."""
    arcs = decode_arcs(topology)
    bottom = HEIGHT * 10
    commands = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            rings = [ring(arcs, indexes) for indexes in polygon]
            if min(y for _x, y in rings[0]) >= bottom:
                continue  # Antarctica and the islands around it
            commands += [ring_path(points) for points in rings]
    return "".join(commands)


class Command(BaseCommand):
    help = "Write the world map's land outlines as SVG path data to build/worldmap/."

    def handle(self, *args, **options):
        source = Path(settings.NODE_MODULES_DIR) / SOURCE
        if not source.exists():
            raise CommandError(f"{source} is missing: run `npm ci` first.")
        path = land_path(json.loads(source.read_text(encoding="utf-8")))
        target = Path(settings.WORLD_MAP_LAND_FILE)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write next to the target and rename, so that an interrupted run leaves no broken map.
        partial = target.with_suffix(".partial")
        partial.write_text(path, encoding="utf-8")
        partial.replace(target)
        self.stdout.write(f"{target.name}: {len(path.encode()) // 1024} KB of path data")
