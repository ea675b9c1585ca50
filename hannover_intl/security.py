"""Security headers Django does not send itself: Content-Security-Policy and Permissions-Policy."""

from urllib.parse import urlsplit

from django.conf import settings

# Everything comes from our own host: no inline code, no eval, no framing, no plug-ins.
DEFAULT_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# The portal uses none of these browser features; denying them limits what injected code can do.
DEFAULT_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}


def tile_origin(tile_url: str) -> str:
    """Return the scheme and host of the map tile URL template, or '' when there is none."""
    parts = urlsplit(tile_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return ""
    # A {s} subdomain placeholder becomes a wildcard, which CSP allows at the left only.
    host = parts.netloc.replace("{s}", "*")
    return f"{parts.scheme}://{host}"


def content_security_policy() -> str:
    """Return the Content-Security-Policy header value built from the settings."""
    directives = {name: list(sources) for name, sources in settings.CONTENT_SECURITY_POLICY.items()}
    # The optional interactive map loads its tiles from the configured tile server.
    origin = tile_origin(getattr(settings, "MAP_TILE_URL", ""))
    if origin:
        directives.setdefault("img-src", ["'self'"]).append(origin)
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def permissions_policy() -> str:
    """Return the Permissions-Policy header value built from the settings."""
    return ", ".join(
        f"{feature}=({' '.join(origins)})"
        for feature, origins in settings.PERMISSIONS_POLICY.items()
    )


class SecurityHeadersMiddleware:
    """Add Content-Security-Policy and Permissions-Policy to every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Built per response, a few microseconds, so that settings overridden in tests apply.
        response.headers.setdefault("Content-Security-Policy", content_security_policy())
        response.headers.setdefault("Permissions-Policy", permissions_policy())
        return response
