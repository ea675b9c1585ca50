"""The small parts of every row of the progress pages: a date, a status, a progress figure, flags.

They were included templates; an include in a loop cost a row more than all its data, so the
progress overview and the council report, with a row per measure, spent most of their time here.
"""

import datetime
from functools import lru_cache

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext

register = template.Library()


@lru_cache(maxsize=4096)
def formatted_day(value: datetime.date, language: str) -> tuple[str, str]:
    """Return a day in ISO 8601 and in the format of `language`, the active language."""
    # The language is part of the key, as it decides the format: 1. Juli 2024 or July 1, 2024.
    return date_filter(value, "Y-m-d"), date_filter(value, "DATE_FORMAT")


@register.simple_tag
def day(value) -> str:
    """Write a date in the page's format, with its ISO value for machines."""
    if value in (None, ""):
        return ""
    # A moment is shown on its local day, as the date filter does.
    value = template_localtime(value)
    iso, shown = formatted_day(value, get_language())
    return format_html('<time datetime="{}">{}</time>', iso, shown)


@register.simple_tag
def status(state) -> str:
    """Write a status (of a measure's state or of a report) as a badge."""
    return format_html(
        '<span class="status status--{}">{}</span>',
        getattr(state, "status", ""),
        getattr(state, "status_label", ""),
    )


@register.simple_tag
def percent(value, status_value: str = "") -> str:
    """Write a progress figure as a bar with its number, or that nothing was reported."""
    if status_value == "not_reported":
        return format_html('<span class="muted">{}</span>', gettext("not reported"))
    return format_html(
        '<span class="progress-figure"><progress class="kern-progress" max="100" value="{}" '
        'aria-label="{}">{} %</progress> <span>{} %</span></span>',
        value,
        gettext("Progress"),
        value,
        value,
    )


@register.simple_tag
def progress_value(state) -> str:
    """Write a state's progress figure as text, or that nothing was reported."""
    if state is not None and state.is_reported:
        return format_html("{} %", state.progress)
    return gettext("not reported")


@register.simple_tag
def next_milestone(row) -> str:
    """Write the next open milestone of a row with its due date, or that there is none."""
    milestone = row.next_milestone
    if milestone is None:
        return format_html('<span class="muted">{}</span>', gettext("none"))
    return format_html("{} ({})", milestone.title, day(milestone.due_on))


@register.simple_tag
def flags(row) -> str:
    """Write out what in a row needs attention: an update due, overdue milestones, an override."""
    groups = []
    if row.state.update_due:
        groups.append(format_html('<span class="flag flag--due">{}</span>', gettext("Update due")))
    overdue = gettext("Milestone overdue")
    groups.append(
        format_html_join(
            "",
            '<span class="flag flag--overdue">{}: {}</span>',
            ((overdue, milestone.title) for milestone in row.overdue_milestones),
        )
    )
    if row.state.overridden:
        groups.append(format_html('<span class="flag">{}</span>', gettext("set by hand")))
    # Apart, as the flags always stood, so that they never run into one another.
    return mark_safe("\n".join(group for group in groups if group))
