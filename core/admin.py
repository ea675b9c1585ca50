"""The workflow log in the admin, read-only."""

from django.contrib import admin

from .models import WorkflowEvent


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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
