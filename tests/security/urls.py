"""The site's URLs plus views that fail, to show the error pages a visitor would get."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from hannover_intl.urls import urlpatterns as site_urlpatterns


def broken(request):
    """Fail as a bug in a view would."""
    raise RuntimeError("A bug in a view")


def forbidden(request):
    """Refuse as a view does for a visitor without the right."""
    raise PermissionDenied


def suspicious(request):
    """Refuse as Django does for a request it cannot trust."""
    raise SuspiciousOperation("Malformed request")


failing = [
    path("broken/", broken),
    path("forbidden/", forbidden),
    path("suspicious/", suspicious),
]
urlpatterns = [*i18n_patterns(*failing, prefix_default_language=True), *site_urlpatterns]
