"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's client builds a new `redis.Redis` for every cache operation, and redis-py fills a
table of some 170 response callbacks in each: about a quarter of a millisecond, more than the
round trip to Redis itself and most of what a page cache hit costs. The client is thread-safe
(it takes a connection from the pool for each command), so one per pool serves every request.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    """Django's Redis cache client, keeping the Redis client of each connection pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Django's Redis cache backend with the client above."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
