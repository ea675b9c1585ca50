"""The office manages reports, milestones and periods; a status set by hand needs a reason."""

import pytest
from django.urls import reverse
from django.utils import translation

from measures.models import Measure, Status
from progress.models import Milestone, ProgressReport, ReportingPeriod
from tests.adminforms import admin_form_data
from tests.factories import MilestoneFactory, ProgressReportFactory, ReportingPeriodFactory

from .conftest import day

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(measure, superuser):
    ProgressReportFactory(
        measure=measure,
        reported_on=day("2024-03-01"),
        status=Status.IN_PROGRESS,
        progress=30,
        author=superuser,
    )
    MilestoneFactory(measure=measure, title_en="Concept agreed", due_on=day("2024-04-01"))
    ReportingPeriodFactory(
        title_en="First half of 2024", ends_on=day("2024-06-30"), council_document="0815/2024"
    )


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("model", [ProgressReport, Milestone, ReportingPeriod, Measure])
def test_admin_pages_answer(admin_client, rows, model, language):
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    row = model.objects.order_by("pk").first()
    with translation.override(language):
        urls = [
            reverse(f"{prefix}_changelist"),
            reverse(f"{prefix}_add"),
            reverse(f"{prefix}_change", args=[row.pk]),
        ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_report_form_has_language_tabs_and_records_its_author(admin_client, measure, superuser):
    response = admin_client.get("/en/admin/progress/progressreport/add/")
    html = response.content.decode()
    assert 'name="text_de"' in html and 'name="text_en"' in html
    data = admin_form_data(response)
    data.update(
        measure=str(measure.pk),
        reported_on="2024-05-01",
        status=Status.IN_PROGRESS,
        progress="45",
        text_de="Erste Austausche haben stattgefunden.",
        publication_state="published",
    )
    response = admin_client.post("/en/admin/progress/progressreport/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    report = ProgressReport.objects.get()
    assert report.author == superuser
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == (Status.IN_PROGRESS, 45)


class TestStatusByHand:
    def change_url(self, measure):
        return f"/en/admin/measures/measure/{measure.pk}/change/"

    def test_measure_page_offers_the_override_and_milestones(self, admin_client, measure):
        html = admin_client.get(self.change_url(measure)).content.decode()
        assert 'name="status_override"' in html
        assert 'name="status_override_reason_de"' in html
        assert 'name="status_override_reason_en"' in html
        assert 'name="milestones-TOTAL_FORMS"' in html

    def test_changing_the_status_needs_the_override(self, admin_client, measure):
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
        )
        data = admin_form_data(admin_client.get(self.change_url(measure)))
        data.update(status=Status.COMPLETED, progress="100")
        response = admin_client.post(self.change_url(measure), data)
        assert response.status_code == 200
        assert "tick “status set by hand”" in response.content.decode()
        measure.refresh_from_db()
        assert (measure.status, measure.progress) == (Status.IN_PROGRESS, 30)

    def test_the_override_needs_a_reason(self, admin_client, measure):
        data = admin_form_data(admin_client.get(self.change_url(measure)))
        data.update(status=Status.ON_HOLD, status_override="on")
        response = admin_client.post(self.change_url(measure), data)
        assert response.status_code == 200
        assert "Give the reason in German for setting the status by hand" in (
            response.content.decode()
        )
        measure.refresh_from_db()
        assert measure.status == Status.NOT_REPORTED and not measure.status_override

    def test_override_with_reason_is_kept_and_shown(self, admin_client, client, measure):
        data = admin_form_data(admin_client.get(self.change_url(measure)))
        data.update(
            status=Status.ON_HOLD,
            progress="10",
            status_override="on",
            status_override_reason_de="Partnerstadt hat die Zusammenarbeit ausgesetzt.",
            status_override_reason_en="The partner city has suspended cooperation.",
        )
        response = admin_client.post(self.change_url(measure), data)
        assert response.status_code == 302
        measure.refresh_from_db()
        assert (measure.status, measure.progress, measure.status_override) == (
            Status.ON_HOLD,
            10,
            True,
        )
        html = client.get("/en/progress/1-1/").content.decode()
        assert "The partner city has suspended cooperation." in html

    def test_ending_the_override_returns_to_the_reports(self, admin_client, measure):
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
        )
        Measure.objects.filter(pk=measure.pk).update(
            status=Status.ON_HOLD,
            progress=30,
            status_override=True,
            status_override_reason_de="Ausgesetzt.",
        )
        data = admin_form_data(admin_client.get(self.change_url(measure)))
        data.pop("status_override")
        assert admin_client.post(self.change_url(measure), data).status_code == 302
        measure.refresh_from_db()
        assert (measure.status, measure.status_override) == (Status.IN_PROGRESS, False)


def test_milestone_reached_in_the_future_is_refused(admin_client, measure):
    response = admin_client.get("/en/admin/progress/milestone/add/")
    data = admin_form_data(response)
    data.update(
        measure=str(measure.pk),
        title_de="Konzept abgestimmt",
        due_on="2024-01-01",
        reached_on="2999-01-01",
    )
    response = admin_client.post("/en/admin/progress/milestone/add/", data)
    assert response.status_code == 200
    assert "cannot be reached in the future" in response.content.decode()
    assert not Milestone.objects.exists()


def test_the_measure_admin_in_use_is_the_one_in_measures_admin_with_milestones(rf, superuser):
    from django.contrib import admin

    from measures.admin import MeasureAdmin
    from progress.admin import MilestoneInline

    used = admin.site._registry[Measure]
    assert type(used) is MeasureAdmin
    request = rf.get("/")
    request.user = superuser
    assert MilestoneInline in used.get_inlines(request, None)
    fields = used.get_fieldsets(request, None)[1][1]["fields"]
    assert fields[:3] == ["status", "progress", "status_override"]
