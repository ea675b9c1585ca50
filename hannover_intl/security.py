"""The map tile server in the Content-Security-Policy, on top of django-csp's policy."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def tile_origin(tile_url: str) -> str:
    """Return the scheme and host of the map tile URL template, or '' when there is none."""
    parts = urlsplit(tile_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return ""
    # A {s} subdomain placeholder becomes a wildcard, which CSP allows at the left only.
    host = parts.netloc.replace("{s}", "*")
    return f"{parts.scheme}://{host}"


def in_configured_order(policy: str) -> str:
    """Return the policy's directives in the order of the setting, so the header never varies."""
    order = list(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives = [part.strip() for part in policy.split(";") if part.strip()]

    def position(directive: str) -> int:
        name = directive.split()[0]
        return order.index(name) if name in order else len(order)

    return "; ".join(sorted(directives, key=position))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Send settings.CONTENT_SECURITY_POLICY, with the map's tile server added to img-src."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # django-csp joins the directives in set order, which differs from process to process;
        # one fixed order keeps the header byte for byte the same on every host.
        if "Content-Security-Policy" in response:
            response["Content-Security-Policy"] = in_configured_order(
                response["Content-Security-Policy"]
            )
        return response

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # Read per response rather than at start-up, so that settings overridden in tests apply.
        origin = tile_origin(getattr(settings, "MAP_TILE_URL", ""))
        if origin and not report_only:
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", ()), origin]
            parts.update = update
        return parts
