"""Load the action plan's content into the database, leaving what is there untouched."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from core.loading import ContentError, LoadReport
from hannover_intl.services import site_pages_load
from measures.services import action_plan_load
from networks.services import networks_load
from partners.services import partner_cities_load


class Command(BaseCommand):
    help = (
        "Load the 'Hannover – International City' action plan in German and English. "
        "Creates only what is missing: a second run changes nothing and never overwrites edits."
    )

    def handle(self, *args, **options):
        report = LoadReport()
        try:
            # German is the default language: full_clean checks the German texts as required.
            with translation.override("de"), transaction.atomic():
                action_plan_load(report=report)
                partner_cities_load(report=report)
                networks_load(report=report)
                site_pages_load(report=report)
        except ContentError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        if not report.total:
            self.stdout.write("The action plan is already loaded; nothing changed.")
            return
        for kind, count in sorted(report.created.items()):
            self.stdout.write(f"  {count:>3} {kind}")
        self.stdout.write(self.style.SUCCESS(f"Loaded {report.total} records of the action plan."))
