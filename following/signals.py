"""Tell subscribers when a progress report becomes published, however it got there.

A report is published by the workflow, by accepting a proposed change, by an import or by the
progress services; each of them saves the report, so the save is where it is noticed. The mails
go into the queue in the same transaction as the report: a publication that is rolled back
sends nothing.
"""

from django.db.models.signals import post_save, pre_save

from core.content import PublicationState
from progress.models import ProgressReport

from .services import report_announce


def remember_state(sender, instance, raw=False, **kwargs):
    """Note whether the report was published before this save."""
    if raw or instance.pk is None:
        instance._following_was_published = False
        return
    stored = (
        ProgressReport.objects.filter(pk=instance.pk)
        .values_list("publication_state", flat=True)
        .first()
    )
    instance._following_was_published = stored == PublicationState.PUBLISHED


def announce_if_newly_published(sender, instance, raw=False, **kwargs):
    """Queue the subscribers' mails when this save published the report."""
    if raw or getattr(instance, "_following_was_published", True):
        return
    if instance.publication_state == PublicationState.PUBLISHED:
        report_announce(instance)


def connect() -> None:
    pre_save.connect(remember_state, sender=ProgressReport, dispatch_uid="following.pre_save")
    post_save.connect(
        announce_if_newly_published, sender=ProgressReport, dispatch_uid="following.post_save"
    )
