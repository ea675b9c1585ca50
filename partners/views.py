"""Public pages of partner cities."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.generic import DetailView, ListView

from core.content import public_q_through
from core.extensions import detail_sections
from core.filtering import ForgivingFilterMixin
from core.fragments import remembered
from core.preview import PreviewMixin
from core.text import fold
from measures.models import Measure, theme_links_prefetch

from . import worldmap
from .filters import PartnerCityFilter, default_order
from .models import PartnerCity, Partnership, PartnershipThemeLink

SORTABLE_COLUMNS = ["name", "country", "since"]
# What the table and the map read of a city and its partnerships; the descriptions stay unread.
CITY_ROW_FIELDS = ("slug", "name", "country", "latitude", "longitude")
PARTNERSHIP_ROW_FIELDS = ("city", "kind", "since", "ended_on")


def table_row(city) -> dict:
    """Return what the table shows of a city, from its prefetched partnerships."""
    partnerships = list(city.partnerships.all())
    years = [partnership.since for partnership in partnerships if partnership.since]
    # A theme counts as confirmed once the office confirmed it for any of the city's partnerships.
    themes, confirmed = {}, set()
    for partnership in partnerships:
        for link in partnership.public_theme_links:
            themes[link.theme.pk] = link.theme
            if link.confirmed:
                confirmed.add(link.theme.pk)
    ordered = sorted(themes.values(), key=lambda theme: fold(theme.name))
    return {
        "city": city,
        "partnerships": partnerships,
        "since": min(years, default=None),
        "themes": [theme for theme in ordered if theme.pk in confirmed],
        "proposed_themes": [theme for theme in ordered if theme.pk not in confirmed],
    }


def tile_marker(marker, context) -> dict:
    """Return what the optional tile map needs of a marker: place, name, kind and address."""
    if marker.is_group:
        west, south, east, north = marker.bbox
        lat, lon = (south + north) / 2, (west + east) / 2
        query = f"{context['map_list_query']}bbox={marker.bbox_query()}"
        url = f"{reverse('partners:city_list')}?{query}"
    else:
        lat, lon = float(marker.city.latitude), float(marker.city.longitude)
        url = marker.city.get_absolute_url()
    return {"name": marker.name, "url": url, "lat": lat, "lon": lon, "kind": marker.kind}


class CityListView(ForgivingFilterMixin, ListView):
    """Show the published partner cities on a world map and in a table, both filtered alike."""

    template_name = "partners/city_list.html"
    context_object_name = "cities"
    filterset_class = PartnerCityFilter
    # The map shows every city found (grouped where they crowd); the table, a page of them.
    paginate_by = 25

    def get_queryset(self):
        partnerships = Partnership.objects.public().only(*PARTNERSHIP_ROW_FIELDS).order_by("since")
        self.filterset = self.get_filterset(
            default_order(
                PartnerCity.objects.public()
                .only(*CITY_ROW_FIELDS)
                .prefetch_related(
                    Prefetch("partnerships", queryset=partnerships),
                    theme_links_prefetch(PartnershipThemeLink, "partnerships__theme_links"),
                )
            )
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        valid = self.filterset.data.copy() if self.filterset.is_bound else QueryDict(mutable=True)
        valid.pop(self.page_kwarg, None)
        # The cities found, those in the map's area included, whatever page of them is shown.
        found_query = valid.urlencode()
        valid.pop("bbox", None)
        list_query = valid.urlencode()
        context.update(
            rows=(rows := [table_row(city) for city in context["cities"]]),
            proposed_themes_shown=any(row["proposed_themes"] for row in rows),
            found=context["paginator"].count,
            area_filter=bool(getattr(self.filterset.form, "cleaned_data", {}).get("bbox")),
            map_filter_query=list_query,
            sort_columns=self.sort_columns(),
            tile_url=getattr(settings, "MAP_TILE_URL", ""),
        )
        # The same cities found draw the same map: it is built once per filter and content.
        context["partner_map"] = remembered(
            self.request,
            "city-list-partner-map",
            lambda: self.partner_map(list_query, context["tile_url"]),
            found_query,
        )
        return context

    def partner_map(self, list_query: str, tile_url: str) -> str:
        """Return the map of every city found, not just the table's page, as HTML."""
        map_cities = list(self.object_list.prefetch_related(None).order_by().for_list())
        context = worldmap.world_map_context(map_cities, list_query=list_query)
        context.update(links=True, tile_url=tile_url)
        if tile_url:
            # The tile map shows the same markers: a city each, or a group with its count.
            context["map_data"] = [tile_marker(marker, context) for marker in context["markers"]]
        return render_to_string("partners/map_figure.html", context, request=self.request)

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
                .prefetch_related(theme_links_prefetch(PartnershipThemeLink))
                .order_by("since"),
            ),
        )

    def get_context_data(self, **kwargs):
        city = self.object
        left, top, width, height = worldmap.view_box_around(city.latitude, city.longitude)
        # Markers as large on screen as on the whole map, however far the view is zoomed in.
        size = round(width / 500, 3)
        world = worldmap.world()
        x, y = world.project(city.latitude, city.longitude)
        kinds = worldmap.kinds_of(city)
        marker = worldmap.Marker(panel=world, x=x, y=y, cities=[city], kinds=kinds)
        return super().get_context_data(
            measures=Measure.objects.public()
            .filter(Q(partnerships__city=city) & public_q_through(Measure, "partnerships"))
            .distinct()
            .order_by("area__number", "position"),
            eu_projects=city.eu_projects.public(),
            map_view_box=f"{left:g} {top:g} {width:g} {height:g}",
            map_panel=world,
            map_marker_scale=f"{size:g}",
            markers=[marker],
            hannover=worldmap.hannover_marker(world),
            extra_sections=detail_sections(city, self.request),
            **kwargs,
        )
