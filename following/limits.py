"""How often one client, and one address, may make the site send a confirmation mail.

Counted in the cache, which every application server shares. A stranger's address gets one
confirmation mail a day at most, however many clients ask; one client may ask for
FOLLOW_MAILS_PER_CLIENT_PER_DAY mails a day. A cache that cannot count refuses: better no mail
than a flood.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from core.client_address import client_address

DAY = 24 * 3600
logger = logging.getLogger(__name__)


def mails_per_client() -> int:
    """Return how many confirmation mails one client may ask for a day."""
    return int(getattr(settings, "FOLLOW_MAILS_PER_CLIENT_PER_DAY", 10))


def _digest(value: str) -> str:
    # Only a digest of the address goes into the cache: it needs no more to count.
    return hashlib.sha256(value.encode()).hexdigest()


def address_key(email: str) -> str:
    return f"following:address:{_digest(email.lower())}"


def client_key(request) -> str:
    return f"following:client:{_digest(client_address(request) or 'unknown')}"


class Refused(Exception):
    """The limit is reached; `who` is "address", "client" or "cache"."""

    def __init__(self, who: str):
        super().__init__(who)
        self.who = who


def count_request(request, email: str) -> None:
    """Count one confirmation mail for this client and address, or raise Refused."""
    try:
        client = client_key(request)
        cache.add(client, 0, timeout=DAY)
        if cache.incr(client) > mails_per_client():
            raise Refused("client")
        # add() succeeds only for the first request of the day for this address.
        if not cache.add(address_key(email), 1, timeout=DAY):
            raise Refused("address")
    except Refused:
        raise
    except Exception as error:
        logger.warning("The subscription limits could not be counted: %s", error)
        raise Refused("cache") from error
