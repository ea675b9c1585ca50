"""Read uploaded spreadsheets (CSV, XLSX) within limits, so that no file can tie up a worker.

Every limit is a setting with a default here; a file beyond one is refused with a message that
says which, before its rows are parsed where possible.
"""

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm

MB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    """How much one spreadsheet import may hold, and how much of it the preview shows."""

    file_bytes: int
    # An XLSX file is a zip archive: what it holds once unpacked is what takes memory.
    unpacked_bytes: int
    rows: int
    columns: int
    # The longest cell of a text field without a maximum length of its own.
    text_length: int
    # Rows shown in the preview, of the valid rows and of each kind of error.
    preview_rows: int


def import_limits() -> ImportLimits:
    """Return the limits the settings set, or their defaults."""
    return ImportLimits(
        file_bytes=getattr(settings, "SPREADSHEET_MAX_FILE_BYTES", 5 * MB),
        unpacked_bytes=getattr(settings, "SPREADSHEET_MAX_UNPACKED_BYTES", 20 * MB),
        rows=getattr(settings, "SPREADSHEET_MAX_ROWS", 2000),
        columns=getattr(settings, "SPREADSHEET_MAX_COLUMNS", 100),
        text_length=getattr(settings, "SPREADSHEET_MAX_TEXT_LENGTH", 20000),
        preview_rows=getattr(settings, "SPREADSHEET_PREVIEW_ROWS", 50),
    )


class SpreadsheetRefused(ValueError):
    """A file beyond one of the import limits; its message says which, to the editor."""


def check_file_size(size: int) -> None:
    """Refuse a file larger than the limit."""
    limit = import_limits().file_bytes
    if size > limit:
        raise SpreadsheetRefused(
            _("The file is {size} in size; at most {limit} can be imported at once.").format(
                size=filesizeformat(size), limit=filesizeformat(limit)
            )
        )


def check_unpacked_size(content: bytes) -> None:
    """Refuse an XLSX file whose archive unpacks to more than the limit, before reading it."""
    limit = import_limits().unpacked_bytes
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        # The sizes come from the archive's directory; unpacking never yields more than them.
        size = sum(member.file_size for member in archive.infolist())
    if size > limit:
        raise SpreadsheetRefused(
            _(
                "The spreadsheet holds {size} once unpacked; at most {limit} can be imported "
                "at once."
            ).format(size=filesizeformat(size), limit=filesizeformat(limit))
        )


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def header_of(row) -> list:
    """Return the names of the columns, without the blank cells after the last one."""
    header = list(row)
    while header and is_blank(header[-1]):
        header.pop()
    if len(header) > import_limits().columns:
        raise SpreadsheetRefused(
            _("The header row has more than {limit} columns.").format(
                limit=import_limits().columns
            )
        )
    return header


def bounded_dataset(header: list, rows: Iterable, fill) -> tablib.Dataset:
    """Return the rows under `header` as a dataset, leaving out blank rows.

    Cells to the right of the last named column have no column to go to and are left out;
    missing cells at the end of a row are filled with `fill`.
    """
    limit = import_limits().rows
    dataset = tablib.Dataset(headers=["" if name is None else str(name) for name in header])
    width = len(header)
    if not width:
        return dataset
    for row in rows:
        cells = list(row[:width])
        if all(is_blank(cell) for cell in cells):
            continue
        if len(dataset) == limit:
            raise SpreadsheetRefused(
                _(
                    "The file has more than {limit} rows. Please import at most {limit} rows "
                    "at once, in several files if need be."
                ).format(limit=limit)
            )
        dataset.append(cells + [fill] * (width - len(cells)))
    return dataset


class BoundedCSV(CSV):
    """CSV read row by row, up to the row limit."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, str):
            in_stream = in_stream.encode()
        check_file_size(len(in_stream))
        text = in_stream.decode(self.encoding or "utf-8-sig")
        rows = csv.reader(io.StringIO(text, newline=""))
        return bounded_dataset(header_of(next(rows, ())), rows, fill="")


class BoundedXLSX(XLSX):
    """The first sheet of an XLSX file, read in openpyxl's streaming mode, up to the limits."""

    def create_dataset(self, in_stream):
        import openpyxl

        check_file_size(len(in_stream))
        check_unpacked_size(in_stream)
        # Read-only mode streams the sheet instead of building it in memory; data_only gives
        # a formula cell's last computed value, never the formula.
        book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        try:
            sheet = book.active
            # One column more than the limit, to tell a header row that is too wide.
            first = sheet.iter_rows(
                max_row=1, max_col=import_limits().columns + 1, values_only=True
            )
            header = header_of(next(first, ()))
            # Rows come padded to max_col, so only the named columns are read.
            rows = sheet.iter_rows(min_row=2, max_col=max(len(header), 1), values_only=True)
            return bounded_dataset(header, rows, fill=None)
        finally:
            book.close()


class BoundedImportForm(ImportForm):
    """The import form, which refuses a file over the size limit before anything reads it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limits = import_limits()
        self.fields["import_file"].help_text = _(
            "At most {size} and {rows} rows per file."
        ).format(size=filesizeformat(limits.file_bytes), rows=limits.rows)

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            check_file_size(upload.size)
        except SpreadsheetRefused as refusal:
            raise ValidationError(str(refusal), code="too_large") from refusal
        return upload
