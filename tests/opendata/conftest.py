"""Published and draft content on top of the loaded plan, for the open data tests."""

import datetime
from dataclasses import dataclass

import pytest

from core.content import PublicationState
from measures.models import AreaOfAction, Goal, Measure, Status
from networks.models import EUProject, Network
from partners.models import PartnerCity
from progress.models import ProgressReport
from tests.factories import (
    ActivityFactory,
    AreaOfActionFactory,
    EUProjectFactory,
    ExternalPartnerFactory,
    GoalFactory,
    MeasureFactory,
    NetworkFactory,
    PartnerCityFactory,
    PartnershipFactory,
    ProgressReportFactory,
)

DRAFT = PublicationState.DRAFT
REVIEW = PublicationState.REVIEW
# Every draft row carries this in its key or texts, so that a test can look for it anywhere.
MARK = "entwurf-h7"


@pytest.fixture(autouse=True)
def no_throttling(settings):
    """Switch the API's request limit off, except where a test turns it on."""
    settings.API_THROTTLE_ANON = None


@dataclass
class Content:
    measure: Measure
    report: ProgressReport
    city: PartnerCity
    network: Network
    project: EUProject


@pytest.fixture
def content(plan):
    """Return published rows with a report and links, next to drafts linked to the same rows."""
    measure = Measure.objects.get(number="1.1")
    report = ProgressReportFactory(
        measure=measure,
        reported_on=datetime.date(2025, 3, 31),
        status=Status.IN_PROGRESS,
        progress=40,
        text_de="Erste Partnerschaftstreffen haben stattgefunden.",
        text_en="First partnership meetings took place.",
    )
    city = PartnerCity.objects.get(slug="hiroshima")
    network = Network.objects.public().get(slug="eurocities")
    project = EUProjectFactory(
        slug="open-project", acronym="OPEN", title_de="Offenes Projekt", title_en="Open project"
    )
    project.partner_cities.add(city)
    project.measures.add(measure)

    # Drafts and rows in review, each linked to published rows where the model allows it.
    GoalFactory(number=90, title_de=f"Ziel {MARK}", publication_state=DRAFT)
    AreaOfActionFactory(title_de=f"Handlungsfeld {MARK}", publication_state=DRAFT)
    draft_measure = MeasureFactory(
        area=AreaOfAction.objects.get(number=1),
        number="1.90",
        slug=f"massnahme-{MARK}",
        title_de=f"Maßnahme {MARK}",
        publication_state=REVIEW,
    )
    ProgressReportFactory(
        measure=measure,
        reported_on=datetime.date(2025, 4, 30),
        status=Status.IN_PROGRESS,
        progress=50,
        text_de=f"Bericht {MARK}",
        publication_state=DRAFT,
    )
    ProgressReportFactory(
        measure=draft_measure,
        reported_on=datetime.date(2025, 4, 30),
        status=Status.IN_PROGRESS,
        progress=50,
        text_de=f"Bericht zur unveröffentlichten Maßnahme {MARK}",
    )
    draft_city = PartnerCityFactory(
        slug=f"stadt-{MARK}", name_de=f"Stadt {MARK}", publication_state=DRAFT
    )
    PartnershipFactory(city=draft_city, council_decision=MARK).measures.add(measure)
    project.partner_cities.add(draft_city)
    draft_network = NetworkFactory(
        slug=f"netz-{MARK}", name_de=f"Netz {MARK}", publication_state=DRAFT
    )
    draft_network.measures.add(measure)
    draft_project = EUProjectFactory(
        slug=f"projekt-{MARK}", acronym=MARK.upper(), publication_state=REVIEW
    )
    draft_project.measures.add(measure)
    draft_project.partner_cities.add(city)
    network.measures.add(draft_measure)
    # Activities: a public one, linked to public and draft rows; a draft and an internal one.
    activity = ActivityFactory(
        title_de="Delegation aus Hiroshima", title_en="Delegation from Hiroshima"
    )
    activity.partner_cities.add(city, draft_city)
    activity.networks.add(network, draft_network)
    activity.eu_projects.add(project, draft_project)
    activity.measures.add(measure, draft_measure)
    activity.actors.add(ExternalPartnerFactory(slug=f"akteur-{MARK}", publication_state=DRAFT))
    ActivityFactory(title_de=f"Aktivität {MARK}", publication_state=DRAFT).partner_cities.add(city)
    ActivityFactory(title_de=f"Intern {MARK}", is_internal=True).partner_cities.add(city)
    return Content(measure=measure, report=report, city=city, network=network, project=project)


@pytest.fixture
def more_content(content):
    """Return a function that adds published rows of every kind, each with links and themes."""

    def add(count: int = 3):
        area = AreaOfAction.objects.get(number=2)
        for _ in range(count):
            measure = MeasureFactory(area=area)
            measure.goals.add(*Goal.objects.all()[:2])
            city = PartnerCityFactory()
            partnership = PartnershipFactory(city=city)
            partnership.measures.add(measure)
            network = NetworkFactory()
            network.measures.add(measure)
            project = EUProjectFactory()
            project.measures.add(measure)
            project.partner_cities.add(city)
            activity = ActivityFactory()
            activity.partner_cities.add(city)
            activity.networks.add(network)
            activity.measures.add(measure)
            ProgressReportFactory(
                measure=measure,
                reported_on=datetime.date(2025, 1, 15),
                status=Status.IN_PROGRESS,
                progress=10,
                text_de="Bericht",
            )

    return add
