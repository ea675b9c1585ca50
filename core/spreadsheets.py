"""Spreadsheet import and export (CSV and XLSX) of content, both languages in their own columns.

An import is bounded (core/spreadsheet_files.py): by file size, rows and cell length. Its dry
run, the preview, is rolled back; it writes no version history and makes no cached page stale,
so it holds nothing that other requests wait for. Exports escape text a spreadsheet program
would run as a formula (core/formulas.py); an import takes the escape off again.
"""

from contextlib import nullcontext

import tablib
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string
from import_export import resources
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.instance_loaders import ModelInstanceLoader
from import_export.widgets import ForeignKeyWidget

from .access import IMPORT_PERMISSION
from .formulas import formula_escaped, formula_unescaped
from .i18n import language_codes
from .import_storage import ImportOutageMixin
from .spreadsheet_files import (
    BoundedCSV,
    BoundedImportForm,
    BoundedXLSX,
    SpreadsheetRefused,
    import_limits,
)


def localized(*names: str) -> tuple[str, ...]:
    """Return every language's column of each translated field."""
    return tuple(f"{name}_{code}" for name in names for code in language_codes())


def content_changes(*, dry_run: bool):
    """Return the context an import changes content in, as the settings name it.

    The page cache lives in the project, above this app, so the settings connect the two:
    SPREADSHEET_IMPORT_CHANGES for an import, SPREADSHEET_DRY_RUN_CHANGES for its preview.
    """
    name = getattr(
        settings, "SPREADSHEET_DRY_RUN_CHANGES" if dry_run else "SPREADSHEET_IMPORT_CHANGES", ""
    )
    return import_string(name)() if name else nullcontext()


def cells_mapped(dataset: tablib.Dataset, function) -> tablib.Dataset:
    """Return a copy of `dataset` with `function` applied to every cell."""
    mapped = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        mapped.append([function(value) for value in row])
    return mapped


def loaded_relations(instance) -> set[str]:
    """Return the foreign keys of `instance` that hold an object read from the database."""
    names = set()
    for field in instance._meta.concrete_fields:
        # limit_choices_to is checked by Django alone, so such a key is always validated.
        if not field.many_to_one or field.remote_field.limit_choices_to:
            continue
        related = field.get_cached_value(instance, None)
        if related is not None and not related._state.adding:
            names.add(field.name)
    return names


class KeyedInstanceLoader(ModelInstanceLoader):
    """Find the rows' existing objects in one query where a single column identifies them."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        keys = resource.get_import_id_fields()
        self.key = resource.fields[keys[0]] if len(keys) == 1 else None
        self.instances = {}
        if self.key is None or dataset is None or self.key.column_name not in dataset.headers:
            return
        values = set()
        for row in dataset.dict:
            try:
                values.add(self.key.clean(row))
            except Exception:
                # A key that does not parse fails again, as the row's own error.
                continue
        values.discard(None)
        found = self.get_queryset().filter(**{f"{self.key.attribute}__in": values})
        self.instances = {self.key.get_value(instance): instance for instance in found}

    def get_instance(self, row):
        if self.key is None:
            return super().get_instance(row)
        return self.instances.get(self.key.clean(row))


class PreviewDiff(resources.Diff):
    """A row's changes, worked out only for the rows the preview shows."""

    def __init__(self, resource, instance, new):
        self.shown = resource.preview_room > 0
        resource.preview_room -= 1
        if self.shown:
            super().__init__(resource, instance, new)
        else:
            self.left, self.right, self.new = [], [], new

    def compare_with(self, resource, instance):
        if self.shown:
            super().compare_with(resource, instance)

    def as_html(self):
        return super().as_html() if self.shown else []


class ContentResource(resources.ModelResource):
    """Validate every row like the admin form does; a file with one bad row writes nothing."""

    preview_room = 0

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        instance_loader_class = KeyedInstanceLoader

    @classmethod
    def get_diff_class(cls):
        return PreviewDiff

    def import_data(self, dataset, dry_run=False, **kwargs):
        """Import the rows, or with `dry_run` preview them, in the page cache's context."""
        self.preview_room = import_limits().preview_rows if dry_run else 0
        # The real import locks the rows it changes until it commits, so that no admin save
        # interleaves with it; the preview is rolled back and locks nothing.
        self.lock_rows = not dry_run
        self.cell_limits = {
            field.column_name: (field.attribute or field.column_name, self.cell_limit(field))
            for field in self.get_import_fields()
        }
        with content_changes(dry_run=dry_run):
            return super().import_data(
                cells_mapped(dataset, formula_unescaped), dry_run=dry_run, **kwargs
            )

    def get_queryset(self):
        rows = super().get_queryset()
        return rows.select_for_update() if getattr(self, "lock_rows", False) else rows

    def cell_limit(self, field) -> int:
        """Return the most characters a cell of `field` may hold: its model field's maximum."""
        cap = import_limits().text_length
        model = self._meta.model
        try:
            model_field = model._meta.get_field(field.attribute)
            if model_field.is_relation and isinstance(field.widget, ForeignKeyWidget):
                # A related object is named by one of its fields, such as its slug.
                model_field = model_field.related_model._meta.get_field(field.widget.field)
        except FieldDoesNotExist:
            return cap
        return min(getattr(model_field, "max_length", None) or cap, cap)

    def before_import_row(self, row, **kwargs):
        """Refuse a row with a cell longer than its field may hold."""
        errors = {}
        for column, value in row.items():
            if not isinstance(value, str) or column not in self.cell_limits:
                continue
            name, limit = self.cell_limits[column]
            try:
                MaxLengthValidator(limit)(value)
            except ValidationError as error:
                errors[name] = error
        if errors:
            # Before the row is looked up or cleaned, so that nothing handles the long text.
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Validate the row's object as the admin form does, but what the database checks too.

        A constraint's check, and a related object's, takes a query each that costs more to
        build than all the rest of a row's import; the database checks both on saving anyway,
        and do_instance_save() puts a refusal into words.
        """
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(
                exclude={*errors, *loaded_relations(instance)},
                validate_unique=validate_unique,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        """Save the object; if the database refuses it, say why as the admin form would."""
        try:
            with transaction.atomic(using=self.get_db_connection_name()):
                super().do_instance_save(instance, is_create)
        except IntegrityError:
            # Every check in Django, each with its own message; if none fails, the error stays.
            instance.full_clean()
            raise

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs):
            # The preview is rolled back, so it has no version to keep (django-simple-history).
            instance.skip_history_when_saving = True
        super().save_instance(instance, is_create, row, **kwargs)

    def export(self, queryset=None, **kwargs):
        """Return the rows with every text a spreadsheet would run as a formula escaped."""
        return cells_mapped(super().export(queryset, **kwargs), formula_escaped)


class SpreadsheetMixin(ImportOutageMixin, ImportExportMixin):
    """Import (with a dry-run preview) and export CSV and XLSX files of one kind of content."""

    # Bounded readers for imports; exports keep django-import-export's own classes, which it
    # recognises to write numbers and dates into XLSX as such.
    import_formats = [BoundedCSV, BoundedXLSX]
    export_formats = [CSV, XLSX]
    import_form_class = BoundedImportForm

    def has_import_permission(self, request):
        # An import may touch any row, so only the office may run one.
        return request.user.has_perm(IMPORT_PERMISSION)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, SpreadsheetRefused):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        context["preview_rows"] = import_limits().preview_rows
        return context
