"""A real SMTP server on a free loopback port, for tests that read the mail the portal sends.

Use the fixtures in a test module with `from tests.smtp import mail_server, smtp_delivery  # noqa`
(or in a conftest.py): `smtp_delivery` points the mail queue (django-post-office) at Django's
SMTP backend and the server; `refusing_smtp_delivery` does the same with a server that refuses
every recipient until the test calls `inbox.accept()`. `deliver_queue(tmp_path)` runs the queue's
own command, `manage.py send_queued_mail`, as cron does.
"""

import email
import email.policy
import re
import socket
from dataclasses import dataclass, field
from types import SimpleNamespace
from unittest import mock

import post_office.mail
import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

LINK = re.compile(r"https?://[^\s\"'<>]+")


@dataclass
class Received:
    """One message as the SMTP server received it."""

    sender: str
    recipients: list[str]
    message: email.message.EmailMessage

    @property
    def subject(self) -> str:
        # A folded, encoded header reads back with the space of its fold.
        return str(self.message["Subject"]).strip()

    @property
    def language(self) -> str:
        return str(self.message["Content-Language"] or "")

    def part(self, content_type: str) -> str:
        """Return the body part of this type (text/plain or text/html), decoded."""
        found = self.message.get_body(preferencelist=(content_type.split("/")[1],))
        if found is None or found.get_content_type() != content_type:
            raise AssertionError(f"the message has no {content_type} part")
        return found.get_content()

    @property
    def text(self) -> str:
        return self.part("text/plain")

    @property
    def html(self) -> str:
        return self.part("text/html")

    def links(self, content_type: str = "text/plain") -> list[str]:
        """Return the addresses the given part links to, in order."""
        return [link.replace("&amp;", "&") for link in LINK.findall(self.part(content_type))]


@dataclass
class Inbox:
    """What the test server received; it refuses recipients while `refusal` is set."""

    host: str = "127.0.0.1"
    port: int = 0
    received: list[Received] = field(default_factory=list)
    refusal: str | None = None
    refused: int = 0

    def accept(self) -> None:
        """Let the server accept mail from now on."""
        self.refusal = None

    def to(self, address: str) -> list[Received]:
        """Return the messages that went to `address`."""
        return [message for message in self.received if address in message.recipients]

    def clear(self) -> None:
        self.received.clear()

    def take(self) -> list[email.message.EmailMessage]:
        """Return the messages received since the last call, and forget them."""
        taken = [each.message for each in self.received]
        self.clear()
        return taken

    # aiosmtpd's handler hooks -------------------------------------------------------------
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusal:
            self.refused += 1
            return self.refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        # The bytes as they came over the wire, for the headers mail programs read unparsed.
        message.raw = envelope.content
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server():
    """Run an SMTP server on a free loopback port for the test; return its inbox."""
    inbox = Inbox(port=free_port())
    controller = Controller(inbox, hostname=inbox.host, port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def _point_queue_at(settings, inbox: Inbox) -> None:
    settings.EMAIL_HOST, settings.EMAIL_PORT = inbox.host, inbox.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    settings.MAIL_DELIVERY_BACKEND = smtp
    settings.POST_OFFICE = {**settings.POST_OFFICE, "BACKENDS": {"default": smtp}}


@pytest.fixture
def smtp_delivery(settings, mail_server):
    """Deliver the mail queue to the test's SMTP server; return its inbox."""
    _point_queue_at(settings, mail_server)
    return mail_server


@pytest.fixture(params=["451 4.3.0 Mailbox temporarily unavailable", "550 5.7.1 Relaying denied"])
def refusing_smtp_delivery(request, settings, mail_server):
    """Deliver the mail queue to an SMTP server that refuses (451, then 550) until accept()."""
    mail_server.refusal = request.param
    _point_queue_at(settings, mail_server)
    return mail_server


def deliver_queue(tmp_path) -> None:
    """Send the queued mail as cron does, with a lock file of the test's own.

    The command closes the database connection after each batch, for its worker processes; on
    PostgreSQL that would end the transaction the test runs in, so it is kept open here.
    """
    keep_open = SimpleNamespace(close=lambda: None)
    with mock.patch.object(post_office.mail, "db_connection", keep_open):
        call_command("send_queued_mail", lockfile=str(tmp_path / "send_queued_mail"), verbosity=0)
