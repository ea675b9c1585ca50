"""Fields of networks and EU projects that exist in German and English."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import THEME_LINKS, EUProject, FundingProgramme, Network


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "acronym", "role", "description", "verification_note")


@register(EUProject)
class EUProjectTranslation(TranslationOptions):
    fields = ("title", "aim")


@register(FundingProgramme)
class FundingProgrammeTranslation(TranslationOptions):
    fields = ("name", "funder", "eligibility", "typical_share", "description")


# History is registered here, after modeltranslation has added the German and English columns,
# so that every version keeps both languages (registered in models.py it would keep neither).
for model in (Network, EUProject, FundingProgramme, *THEME_LINKS):
    simple_history.register(model)
