"""Delete the e-mail subscriptions that were not confirmed within seven days (daily, from cron)."""

from django.core.management.base import BaseCommand

from following.services import unconfirmed_purge


class Command(BaseCommand):
    help = "Delete e-mail subscriptions not confirmed within seven days."

    def handle(self, *args, **options):
        deleted = unconfirmed_purge()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} unconfirmed subscription(s).")
