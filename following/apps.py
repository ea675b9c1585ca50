"""Configuration of the following app: citizens who follow the plan's progress by e-mail."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowingConfig(AppConfig):
    name = "following"
    verbose_name = _("Following by e-mail")

    def ready(self):
        from . import signals

        signals.connect()
