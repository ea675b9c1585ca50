"""Public pages of partner cities."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import QueryDict
from django.views.generic import DetailView, ListView

from core.content import public_q_through
from core.extensions import detail_sections
from core.filtering import ForgivingFilterMixin
from core.preview import PreviewMixin
from core.text import fold
from measures.models import Measure

from . import worldmap
from .filters import PartnerCityFilter, default_order
from .models import PartnerCity, Partnership

SORTABLE_COLUMNS = ["name", "country", "since"]


def table_row(city) -> dict:
    """Return what the table shows of a city, from its prefetched partnerships."""
    partnerships = list(city.partnerships.all())
    years = [partnership.since for partnership in partnerships if partnership.since]
    themes = {}
    for partnership in partnerships:
        themes.update((theme.pk, theme) for theme in partnership.themes.all())
    return {
        "city": city,
        "partnerships": partnerships,
        "since": min(years, default=None),
        "themes": sorted(themes.values(), key=lambda theme: fold(theme.name)),
    }


class CityListView(ForgivingFilterMixin, ListView):
    """Show the published partner cities on a world map and in a table, both filtered alike."""

    template_name = "partners/city_list.html"
    context_object_name = "cities"
    filterset_class = PartnerCityFilter
    # The map shows every city found, so the table, its text alternative, must too.
    paginate_by = None

    def get_queryset(self):
        self.filterset = self.get_filterset(
            default_order(
                PartnerCity.objects.public().for_list().prefetch_related("partnerships__themes")
            )
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cities = context["cities"]
        map_context = worldmap.world_map_context(cities)
        markers = map_context["markers"]
        context.update(
            **map_context,
            rows=[table_row(city) for city in cities],
            sort_columns=self.sort_columns(),
            tile_url=getattr(settings, "MAP_TILE_URL", ""),
        )
        if context["tile_url"]:
            context["map_data"] = [
                {
                    "name": marker.city.name,
                    "url": marker.city.get_absolute_url(),
                    "lat": float(marker.city.latitude),
                    "lon": float(marker.city.longitude),
                    "kind": marker.kind,
                    "kinds": [str(label) for label in marker.kinds],
                }
                for marker in markers
            ]
        return context

    def sort_columns(self) -> dict:
        """Return, per sortable column, the address that sorts by it and how it is sorted now."""
        cleaned = getattr(self.filterset.form, "cleaned_data", {})
        current = (cleaned.get("sort") or ["name"])[0]
        # The filterset's data lacks the values it could not understand, so links drop them too.
        valid = self.filterset.data if self.filterset.is_bound else QueryDict()
        columns = {}
        for name in SORTABLE_COLUMNS:
            query = valid.copy()
            query.pop(self.page_kwarg, None)
            ascending = current == name
            query["sort"] = f"-{name}" if ascending else name
            columns[name] = {
                "query": query.urlencode(),
                "aria_sort": (
                    "ascending" if ascending else "descending" if current == f"-{name}" else ""
                ),
            }
        return columns


class CityDetailView(PreviewMixin, DetailView):
    """Show one partner city with its partnerships, linked measures, EU projects and place."""

    template_name = "partners/city_detail.html"
    context_object_name = "city"

    def get_queryset(self):
        return PartnerCity.objects.visible_to(self.request.user).prefetch_related(
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.public()
                .select_related("coordinating_unit")
                .prefetch_related("themes")
                .order_by("since"),
            ),
        )

    def get_context_data(self, **kwargs):
        city = self.object
        left, top, width, height = worldmap.view_box_around(city.latitude, city.longitude)
        size = min(max(width / 60, 5), 16)
        marker = worldmap.city_markers([city], size=size)[0]
        return super().get_context_data(
            measures=Measure.objects.public()
            .filter(Q(partnerships__city=city) & public_q_through(Measure, "partnerships"))
            .distinct()
            .order_by("area__number", "position"),
            eu_projects=city.eu_projects.public(),
            map_view_box=f"{left:g} {top:g} {width:g} {height:g}",
            land_path=worldmap.land_path(),
            markers=[marker],
            hannover=worldmap.hannover_marker(size),
            extra_sections=detail_sections(city, self.request),
            **kwargs,
        )
