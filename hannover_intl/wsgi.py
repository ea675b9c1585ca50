"""WSGI entry point of the portal."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hannover_intl.settings")

application = get_wsgi_application()
