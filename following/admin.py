"""The subscriptions in the back office: a read-only list for the International Affairs Office.

Only the office's role has the permission to view them (backoffice/roles.py); nobody adds or
changes one here, because each exists by its address's own consent. The office may delete one
to honour a request for erasure.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.access import is_office

from .models import ReportNotice, Subscription


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("confirmed")), ("no", _("not yet confirmed"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confirmed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(confirmed_at__isnull=True)
        return queryset


class OfficeOnlyAdmin(admin.ModelAdmin):
    """Read-only pages that only the office opens, whatever else a role may do."""

    def has_module_permission(self, request):
        return is_office(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_office(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return is_office(request.user) and super().has_delete_permission(request, obj)


@admin.register(Subscription)
class SubscriptionAdmin(OfficeOnlyAdmin):
    list_display = ["email", "scope", "target", "language", "requested_at", "confirmed_at"]
    list_filter = [ConfirmedFilter, "scope", "language", "measure__area"]
    list_select_related = ["measure", "area"]
    search_fields = ["email"]
    # The filters show how many subscriptions each choice has.
    show_facets = admin.ShowFacets.ALWAYS
    date_hierarchy = "requested_at"
    fields = ["email", "scope", "area", "measure", "language", "requested_at", "confirmed_at"]
    readonly_fields = fields

    @admin.display(description=_("what is followed"))
    def target(self, subscription):
        return subscription.target_label


@admin.register(ReportNotice)
class ReportNoticeAdmin(OfficeOnlyAdmin):
    list_display = ["report", "queued_at", "recipients"]
    list_select_related = ["report__measure"]
    fields = ["report", "queued_at", "recipients"]
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        return False
