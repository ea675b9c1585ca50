"""Back office for partner cities, partnerships and external partners."""

from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from core.admin_kit import ContentAdmin
from core.i18n import localized_fields
from core.spreadsheets import SpreadsheetMixin
from measures.admin import EditorialLinkAdmin, EditorialLinkFieldsMixin

from .models import ExternalPartner, PartnerCity, Partnership, PartnershipThemeLink
from .resources import PartnerCityResource


class PartnershipInline(EditorialLinkFieldsMixin, TranslationStackedInline):
    editorial_link_fields = ("themes",)
    model = Partnership
    extra = 0
    # Partnerships are archived, never deleted.
    can_delete = False
    autocomplete_fields = ["coordinating_unit"]
    filter_horizontal = ["measures"]


@admin.register(PartnerCity)
class PartnerCityAdmin(SpreadsheetMixin, ContentAdmin):
    resource_classes = [PartnerCityResource]
    list_display = ["name", "country", "latitude", "longitude", "publication_state"]
    list_filter = ["publication_state", "partnerships__kind", "country"]
    search_fields = ["slug", "search_names", *localized_fields("name", "description")]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PartnershipInline]


@admin.register(Partnership)
class PartnershipAdmin(EditorialLinkFieldsMixin, ContentAdmin):
    editorial_link_fields = ("themes",)
    list_display = ["city", "kind", "since", "ended_on", "coordinating_unit", "publication_state"]
    list_filter = ["publication_state", "kind", "themes", "coordinating_unit"]
    list_select_related = ["city", "coordinating_unit"]
    search_fields = ["city__search_names", "council_decision", *localized_fields("description")]
    autocomplete_fields = ["city", "coordinating_unit"]
    filter_horizontal = ["measures"]


@admin.register(ExternalPartner)
class ExternalPartnerAdmin(ContentAdmin):
    list_display = ["name", "is_plan_partner", "is_group", "website"]
    list_filter = ["is_plan_partner", "is_group"]
    search_fields = ["slug", *localized_fields("name", "description")]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["measures"]


# The office confirms the themes of partnerships in bulk, as the plan's other links.
admin.site.register(PartnershipThemeLink, EditorialLinkAdmin)
