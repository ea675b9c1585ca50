"""Filter fields for rows that grow with the data: a name with suggestions, not a choice of all.

A select box carries every row it offers, so a list's page would grow with them (issue 18,
section 3). A text field with a bounded list of suggestions stays the same size: browsers offer
the suggestions of a datalist as one types, without script, and the server looks up the name.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.i18n import translated_order
from core.text import fold

# The most names a field suggests: a bounded list however many rows there are.
SUGGESTIONS = 20
MAX_LENGTH = 100
# Rows read to find the one a name means exactly: names containing it that sort before it
# ("Alt-Stadt 1" before "Stadt 1") must not hide it.
FIND_LIMIT = 200


def english_active() -> bool:
    """Return whether the page is in English rather than German."""
    return (get_language() or "de").startswith("en")


def in_active_language(name_de: str, name_en: str) -> str:
    """Return a name in the active language, the German one where there is no English one."""
    return (english_active() and name_en) or name_de or ""


class NameLookup:
    """The rows a text filter field accepts, each by its key or a name in either language.

    A subclass gives `rows(text)`: the rows on offer whose key or names contain `text`, in the
    order to suggest them, as tuples (key, German name, English name, further names…).
    """

    # What the list's page says when no row has the name typed, and above the rows that
    # contain it; both get the typed text as %(name)s.
    unknown_message = _("Nothing called “%(name)s” was found, so the list is not narrowed by it.")
    matches_heading = _("Names that contain “%(name)s”:")

    def rows(self, text: str):
        raise NotImplementedError

    def name(self, row) -> str:
        """Return the name a visitor reads and types for a row, in the active language."""
        return in_active_language(row[1], row[2])

    def suggest(self, text: str = "") -> list[str]:
        """Return the names of at most SUGGESTIONS rows whose names contain `text`."""
        return [self.name(row) for row in self.rows(text.strip())[:SUGGESTIONS]]

    def find(self, text: str):
        """Return the key of the row `text` names exactly, in either language or by its key."""
        text = text.strip()
        wanted = fold(text)
        if not wanted:
            return None
        for key, *names in self.rows(text)[:FIND_LIMIT]:
            if text == str(key) or wanted in {fold(name or "") for name in names}:
                return key
        return None


class SuggestingTextInput(forms.TextInput):
    """A text field with a list of suggestions the browser offers as one types, without script."""

    template_name = "core/widgets/suggesting_input.html"

    def __init__(self, suggestions, attrs=None):
        super().__init__(attrs)
        self.suggestions = suggestions

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id') or name}-suggestions"
        widget["attrs"]["list"] = widget["list_id"]
        widget["suggestions"] = self.suggestions(str(value or ""))
        return context


class NameField(forms.CharField):
    """A row given by its name in either language or by its key, as other pages link it."""

    default_error_messages = {"unknown": _("Nothing of that name was found.")}

    def __init__(self, *, lookup: NameLookup, **kwargs):
        self.lookup = lookup
        kwargs.setdefault("max_length", MAX_LENGTH)
        kwargs.setdefault("widget", SuggestingTextInput(lookup.suggest))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return ""
        key = self.lookup.find(text)
        if key is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return key


class NameFilter(django_filters.CharFilter):
    """Filter by a row given by name, with suggestions, rather than a choice among thousands.

    Give the `lookup` that finds the rows; the filter compares its key with `field_name`.
    """

    field_class = NameField


def unknown_names(filterset, asked: dict, query) -> list[dict]:
    """Return, per name field whose text `asked` no row has, what the page says and the matches.

    `query` is the list's query string without its page; each match links to the list
    filtered by that name, for a visitor who sent part of a name without a browser that suggests.
    """
    unknown = []
    for field_name, text in asked.items():
        field = filterset.form.fields.get(field_name)
        text = (text or "").strip()[:MAX_LENGTH]
        if not isinstance(field, NameField) or not text:
            continue
        query = query.copy()
        matches = []
        for name in field.lookup.suggest(text):
            query[field_name] = name
            matches.append((name, f"?{query.urlencode()}"))
        unknown.append(
            {
                "field": field_name,
                "text": text,
                "message": field.lookup.unknown_message % {"name": text},
                "heading": field.lookup.matches_heading % {"name": text},
                "matches": matches,
            }
        )
    return unknown


class CityLookup(NameLookup):
    """The public cities the rows of a list link to, by name in either language or by slug."""

    unknown_message = _(
        "No twin or cooperation city called “%(name)s” appears in this list, so it is not "
        "narrowed by city. Type the first letters of a name: the field suggests the cities."
    )
    matches_heading = _("Cities whose name contains “%(name)s”:")

    def cities(self):
        """Return the public cities on offer; a subclass says which rows they must be linked to."""
        raise NotImplementedError

    def rows(self, text: str):
        cities = self.cities()
        if text:
            # Both names, folded, are in search_names: "gdansk" finds Gdańsk and Danzig.
            cities = cities.filter(Q(search_names__contains=fold(text)) | Q(slug=text))
        return cities.order_by(translated_order("name"), "pk").values_list(
            "slug", "name_de", "name_en"
        )
