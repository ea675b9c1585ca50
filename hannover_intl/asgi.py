"""ASGI entry point of the portal."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hannover_intl.settings")

application = get_asgi_application()
