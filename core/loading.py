"""Load bilingual content files into the database without overwriting edits."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import models

from .i18n import language_codes


class ContentError(Exception):
    """A content file is malformed or refers to something that does not exist."""


@dataclass
class LoadReport:
    """Count what a load created, per kind of record."""

    created: Counter = field(default_factory=Counter)

    def record(self, model: type[models.Model]) -> None:
        """Count one new row of `model`."""
        self.created[str(model._meta.verbose_name_plural)] += 1

    @property
    def total(self) -> int:
        """Return how many rows the load created."""
        return sum(self.created.values())


def read_content(path: Path) -> dict:
    """Return the parsed YAML content file at `path`."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: {error}") from error


def is_translation(value) -> bool:
    """Return whether `value` is a mapping of language codes to texts."""
    return isinstance(value, dict) and bool(value) and set(value) <= set(language_codes())


def field_values(values: dict) -> dict:
    """Expand translated values such as {"title": {"de": …, "en": …}} into title_de and title_en."""
    expanded = {}
    for name, value in values.items():
        if is_translation(value):
            for code in language_codes():
                expanded[f"{name}_{code}"] = (value.get(code) or "").strip()
        else:
            expanded[name] = value
    return expanded


def create_missing(model, report: LoadReport, *, lookup: dict, values: dict, relations=None):
    """Return the row matching `lookup`, creating it from `values` only when it does not exist yet.

    An existing row is returned untouched, so that a second load changes nothing and never
    overwrites what an editor changed in the admin.
    """
    existing = model._default_manager.filter(**lookup).first()
    if existing is not None:
        return existing, False
    row = model(**lookup, **field_values(values))
    try:
        row.full_clean(validate_unique=False)
    except ValidationError as error:
        raise ContentError(f"{model.__name__} {lookup}: {error.message_dict}") from error
    row.save()
    for name, related in (relations or {}).items():
        getattr(row, name).set(related)
    report.record(model)
    return row, True


def lookup_all(model, key: str, wanted, *, context: str) -> list:
    """Return the rows of `model` whose `key` is in `wanted`, failing on any that is missing."""
    wanted = list(wanted or [])
    found = {
        str(getattr(row, key)): row
        for row in model._default_manager.filter(**{f"{key}__in": wanted})
    }
    missing = [str(item) for item in wanted if str(item) not in found]
    if missing:
        raise ContentError(f"{context}: unknown {model.__name__} {', '.join(missing)}")
    return [found[str(item)] for item in wanted]


def lookup_one(model, key: str, wanted, *, context: str):
    """Return the row of `model` whose `key` is `wanted`, or None when nothing is wanted."""
    if wanted in (None, ""):
        return None
    return lookup_all(model, key, [wanted], context=context)[0]
