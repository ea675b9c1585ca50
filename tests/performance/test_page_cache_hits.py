"""A cache hit is answered before the rest of the middleware, exactly as the miss was sent.

Issue 18, section 1: the page cache is the first middleware, stores the headers of the whole
stack with the page, keeps the pages it served in the process's own memory and asks the shared
cache only for the content version, so that a change made through another host still shows at
once.
"""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.middleware.security import SecurityMiddleware
from django.test import Client

from core.redis_cache import RedisCache
from hannover_intl import local_pages
from hannover_intl.cache import HEADER, VERSION_KEY, page_key
from measures.models import Measure

pytestmark = pytest.mark.django_db

# Headers that belong to the moment of sending, not to the page.
OF_THE_MOMENT = {HEADER.lower(), "date"}


def page_headers(response) -> dict[str, str]:
    return {k.lower(): v for k, v in response.items() if k.lower() not in OF_THE_MOMENT}


def test_the_page_cache_is_the_first_middleware():
    assert django_settings.MIDDLEWARE[0] == "hannover_intl.cache.PageCacheMiddleware"


@pytest.mark.parametrize("url", ["/de/massnahmen/", "/en/measures/1-1/", "/api/v1/goals/"])
def test_a_hit_sends_the_headers_of_the_miss_security_headers_included(
    page_cache, visitor, plan, url, settings
):
    settings.SECURE_HSTS_SECONDS = 3600
    miss = visitor.get(url, secure=True)
    hit = visitor.get(url, secure=True)
    assert (miss[HEADER], hit[HEADER]) == ("miss", "hit")
    assert page_headers(hit) == page_headers(miss)
    assert hit.content == miss.content
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
    ):
        assert hit[header], header


def test_the_open_data_is_readable_across_origins_from_the_cache_too(page_cache, visitor, plan):
    visitor.get("/api/v1/goals/", HTTP_ORIGIN="https://example.org")
    hit = visitor.get("/api/v1/goals/", HTTP_ORIGIN="https://example.net")
    assert hit[HEADER] == "hit"
    assert hit["Access-Control-Allow-Origin"] == "*"


def test_a_hit_runs_none_of_the_middleware_below(page_cache, visitor, plan, monkeypatch):
    visitor.get("/en/measures/")
    calls = []
    original = SecurityMiddleware.process_request
    monkeypatch.setattr(
        SecurityMiddleware,
        "process_request",
        lambda self, request: calls.append(request.path) or original(self, request),
    )
    assert visitor.get("/en/measures/")[HEADER] == "hit"
    assert calls == []
    assert visitor.get("/en/measures/?page=1")[HEADER] == "miss"
    assert calls == ["/en/measures/"]


def test_plain_http_is_still_sent_to_https_when_a_page_is_cached(page_cache, plan, settings):
    settings.SECURE_SSL_REDIRECT = True
    # A new client, whose middleware reads the setting above.
    visitor = Client()
    assert visitor.get("/en/measures/", secure=True)[HEADER] == "miss"
    assert visitor.get("/en/measures/", secure=True)[HEADER] == "hit"
    response = visitor.get("/en/measures/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/measures/"


def test_an_edit_through_another_host_shows_although_this_process_holds_the_page(
    page_cache, visitor, plan
):
    visitor.get("/en/measures/")
    assert visitor.get("/en/measures/")[HEADER] == "hit"
    # Another host saved a measure: it wrote the row and a new content version, nothing here.
    Measure.objects.filter(number="1.1").update(title_en="Saved on the other host")
    cache.set(VERSION_KEY, "set-by-the-other-host", timeout=None)
    page = visitor.get("/en/measures/")
    assert page[HEADER] == "miss"
    assert "Saved on the other host" in page.content.decode()


def test_a_hit_from_this_process_fetches_only_the_version(page_cache, visitor, plan, rf):
    visitor.get("/en/measures/")
    # Gone from the shared cache (evicted, say), still held here: served with the version alone.
    cache.delete(page_key(rf.get("/en/measures/")))
    assert visitor.get("/en/measures/")[HEADER] == "hit"


def test_a_page_cached_by_another_host_is_served_and_kept_here(page_cache, visitor, plan, rf):
    visitor.get("/en/measures/")
    local_pages.pages.clear()
    assert visitor.get("/en/measures/")[HEADER] == "hit"
    cache.delete(page_key(rf.get("/en/measures/")))
    assert visitor.get("/en/measures/")[HEADER] == "hit"


def test_the_process_keeps_pages_up_to_its_byte_limit_least_recently_used_first(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 10
    store = local_pages.LocalPages()
    store.put("a", ("stamp", b"aaaa", []), 60)
    store.put("b", ("stamp", b"bbbb", []), 60)
    assert store.get("a") is not None  # now b is the least recently used
    store.put("c", ("stamp", b"cccc", []), 60)
    assert store.get("b") is None
    assert store.get("a") and store.get("c")
    store.put("big", ("stamp", b"x" * 11, []), 60)
    assert store.get("big") is None


def test_a_page_held_by_the_process_expires_with_the_cache_time(monkeypatch):
    store = local_pages.LocalPages()
    store.put("a", ("stamp", b"aaaa", []), 60)
    now = local_pages.time.monotonic()
    monkeypatch.setattr(local_pages.time, "monotonic", lambda: now + 61)
    assert store.get("a") is None


def test_the_redis_cache_keeps_one_client_per_connection_pool():
    backend = RedisCache("redis://127.0.0.1:6379/0", {})
    client = backend._cache.get_client("a")
    assert backend._cache.get_client("b") is client
    assert backend._cache.get_client("c", write=True) is client
