"""Serializer fields for texts in two languages, translated labels, links and related keys."""

from functools import cache
from operator import attrgetter

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_countries import countries
from drf_spectacular.utils import extend_schema_field
from modeltranslation.utils import build_localized_fieldname, resolution_order
from rest_framework import serializers


def language_codes() -> list[str]:
    """Return the portal's language codes, German first."""
    return [code for code, _name in settings.LANGUAGES]


# A translated value is one string with ?lang=de|en, otherwise an object with every language;
# a language without a text is null there.
TRANSLATED_SCHEMA = {
    "oneOf": [
        {
            "type": "object",
            "properties": {code: {"type": "string", "nullable": True} for code in ("de", "en")},
            "required": ["de", "en"],
            "additionalProperties": False,
        },
        {"type": "string", "nullable": True},
    ],
    "description": (
        "Without the lang parameter: an object with the German and English text (null where "
        "there is none). With lang=de or lang=en: the text in that language, or in the other "
        "one where it has none."
    ),
}


def in_languages(values: dict[str, str | None], context: dict):
    """Return `values` by language, or the one the request asked for, with the fallback applied."""
    language = context.get("lang")
    if not language:
        return values
    for code in resolution_order(language):
        if values.get(code):
            return values[code]
    return None


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """Read a field django-modeltranslation stores once per language."""

    def __init__(self, field_name: str | None = None, source_attribute: str = "", **kwargs):
        # `source_attribute` names a related object to read from, such as a partnership's city.
        self.translated_name = field_name
        self.source_attribute = source_attribute
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.translated_name = self.translated_name or field_name

    def to_representation(self, value):
        if self.source_attribute:
            value = getattr(value, self.source_attribute)
        values = {
            code: getattr(value, build_localized_fieldname(self.translated_name, code)) or None
            for code in language_codes()
        }
        return in_languages(values, self.context)


@extend_schema_field(TRANSLATED_SCHEMA)
class ChoiceLabelField(serializers.Field):
    """Give the label of a choice, such as a status, in every language."""

    def __init__(self, choices, field_name: str | None = None, **kwargs):
        self.choices = choices
        self.choice_field = field_name
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.choice_field = self.choice_field or field_name.removesuffix("_label")

    def to_representation(self, value):
        key = getattr(value, self.choice_field)
        if key is None or key == "":
            return None
        return in_languages(dict(labels_in_languages(self.choices, key)), self.context)


# Labels and country names are fixed while the process runs: translating them once per row
# switched the language hundreds of times for one page of the API.
@cache
def labels_in_languages(choices, key) -> dict[str, str]:
    """Return the label of the choice `key` in every language."""
    labels = {}
    for code in language_codes():
        with translation.override(code):
            labels[code] = str(choices(key).label)
    return labels


@cache
def country_names(country: str) -> dict[str, str | None]:
    """Return the name of a country in every language."""
    names = {}
    for code in language_codes():
        with translation.override(code):
            names[code] = str(countries.name(country)) or None
    return names


@extend_schema_field(TRANSLATED_SCHEMA)
class CountryNameField(serializers.Field):
    """Give the name of a country in every language."""

    def __init__(self, **kwargs):
        super().__init__(source="country", read_only=True, **kwargs)

    def to_representation(self, value):
        return in_languages(dict(country_names(str(value))), self.context)


@extend_schema_field(TRANSLATED_SCHEMA)
class PageURLField(serializers.Field):
    """Give the address of an object's public page in every language."""

    def __init__(self, url_name: str | None = None, url_kwargs=None, **kwargs):
        # Without a URL name, the object's own get_absolute_url() gives the path.
        self.url_name = url_name
        self.url_kwargs = url_kwargs
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        current = translation.get_language()
        urls = {}
        for code in language_codes():
            if code == current:
                path = self.path(value)
            else:
                with translation.override(code):
                    path = self.path(value)
            urls[code] = request.build_absolute_uri(path) if request else path
        return in_languages(urls, self.context)

    def path(self, value) -> str:
        """Return the path of the object's page in the active language."""
        if self.url_name:
            return reverse(self.url_name, kwargs=self.url_kwargs(value))
        return value.get_absolute_url()


class RelatedKeysField(serializers.Field):
    """List the keys (slug or number) of related rows prefetched into an attribute.

    The key may be a path, such as goal.number for the goal of each of a measure's goal links.
    """

    def __init__(self, attribute: str, key: str = "slug", **kwargs):
        self.key = key
        self.read_key = attrgetter(key)
        super().__init__(source=attribute, read_only=True, **kwargs)

    def bind(self, field_name, parent):
        # DRF refuses a source equal to the field's own name, such as themes for themes.
        if self.source == field_name:
            self.source = None
        super().bind(field_name, parent)

    def to_representation(self, value):
        rows = value.all() if hasattr(value, "all") else value
        return list(dict.fromkeys(self.read_key(row) for row in rows))


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class SlugsField(RelatedKeysField):
    """List the slugs of related rows."""


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class NumbersField(RelatedKeysField):
    """List the numbers of related measures, such as 1.2."""

    def __init__(self, attribute: str, key: str = "number", **kwargs):
        super().__init__(attribute, key=key, **kwargs)


@extend_schema_field({"type": "array", "items": {"type": "integer"}})
class IntegerKeysField(RelatedKeysField):
    """List the numbers of related goals or Areas of Action."""

    def __init__(self, attribute: str, key: str = "number", **kwargs):
        super().__init__(attribute, key=key, **kwargs)


CONFIRMED_SCHEMA = {
    "type": "boolean",
    "description": (
        "true once the International Affairs Office has confirmed the assignment; false while "
        "it is the portal's proposal (the plan itself says only that the four Areas of Action "
        "together serve the three goals)."
    ),
}


@extend_schema_field(CONFIRMED_SCHEMA)
class ConfirmedField(serializers.BooleanField):
    """Say whether the office has confirmed an editorial link."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)


def links_schema(end: str, key_type: str, meaning: str) -> dict:
    """Return the schema of a list of editorial links to `end`, each with its confirmation."""
    return {
        "type": "array",
        "description": meaning,
        "items": {
            "type": "object",
            "properties": {end: {"type": key_type}, "confirmed": CONFIRMED_SCHEMA},
            "required": [end, "confirmed"],
        },
    }


class EditorialLinksField(serializers.Field):
    """List prefetched editorial links: the key of their end and its confirmation."""

    end = ""
    key = "number"

    def __init__(self, attribute: str, **kwargs):
        super().__init__(source=attribute, read_only=True, **kwargs)

    def to_representation(self, value):
        read_key = attrgetter(f"{self.end}.{self.key}")
        return [{self.end: read_key(link), "confirmed": link.confirmed} for link in value]


@extend_schema_field(
    links_schema("goal", "integer", "The goals it serves, each with the office's confirmation.")
)
class GoalLinksField(EditorialLinksField):
    """List the goals a row serves, each with whether the office confirmed it."""

    end = "goal"


@extend_schema_field(
    links_schema(
        "area", "integer", "The Areas of Action serving it, each with the office's confirmation."
    )
)
class AreaLinksField(EditorialLinksField):
    """List the Areas of Action serving a goal, each with whether the office confirmed it."""

    end = "area"


@extend_schema_field(
    links_schema(
        "measure", "string", "The measures serving it, each with the office's confirmation."
    )
)
class MeasureLinksField(EditorialLinksField):
    """List the measures serving a goal, each with whether the office confirmed it."""

    end = "measure"


@extend_schema_field(
    links_schema("theme", "string", "Its themes (slugs), each with the office's confirmation.")
)
class ThemeLinksField(EditorialLinksField):
    """List a measure's themes, each with whether the office confirmed it."""

    end, key = "theme", "slug"
