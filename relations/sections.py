"""The register's sections on the pages of partner cities, networks and EU projects."""

from django.core.paginator import Paginator
from django.utils import timezone

from core.extensions import detail_section_add
from networks.models import EUProject, Network
from partners.models import ExternalPartner, PartnerCity

from .models import Activity

TIMELINE_PAGE_SIZE = 10
UPCOMING_EVENTS = 5


def page_number(request) -> int:
    """Return the timeline page the address asks for, the first for anything it cannot use."""
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except (TypeError, ValueError):
        return 1


def timeline(activities, request, milestones=()) -> dict:
    """Return one page of `activities`, newest first; `milestones` close the last page."""
    paginator = Paginator(
        activities.newest_first(), TIMELINE_PAGE_SIZE, allow_empty_first_page=True
    )
    page = paginator.get_page(page_number(request))
    entries = list(page.object_list)
    last = entries[0] if page.number == 1 and entries else activities.newest_first().first()
    return {
        "page": page,
        "entries": entries,
        "last_activity": last,
        "milestones": milestones if not page.has_next() else (),
        "is_sample": any(entry.is_sample for entry in entries),
    }


def city_section(city, request) -> dict:
    """Return the timeline, local actors and upcoming events of a partner city."""
    activities = Activity.objects.public().filter(partner_cities=city)
    milestones = [
        {"year": partnership.since, "partnership": partnership}
        for partnership in city.partnerships.all()
        if partnership.since or partnership.council_decision
    ]
    section = timeline(activities, request, milestones)
    actors = list(
        ExternalPartner.objects.public().filter(partner_cities=city).order_by("name", "pk")
    )
    events = list(
        activities.events()
        .upcoming(timezone.localdate())
        .order_by("starts_on", "pk")[:UPCOMING_EVENTS]
    )
    return {
        **section,
        "template": "relations/includes/city_section.html",
        "city": city,
        "actors": actors,
        "events": events,
        "is_sample": section["is_sample"] or any(row.is_sample for row in [*actors, *events]),
    }


def network_section(network, request) -> dict:
    """Return the timeline of a network; the year Hannover joined closes it."""
    milestones = [{"year": network.since, "network": network}] if network.since else []
    return {
        "template": "relations/includes/timeline_section.html",
        **timeline(Activity.objects.public().filter(networks=network), request, milestones),
    }


def project_section(project, request) -> dict:
    """Return the timeline of an EU project; its start closes it."""
    milestones = [{"date": project.start, "project": project}] if project.start else []
    return {
        "template": "relations/includes/timeline_section.html",
        **timeline(Activity.objects.public().filter(eu_projects=project), request, milestones),
    }


def register() -> None:
    """Add the sections to the detail pages of the lower apps."""
    detail_section_add(PartnerCity, city_section)
    detail_section_add(Network, network_section)
    detail_section_add(EUProject, project_section)
