"""The base every app of the portal builds on: content, languages, the workflow and admin kit."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Content workflow")
