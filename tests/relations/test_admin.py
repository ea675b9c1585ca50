"""Activities in the back office: the office records everything, a department its measures.

Attacks over HTTP as in tests/backoffice/test_attacks.py: a crafted POST is refused with 403
(or the form's message) and the row stays as it was.
"""

import pytest

from core.content import PublicationState
from relations.models import Activity, ActivityKind
from tests.adminforms import admin_form_data
from tests.backoffice.test_roles import change_url, list_url
from tests.factories import ActivityFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT
PUBLISHED = PublicationState.PUBLISHED


def add_data(**values) -> dict:
    data = {
        "kind": ActivityKind.DELEGATION_INCOMING,
        "title_de": "Besuch aus Rouen",
        "title_en": "Visit from Rouen",
        "starts_on": "2025-05-12",
        "publication_state": DRAFT,
    }
    data.update(values)
    return data


@pytest.fixture
def own_activity(own_measure):
    activity = ActivityFactory(publication_state=DRAFT, title_de="Eigene Aktivität")
    activity.measures.add(own_measure)
    return activity


@pytest.fixture
def foreign_activity(foreign_measure):
    activity = ActivityFactory(publication_state=DRAFT, title_de="Fremde Aktivität")
    activity.measures.add(foreign_measure)
    return activity


def test_the_office_records_an_activity_in_both_languages(office_client):
    city = PartnerCityFactory()
    response = office_client.post(list_url(Activity) + "add/", add_data(partner_cities=[city.pk]))
    assert response.status_code == 302
    activity = Activity.objects.get(title_de="Besuch aus Rouen")
    assert activity.title_en == "Visit from Rouen"
    assert list(activity.partner_cities.all()) == [city]
    assert activity.history.count() == 1


def test_a_department_editor_records_an_activity_for_their_measure(editor_client, own_measure):
    response = editor_client.post(list_url(Activity) + "add/", add_data(measures=[own_measure.pk]))
    assert response.status_code == 302
    assert Activity.objects.get(title_de="Besuch aus Rouen").publication_state == DRAFT


def test_a_department_editor_cannot_record_one_for_a_colleagues_measure(
    editor_client, foreign_measure
):
    response = editor_client.post(
        list_url(Activity) + "add/", add_data(measures=[foreign_measure.pk])
    )
    assert response.status_code == 200
    assert not Activity.objects.filter(title_de="Besuch aus Rouen").exists()


def test_a_department_editor_cannot_record_one_without_a_measure(editor_client, own_measure):
    response = editor_client.post(list_url(Activity) + "add/", add_data())
    assert response.status_code == 200
    assert "Besuch aus Rouen" not in Activity.objects.values_list("title_de", flat=True)


def test_a_colleagues_activity_is_forbidden_and_stays_as_it_was(editor_client, foreign_activity):
    assert editor_client.get(change_url(foreign_activity)).status_code == 403
    response = editor_client.post(
        change_url(foreign_activity), add_data(title_de="Übernommen", measures=[])
    )
    assert response.status_code == 403
    foreign_activity.refresh_from_db()
    assert foreign_activity.title_de == "Fremde Aktivität"


def test_a_department_editor_cannot_publish_or_mark_internal(editor_client, own_activity):
    data = admin_form_data(editor_client.get(change_url(own_activity)))
    data["publication_state"] = PUBLISHED
    data["is_internal"] = "on"
    editor_client.post(change_url(own_activity), data)
    own_activity.refresh_from_db()
    assert own_activity.publication_state == DRAFT
    assert own_activity.is_internal is False


def test_an_editors_save_keeps_the_measures_of_other_units(
    editor_client, own_activity, foreign_measure
):
    own_activity.measures.add(foreign_measure)
    data = admin_form_data(editor_client.get(change_url(own_activity)))
    data["title_de"] = "Geändert"
    # The browser offers, and so sends, only the editor's own measures.
    data["measures"] = [str(own_activity.measures.get(number="1.1").pk)]
    response = editor_client.post(change_url(own_activity), data)
    assert response.status_code == 302
    own_activity.refresh_from_db()
    assert own_activity.title_de == "Geändert"
    assert foreign_measure in own_activity.measures.all()


def test_an_activity_is_archived_not_deleted(office_client):
    activity = ActivityFactory()
    delete = change_url(activity).replace("change/", "delete/")
    assert office_client.post(delete, {"post": "yes"}).status_code == 403
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_a_malformed_council_number_is_refused_with_a_message(office_client):
    response = office_client.post(
        list_url(Activity) + "add/",
        add_data(kind=ActivityKind.COUNCIL_DECISION, council_document="17/36-2018"),
    )
    assert response.status_code == 200
    assert "1736/2018" in response.content.decode()
    assert not Activity.objects.filter(title_de="Besuch aus Rouen").exists()


def test_a_public_event_needs_a_venue(office_client):
    response = office_client.post(list_url(Activity) + "add/", add_data(open_to_public="on"))
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_the_city_page_in_the_admin_lists_its_activities(office_client):
    city = PartnerCityFactory()
    activity = ActivityFactory()
    activity.partner_cities.add(city)
    page = office_client.get(change_url(city))
    assert page.status_code == 200
    assert str(activity) in page.content.decode()


def test_the_office_sees_the_quiet_relationships(office_client, editor_client, own_measure):
    PartnerCityFactory(name_de="Stille Stadt", name_en="Quiet City")
    assert "Stille Stadt" in office_client.get(list_url(Activity)).content.decode()
    assert "Stille Stadt" not in editor_client.get(list_url(Activity)).content.decode()


def test_an_editors_change_to_a_published_activity_is_a_proposal(editor_client, own_activity):
    from core.models import ChangeProposal

    Activity.objects.filter(pk=own_activity.pk).update(publication_state=PUBLISHED)
    data = admin_form_data(editor_client.get(change_url(own_activity)))
    data["title_de"] = "Vorgeschlagen"
    response = editor_client.post(change_url(own_activity), data)
    assert response.status_code == 302
    own_activity.refresh_from_db()
    assert own_activity.title_de == "Eigene Aktivität"
    assert ChangeProposal.objects.filter(object_id=own_activity.pk).exists()
