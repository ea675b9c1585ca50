"""A health check for the load balancer, and the bare view that marks the stack's ceiling."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request):
    """Answer "ok" as plain text, touching neither the database nor the cache."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
