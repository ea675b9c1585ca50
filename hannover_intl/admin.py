"""Titles of the back office and the admin of site pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_kit import ContentAdmin
from core.i18n import localized_fields

from .checks import missing_languages
from .models import LEGAL_FACTS, SitePage

admin.site.site_header = _("Hannover – International City: back office")
admin.site.site_title = _("Back office")
admin.site.index_title = _("Content of the action plan")


@admin.register(SitePage)
class SitePageAdmin(ContentAdmin):
    list_display = ["title", "slug", "publication_state", "missing_legal_facts", "updated_at"]
    list_filter = ["publication_state"]
    search_fields = localized_fields("title", "body")
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description=_("legal facts still missing"))
    def missing_legal_facts(self, obj):
        """Return how many of the page's legal facts the office has yet to fill in."""
        return sum(1 for fact in obj.legal_facts() if missing_languages(obj, fact))

    def get_fieldsets(self, request, obj=None):
        """Show a page's legal facts in a section of their own, and no other page's."""
        own = {fact.field for fact in obj.legal_facts()} if obj else set()
        every = {fact.field for fact in LEGAL_FACTS}
        fieldsets, fact_fields = [], []
        for title, options in super().get_fieldsets(request, obj):
            kept = []
            for name in options["fields"]:
                # modeltranslation names the columns of a translated field body_de, body_en.
                field = name.rsplit("_", 1)[0] if name.endswith(("_de", "_en")) else name
                if field in own:
                    fact_fields.append(name)
                elif field not in every:
                    kept.append(name)
            fieldsets.append((title, {**options, "fields": kept}))
        if fact_fields:
            description = _(
                "Required by law and not in the sources: until filled in, the page shows a "
                "marked gap and the site cannot be deployed."
            )
            fieldsets.insert(
                1, (_("Legal facts"), {"fields": fact_fields, "description": description})
            )
        return fieldsets
