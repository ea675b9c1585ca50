"""Uploaded spreadsheets wait in the shared cache for their confirmation, or the import says why."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from import_export.tmp_storages import CacheStorage

from .cache_outage import outage


class ImportFileUnavailable(Exception):
    """The uploaded file cannot be kept or found again: the import cannot run now."""


def cache_unreachable() -> ImportFileUnavailable:
    """Return the error an import gives while the cache is unreachable."""
    return ImportFileUnavailable(
        _(
            "Imports cannot run at the moment: the uploaded file cannot be kept until you confirm "
            "it, because the cache is unreachable. Nothing was imported. Please try again later."
        )
    )


class SharedCacheStorage(CacheStorage):
    """Keep an uploaded file in the cache all application servers share, or raise a plain error."""

    def save(self, data):
        if outage.is_down():
            raise cache_unreachable()
        try:
            super().save(data)
        except Exception as error:
            outage.failed("an uploaded spreadsheet", error)
            raise cache_unreachable() from error

    def read(self):
        if outage.is_down():
            raise cache_unreachable()
        try:
            data = super().read()
        except Exception as error:
            outage.failed("an uploaded spreadsheet", error)
            raise cache_unreachable() from error
        if data is None:
            # Expired, pushed out by other entries or lost in a restart since the preview.
            raise ImportFileUnavailable(
                _("The uploaded file is no longer kept. Nothing was imported; upload it again.")
            )
        return data

    def remove(self):
        try:
            super().remove()
        except Exception as error:
            # The file was imported; its copy in the cache expires on its own.
            outage.failed("an uploaded spreadsheet", error)


class ImportOutageMixin:
    """Answer an import whose file cannot be kept with a message on the import page, not a 500.

    Put it before ImportExportMixin; it needs IMPORT_EXPORT_TMP_STORAGE_CLASS to be
    SharedCacheStorage, which raises the error it turns into the message.
    """

    def import_action(self, request, **kwargs):
        try:
            return super().import_action(request, **kwargs)
        except ImportFileUnavailable as error:
            return self.import_unavailable(request, error)

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except ImportFileUnavailable as error:
            return self.import_unavailable(request, error)

    def import_unavailable(self, request, error):
        """Show why the import cannot run on the import page."""
        self.message_user(request, str(error), messages.ERROR)
        opts = self.model._meta
        return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_import")
