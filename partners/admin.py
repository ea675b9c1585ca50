"""Back office for partner cities, partnerships and external partners."""

from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from core.admin_kit import ContentAdmin
from core.admin_kit.contacts import ContactFilter, ContactsColumnMixin
from core.i18n import localized_fields
from core.spreadsheets import SpreadsheetMixin
from measures.admin import EditorialLinkAdmin, EditorialLinkFieldsMixin

from .models import ExternalPartner, PartnerCity, Partnership, PartnershipThemeLink
from .resources import ExternalPartnerResource, PartnerCityResource


class PartnershipInline(EditorialLinkFieldsMixin, TranslationStackedInline):
    editorial_link_fields = ("themes",)
    model = Partnership
    extra = 0
    # Partnerships are archived, never deleted.
    can_delete = False
    autocomplete_fields = ["coordinating_unit"]
    filter_horizontal = ["measures", "contact_persons"]


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
class PartnershipAdmin(EditorialLinkFieldsMixin, ContactsColumnMixin, ContentAdmin):
    editorial_link_fields = ("themes",)
    list_display = [
        "city",
        "kind",
        "since",
        "ended_on",
        "coordinating_unit",
        "contacts_column",
        "publication_state",
    ]
    list_filter = ["publication_state", "kind", "themes", "coordinating_unit", ContactFilter]
    list_select_related = ["city", "coordinating_unit"]
    search_fields = ["city__search_names", "council_decision", *localized_fields("description")]
    autocomplete_fields = ["city", "coordinating_unit"]
    filter_horizontal = ["measures", "contact_persons"]


@admin.register(ExternalPartner)
class ExternalPartnerAdmin(SpreadsheetMixin, ContentAdmin):
    resource_classes = [ExternalPartnerResource]
    list_display = [
        "name",
        "kind",
        "is_plan_partner",
        "is_group",
        "website",
        "publication_state",
        "is_sample",
    ]
    list_filter = [
        "publication_state",
        "kind",
        "is_plan_partner",
        "is_group",
        "themes",
        "is_sample",
    ]
    search_fields = ["slug", *localized_fields("name", "description")]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["partner_cities"]
    filter_horizontal = ["measures", "themes"]
    readonly_fields = ["created_at", "updated_at"]


# The office confirms the themes of partnerships in bulk, as the plan's other links.
admin.site.register(PartnershipThemeLink, EditorialLinkAdmin)
