"""Production sends strict security headers on public and admin pages alike."""

import os
import re
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from hannover_intl.checks import legal_fact_id
from hannover_intl.models import LEGAL_FACTS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
HEADER_SETTINGS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
]


def production_environment() -> dict[str, str]:
    """Return the environment with a production-grade secret key and nothing that weakens it."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("SECURE_")}
    # A public address for the links in mail: its absence is a deploy warning of its own.
    return env | {
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_SETTINGS_MODULE": "",
        "SITE_URL": "https://international.hannover.de",
    }


@pytest.fixture
def production_headers(monkeypatch):
    """Apply the production settings that shape the response headers."""
    for key, value in production_environment().items():
        monkeypatch.setenv(key, value)
    production = runpy.run_module("hannover_intl.settings.production")
    with override_settings(**{name: production[name] for name in HEADER_SETTINGS}):
        yield


def assert_strict_headers(response):
    """Assert that the response carries every security header with a strict value."""
    csp = response.headers["Content-Security-Policy"]
    directives = dict(
        [*item.strip().split(" ", 1), ""][:2] for item in csp.split(";") if item.strip()
    )
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    hsts = response.headers["Strict-Transport-Security"]
    assert int(hsts.split(";")[0].removeprefix("max-age=")) >= 365 * 24 * 60 * 60
    assert "includeSubDomains" in hsts
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


@pytest.mark.parametrize("url", ["/de/", "/en/measures/1-1/", "/en/admin/login/"])
def test_public_and_admin_pages_send_every_security_header(client, plan, production_headers, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200
    assert_strict_headers(response)


def test_signed_in_admin_pages_send_every_security_header(admin_client, production_headers):
    response = admin_client.get("/de/admin/measures/measure/", secure=True)
    assert response.status_code == 200
    assert_strict_headers(response)


def test_production_redirects_plain_http_to_https(client, production_headers):
    response = client.get("/de/")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/de/"


def test_development_shows_the_content_security_policy_too(client, plan):
    response = client.get("/en/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in response.headers


@override_settings(MAP_TILE_URL="https://{s}.tile.example.org/{z}/{x}/{y}.png")
def test_a_configured_tile_server_may_serve_map_images(client, plan):
    csp = client.get("/en/twin-and-cooperation-cities/").headers["Content-Security-Policy"]
    assert "img-src 'self' data: https://*.tile.example.org" in csp


@pytest.mark.slow
def test_check_deploy_with_production_settings_reports_only_the_missing_legal_facts(tmp_path):
    # An empty database: the only issues are the legal facts the office has yet to fill in
    # (tests/site/test_legal_pages.py checks that nothing is reported once they are filled).
    env = production_environment() | {"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--fail-level",
            "DEBUG",
            "--settings=hannover_intl.settings.production",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    reported = set(re.findall(r"\(([a-z_]+\.[A-Z]\d{3})\)", output))
    assert reported == {legal_fact_id(position) for position in range(len(LEGAL_FACTS))}, output
    assert result.returncode == 1


def test_the_policy_is_the_same_string_byte_for_byte(client):
    expected = (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    )
    for path in ("/de/", "/en/measures/", "/api/v1/goals/", "/static/css/portal.css"):
        assert client.get(path).headers["Content-Security-Policy"] == expected
