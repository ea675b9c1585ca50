"""Nobody has reported a state of the loaded plan's measures, and no public output says otherwise.

The plan's sources give no measure a state. On the freshly loaded plan every page type in both
languages and every download, feed and API response is read: none calls a measure or sub-item
planned ("geplant"), and the pages, figures and files say that no progress has been reported
yet, with the right counts.
"""

import csv
import io
import json
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from measures.models import AreaOfAction, Measure, PlanSection, Status, SubItem
from networks.models import MembershipStatus
from opendata.datasets import DATASETS
from tests.factories import ReportingPeriodFactory
from tests.markup import parse
from tests.site.test_public_only import collect_outputs

pytestmark = [pytest.mark.django_db]

# The status's label as a word, as the choices write it; "Geplanter Beginn" or "planned_start"
# are other words, and so is EUROCITIES' membership: the plan says the city will bid to join,
# which the portal records as a planned application (as of January 2019).
PLANNED = re.compile(r"\b((?<!Bewerbung )geplant|(?<!application )planned)\b")
SELECT = re.compile(r"<select\b.*?</select>", re.S)
LABEL = {"de": "noch kein Sachstand berichtet", "en": "no progress reported yet"}
ALL_UNREPORTED = {
    "de": "Zu {count} der {total} Maßnahmen ist noch kein Sachstand berichtet.",
    "en": "No progress has been reported yet for {count} of the {total} measures.",
}
HOME = {"de": "/de/", "en": "/en/"}
AREAS = {"de": "/de/handlungsfelder/", "en": "/en/areas-of-action/"}
MEASURES = {"de": "/de/massnahmen/", "en": "/en/measures/"}
PROGRESS = {"de": "/de/umsetzungsstand/", "en": "/en/progress/"}


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def documented_values() -> list[str]:
    """Return the open-data documentation of the status column, which names every value."""
    measures = next(dataset for dataset in DATASETS if dataset.slug == "measures")
    status = next(column for column in measures.columns if column.name == "status")
    texts = []
    for language in ("de", "en"):
        with translation.override(language):
            texts.append(str(status.description))
    return texts


def planned_application_labels() -> list[str]:
    """Return the label of EUROCITIES' membership, a planned application the plan states."""
    labels = []
    for language in ("de", "en"):
        with translation.override(language):
            labels.append(str(MembershipStatus.PLANNED_APPLICATION.label))
    return labels


def plan_words() -> list[str]:
    """Return the lines of the plan's own sections, which speak of their own schedule in 2018."""
    lines = []
    for section in PlanSection.objects.all():
        for body in (section.body_de, section.body_en):
            lines += [" ".join(line.split()) for line in (body or "").splitlines() if line.strip()]
    return [line for line in lines if PLANNED.search(line)]


def claims(url: str, body: str, exempt: list[str]) -> list[str]:
    """Return where `body` calls something planned, other than in a choice or a quotation."""
    if url.startswith("/api/v1/openapi"):
        return []  # the description lists every value; tested below
    if "<html" in body[:200].lower():
        assert "status--planned" not in body and "chart__bar--planned" not in body, url
        # The filters' choices offer every status; offering one is not claiming it. The
        # structured data for search engines is read as it stands.
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
        body = " ".join([parse(SELECT.sub("", body)).text, *scripts])
    for text in exempt:
        body = body.replace(text, "")
    return [
        f"{url}: …{body[max(0, found.start() - 60) : found.end() + 20]}…"
        for found in PLANNED.finditer(body)
    ]


@pytest.fixture
def fresh_plan(plan):
    """Return the loaded plan, with a council report the office published for it."""
    period = ReportingPeriodFactory()
    return period


def test_the_loaded_plan_knows_no_state(plan):
    # The session loaded the plan into an empty database; a second run adds nothing planned.
    call_command("load_action_plan", verbosity=0)
    assert Measure.objects.count() == 13 and SubItem.objects.count() == 31
    assert set(Measure.objects.values_list("status", "progress")) == {("not_reported", 0)}
    assert set(SubItem.objects.values_list("status", flat=True)) == {"not_reported"}


@pytest.mark.slow
def test_no_public_output_calls_a_measure_or_sub_item_planned(client, fresh_plan):
    bodies = collect_outputs(client)
    # The filtered lists, in both languages: a filter for "planned" finds nothing.
    for language in ("de", "en"):
        for path in (MEASURES[language], PROGRESS[language]):
            for query in ("?status=not_reported", "?status=planned", "?area=1&status=not_reported"):
                bodies[path + query] = client.get(path + query).content.decode()
    # The crawl reached every page type, the council report with its files, and the data.
    for url in [
        *HOME.values(),
        *AREAS.values(),
        "/de/handlungsfelder/1/",
        "/en/areas-of-action/4/",
        *MEASURES.values(),
        "/de/massnahmen/1-1/",
        "/en/measures/4-3/",
        *PROGRESS.values(),
        "/de/umsetzungsstand/1-1/",
        f"/de/umsetzungsstand/berichte/{fresh_plan.pk}/",
        f"/en/progress/reports/{fresh_plan.pk}/",
        f"/en/progress/reports/{fresh_plan.pk}/csv/",
        f"/de/umsetzungsstand/berichte/{fresh_plan.pk}/xlsx/",
        "/de/partner-und-kooperationsstaedte/",
        "/en/networks/",
        "/en/eu-projects/",
        "/de/leichte-sprache/",
        "/en/easy-read/",
        "/data/measures.csv",
        "/api/v1/measures/?page_size=200&lang=de",
        "/api/v1/measures/1-1/",
        "/en/progress-reports/feed/",
    ]:
        assert url in bodies, url
    exempt = documented_values() + plan_words() + planned_application_labels()
    found = [claim for url, body in bodies.items() for claim in claims(url, body, exempt)]
    assert found == [], "\n".join(found)
    # The council report's workbooks, cell by cell.
    for url in [u for u in bodies if u.endswith("/xlsx/")]:
        workbook = load_workbook(io.BytesIO(client.get(url).content))
        rows = [row for sheet in workbook for row in sheet.iter_rows(values_only=True)]
        cells = [str(cell) for row in rows for cell in row]
        assert not [cell for cell in cells if PLANNED.search(cell)], url


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_says_how_many_measures_have_no_reported_state(client, plan, language):
    page = parse(client.get(HOME[language]).content.decode())
    assert ALL_UNREPORTED[language].format(count=13, total=13) in page.text
    for card in page.select(".area-card"):
        number = int(re.search(r"/(\d+)/$", card.one("h3 a").attrs["href"]).group(1))
        in_area = Measure.objects.public().filter(area__number=number).count()
        assert card.one(".status-summary").text == f"{LABEL[language]}: {in_area}"
        assert len(card.select(".measure-list .status--not_reported")) == in_area


@pytest.mark.parametrize("language", ["de", "en"])
def test_area_and_measure_pages_show_the_not_reported_badge(client, plan, language):
    for area in AreaOfAction.objects.public():
        with translation.override(language):
            page = parse(client.get(area.get_absolute_url()).content.decode())
        badges = page.select("main .status")
        assert [badge.text for badge in badges] == [LABEL[language]] * area.measures.count()
        assert all("status--not_reported" in badge.classes for badge in badges)
    for measure in Measure.objects.public().prefetch_related("sub_items"):
        with translation.override(language):
            page = parse(client.get(measure.get_absolute_url()).content.decode())
        state = page.one("section.measure-state .status")
        assert state.text == LABEL[language] and "status--not_reported" in state.classes
        sub_items = page.select(".sub-item-list .status--not_reported")
        assert len(sub_items) == len(measure.sub_items.all())
        # No progress bar claims 0 %: no figure was reported.
        assert not page.select("section.measure-state progress")


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_status_filter_offers_not_reported_and_finds_every_measure(client, plan, language):
    for path in (MEASURES[language], PROGRESS[language]):
        html = client.get(path).content.decode()
        option = parse(html).one('select[name="status"] option[value="not_reported"]')
        assert option.text == LABEL[language]
        response = client.get(path, {"status": "not_reported"})
        assert response.status_code == 200
        assert len(parse(response.content.decode()).select("tbody .status--not_reported")) == 13
        planned = client.get(path, {"status": "planned"}).content.decode()
        assert not parse(planned).select("tbody .status")


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_progress_overview_counts_the_measures_without_a_state(client, plan, language):
    html = client.get(PROGRESS[language]).content.decode()
    page = parse(html)
    assert ALL_UNREPORTED[language].format(count=13, total=13) in page.text
    table = page.one("section.progress-areas table")
    headers = [cell.text for cell in table.select("thead th")]
    # Only the state that occurs has a column: no column of zeros for "planned".
    assert headers[1] == LABEL[language] and len(headers) == 4
    for row in table.select("tbody tr"):
        number = int(row.one("th").text.split()[-1])
        in_area = Measure.objects.public().filter(area__number=number).count()
        cells = [cell.text for cell in row.select("td")]
        not_reported = in_language(language, "not reported")
        assert cells == [str(in_area), str(in_area), not_reported]
    legend = page.one(".chart-legend")
    assert legend.text == LABEL[language]
    assert legend.select(".chart__bar--not_reported")
    assert f"{LABEL[language]} 3" in page.one("#status-chart-desc").text


@pytest.mark.parametrize(
    ("language", "delimiter", "sentence"),
    [
        ("de", ";", "war zu 13 der 13 Maßnahmen noch kein Sachstand berichtet."),
        ("en", ",", "no progress had been reported for 13 of the 13 measures."),
    ],
)
def test_the_council_report_and_its_files_say_no_state_was_reported(
    client, fresh_plan, language, delimiter, sentence
):
    with translation.override(language):
        url = fresh_plan.get_absolute_url()
    page = parse(client.get(url).content.decode())
    assert sentence in page.text
    assert len(page.select(".period-area .status--not_reported")) == 13
    text = client.get(f"{url}csv/").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))[1:]
    measure_rows = [row for row in rows if len(row) > 4 and row[1][:1].isdigit()]
    assert len(measure_rows) == 13
    # Status "not reported", and no progress figure rather than 0.
    assert {(row[3], row[4]) for row in measure_rows} == {(LABEL[language], "")}
    workbook = load_workbook(io.BytesIO(client.get(f"{url}xlsx/").content))
    statuses = [row[3] for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert statuses == [LABEL[language]] * 13


def test_the_api_and_the_csv_say_not_reported(client, plan):
    data = client.get("/api/v1/measures/?page_size=200").json()
    assert data["count"] == 13
    for measure in data["results"]:
        assert measure["status"] == "not_reported"
        assert measure["status_label"] == LABEL
        assert {item["status"] for item in measure["sub_items"]} <= {"not_reported"}
    assert sum(len(measure["sub_items"]) for measure in data["results"]) == 31
    detail = client.get("/api/v1/measures/1-1/?lang=de").json()
    assert detail["status_label"] == LABEL["de"]
    assert detail["sub_items"][0]["status_label"] == LABEL["de"]
    assert client.get("/api/v1/measures/?status=not_reported").json()["count"] == 13
    assert client.get("/api/v1/measures/?status=planned").json()["count"] == 0
    # A report always states a status: the reports' filter does not offer not_reported.
    assert client.get("/api/v1/progress-reports/?status=not_reported").status_code == 400
    rows = list(csv.DictReader(io.StringIO(client.get("/data/measures.csv").getvalue().decode())))
    assert {row["status"] for row in rows} == {"not_reported"} and len(rows) == 13


def test_the_openapi_description_documents_not_reported(client, plan):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    assert components["MeasureStatusEnum"]["enum"][0] == "not_reported"
    assert "not_reported" not in components["ReportedStatusEnum"]["enum"]
    for name in ("Measure", "SubItem"):
        status = components[name]["properties"]["status"]
        assert status["allOf"] == [{"$ref": "#/components/schemas/MeasureStatusEnum"}]
        assert "not_reported: no state has been reported yet" in status["description"]
    report = components["ProgressReport"]["properties"]["status"]
    assert json.dumps(report).count("ReportedStatusEnum") == 1


def test_the_check_finds_a_status_the_office_did_set(client, plan):
    """The walk above would notice a claim: here the office has set a sub-item planned."""
    SubItem.objects.filter(measure__number="1.1", position=1).update(status=Status.PLANNED)
    for url in ("/de/massnahmen/1-1/", "/en/measures/1-1/", "/api/v1/measures/1-1/"):
        body = client.get(url).content.decode()
        if url.startswith("/api/"):
            assert claims(url, body, []) and '"status":"planned"' in body.replace(" ", "")
            continue
        with pytest.raises(AssertionError):
            claims(url, body, [])
