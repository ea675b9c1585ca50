"""Template filters of the site pages: legal facts in their place, gaps marked, Easy Read lines."""

import re

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.text import paragraphs
from hannover_intl.models import SitePage

register = template.Library()

# Markers survive HTML escaping unchanged, so they are replaced after the text is rendered.
MARKER = re.compile(r"\[\[(page:)?([a-z_-]+)\]\]")


@register.filter(is_safe=True)
def site_page_body(page: SitePage) -> str:
    """Render a site page's text with its legal facts, links to site pages and marked gaps."""
    html = lines(page.body) if page.slug == SitePage.Slug.EASY_READ else paragraphs(page.body)
    facts = {fact.field for fact in page.legal_facts()}

    def replace(match: re.Match) -> str:
        is_link, name = match.groups()
        if is_link:
            return page_link(name)
        if name == "open_data_licence":
            return format_html(
                '<a class="kern-link" href="{}">{}</a>',
                settings.OPEN_DATA_LICENCE["url"],
                settings.OPEN_DATA_LICENCE["name"],
            )
        if name == "open_data_page":
            return format_html(
                '<a class="kern-link" href="{}">{}</a>', reverse("opendata:index"), _("Open data")
            )
        if name in facts:
            return fact_html(page, name)
        return match.group(0)

    return mark_safe(MARKER.sub(replace, html))


def page_link(slug: str) -> str:
    """Return a link to the site page `slug` named by its title, or nothing if it is not public."""
    target = SitePage.objects.public().filter(slug=slug).first()
    if target is None:
        return ""
    return format_html('<a class="kern-link" href="{}">{}</a>', target.get_absolute_url(), target)


def fact_html(page: SitePage, name: str) -> str:
    """Return the legal fact's value, or a notice that the office has yet to add it."""
    value = getattr(page, name)
    if not value:
        label = SitePage._meta.get_field(name).verbose_name
        return format_html(
            '<strong class="site-page__gap">{}</strong>',
            _("To be added by the International Affairs Office: %(fact)s") % {"fact": label},
        )
    if name == "assessed_on":
        return date_format(value, "DATE_FORMAT")
    if name == "compliance_status":
        return str(page.get_compliance_status_display())
    # A multi-line address keeps its lines without opening paragraphs inside a paragraph.
    return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in value.splitlines()))


def lines(text: str) -> str:
    """Render Easy Read text: one line per line, blocks as short paragraphs, lists, headings."""
    html = []
    for block in filter(
        None, (b.strip() for b in (text or "").replace("\r\n", "\n").split("\n\n"))
    ):
        rows = [row.strip() for row in block.split("\n") if row.strip()]
        if len(rows) == 1 and rows[0].startswith("## "):
            html.append(format_html('<h2 class="kern-heading-medium">{}</h2>', rows[0][3:]))
            continue
        lead = [row for row in rows if not row.startswith("- ")]
        items = [row[2:] for row in rows if row.startswith("- ")]
        if lead:
            html.append(
                format_html(
                    '<p class="easy-read__lines">{}</p>',
                    format_html_join(mark_safe("<br>"), "{}", ((row,) for row in lead)),
                )
            )
        if items:
            html.append(
                format_html(
                    '<ul class="kern-list kern-list--bullet">{}</ul>',
                    format_html_join("", "<li>{}</li>", ((item,) for item in items)),
                )
            )
    return mark_safe("".join(html))
