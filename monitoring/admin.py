"""The reminder log, each person's mail settings, and the list filters behind the desk's figures."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import is_office
from measures.admin import MeasureAdmin
from progress.admin import MilestoneAdmin

from . import queries, rules
from .models import MailPreference, Reminder


class UpdateDueFilter(admin.SimpleListFilter):
    """Measures whose progress report is overdue, or due soon."""

    title = _("progress report")
    parameter_name = "update"

    def lookups(self, request, model_admin):
        return [("overdue", _("overdue")), ("soon", _("due soon"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(pk__in=queries.measures_update_overdue(today).values("pk"))
        if self.value() == "soon":
            due = queries.measures_update_due_soon(today, rules.due_soon_days())
            return queryset.filter(pk__in=due.values("pk"))
        return queryset


class MilestoneDueFilter(admin.SimpleListFilter):
    """Milestones past their due day and not reached."""

    title = _("due")
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("overdue", _("overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            overdue = queries.milestones_overdue(timezone.localdate())
            return queryset.filter(pk__in=overdue.values("pk"))
        return queryset


# The measures and progress apps sit below this one and cannot know these filters.
for model_admin, list_filter in [
    (MeasureAdmin, UpdateDueFilter),
    (MilestoneAdmin, MilestoneDueFilter),
]:
    if list_filter not in model_admin.list_filter:
        model_admin.list_filter = [list_filter, *model_admin.list_filter]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """What was reminded, to whom and when: a log nobody edits."""

    list_display = ["sent_on", "recipient", "kind", "item", "stage"]
    list_filter = ["kind", "sent_on"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__username", "recipient__email", "item"]
    date_hierarchy = "sent_on"

    def has_module_permission(self, request):
        return is_office(request.user)

    def has_view_permission(self, request, obj=None):
        return is_office(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MailPreference)
class MailPreferenceAdmin(admin.ModelAdmin):
    """Each member of staff sets their own mail language and optional reminders; the office all."""

    list_display = ["user", "language", "update_due_soon", "milestone_due_soon"]
    list_filter = ["language"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if is_office(request.user) else queryset.filter(user=request.user)

    def get_fields(self, request, obj=None):
        fields = ["language", "update_due_soon", "milestone_due_soon"]
        return ["user", *fields] if is_office(request.user) else fields

    def get_readonly_fields(self, request, obj=None):
        return ["user"] if obj is not None and is_office(request.user) else []

    def _own(self, request, obj) -> bool:
        return obj is None or obj.user_id == request.user.pk or is_office(request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and self._own(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return is_office(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("mine/", self.admin_site.admin_view(self.mine_view), name="mail_settings_mine"),
            *super().get_urls(),
        ]

    def mine_view(self, request):
        """Open the signed-in person's own mail settings, creating them with the defaults."""
        preference, _created = MailPreference.objects.get_or_create(user=request.user)
        return redirect(reverse("admin:monitoring_mailpreference_change", args=[preference.pk]))
