"""Fields of the site pages that exist in German and English."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import LEGAL_FACTS, SitePage


@register(SitePage)
class SitePageTranslation(TranslationOptions):
    fields = ("title", "summary", "body", *(fact.field for fact in LEGAL_FACTS if fact.translated))


# History is registered here, after modeltranslation has added the German and English columns,
# so that every version keeps both languages (registered in models.py it would keep neither).
simple_history.register(SitePage)
