"""Public pages of the plan."""

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView, TemplateView

from .models import (
    AreaOfAction,
    Benefit,
    CityDevelopmentGoal,
    Goal,
    Measure,
    PlanSection,
    ScheduleStep,
)


class PlanView(TemplateView):
    """Show the plan's initial situation, goals and the schedule of its making."""

    template_name = "measures/plan.html"

    def get_context_data(self, **kwargs):
        sections = list(PlanSection.objects.all())
        return super().get_context_data(
            sections={section.slug: section for section in sections},
            making_of=[s for s in sections if s.part == PlanSection.Part.MAKING_OF],
            benefits=Benefit.objects.select_related("unit"),
            goals=Goal.objects.published(),
            schedule=ScheduleStep.objects.all(),
            **kwargs,
        )


class GoalDetailView(DetailView):
    """Show one overarching goal with the areas and measures that serve it."""

    template_name = "measures/goal_detail.html"
    slug_field = slug_url_kwarg = "number"
    context_object_name = "goal"

    def get_queryset(self):
        return Goal.objects.published().prefetch_related(
            Prefetch(
                "areas",
                queryset=AreaOfAction.objects.published().with_published_measures(),
                to_attr="published_areas",
            ),
            Prefetch(
                "measures",
                queryset=Measure.objects.published().for_list(),
                to_attr="published_measures",
            ),
            Prefetch("city_development_goals", queryset=CityDevelopmentGoal.objects.all()),
        )


class AreaListView(ListView):
    """List the four Areas of Action with their measures."""

    template_name = "measures/area_list.html"
    context_object_name = "areas"

    def get_queryset(self):
        return AreaOfAction.objects.published().with_published_measures()


class AreaDetailView(DetailView):
    """Show one Area of Action with its text, examples and measures."""

    template_name = "measures/area_detail.html"
    slug_field = slug_url_kwarg = "number"
    context_object_name = "area"

    def get_queryset(self):
        return (
            AreaOfAction.objects.published()
            .with_published_measures()
            .prefetch_related("examples", "goals")
        )


class MeasureListView(ListView):
    """List the published measures in plan order."""

    template_name = "measures/measure_list.html"
    context_object_name = "measures"

    def get_queryset(self):
        return Measure.objects.published().for_list()


class MeasureDetailView(DetailView):
    """Show one measure with its sub-items, progress and everything linked to it."""

    template_name = "measures/measure_detail.html"
    context_object_name = "measure"

    def get_queryset(self):
        return Measure.objects.published().for_detail()
