"""A measure without a published report and without a status set by hand has no state reported.

A published report gives it a status; withdrawing the report returns it to "no progress reported
yet", on the pages and in the API. Neither a report nor a status set by hand can state "not
reported": that is only the absence of a state.
"""

import pytest
from django.core.exceptions import ValidationError

from core.content import PublicationState
from measures.models import Status
from measures.status import measure_clear_override, measure_override_status
from progress.models import ProgressReport
from progress.services import progress_report_save
from tests.adminforms import admin_form_data
from tests.factories import ProgressReportFactory, ReportingPeriodFactory
from tests.markup import parse

from .conftest import day

pytestmark = pytest.mark.django_db


def shown_status(client, url: str) -> tuple[str, set[str]]:
    """Return the text and classes of the measure's status badge on its page."""
    badge = parse(client.get(url).content.decode()).one("section.measure-state .status")
    return badge.text, badge.classes


def api_status(client, measure) -> tuple[str, str]:
    data = client.get(f"/api/v1/measures/{measure.slug}/?lang=en").json()
    return data["status"], data["status_label"]


def test_a_published_report_sets_the_status_and_withdrawing_it_returns_to_not_reported(
    client, measure
):
    assert shown_status(client, "/en/measures/1-1/")[0] == "no progress reported yet"
    report = ProgressReportFactory(
        measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
    )
    text, classes = shown_status(client, "/de/massnahmen/1-1/")
    assert text == "in Umsetzung" and "status--not_reported" not in classes
    assert api_status(client, measure) == ("in_progress", "in progress")

    report.publication_state = PublicationState.DRAFT
    progress_report_save(report=report)
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == (Status.NOT_REPORTED, 0)
    text, classes = shown_status(client, "/de/massnahmen/1-1/")
    assert text == "noch kein Sachstand berichtet" and "status--not_reported" in classes
    assert api_status(client, measure) == ("not_reported", "no progress reported yet")
    overview = client.get("/en/progress/?status=not_reported").content.decode()
    assert "/en/progress/1-1/" in overview


def test_a_report_cannot_state_not_reported(admin_client, measure):
    with pytest.raises(ValidationError):
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-03-01"), status=Status.NOT_REPORTED, progress=0
        )
    assert not ProgressReport.objects.exists()
    html = admin_client.get("/en/admin/progress/progressreport/add/").content.decode()
    options = parse(html).select('select[name="status"] option')
    assert "not_reported" not in {option.attrs.get("value") for option in options}
    assert "planned" in {option.attrs.get("value") for option in options}


def test_a_status_set_by_hand_is_a_real_status_and_clearing_it_returns_to_not_reported(
    measure,
):
    with pytest.raises(ValidationError):
        measure_override_status(
            measure=measure, status=Status.NOT_REPORTED, progress=0, reason_de="Grund"
        )
    measure_override_status(
        measure=measure, status=Status.PLANNED, progress=0, reason_de="Vom Büro beschlossen."
    )
    measure.refresh_from_db()
    assert measure.status == Status.PLANNED and measure.status_override
    measure_clear_override(measure=measure)
    measure.refresh_from_db()
    assert (measure.status, measure.status_override) == (Status.NOT_REPORTED, False)


def test_the_admin_refuses_a_status_by_hand_without_a_status(admin_client, measure):
    url = f"/en/admin/measures/measure/{measure.pk}/change/"
    data = admin_form_data(admin_client.get(url))
    data.update(status_override="on", status_override_reason_de="Ein Grund.")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Choose the status to set by hand." in response.content.decode()
    measure.refresh_from_db()
    assert measure.status == Status.NOT_REPORTED and not measure.status_override


def test_the_council_report_shows_the_first_report_as_a_change_from_not_reported(
    client, measure
):
    ReportingPeriodFactory(title_en="First", ends_on=day("2024-01-31"))
    second = ReportingPeriodFactory(title_en="Second", ends_on=day("2024-06-30"))
    ProgressReportFactory(
        measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
    )
    page = parse(client.get(f"/en/progress/reports/{second.pk}/").content.decode())
    change = page.one('section[aria-labelledby="changes-heading"] tbody tr')
    cells = [cell.text for cell in change.select("td")]
    # No figure was reported before, so there is no change in percentage points to give.
    assert cells[2:] == ["no progress reported yet → in progress", "not reported → 30 %", ""]
    assert "no progress had been reported for 12 of the 13 measures." in page.text
