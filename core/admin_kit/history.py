"""The history of every version, field by field, and a restore that cannot bypass the review."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """Restore needs the right to change; it brings back texts, never a state or a locked field."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, object_id)
        # django-simple-history lets anyone who may *view* post a revert; we require change.
        may_change = obj is not None and self.has_change_permission(request, obj)
        if request.method == "POST" and not may_change:
            raise PermissionDenied
        # The form shows an old version; what it may change is judged by the row as it is now.
        request.restoring = obj
        return super().history_form_view(request, object_id, version_id, extra_context)

