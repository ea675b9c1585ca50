"""Split the portal's editorial links into those the office confirmed and those it proposes."""

from django import template

register = template.Library()


@register.filter
def by_confirmation(links, end: str) -> dict:
    """Return the `end` of each link, under "confirmed" or "proposed" as the office decided."""
    parts = {"confirmed": [], "proposed": []}
    for link in links:
        parts["confirmed" if link.confirmed else "proposed"].append(getattr(link, end))
    return parts
