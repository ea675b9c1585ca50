"""Two hosts running `send_reminders` at the same moment queue each reminder once (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection
from post_office.models import Email

from monitoring import sending
from monitoring.models import Reminder

from .conftest import TODAY

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.slow
def test_two_runs_at_the_same_moment_queue_each_reminder_once(team, monkeypatch):
    if connection.vendor != "postgresql":
        # SQLite lets one connection write at a time, so nothing overlaps; .ci/run's second pass
        # runs this on PostgreSQL.
        pytest.skip("needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/hi_monitor")
    queue = sending.mail.send

    def slow_queue(**kwargs):
        # Hold the transaction open, so that the other run meets the rows it has recorded.
        queued = queue(**kwargs)
        time.sleep(0.3)
        return queued

    claim, claims = sending._claim, []

    def counted_claim(*args):
        claims.append(claim(*args))
        return claims[-1]

    monkeypatch.setattr(sending.mail, "send", slow_queue)
    monkeypatch.setattr(sending, "_claim", counted_claim)
    expected = sum(len(letter.notices) for letter in sending.letters_for(TODAY))
    start = threading.Barrier(2)
    queued, errors = [], []

    def run():
        try:
            start.wait(timeout=10)
            queued.append(len(sending.reminders_send(TODAY)))
        except Exception as error:  # the test reports it below
            errors.append(error)
        finally:
            connection.close()

    runs = [threading.Thread(target=run) for _ in range(2)]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join(timeout=60)

    assert errors == []
    assert sum(queued) == 4, queued
    assert Email.objects.count() == 4
    assert Reminder.objects.count() == expected
    # Both runs tried every reminder; the database let each through once.
    assert claims.count(True) == claims.count(False) == expected
    recipients = sorted(address for email in Email.objects.all() for address in email.to)
    assert len(recipients) == len(set(recipients)) == 4
