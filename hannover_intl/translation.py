"""Fields of the site pages that exist in German and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import SitePage


@register(SitePage)
class SitePageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
