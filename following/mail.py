"""The mails of the subscription, rendered in the subscriber's language and queued.

Every mail has a plain-text and an HTML part, a link to end the subscription, and the
List-Unsubscribe headers of RFC 2369 and RFC 8058, so that mail programs offer one click.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from post_office import mail

from .models import Subscription
from .tokens import CONFIRM_DAYS, confirm_token, unsubscribe_token


def site_url(path: str) -> str:
    """Return the absolute address of `path` on the public site (SITE_URL)."""
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_url(subscription: Subscription) -> str:
    """Return the absolute unsubscribe link, in the subscription's language."""
    with translation.override(subscription.language):
        path = reverse("following:unsubscribe", kwargs={"token": unsubscribe_token(subscription)})
    return site_url(path)


def _message(subscription: Subscription, name: str, context: dict) -> dict:
    """Return the keyword arguments of post_office's send() for one mail."""
    with translation.override(subscription.language):
        context = {
            **context,
            "subscription": subscription,
            "target": subscription.target_label,
            "unsubscribe_url": unsubscribe_url(subscription),
            "privacy_url": site_url(reverse("site_page_privacy")),
        }
        subject = render_to_string(f"following/mail/{name}_subject.txt", context)
        text = render_to_string(f"following/mail/{name}.txt", context)
        html = render_to_string(f"following/mail/{name}.html", context)
    return {
        "recipients": [subscription.email],
        "sender": settings.DEFAULT_FROM_EMAIL,
        "subject": " ".join(subject.split()),
        "message": text,
        "html_message": html,
        "headers": {
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # Mail programs should neither auto-reply to nor forward these.
            "Auto-Submitted": "auto-generated",
        },
    }


def confirmation_queue(subscription: Subscription) -> None:
    """Queue the mail that asks the address to confirm the subscription."""
    with translation.override(subscription.language):
        path = reverse("following:confirm", kwargs={"token": confirm_token(subscription)})
    mail.send(
        **_message(subscription, "confirm", {"confirm_url": site_url(path), "days": CONFIRM_DAYS})
    )


def report_queue(subscriptions, report) -> int:
    """Queue one mail about the newly published `report` to each subscription; return how many."""
    messages = []
    for subscription in subscriptions:
        with translation.override(subscription.language):
            report_path = reverse("progress:measure", kwargs={"slug": report.measure.slug})
        context = {
            "report": report,
            "measure": report.measure,
            "report_url": site_url(report_path),
        }
        messages.append(_message(subscription, "report", context))
    mail.send_many(messages)
    return len(messages)
