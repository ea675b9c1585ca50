"""Queries over translated fields that look at every language's column."""

from django.conf import settings
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    """Return the portal's language codes, German first."""
    return [code for code, _name in settings.LANGUAGES]


def q_any_language(field: str, lookup: str, value) -> Q:
    """Return a Q that matches `value` in any language's column of translated `field`."""
    query = Q()
    for code in language_codes():
        query |= Q(**{f"{build_localized_fieldname(field, code)}__{lookup}": value})
    return query


def translated_order(field: str):
    """Return an expression ordering by `field` in the active language, falling back to German."""
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    codes = [active] + [code for code in language_codes() if code != active]
    # NullIf turns the empty strings modeltranslation stores for "not translated" into NULL.
    columns = (NullIf(F(build_localized_fieldname(field, code)), Value("")) for code in codes)
    # Each language's column has its own field class, so the common type must be named.
    return Coalesce(*columns, output_field=CharField())


def localized_fields(*fields: str) -> list[str]:
    """Return every language's column name of each translated field, for admin search."""
    return [build_localized_fieldname(field, code) for field in fields for code in language_codes()]
