"""WSGI entry point of the portal."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hannover_intl.settings")

application = get_wsgi_application()

# What start-up loads (Django, and every view, imported here through the URLconf rather than on
# the first request) lives as long as the worker. A full garbage collection walked those 150,000
# objects again, 70-100 ms in the middle of some visitor's request; frozen, the collector
# leaves them out.
url_patterns = get_resolver().url_patterns
gc.freeze()
