"""The site-wide content version: a new one starts with every change of public content.

Kept in the shared cache (Redis or the database table), so that every host sees a change at
once. hannover_intl/cache.py starts new versions when content changes and stamps cached pages
with the version; core/fragments.py keys the parts of pages it keeps by it.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "page-cache:version"


def content_version(*, create: bool = True) -> str | None:
    """Return the current content version, starting a new one if the cache has none."""
    version = cache.get(VERSION_KEY)
    if version is None and create:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version
