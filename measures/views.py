"""Public pages of the plan."""

from django.db.models import Count, Prefetch
from django.views.generic import DetailView, ListView

from core.content import public_q_through
from core.filtering import ForgivingFilterMixin
from core.preview import PreviewMixin

from .filters import CITY_MAX_LENGTH, MeasureFilter, suggested_cities
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


class GoalDetailView(PreviewMixin, DetailView):
    """Show one overarching goal with the areas and measures that serve it."""

    template_name = "measures/goal_detail.html"
    slug_field = slug_url_kwarg = "number"
    context_object_name = "goal"

    def get_queryset(self):
        return Goal.objects.visible_to(self.request.user).prefetch_related(
            public_links_prefetch("area_links", AreaGoalLink, "area", order=["area__number"]),
            public_links_prefetch(
                "measure_links",
                MeasureGoalLink,
                "measure",
                order=["measure__area__number", "measure__position"],
                related=["area", "lead_unit"],
            ),
            public_links_prefetch(
                "city_development_goal_links",
                CityDevelopmentGoalLink,
                "citydevelopmentgoal",
                order=["citydevelopmentgoal__position"],
            ),
        )


class AreaListView(ListView):
    """List the Areas of Action, paginated, each with its first few measures and their count."""

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
        return (
            AreaOfAction.objects.public()
            .annotate(measure_count=Count("measures", filter=published))
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

    def get_context_data(self, **kwargs):
        return super().get_context_data(ignored_filters=self.ignored_filters, **kwargs)


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

    def get_context_data(self, **kwargs):
        # A city the field could not find was dropped from the filter; the page names it.
        asked = self.request.GET.get("city", "").strip()[:CITY_MAX_LENGTH]
        unknown = asked if asked and "city" not in self.filterset.data else ""
        return super().get_context_data(
            unknown_city=unknown, city_matches=self.city_matches(unknown), **kwargs
        )

    def city_matches(self, text: str) -> list[tuple[str, str]]:
        """Return the cities whose name contains `text`, each with the list filtered by it.

        The suggestions of the page itself, for a visitor who typed part of a name and sent it
        without a browser that suggests.
        """
        if not text:
            return []
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        matches = []
        for name in suggested_cities(text):
            query["city"] = name
            matches.append((name, f"?{query.urlencode()}"))
        return matches


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
