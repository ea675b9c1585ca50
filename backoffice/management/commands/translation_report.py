"""Print the content whose German or English text is missing."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import capfirst

from backoffice.translation_report import translation_report


class Command(BaseCommand):
    help = "List the content whose text is missing in German or English, per model."

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with status 1 when any translation is missing (for CI).",
        )

    def handle(self, *args, strict=False, **options):
        report = translation_report()
        for entry in report:
            name = capfirst(entry.model._meta.verbose_name_plural)
            label = entry.model._meta.label
            self.stdout.write(f"{name} ({label}), missing '{entry.language}': {entry.count}")
            for obj in entry.objects:
                self.stdout.write(f"  - #{obj.pk} {obj}")
        if not report:
            self.stdout.write(self.style.SUCCESS("Every text exists in every language."))
            return
        total = sum(entry.count for entry in report)
        if strict:
            raise CommandError(f"{total} translations missing.")
        self.stdout.write(self.style.WARNING(f"{total} translations missing."))
