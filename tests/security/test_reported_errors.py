"""Addresses that once answered 500 now answer with a clear 4xx or a normal page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/de/suche/", "/en/search/"])
def test_a_nul_byte_in_the_search_is_ignored(client, plan, path):
    response = client.get(path, {"q": "Klima\x00schutz"})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


@pytest.mark.parametrize("field_name", ["areas", "measures", "city_development_goals"])
def test_autocomplete_on_a_reverse_relation_is_refused(admin_client, field_name):
    response = admin_client.get(
        "/de/admin/autocomplete/",
        {"app_label": "measures", "model_name": "goal", "field_name": field_name},
    )
    assert response.status_code == 403


def test_autocomplete_on_a_real_field_still_answers(admin_client, plan):
    response = admin_client.get(
        "/de/admin/autocomplete/",
        {"app_label": "measures", "model_name": "measure", "field_name": "area", "term": "1"},
    )
    assert response.status_code == 200
    assert response.json()["results"]


def every_model_and_field_name():
    """Yield every model of ours with every field name it has, reverse relations included."""
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.app_label not in {"core", "measures", "partners", "networks", "progress"}:
            continue
        for field in model._meta.get_fields():
            yield model._meta.app_label, model._meta.model_name, field.name


@pytest.mark.slow
def test_autocomplete_with_every_field_name_of_every_model_answers_without_a_server_error(
    admin_client, plan
):
    answers = set()
    for app_label, model_name, field_name in every_model_and_field_name():
        response = admin_client.get(
            "/de/admin/autocomplete/",
            {"app_label": app_label, "model_name": model_name, "field_name": field_name},
        )
        assert response.status_code < 500, (app_label, model_name, field_name)
        answers.add(response.status_code)
    # Real autocomplete fields answer 200, the rest a clear refusal.
    assert answers <= {200, 403, 404} and 200 in answers
