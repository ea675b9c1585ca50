"""X-Forwarded-For names the client only as far as the trusted proxies wrote it (issue 13, 5)."""

import uuid

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from core.client_address import client_address
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long Passwort 2026"
ATTACKER = "203.0.113.9"
VICTIM = "198.51.100.20"
BALANCER = "10.0.0.2"


@pytest.fixture
def staff(db):
    return SuperuserFactory(username="staff", password=PASSWORD)


@pytest.fixture
def throttled(settings, plan):
    """Allow three API requests a minute per client, counted afresh."""
    settings.API_THROTTLE_ANON = "3/minute"
    cache.clear()
    yield
    cache.clear()


def proxies(count: int):
    """Trust `count` proxies, for the API's limit and for django-axes alike."""
    return override_settings(TRUSTED_PROXY_COUNT=count)


def spoofed() -> str:
    """Return a new address a client made up, different at every call."""
    return f"192.0.2.{uuid.uuid4().int % 250 + 1}"


def sign_in(client, password, **meta):
    return client.post(
        "/en/admin/login/?next=/en/admin/", {"username": "staff", "password": password}, **meta
    )


# --- No trusted proxy: X-Forwarded-For is ignored -------------------------------------------


@proxies(0)
def test_a_new_forwarded_address_per_request_does_not_escape_the_api_limit(throttled):
    client = Client(REMOTE_ADDR=ATTACKER)
    codes = [
        client.get("/api/v1/goals/", HTTP_X_FORWARDED_FOR=spoofed()).status_code for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    # Another client, whatever it claims, still has its own allowance.
    other = Client(REMOTE_ADDR=VICTIM).get("/api/v1/goals/", HTTP_X_FORWARDED_FOR=ATTACKER)
    assert other.status_code == 200


@proxies(0)
def test_failed_sign_ins_are_counted_for_the_sender_not_for_the_address_it_claims(staff, settings):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(attacker, "wrong", HTTP_X_FORWARDED_FOR=VICTIM)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # Locked out from its own address, whatever it claims next.
    assert sign_in(attacker, PASSWORD, HTTP_X_FORWARDED_FOR=spoofed()).status_code == 429
    # The address it claimed is not locked out.
    assert sign_in(Client(REMOTE_ADDR=VICTIM), PASSWORD).status_code == 302


# --- One trusted proxy: the address it appended counts, nothing to its left -----------------


def through_the_balancer(client_wrote: str | None, client: str) -> dict:
    """Return the request's META after the balancer appended the address it saw."""
    chain = f"{client_wrote}, {client}" if client_wrote else client
    return {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": chain}


@proxies(1)
def test_behind_one_proxy_a_made_up_left_part_does_not_escape_the_api_limit(throttled):
    codes = [
        Client().get("/api/v1/goals/", **through_the_balancer(spoofed(), ATTACKER)).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    # Every client comes from the balancer, yet each has its own allowance.
    assert Client().get("/api/v1/goals/", **through_the_balancer(None, VICTIM)).status_code == 200
    pretending = Client().get("/api/v1/goals/", **through_the_balancer(VICTIM, ATTACKER))
    assert pretending.status_code == 429


@proxies(1)
def test_behind_one_proxy_an_attacker_cannot_lock_out_a_colleague(staff, settings):
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(attacker, "wrong", **through_the_balancer(VICTIM, ATTACKER))
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # The attacker stays locked out, whatever it writes to the left of its address.
    again = sign_in(attacker, PASSWORD, **through_the_balancer(spoofed(), ATTACKER))
    assert again.status_code == 429
    # The same user, signing in through the same balancer from elsewhere, gets in.
    assert sign_in(Client(), PASSWORD, **through_the_balancer(None, VICTIM)).status_code == 302


# --- The rule itself ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "198.51.100.20", BALANCER),
        (1, None, BALANCER),
        (1, "198.51.100.20", "198.51.100.20"),
        (1, "192.0.2.1, 198.51.100.20", "198.51.100.20"),
        (2, "192.0.2.1, 198.51.100.20, 10.0.0.7", "198.51.100.20"),
        # Fewer entries than proxies: the request skipped the outer proxy.
        (2, "198.51.100.20", "198.51.100.20"),
        (1, "198.51.100.20:4711", "198.51.100.20"),
        (1, "[2001:DB8::1]:4711", "2001:db8::1"),
        (1, "2001:db8::1", "2001:db8::1"),
        # A proxy that writes no address where it should: only its own address is known.
        (1, "192.0.2.1, unknown", BALANCER),
        (1, "  ", BALANCER),
    ],
)
def test_the_client_is_the_entry_the_outermost_trusted_proxy_appended(count, forwarded, expected):
    meta = {"REMOTE_ADDR": BALANCER}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    with proxies(count):
        assert client_address(RequestFactory().get("/", **meta)) == expected


@pytest.mark.parametrize("count", [0, 1, 2])
@pytest.mark.parametrize("forwarded", [None, "198.51.100.20", "192.0.2.1, 198.51.100.20, 10.0.0.7"])
def test_the_rule_is_drf_num_proxies(count, forwarded, settings):
    settings.TRUSTED_PROXY_COUNT = count
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}
    meta = {"REMOTE_ADDR": BALANCER}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **meta)
    assert client_address(request) == BaseThrottle().get_ident(Request(request))
