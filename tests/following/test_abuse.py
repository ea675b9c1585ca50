"""Bad links, bad input and abuse of the form: a clear page in the visitor's language, no 500."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from following.models import Subscription
from following.tokens import confirm_token, unsubscribe_token
from tests.markup import text_of

from .conftest import deliver
from .helpers import one_click

pytestmark = pytest.mark.django_db

FOLLOW = {"de": "/de/folgen/massnahmen/1-1/", "en": "/en/follow/measures/1-1/"}
CONFIRM = {"de": "/de/folgen/bestaetigen/", "en": "/en/follow/confirm/"}
UNSUBSCRIBE = {"de": "/de/folgen/abbestellen/", "en": "/en/follow/unsubscribe/"}


def subscription(**fields) -> Subscription:
    return Subscription.objects.create(
        email=fields.pop("email", "citizen@example.org"), language="en", scope="all", **fields
    )


@pytest.mark.parametrize(
    ("language", "garbage", "expired", "used", "gone"),
    [
        (
            "de",
            "Dieser Link ist unvollständig",
            "Dieser Link ist abgelaufen",
            "Dieser Link wurde bereits verwendet",
            "Dieser Link ist nicht mehr gültig",
        ),
        (
            "en",
            "This link is incomplete",
            "This link has expired",
            "This link has already been used",
            "This link is no longer valid",
        ),
    ],
)
def test_confirmation_links_that_cannot_be_used_get_a_clear_page(
    client, plan, language, garbage, expired, used, gone
):
    for token in ["nonsense", "eyJzIjoxfQ:1xYghz:forged", "x" * 500]:
        response = client.get(f"{CONFIRM[language]}{token}/")
        assert response.status_code == 400
        assert garbage in text_of(response, "main")
        assert client.post(f"{CONFIRM[language]}{token}/").status_code == 400

    pending = subscription()
    token = confirm_token(pending)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        response = client.post(f"{CONFIRM[language]}{token}/")
    assert response.status_code == 410
    assert expired in text_of(response, "main")
    pending.refresh_from_db()
    assert not pending.is_confirmed

    assert client.post(f"{CONFIRM[language]}{token}/").status_code == 200
    again = client.post(f"{CONFIRM[language]}{token}/")
    assert again.status_code == 200
    assert used in text_of(again, "main")

    pending.delete()
    response = client.get(f"{CONFIRM[language]}{token}/")
    assert response.status_code == 404
    assert gone in text_of(response, "main")


@pytest.mark.parametrize(
    ("language", "ended"),
    [("de", "Sie erhalten diese E-Mails nicht mehr"), ("en", "You no longer receive these")],
)
def test_unsubscribe_links_work_once_and_then_say_so(plan, language, ended):
    follower = subscription(confirmed_at=timezone.now())
    url = f"{UNSUBSCRIBE[language]}{unsubscribe_token(follower)}/"
    page = Client().get(url)
    assert page.status_code == 200
    assert Subscription.objects.filter(pk=follower.pk).exists()
    for _attempt in range(2):
        response = one_click(url)
        assert response.status_code == 200
        assert ended in text_of(response, "main")
    assert not Subscription.objects.exists()
    assert one_click(f"{UNSUBSCRIBE[language]}garbage/").status_code == 400
    # A confirmation token is no unsubscribe token.
    other = subscription(email="other@example.org")
    assert one_click(f"{UNSUBSCRIBE[language]}{confirm_token(other)}/").status_code == 400
    assert Subscription.objects.filter(pk=other.pk).exists()


def test_stop_every_mail_to_the_address(plan):
    measure = plan.get(number="1.1")
    first = subscription(confirmed_at=timezone.now())
    Subscription.objects.create(email=first.email, language="en", scope="measure", measure=measure)
    subscription(email="someone-else@example.org")
    Client().post(f"{UNSUBSCRIBE['en']}{unsubscribe_token(first)}/", {"scope": "address"})
    assert list(Subscription.objects.values_list("email", flat=True)) == [
        "someone-else@example.org"
    ]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Bitte geben Sie eine gültige E-Mail-Adresse ein"),
        ("en", "Please enter a valid e-mail address"),
    ],
)
def test_an_invalid_address_is_refused_in_the_visitors_language(
    client, plan, smtp, language, message
):
    for address in ["not an address", "a@b", "<script>@example.org", "x" * 300 + "@example.org"]:
        response = client.post(FOLLOW[language], {"email": address})
        assert response.status_code == 400
        assert message in text_of(response, "main")
        assert "<script>@" not in response.content.decode()
    assert not Subscription.objects.exists()
    assert deliver(smtp) == []


def test_the_honeypot_sends_nothing_and_says_what_a_person_is_told(client, plan, smtp):
    response = client.post(
        FOLLOW["en"], {"email": "stranger@example.org", "website": "http://spam.example"}
    )
    assert response.status_code == 200
    assert "Please confirm in your mailbox" in text_of(response, "main")
    assert not Subscription.objects.exists()
    assert deliver(smtp) == []


@pytest.mark.parametrize(
    ("language", "message"),
    [("de", "heute bereits eine E-Mail geschickt"), ("en", "already sent an e-mail")],
)
def test_a_stranger_gets_one_mail_a_day_however_many_ask(plan, smtp, language, message):
    for number, address in enumerate(["10.0.0.1", "10.0.0.2", "10.0.0.3"]):
        response = Client(REMOTE_ADDR=address).post(
            FOLLOW[language], {"email": "Stranger@example.org"}
        )
        if number == 0:
            assert response.status_code == 200
        else:
            assert response.status_code == 429
            assert message in text_of(response, "main")
    assert len(deliver(smtp)) == 1
    # The next day, one more.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        from django.core.cache import cache

        cache.clear()  # the memory cache of the tests does not travel in time
        Client().post(FOLLOW[language], {"email": "stranger@example.org"})
    assert len(deliver(smtp)) == 1


def test_one_client_may_ask_for_a_few_mails_a_day(plan, smtp, settings):
    settings.FOLLOW_MAILS_PER_CLIENT_PER_DAY = 3
    visitor = Client(REMOTE_ADDR="10.0.0.9")
    statuses = [
        visitor.post(FOLLOW["en"], {"email": f"person{n}@example.org"}).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    refused = visitor.post(FOLLOW["en"], {"email": "person9@example.org"})
    assert "Too many subscriptions were requested from your connection" in text_of(refused, "main")
    assert len(deliver(smtp)) == 3
    # Another client is not affected.
    assert (
        Client(REMOTE_ADDR="10.0.0.10").post(FOLLOW["en"], {"email": "x@example.org"}).status_code
        == 200
    )


def test_asking_again_for_a_confirmed_subscription_sends_nothing(client, plan, smtp):
    follower = subscription(confirmed_at=timezone.now(), email="citizen@example.org")
    response = client.post("/en/follow/", {"email": "citizen@example.org"})
    # The same answer as for anyone, so the form tells no one who follows what.
    assert response.status_code == 200
    assert "Please confirm in your mailbox" in text_of(response, "main")
    assert deliver(smtp) == []
    assert Subscription.objects.get().pk == follower.pk


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(plan):
    old = subscription(email="old@example.org")
    fresh = subscription(email="fresh@example.org")
    kept = subscription(email="kept@example.org", confirmed_at=timezone.now())
    Subscription.objects.filter(pk__in=[old.pk, kept.pk]).update(
        requested_at=timezone.now() - datetime.timedelta(days=7, minutes=1)
    )
    call_command("purge_subscriptions", verbosity=0)
    assert set(Subscription.objects.values_list("pk", flat=True)) == {fresh.pk, kept.pk}


def test_follow_pages_of_hidden_or_unknown_things_are_not_found(client, plan):
    measure = plan.get(number="1.1")
    type(measure).objects.filter(pk=measure.pk).update(publication_state="draft")
    for url in [
        "/en/follow/measures/1-1/",
        "/en/follow/measures/nope/",
        "/de/folgen/handlungsfelder/99/",
    ]:
        assert client.get(url).status_code == 404
        assert client.post(url, {"email": "a@example.org"}).status_code == 404
    assert not Subscription.objects.exists()


HOSTILE = [
    '<script>alert("h6")</script>',
    '"><img src=x onerror=alert(1)>@example.org',
    "a@example.org\r\nBcc: victim@example.org",
    "\x00",
    "x" * 5000,
    "' OR '1'='1",
    "Poznań@Diyarbakır.example",
]


@pytest.mark.slow
def test_hostile_form_input_and_links_never_fail_or_echo_markup(client, plan, smtp):
    urls = ["/en/follow/", "/de/folgen/handlungsfelder/1/", "/en/follow/measures/1-1/"]
    for url in urls:
        for value in HOSTILE:
            for data in [{"email": value}, {"email": "a@example.org", "website": value}, {}]:
                response = client.post(url, data)
                assert response.status_code < 500, (url, data)
                assert "<script>alert" not in response.content.decode()
                assert "<img src=x" not in response.content.decode()
    for prefix in [CONFIRM["en"], UNSUBSCRIBE["de"]]:
        for token in ["%3Cscript%3E", "a" * 2000, "..%2F..", "%00", "eyJzIjoiMSJ9:x:y"]:
            for method in (client.get, client.post):
                response = method(f"{prefix}{token}/")
                assert response.status_code < 500, (prefix, token)
                assert "<script>" not in response.content.decode()
    # Nothing a robot or an attacker sent reached anyone, and no header was injected.
    assert all("\n" not in email for email in Subscription.objects.values_list("email", flat=True))
    assert not any("victim" in str(message) for message in deliver(smtp))


def test_a_cache_that_cannot_count_sends_no_mail(client, plan, smtp, monkeypatch):
    from following import limits

    def down(*args, **kwargs):
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(limits.cache, "add", down)
    response = client.post(FOLLOW["de"], {"email": "citizen@example.org"})
    assert response.status_code == 503
    assert "Wir können gerade keine Abonnements annehmen" in text_of(response, "main")
    assert not Subscription.objects.exists()
    assert deliver(smtp) == []


# Spellings of one mailbox: a +tag, a quoted local part, case, and a domain in Unicode or ASCII.
ONE_MAILBOX = [
    "victim@example.org",
    "victim+1@example.org",
    '"victim"@example.org',
    "VICTIM+news@Example.org",
    '"victim+2"@example.org',
]
ONE_IDN_MAILBOX = ["victim@exämple.org", "victim@xn--exmple-cua.org", "Victim+3@EXÄMPLE.org"]


@pytest.mark.parametrize(
    ("language", "message"),
    [("de", "heute bereits eine E-Mail geschickt"), ("en", "already sent an e-mail")],
)
def test_spellings_of_one_mailbox_get_one_mail_a_day_in_all(plan, smtp, language, message):
    for spellings in (ONE_MAILBOX, ONE_IDN_MAILBOX):
        for number, address in enumerate(spellings):
            response = Client(REMOTE_ADDR=f"10.0.1.{number + 1}").post(
                FOLLOW[language], {"email": address}
            )
            if number == 0:
                assert response.status_code == 200, address
            else:
                assert response.status_code == 429, address
                assert message in text_of(response, "main")
    assert len(deliver(smtp)) == 2
    # The address is kept as it was entered, for delivery.
    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "victim@example.org",
        "victim@exämple.org",
    ]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Bitte geben Sie eine E-Mail-Adresse mit einem Domainnamen ein"),
        ("en", "Please enter an e-mail address with a domain name"),
    ],
)
def test_an_address_at_an_ip_address_is_refused(client, plan, smtp, language, message):
    for address in ["victim@[127.0.0.1]", "victim@[::1]"]:
        response = client.post(FOLLOW[language], {"email": address})
        assert response.status_code == 400, address
        assert message in text_of(response, "main"), address
    # Without brackets it is no domain at all.
    assert client.post(FOLLOW[language], {"email": "victim@10.0.0.12"}).status_code == 400
    assert not Subscription.objects.exists()
    assert deliver(smtp) == []


def test_ipv6_clients_of_one_network_share_the_client_limit(plan, smtp, settings):
    settings.FOLLOW_MAILS_PER_CLIENT_PER_DAY = 2
    statuses = [
        Client(REMOTE_ADDR=address)
        .post(FOLLOW["en"], {"email": f"person{number}@example.org"})
        .status_code
        for number, address in enumerate(
            ["2001:db8:1:2::1", "2001:db8:1:2:ffff::9", "2001:db8:1:2:abcd:1:2:3"]
        )
    ]
    assert statuses == [200, 200, 429]
    assert len(deliver(smtp)) == 2
    # The next /64 is another client.
    other = Client(REMOTE_ADDR="2001:db8:1:3::1").post(
        FOLLOW["en"], {"email": "someone@example.org"}
    )
    assert other.status_code == 200
