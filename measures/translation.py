"""Fields of the plan that exist in German and English."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    EDITORIAL_LINKS,
    AreaExample,
    AreaOfAction,
    Benefit,
    CityDevelopmentGoal,
    Goal,
    Measure,
    OrganisationalUnit,
    PlanSection,
    ScheduleStep,
    SubItem,
    Theme,
)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(OrganisationalUnit)
class OrganisationalUnitTranslation(TranslationOptions):
    fields = ("name", "short_name", "description")


@register(PlanSection)
class PlanSectionTranslation(TranslationOptions):
    fields = ("title", "body")


@register(ScheduleStep)
class ScheduleStepTranslation(TranslationOptions):
    fields = ("title", "period")


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("title", "description")


@register(CityDevelopmentGoal)
class CityDevelopmentGoalTranslation(TranslationOptions):
    fields = ("text",)


@register(AreaOfAction)
class AreaOfActionTranslation(TranslationOptions):
    fields = ("title", "short_title", "summary", "description")


@register(AreaExample)
class AreaExampleTranslation(TranslationOptions):
    fields = ("text",)


@register(Measure)
class MeasureTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "status_override_reason")


@register(SubItem)
class SubItemTranslation(TranslationOptions):
    fields = ("title",)


@register(Benefit)
class BenefitTranslation(TranslationOptions):
    fields = ("title", "example")


# History is registered here, after modeltranslation has added the German and English columns,
# so that every version keeps both languages (registered in models.py it would keep neither).
for model in (
    Theme,
    OrganisationalUnit,
    PlanSection,
    ScheduleStep,
    Goal,
    CityDevelopmentGoal,
    AreaOfAction,
    AreaExample,
    Measure,
    SubItem,
    Benefit,
    *EDITORIAL_LINKS,
):
    simple_history.register(model)
