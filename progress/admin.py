"""Back office for progress: reports, milestones, reporting periods, and status by hand."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from backoffice.admin_mixins import ContentAdmin
from backoffice.import_export_admin import SpreadsheetMixin
from backoffice.resources import ProgressReportResource
from measures.admin import MeasureAdmin
from measures.i18n import language_codes, localized_fields
from measures.models import Measure

from .models import Milestone, ProgressReport, ReportingPeriod
from .services import measure_sync_state

OVERRIDE_FIELDS = ["status_override", "status_override_reason"]


@admin.register(ProgressReport)
class ProgressReportAdmin(SpreadsheetMixin, ContentAdmin):
    resource_classes = [ProgressReportResource]
    measure_path = "measure"
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


@admin.register(Milestone)
class MilestoneAdmin(ContentAdmin):
    measure_path = "measure"
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


class MilestoneInline(TranslationTabularInline):
    model = Milestone
    extra = 0
    fields = ["title", "due_on", "reached_on", "is_sample"]


class MeasureProgressForm(forms.ModelForm):
    """Let status and progress be set by hand only together with a reason."""

    def clean(self):
        data = super().clean()
        if data.get("status_override"):
            reasons = [data.get(f"status_override_reason_{code}") for code in language_codes()]
            if not any((reason or "").strip() for reason in reasons):
                self.add_error(
                    f"status_override_reason_{language_codes()[0]}",
                    _("Give the reason for setting the status by hand; it is shown publicly."),
                )
        elif {"status", "progress"} & set(self.changed_data):
            self.add_error(
                "status",
                _(
                    "Status and progress follow the latest published progress report. To set "
                    "them here, tick “status set by hand” and give a reason."
                ),
            )
        return data


def with_override_fields(fieldsets):
    """Return `fieldsets` with the override fields right after the progress field."""
    patched, placed = [], False
    for name, options in fieldsets:
        fields = []
        for field in options["fields"]:
            fields.append(field)
            if field == "progress":
                fields.extend(OVERRIDE_FIELDS)
                placed = True
        patched.append((name, {**options, "fields": fields}))
    if not placed:
        # Never let a rearranged measure form drop the override without notice.
        patched.append((_("Status set by hand"), {"fields": OVERRIDE_FIELDS}))
    return patched


# Measures belong to the base app; progress adds its fields and milestones to their admin page.
admin.site.unregister(Measure)


@admin.register(Measure)
class MeasureWithProgressAdmin(MeasureAdmin):
    form = MeasureProgressForm
    fieldsets = with_override_fields(MeasureAdmin.fieldsets)
    inlines = [*MeasureAdmin.inlines, MilestoneInline]
    list_filter = [*MeasureAdmin.list_filter, "status_override"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not obj.status_override:
            measure_sync_state(measure=obj)
