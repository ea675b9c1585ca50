"""What a signed-in member of staff may see and change, by role."""

from django.db.models import Q

from .roles import DEPARTMENT_EDITOR, PUBLISH_PERMISSION


def is_office(user) -> bool:
    """Return whether the user publishes for the International Affairs Office."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def is_department_editor(user) -> bool:
    """Return whether the user's work is limited to the measures of one department."""
    if not user.is_active or is_office(user):
        return False
    # The admin asks this many times per page; the user object lives for one request.
    if not hasattr(user, "_backoffice_department_editor"):
        user._backoffice_department_editor = user.groups.filter(name=DEPARTMENT_EDITOR).exists()
    return user._backoffice_department_editor


def editor_unit_id(user) -> int | None:
    """Return the organisational unit a department editor works for, if one is set."""
    profile = getattr(user, "editor_profile", None)
    return profile.unit_id if profile else None


def department_measures_q(user, prefix: str = "") -> Q:
    """Return a filter for the measures the editor's unit leads or contributes to."""
    unit_id = editor_unit_id(user)
    if unit_id is None:
        # An editor not yet linked to a unit sees nothing rather than everything.
        return Q(pk__in=[])
    return Q(**{f"{prefix}lead_unit": unit_id}) | Q(**{f"{prefix}contributing_units": unit_id})
