"""The pages this process served last, kept in its own memory in front of the shared cache.

A hit then asks the shared cache only for the content version, a few bytes, instead of the
page: the page itself comes from here when it was stored under that same version. A change of
content therefore shows on the next request exactly as before; what this saves is moving and
unpickling the page on every hit. The pages are kept up to PAGE_CACHE_LOCAL_BYTES per process,
the least recently used dropped first, each for PAGE_CACHE_SECONDS at most from when this
process took it.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings

DEFAULT_BYTES = 32 * 1024 * 1024


def local_bytes() -> int:
    """Return how many bytes of pages one process keeps; 0 keeps none."""
    return int(getattr(settings, "PAGE_CACHE_LOCAL_BYTES", DEFAULT_BYTES))


class LocalPages:
    """A byte-bounded, least-recently-used store of (stamp, body, headers) entries by key."""

    def __init__(self):
        # key -> (monotonic time it expires, entry)
        self._entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        self._size = 0
        # The development server answers in threads; gunicorn's sync workers do not.
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple | None:
        """Return the entry kept under `key`, or None if there is none or it has expired."""
        with self._lock:
            kept = self._entries.get(key)
            if kept is None:
                return None
            if kept[0] <= time.monotonic():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return kept[1]

    def put(self, key: str, entry: tuple, seconds: int) -> None:
        """Keep `entry` under `key` for `seconds`; drop the least recently used beyond the limit."""
        limit = local_bytes()
        size = len(entry[1])
        with self._lock:
            self._drop(key)
            if size > limit:
                return
            self._entries[key] = (time.monotonic() + seconds, entry)
            self._size += size
            while self._size > limit:
                self._drop(next(iter(self._entries)))

    def clear(self) -> None:
        """Forget every page."""
        with self._lock:
            self._entries.clear()
            self._size = 0

    def _drop(self, key: str) -> None:
        kept = self._entries.pop(key, None)
        if kept is not None:
            self._size -= len(kept[1][1])


pages = LocalPages()
