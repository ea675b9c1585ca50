"""The workflow log in the admin, read-only."""

from django.contrib import admin

from .access import is_unit_scoped
from .models import WorkflowEvent
from .workflow import workflow_events_in_scope


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(admin.ModelAdmin):
    """The log of every step from draft to published, read-only."""

    list_display = [
        "created_at",
        "content_type",
        "content_object",
        "from_state",
        "to_state",
        "user",
    ]
    list_filter = ["to_state", "content_type"]
    list_select_related = ["content_type", "user"]
    search_fields = ["comment", "user__username"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        # The same scope as everywhere: a department editor sees the steps of what they may open.
        events = super().get_queryset(request)
        if not is_unit_scoped(request.user):
            return events
        return events.filter(workflow_events_in_scope(request.user))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
