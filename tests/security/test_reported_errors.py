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
