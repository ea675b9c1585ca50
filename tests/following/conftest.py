"""A real SMTP server on a free loopback port, and the mail queue pointed at it.

The lead merges this with tests/smtp.py of the reminders; until then it stands on its own.
"""

import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from post_office.mail import send_queued


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Inbox:
    """What the SMTP server received, as parsed messages."""

    messages: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        # The bytes as they came over the wire, for the headers mail programs read unparsed.
        message.raw = envelope.content
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def take(self) -> list:
        """Return what arrived since the last call, and forget it."""
        with self.lock:
            taken, self.messages = self.messages, []
        return taken


@pytest.fixture
def smtp(settings):
    """Start an SMTP server, point the queue's delivery at it, and return its inbox."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    }
    try:
        yield inbox
    finally:
        controller.stop()


def deliver(smtp) -> list:
    """Send the queue as cron would, and return what reached the SMTP server."""
    # The queue's own sending, without the command's lock file in /tmp, which other test runs
    # on the same machine would hold.
    send_queued(processes=1)
    return smtp.take()


@pytest.fixture(autouse=True)
def fresh_limits():
    """Start every test with no subscription counted in the cache."""
    cache.clear()
    yield
    cache.clear()
