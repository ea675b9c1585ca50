"""The page cache switched on in each of its backends, and an anonymous visitor."""

import uuid

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from tests.services import service_missing


def redis_reachable() -> bool:
    try:
        import redis

        return bool(redis.Redis(host="127.0.0.1", port=6379, socket_timeout=0.5).ping())
    except Exception:
        return False


@pytest.fixture(params=["locmem", "database", "redis"])
def page_cache(request, settings):
    """Switch the page cache on, in local memory, in the database or, where it runs, Redis."""
    if request.param == "database":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "test_page_cache",
            }
        }
        call_command("createcachetable", verbosity=0)
    elif request.param == "redis":
        if not redis_reachable():
            service_missing("Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
        # A prefix of its own: the tests never clear a Redis that others may use.
        settings.CACHES = {
            "default": {
                "BACKEND": "core.redis_cache.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/0",
                "KEY_PREFIX": f"test-page-cache-{uuid.uuid4().hex}",
                "TIMEOUT": 120,
            }
        }
    else:
        cache.clear()
    settings.PAGE_CACHE_SECONDS = 600
    yield request.param
    if request.param == "locmem":
        cache.clear()


@pytest.fixture
def visitor():
    """Return a client of an anonymous visitor, apart from the admin's client."""
    return Client()
