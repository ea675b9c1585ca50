"""Back office for the plan: every model with German and English tabs."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline

from core.access import may_confirm_links
from core.admin_kit import ContentAdmin
from core.admin_kit.history import HistoryAdmin
from core.i18n import localized_fields
from core.spreadsheets import SpreadsheetMixin

from .models import (
    AreaExample,
    AreaGoalLink,
    AreaOfAction,
    Benefit,
    CityDevelopmentGoal,
    CityDevelopmentGoalLink,
    Goal,
    Measure,
    MeasureGoalLink,
    MeasureThemeLink,
    OrganisationalUnit,
    PlanSection,
    ScheduleStep,
    SubItem,
    Theme,
)
from .resources import MeasureResource, SubItemResource
from .services import links_confirm
from .status import measure_sync_state, status_change_problem


@admin.register(Theme)
class ThemeAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", *localized_fields("name")]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(OrganisationalUnit)
class OrganisationalUnitAdmin(ContentAdmin):
    list_display = ["name", "short_name", "email"]
    search_fields = ["slug", "email", *localized_fields("name", "short_name")]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(PlanSection)
class PlanSectionAdmin(ContentAdmin):
    list_display = ["title", "part", "position"]
    list_filter = ["part"]
    list_editable = ["position"]
    search_fields = ["slug", *localized_fields("title", "body")]


@admin.register(ScheduleStep)
class ScheduleStepAdmin(ContentAdmin):
    list_display = ["position", "title", "period"]
    list_display_links = ["title"]
    search_fields = localized_fields("title", "period")


class EditorialLinkFieldsMixin:
    """Choose a record's editorial links in its form; a new link starts unconfirmed.

    Django leaves a many-to-many field with its own link model out of the admin's forms; these
    links carry only a confirmation besides their two ends, which the office gives in the links'
    own lists, so choosing them in the form stays as simple as before.
    """

    editorial_link_fields: tuple[str, ...] = ()

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name not in self.editorial_link_fields:
            return super().formfield_for_manytomany(db_field, request, **kwargs)
        kwargs.setdefault(
            "widget", widgets.FilteredSelectMultiple(db_field.verbose_name, is_stacked=False)
        )
        if "queryset" not in kwargs:
            queryset = self.get_field_queryset(None, db_field, request)
            if queryset is not None:
                kwargs["queryset"] = queryset
        kwargs.setdefault(
            "help_text",
            _(
                "The public site shows a newly chosen assignment as proposed until the "
                "International Affairs Office confirms it in the list of assignments."
            ),
        )
        return db_field.formfield(**kwargs)


class CityDevelopmentGoalInline(admin.TabularInline):
    model = CityDevelopmentGoalLink
    extra = 0
    fields = ["citydevelopmentgoal", "confirmed", "confirmed_at"]
    # Confirming is the office's step in the links' own list, dated and kept in the history.
    readonly_fields = ["confirmed", "confirmed_at"]
    verbose_name = _("'Mein Hannover 2030' goal")
    verbose_name_plural = _("'Mein Hannover 2030' goals")
    autocomplete_fields = ["citydevelopmentgoal"]


@admin.register(Goal)
class GoalAdmin(ContentAdmin):
    list_display = ["number", "title", "publication_state"]
    list_display_links = ["title"]
    list_filter = ["publication_state"]
    search_fields = ["=number", *localized_fields("title", "description")]
    inlines = [CityDevelopmentGoalInline]


@admin.register(CityDevelopmentGoal)
class CityDevelopmentGoalAdmin(EditorialLinkFieldsMixin, ContentAdmin):
    editorial_link_fields = ("goals",)
    list_display = ["position", "text"]
    list_display_links = ["text"]
    list_filter = ["goals"]
    search_fields = localized_fields("text")


class AreaExampleInline(TranslationTabularInline):
    model = AreaExample
    extra = 0


@admin.register(AreaOfAction)
class AreaOfActionAdmin(EditorialLinkFieldsMixin, ContentAdmin):
    editorial_link_fields = ("goals",)
    list_display = ["number", "title", "short_title", "publication_state"]
    list_display_links = ["title"]
    list_filter = ["publication_state", "goals"]
    search_fields = ["=number", *localized_fields("title", "short_title", "summary", "description")]
    inlines = [AreaExampleInline]


class SubItemInline(TranslationTabularInline):
    model = SubItem
    extra = 1
    fields = ["position", "title", "status"]


class MeasureForm(forms.ModelForm):
    """Let status and progress differ from the reports only when set by hand (measures.status)."""

    def clean(self):
        data = super().clean()
        if self.instance is not None:
            self.instance.status_override = data.get(
                "status_override", self.instance.status_override
            )
            problem = status_change_problem(measure=self.instance, changed=set(self.changed_data))
            for field, message in (problem or {}).items():
                self.add_error(field, message)
        return data


@admin.register(Measure)
class MeasureAdmin(EditorialLinkFieldsMixin, SpreadsheetMixin, ContentAdmin):
    form = MeasureForm
    editorial_link_fields = ("goals", "themes")
    resource_classes = [MeasureResource]
    office_only_fields = ("number", "slug", "area", "lead_unit", "contributing_units")
    list_display = [
        "number",
        "title",
        "area",
        "status",
        "progress",
        "lead_unit",
        "publication_state",
        "updated_at",
    ]
    list_display_links = ["number", "title"]
    list_filter = [
        "area",
        "status",
        "publication_state",
        "goals",
        "lead_unit",
        "themes",
        "priority",
        "status_override",
    ]
    list_select_related = ["area", "lead_unit"]
    search_fields = ["number", *localized_fields("title", "summary", "description")]
    autocomplete_fields = ["area", "lead_unit"]
    filter_horizontal = ["contributing_units"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [SubItemInline]
    fieldsets = [
        (None, {"fields": ["number", "slug", "area", "title", "summary", "description"]}),
        (
            _("Progress"),
            {
                "fields": [
                    "status",
                    "progress",
                    "status_override",
                    "status_override_reason",
                    "planned_start",
                    "planned_end",
                    "priority",
                ]
            },
        ),
        (_("Responsibility"), {"fields": ["lead_unit", "contributing_units"]}),
        (_("Publication"), {"fields": ["publication_state", "created_at", "updated_at"]}),
    ]
    # Added in get_fieldsets: Django's checks refuse link fields with their own model here.
    classification = (_("Classification"), {"fields": ["goals", "themes"]})

    # Apps above this one add inlines for their own parts of a measure (progress: milestones),
    # through `measure_inline_add`, since this app may not import them.
    extra_inlines: list = []

    def get_inlines(self, request, obj):
        return [*self.inlines, *self.extra_inlines]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        return [*fieldsets[:-1], self.classification, fieldsets[-1]]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        measure_sync_state(measure=obj)


def measure_inline_add(inline) -> None:
    """Show `inline` on every measure's admin page, after the sub-items."""
    if inline not in MeasureAdmin.extra_inlines:
        MeasureAdmin.extra_inlines.append(inline)


@admin.register(SubItem)
class SubItemAdmin(SpreadsheetMixin, ContentAdmin):
    resource_classes = [SubItemResource]
    list_display = ["measure", "position", "title", "status"]
    list_display_links = ["title"]
    list_filter = ["status", "measure__area"]
    list_select_related = ["measure"]
    search_fields = ["measure__number", *localized_fields("title")]
    autocomplete_fields = ["measure"]


@admin.register(Benefit)
class BenefitAdmin(ContentAdmin):
    list_display = ["position", "title", "unit"]
    list_display_links = ["title"]
    list_select_related = ["unit"]
    list_filter = ["unit"]
    search_fields = localized_fields("title", "example")
    autocomplete_fields = ["unit"]


class EditorialLinkAdmin(HistoryAdmin):
    """The office's list of one kind of editorial link, to see and confirm them in bulk."""

    readonly_fields = ["confirmed", "confirmed_at", "confirmed_by"]
    actions = ["confirm_links"]

    def get_list_display(self, request):
        return [self.model.source_field, self.model.target_field, "confirmed", "confirmed_at"]

    def get_list_filter(self, request):
        return ["confirmed", self.model.target_field]

    def get_list_select_related(self, request):
        return [self.model.source_field, self.model.target_field, "confirmed_by"]

    def get_fields(self, request, obj=None):
        return [self.model.source_field, self.model.target_field, *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        # A link is chosen in its record's form; here it is only confirmed.
        return [self.model.source_field, self.model.target_field, *self.readonly_fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_confirm_permission(self, request):
        return may_confirm_links(request.user)

    def changelist_view(self, request, extra_context=None):
        # Django quietly drops an action the user may not run; a crafted one is refused here.
        if (
            request.method == "POST"
            and request.POST.get("action")
            and not may_confirm_links(request.user)
        ):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Confirm the selected assignments"), permissions=["confirm"])
    def confirm_links(self, request, queryset):
        """Confirm the chosen links, dated and in the name of the user."""
        if not may_confirm_links(request.user):
            raise PermissionDenied
        count = links_confirm(links=queryset, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d assignment confirmed.", "%(count)d assignments confirmed.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )


for link_model in (MeasureGoalLink, MeasureThemeLink, AreaGoalLink, CityDevelopmentGoalLink):
    admin.site.register(link_model, EditorialLinkAdmin)
