"""Add synthetic content at a multiple of the plan's size, or remove it again."""

import time

from django.core.management.base import BaseCommand, CommandError

from hannover_intl.scaled_data import scaled_data_generate, scaled_data_remove


class Command(BaseCommand):
    help = (
        "Add N times the plan's volume of synthetic, published content in German and English "
        "(marked [Synthetisch]/[Synthetic], slugs starting with synthetic-), for load tests. "
        "Never run in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1, help="How many times the plan.")
        parser.add_argument(
            "--remove", action="store_true", help="Remove every synthetic record instead."
        )

    def handle(self, *args, scale=1, remove=False, **options):
        started = time.monotonic()
        if remove:
            counts = scaled_data_remove()
            verb = "Removed"
        else:
            if scale < 1:
                raise CommandError("--scale must be 1 or more.")
            try:
                counts = scaled_data_generate(scale=scale)
            except ValueError as error:
                raise CommandError(str(error)) from error
            verb = "Added"
        for kind, count in sorted(counts.items()):
            self.stdout.write(f"  {count:>6} {kind}")
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"{verb} synthetic content in {seconds:.1f} s."))
