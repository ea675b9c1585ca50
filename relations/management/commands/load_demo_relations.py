"""Add invented activities, local actors, funding programmes and events, or remove them again."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from relations.demo import demo_relations_exists, demo_relations_load, demo_relations_remove


class Command(BaseCommand):
    help = (
        "Add invented activities, events, local actors and funding programmes, all marked as "
        "sample data; the public site says so wherever they show. Never run in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove", action="store_true", help="Remove every sample row instead."
        )

    def handle(self, *args, remove=False, **options):
        if remove:
            demo_relations_remove()
            self.stdout.write("Sample register data removed.")
            return
        if demo_relations_exists():
            self.stdout.write("Sample register data is already loaded; nothing changed.")
            return
        created = demo_relations_load(today=timezone.localdate())
        self.stdout.write(
            "Sample register data loaded: {activities} activities and events, {actors} local "
            "actors, {programmes} funding programmes.".format(**created)
        )
