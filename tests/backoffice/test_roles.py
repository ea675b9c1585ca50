"""Each role can do exactly its work in the admin; every forbidden request changes nothing."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from backoffice.roles import COUNCIL_MEMBER, DEPARTMENT_EDITOR, OFFICE
from measures.models import Measure
from networks.models import EUProject, Network
from partners.models import PartnerCity, Partnership
from progress.models import ProgressReport
from tests.adminforms import admin_form_data
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

OTHER_CONTENT = [PartnerCity, Partnership, Network, EUProject]


def change_url(obj, language="de"):
    opts = obj._meta
    return f"/{language}/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"


def list_url(model, language="de"):
    return f"/{language}/admin/{model._meta.app_label}/{model._meta.model_name}/"


def test_migrate_creates_the_three_roles_and_the_command_keeps_them_as_they_are(plan):
    names = set(Group.objects.values_list("name", flat=True))
    assert {OFFICE, DEPARTMENT_EDITOR, COUNCIL_MEMBER} <= names
    before = {group.name: set(group.permissions.all()) for group in Group.objects.all()}
    call_command("setup_roles", verbosity=0)
    after = {group.name: set(group.permissions.all()) for group in Group.objects.all()}
    assert before == after
    council = Group.objects.get(name=COUNCIL_MEMBER)
    assert all(perm.codename.startswith("view_") for perm in council.permissions.all())


class TestDepartmentEditor:
    def test_sees_only_the_measures_their_unit_leads_or_contributes_to(
        self, editor_client, own_measure, contributed_measure, foreign_measure
    ):
        response = editor_client.get(list_url(Measure))
        assert response.status_code == 200
        numbers = {measure.number for measure in response.context["cl"].result_list}
        assert numbers == {own_measure.number, contributed_measure.number}

    def test_edits_the_english_title_of_their_draft_measure(self, editor_client, own_measure):
        # A published measure's edit becomes a proposal (test_attacks.TestProposals).
        Measure.objects.filter(pk=own_measure.pk).update(publication_state="draft")
        page = editor_client.get(change_url(own_measure, "en"))
        assert page.status_code == 200
        data = admin_form_data(page)
        data["title_en"] = "Internationalising the city's website"
        response = editor_client.post(change_url(own_measure, "en"), data)
        assert response.status_code == 302, response.context["errors"]
        own_measure.refresh_from_db()
        assert own_measure.title_en == "Internationalising the city's website"

    def test_gets_403_for_a_measure_of_another_unit_and_changes_nothing(
        self, editor_client, foreign_measure
    ):
        title = foreign_measure.title_de
        assert editor_client.get(change_url(foreign_measure)).status_code == 403
        response = editor_client.post(
            change_url(foreign_measure), {"title_de": "Übernommen", "number": "3.1"}
        )
        assert response.status_code == 403
        foreign_measure.refresh_from_db()
        assert foreign_measure.title_de == title
        history_url = change_url(foreign_measure).replace("change/", "history/")
        assert editor_client.get(history_url).status_code == 403

    def test_cannot_publish_their_measure(self, editor_client, own_measure):
        own_measure.publication_state = "draft"
        own_measure.save()
        page = editor_client.get(change_url(own_measure))
        data = admin_form_data(page)
        data["publication_state"] = "published"
        response = editor_client.post(change_url(own_measure), data)
        assert response.status_code == 200
        own_measure.refresh_from_db()
        assert own_measure.publication_state == "draft"
        response = editor_client.post(
            list_url(Measure), {"action": "publish", "_selected_action": [own_measure.pk]}
        )
        own_measure.refresh_from_db()
        assert own_measure.publication_state == "draft"

    def test_cannot_take_over_a_measure_by_changing_its_lead_unit(
        self, editor_client, own_measure, other_unit
    ):
        page = editor_client.get(change_url(own_measure))
        assert 'name="lead_unit"' not in page.content.decode()
        data = admin_form_data(page)
        data["lead_unit"] = other_unit.pk
        editor_client.post(change_url(own_measure), data)
        own_measure.refresh_from_db()
        assert own_measure.lead_unit != other_unit

    def test_adds_a_progress_report_for_their_measure_but_not_for_others(
        self, editor_client, editor, own_measure, foreign_measure
    ):
        add_url = "/de/admin/progress/progressreport/add/"
        form = {
            "reported_on": "2026-10-01",
            "status": "in_progress",
            "progress": "40",
            "text_de": "Die Website ist zur Hälfte übersetzt.",
            "text_en": "Half of the website is translated.",
            "publication_state": "review",
        }
        response = editor_client.post(add_url, {**form, "measure": foreign_measure.pk})
        assert response.status_code == 200
        assert not ProgressReport.objects.filter(measure=foreign_measure).exists()
        response = editor_client.post(add_url, {**form, "measure": own_measure.pk})
        assert response.status_code == 302
        report = ProgressReport.objects.get(measure=own_measure)
        assert report.publication_state == "review"
        assert report.author == editor

    def test_cannot_open_or_change_cities_partnerships_networks_or_projects(
        self, editor_client
    ):
        for model in OTHER_CONTENT:
            obj = model.objects.order_by("pk").first()
            assert editor_client.get(list_url(model)).status_code == 403, model
            assert editor_client.get(change_url(obj)).status_code == 403, model
            before = model.objects.filter(pk=obj.pk).values().get()
            response = editor_client.post(change_url(obj), {"publication_state": "archived"})
            assert response.status_code == 403, model
            assert model.objects.filter(pk=obj.pk).values().get() == before

    def test_cannot_add_a_measure(self, editor_client):
        count = Measure.objects.count()
        assert editor_client.get("/de/admin/measures/measure/add/").status_code == 403
        editor_client.post("/de/admin/measures/measure/add/", {"number": "9.9"})
        assert Measure.objects.count() == count

    def test_an_editor_without_a_unit_sees_no_measure(self, client, plan):
        client.force_login(StaffUserFactory(role=DEPARTMENT_EDITOR))
        response = client.get(list_url(Measure))
        assert list(response.context["cl"].result_list) == []


class TestCouncilMember:
    def test_reads_drafts_in_the_back_office_in_both_languages(
        self, council_client, own_measure
    ):
        own_measure.publication_state = "draft"
        own_measure.save()
        for language in ("de", "en"):
            response = council_client.get(list_url(Measure, language))
            assert response.status_code == 200
            assert own_measure in response.context["cl"].result_list
            page = council_client.get(change_url(own_measure, language))
            assert page.status_code == 200
            assert own_measure.title_de in page.content.decode()
            assert 'name="_save"' not in page.content.decode()
        assert council_client.get(list_url(ProgressReport)).status_code == 200

    def test_changes_nothing(self, council_client, own_measure):
        title = own_measure.title_de
        response = council_client.post(
            change_url(own_measure), {"title_de": "Geändert", "number": "1.1"}
        )
        assert response.status_code == 403
        own_measure.refresh_from_db()
        assert own_measure.title_de == title
        city = PartnerCity.objects.order_by("pk").first()
        assert council_client.post(change_url(city), {"name_de": "X"}).status_code == 403
        assert council_client.get("/de/admin/measures/measure/add/").status_code == 403
        response = council_client.post(
            list_url(Measure), {"action": "archive", "_selected_action": [own_measure.pk]}
        )
        own_measure.refresh_from_db()
        assert own_measure.publication_state == "published"


class TestOffice:
    @pytest.mark.slow
    def test_edits_and_publishes_cities_networks_and_projects(self, office_client, plan):
        for model in OTHER_CONTENT:
            obj = model.objects.order_by("pk").first()
            assert office_client.get(list_url(model)).status_code == 200, model
            assert office_client.get(change_url(obj)).status_code == 200, model

    def test_nobody_deletes_content_it_is_archived_instead(
        self, office_client, admin_client, plan
    ):
        for client in (office_client, admin_client):
            for model in [Measure, *OTHER_CONTENT]:
                obj = model.objects.order_by("pk").first()
                delete_url = change_url(obj).replace("change/", "delete/")
                assert client.post(delete_url, {"post": "yes"}).status_code == 403, model
                assert model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.slow
def test_council_member_reads_every_kind_of_content_and_may_add_none(
    council_client, rows_of_every_model, language
):
    from django.contrib import admin

    from backoffice.roles import CONTENT_MODELS

    registered = {model._meta.label_lower: model for model in admin.site._registry}
    for app_label, model_name in CONTENT_MODELS:
        model = registered.get(f"{app_label}.{model_name}")
        if model is None:
            continue  # edited inline on its parent's page
        base = f"/{language}/admin/{app_label}/{model_name}/"
        assert council_client.get(base).status_code == 200, base
        assert council_client.get(f"{base}add/").status_code == 403, base
        obj = model._default_manager.order_by("pk").first()
        assert obj is not None, f"no {model_name} to open: give the fixture one"
        assert council_client.get(f"{base}{obj.pk}/change/").status_code == 200, base
