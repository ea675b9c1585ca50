"""Template helpers of the public site: language links and plain-text formatting."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list[dict]:
    """Return this page's address in every language, for the switcher and hreflang links."""
    request = context["request"]
    current = get_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(request.get_full_path(), code),
                "absolute_url": request.build_absolute_uri(translate_url(request.path, code)),
                "is_current": code == current,
            }
        )
    return alternates


@register.filter(is_safe=True)
def paragraphs(text: str, heading_level: int = 2) -> str:
    """Render plain text as paragraphs, with '- ' lines as lists and '## ' lines as headings."""
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n")]
    html = []
    for block in filter(None, blocks):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) == 1 and lines[0].startswith("## "):
            html.append(
                format_html(
                    '<h{0} class="kern-heading-medium">{1}</h{0}>', heading_level, lines[0][3:]
                )
            )
            continue
        items = [line[2:] for line in lines if line.startswith("- ")]
        lead = [line for line in lines if not line.startswith("- ")]
        if lead:
            html.append(format_html("<p>{}</p>", " ".join(lead)))
        if items:
            html.append(
                format_html(
                    '<ul class="kern-list kern-list--bullet">{}</ul>',
                    format_html_join("", "<li>{}</li>", ((item,) for item in items)),
                )
            )
    return mark_safe("".join(html))


@register.filter
def kern_widget(field):
    """Render a form field's widget with the KERN class for its kind of input."""
    is_select = getattr(field.field.widget, "input_type", "") == "select"
    css_class = "kern-form-input__select" if is_select else "kern-form-input__input"
    return field.as_widget(attrs={"class": css_class})
