"""Render select boxes in Python: Django's templates take a millisecond for every 20 options.

A filter for partner cities at a hundred times the plan has 2,500 options; rendered option by
option through `django/forms/widgets/select_option.html` it took most of a page's time. The
HTML here is what Django's templates make, without the whitespace between the tags
(tests/performance/test_widgets.py compares them).
"""

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe


def render_attrs(attrs: dict) -> str:
    """Return HTML attributes as django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_options(options) -> str:
    """Return the <option> elements of one group."""
    return "".join(
        f'<option value="{escape(option["value"])}"{render_attrs(option["attrs"])}>'
        f"{escape(option['label'])}</option>"
        for option in options
    )


def render_select(field, attrs: dict) -> str:
    """Return a bound field's select box, as BoundField.as_widget would render it."""
    widget = field.field.widget
    attrs = field.build_widget_attrs(attrs, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    groups = []
    for name, options, _index in context["optgroups"]:
        inner = render_options(options)
        groups.append(f'<optgroup label="{escape(name)}">{inner}</optgroup>' if name else inner)
    html = f'<select name="{escape(context["name"])}"{render_attrs(context["attrs"])}>'
    # Every name, value and label above went through escape().
    return mark_safe(f"{html}{''.join(groups)}</select>")


def is_plain_select(widget) -> bool:
    """Return whether the widget is a select box drawn by Django's own templates."""
    return (
        isinstance(widget, forms.Select)
        and widget.template_name
        in (
            forms.Select.template_name,
            forms.SelectMultiple.template_name,
        )
        and widget.option_template_name == forms.Select.option_template_name
    )
