"""Draft → in review → published (→ archived): who may make each step, and what the public sees."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from core.models import WorkflowEvent
from core.workflow import allowed_states, content_transition
from networks.models import Network
from tests.adminforms import admin_form_data

from .test_roles import change_url, list_url

pytestmark = pytest.mark.django_db


def test_allowed_steps_per_role(office_user, editor, council):
    assert allowed_states(editor, "draft") == ["review"]
    assert allowed_states(editor, "review") == []
    assert allowed_states(editor, "published") == []
    assert allowed_states(council, "draft") == []
    assert allowed_states(office_user, "review") == ["draft", "published", "archived"]
    assert allowed_states(office_user, "archived") == ["draft"]


@pytest.mark.slow
def test_editor_submits_office_sends_back_with_a_comment_then_publishes(
    client, editor, office_user, own_measure
):
    own_measure.publication_state = "draft"
    own_measure.save()
    public_url = own_measure.get_absolute_url()
    assert client.get(public_url).status_code == 404

    client.force_login(editor)
    data = admin_form_data(client.get(change_url(own_measure)))
    data["publication_state"] = "review"
    assert client.post(change_url(own_measure), data).status_code == 302
    own_measure.refresh_from_db()
    assert own_measure.publication_state == "review"

    client.force_login(office_user)
    data = admin_form_data(client.get(change_url(own_measure, "en")))
    data["publication_state"] = "draft"
    response = client.post(change_url(own_measure, "en"), data)
    assert response.status_code == 200
    assert "Say in a comment what needs to change" in response.content.decode()
    own_measure.refresh_from_db()
    assert own_measure.publication_state == "review"

    data["workflow_comment"] = "Bitte die englische Zusammenfassung ergänzen."
    assert client.post(change_url(own_measure, "en"), data).status_code == 302
    own_measure.refresh_from_db()
    assert own_measure.publication_state == "draft"

    content_transition(obj=own_measure, target="published", user=office_user)
    client.logout()
    assert client.get(public_url).status_code == 200

    steps = list(
        WorkflowEvent.objects.filter(object_id=own_measure.pk)
        .order_by("pk")
        .values_list("from_state", "to_state", "user__username", "comment")
    )
    assert steps == [
        ("draft", "review", "department-editor", ""),
        ("review", "draft", "office-editor", "Bitte die englische Zusammenfassung ergänzen."),
        ("draft", "published", "office-editor", ""),
    ]
    client.force_login(office_user)
    page = client.get(change_url(own_measure)).content.decode()
    assert "Bitte die englische Zusammenfassung ergänzen." in page


def test_department_editor_cannot_make_an_office_step_through_the_service(editor, own_measure):
    with pytest.raises(PermissionDenied):
        content_transition(obj=own_measure, target="archived", user=editor)
    own_measure.refresh_from_db()
    assert own_measure.publication_state == "published"


def test_sending_back_without_a_comment_is_refused(office_user, own_measure):
    own_measure.publication_state = "review"
    own_measure.save()
    with pytest.raises(ValidationError):
        content_transition(obj=own_measure, target="draft", user=office_user)


def test_office_archives_a_network_with_the_list_action_and_it_leaves_the_site(
    client, office_client, plan
):
    network = Network.objects.public().order_by("pk").first()
    url = network.get_absolute_url()
    response = office_client.post(
        list_url(Network), {"action": "archive", "_selected_action": [network.pk]}, follow=True
    )
    assert "1 nach „Archiviert“ verschoben." in response.content.decode()
    network.refresh_from_db()
    assert network.publication_state == "archived"
    client.logout()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("language", ["de", "en"])
def test_staff_preview_an_unpublished_page_the_public_cannot_see(
    client, council, own_measure, language
):
    own_measure.publication_state = "review"
    own_measure.save()
    with translation.override(language):
        url = own_measure.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(council)
    page = client.get(url)
    assert page.status_code == 200
    banner = {"de": "diese Seite ist nicht veröffentlicht", "en": "this page is not published"}
    assert banner[language] in page.content.decode()
