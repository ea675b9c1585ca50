"""Add invented progress figures for a demonstration, or remove them again."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from progress.demo import demo_progress_exists, demo_progress_load, demo_progress_remove


class Command(BaseCommand):
    help = (
        "Add invented progress reports, milestones and two reporting periods, all marked as "
        "sample data; the public site says so wherever they show. Never run in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove", action="store_true", help="Remove every sample row instead."
        )

    def handle(self, *args, remove=False, **options):
        if remove:
            demo_progress_remove()
            self.stdout.write("Sample progress data removed.")
            return
        if demo_progress_exists():
            self.stdout.write("Sample progress data is already loaded; nothing changed.")
            return
        created = demo_progress_load(today=timezone.localdate())
        self.stdout.write(
            "Sample progress data loaded: {reports} reports, {milestones} milestones, "
            "{periods} reporting periods.".format(**created)
        )
