"""Template helpers of the public site: language links and plain-text formatting."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info, override

from core.text import paragraphs as text_paragraphs
from hannover_intl.widgets import is_plain_select, render_select

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list[dict]:
    """Return this page's address in every language, for the switcher and hreflang links."""
    request = context["request"]
    current = get_language()
    # The query string stays as it is; only the path has a form per language.
    _path, separator, query = request.get_full_path().partition("?")
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        path = translate_url(request.path, code)
        url = path + separator + query
        if code != current and path == request.path:
            # An address that resolves to nothing (a 404 page) has no counterpart: offer the
            # home page in that language rather than the same page again.
            with override(code):
                url = path = reverse("home")
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(path),
                "is_current": code == current,
            }
        )
    return alternates


@register.filter(is_safe=True)
def paragraphs(text: str, heading_level: int = 2) -> str:
    """Render plain text as paragraphs, with '- ' lines as lists and '## ' lines as headings."""
    return text_paragraphs(text, heading_level)


@register.filter
def kern_widget(field):
    """Render a form field's widget with the KERN class for its kind of input."""
    is_select = getattr(field.field.widget, "input_type", "") == "select"
    css_class = "kern-form-input__select" if is_select else "kern-form-input__input"
    if is_plain_select(field.field.widget):
        # The same HTML, without a template per option (see hannover_intl/widgets.py).
        return render_select(field, {"class": css_class})
    return field.as_widget(attrs={"class": css_class})
