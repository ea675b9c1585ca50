"""A deploy check: links in mail need the portal's real address."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", ""}


@register(Tags.compatibility, deploy=True)
def check_site_url(app_configs=None, **kwargs) -> list[Warning]:
    """Warn where SITE_URL still points at this machine, so reminder links would lead nowhere."""
    address = urlsplit(getattr(settings, "SITE_URL", ""))
    if address.hostname not in LOCAL_HOSTS and address.scheme == "https":
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: the links in reminder mail lead nowhere.",
            hint="Set SITE_URL to the portal's public https:// address.",
            id="monitoring.W001",
        )
    ]
