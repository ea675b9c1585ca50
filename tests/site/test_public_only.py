"""Nothing that is not public reaches any public output: pages, API, downloads, feeds, sitemap.

Every publishable kind gets a draft, an in-review and an archived record, each named with a
marker, and linked to public records so that a page which forgets the rule would show it. Then
every page reachable from the home pages and the search, every API collection and detail, every
download, the feeds, the sitemap, the catalogue and the home figures are read in both languages.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.content import PublicationState
from measures.models import AreaExample, AreaOfAction, Goal, Measure, SubItem
from networks.models import EUProject, Network
from partners.models import PartnerCity, PartnershipKind
from progress.models import Milestone, ProgressReport, ReportingPeriod
from progress.services import progress_report_create
from tests.factories import (
    ActivityFactory,
    AreaOfActionFactory,
    EUProjectFactory,
    ExternalPartnerFactory,
    FundingProgrammeFactory,
    MeasureFactory,
    NetworkFactory,
    PartnerCityFactory,
    PartnershipFactory,
)
from tests.security.crawl import crawl_site

pytestmark = [pytest.mark.django_db]

MARKER = "zzhidden"
HIDDEN_STATES = [PublicationState.DRAFT, PublicationState.REVIEW, PublicationState.ARCHIVED]


def named(kind: str, state: str) -> dict:
    """Return German and English titles that carry the marker, the kind and the state."""
    return {"de": f"{MARKER} {kind} {state} de", "en": f"{MARKER} {kind} {state} en"}


@pytest.fixture
def hidden_content(plan):
    """Create hidden records of every publishable kind, linked to public ones."""
    return create_hidden_content()


def create_hidden_content() -> Measure:
    """Create hidden records of every publishable kind; return the public measure they link."""
    public_area = AreaOfAction.objects.public().first()
    public_measure = Measure.objects.public().filter(area=public_area).first()
    public_city = PartnerCity.objects.public().first()
    for index, state in enumerate(HIDDEN_STATES):
        goal_title = named("goal", state)
        goal = Goal.objects.create(
            number=90 + index,
            title_de=goal_title["de"],
            title_en=goal_title["en"],
            publication_state=state,
        )
        # A hidden goal served by public content must not appear on its pages.
        public_area.goals.add(goal)
        public_measure.goals.add(goal)

        area_title = named("area", state)
        area = AreaOfActionFactory(
            title_de=area_title["de"], title_en=area_title["en"], publication_state=state
        )
        AreaExample.objects.create(area=area, text_de=f"{MARKER} Beispiel", text_en=f"{MARKER} ex")
        # A public measure in a hidden area shows its area without its title.
        MeasureFactory(area=area, title_de="Sichtbare Maßnahme", title_en="Visible measure")

        measure_title = named("measure", state)
        measure = MeasureFactory(
            area=public_area,
            title_de=measure_title["de"],
            title_en=measure_title["en"],
            slug=f"{MARKER}-measure-{state}",
            publication_state=state,
        )
        measure.goals.add(goal)
        SubItem.objects.create(measure=measure, position=1, title_de=MARKER, title_en=MARKER)
        Milestone.objects.create(
            measure=measure,
            title_de=f"{MARKER} Meilenstein",
            title_en=f"{MARKER} milestone",
            due_on=datetime.date(2024, 1, 1),
        )
        # A published report of a hidden measure is hidden with it.
        progress_report_create(
            measure=measure,
            reported_on=datetime.date(2024, 3, 1),
            status="in_progress",
            progress=10,
            text_de=f"{MARKER} Bericht",
            text_en=f"{MARKER} report",
        )
        # A hidden report of a public measure.
        report = progress_report_create(
            measure=public_measure,
            reported_on=datetime.date(2024, 4, 1 + index),
            status="in_progress",
            progress=20,
            text_de=f"{MARKER} Bericht {state}",
            text_en=f"{MARKER} report {state}",
            publish=False,
        )
        ProgressReport.objects.filter(pk=report.pk).update(publication_state=state)

        period_title = named("period", state)
        ReportingPeriod.objects.create(
            title_de=period_title["de"],
            title_en=period_title["en"],
            ends_on=datetime.date(2024, 6, 28 + index),
            publication_state=state,
        )

        city_name = named("city", state)
        city = PartnerCityFactory(
            slug=f"{MARKER}-city-{state}",
            name_de=city_name["de"],
            name_en=city_name["en"],
            publication_state=state,
        )
        PartnershipFactory(city=city, kind=PartnershipKind.TWIN_CITY)
        # An archived (or draft, or in-review) partnership of a public city.
        partnership = PartnershipFactory(
            city=public_city,
            kind=PartnershipKind.COOPERATION_CITY,
            description_de=f"{MARKER} Partnerschaft {state}",
            description_en=f"{MARKER} partnership {state}",
            publication_state=state,
        )
        partnership.measures.add(public_measure)

        network_name = named("network", state)
        network = NetworkFactory(
            slug=f"{MARKER}-network-{state}",
            name_de=network_name["de"],
            name_en=network_name["en"],
            publication_state=state,
        )
        network.measures.add(public_measure)

        project = EUProjectFactory(
            slug=f"{MARKER}-project-{state}",
            acronym=f"{MARKER.upper()}{index}",
            title_de=named("project", state)["de"],
            title_en=named("project", state)["en"],
            publication_state=state,
        )
        project.measures.add(public_measure)
        project.partner_cities.add(public_city)
        city.eu_projects.add(EUProject.objects.public().first())
        create_hidden_register_records(state, index, public_city, public_measure, network, city)
    # Published but internal: the office's record only.
    internal = ActivityFactory(
        title_de=f"{MARKER} interne Aktivität",
        title_en=f"{MARKER} internal activity",
        is_internal=True,
        open_to_public=True,
        venue_de=f"{MARKER} Ort",
    )
    internal.partner_cities.add(public_city)
    internal.networks.add(Network.objects.public().first())
    internal.eu_projects.add(EUProject.objects.public().first())
    return public_measure


def create_hidden_register_records(state, index, public_city, public_measure, network, city):
    """Create a hidden activity, event, local actor and programme linked to public records."""
    public_network = Network.objects.public().first()
    public_project = EUProject.objects.public().first()
    title = named("activity", state)
    activity = ActivityFactory(
        title_de=title["de"],
        title_en=title["en"],
        publication_state=state,
        open_to_public=True,
        venue_de=f"{MARKER} Ort",
        starts_on=datetime.date.today() + datetime.timedelta(days=10 + index),
    )
    activity.partner_cities.add(public_city)
    activity.networks.add(public_network)
    activity.eu_projects.add(public_project)
    activity.measures.add(public_measure)
    actor_name = named("actor", state)
    actor = ExternalPartnerFactory(
        slug=f"{MARKER}-actor-{state}",
        name_de=actor_name["de"],
        name_en=actor_name["en"],
        publication_state=state,
    )
    actor.partner_cities.add(public_city)
    programme_name = named("programme", state)
    programme = FundingProgrammeFactory(
        slug=f"{MARKER}-programme-{state}",
        name_de=programme_name["de"],
        name_en=programme_name["en"],
        publication_state=state,
    )
    if index == 0:
        EUProject.objects.filter(pk=public_project.pk).update(programme=programme)
    # A public activity and event that name hidden records: they must not show them.
    public = ActivityFactory(
        title_de=f"Öffentliche Aktivität {index}",
        title_en=f"Public activity {index}",
        open_to_public=True,
        venue_de="Rathaus",
        starts_on=datetime.date.today() + datetime.timedelta(days=20 + index),
    )
    public.partner_cities.add(public_city, city)
    public.networks.add(public_network, network)
    public.actors.add(actor)


def machine_urls() -> list[str]:
    """Return every API collection and download, and the feeds, sitemap and catalogue."""
    api = [
        "/api/v1/goals/",
        "/api/v1/areas-of-action/",
        "/api/v1/measures/",
        "/api/v1/progress-reports/",
        "/api/v1/partner-cities/",
        "/api/v1/partnerships/",
        "/api/v1/networks/",
        "/api/v1/eu-projects/",
        "/api/v1/activities/",
    ]
    return [
        *[f"{url}?page_size=200" for url in api],
        *[f"{url}?page_size=200&lang={code}" for url in api for code in ("de", "en")],
        "/data/catalog.ttl",
        "/data/catalog.jsonld",
        "/data/partner-cities.geojson",
        "/de/sachstandsberichte/feed/",
        "/en/progress-reports/feed/",
        "/de/veranstaltungen/kalender.ics",
        "/en/events/calendar.ics",
        # The feeds of the measure and area that hidden reports belong to (see below).
        "/de/sachstandsberichte/feed/massnahmen/1-1/",
        "/en/progress-reports/feed/measures/1-1/",
        "/de/sachstandsberichte/feed/handlungsfelder/1/",
        "/en/progress-reports/feed/areas-of-action/1/",
        "/sitemap.xml",
    ]


def api_details(client, collection: str, results: list[dict]) -> dict[str, str]:
    """Return the body of each record's detail in an API collection, by its address."""
    details = {}
    for row in results:
        key = next(row[name] for name in ("slug", "number", "id") if name in row)
        url = f"{collection}{key}/"
        response = client.get(url)
        assert response.status_code == 200, url
        details[url] = response.content.decode()
    return details


def collect_outputs(client) -> dict[str, str]:
    """Return the body of every public output by its address."""
    bodies = {}
    pages = crawl_site(client, limit=1500)
    for url in pages:
        bodies[url] = client.get(url).getvalue().decode(errors="replace")
    for url in machine_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        bodies[url] = response.getvalue().decode(errors="replace")
        if url.startswith("/api/") and url.endswith("page_size=200"):
            bodies.update(api_details(client, url.split("?")[0], response.json()["results"]))
    for url in bodies["/sitemap.xml"].split("<loc>")[1:]:
        path = url.split("</loc>")[0].replace("http://testserver", "")
        bodies[path] = client.get(path).getvalue().decode(errors="replace")
    for code in ("de", "en"):
        with translation.override(code):
            search = reverse("search")
        # The query is echoed in the search box, so it searches for all but the last letter.
        query = MARKER[:-1]
        bodies[f"{search}?q={query}"] = client.get(search, {"q": query}).content.decode()
    return bodies


def test_no_hidden_record_reaches_any_public_output(client, hidden_content):
    bodies = collect_outputs(client)
    downloads = [url for url in bodies if url.startswith("/data/") and url.endswith(".csv")]
    # The crawl reached the pages and the downloads, so the check below means something.
    assert len(bodies) > 150
    assert len(downloads) >= 6
    assert any(str(hidden_content.title_en) in body for body in bodies.values())
    leaks = sorted(url for url, body in bodies.items() if MARKER in body.lower())
    assert leaks == [], "\n".join(leaks)


def home_figures(client, language: str) -> list[str]:
    """Return the key figures of the home page as the visitor reads them."""
    html = client.get(f"/{language}/").content.decode()
    figure = r'key-figures__number">(\d+)</span> <span class="key-figures__label">([^<]+)'
    return re.findall(figure, html)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_home_figures_count_only_public_records(client, plan, language):
    before = home_figures(client, language)
    create_hidden_content()
    assert len(before) == 6
    assert home_figures(client, language) == before


def test_a_public_measure_in_a_hidden_area_names_the_area_only_by_number(client, hidden_content):
    area = AreaOfAction.objects.filter(title_en__startswith=MARKER).first()
    measure = area.measures.get()
    for language in ("de", "en"):
        with translation.override(language):
            html = client.get(measure.get_absolute_url()).content.decode()
            label = gettext("Area of Action %(number)s") % {"number": area.number}
        assert MARKER not in html
        assert area.get_absolute_url() not in html
        assert f'<p class="kern-preline">{label}</p>' in html
