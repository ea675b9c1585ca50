"""Whole datasets as files: CSV for every collection, GeoJSON for the partner cities."""

import csv
import io
import json

from django.http import Http404, HttpResponse

from core.formulas import formula_escaped

from .datasets import BY_SLUG, Dataset

CSV_TYPE = "text/csv; charset=utf-8; header=present"
GEOJSON_TYPE = "application/geo+json"
# The members of a row that become a feature's geometry rather than its properties.
LOCATION = {"latitude", "longitude"}


def serialized_rows(dataset: Dataset, request) -> list[dict]:
    """Return every published row of `dataset` as the API shows it, in both languages."""
    serializer = dataset.serializer(
        dataset.rows(), many=True, context={"request": request, "lang": None}
    )
    return serializer.data


def csv_text(dataset: Dataset, request) -> str:
    """Return the dataset as CSV: a header row, commas, CRLF line ends (RFC 4180).

    A text a spreadsheet program would run as a formula gets an apostrophe in front, as the
    open data page says; numbers stay as they are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(dataset.headers())
    for row in serialized_rows(dataset, request):
        cells = [value for column in dataset.columns for value in column.cells(row)]
        writer.writerow([formula_escaped(cell) for cell in cells])
    return buffer.getvalue()


def file_response(content: str, content_type: str, name: str) -> HttpResponse:
    """Return `content` in UTF-8 as a file to save under `name`."""
    response = HttpResponse(content.encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def dataset_csv(request, slug: str) -> HttpResponse:
    """Return one dataset as a CSV file in UTF-8."""
    dataset = BY_SLUG.get(slug)
    if dataset is None:
        raise Http404("No such dataset.")
    return file_response(csv_text(dataset, request), CSV_TYPE, f"hannover-{slug}.csv")


def feature_collection(dataset: Dataset, request) -> dict:
    """Return the rows as a GeoJSON FeatureCollection (RFC 7946), points as [lon, lat]."""
    features = []
    for city in serialized_rows(dataset, request):
        properties = {key: value for key, value in city.items() if key not in LOCATION}
        features.append(
            {
                "type": "Feature",
                "id": city["slug"],
                "geometry": {
                    "type": "Point",
                    "coordinates": [city["longitude"], city["latitude"]],
                },
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def dataset_geojson(request, slug: str) -> HttpResponse:
    """Return a dataset with places, the partner cities, as a GeoJSON file."""
    dataset = BY_SLUG.get(slug)
    if dataset is None or not dataset.geojson:
        raise Http404("No such dataset with places.")
    content = json.dumps(feature_collection(dataset, request), ensure_ascii=False)
    return file_response(content, GEOJSON_TYPE, f"hannover-{slug}.geojson")
