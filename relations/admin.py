"""Back office for activities, and their lists on the pages of cities, networks and projects."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.access import is_office, is_unit_scoped
from core.admin_kit import ContentAdmin, content_inline_add
from core.i18n import localized_fields
from core.spreadsheets import SpreadsheetMixin
from measures.models import Measure
from networks.models import EUProject, Network
from partners.models import ExternalPartner, PartnerCity

from .models import Activity
from .resources import ActivityResource
from .stale import stale_relationships


@admin.register(Activity)
class ActivityAdmin(SpreadsheetMixin, ContentAdmin):
    resource_classes = [ActivityResource]
    list_display = [
        "title",
        "kind",
        "starts_on",
        "open_to_public",
        "is_internal",
        "publication_state",
        "is_sample",
    ]
    list_filter = ["publication_state", "kind", "open_to_public", "is_internal", "is_sample"]
    search_fields = ["council_document", *localized_fields("title", "description", "venue")]
    date_hierarchy = "starts_on"
    # Lists to choose from rather than autocompletion, which would need a department editor
    # to open the cities', networks' and projects' admin pages, which they may not.
    filter_horizontal = [
        "partner_cities",
        "networks",
        "eu_projects",
        "units",
        "actors",
        "measures",
        "themes",
    ]
    readonly_fields = ["created_at", "updated_at"]
    # The office decides what is internal; a department editor records, the office publishes.
    office_only_fields = ("is_internal",)
    fieldsets = [
        (None, {"fields": ["kind", "title", "description", "starts_on", "ends_on"]}),
        (_("Event"), {"fields": ["open_to_public", "venue", "starts_at", "ends_at"]}),
        (
            _("Concerns"),
            {
                "fields": [
                    "partner_cities",
                    "networks",
                    "eu_projects",
                    "units",
                    "actors",
                    "measures",
                    "themes",
                ]
            },
        ),
        (_("Sources"), {"fields": ["council_document", "links"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "publication_state",
                    "is_internal",
                    "is_sample",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        # Internal activities are the office's record only: not for departments or the council.
        queryset = super().get_queryset(request)
        if is_office(request.user):
            return queryset
        return queryset.filter(is_internal=False)

    def scoped_choices(self, request) -> dict:
        """Return, for a department editor, the rows each many-to-many list may offer."""
        if not is_unit_scoped(request.user):
            return {}
        return {
            # A department editor records activities for the measures of their unit only.
            "measures": Measure.objects.editable_by(request.user),
            # Names of unpublished records are not for a department to read.
            "partner_cities": PartnerCity.objects.public(),
            "networks": Network.objects.public(),
            "eu_projects": EUProject.objects.public(),
            "actors": ExternalPartner.objects.public(),
        }

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        offered = self.scoped_choices(request).get(db_field.name)
        if offered is not None:
            kwargs["queryset"] = offered
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "measures" and is_unit_scoped(request.user):
            field.required = True
            field.help_text = _("Choose at least one measure of your unit.")
        return field

    def save_related(self, request, form, formsets, change):
        # The form offers a department editor only some rows of each list: keep the others.
        kept = {}
        if change:
            for name, offered in self.scoped_choices(request).items():
                kept[name] = list(
                    getattr(form.instance, name).exclude(pk__in=offered.values("pk"))
                )
        super().save_related(request, form, formsets, change)
        for name, others in kept.items():
            if others:
                getattr(form.instance, name).add(*others)

    def changelist_view(self, request, extra_context=None):
        # The office sees which relationships have gone quiet.
        extra_context = {**(extra_context or {})}
        if not is_unit_scoped(request.user):
            extra_context["stale"] = stale_relationships()
            extra_context["stale_months"] = settings.RELATIONS_STALE_MONTHS
        return super().changelist_view(request, extra_context)

    change_list_template = "admin/relations/activity/change_list.html"


def activity_inline(relation, label):
    """Return an inline of the activities linked through `relation`, with a way to add one."""
    return type(
        f"{relation.title().replace('_', '')}ActivityInline",
        (admin.TabularInline,),
        {
            "model": getattr(Activity, relation).through,
            "extra": 0,
            "autocomplete_fields": ["activity"],
            "verbose_name": _("activity"),
            "verbose_name_plural": label,
        },
    )


content_inline_add(PartnerCity, activity_inline("partner_cities", _("Activities with this city")))
content_inline_add(Network, activity_inline("networks", _("Activities in this network")))
content_inline_add(EUProject, activity_inline("eu_projects", _("Activities in this project")))
