"""Back office for progress: reports, milestones, reporting periods, and status by hand."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin_kit import ContentAdmin
from core.i18n import localized_fields
from core.spreadsheets import SpreadsheetMixin
from measures.admin import measure_inline_add

from .models import Milestone, ProgressReport, ReportingPeriod
from .resources import ProgressReportResource
from .services import measures_sync_state


@admin.register(ProgressReport)
class ProgressReportAdmin(SpreadsheetMixin, ContentAdmin):
    resource_classes = [ProgressReportResource]
    list_display = [
        "measure",
        "reported_on",
        "status",
        "progress",
        "publication_state",
        "is_sample",
        "author",
    ]
    list_filter = ["publication_state", "status", "measure__area", "is_sample"]
    list_select_related = ["measure", "author"]
    search_fields = ["measure__number", *localized_fields("text")]
    autocomplete_fields = ["measure"]
    date_hierarchy = "reported_on"
    readonly_fields = ["author", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["measure", "reported_on", "status", "progress", "text"]}),
        (
            _("Publication"),
            {"fields": ["publication_state", "is_sample", "author", "created_at", "updated_at"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        # The measure was (or the report moved it from) another: both follow their reports.
        measures_sync_state(ids={obj.measure_id, form.initial.get("measure")})


class MilestoneInline(TranslationTabularInline):
    model = Milestone
    extra = 0
    fields = ["title", "due_on", "reached_on", "is_sample"]


measure_inline_add(MilestoneInline)


@admin.register(Milestone)
class MilestoneAdmin(ContentAdmin):
    list_display = ["title", "measure", "due_on", "reached_on", "is_sample"]
    list_filter = ["measure__area", "is_sample"]
    list_select_related = ["measure"]
    search_fields = ["measure__number", *localized_fields("title")]
    autocomplete_fields = ["measure"]
    date_hierarchy = "due_on"


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ContentAdmin):
    list_display = [
        "title",
        "ends_on",
        "council_document",
        "decided_on",
        "publication_state",
        "is_sample",
    ]
    list_filter = ["publication_state", "is_sample"]
    search_fields = ["council_document", *localized_fields("title")]
    readonly_fields = ["created_at", "updated_at"]


