"""Subscribing, confirming, ending subscriptions, and telling subscribers of a new report."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from core.content import PublicationState
from progress.models import ProgressReport

from . import mail
from .models import ReportNotice, Scope, Subscription
from .tokens import CONFIRM_DAYS

# The most specific subscription of an address names the report's mail and its unsubscribe link.
SPECIFICITY = {Scope.MEASURE: 0, Scope.AREA: 1, Scope.ALL: 2}


def normalised_address(email: str) -> str:
    """Return the address as it is stored and counted: trimmed and in lower case."""
    return email.strip().lower()


def _target_filter(*, scope: str, area=None, measure=None) -> Q:
    if scope == Scope.MEASURE:
        return Q(scope=scope, measure=measure)
    if scope == Scope.AREA:
        return Q(scope=scope, area=area)
    return Q(scope=Scope.ALL)


@transaction.atomic
def subscription_request(
    *, email: str, language: str, scope: str, area=None, measure=None
) -> Subscription | None:
    """Record an unconfirmed subscription and queue its confirmation mail.

    An address that already follows this gets no mail at all, and the visitor is told the same
    as anyone else, so that the form does not reveal who follows what. Returns the subscription
    a mail was queued for, or None.
    """
    email = normalised_address(email)
    existing = (
        Subscription.objects.select_for_update()
        .filter(_target_filter(scope=scope, area=area, measure=measure), email=email)
        .first()
    )
    if existing is not None and existing.is_confirmed:
        return None
    if existing is None:
        try:
            with transaction.atomic():
                existing = Subscription.objects.create(
                    email=email, language=language, scope=scope, area=area, measure=measure
                )
        except IntegrityError:
            # The same request from another server a moment ago: its mail is on its way.
            return None
    else:
        # Asked again before confirming: the new language counts, and the seven days start anew.
        existing.language = language
        existing.requested_at = timezone.now()
        existing.save(update_fields=["language", "requested_at"])
    mail.confirmation_queue(existing)
    return existing


def subscription_confirm(subscription: Subscription) -> bool:
    """Confirm the subscription; return False if it was confirmed before."""
    updated = Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    return bool(updated)


def subscription_end(subscription: Subscription, *, every_one_of_the_address: bool = False) -> int:
    """Delete the subscription (or all of its address); return how many were deleted."""
    if every_one_of_the_address:
        subscriptions = Subscription.objects.filter(email=subscription.email)
    else:
        subscriptions = Subscription.objects.filter(pk=subscription.pk)
    deleted, _by_model = subscriptions.delete()
    return deleted


def unconfirmed_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the subscriptions not confirmed within CONFIRM_DAYS; return how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=CONFIRM_DAYS)
    deleted, _by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, requested_at__lt=cutoff
    ).delete()
    return deleted


def subscribers_of(report: ProgressReport) -> list[Subscription]:
    """Return one confirmed subscription per address that follows the report's measure."""
    measure = report.measure
    candidates = Subscription.objects.filter(
        Q(scope=Scope.ALL)
        | Q(scope=Scope.AREA, area_id=measure.area_id)
        | Q(scope=Scope.MEASURE, measure_id=measure.pk),
        confirmed_at__isnull=False,
    ).select_related("area", "measure")
    chosen: dict[str, Subscription] = {}
    for subscription in candidates:
        current = chosen.get(subscription.email)
        if current is None or SPECIFICITY[subscription.scope] < SPECIFICITY[current.scope]:
            chosen[subscription.email] = subscription
    return sorted(chosen.values(), key=lambda subscription: subscription.pk)


def report_announce(report: ProgressReport) -> int:
    """Queue the mails about a newly published report, once per report; return how many.

    Only a real report (not sample data) that the public can read is announced.
    """
    if report.is_sample or report.publication_state != PublicationState.PUBLISHED:
        return 0
    if not ProgressReport.objects.public().filter(pk=report.pk).exists():
        return 0
    notice, created = ReportNotice.objects.get_or_create(report=report)
    if not created:
        return 0
    notice.recipients = mail.report_queue(subscribers_of(report), report)
    notice.save(update_fields=["recipients"])
    return notice.recipients
