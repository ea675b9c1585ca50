"""Fields of networks and EU projects that exist in German and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import EUProject, Network


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "acronym", "role", "description", "verification_note")


@register(EUProject)
class EUProjectTranslation(TranslationOptions):
    fields = ("title", "aim")
