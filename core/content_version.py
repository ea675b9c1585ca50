"""The site-wide content version: a new one starts with every change of public content.

Kept in the shared cache (Redis or the database table), so that every host sees a change at
once. hannover_intl/cache.py starts new versions when content changes and stamps cached pages
with the version; core/fragments.py keys the parts of pages it keeps by it.
"""

import uuid

from django.core.cache import cache
from django.utils import timezone

VERSION_KEY = "page-cache:version"


def content_version(*, create: bool = True) -> str | None:
    """Return the current content version, starting a new one if the cache has none."""
    version = cache.get(VERSION_KEY)
    if version is None and create:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def current_stamp(version: str | None = None) -> tuple[str, str]:
    """Return the stamp of what is built now: the content version (read if not given) and the day.

    The day counts because pages say which projects run and which updates are due.
    """
    return (version or content_version(), timezone.localdate().isoformat())
