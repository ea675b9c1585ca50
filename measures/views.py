"""Public pages of the plan."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.content import public_q_through
from core.filtering import ForgivingFilterMixin
from core.preview import PreviewMixin

from .filters import MeasureFilter
from .models import (
    AreaGoalLink,
    AreaOfAction,
    CityDevelopmentGoalLink,
    Goal,
    Measure,
    MeasureGoalLink,
    public_links_prefetch,
)

# Declared by the apps that link to measures; read here through their related names only.
LINKED_CONTENT = ("partnerships__city", "networks", "eu_projects", "external_partners")


# A goal's page shows this many confirmed and this many proposed Areas of Action and measures,
# and links to the lists of all of them, so that it does not grow with their number.
GOAL_LINKS_SHOWN = 20


class GoalDetailView(PreviewMixin, DetailView):
    """Show one overarching goal with the first areas and measures that serve it."""

    template_name = "measures/goal_detail.html"
    slug_field = slug_url_kwarg = "number"
    context_object_name = "goal"

    def get_queryset(self):
        return Goal.objects.visible_to(self.request.user).prefetch_related(
            public_links_prefetch(
                "area_links",
                AreaGoalLink,
                "area",
                order=["area__number"],
                first=GOAL_LINKS_SHOWN,
            ),
            public_links_prefetch(
                "measure_links",
                MeasureGoalLink,
                "measure",
                order=["measure__area__number", "measure__position"],
                related=["area", "lead_unit"],
                first=GOAL_LINKS_SHOWN,
            ),
            public_links_prefetch(
                "city_development_goal_links",
                CityDevelopmentGoalLink,
                "citydevelopmentgoal",
                order=["citydevelopmentgoal__position"],
            ),
        )


class AreaListView(ListView):
    """List the Areas of Action, paginated, each with its first few measures and their count.

    With `goal` (a goal's number, as a goal's page links it), only those serving that goal.
    """

    template_name = "measures/area_list.html"
    context_object_name = "areas"
    paginate_by = 20
    # An area lists this many of its measures and links to the measure list for all of them.
    measures_shown = 5
    # A page out of range shows the nearest page with a notice, as in the filtered lists.
    paginate_queryset = ForgivingFilterMixin.paginate_queryset

    def get_queryset(self):
        self.ignored_filters = []
        published = public_q_through(AreaOfAction, "measures")
        first_measures = Measure.objects.public().order_by("position", "pk")
        areas = AreaOfAction.objects.public()
        self.goal = self.chosen_goal()
        if self.goal is not None:
            areas = areas.filter(goal_links__goal=self.goal)
        return (
            areas.annotate(measure_count=Count("measures", filter=published))
            .prefetch_related(
                # A sliced prefetch is one query with a window function, whatever the areas.
                Prefetch(
                    "measures",
                    queryset=first_measures[: self.measures_shown],
                    to_attr="first_measures",
                )
            )
            .order_by("number", "pk")
        )

    def chosen_goal(self):
        """Return the public goal the address names, or None, with a notice for a bad one."""
        number = self.request.GET.get("goal", "").strip()
        if not number:
            return None
        goal = None
        if number.isdigit() and len(number) <= 5:
            goal = Goal.objects.public().filter(number=int(number)).first()
        if goal is None:
            self.ignored_filters.append(_("goal"))
        return goal

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        rests_on_proposals = (
            self.goal is not None
            and AreaGoalLink.objects.unconfirmed()
            .filter(goal=self.goal, area__in=AreaOfAction.objects.public())
            .exists()
        )
        return super().get_context_data(
            ignored_filters=self.ignored_filters,
            goal=self.goal,
            rests_on_proposals=rests_on_proposals,
            query_without_page=query.urlencode(),
            **kwargs,
        )


class AreaDetailView(PreviewMixin, DetailView):
    """Show one Area of Action with its text, examples and measures."""

    template_name = "measures/area_detail.html"
    slug_field = slug_url_kwarg = "number"
    context_object_name = "area"

    def get_queryset(self):
        return (
            AreaOfAction.objects.visible_to(self.request.user)
            .with_published_measures()
            .prefetch_related(
                "examples",
                public_links_prefetch("goal_links", AreaGoalLink, "goal", order=["goal__number"]),
            )
        )


class MeasureListView(ForgivingFilterMixin, ListView):
    """List the published measures, filtered, sorted and paginated."""

    template_name = "measures/measure_list.html"
    context_object_name = "measures"
    filterset_class = MeasureFilter
    queryset = Measure.objects.public().for_list()


class MeasureDetailView(PreviewMixin, DetailView):
    """Show one measure with its sub-items, progress and everything linked to it."""

    template_name = "measures/measure_detail.html"
    context_object_name = "measure"

    def get_queryset(self):
        return (
            Measure.objects.visible_to(self.request.user)
            .for_detail()
            .prefetch_related(*LINKED_CONTENT)
        )

    def get_context_data(self, **kwargs):
        measure = self.object
        cities = {p.city for p in measure.partnerships.all() if p.is_published}
        return super().get_context_data(
            partner_cities=sorted(cities, key=lambda city: city.name),
            networks=[n for n in measure.networks.all() if n.is_published],
            eu_projects=[p for p in measure.eu_projects.all() if p.is_published],
            external_partners=[a for a in measure.external_partners.all() if a.is_published],
            **kwargs,
        )
