"""Spreadsheet import and export in the admin, for the office only when it writes."""

from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from .roles import IMPORT_PERMISSION


class SpreadsheetMixin(ImportExportMixin):
    """Import (with a dry-run preview) and export CSV and XLSX files of one kind of content."""

    formats = [CSV, XLSX]

    def has_import_permission(self, request):
        # An import may touch any row, so only the office may run one.
        return request.user.has_perm(IMPORT_PERMISSION)

    def has_export_permission(self, request):
        return self.has_view_permission(request)
