"""Keep the content changes of a spreadsheet import's dry run away from the page cache.

The dry run is rolled back, so it changes nothing a visitor could see: it must not start a new
content version, which in a database cache would also lock the version's row until the end of
the run, and with it every staff request that starts a version (hannover_intl/cache.py).
SPREADSHEET_DRY_RUN_CHANGES names the context manager here.
"""

from contextlib import contextmanager

from . import cache


@contextmanager
def content_changes_ignored():
    """Start no new content version for the changes inside, not even at the end."""
    # content_changed() lets every change pass while a deferral is open; unlike
    # content_changes_deferred() this one starts no version when it closes.
    cache._state.deferred = getattr(cache._state, "deferred", 0) + 1
    try:
        yield
    finally:
        cache._state.deferred -= 1
