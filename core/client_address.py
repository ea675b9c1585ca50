"""The client's address, as far as the proxies the site trusts vouch for it."""

import ipaddress

from django.conf import settings


def trusted_proxy_count() -> int:
    """Return how many proxies in front of the site append to X-Forwarded-For."""
    return max(0, int(getattr(settings, "TRUSTED_PROXY_COUNT", 0)))


def plain_address(value: str) -> str | None:
    """Return `value` as a normalised IP address, without a port, or None if it is none."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """Return the address of the client that sent `request`.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For,
    so with N of them the client is the N-th entry from the right; anything further left was
    written by the client itself and proves nothing. This is the rule of DRF's NUM_PROXIES,
    which TRUSTED_PROXY_COUNT also sets, so that the API's limit and the sign-in lock-outs
    count the same client.
    """
    peer = request.META.get("REMOTE_ADDR")
    proxies = trusted_proxy_count()
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded.strip():
        return peer
    entries = forwarded.split(",")
    # With fewer entries than proxies the request skipped the outer ones: the left-most entry
    # is then what the first proxy it passed appended.
    appended = entries[-min(proxies, len(entries))]
    # Anything but an address means a proxy did not append as promised: only the peer is known.
    return plain_address(appended) or peer
