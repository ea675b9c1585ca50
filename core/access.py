"""What a signed-in member of staff may do, read from their permissions, in one place."""

# Permissions of the content workflow; the back office's roles bundle them into groups.
PUBLISH_PERMISSION = "core.publish_content"
IMPORT_PERMISSION = "core.import_content"
# Marks a department editor, whose work is limited to what their organisational unit owns.
UNIT_SCOPE_PERMISSION = "core.work_for_own_unit"


def is_office(user) -> bool:
    """Return whether the user publishes for the International Affairs Office."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def is_unit_scoped(user) -> bool:
    """Return whether the user's work is limited to the content of their organisational unit."""
    if not user.is_authenticated or not user.is_active or is_office(user):
        return False
    return user.has_perm(UNIT_SCOPE_PERMISSION)


def editor_unit_id(user) -> int | None:
    """Return the organisational unit a department editor works for, if one is set."""
    # The profile's model belongs to the back office; the reverse relation is all we need here.
    profile = getattr(user, "editor_profile", None)
    return profile.unit_id if profile else None


def may_confirm_links(user) -> bool:
    """Return whether the user may confirm the portal's reading of the plan (the office only)."""
    return is_office(user)
