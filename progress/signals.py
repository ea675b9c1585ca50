"""Keep each measure's stored status and progress in step with its progress reports."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from measures.models import Measure

from .models import ProgressReport
from .services import measure_sync_state


@receiver(pre_save, sender=ProgressReport)
def remember_previous_measure(sender, instance, raw=False, **kwargs):
    """Note the measure a changed report belonged to, which may need syncing too."""
    if raw or instance.pk is None:
        instance._previous_measure_id = None
        return
    instance._previous_measure_id = (
        ProgressReport.objects.filter(pk=instance.pk).values_list("measure_id", flat=True).first()
    )


@receiver(post_save, sender=ProgressReport)
@receiver(post_delete, sender=ProgressReport)
def sync_measure_state(sender, instance, raw=False, **kwargs):
    """Bring the report's measure, and the one it was moved from, in step with its reports."""
    if raw:
        return
    measure_ids = {instance.measure_id, getattr(instance, "_previous_measure_id", None)}
    for measure in Measure.objects.filter(pk__in=measure_ids - {None}):
        measure_sync_state(measure=measure)
