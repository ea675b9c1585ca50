"""How often one client, and one address, may make the site send a confirmation mail.

Counted in the cache, which every application server shares. A stranger's address gets one
confirmation mail a day at most, however many clients ask; one client may ask for
FOLLOW_MAILS_PER_CLIENT_PER_DAY mails a day. A cache that cannot count refuses: better no mail
than a flood.
"""

import contextlib
import hashlib
import ipaddress
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.utils.encoding import punycode

from core.client_address import client_address

DAY = 24 * 3600
# The network an IPv6 client is counted by: providers give one connection a /64 at least.
IPV6_CLIENT_PREFIX = 64
logger = logging.getLogger(__name__)


def mails_per_client() -> int:
    """Return how many confirmation mails one client may ask for a day."""
    return int(getattr(settings, "FOLLOW_MAILS_PER_CLIENT_PER_DAY", 10))


def _digest(value: str) -> str:
    # Only a digest of the address goes into the cache: it needs no more to count.
    return hashlib.sha256(value.encode()).hexdigest()


def canonical_mailbox(email: str) -> str:
    """Return the mailbox an address reaches, however it is spelt, to count it once.

    Lower case, without the quotes of a quoted local part or a "+tag", and with the domain
    in its ASCII (IDNA) form: the spellings a mail server delivers to one mailbox.
    """
    local, _at, domain = email.strip().lower().rpartition("@")
    if len(local) >= 2 and local.startswith('"') and local.endswith('"'):
        local = re.sub(r"\\(.)", r"\1", local[1:-1])
    local = local.partition("+")[0]
    domain = domain.rstrip(".")
    # A name IDNA cannot encode is counted as written.
    with contextlib.suppress(UnicodeError):
        domain = punycode(domain)
    return f"{local}@{domain}"


def client_network(address: str | None) -> str:
    """Return what a client is counted by: its IPv4 address, or the /64 of its IPv6 address."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "unknown"
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(ip)


def address_key(email: str) -> str:
    return f"following:address:{_digest(canonical_mailbox(email))}"


def client_key(request) -> str:
    return f"following:client:{_digest(client_network(client_address(request)))}"


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
