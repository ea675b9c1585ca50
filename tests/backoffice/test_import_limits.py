"""Imports are bounded and do not block others (issue 13, finding 7).

Each test sends what an office account, or whoever holds it, could: a file too large, too many
rows, an XLSX file of a few hundred kilobytes whose one cell unpacks to 200 MB, cells longer than
their fields, a flood of bad rows, a large file to preview, and a sign-in while a preview runs.
"""

import io
import re
import threading
import time
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.spreadsheet_files import BoundedCSV
from hannover_intl import cache as page_cache
from partners.models import PartnerCity
from progress.models import ProgressReport
from progress.resources import ProgressReportResource
from tests.factories import PASSWORD, OfficeUserFactory, SuperuserFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db

IMPORT_URL = "/{language}/admin/progress/progressreport/import/"
COLUMNS = ["id", "measure", "reported_on", "status", "progress", "text_de", "text_en"]
HEADER = ",".join([*COLUMNS, "publication_state"]) + "\n"


def report_rows(count: int, progress: int = 30, report_id: str = "") -> str:
    """Return `count` CSV rows of draft reports on measure 1.1, one a day from 2020 on."""
    return "".join(
        f"{report_id},1.1,{2020 + day // 365}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d},"
        f"in_progress,{progress},Bericht {day}.,Report {day}.,draft\n"
        for day in range(count)
    )


def csv_file(rows: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("berichte.csv", (HEADER + rows).encode("utf-8"))


def xlsx_file(rows: list[list]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*COLUMNS, "publication_state"])
    for row in rows:
        sheet.append(row)
    content = io.BytesIO()
    book.save(content)
    return SimpleUploadedFile("berichte.xlsx", content.getvalue())


def post_import(client, upload, language="en"):
    file_format = "1" if upload.name.endswith(".xlsx") else "0"
    return client.post(
        IMPORT_URL.format(language=language),
        {"resource": "0", "format": file_format, "import_file": upload},
    )


def never_read(*args, **kwargs):
    pytest.fail("The file was read.")


def file_errors(response) -> list[str]:
    return parse(response.content.decode()).texts("ul.errorlist li")


def row_errors(page: str) -> dict[str, dict[str, str]]:
    """Return the preview's rows with errors: row number to field and message."""
    errors = {}
    for row in parse(page).one("table.import-preview").select("tbody tr"):
        labels = row.texts(".validation-error-field-label")
        messages = row.texts(".validation-error-list li li")
        errors[row.select("td")[0].text] = dict(zip(labels, messages, strict=True))
    return errors


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The file is 3.6 KB in size; at most 2.0 KB can be imported at once."),
        ("de", "Die Datei ist 3,6 KB groß; auf einmal können höchstens 2,0 KB importiert werden."),
    ],
)
def test_a_file_over_the_size_limit_is_refused_before_anything_reads_it(
    office_client, plan, settings, monkeypatch, language, message
):
    settings.SPREADSHEET_MAX_FILE_BYTES = 2048
    monkeypatch.setattr(BoundedCSV, "create_dataset", never_read)
    upload = csv_file(report_rows(60))
    assert 3600 < upload.size < 3700
    before = ProgressReport.objects.count()
    response = post_import(office_client, upload, language)
    assert response.status_code == 200
    assert file_errors(response) == [message]
    assert ProgressReport.objects.count() == before
    assert "process_import" not in response.content.decode()


def test_a_file_of_twenty_thousand_rows_is_refused_at_once(office_client, plan):
    upload = csv_file(report_rows(20000))
    started = time.monotonic()
    response = post_import(office_client, upload)
    # Before, the preview of such a file ran for over 13 minutes.
    assert time.monotonic() - started < 10
    assert file_errors(response) == [
        "The file has more than 2000 rows. Please import at most 2000 rows at once, in several "
        "files if need be."
    ]


def xlsx_with_one_huge_cell(megabytes: int) -> SimpleUploadedFile:
    """Return a small XLSX file whose one text cell unpacks to `megabytes` MB."""
    plain = xlsx_file([["", "1.1", "2025-01-31", "in_progress", 30, "PLACEHOLDER", "", "draft"]])
    packed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(plain.read())) as source,
        zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            content = source.read(member)
            if b"PLACEHOLDER" not in content:
                target.writestr(member, content)
                continue
            before, after = content.split(b"PLACEHOLDER")
            # Streamed in, so that the test never holds the whole cell in memory either.
            with target.open(member.filename, "w", force_zip64=True) as cell:
                cell.write(before)
                for _megabyte in range(megabytes):
                    cell.write(b"A" * 1024 * 1024)
                cell.write(after)
    return SimpleUploadedFile("berichte.xlsx", packed.getvalue())


def test_a_small_xlsx_file_with_a_200_mb_cell_is_refused_before_it_is_unpacked(
    office_client, plan, monkeypatch
):
    upload = xlsx_with_one_huge_cell(200)
    assert upload.size < 1024 * 1024
    monkeypatch.setattr(openpyxl, "load_workbook", never_read)
    response = post_import(office_client, upload)
    assert file_errors(response) == [
        "The spreadsheet holds 200.0 MB once unpacked; at most 20.0 MB can be imported at once."
    ]
    # Before, the worker took 1.2 GB and answered with a preview of 210 MB.
    assert len(response.content) < 100_000


@pytest.fixture
def read_only_spy(monkeypatch):
    """Record how openpyxl is asked to open each file."""
    calls = []
    load_workbook = openpyxl.load_workbook

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return load_workbook(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    return calls


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_cell_longer_than_its_field_is_an_error_of_its_row(
    office_client, plan, read_only_spy, file_format
):
    long_text = "Wort " * 4000 + "!"
    rows = [
        ["", "1.1", "2025-01-29", "in_progress", 30, "Gut.", "Good.", "draft"],
        ["", "1.1", "2025-01-30", "in_progress", 30, long_text, "Long.", "draft"],
        ["", "1.1", "2025-01-31", "in_progress", 30, "Gut.", "Good.", "published-or-none"],
    ]
    if file_format == "xlsx":
        upload = xlsx_file(rows)
    else:
        upload = csv_file("".join(",".join(map(str, row)) + "\n" for row in rows))
    before = ProgressReport.objects.count()
    response = post_import(office_client, upload)
    page = response.content.decode()
    assert row_errors(page) == {
        "2": {"text_de": "Ensure this value has at most 20000 characters (it has 20001)."},
        "3": {"publication_state": "Ensure this value has at most 16 characters (it has 17)."},
    }
    # The long cell is shown cut short, not in full.
    assert long_text[:90] in page and long_text not in page
    assert len(page) < 60_000
    assert ProgressReport.objects.count() == before
    if file_format == "xlsx":
        assert read_only_spy == [{"read_only": True, "data_only": True}]


def test_the_preview_shows_the_first_rows_of_each_kind_only(office_client, plan, settings):
    settings.SPREADSHEET_PREVIEW_ROWS = 3

    invalid = parse(post_import(office_client, csv_file(report_rows(5, progress=150))).content)
    assert len(invalid.one("table.import-preview").select("tbody tr")) == 3
    assert invalid.texts(".import-preview-shortened") == [
        "Only the first 3 of 5 rows with errors are shown."
    ]

    failing = parse(post_import(office_client, csv_file(report_rows(5, report_id="x"))).content)
    assert len(failing.select("li.import-error-li")) == 3
    assert failing.texts(".import-preview-shortened") == [
        "Only the first 3 errors of each kind are shown."
    ]

    response = post_import(office_client, csv_file(report_rows(5)))
    valid = parse(response.content)
    assert len(valid.select("table.import-preview tr.new")) == 3
    assert valid.texts(".import-preview-shortened") == ["Only the first 3 of 5 rows are shown."]
    # All five are imported on confirmation, not only the three shown.
    confirm = dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', response.content.decode())
    )
    before = ProgressReport.objects.count()
    office_client.post("/en/admin/progress/progressreport/process_import/", confirm)
    assert ProgressReport.objects.count() == before + 5


def test_the_limits_are_named_on_the_import_page(office_client, plan):
    page = parse(office_client.get("/de/admin/progress/progressreport/import/").content)
    assert "Höchstens 5,0 MB und 2000 Zeilen je Datei." in page.texts("p.help")


def test_a_constraint_the_database_checks_is_still_named_in_the_preview(office_client, plan):
    rows = ",1.1,2025-01-31,completed,50,Fertig.,Done.,draft\n"
    assert row_errors(post_import(office_client, csv_file(rows)).content.decode()) == {
        "1": {"Non field specific": "A completed measure stands at 100 percent."}
    }


def test_a_preview_costs_a_few_queries_a_row(office_client, plan):
    # Before, each row took 19 queries: its measure, checks and history, the measure's state
    # and the page cache version; now it is the row's insert and two savepoints.
    with CaptureQueriesContext(connection) as queries:
        response = post_import(office_client, csv_file(report_rows(300)))
    assert 'name="confirm"' in response.content.decode()
    assert len(queries) <= 5 * 300 + 30


def test_the_preview_starts_no_page_cache_version_and_the_import_one_after_it(
    plan, monkeypatch
):
    depths = []
    monkeypatch.setattr(
        page_cache, "bump_content_version", lambda: depths.append(len(connection.atomic_blocks))
    )
    dataset = BoundedCSV(encoding="utf-8").create_dataset((HEADER + report_rows(20)).encode())
    outside = len(connection.atomic_blocks)

    preview = ProgressReportResource().import_data(dataset, dry_run=True)
    assert preview.totals["new"] == 20
    assert depths == []

    ProgressReportResource().import_data(dataset, dry_run=False)
    # One new version for the whole file, once its transaction is over.
    assert depths == [outside]


@pytest.mark.django_db(transaction=True)
def test_a_sign_in_or_an_edit_while_a_preview_runs_does_not_wait_for_it(plan, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one connection write at a time; PostgreSQL shows the locks.")
    # The page cache version in the database, as where no Redis is configured.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "import_limits_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    office = OfficeUserFactory()
    SuperuserFactory(username="staff", password=PASSWORD)
    city = PartnerCity.objects.order_by("pk").first()
    halfway, done = threading.Event(), threading.Event()
    outcome = {}

    def hold_the_preview(sender, **kwargs):
        # Inside the preview's transaction, after its first row: the others act now.
        if threading.current_thread() is previewer and not halfway.is_set():
            halfway.set()
            done.wait(timeout=10)

    def preview():
        try:
            client = Client()
            client.force_login(office)
            outcome["response"] = post_import(client, csv_file(report_rows(50)))
        finally:
            connection.close()

    def timed(action) -> float:
        started = time.monotonic()
        action()
        return time.monotonic() - started

    post_save.connect(hold_the_preview, sender=ProgressReport, weak=False)
    previewer = threading.Thread(target=preview)
    try:
        previewer.start()
        assert halfway.wait(timeout=60)
        signing_in = Client()
        sign_in = timed(
            lambda: signing_in.post(
                "/de/admin/login/?next=/de/admin/", {"username": "staff", "password": PASSWORD}
            )
        )
        # Any change to content starts a new page cache version.
        edit = timed(city.save)
        done.set()
        previewer.join(timeout=60)
    finally:
        done.set()
        post_save.disconnect(hold_the_preview, sender=ProgressReport)
    assert "_auth_user_id" in signing_in.session
    # Before, both waited for the preview's lock on the page cache version: 10 s here.
    assert sign_in < 1
    assert edit < 1
    assert 'name="confirm"' in outcome["response"].content.decode()


def test_the_import_locks_the_rows_it_changes_and_the_preview_does_not(plan):
    import tablib

    from measures.resources import SubItemResource

    resource = SubItemResource()
    dataset = tablib.Dataset(headers=["measure", "position", "title_de", "title_en", "status"])
    resource.import_data(dataset, dry_run=True)
    assert not resource.get_queryset().query.select_for_update
    resource.import_data(dataset, dry_run=False)
    assert resource.get_queryset().query.select_for_update
