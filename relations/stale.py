"""Relationships that have gone quiet: no activity recorded for RELATIONS_STALE_MONTHS."""

import datetime

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone

from core.content import PublicationState
from networks.models import EUProject, Network
from partners.models import PartnerCity


def stale_since(today: datetime.date) -> datetime.date:
    """Return the day before which a relationship's last activity counts as too long ago."""
    months = getattr(settings, "RELATIONS_STALE_MONTHS", 12)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return today.replace(year=year, month=month + 1, day=min(today.day, 28))


RELATIONSHIPS = (PartnerCity, Network, EUProject)


def quiet(model, today: datetime.date):
    """Return the current rows of `model` whose last activity is missing or too long ago."""
    counted = Q(activities__starts_on__lte=today) & ~Q(
        activities__publication_state=PublicationState.ARCHIVED
    )
    return (
        model.objects.current()
        .annotate(last=Max("activities__starts_on", filter=counted))
        .filter(Q(last__isnull=True) | Q(last__lt=stale_since(today)))
    )


def stale_relationships(today: datetime.date | None = None) -> list[dict]:
    """Return each current city, network and project without a recent activity, oldest first."""
    today = today or timezone.localdate()
    rows = [
        {"obj": obj, "last": obj.last, "kind": model._meta.verbose_name}
        for model in RELATIONSHIPS
        for obj in quiet(model, today)
    ]
    return sorted(rows, key=lambda row: (row["last"] or datetime.date.min, str(row["obj"])))


def stale_count(today: datetime.date) -> int:
    """Return how many cities, networks and projects have gone quiet, one query each."""
    return sum(quiet(model, today).count() for model in RELATIONSHIPS)
