"""Who receives a reminder: contact persons, else the lead unit's editors, else the office."""

from django.contrib.auth import get_user_model
from django.db.models import F, Q

from core.access import PUBLISH_PERMISSION


def office_users() -> list:
    """Return the active staff of the International Affairs Office who have an e-mail address."""
    app_label, codename = PUBLISH_PERMISSION.split(".")
    granted = {"permissions__codename": codename, "permissions__content_type__app_label": app_label}
    holds = (
        Q(is_superuser=True)
        | Q(**{f"groups__{key}": value for key, value in granted.items()})
        | Q(**{f"user_{key}": value for key, value in granted.items()})
    )
    users = get_user_model().objects.filter(holds, is_active=True, is_staff=True).exclude(email="")
    return list(users.distinct().order_by("pk"))


def unit_editors() -> dict[int, list]:
    """Return the active department editors with an e-mail address, by organisational unit."""
    # The profile belongs to the back office above; its reverse relation is enough here.
    editors = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, editor_profile__isnull=False)
        .exclude(email="")
        .annotate(profile_unit_id=F("editor_profile__unit_id"))
        .order_by("pk")
    )
    by_unit: dict[int, list] = {}
    for user in editors:
        by_unit.setdefault(user.profile_unit_id, []).append(user)
    return by_unit


def measure_recipients(measure, *, editors: dict[int, list], office: list) -> list:
    """Return who hears about a measure: its contact persons, its lead unit's editors, the office.

    `measure.contacts` must be prefetched with their users.
    """
    contacts = [
        contact.user
        for contact in measure.contacts.all()
        if contact.user.is_active and contact.user.email
    ]
    return contacts or editors.get(measure.lead_unit_id) or office
