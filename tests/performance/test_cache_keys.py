"""The page cache serves visitors, not attackers: bounded keys, dropped only by content changes.

Issue 13, finding 9: every new query string was a new entry, and every staff POST (a sign-in,
even a refused action) dropped the whole cache.
"""

import random
import string
import uuid

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client

from hannover_intl.cache import HEADER
from measures.models import AreaOfAction, Measure
from tests.adminforms import admin_form_data
from tests.factories import SuperuserFactory
from tests.services import service_missing

pytestmark = pytest.mark.django_db

PASSWORD = "a long Passwort 2026"
TABLE = "test_page_cache_keys"
# One of each kind of cached address: pages in both languages, a list, the API, a download, the
# sitemap.
PAGES = [
    "/de/",
    "/en/measures/",
    "/en/measures/1-1/",
    "/en/search/",
    "/api/v1/measures/",
    "/api/v1/goals/1/",
    "/data/measures.csv",
    "/sitemap.xml",
]


def redis_client():
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=6379, socket_timeout=0.5)
        client.ping()
        return client
    except Exception:
        return None


@pytest.fixture(params=["database", "redis"])
def counted_cache(request, settings):
    """Switch the page cache on, and return a function that counts its entries and bytes."""
    settings.PAGE_CACHE_SECONDS = 600
    if request.param == "database":
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": TABLE}
        }
        call_command("createcachetable", verbosity=0)

        def count():
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*), COALESCE(SUM(LENGTH(value)), 0) FROM {TABLE}")
                return tuple(cursor.fetchone())

        yield count
        return
    client = redis_client()
    if client is None:
        service_missing("Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
    # A prefix of its own: the tests never clear a Redis that others may use.
    prefix = f"test-cache-keys-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": prefix,
            "TIMEOUT": 120,
        }
    }

    def count():
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        return len(keys), sum(client.memory_usage(key) or 0 for key in keys)

    yield count
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def page_cache(settings):
    """Switch the page cache on, in local memory."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def junk() -> str:
    """Return a query string of made-up parameters, new at every call."""
    word = "".join(random.choices(string.ascii_lowercase, k=8))
    return f"{word}={uuid.uuid4().hex}&utm_{word}=x"


def fetched(visitor: Client, url: str):
    """Return the response to a GET of `url`, read whole as a browser would, streamed or not."""
    response = visitor.get(url)
    response.getvalue()
    return response


def test_made_up_parameters_take_no_room_in_the_cache(counted_cache, plan):
    visitor = Client()
    for url in PAGES:
        # A download is streamed, and kept once it has been sent whole.
        assert fetched(visitor, url).status_code == 200, url
    before = counted_cache()
    for number in range(400):
        url = PAGES[number % len(PAGES)]
        response = fetched(visitor, f"{url}?{junk()}")
        assert response.status_code == 200, url
    after = counted_cache()
    print(f"\nentries and bytes before and after 400 made-up queries: {before} -> {after}")
    assert after[0] == before[0]
    # The pages themselves still come from the cache.
    assert all(visitor.get(url)[HEADER] == "hit" for url in PAGES)


def test_known_parameters_in_another_order_are_the_same_page(page_cache, plan):
    area = AreaOfAction.objects.get(number=1).pk
    visitor = Client()
    for first, second in [
        (
            f"/en/measures/?area={area}&status=in_progress",
            f"/en/measures/?status=in_progress&area={area}",
        ),
        ("/api/v1/measures/?lang=en&page_size=5", "/api/v1/measures/?page_size=5&lang=en"),
        ("/en/measures/?q=city&sort=title", "/en/measures/?sort=title&q=city"),
    ]:
        miss = visitor.get(first)
        hit = visitor.get(second)
        assert (miss[HEADER], hit[HEADER]) == ("miss", "hit"), first
        assert hit.content == miss.content
        # The page from the cache carries the same headers as the one rendered.
        assert {k: v for k, v in hit.items() if k != HEADER} == {
            k: v for k, v in miss.items() if k != HEADER
        }


@pytest.mark.parametrize(
    "url",
    [
        "/en/search/?q=twinning",
        "/en/measures/?sort=number",
        "/de/umsetzungsstand/?as_of=2025-06-30",
        "/sitemap-measures.xml?p=1",
        "/api/v1/measures/?format=json",
        "/api/v1/measures/?page=1&page_size=10",
        "/api/v1/goals/?lang=de",
    ],
)
def test_parameters_a_page_reads_are_part_of_its_key(page_cache, plan, url):
    visitor = Client()
    assert visitor.get(url)[HEADER] == "miss"
    assert visitor.get(url)[HEADER] == "hit"


@pytest.mark.parametrize("url", ["/en/measures/?area=nonsense", "/en/search/?q=city&page=2"])
def test_a_value_the_page_ignored_is_not_kept(page_cache, plan, url):
    visitor = Client()
    for _ in range(2):
        response = visitor.get(url)
        assert response.status_code == 200 and response[HEADER] == "miss"


def test_a_page_larger_than_the_limit_is_answered_but_not_kept(page_cache, plan, settings):
    settings.PAGE_CACHE_MAX_BYTES = 1000
    visitor = Client()
    assert [visitor.get("/en/measures/")[HEADER] for _ in range(2)] == ["miss", "miss"]
    settings.PAGE_CACHE_MAX_BYTES = 10_000_000
    assert [visitor.get("/en/measures/")[HEADER] for _ in range(2)] == ["miss", "hit"]


def cached(visitor, urls) -> list[str]:
    return [visitor.get(url)[HEADER] for url in urls]


@pytest.fixture
def warm(page_cache, plan):
    """Return a visitor and the addresses it has just put in the cache."""
    visitor = Client()
    urls = ["/en/measures/", "/en/measures/1-1/", "/api/v1/measures/"]
    cached(visitor, urls)
    assert cached(visitor, urls) == ["hit"] * len(urls)
    return visitor, urls


def test_signing_in_keeps_the_cached_pages(warm):
    visitor, urls = warm
    SuperuserFactory(username="staff", password=PASSWORD)
    staff = Client()
    login = "/en/admin/login/?next=/en/admin/"
    assert staff.post(login, {"username": "staff", "password": "wrong"}).status_code == 200
    assert staff.post(login, {"username": "staff", "password": PASSWORD}).status_code == 302
    assert cached(visitor, urls) == ["hit"] * len(urls)


def test_a_refused_action_or_a_form_with_errors_keeps_the_cached_pages(warm, admin_client):
    visitor, urls = warm
    measure = Measure.objects.get(number="1.1")
    # Published content cannot go back to review: the action refuses, and says so.
    response = admin_client.post(
        "/en/admin/measures/measure/",
        {"action": "submit_for_review", "_selected_action": [measure.pk]},
        follow=True,
    )
    assert "could not be moved" in response.content.decode()
    change_url = f"/en/admin/measures/measure/{measure.pk}/change/"
    data = admin_form_data(admin_client.get(change_url))
    data.update(title_de="")
    assert admin_client.post(change_url, data).status_code == 200
    assert cached(visitor, urls) == ["hit"] * len(urls)


def test_a_successful_action_drops_the_cached_pages(warm, admin_client):
    visitor, urls = warm
    measure = Measure.objects.get(number="1.1")
    admin_client.post(
        "/en/admin/measures/measure/", {"action": "archive", "_selected_action": [measure.pk]}
    )
    assert Measure.objects.get(pk=measure.pk).publication_state == "archived"
    assert visitor.get("/en/measures/1-1/").status_code == 404
    assert cached(visitor, [urls[0], urls[2]]) == ["miss", "miss"]


def test_a_content_save_drops_the_cached_pages(warm, admin_client):
    visitor, urls = warm
    measure = Measure.objects.get(number="1.1")
    change_url = f"/en/admin/measures/measure/{measure.pk}/change/"
    data = admin_form_data(admin_client.get(change_url))
    data.update(title_en="Twin towns, saved again")
    assert admin_client.post(change_url, data).status_code == 302
    assert cached(visitor, urls) == ["miss"] * len(urls)
    assert "Twin towns, saved again" in visitor.get("/en/measures/1-1/").content.decode()
