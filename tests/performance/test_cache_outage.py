"""No Redis, no outage: pages, API, downloads and edits work on without the cache (issue 13, 6)."""

import logging

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.utils import translation

import core.cache_outage
import hannover_intl.cache
from core.cache_outage import outage
from core.import_storage import (
    ImportFileUnavailable,
    ImportOutageMixin,
    SharedCacheStorage,
)
from hannover_intl.cache import HEADER
from measures.models import Measure
from progress.models import ProgressReport
from tests.adminforms import admin_form_data

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused, as with a Redis that is down.
CLOSED_PORT = "redis://127.0.0.1:1/0"
PUBLIC_URLS = [
    "/de/",
    "/en/",
    "/en/measures/",
    "/en/measures/1-1/",
    "/de/massnahmen/1-1/",
    "/api/v1/measures/",
    "/api/v1/measures/{slug}/",
    "/api/v1/goals/",
    "/data/measures.csv",
    "/sitemap.xml",
]
IMPORT_URL = "/de/admin/progress/progressreport/import/"
ROWS = (
    "id,measure,reported_on,status,progress,text_de,text_en,publication_state\n"
    ",1.1,2026-09-30,in_progress,30,Erste Seiten übersetzt.,First pages translated.,draft\n"
)


@pytest.fixture
def cache_down(settings):
    """Point the cache at a closed port, with the page cache and the API's limit switched on."""
    settings.CACHES = {
        "default": {
            # The backend the settings choose for REDIS_URL, with their timeouts.
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": CLOSED_PORT,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    settings.API_THROTTLE_ANON = "3/minute"
    yield
    outage.reset()


@pytest.fixture
def retried_every_time(monkeypatch):
    """Ask the cache again at every request, so that every request meets the outage."""
    monkeypatch.setattr(core.cache_outage, "RETRY_AFTER", 0)


def outage_warnings(caplog) -> list[logging.LogRecord]:
    return [
        record
        for record in caplog.records
        if record.name == "core.cache_outage" and record.levelno == logging.WARNING
    ]


def public_urls(plan) -> list[str]:
    slug = plan.get(number="1.1").slug
    return [url.format(slug=slug) for url in PUBLIC_URLS]


def test_pages_api_and_downloads_answer_while_the_cache_is_down(
    cache_down, retried_every_time, plan, caplog
):
    visitor = Client()
    for url in public_urls(plan) * 2:
        response = visitor.get(url)
        assert response.status_code == 200, url
        assert HEADER not in response, url
    # More than the API's limit allows: without a cache to count in, nothing is counted.
    assert [visitor.get("/api/v1/goals/").status_code for _ in range(5)] == [200] * 5
    [warning] = outage_warnings(caplog)
    assert "unreachable" in warning.getMessage()


def test_a_cache_that_failed_is_left_alone_for_a_while(cache_down, plan, monkeypatch):
    visitor = Client()
    assert visitor.get("/en/measures/").status_code == 200
    assert outage.is_down()
    # Not asked again while it is down: a Redis that times out would slow every request.
    monkeypatch.setattr(hannover_intl.cache, "lookup", pytest.fail)
    assert visitor.get("/en/measures/").status_code == 200


def test_the_warning_comes_at_most_once_a_minute(monkeypatch, caplog):
    clock = [1000.0]
    monkeypatch.setattr(core.cache_outage.time, "monotonic", lambda: clock[0])
    outage.reset()
    for _ in range(50):
        outage.failed("the page cache", ConnectionError("refused"))
        clock[0] += 1
    assert len(outage_warnings(caplog)) == 1
    clock[0] += 60
    outage.failed("the page cache", ConnectionError("refused"))
    assert len(outage_warnings(caplog)) == 2
    outage.reset()


def test_a_staff_edit_is_saved_while_the_cache_is_down(
    cache_down, retried_every_time, admin_client, plan, caplog
):
    measure = plan.get(number="1.1")
    change_url = f"/en/admin/measures/measure/{measure.pk}/change/"
    data = admin_form_data(admin_client.get(change_url))
    data.update(title_en="Edited while the cache was down")
    assert admin_client.post(change_url, data).status_code == 302
    assert Measure.objects.get(pk=measure.pk).title_en == "Edited while the cache was down"
    assert "Edited while the cache was down" in Client().get("/en/measures/1-1/").content.decode()
    assert len(outage_warnings(caplog)) == 1


def test_an_edit_the_cache_missed_drops_the_old_pages_once_it_is_back(plan, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    visitor = Client()
    visitor.get("/en/measures/1-1/")
    assert visitor.get("/en/measures/1-1/")[HEADER] == "hit"

    class Unreachable:
        def set(self, *args, **kwargs):
            raise ConnectionError("refused")

    # The cache is cut off while the edit is saved, then answers again with the old pages.
    with monkeypatch.context() as patch:
        patch.setattr(hannover_intl.cache, "cache", Unreachable())
        Measure.objects.filter(number="1.1").update(title_en="Edited while cut off")
        hannover_intl.cache.bump_content_version()
    outage.reset()
    response = visitor.get("/en/measures/1-1/")
    assert response[HEADER] == "miss"
    assert "Edited while cut off" in response.content.decode()


def import_request(user):
    request = RequestFactory().post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("berichte.csv", ROWS.encode()),
        },
    )
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_an_import_says_it_cannot_run_now_instead_of_failing(cache_down, superuser, plan):
    model_admin = admin.site._registry[ProgressReport]
    assert isinstance(model_admin, ImportOutageMixin)
    request = import_request(superuser)
    with translation.override("de"):
        response = model_admin.import_action(request)
        [message] = get_messages(request)
        assert "Importe sind im Moment nicht möglich" in str(message)
    assert response.status_code == 302
    assert response["Location"] == IMPORT_URL
    assert not ProgressReport.objects.filter(reported_on="2026-09-30").exists()


def test_the_admin_import_page_says_it_cannot_run_now(cache_down, admin_client, plan):
    response = admin_client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("berichte.csv", ROWS.encode()),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Importe sind im Moment nicht möglich" in response.content.decode()
    assert not ProgressReport.objects.filter(reported_on="2026-09-30").exists()


def test_a_file_that_is_no_longer_kept_is_named_as_such(db):
    with translation.override("en"), pytest.raises(ImportFileUnavailable, match="no longer kept"):
        SharedCacheStorage(name="never-saved").read()
