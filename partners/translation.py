"""Fields of partner cities and partnerships that exist in German and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import PartnerCity, Partnership, Stakeholder


@register(PartnerCity)
class PartnerCityTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Partnership)
class PartnershipTranslation(TranslationOptions):
    fields = ("description",)


@register(Stakeholder)
class StakeholderTranslation(TranslationOptions):
    fields = ("name", "description")
