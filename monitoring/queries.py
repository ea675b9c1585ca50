"""The sets of rows the reminders, the digest and the desk count and list, as querysets."""

import datetime

from django.db.models import Count, DateField, Q
from django.db.models.functions import Coalesce, TruncDate

from core.translation_status import content_languages, missing_translation_q, translated_models
from measures.models import Measure, Status
from networks.models import EUProject, Network
from partners.models import Partnership
from progress.models import Milestone
from progress.services import update_due_days, with_current_state

D = datetime.timedelta
# A measure that is finished needs no more reports.
FINISHED = [Status.COMPLETED, Status.DISCONTINUED]


def measures_to_report_on(measures=None):
    """Return the current, unfinished measures, each with the day its update counts from."""
    measures = Measure.objects.all() if measures is None else measures
    unfinished = measures.current().exclude(status__in=FINISHED)
    return with_current_state(unfinished).annotate(
        update_counts_from=Coalesce(
            "state_reported_on", TruncDate("created_at"), output_field=DateField()
        )
    )


def measures_update_overdue(today, measures=None):
    """Return the measures whose progress report is overdue on `today`."""
    last_good_start = today - D(days=update_due_days())
    return measures_to_report_on(measures).filter(update_counts_from__lt=last_good_start)


def measures_update_due_soon(today, days, measures=None):
    """Return the measures whose progress report falls due within `days` of `today`."""
    start = today - D(days=update_due_days())
    return measures_to_report_on(measures).filter(
        update_counts_from__gte=start, update_counts_from__lte=start + D(days=days)
    )


def milestones_overdue(today):
    """Return the milestones past their due day and not reached, of unfinished measures."""
    unfinished = Measure.objects.current().exclude(status__in=FINISHED)
    return Milestone.objects.filter(reached_on__isnull=True, due_on__lt=today).filter(
        measure__in=unfinished.values("pk")
    )


def without_contact():
    """Return, per kind of record, the current ones nobody is named responsible for."""
    return {
        Measure: Measure.objects.current().filter(contacts__isnull=True),
        Partnership: Partnership.objects.current().filter(contact_persons__isnull=True),
        Network: Network.objects.current().filter(contact_persons__isnull=True),
        EUProject: EUProject.objects.current().filter(contact_persons__isnull=True),
    }


def missing_translation_counts() -> dict[str, int]:
    """Return, per language, how many rows lack a text that the other language has."""
    totals = dict.fromkeys(content_languages(), 0)
    for model in translated_models():
        figures = model._default_manager.aggregate(
            **{
                language: Count("pk", filter=missing_translation_q(model, language))
                for language in totals
            }
        )
        for language in totals:
            totals[language] += figures[language] or 0
    return totals


def no_contact_q(model) -> Q:
    """Return the filter for rows of `model` without a contact person."""
    return Q(contacts__isnull=True) if model is Measure else Q(contact_persons__isnull=True)
