"""Friendly error pages in the site's design and the visitor's language."""

from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def csrf_failure(request, reason: str = ""):
    """Explain, without technical detail, why a form was refused and how to send it again."""
    return render(
        request,
        "errors/csrf_failure.html",
        {"missing_cookie": reason == REASON_NO_CSRF_COOKIE},
        status=403,
    )
