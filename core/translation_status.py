"""Find content whose text exists in one language but not in the other."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .i18n import language_codes

# The admin's column and filter and the report page say it the same way.
MISSING_LABELS = {"de": _("German missing"), "en": _("English missing")}

def content_languages() -> list[str]:
    """Return the language codes every text should exist in."""
    return language_codes()


def translated_models() -> list:
    """Return the models of ours with translated fields, in a stable order."""
    models = [model for model in translator.get_registered_models() if not model._meta.abstract]
    return sorted(models, key=lambda model: (model._meta.app_label, model._meta.model_name))


def translated_field_names(model) -> list[str]:
    """Return the names of the model's translated fields (none if it has no translations)."""
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def _filled(column: str) -> Q:
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


def missing_translation_q(model, language: str) -> Q:
    """Return a filter for rows with a text in another language but none in `language`."""
    missing = Q(pk__in=[])
    others = [code for code in content_languages() if code != language]
    for name in translated_field_names(model):
        column = build_localized_fieldname(name, language)
        elsewhere = Q(pk__in=[])
        for other in others:
            elsewhere |= _filled(build_localized_fieldname(name, other))
        missing |= ~_filled(column) & elsewhere
    return missing


def missing_languages(obj) -> list[str]:
    """Return the languages in which some text of `obj` is missing while another has it."""
    missing = []
    for language in content_languages():
        for name in translated_field_names(type(obj)):
            own = getattr(obj, build_localized_fieldname(name, language))
            others = [
                getattr(obj, build_localized_fieldname(name, other))
                for other in content_languages()
                if other != language
            ]
            if not own and any(others):
                missing.append(language)
                break
    return missing
