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

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.changed_measure_ids = set()

    def before_save_instance(self, instance, row, **kwargs):
        # A row may move a report to another measure, whose state must follow too.
        stored = ProgressReport.objects.filter(pk=instance.pk) if instance.pk else None
        instance._previous_measure_id = (
            stored.values_list("measure_id", flat=True).first() if stored is not None else None
        )

    def after_save_instance(self, instance, row, **kwargs):
        self.changed_measure_ids |= {instance.measure_id, instance._previous_measure_id}

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # Once for the whole file, in its transaction; a preview is rolled back, so it need not.
        if not self._is_dry_run(kwargs):
            measures_sync_state(ids=self.changed_measure_ids)
