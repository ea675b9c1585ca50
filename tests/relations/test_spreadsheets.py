"""Activities in and out of spreadsheets: a dry run first, all or nothing, both languages."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from relations.models import Activity

pytestmark = pytest.mark.django_db

IMPORT_URL = "/de/admin/relations/activity/import/"
HEADER = (
    "id,kind,starts_on,title_de,title_en,partner_cities,measures,council_document,"
    "publication_state\n"
)
GOOD = (
    ",delegation_incoming,2025-05-12,Besuch aus Rouen,Visit from Rouen,rouen,2.1,,draft\n"
    ",council_decision,2018-06-14,Ratsbeschluss,Council decision,,,1736/2018,draft\n"
)
BAD = ",council_decision,2018-06-14,Kaputt,Broken,,,17-36,draft\n"


def post(client, rows):
    upload = SimpleUploadedFile("aktivitaeten.csv", (HEADER + rows).encode("utf-8"))
    return client.post(IMPORT_URL, {"resource": "0", "format": "0", "import_file": upload})


def test_a_file_with_a_malformed_council_number_writes_nothing(office_client, plan):
    response = post(office_client, GOOD + BAD)
    assert response.status_code == 200
    assert "1736/2018" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_good_file_is_imported_after_the_preview(office_client, plan):
    response = post(office_client, GOOD)
    assert not Activity.objects.exists()
    confirm = dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', response.content.decode())
    )
    response = office_client.post("/de/admin/relations/activity/process_import/", confirm)
    assert response.status_code == 302
    visit = Activity.objects.get(title_de="Besuch aus Rouen")
    assert visit.title_en == "Visit from Rouen"
    assert [city.slug for city in visit.partner_cities.all()] == ["rouen"]
    assert [measure.number for measure in visit.measures.all()] == ["2.1"]


def test_the_export_has_both_languages(office_client, plan):
    Activity.objects.create(
        kind="event", starts_on="2025-01-01", title_de="Neujahrsempfang", title_en="New Year"
    )
    url = "/de/admin/relations/activity/export/"
    response = office_client.post(url, {"format": "0", "resource": "0", "export_items": []})
    if response["Content-Type"].startswith("text/html"):
        # The export form lists the fields; select all of them as a browser would.
        fields = re.findall(r'name="(activityresource_[\w]+)"', response.content.decode())
        response = office_client.post(
            url, {"format": "0", "resource": "0", **dict.fromkeys(fields, "on")}
        )
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Neujahrsempfang" in text and "New Year" in text
