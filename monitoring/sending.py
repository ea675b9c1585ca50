"""Turn the notices due on a day into one mail per person, queued once, in their language."""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from post_office import mail

from . import rules
from .due import Notice, notices_due
from .kinds import Kind
from .models import MailPreference, Reminder


@dataclass
class Letter:
    """The notices one person receives in one run, in their language."""

    recipient: object
    language: str
    notices: list[Notice]


def preferences_of(users) -> dict[int, MailPreference]:
    """Return the mail settings of these users by user id; users without one get the defaults."""
    stored = {p.user_id: p for p in MailPreference.objects.filter(user__in=[u.pk for u in users])}
    language = settings.LANGUAGE_CODE.split("-")[0]
    return {u.pk: stored.get(u.pk) or MailPreference(user=u, language=language) for u in users}


def recently_reminded(today: datetime.date) -> set[tuple]:
    """Return (recipient, kind, item) of the reminders within the interval, and every stage sent."""
    since = today - datetime.timedelta(days=rules.interval_days() - 1)
    recent = Reminder.objects.filter(sent_on__gte=since).values_list("recipient", "kind", "item")
    return set(recent)


def sent_stages() -> set[tuple]:
    """Return (recipient, kind, item, stage) of every reminder recorded."""
    return set(Reminder.objects.values_list("recipient", "kind", "item", "stage"))


def letters_for(today: datetime.date) -> list[Letter]:
    """Return the letters due on `today`: each person's notices not sent before, by their wishes."""
    notices = notices_due(today)
    people = {user.pk: user for notice in notices for user in notice.recipients}
    wishes = preferences_of(people.values())
    recent = recently_reminded(today)
    sent = sent_stages()
    by_person: dict[int, list[Notice]] = {}
    for notice in notices:
        for user in notice.recipients:
            key = (user.pk, notice.kind, notice.item)
            if not wishes[user.pk].wants(notice.kind) or key in recent:
                continue
            if (*key, notice.stage) in sent:
                continue
            by_person.setdefault(user.pk, []).append(notice)
    return [
        Letter(people[pk], wishes[pk].language, found) for pk, found in sorted(by_person.items())
    ]


def _claim(letter: Letter, notice: Notice, today) -> bool:
    """Record the reminder; return False where another run recorded it first."""
    try:
        with transaction.atomic():
            Reminder.objects.create(
                recipient=letter.recipient,
                kind=notice.kind,
                item=notice.item,
                stage=notice.stage,
                sent_on=today,
            )
    except IntegrityError:
        return False
    return True


SECTIONS = [
    Kind.UPDATE_OVERDUE,
    Kind.MILESTONE_OVERDUE,
    Kind.UPDATE_DUE_SOON,
    Kind.MILESTONE_DUE_SOON,
    Kind.REVIEW,
    Kind.OFFICE_DIGEST,
]


def tidy(text: str) -> str:
    """Return the plain text with one blank line at most in a row (template tags leave more)."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_letter(letter: Letter) -> dict:
    """Return the subject and both parts of the letter, in its recipient's language."""
    with translation.override(letter.language):
        sections = [
            {"kind": kind, "label": Kind(kind).label, "notices": found}
            for kind in SECTIONS
            if (found := [n for n in letter.notices if n.kind == kind])
        ]
        count = len(letter.notices)
        context = {
            "recipient": letter.recipient,
            "sections": sections,
            "language": letter.language,
            "site_url": settings.SITE_URL.rstrip("/"),
            "settings_url": rules.Route("admin:mail_settings_mine").url,
        }
        subject = ngettext(
            "Action plan: %(count)d item needs your attention",
            "Action plan: %(count)d items need your attention",
            count,
        ) % {"count": count}
        if [n.kind for n in letter.notices] == [Kind.OFFICE_DIGEST]:
            subject = _("Action plan: the week's overview for the office")
        return {
            "subject": subject,
            "message": tidy(render_to_string("monitoring/mail/reminders.txt", context)),
            "html_message": render_to_string("monitoring/mail/reminders.html", context),
        }


def letter_queue(letter: Letter, today: datetime.date) -> bool:
    """Record the letter's reminders and queue its mail in one transaction; False if none new."""
    with transaction.atomic():
        claimed = [notice for notice in letter.notices if _claim(letter, notice, today)]
        if not claimed:
            return False
        letter = Letter(letter.recipient, letter.language, claimed)
        mail.send(
            recipients=[letter.recipient.email],
            sender=settings.DEFAULT_FROM_EMAIL,
            headers={"Content-Language": letter.language},
            priority="medium",
            **render_letter(letter),
        )
    return True


def reminders_send(today: datetime.date) -> list[Letter]:
    """Queue the reminders due on `today`; return the letters queued by this run."""
    return [letter for letter in letters_for(today) if letter_queue(letter, today)]
