"""Site-wide pages that span the apps: home, the plan, site pages and search."""

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.generic import TemplateView

from measures.models import (
    AreaOfAction,
    Benefit,
    Goal,
    OrganisationalUnit,
    PlanSection,
    ScheduleStep,
    Status,
)
from networks.models import EUProject, MembershipStatus, Network
from partners import worldmap
from partners.models import ExternalPartner, PartnerCity, Partnership, PartnershipKind
from progress.models import ProgressReport

from .models import SitePage

OFFICE_SLUG = "international-affairs-office"


def key_figures() -> dict:
    """Return the counts the home page shows, from published content only."""
    partnerships = Partnership.objects.public().filter(ended_on__isnull=True).aggregate(
        twin_cities=Count("city", filter=Q(kind=PartnershipKind.TWIN_CITY), distinct=True),
        cooperation_cities=Count(
            "city", filter=Q(kind=PartnershipKind.COOPERATION_CITY), distinct=True
        ),
        music_cities=Count(
            "city", filter=Q(kind=PartnershipKind.UNESCO_CITY_OF_MUSIC), distinct=True
        ),
    )
    return partnerships | {
        "networks": Network.objects.public()
        .filter(membership_status=MembershipStatus.MEMBER)
        .count(),
        "eu_projects": EUProject.objects.public().count(),
    }


def status_overview(areas) -> list[dict]:
    """Return, per area, how many of its published measures are in each status."""
    overview = []
    for area in areas:
        counts = dict.fromkeys(Status, 0)
        for measure in area.published_measures:
            counts[measure.status] += 1
        overview.append(
            {
                "area": area,
                "statuses": [
                    {"status": status, "label": status.label, "count": count}
                    for status, count in counts.items()
                    if count
                ],
            }
        )
    return overview


def latest_published_reports(count: int = 5) -> list:
    """Return the newest published progress reports on published measures."""
    return list(
        ProgressReport.objects.public()
        .select_related("measure")
        .order_by("-reported_on", "-pk")[:count]
    )


class HomeView(TemplateView):
    """Introduce the plan and lead to its goals, Areas of Action, measures and partners."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        areas = list(AreaOfAction.objects.public().with_published_measures())
        cities = PartnerCity.objects.public().for_list()
        return super().get_context_data(
            **worldmap.world_map_context(cities),
            introduction=PlanSection.objects.filter(slug="introduction").first(),
            office=OrganisationalUnit.objects.filter(slug=OFFICE_SLUG).first(),
            goals=Goal.objects.public(),
            areas=status_overview(areas),
            figures=key_figures(),
            latest_reports=latest_published_reports(),
            **kwargs,
        )


class PlanView(TemplateView):
    """Show the plan's initial situation, goals, benefits and the schedule of its making."""

    template_name = "plan.html"

    def get_context_data(self, **kwargs):
        sections = list(PlanSection.objects.all())
        return super().get_context_data(
            sections=[s for s in sections if s.part == PlanSection.Part.PLAN],
            making_of=[s for s in sections if s.part == PlanSection.Part.MAKING_OF],
            benefits=Benefit.objects.select_related("unit"),
            goals=Goal.objects.public().prefetch_related("city_development_goals"),
            areas=AreaOfAction.objects.public(),
            schedule=ScheduleStep.objects.all(),
            partners=ExternalPartner.objects.public().filter(is_plan_partner=True),
            **kwargs,
        )


class SitePageView(TemplateView):
    """Show one site page the office edits, such as the legal notice."""

    template_name = "site_page.html"
    slug = None

    def get_context_data(self, **kwargs):
        page = SitePage.objects.visible_to(self.request.user).filter(slug=self.slug).first()
        if page is None:
            raise Http404("No such page.")
        preview_of = None if page.is_published else page
        return super().get_context_data(page=page, preview_of=preview_of, **kwargs)


def robots_txt(request):
    """Let search engines index the public site, not the back office, and name the sitemap index."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{code}/admin/" for code, _name in settings.LANGUAGES]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
