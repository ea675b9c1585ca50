"""Fields of partner cities and partnerships that exist in German and English."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import ExternalPartner, PartnerCity, Partnership, PartnershipThemeLink


@register(PartnerCity)
class PartnerCityTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Partnership)
class PartnershipTranslation(TranslationOptions):
    fields = ("description",)


@register(ExternalPartner)
class ExternalPartnerTranslation(TranslationOptions):
    fields = ("name", "description")


# History is registered here, after modeltranslation has added the German and English columns,
# so that every version keeps both languages (registered in models.py it would keep neither).
for model in (PartnerCity, Partnership, ExternalPartner, PartnershipThemeLink):
    simple_history.register(model)
