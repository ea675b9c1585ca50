"""The published rows of each dataset, with everything the API and the downloads show prefetched.

Each function returns a queryset whose query count does not grow with the rows: related rows
come in one prefetch query each, and only published related rows are kept. Every prefetch goes
to a list of its own (to_attr): without one, Django builds a queryset for every row and relation.
"""

from django.db.models import Prefetch

from measures.models import (
    AreaGoalLink,
    AreaOfAction,
    CityDevelopmentGoalLink,
    Goal,
    Measure,
    MeasureGoalLink,
    MeasureThemeLink,
    OrganisationalUnit,
    SubItem,
    Theme,
    public_links_prefetch,
)
from networks.models import EUProject, EUProjectThemeLink, Network, NetworkThemeLink
from partners.filters import default_order
from partners.models import ExternalPartner, PartnerCity, Partnership, PartnershipThemeLink
from progress.models import ProgressReport
from relations.models import Activity


def _published(attribute: str, queryset, to_attr: str) -> Prefetch:
    return Prefetch(attribute, queryset=queryset, to_attr=to_attr)


def _slugs(attribute: str, model, to_attr: str) -> Prefetch:
    """Return a Prefetch of the published related rows' slugs only, by slug."""
    # The API lists only their keys: whole rows in both languages would be built for nothing.
    return _published(attribute, model.objects.public().only("slug").order_by("slug"), to_attr)


def _measure_numbers(attribute: str = "measures") -> Prefetch:
    """Return a Prefetch of the published measures' numbers, in plan order."""
    # The Area of Action's key joins an area's own measures to it.
    return _published(
        attribute,
        Measure.objects.public().only("number", "area").order_by("area__number", "position"),
        "public_measures",
    )


def _themes() -> Prefetch:
    """Return a Prefetch of themes the office entered, such as an activity's."""
    return Prefetch("themes", queryset=Theme.objects.order_by("slug"), to_attr="listed_themes")


def _theme_links(link_model) -> Prefetch:
    """Return a Prefetch of the theme links along `link_model`, with their confirmation, by slug."""
    return public_links_prefetch("theme_links", link_model, "theme", order=["theme__slug"])


def _goal_links() -> Prefetch:
    """Return a Prefetch of the links to published goals, with their confirmation."""
    return public_links_prefetch("goal_links", MeasureGoalLink, "goal", order=["goal__number"])


def goals():
    """Return the published goals with their links to areas, measures and 'Mein Hannover 2030'."""
    return (
        Goal.objects.public()
        .order_by("number")
        .prefetch_related(
            public_links_prefetch("area_links", AreaGoalLink, "area", order=["area__number"]),
            public_links_prefetch(
                "measure_links",
                MeasureGoalLink,
                "measure",
                order=["measure__area__number", "measure__position"],
            ),
            public_links_prefetch(
                "city_development_goal_links",
                CityDevelopmentGoalLink,
                "citydevelopmentgoal",
                order=["citydevelopmentgoal__position"],
            ),
        )
    )


def areas():
    """Return the published Areas of Action with their links to published goals, and measures."""
    return (
        AreaOfAction.objects.public()
        .order_by("number")
        .prefetch_related(
            public_links_prefetch("goal_links", AreaGoalLink, "goal", order=["goal__number"]),
            _measure_numbers(),
        )
    )


def measures():
    """Return the published measures with their sub-items, units and published links."""
    return (
        Measure.objects.public()
        .select_related("area", "lead_unit")
        .order_by("area__number", "position")
        .prefetch_related(
            _goal_links(),
            public_links_prefetch("theme_links", MeasureThemeLink, "theme", order=["theme__slug"]),
            Prefetch(
                "contributing_units",
                queryset=OrganisationalUnit.objects.order_by("slug"),
                to_attr="listed_contributing_units",
            ),
            Prefetch(
                "sub_items",
                queryset=SubItem.objects.order_by("position"),
                to_attr="listed_sub_items",
            ),
            _published(
                "partnerships",
                Partnership.objects.public()
                .select_related("city")
                .only("city__slug")
                .order_by("city__slug"),
                "public_partnerships",
            ),
            _slugs("networks", Network, "public_networks"),
            _slugs("eu_projects", EUProject, "public_projects"),
        )
    )


def progress_reports():
    """Return the published progress reports of published measures, newest first."""
    return ProgressReport.objects.public().select_related("measure").order_by("-reported_on", "-pk")


def _partnerships():
    return (
        Partnership.objects.public()
        .select_related("coordinating_unit")
        .prefetch_related(_theme_links(PartnershipThemeLink))
        .order_by("since", "pk")
    )


def partner_cities():
    """Return the published partner cities, by name, with their partnerships and projects."""
    return default_order(PartnerCity.objects.public()).prefetch_related(
        Prefetch("partnerships", queryset=_partnerships(), to_attr="listed_partnerships"),
        _slugs("eu_projects", EUProject, "public_projects"),
    )


def partnerships():
    """Return the partnerships of published cities with their themes and published measures."""
    return (
        Partnership.objects.public()
        .select_related("city", "coordinating_unit")
        .prefetch_related(_theme_links(PartnershipThemeLink), _measure_numbers())
        .order_by("city__slug", "since", "pk")
    )


def networks():
    """Return the published networks with their themes and published measures."""
    return (
        Network.objects.public()
        .order_by("scope", "slug")
        .prefetch_related(_theme_links(NetworkThemeLink), _measure_numbers())
    )


def confirmed_networks():
    """Return the published networks the office does not still have to verify, as `networks`."""
    return networks().confirmed()


def eu_projects():
    """Return the published EU projects with their lead unit, themes and published links."""
    return (
        EUProject.objects.public()
        .for_list()
        .prefetch_related(
            _theme_links(EUProjectThemeLink),
            _measure_numbers(),
            _slugs("partner_cities", PartnerCity, "public_cities"),
        )
    )


def activities():
    """Return the public activities, newest first, with their public links."""
    return (
        Activity.objects.public()
        .newest_first()
        .prefetch_related(
            _themes(),
            _measure_numbers(),
            Prefetch(
                "units",
                queryset=OrganisationalUnit.objects.order_by("slug"),
                to_attr="listed_units",
            ),
            _slugs("partner_cities", PartnerCity, "public_cities"),
            _slugs("networks", Network, "public_networks"),
            _slugs("eu_projects", EUProject, "public_projects"),
            _slugs("actors", ExternalPartner, "public_actors"),
        )
    )
