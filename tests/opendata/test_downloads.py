"""CSV files for every collection and GeoJSON of the partner cities."""

import csv
import datetime
import io
import json

import pytest

from opendata.datasets import DATASETS
from partners.models import PartnerCity
from progress.services import progress_report_save

from .conftest import MARK

pytestmark = pytest.mark.django_db


def read_csv(client, slug: str) -> tuple[list[str], list[dict]]:
    response = client.get(f"/data/{slug}.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert f'filename="hannover-{slug}.csv"' in response["Content-Disposition"]
    assert response["Access-Control-Allow-Origin"] == "*"
    text = response.getvalue().decode("utf-8")
    assert not text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return reader.fieldnames, list(reader)


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda dataset: dataset.slug)
def test_csv_has_the_documented_columns_and_no_drafts(client, content, dataset):
    headers, rows = read_csv(client, dataset.slug)
    documented = [name for column in dataset.columns for name, _meaning in column.documented()]
    assert headers == documented
    assert rows
    assert all(len(row) == len(headers) for row in rows)
    assert MARK not in json.dumps(rows, ensure_ascii=False)


def test_measures_csv_holds_both_languages_status_and_links(client, content):
    _headers, rows = read_csv(client, "measures")
    measure = next(row for row in rows if row["number"] == "1.1")
    assert measure["title_de"] == (
        "Strategische Ausrichtung der Städtepartnerschaften und Städtekooperationen"
    )
    assert measure["title_en"] == "Strategic approach to town-twinning/partnership arrangements"
    assert measure["status"] == "in_progress"
    assert measure["progress"] == "40"
    assert measure["status_set_by_hand"] == "false"
    assert measure["eu_projects"] == "open-project"
    assert "hiroshima" in measure["partner_cities"].split("|")
    assert measure["url_de"] == "http://testserver/de/massnahmen/1-1/"
    # ISO 8601 with the offset, e.g. 2026-05-04T10:11:12.123456+02:00.
    assert datetime.datetime.fromisoformat(measure["updated_at"]).tzinfo is not None


def test_progress_reports_csv_gives_iso_dates(client, content):
    _headers, rows = read_csv(client, "progress-reports")
    assert rows == [
        {
            "id": str(content.report.pk),
            "measure": "1.1",
            "reported_on": "2025-03-31",
            "status": "in_progress",
            "progress": "40",
            "text_de": "Erste Partnerschaftstreffen haben stattgefunden.",
            "text_en": "First partnership meetings took place.",
            "is_sample": "false",
            "updated_at": rows[0]["updated_at"],
        }
    ]


def test_csv_keeps_commas_quotes_and_line_breaks_in_texts(client, content):
    content.report.text_en = 'Two lines, "quoted"\nand an umlaut: Düsseldorf'
    progress_report_save(report=content.report)
    _headers, rows = read_csv(client, "progress-reports")
    assert rows[0]["text_en"] == 'Two lines, "quoted"\nand an umlaut: Düsseldorf'


def test_unknown_dataset_is_404(client, content):
    assert client.get("/data/secrets.csv").status_code == 404
    assert client.get("/data/measures.geojson").status_code == 404


def test_geojson_is_a_feature_collection_with_longitude_first(client, content):
    response = client.get("/data/partner-cities.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = response.getvalue().decode()
    data = json.loads(body)
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data
    published = PartnerCity.objects.public().count()
    assert len(data["features"]) == published
    for feature in data["features"]:
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert isinstance(longitude, float) and isinstance(latitude, float)
    hiroshima = next(f for f in data["features"] if f["id"] == "hiroshima")
    # Hiroshima lies at 132° east, 34° north: longitude comes first.
    assert hiroshima["geometry"]["coordinates"] == [pytest.approx(132.4553), pytest.approx(34.3853)]
    assert hiroshima["properties"]["name"] == {"de": "Hiroshima", "en": "Hiroshima"}
    assert hiroshima["properties"]["partnerships"][0]["kind"] == "twin_city"
    assert MARK not in body
