"""Render a Drucksache number as a link to the council's paper when the address is configured."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.council import council_paper_url

register = template.Library()


@register.filter
def council_paper(number: str) -> str:
    """Return the number as a link to its paper, or as plain text without COUNCIL_PAPER_URL."""
    url = council_paper_url(number)
    if not url:
        return number
    return format_html(
        '<a class="kern-link" href="{}" rel="external">{}'
        '<span class="kern-sr-only"> ({})</span></a>',
        url,
        number,
        _("council information system"),
    )
