"""Titles of the back office and the admin of site pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_kit import ContentAdmin
from core.i18n import localized_fields

from .models import SitePage

admin.site.site_header = _("Hannover – International City: back office")
admin.site.site_title = _("Back office")
admin.site.index_title = _("Content of the action plan")


@admin.register(SitePage)
class SitePageAdmin(ContentAdmin):
    list_display = ["title", "slug", "publication_state", "updated_at"]
    list_filter = ["publication_state"]
    search_fields = localized_fields("title", "body")
    readonly_fields = ["created_at", "updated_at"]
