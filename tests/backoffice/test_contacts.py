"""Contact persons: the office names them, everyone sees them, nobody else can change them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from measures.models import Measure, MeasureContact
from monitoring.models import MailPreference
from networks.models import EUProject, Network
from partners.models import Partnership
from tests.adminforms import admin_form_data
from tests.factories import DepartmentEditorFactory, MailPreferenceFactory, MeasureContactFactory


def change_url(measure, language="de"):
    with translation.override(language):
        return reverse("admin:measures_measure_change", args=[measure.pk])


def with_contact(data: dict, user) -> dict:
    """Return the measure form's data with `user` named as the primary contact person."""
    return {
        **data,
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-0-user": str(user.pk),
        "contacts-0-is_primary": "on",
    }


def test_the_office_names_the_primary_contact_person_in_the_measure_form(
    office_client, own_measure, editor
):
    data = admin_form_data(office_client.get(change_url(own_measure)))

    response = office_client.post(change_url(own_measure), with_contact(data, editor))

    assert response.status_code == 302
    contact = MeasureContact.objects.get(measure=own_measure)
    assert (contact.user, contact.is_primary) == (editor, True)


def test_a_second_primary_contact_is_refused_with_a_message(office_client, own_measure, editor):
    MeasureContactFactory(measure=own_measure, is_primary=True)
    data = admin_form_data(office_client.get(change_url(own_measure, "en")))
    data = {
        **data,
        "contacts-TOTAL_FORMS": "2",
        "contacts-1-user": str(editor.pk),
        "contacts-1-is_primary": "on",
    }

    response = office_client.post(change_url(own_measure, "en"), data)

    assert response.status_code == 200
    assert "A measure has one primary contact person." in response.text
    assert MeasureContact.objects.filter(measure=own_measure).count() == 1


def test_an_editor_cannot_name_contacts_for_another_units_measure(
    editor_client, office_client, foreign_measure, editor
):
    data = admin_form_data(office_client.get(change_url(foreign_measure)))

    response = editor_client.post(change_url(foreign_measure), with_contact(data, editor))

    assert response.status_code == 403
    assert not MeasureContact.objects.filter(measure=foreign_measure).exists()


def test_an_editor_reads_the_contacts_of_their_own_measure_but_cannot_change_them(
    editor_client, office_client, own_measure, editor
):
    named = MeasureContactFactory(measure=own_measure, is_primary=True)
    page = editor_client.get(change_url(own_measure))
    assert named.user.username in page.text
    data = admin_form_data(office_client.get(change_url(own_measure)))
    data["contacts-0-DELETE"] = "on"

    editor_client.post(change_url(own_measure), with_contact(data, editor))

    assert list(MeasureContact.objects.filter(measure=own_measure)) == [named]


def measure_list(client, **query):
    with translation.override("de"):
        return client.get(reverse("admin:measures_measure_changelist"), query)


def test_the_measure_list_shows_who_is_responsible_and_filters_what_has_nobody(
    office_client, own_measure
):
    MeasureContactFactory(measure=own_measure, user__first_name="Dora", user__last_name="Decker")

    listed = measure_list(office_client)
    assert "Dora Decker" in listed.text
    assert "ohne Ansprechperson" in listed.text

    without = measure_list(office_client, contact="none").context["cl"].result_list
    assert own_measure not in without
    assert len(without) == Measure.objects.count() - 1
    assert list(measure_list(office_client, contact="some").context["cl"].result_list) == [
        own_measure
    ]


@pytest.mark.parametrize("model", [Partnership, Network, EUProject])
def test_partnerships_networks_and_projects_show_and_filter_their_contacts(
    office_client, office_user, model
):
    row = model.objects.order_by("pk").first()
    person = DepartmentEditorFactory(first_name="Paula", last_name="Partner")
    row.contact_persons.add(person)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    assert "Paula Partner" in office_client.get(url).text
    without = office_client.get(url, {"contact": "none"}).context["cl"].result_list
    assert row not in without
    assert len(without) == model.objects.count() - 1


def test_the_measure_list_reads_contacts_in_the_same_number_of_queries_however_many(
    office_client, own_measure
):
    MeasureContactFactory(measure=own_measure)
    with CaptureQueriesContext(connection) as one:
        measure_list(office_client)
    for measure in Measure.objects.all():
        MeasureContactFactory(measure=measure)
        MeasureContactFactory(measure=measure)
    with CaptureQueriesContext(connection) as many:
        measure_list(office_client)

    assert len(many) == len(one)


def test_each_person_sets_their_own_mail_language_and_cannot_open_anothers(
    editor_client, editor
):
    colleague = MailPreferenceFactory(language="de")
    mine = reverse("admin:mail_settings_mine")

    response = editor_client.get(mine)
    own = MailPreference.objects.get(user=editor)
    assert response.url == reverse("admin:monitoring_mailpreference_change", args=[own.pk])
    form = editor_client.get(response.url)
    # What the office requires cannot be switched off: it is not in the form.
    assert set(form.context["adminform"].form.fields) == {
        "language",
        "update_due_soon",
        "milestone_due_soon",
    }
    editor_client.post(response.url, {"language": "en", "update_due_soon": "on"})
    own.refresh_from_db()
    assert (own.language, own.update_due_soon, own.milestone_due_soon) == ("en", True, False)

    other = reverse("admin:monitoring_mailpreference_change", args=[colleague.pk])
    assert editor_client.get(other).status_code in (302, 403, 404)
    assert editor_client.post(other, {"language": "en"}).status_code in (302, 403, 404)
    colleague.refresh_from_db()
    assert colleague.language == "de"


def test_the_accounts_page_sets_a_persons_mail_language(admin_client, editor):
    with translation.override("de"):
        page = admin_client.get(reverse("admin:auth_user_change", args=[editor.pk]))

    assert page.status_code == 200
    assert "Sprache der E-Mails" in page.text


def test_the_history_keeps_who_was_named_and_who_removed_them(office_client, own_measure, editor):
    data = admin_form_data(office_client.get(change_url(own_measure)))
    office_client.post(change_url(own_measure), with_contact(data, editor))
    contact = MeasureContact.objects.get(measure=own_measure)
    data = admin_form_data(office_client.get(change_url(own_measure)))
    data["contacts-0-DELETE"] = "on"
    office_client.post(change_url(own_measure), data)

    assert not MeasureContact.objects.filter(measure=own_measure).exists()
    steps = contact.history.model.objects.filter(id=contact.pk).order_by("history_date")
    assert [step.history_type for step in steps] == ["+", "-"]
    assert {step.history_user.username for step in steps} == {"office-editor"}
