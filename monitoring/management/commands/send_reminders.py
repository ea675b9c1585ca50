"""Queue the reminders due today: one mail per person, each reminder once."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from monitoring.sending import letters_for, reminders_send


class Command(BaseCommand):
    help = "Queue the day's reminders by e-mail; `send_queued_mail` delivers them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent; queue nothing."
        )
        parser.add_argument("--date", help="Act as on this day (YYYY-MM-DD) instead of today.")

    def handle(self, *args, dry_run=False, date=None, **options):
        today = self.day(date)
        letters = letters_for(today) if dry_run else reminders_send(today)
        verb = "would send" if dry_run else "queued"
        for letter in letters:
            self.stdout.write(f"{letter.recipient.email} ({letter.language}):")
            for notice in letter.notices:
                self.stdout.write(f"  {notice.kind} {notice.item} stage {notice.stage}")
        self.stdout.write(f"{verb} {len(letters)} mail(s) on {today.isoformat()}")

    @staticmethod
    def day(value: str | None) -> datetime.date:
        if not value:
            return timezone.localdate()
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise CommandError(f"--date must be YYYY-MM-DD, not {value!r}") from error
