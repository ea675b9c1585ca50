"""Fields of the progress app that exist in German and English."""

import simple_history
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


# History is registered here, after modeltranslation has added the German and English columns,
# so that every version keeps both languages (registered in models.py it would keep neither).
for model in (ProgressReport, Milestone, ReportingPeriod):
    simple_history.register(model)
