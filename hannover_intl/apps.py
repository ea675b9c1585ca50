"""Configuration of the project package: site-wide pages, commands and template tags."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HannoverIntlConfig(AppConfig):
    name = "hannover_intl"
    verbose_name = _("Hannover – International City")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy check of the legal facts)
        from .cache import connect_content_signals

        connect_content_signals()
