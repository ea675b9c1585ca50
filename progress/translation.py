"""Fields of the progress app that exist in German and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Milestone, ProgressReport, ReportingPeriod


@register(ProgressReport)
class ProgressReportTranslation(TranslationOptions):
    fields = ("text",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)


@register(ReportingPeriod)
class ReportingPeriodTranslation(TranslationOptions):
    fields = ("title",)
