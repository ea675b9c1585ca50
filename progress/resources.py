"""Spreadsheet columns for importing and exporting progress reports, both languages each."""

from core.spreadsheets import ContentResource, localized
from measures.resources import measure_field

from .models import ProgressReport
from .services import measures_sync_state


class ProgressReportResource(ContentResource):
    measure = measure_field()

    class Meta(ContentResource.Meta):
        model = ProgressReport
        fields = (
            "id",
            "measure",
            "reported_on",
            "status",
            "progress",
            *localized("text"),
            "publication_state",
        )

    def before_save_instance(self, instance, row, **kwargs):
        # A row may move a report to another measure, whose state must follow too.
        stored = ProgressReport.objects.filter(pk=instance.pk) if instance.pk else None
        instance._previous_measure_id = (
            stored.values_list("measure_id", flat=True).first() if stored is not None else None
        )

    def after_save_instance(self, instance, row, **kwargs):
        measures_sync_state(ids={instance.measure_id, instance._previous_measure_id})
