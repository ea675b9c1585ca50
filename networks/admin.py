"""Back office for networks of cities and EU projects."""

from django.contrib import admin

from core.admin_kit import ContentAdmin
from core.admin_kit.contacts import ContactFilter, ContactsColumnMixin
from core.i18n import localized_fields
from core.spreadsheets import SpreadsheetMixin
from measures.admin import EditorialLinkAdmin, EditorialLinkFieldsMixin

from .models import THEME_LINKS, EUProject, FundingProgramme, Network
from .resources import EUProjectResource, FundingProgrammeResource


@admin.register(Network)
class NetworkAdmin(EditorialLinkFieldsMixin, ContactsColumnMixin, ContentAdmin):
    editorial_link_fields = ("themes",)
    list_display = [
        "name",
        "acronym",
        "scope",
        "membership_status",
        "since",
        "needs_verification",
        "coordinating_unit",
        "contacts_column",
        "publication_state",
    ]
    list_filter = [
        "scope",
        "membership_status",
        "needs_verification",
        "publication_state",
        "themes",
        "coordinating_unit",
        ContactFilter,
    ]
    list_select_related = ["coordinating_unit"]
    autocomplete_fields = ["coordinating_unit"]
    search_fields = ["slug", *localized_fields("name", "acronym", "role", "description")]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["measures", "contact_persons"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(EUProject)
class EUProjectAdmin(
    EditorialLinkFieldsMixin, ContactsColumnMixin, SpreadsheetMixin, ContentAdmin
):
    editorial_link_fields = ("themes",)
    resource_classes = [EUProjectResource]
    list_display = [
        "acronym",
        "title",
        "funding_programme",
        "participation_from",
        "participation_until",
        "start",
        "end",
        "lead_unit",
        "contacts_column",
        "publication_state",
    ]
    list_filter = ["publication_state", "lead_unit", "themes", ContactFilter]
    list_select_related = ["lead_unit"]
    search_fields = ["acronym", "slug", "funding_programme", *localized_fields("title", "aim")]
    autocomplete_fields = ["lead_unit", "programme"]
    prepopulated_fields = {"slug": ["acronym"]}
    filter_horizontal = ["measures", "partner_cities", "contact_persons"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(SpreadsheetMixin, ContentAdmin):
    resource_classes = [FundingProgrammeResource]
    list_display = ["name", "funder", "next_deadline", "publication_state", "is_sample"]
    list_filter = ["publication_state", "themes", "is_sample"]
    search_fields = ["slug", *localized_fields("name", "funder", "description")]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["themes"]
    date_hierarchy = "next_deadline"
    readonly_fields = ["created_at", "updated_at"]


# The office confirms the themes of networks and projects in bulk, as the plan's other links.
for link_model in THEME_LINKS:
    admin.site.register(link_model, EditorialLinkAdmin)
