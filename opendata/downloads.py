"""Whole datasets as files: CSV for every collection, GeoJSON for the partner cities.

Both are streamed: the rows come from the database in chunks of CHUNK_SIZE (each chunk with its
own prefetch queries) and are written chunk by chunk, so a download holds one chunk in memory
however large the dataset grows.
"""

import csv
import gc
import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice

from django.http import Http404, StreamingHttpResponse

from core.formulas import formula_escaped

from .datasets import BY_SLUG, Dataset

CSV_TYPE = "text/csv; charset=utf-8; header=present"
GEOJSON_TYPE = "application/geo+json"
# The members of a row that become a feature's geometry rather than its properties.
LOCATION = {"latitude", "longitude"}
# Rows fetched, serialized and written at once: the memory a download needs.
CHUNK_SIZE = 500


def encoded_chunks(dataset: Dataset, request, encode: Callable[[list[dict]], bytes]):
    """Yield the published rows of `dataset`, as the API shows them in both languages, encoded.

    The rows come CHUNK_SIZE at a time and `encode` turns each chunk into bytes, so that the
    rows and everything made for them are garbage once their bytes are out.
    """
    # One serializer for every row, as a list serializer uses its child.
    serializer = dataset.serializer(context={"request": request, "lang": None})
    rows = dataset.rows().iterator(chunk_size=CHUNK_SIZE)
    while True:
        with garbage_freed_at_end():
            block = encode([written(serializer, row) for row in islice(rows, CHUNK_SIZE)])
        if not block:
            return
        yield block


def written(serializer, row) -> dict:
    """Return `row` serialized, and empty the row, which no one reads again.

    A prefetched related row points back to its row; emptying the row breaks that cycle, so
    the row and its related rows are freed as soon as the chunk is done with.
    """
    data = serializer.to_representation(row)
    vars(row).clear()
    return data


@contextmanager
def garbage_freed_at_end():
    """Free the reference cycles made inside, such as nested serializers, when it ends.

    Python frees cycles in collections by generation; what survives one collection moves to an
    older generation, which a large process rarely collects, so the cycles of a long download
    would pile up there. With the automatic collection paused, every object made inside stays
    in the youngest generation, and collecting that alone at the end is cheap: its cost and the
    memory held meanwhile are those of one chunk.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect(0)


def csv_chunks(dataset: Dataset, request) -> Iterator[bytes]:
    """Yield the dataset as CSV in UTF-8: a header row, commas, CRLF line ends (RFC 4180).

    A text a spreadsheet program would run as a formula gets an apostrophe in front, as the
    open data page says; numbers stay as they are.
    """

    def encode(rows: list[dict]) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        for row in rows:
            cells = [value for column in dataset.columns for value in column.cells(row)]
            writer.writerow([formula_escaped(cell) for cell in cells])
        return buffer.getvalue().encode("utf-8")

    header = io.StringIO()
    csv.writer(header, lineterminator="\r\n").writerow(dataset.headers())
    yield header.getvalue().encode("utf-8")
    yield from encoded_chunks(dataset, request, encode)


def file_response(chunks: Iterator[bytes], content_type: str, name: str) -> StreamingHttpResponse:
    """Return the streamed `chunks` as a file to save under `name`."""
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def dataset_csv(request, slug: str) -> StreamingHttpResponse:
    """Return one dataset as a CSV file in UTF-8."""
    dataset = BY_SLUG.get(slug)
    if dataset is None:
        raise Http404("No such dataset.")
    return file_response(csv_chunks(dataset, request), CSV_TYPE, f"hannover-{slug}.csv")


def feature(city: dict) -> dict:
    """Return one row as a GeoJSON Feature (RFC 7946), its point as [lon, lat]."""
    return {
        "type": "Feature",
        "id": city["slug"],
        "geometry": {"type": "Point", "coordinates": [city["longitude"], city["latitude"]]},
        "properties": {key: value for key, value in city.items() if key not in LOCATION},
    }


def geojson_chunks(dataset: Dataset, request) -> Iterator[bytes]:
    """Yield the rows as one GeoJSON FeatureCollection in UTF-8, written chunk by chunk."""

    def encode(rows: list[dict]) -> bytes:
        features = ", ".join(json.dumps(feature(city), ensure_ascii=False) for city in rows)
        return features.encode("utf-8")

    yield b'{"type": "FeatureCollection", "features": ['
    for number, block in enumerate(encoded_chunks(dataset, request, encode)):
        yield b", " + block if number else block
    yield b"]}"


def dataset_geojson(request, slug: str) -> StreamingHttpResponse:
    """Return a dataset with places, the partner cities, as a GeoJSON file."""
    dataset = BY_SLUG.get(slug)
    if dataset is None or not dataset.geojson:
        raise Http404("No such dataset with places.")
    return file_response(geojson_chunks(dataset, request), GEOJSON_TYPE, f"hannover-{slug}.geojson")
