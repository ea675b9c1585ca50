"""Cache anonymous public pages per URL, and drop them all whenever any content changes.

Every cached page is stamped with the site-wide content version it was rendered under. Saving,
deleting or relinking any content model sets a new version, so one edit makes every page that
might show it stale at once, on every application server that shares the cache. Only what every
visitor would see alike is cached: GET requests under a language prefix (the language is part of
the URL) or for data (API, downloads, sitemap: keyed by the negotiated language), from visitors
without a session or messages cookie, answered with 200, without cookies, without a CSRF token,
without messages, and varying by no request header but the cookie. A page is kept under its
address with only the query parameters its view read, sorted (hannover_intl/page_keys.py), and
only up to PAGE_CACHE_MAX_BYTES; how many pages the cache holds is the cache's own limit
(MAX_ENTRIES of the database cache, maxmemory of Redis). While the cache is unreachable, pages
are rendered as if it were switched off (core/cache_outage.py).
"""

import threading
import uuid
from contextlib import contextmanager
from functools import cache as memoize

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from core.cache_outage import outage
from core.content_version import VERSION_KEY, current_stamp

from . import local_pages, page_keys

HEADER = "X-Page-Cache"
# Headers of the stored page that belong to the request that rendered it, not to the page.
NOT_STORED = {"set-cookie", HEADER.lower()}
CONTENT_APPS = ("hannover_intl", "measures", "partners", "networks", "progress", "relations")
_state = threading.local()
# Set while a content change could not start a new version: a cache that was cut off, not
# restarted, comes back with the old pages, so the version is started once it answers again.
_version_lost = threading.Event()


def page_cache_seconds() -> int:
    """Return how long a page stays cached; 0 turns the page cache off."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def page_cache_max_bytes() -> int:
    """Return the largest body a cached page may have."""
    return int(getattr(settings, "PAGE_CACHE_MAX_BYTES", 1024 * 1024))


def bump_content_version() -> None:
    """Start a new content version, which makes every cached page stale."""
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception as error:
        # A cache that is down serves no pages either; the edit itself must still succeed.
        # Tried even while the cache seems down: a lost version would serve stale pages later.
        _version_lost.set()
        outage.failed("a new page cache version", error)
    else:
        _version_lost.clear()


def content_changed(**kwargs) -> None:
    """Make every cached page stale now and once more when the transaction commits."""
    if getattr(_state, "deferred", 0):
        return
    bump_content_version()
    # A visitor may render the page between this write and the commit, still seeing the old
    # rows, and store it under the new version: the version after the commit drops that copy.
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump_content_version)


@contextmanager
def content_changes_deferred():
    """Collect the content changes of a bulk operation into one new version at its end."""
    _state.deferred = getattr(_state, "deferred", 0) + 1
    try:
        yield
    finally:
        _state.deferred -= 1
        if not _state.deferred:
            # bulk_create and update() send no signals, so the bulk operation always counts.
            bump_content_version()


def content_labels() -> tuple[str, ...]:
    """Return the labels of the apps whose models the public pages show."""
    return tuple(getattr(settings, "PAGE_CACHE_CONTENT_APPS", CONTENT_APPS))


def logged_content_change(sender, instance, created, **kwargs) -> None:
    """Count a change the admin logs for a content model as a content change.

    Saving a model sends its own signal; this is for what sends none, such as an admin action
    that changes rows with update() and logs it. A sign-in, a refused action or a form with
    errors logs nothing, and so keeps the cached pages.
    """
    if created and instance.content_type.app_label in content_labels():
        content_changed()


@contextmanager
def content_changes_ignored():
    """Start no new content version for the changes inside, not even at the end.

    For work that is rolled back, such as an import's dry run: it changes nothing a visitor
    could see, and in a database cache a new version would lock the version's row until the end
    of the run, and with it every staff request that starts a version.
    """
    _state.deferred = getattr(_state, "deferred", 0) + 1
    try:
        yield
    finally:
        _state.deferred -= 1


def connect_content_signals() -> None:
    """Connect every content model, its many-to-many tables and the admin's log to the cache."""
    for label in content_labels():
        if not apps.is_installed(label):
            continue
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            uid = f"page-cache-{model._meta.label}"
            post_save.connect(content_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
            m2m_changed.connect(content_changed, sender=model, dispatch_uid=uid)
    post_save.connect(logged_content_change, sender=LogEntry, dispatch_uid="page-cache-log")


# Data for machines outside the language prefixes, the same for every visitor: the open data
# API has no sign-in, and its language comes from ?lang= or, like these, from Accept-Language.
# "/sitemap" covers the sitemap index /sitemap.xml and its sections /sitemap-<name>.xml.
MACHINE_PATHS = ("/api/", "/data/", "/sitemap", "/robots.txt")


@memoize
def language_prefixes() -> tuple[str, ...]:
    """Return the path prefixes of the public pages, one per language."""
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def cached_prefixes() -> tuple[str, ...]:
    """Return the path prefixes of everything the page cache may hold."""
    return language_prefixes() + tuple(getattr(settings, "PAGE_CACHE_MACHINE_PATHS", MACHINE_PATHS))


def is_cacheable_request(request) -> bool:
    """Return whether the request may be answered from, or stored in, the page cache."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    if not request.path.startswith(cached_prefixes()):
        return False
    cookies = request.COOKIES
    # A session means a signed-in editor, perhaps; a messages cookie means a notice to show.
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def has_messages(request) -> bool:
    """Return whether the page may show, or leave behind, a message for this visitor."""
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    return bool(
        storage.added_new
        or getattr(storage, "_queued_messages", None)
        or getattr(storage, "_loaded_messages", None)
    )


def is_cacheable_response(request, response) -> bool:
    """Return whether every anonymous visitor would get exactly this response for the URL."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.cookies:
        return False
    # Pages that look at the user vary by cookie, but only a session cookie would change them,
    # and requests with one are never cached; any other Vary (language, Accept) is refused.
    vary = {name.strip().lower() for name in cc_delim_re.split(response.get("Vary", ""))}
    # Outside the language prefixes the language is negotiated, and it is part of the key.
    negotiated = set() if request.path.startswith(language_prefixes()) else {"accept-language"}
    # The open data's cross-origin answer is "*" for every origin and for none
    # (opendata/cors.py), so the Vary: Origin that django-cors-headers adds splits nothing.
    if vary - {"", "cookie", "origin"} - negotiated:
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & {"private", "no-cache", "no-store"}:
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or "admin" in match.namespaces:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    # A list that ignored a value it could not use says so on the page: made-up values lead to
    # no page a link points to, and each would take a place in the cache.
    if (getattr(response, "context_data", None) or {}).get("ignored_filters"):
        return False
    # A page with a CSRF token holds this visitor's secret; one with a message is theirs too.
    return not request.META.get("CSRF_COOKIE_USED") and not has_messages(request)


def page_key(request) -> str:
    """Return the cache key of the page at the request's address, in its language."""
    negotiated = not request.path.startswith(language_prefixes())
    return page_keys.page_key(request, negotiated=negotiated)


def stored(response, stamp: tuple[str, str], content: bytes | None = None) -> tuple:
    """Return what the cache keeps of a response: its version and day, body and headers."""
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
    return (stamp, response.content if content is None else content, headers)


def kept_while_streamed(response, key: str, stamp: tuple[str, str], seconds: int):
    """Return a streamed response's chunks, to be stored once sent whole, if small enough.

    A download is streamed so that its memory stays bounded: its chunks are collected only up
    to PAGE_CACHE_MAX_BYTES, and a larger file, or one whose client went away, is not kept.
    The headers are taken now, as a page's are: the outer middleware adds its own on a hit.
    """
    _stamp, _content, headers = stored(response, stamp, b"")
    return _collected(response.streaming_content, key, (stamp, headers), seconds)


def _collected(chunks, key: str, stamp_and_headers: tuple, seconds: int):
    """Yield `chunks`, and store them with the stamp and headers once all have been sent."""
    limit = page_cache_max_bytes()
    kept, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size <= limit:
            kept.append(chunk)
        else:
            kept.clear()
        yield chunk
    if size <= limit:
        stamp, headers = stamp_and_headers
        keep(key, (stamp, b"".join(kept), headers), seconds)


def restored(entry) -> HttpResponse:
    """Return a response rebuilt from a cache entry."""
    _stamp, content, headers = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def lookup(request) -> tuple[str, tuple[str, str], tuple | None]:
    """Return the page's key, the current version and day, and the page if it is current.

    A page stored under an older version or on an earlier day is simply not current; the day
    counts because pages say which projects run and which updates are due. A page this process
    holds itself costs one small read of the version; any other comes with the version in one
    round trip to the shared cache.
    """
    if _version_lost.is_set():
        bump_content_version()
    key = page_key(request)
    local = local_pages.pages.get(key)
    if local is not None:
        stamp = current_stamp(cache.get(VERSION_KEY))
        if local[0] == stamp:
            return key, stamp, local
    found = cache.get_many([VERSION_KEY, key])
    stamp = current_stamp(found.get(VERSION_KEY))
    entry = found.get(key)
    if entry is None or entry[0] != stamp:
        return key, stamp, None
    local_pages.pages.put(key, entry, page_cache_seconds())
    return key, stamp, entry


def keep(key: str, entry: tuple, seconds: int) -> None:
    """Store a page in the shared cache for every host, and in this process's own memory."""
    try:
        cache.set(key, entry, timeout=seconds)
    except Exception as error:
        outage.failed("the page cache", error)
    else:
        local_pages.pages.put(key, entry, seconds)


class PageCacheMiddleware:
    """Answer anonymous requests for public pages from the cache, and fill it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        # A cache that just failed is left alone for a while: the pages are rendered instead.
        if not seconds or not is_cacheable_request(request) or outage.is_down():
            return self.get_response(request)
        try:
            key, stamp, entry = lookup(request)
        except DisallowedHost:
            # CommonMiddleware answers it with 400.
            return self.get_response(request)
        except Exception as error:
            outage.failed("the page cache", error)
            return self.get_response(request)
        # The parts of the page kept by content version (core/fragments.py) need not ask again.
        request.content_stamp = stamp
        if entry is not None:
            response = restored(entry)
            response[HEADER] = "hit"
            return response
        request.GET = query = page_keys.recording(request.GET)
        response = self.get_response(request)
        if not self.worth_keeping(request, response, query):
            pass
        elif response.streaming:
            response.streaming_content = kept_while_streamed(response, key, stamp, seconds)
        else:
            # Stamped with the version read before rendering: if an edit came in between, the
            # page is already out of date and the next request renders it anew.
            keep(key, stored(response, stamp), seconds)
        response[HEADER] = "miss"
        return response

    @staticmethod
    def worth_keeping(request, response, query) -> bool:
        """Return whether the page may be stored, under a key its view's reads account for."""
        # A parameter the view never asked for cannot have changed the page, but a key with it
        # would be one more entry for the same page: such an address is answered, not kept.
        if query.unread() or not is_cacheable_response(request, response):
            return False
        # A streamed response's size is known once it has been sent (kept_while_streamed).
        return response.streaming or len(response.content) <= page_cache_max_bytes()
