"""Sections an upper app adds to a lower app's detail page, without the lower app importing it.

An app registers a provider for a model in its `AppConfig.ready`; the page of a row of that model
asks `detail_sections(obj, request)` and includes each section's template with its context.
"""

from collections import defaultdict
from collections.abc import Callable

_PROVIDERS: dict[str, list[Callable]] = defaultdict(list)


def detail_section_add(model, provider: Callable) -> None:
    """Register `provider(obj, request) -> dict | None` for the pages of `model`'s rows.

    The dict names a `template` and carries that template's context; None adds nothing.
    """
    if provider not in _PROVIDERS[model._meta.label_lower]:
        _PROVIDERS[model._meta.label_lower].append(provider)


def detail_sections(obj, request) -> list[dict]:
    """Return the sections the registered apps add to `obj`'s page, in registration order."""
    sections = []
    for provider in _PROVIDERS[obj._meta.label_lower]:
        section = provider(obj, request)
        if section:
            sections.append(section)
    return sections
