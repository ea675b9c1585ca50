"""Errors get friendly pages in the site's design and the visitor's language."""

import pytest
from django.test import Client, override_settings
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.django_db

TEXTS = {
    400: {"de": "Fehlerhafte Anfrage", "en": "Bad request"},
    403: {"de": "Zugriff verweigert", "en": "Access denied"},
    404: {"de": "Seite nicht gefunden", "en": "Page not found"},
    500: {"de": "Es ist ein Fehler aufgetreten", "en": "Something went wrong"},
}
HOME = {"de": "Zur Startseite", "en": "Go to the home page"}


def assert_friendly(response, status: int, language: str):
    """Assert the response is the site's own error page, in `language`."""
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'<h1 class="kern-heading-x-large">{TEXTS[status][language]}</h1>' in html
    assert "site-header" in html
    assert f'href="/{language}/"' in html
    assert HOME[language] in html
    assert "Traceback" not in html


@pytest.mark.parametrize(
    ("url", "language"),
    [("/de/gibt-es-nicht/", "de"), ("/en/does-not-exist/", "en"), ("/en/measures/9-9/", "en")],
)
def test_unknown_page_gets_a_friendly_404_in_the_urls_language(client, plan, url, language):
    response = client.get(url)
    assert_friendly(response, 404, language)
    # The page keeps the site's navigation and search, so the visitor can go on.
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize(
    ("url", "other", "home"), [("/de/gibt-es-nicht/", "en", "/en/"), ("/en/nowhere/", "de", "/de/")]
)
def test_language_switch_on_a_404_leads_to_the_other_languages_home(client, url, other, home):
    html = client.get(url).content.decode()
    assert f'href="{home}" hreflang="{other}"' in html


@pytest.mark.parametrize(("accept", "language"), [("en-GB,en;q=0.9", "en"), ("de-DE", "de")])
def test_404_outside_a_language_prefix_follows_the_browsers_language(client, accept, language):
    response = client.get("/nowhere/", HTTP_ACCEPT_LANGUAGE=accept)
    assert_friendly(response, 404, language)


@override_settings(ROOT_URLCONF="tests.security.urls")
@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    ("path", "status"), [("broken/", 500), ("forbidden/", 403), ("suspicious/", 400)]
)
def test_failing_views_get_friendly_pages_in_the_urls_language(plan, language, path, status):
    client = Client(raise_request_exception=False)
    assert_friendly(client.get(f"/{language}/{path}"), status, language)


@pytest.mark.parametrize("language", ["de", "en"])
def test_an_untrusted_host_gets_a_friendly_400(client, language):
    response = client.get(f"/{language}/", HTTP_HOST="evil.example.org")
    assert_friendly(response, 400, language)


@pytest.mark.parametrize("language", ["de", "en"])
def test_too_many_parameters_get_a_friendly_400(client, plan, language):
    search = {"de": "/de/suche/", "en": "/en/search/"}[language]
    query = "&".join(f"p{number}=1" for number in range(1100))
    assert_friendly(client.get(f"{search}?{query}"), 400, language)


@pytest.mark.parametrize("language", ["de", "en"])
def test_500_page_renders_without_the_database(rf, django_assert_num_queries, language):
    with translation.override(language), django_assert_num_queries(0):
        response = defaults.server_error(rf.get(f"/{language}/"))
    assert_friendly(response, 500, language)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "Ihr Formular konnte nicht gesendet werden"),
        ("en", "Your form could not be sent"),
    ],
)
def test_form_without_csrf_token_gets_a_friendly_explanation(plan, language, expected):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert expected in html
    assert "site-header" in html
    # No cookie was sent at all, so the page asks for cookies to be allowed.
    assert {"de": "Cookies", "en": "cookies"}[language] in html
    assert "CSRF" not in html
