"""Mail tests of following by e-mail: the SMTP server of tests/smtp.py, and fresh limits."""

import pytest
from django.core.cache import cache
from post_office.mail import send_queued

from tests.smtp import mail_server, smtp_delivery  # noqa: F401  (fixtures)


@pytest.fixture
def smtp(smtp_delivery):  # noqa: F811
    """Deliver the mail queue to a real SMTP server on loopback; return its inbox."""
    return smtp_delivery


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
