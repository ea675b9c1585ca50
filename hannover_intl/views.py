"""Site-wide pages that span the apps: home, the plan, site pages and search."""

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.generic import TemplateView

from core.fragments import remembered
from measures.models import (
    AreaOfAction,
    Benefit,
    CityDevelopmentGoalLink,
    Goal,
    OrganisationalUnit,
    PlanSection,
    ScheduleStep,
    Status,
    public_links_prefetch,
)
from networks.models import EUProject, MembershipStatus, Network
from partners import worldmap
from partners.models import ExternalPartner, PartnerCity, Partnership, PartnershipKind
from progress.models import ProgressReport

from .models import SitePage

OFFICE_SLUG = "international-affairs-office"
# The home page shows the plan's four Areas of Action and links to any further ones, so that its
# size does not grow with their number.
HOME_AREAS = 4
# The plan's page lists this many Areas of Action and links to the list of all of them.
PLAN_AREAS = 20


def key_figures() -> dict:
    """Return the counts the home page shows, from published content only."""
    partnerships = (
        Partnership.objects.public()
        .filter(ended_on__isnull=True)
        .aggregate(
            cities=Count("city", distinct=True),
            twin_cities=Count("city", filter=Q(kind=PartnershipKind.TWIN_CITY), distinct=True),
            cooperation_cities=Count(
                "city", filter=Q(kind=PartnershipKind.COOPERATION_CITY), distinct=True
            ),
            music_cities=Count(
                "city", filter=Q(kind=PartnershipKind.UNESCO_CITY_OF_MUSIC), distinct=True
            ),
        )
    )
    return partnerships | {
        "networks": Network.objects.public()
        .confirmed()
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


def measures_not_reported(overview: list[dict]) -> dict:
    """Return how many of the published measures have no reported state yet, of how many."""
    counts = [item for entry in overview for item in entry["statuses"]]
    return {
        "count": sum(item["count"] for item in counts if item["status"] == Status.NOT_REPORTED),
        "total": sum(item["count"] for item in counts),
    }


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
        areas = list(AreaOfAction.objects.public().with_published_measures()[: HOME_AREAS + 1])
        overview = status_overview(areas[:HOME_AREAS])
        return super().get_context_data(
            partner_map=remembered(self.request, "home-partner-map", self.partner_map),
            introduction=PlanSection.objects.filter(slug="introduction").first(),
            office=OrganisationalUnit.objects.filter(slug=OFFICE_SLUG).first(),
            goals=Goal.objects.public(),
            areas=overview,
            more_areas=len(areas) > HOME_AREAS,
            not_reported=measures_not_reported(overview),
            # Counted over every partnership, network and project: once per content version.
            figures=remembered(self.request, "key-figures", key_figures),
            latest_reports=latest_published_reports(),
            **kwargs,
        )

    def partner_map(self) -> str:
        """Return the partner map of every public city, its key and its legend, as HTML."""
        cities = PartnerCity.objects.public().for_list()
        context = worldmap.world_map_context(cities)
        return render_to_string("partners/map_figure.html", context, request=self.request)


# The plan's numbered chapters; the sections between "how-international" and "goals-intro" are
# the parts of its first chapter and get a lower heading.
CHAPTER_SLUGS = ("introduction", "how-international", "goals-intro", "areas-intro")
# The project description's classification fields, shown as facts, and its section on public
# participation, shown after its external partners as the description has it.
DESCRIPTION_FACT_SLUGS = ("districts", "field-of-action")
DESCRIPTION_CLOSING_SLUGS = ("public-participation",)


def plan_chapters(sections) -> list:
    """Mark each section of the plan's text as a chapter or as a part of the chapter before it."""
    in_first_chapter = False
    for section in sections:
        if section.slug in CHAPTER_SLUGS:
            in_first_chapter = section.slug == "how-international"
            section.is_part = False
        else:
            section.is_part = in_first_chapter
    return sections


class PlanView(TemplateView):
    """Show the plan's initial situation, goals, benefits and the schedule of its making."""

    template_name = "plan.html"

    def get_context_data(self, **kwargs):
        sections = list(PlanSection.objects.all())
        making_of = [s for s in sections if s.part == PlanSection.Part.MAKING_OF]
        special = DESCRIPTION_FACT_SLUGS + DESCRIPTION_CLOSING_SLUGS
        areas = AreaOfAction.objects.public()
        return super().get_context_data(
            sections=plan_chapters([s for s in sections if s.part == PlanSection.Part.PLAN]),
            description_facts=[s for s in making_of if s.slug in DESCRIPTION_FACT_SLUGS],
            making_of=[s for s in making_of if s.slug not in special],
            description_closing=[s for s in making_of if s.slug in DESCRIPTION_CLOSING_SLUGS],
            benefits=Benefit.objects.select_related("unit"),
            goals=Goal.objects.public().prefetch_related(
                public_links_prefetch(
                    "city_development_goal_links",
                    CityDevelopmentGoalLink,
                    "citydevelopmentgoal",
                    order=["citydevelopmentgoal__position"],
                )
            ),
            areas=list(areas[:PLAN_AREAS]),
            # Counted, not read: the page links to the list of all of them when there are more.
            area_count=areas.count(),
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
