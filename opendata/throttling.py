"""A modest limit on anonymous API use, counted in Django's cache."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from core.client_address import client_address


class AnonymousThrottle(AnonRateThrottle):
    """Limit anonymous clients to API_THROTTLE_ANON requests; None switches the limit off."""

    def get_rate(self):
        # Read at each request rather than at import, so that the setting can be changed.
        return getattr(settings, "API_THROTTLE_ANON", None)

    def get_ident(self, request):
        # Counted per client as the trusted proxies name it: a client writes any X-Forwarded-For
        # it likes, and a new value per request must not make it a new client.
        return client_address(request) or ""
