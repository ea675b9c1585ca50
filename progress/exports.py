"""The council report as CSV and XLSX files, in the language of the page they come from."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .reporting import PeriodReport

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sample_note() -> str:
    return _("Sample data: these figures are invented for demonstration.")


def safe_text(value: str) -> str:
    """Return `value` so that no spreadsheet program takes it for a formula."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def csv_value(value) -> str:
    """Return a cell of the CSV file: dates in ISO 8601, nothing for no value."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return safe_text(value) if isinstance(value, str) else str(value)


def headers() -> list[str]:
    return [
        _("Area of Action"),
        _("No."),
        _("Measure"),
        _("Status"),
        _("Progress (%)"),
        _("Last report"),
        _("Status at the previous report"),
        _("Change in progress (percentage points)"),
        _("Update due"),
        _("Overdue milestones"),
        _("Note"),
    ]


def table(report: PeriodReport) -> list[list]:
    """Return a row of values per measure; dates as dates, figures as numbers."""
    rows = []
    for group in report.groups:
        for row in group.rows:
            rows.append(
                [
                    group.area.number,
                    row.measure.number,
                    row.measure.title,
                    row.state.status_label,
                    # A measure nobody reported on has no progress figure, not 0.
                    row.state.progress if row.state.is_reported else None,
                    row.state.reported_on,
                    row.previous.status_label if row.previous else None,
                    row.progress_delta,
                    _("yes") if row.state.update_due else _("no"),
                    len(row.overdue_milestones),
                    sample_note() if row.is_sample or report.period.is_sample else "",
                ]
            )
    return rows


def file_name(report: PeriodReport, extension: str) -> str:
    # Dates sort correctly and need no translation; the prefix does.
    prefix = _("progress-report")
    return f"{prefix}-{report.period.ends_on.isoformat()}.{extension}"


def attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Content-Language"] = get_language()
    return response


def csv_response(report: PeriodReport) -> HttpResponse:
    """Return the report as CSV in UTF-8 with a byte order mark, so that Excel reads umlauts."""
    buffer = io.StringIO()
    # Excel set to German splits CSV files at semicolons, set to English at commas.
    delimiter = ";" if (get_language() or "de").startswith("de") else ","
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers())
    for values in table(report):
        writer.writerow([csv_value(value) for value in values])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return attachment(response, file_name(report, "csv"))


def xlsx_response(report: PeriodReport) -> HttpResponse:
    """Return the report as an Excel workbook: the measures, then the report's particulars."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Measures")[:31]
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in table(report):
        sheet.append([safe_text(value) if isinstance(value, str) else value for value in values])
    for cell in sheet["F"][1:]:
        cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    for column, width in zip(
        "ABCDEFGHIJK", (14, 8, 60, 22, 12, 14, 22, 16, 14, 14, 30), strict=True
    ):
        sheet.column_dimensions[column].width = width

    about = workbook.create_sheet(_("Report")[:31])
    period = report.period
    particulars = [
        (_("Reporting period"), period.title),
        (_("End of the reporting period"), period.ends_on),
        (_("Council document (Drucksache no.)"), period.council_document or None),
        (_("Council decision on"), period.decided_on),
        (_("Previous reporting period"), report.previous.title if report.previous else None),
    ]
    if report.is_sample:
        particulars.append((_("Note"), sample_note()))
    for key, value in particulars:
        about.append([key, safe_text(value) if isinstance(value, str) else value])
    for cell in about["B"]:
        if hasattr(cell.value, "isoformat"):
            cell.number_format = "yyyy-mm-dd"
    about.column_dimensions["A"].width = 36
    about.column_dimensions["B"].width = 50

    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    return attachment(response, file_name(report, "xlsx"))
