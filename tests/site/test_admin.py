"""Every page of the back office answers a superuser in German and English."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en"]


# Third-party records (sign-in attempts, OTP devices) have admin pages of their libraries' own.
OUR_APPS = {
    "auth",
    "core",
    "hannover_intl",
    "measures",
    "partners",
    "networks",
    "progress",
    "backoffice",
}


def admin_urls(user):
    """Yield the list, add and change page of every model of ours in the admin."""
    request = RequestFactory().get("/")
    request.user = user
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in OUR_APPS:
            continue
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        yield f"{prefix}_changelist", False, model
        # Logs such as the workflow steps are written by the system, never added by hand.
        if model_admin.has_add_permission(request):
            yield f"{prefix}_add", False, model
        yield f"{prefix}_change", True, model


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.slow
def test_every_admin_list_and_change_page_answers(
    admin_client, superuser, rows_of_every_model, language
):
    checked = set()
    for name, needs_object, model in admin_urls(superuser):
        args = []
        if needs_object:
            row = model._default_manager.order_by("pk").first()
            assert row is not None, f"no {model.__name__} to open: give the fixture one"
            args = [row.pk]
        with translation.override(language):
            url = reverse(name, args=args)
        assert url.startswith(f"/{language}/admin/")
        response = admin_client.get(url)
        assert response.status_code == 200, url
        checked.add(model)
    ours = {model for model in admin.site._registry if model._meta.app_label in OUR_APPS}
    assert checked == ours


def test_admin_measure_page_has_german_and_english_tabs(admin_client, plan):
    from measures.models import Measure

    measure = Measure.objects.get(number="1.2")
    response = admin_client.get(f"/de/admin/measures/measure/{measure.pk}/change/")
    html = response.content.decode()
    assert 'name="title_de"' in html and 'name="title_en"' in html
    assert measure.title_de in html and measure.title_en in html
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html
    assert 'name="sub_items-0-title_de"' in html


def test_admin_search_finds_a_measure_by_its_english_title_in_the_german_admin(admin_client, plan):
    response = admin_client.get("/de/admin/measures/measure/", {"q": "major events"})
    assert response.status_code == 200
    assert [measure.number for measure in response.context["cl"].result_list] == ["3.2"]


def test_admin_speaks_the_language_of_its_url(admin_client, plan):
    assert "Maßnahmen" in admin_client.get("/de/admin/measures/measure/").content.decode()
    assert "Measures" in admin_client.get("/en/admin/measures/measure/").content.decode()


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/de/admin/measures/measure/")
    assert response.status_code == 302
    assert "/de/admin/login/" in response["Location"]
