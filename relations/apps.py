"""Configuration of the relations app: the register of what happens in Hannover's relationships."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = _("International relations")

    def ready(self):
        from . import sections

        sections.register()
