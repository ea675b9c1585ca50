"""Who is responsible, and the reminders that keep the plan current."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    default = True
    name = "monitoring"
    verbose_name = _("Reminders")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy check of SITE_URL)
