"""A modest limit on anonymous API use, counted in Django's cache."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousThrottle(AnonRateThrottle):
    """Limit anonymous clients to API_THROTTLE_ANON requests; None switches the limit off."""

    def get_rate(self):
        # Read at each request rather than at import, so that the setting can be changed.
        return getattr(settings, "API_THROTTLE_ANON", None)
