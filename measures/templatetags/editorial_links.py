"""Split the portal's editorial links into those the office confirmed and those it proposes."""

from django import template

register = template.Library()


@register.filter
def by_confirmation(links, end: str) -> dict:
    """Return the `end` of each link, under "confirmed" or "proposed" as the office decided.

    Also "total", how many links there are, and "more", whether some were not read: links
    read only in part (public_links_prefetch's `first`) carry their kind's total.
    """
    parts = {"confirmed": [], "proposed": []}
    totals = {}
    for link in links:
        kind = "confirmed" if link.confirmed else "proposed"
        parts[kind].append(getattr(link, end))
        totals[kind] = getattr(link, "group_total", len(parts[kind]))
    parts["total"] = sum(totals.values())
    parts["more"] = parts["total"] > len(parts["confirmed"]) + len(parts["proposed"])
    return parts
