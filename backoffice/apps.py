"""The back office: roles, the publishing workflow, history, translation status and imports."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    default = True
    name = "backoffice"
    verbose_name = _("Back office")

    def ready(self):
        from .roles import roles_sync_after_migrate

        # Groups need the permissions, which Django creates after the migrations have run.
        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="backoffice_roles_sync")


# Imported as a module, so that Django does not take the admin's own config for ours.
class PortalAdminConfig(admin_apps.AdminConfig):
    """The Django admin, served by our site with optional two-factor sign-in."""

    default = False
    default_site = "backoffice.sites.PortalAdminSite"
