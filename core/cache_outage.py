"""Work on without the shared cache: leave it alone for a while, and warn at most once a minute."""

import logging
import threading
import time

from django.core.signals import setting_changed

logger = logging.getLogger(__name__)

# Seconds the cache is left alone after it failed: a cache that is down then costs a process
# one refused connection (or one connect timeout) now and then, not one per request.
RETRY_AFTER = 10
# Seconds between two warnings: an outage is one incident, not one per request.
WARN_EVERY = 60


class CacheOutage:
    """Remember, per process, when the cache last failed and when that was last reported."""

    def __init__(self):
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Forget earlier failures."""
        self.down_until = 0.0
        self.warned_at = None

    def is_down(self) -> bool:
        """Return whether the cache failed so recently that it is not worth asking again."""
        return time.monotonic() < self.down_until

    def failed(self, what: str, error: BaseException) -> None:
        """Note that `what` could not use the cache, and warn unless it was said lately."""
        now = time.monotonic()
        with self._lock:
            self.down_until = now + RETRY_AFTER
            if self.warned_at is not None and now - self.warned_at < WARN_EVERY:
                return
            self.warned_at = now
        logger.warning(
            "The cache is unreachable (%s); the site works on without it: %s",
            what,
            error,
            exc_info=error,
        )


outage = CacheOutage()


def forget_outage_with_new_caches(*, setting, **kwargs) -> None:
    """Start afresh when the cache settings change, as they do in tests."""
    if setting == "CACHES":
        outage.reset()


setting_changed.connect(forget_outage_with_new_caches, dispatch_uid="core-cache-outage")
