"""Spreadsheet import and export (CSV and XLSX) of content, both languages in their own columns."""

from import_export import resources
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from .access import IMPORT_PERMISSION
from .i18n import language_codes


def localized(*names: str) -> tuple[str, ...]:
    """Return every language's column of each translated field."""
    return tuple(f"{name}_{code}" for name in names for code in language_codes())


class ContentResource(resources.ModelResource):
    """Validate every row like the admin form does; a file with one bad row writes nothing."""

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True


class SpreadsheetMixin(ImportExportMixin):
    """Import (with a dry-run preview) and export CSV and XLSX files of one kind of content."""

    formats = [CSV, XLSX]

    def has_import_permission(self, request):
        # An import may touch any row, so only the office may run one.
        return request.user.has_perm(IMPORT_PERMISSION)

    def has_export_permission(self, request):
        return self.has_view_permission(request)
