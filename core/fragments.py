"""Parts of pages that are the same for every visitor until the content changes, built once.

The partner map, say, is drawn from every public city: the same on the home page for every
request until a city, partnership or anything else public changes. Such a part is kept in the
process's memory under its name, the language, anything else it depends on, and the content
version and day, so that any change of content, on any host, makes it be built anew on the next
request, exactly as it makes the cached pages stale. FRAGMENT_CACHE switches it off (the tests
change rows without the signals that start a new version).
"""

import threading
from collections import OrderedDict

from django.conf import settings
from django.utils import translation

from core.cache_outage import outage
from core.content_version import current_stamp

# Enough for every part in both languages, and some filtered maps of the city list.
MAX_ENTRIES = 256
_kept: OrderedDict[tuple, object] = OrderedDict()
_lock = threading.Lock()


def fragments_on() -> bool:
    return bool(getattr(settings, "FRAGMENT_CACHE", True))


def content_stamp(request) -> tuple[str, str] | None:
    """Return the content version and day of this request, or None while the cache is down."""
    stamp = getattr(request, "content_stamp", None)
    if stamp is None:
        if outage.is_down():
            return None
        try:
            stamp = current_stamp()
        except Exception as error:
            outage.failed("the content version", error)
            return None
        request.content_stamp = stamp
    return stamp


def remembered(request, name: str, build, *depends_on):
    """Return what `build()` returns for this part of the page, built once per content version."""
    stamp = content_stamp(request) if fragments_on() else None
    if stamp is None:
        return build()
    key = (name, translation.get_language(), stamp, *depends_on)
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    value = build()
    with _lock:
        _kept[key] = value
        while len(_kept) > MAX_ENTRIES:
            _kept.popitem(last=False)
    return value


def forget_all() -> None:
    """Forget every part kept, for tests."""
    with _lock:
        _kept.clear()
