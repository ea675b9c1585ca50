"""Signed links for confirming and ending a subscription, which name it and carry its secret."""

from dataclasses import dataclass

from django.core import signing

from .models import Subscription

CONFIRM_SALT = "following.confirm"
UNSUBSCRIBE_SALT = "following.unsubscribe"
# An unconfirmed subscription is deleted after this many days, and its link stops working.
CONFIRM_DAYS = 7


class TokenProblem(Exception):
    """A link that cannot be used; `reason` says why: garbage, expired or unknown."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def confirm_token(subscription: Subscription) -> str:
    """Return the token of the subscription's confirmation link, valid for CONFIRM_DAYS."""
    return signing.dumps({"s": subscription.pk, "k": subscription.key}, salt=CONFIRM_SALT)


def unsubscribe_token(subscription: Subscription) -> str:
    """Return the token of the subscription's unsubscribe link, valid while it exists."""
    return signing.dumps({"s": subscription.pk, "k": subscription.key}, salt=UNSUBSCRIBE_SALT)


@dataclass(frozen=True)
class _Payload:
    pk: int
    key: str


def _payload(token: str, *, salt: str, max_age=None) -> _Payload:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise TokenProblem("expired") from error
    except signing.BadSignature as error:
        raise TokenProblem("garbage") from error
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise TokenProblem("garbage")
    return _Payload(pk=data["s"], key=str(data.get("k", "")))


def _subscription(payload: _Payload) -> Subscription:
    subscription = (
        Subscription.objects.select_related("measure", "area").filter(pk=payload.pk).first()
    )
    # A deleted subscription's id may be taken again; its secret tells the two apart.
    if subscription is None or subscription.key != payload.key:
        raise TokenProblem("unknown")
    return subscription


def subscription_to_confirm(token: str) -> Subscription:
    """Return the subscription a confirmation token names, or raise TokenProblem."""
    payload = _payload(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)
    return _subscription(payload)


def subscription_to_end(token: str) -> Subscription:
    """Return the subscription an unsubscribe token names, or raise TokenProblem."""
    return _subscription(_payload(token, salt=UNSUBSCRIBE_SALT))
