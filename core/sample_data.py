"""The management command that adds sample data for a demonstration, or removes it again."""

from django.core.management.base import BaseCommand
from django.utils import timezone


class SampleDataCommand(BaseCommand):
    """Load marked sample rows once, or remove them with --remove.

    A subclass names what it loads (`what`, e.g. "Sample progress data"), the three functions of
    its app's demo module and the summary of what a load created, filled from `load`'s counts.
    """

    what = "Sample data"
    summary = ""

    def exists(self) -> bool:
        raise NotImplementedError

    def load(self, today) -> dict:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove", action="store_true", help="Remove every sample row instead."
        )

    def handle(self, *args, remove=False, **options):
        if remove:
            self.remove()
            self.stdout.write(f"{self.what} removed.")
            return
        if self.exists():
            self.stdout.write(f"{self.what} is already loaded; nothing changed.")
            return
        created = self.load(timezone.localdate())
        self.stdout.write(f"{self.what} loaded: " + self.summary.format(**created))
