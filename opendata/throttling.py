"""A modest limit on anonymous API use, counted in Django's cache."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from core.cache_outage import outage
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

    def allow_request(self, request, view):
        # The requests are counted in the cache: without it the API answers unlimited, not 500.
        if self.rate is None or outage.is_down():
            return True
        try:
            return super().allow_request(request, view)
        except Exception as error:
            outage.failed("the API's request limit", error)
            return True
