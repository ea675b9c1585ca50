"""Titles of the back office."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Hannover – International City: back office")
admin.site.site_title = _("Back office")
admin.site.index_title = _("Content of the action plan")
