"""`send_reminders` queues one mail per person, delivered over real SMTP (tests/smtp.py)."""

import datetime
import io

import pytest
from django.core.management import call_command
from post_office.models import STATUS, Email

from monitoring.models import Reminder
from tests.smtp import deliver_queue

from .conftest import TODAY

D = datetime.timedelta
SITE = "https://international.hannover.example"


def send_reminders(*args) -> str:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def add_report_link(measure, language="de") -> str:
    return f"{SITE}/{language}/admin/progress/progressreport/add/?measure={measure.pk}"


def test_a_dry_run_lists_the_mail_and_queues_nothing(team):
    listed = send_reminders("--dry-run")

    assert "de@hannover.example (de):" in listed
    assert "en@hannover.example (en):" in listed
    assert f"update_overdue measures.measure:{team.overdue.pk} stage 0" in listed
    assert "would send 4 mail(s) on 2027-01-15" in listed
    assert not Email.objects.exists()
    assert not Reminder.objects.exists()


def test_a_bad_date_is_refused_with_a_message(team):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        send_reminders("--date", "15.01.2027")


def test_each_person_receives_one_mail_in_their_language_with_links(team, smtp_delivery, tmp_path):
    send_reminders()
    deliver_queue(tmp_path)

    inbox = smtp_delivery
    assert sorted(address for message in inbox.received for address in message.recipients) == [
        "buero@hannover.example",
        "de@hannover.example",
        "en@hannover.example",
        "fb@hannover.example",
    ]
    [german] = inbox.to("de@hannover.example")
    assert german.language == "de"
    assert german.subject == "Handlungskonzept: 2 Einträge brauchen Ihre Aufmerksamkeit"
    assert "Hallo Dora," in german.text
    assert "Sachstandsbericht überfällig" in german.text
    assert "Meilenstein überfällig" in german.text
    assert team.overdue.title_de in german.text
    assert add_report_link(team.overdue) in german.links()
    assert add_report_link(team.overdue) in german.links("text/html")
    assert "<h2>Sachstandsbericht überfällig</h2>" in german.html

    [english] = inbox.to("en@hannover.example")
    assert english.language == "en"
    assert english.subject == "Action plan: 4 items need your attention"
    assert "Hello Emma," in english.text
    for heading in [
        "Progress report overdue",
        "Milestone overdue",
        "Progress report due soon",
        "Milestone due soon",
    ]:
        assert heading in english.text
        assert heading in english.html
    assert "Due on Jan. 25, 2027, in 10 days." in english.text
    assert "Survey done" in english.text and "Concept agreed" in english.text
    assert add_report_link(team.due_soon, "en") in english.links()
    assert f"{SITE}/en/admin/monitoring/mailpreference/mine/" in english.links()

    # Nobody is named for 2.1: its lead unit's editor hears of it, and, 30 days late, the office.
    [unit_editor] = inbox.to("fb@hannover.example")
    assert "Das Büro für Internationale Angelegenheiten wurde informiert." in unit_editor.text
    [office] = inbox.to("buero@hannover.example")
    assert team.long_overdue.title_de in office.text
    assert "Wartet auf Ihre Prüfung" in office.text
    assert f"{SITE}/de/admin/measures/measure/{team.in_review.pk}/change/" in office.links()
    assert "Wochenübersicht für das Büro" in office.text
    assert f"{SITE}/de/admin/measures/measure/?update=overdue" in office.links()


def test_a_second_run_sends_nothing_new(team, smtp_delivery, tmp_path):
    send_reminders()
    deliver_queue(tmp_path)
    queued = Email.objects.count()

    assert "queued 0 mail(s)" in send_reminders()
    deliver_queue(tmp_path)

    assert Email.objects.count() == queued == 4
    assert len(smtp_delivery.received) == 4


def reminded(user, measure, kind) -> list[int]:
    item = f"measures.measure:{measure.pk}"
    rows = Reminder.objects.filter(recipient=user, kind=kind, item=item)
    return list(rows.order_by("stage").values_list("stage", flat=True))


@pytest.mark.slow
def test_a_reminder_repeats_after_7_and_30_days_and_then_tells_the_office(team, travel):
    send_reminders()
    assert reminded(team.german_contact, team.overdue, "update_overdue") == [0]

    for days in [1, 6]:
        travel.move_to(datetime.datetime(2027, 1, 15 + days, 12, tzinfo=datetime.UTC))
        send_reminders()
        assert reminded(team.german_contact, team.overdue, "update_overdue") == [0]

    travel.move_to(datetime.datetime(2027, 1, 22, 12, tzinfo=datetime.UTC))
    send_reminders()
    assert reminded(team.german_contact, team.overdue, "update_overdue") == [0, 1]
    assert reminded(team.office, team.overdue, "update_overdue") == []

    travel.move_to(datetime.datetime(2027, 2, 14, 12, tzinfo=datetime.UTC))
    send_reminders()
    assert reminded(team.german_contact, team.overdue, "update_overdue") == [0, 1, 2]
    assert reminded(team.office, team.overdue, "update_overdue") == [2]


def test_the_interval_between_two_reminders_is_a_setting(team, travel, settings):
    settings.REMINDER_INTERVAL_DAYS = 10
    send_reminders()
    travel.move_to(datetime.datetime(2027, 1, 22, 12, tzinfo=datetime.UTC))
    send_reminders()
    assert reminded(team.german_contact, team.overdue, "update_overdue") == [0]

    travel.move_to(datetime.datetime(2027, 1, 25, 12, tzinfo=datetime.UTC))
    send_reminders()
    assert reminded(team.german_contact, team.overdue, "update_overdue") == [0, 1]


def test_what_someone_switched_off_is_not_sent_but_what_the_office_requires_is(team):
    preference = team.english_contact.mail_preference
    preference.update_due_soon = preference.milestone_due_soon = False
    preference.save()

    send_reminders()

    kinds = set(
        Reminder.objects.filter(recipient=team.english_contact).values_list("kind", flat=True)
    )
    assert kinds == {"update_overdue", "milestone_overdue"}


def test_the_date_option_acts_as_on_that_day(team):
    listed = send_reminders("--dry-run", "--date", (TODAY - D(days=10)).isoformat())

    assert f"update_due_soon measures.measure:{team.overdue.pk} stage 0" in listed
    assert f"update_overdue measures.measure:{team.overdue.pk}" not in listed
    assert "on 2027-01-05" in listed


@pytest.mark.slow
def test_a_refusing_server_leaves_the_mail_queued_and_a_later_run_delivers_it(
    team, refusing_smtp_delivery, tmp_path, travel
):
    inbox = refusing_smtp_delivery
    send_reminders()
    deliver_queue(tmp_path)

    assert inbox.received == []
    assert inbox.refused >= 4
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.requeued}

    inbox.accept()
    deliver_queue(tmp_path)
    assert inbox.received == [], "a retry waits for the retry interval"

    travel.shift(D(minutes=16))
    deliver_queue(tmp_path)
    assert len(inbox.received) == 4
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}
    assert send_reminders().endswith("queued 0 mail(s) on 2027-01-15\n")


@pytest.mark.slow
def test_with_the_sample_progress_and_contacts_the_queue_delivers_each_person_one_mail(
    plan, travel, settings, smtp_delivery, tmp_path
):
    from measures.models import Measure
    from tests.factories import (
        DepartmentEditorFactory,
        MailPreferenceFactory,
        MeasureContactFactory,
        OfficeUserFactory,
    )

    settings.SITE_URL = SITE
    Measure.objects.update(created_at=datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC))
    call_command("load_demo_progress", stdout=io.StringIO())
    OfficeUserFactory(email="buero@hannover.example")
    english = DepartmentEditorFactory(email="en@hannover.example")
    MailPreferenceFactory(user=english, language="en")
    for measure in Measure.objects.filter(number__startswith="1."):
        MeasureContactFactory(measure=measure, user=english, is_primary=True)

    send_reminders()
    deliver_queue(tmp_path)

    inbox = smtp_delivery
    assert all(len(message.recipients) == 1 for message in inbox.received)
    [mail] = inbox.to("en@hannover.example")
    assert mail.language == "en"
    # Area 1's sample milestones of 2026-07-30 were never reached: overdue for months.
    assert "Milestone overdue" in mail.text
    assert "Sample milestone: concept agreed" in mail.text
    assert all(link.startswith(f"{SITE}/en/admin/") for link in mail.links())
    [office] = inbox.to("buero@hannover.example")
    assert office.language == "de"
    assert "Wochenübersicht für das Büro" in office.text
    received = len(inbox.received)

    send_reminders()
    deliver_queue(tmp_path)
    assert len(inbox.received) == received


def test_a_proposed_change_waiting_for_the_office_is_a_review_reminder(team):
    from core.proposals import proposal_create

    proposal = proposal_create(
        obj=team.due_soon, cleaned_data={"title_en": "Proposed"}, changed=["title_en"], user=None
    )

    listed = send_reminders("--dry-run")

    assert f"review core.changeproposal:{proposal.pk} stage 0" in listed
