"""Home, the plan, search and the site pages, in German and English."""

import datetime
import re

import pytest

from core.content import PublicationState
from hannover_intl.models import SitePage
from measures.models import Measure
from networks.models import EUProject, MembershipStatus, Network
from partners.models import PartnerCity, Partnership, PartnershipKind
from tests.factories import ProgressReportFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def figures_of(html: str) -> dict[str, int]:
    return {
        label.strip(): int(number)
        for number, label in re.findall(
            r'key-figures__number">(\d+)</span> <span class="key-figures__label">([^<]+)<', html
        )
    }


def cities_of_kind(kind: str) -> int:
    """Return how many published cities have an active published partnership of `kind`."""
    partnerships = Partnership.objects.public().filter(kind=kind, ended_on__isnull=True)
    return PartnerCity.objects.public().filter(partnerships__in=partnerships).distinct().count()


def test_home_shows_key_figures_counted_from_the_database(client, plan):
    figures = figures_of(html_of(client.get("/en/")))
    active = Partnership.objects.public().filter(ended_on__isnull=True)
    expected = {
        "twin and cooperation cities": PartnerCity.objects.public()
        .filter(partnerships__in=active)
        .distinct()
        .count(),
        "twin cities": cities_of_kind(PartnershipKind.TWIN_CITY),
        "cooperation cities": cities_of_kind(PartnershipKind.COOPERATION_CITY),
        "cooperations with UNESCO Cities of Music": cities_of_kind(
            PartnershipKind.UNESCO_CITY_OF_MUSIC
        ),
        # The network the office still has to verify is not counted.
        "memberships in networks of cities": Network.objects.public()
        .confirmed()
        .filter(membership_status=MembershipStatus.MEMBER)
        .count(),
        "EU-funded projects": EUProject.objects.public().count(),
    }
    assert figures == expected
    # Every figure is shown, and none is nought, or the comparison would prove little.
    assert all(expected.values())
    twins = expected["twin cities"]
    PartnerCity.objects.filter(slug="bristol").update(publication_state=PublicationState.DRAFT)
    assert figures_of(html_of(client.get("/en/")))["twin cities"] == twins - 1


def test_home_shows_goals_areas_with_status_and_latest_changes(client, plan):
    html = html_of(client.get("/de/"))
    assert "Hannover ist Impulsgeber in Europa" in html
    # Nobody has reported a state: the home page says so, per area and in all.
    assert "noch kein Sachstand berichtet: 3" in html
    assert "Zu 13 der 13 Maßnahmen ist noch kein Sachstand berichtet." in html
    assert "geplant" not in html
    assert "Neueste Sachstandsberichte" in html


def test_plan_page_has_initial_situation_benefits_goals_and_schedule(client, plan):
    html = html_of(client.get("/de/handlungskonzept/"))
    assert "Ein starker Standort" in html
    assert "Die Jugendpflege organisiert" in html
    assert "überzeugt als starker und gut angebundener" in html
    assert "Verabschiedung der Drucksache durch den Rat" in html
    assert "Deutsche Messe AG" in html
    html = html_of(client.get("/en/the-plan/"))
    assert "Locational strength" in html
    assert "Adoption of the council document by the City Council" in html


@pytest.mark.parametrize(
    ("url", "heading", "text"),
    [
        ("/de/kontakt/", "Kontakt", "Trammplatz 2"),
        ("/en/contact/", "Contact", "international@hannover-stadt.de"),
        ("/de/impressum/", "Impressum", "Haftung für Links"),
        ("/en/legal-notice/", "Legal notice", "Liability for links"),
        ("/de/datenschutz/", "Datenschutzerklärung", "Beschwerderecht"),
        ("/en/privacy/", "Privacy statement", "Right to lodge a complaint"),
        ("/de/barrierefreiheit/", "Erklärung zur Barrierefreiheit", "Schlichtungsstelle"),
        ("/en/accessibility/", "Accessibility statement", "Enforcement procedure"),
        ("/de/leichte-sprache/", "Leichte Sprache", "Handlungs·konzept"),
        ("/en/easy-read/", "Easy Read", "An action plan is a plan."),
    ],
)
def test_site_pages_exist_in_both_languages(client, plan, url, heading, text):
    # The footer links every site page by its title: the heading and the text must be the page's.
    main = parse(html_of(client.get(url))).one("main")
    assert main.one("h1").text == heading
    assert text in main.text


def test_unpublished_site_page_is_404(client, plan):
    SitePage.objects.filter(slug="contact").update(publication_state=PublicationState.DRAFT)
    assert client.get("/de/kontakt/").status_code == 404


class TestSearch:
    def groups(self, client, url) -> dict[str, list[str]]:
        response = client.get(url)
        assert response.status_code == 200
        return {
            group.key: [str(item) for item in group.results] for group in response.context["groups"]
        }

    def test_poznan_without_accent_finds_poznan(self, client, plan):
        assert self.groups(client, "/de/suche/?q=Poznan")["cities"] == ["Poznań"]
        assert self.groups(client, "/en/search/?q=diyarbakir")["cities"] == ["Diyarbakır"]

    def test_klima_finds_the_climate_measures_on_the_german_site(self, client, plan):
        measures = self.groups(client, "/de/suche/?q=Klima")["measures"]
        assert any(title.startswith("3.4 ") for title in measures)
        # Found by their own words, not by their theme "Umwelt und Klimaschutz".
        for title in measures:
            measure = Measure.objects.get(number=title.split(" ", 1)[0])
            own_words = [measure.title_de, measure.summary_de, measure.description_de]
            assert "klima" in " ".join(own_words).lower(), title

    def test_climate_finds_the_climate_measures_on_the_english_site(self, client, plan):
        groups = self.groups(client, "/en/search/?q=climate")
        assert any(title.startswith("3.4 ") for title in groups["measures"])
        assert "networks" in groups

    def test_results_are_grouped_by_kind_and_drafts_are_left_out(self, client, plan):
        Measure.objects.filter(number="1.2").update(publication_state=PublicationState.DRAFT)
        groups = self.groups(client, "/en/search/?q=EUROCITIES")
        assert "measures" not in groups
        assert list(groups) == ["networks"]

    @pytest.mark.parametrize(
        "query",
        [
            "",
            "   ",
            "x" * 5000,
            "<script>alert(1)</script>",
            "%00",
            "' OR 1=1 --",
            "-" * 40,
            "(-" * 40,
        ],
    )
    def test_odd_queries_answer_calmly(self, client, plan, query):
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_home_shows_the_partner_map_with_one_link_per_published_city(client, plan):
    html = html_of(client.get("/en/"))
    published = PartnerCity.objects.public().count()
    assert html.count('class="partner-map__link"') == published
    assert 'href="/en/twin-and-cooperation-cities/hiroshima/"' in html
    PartnerCity.objects.filter(slug="hiroshima").update(publication_state=PublicationState.DRAFT)
    html = html_of(client.get("/en/"))
    assert html.count('class="partner-map__link"') == published - 1
    assert "/en/twin-and-cooperation-cities/hiroshima/" not in html


def test_home_shows_the_latest_published_progress_report(client, plan):
    ProgressReportFactory(
        measure=Measure.objects.get(number="2.2"),
        reported_on=datetime.date(2026, 3, 1),
        status="in_progress",
        progress=30,
        text_de="Erste Fortbildungen laufen.",
    )
    ProgressReportFactory(
        measure=Measure.objects.get(number="4.2"),
        reported_on=datetime.date(2026, 4, 1),
        status="in_progress",
        progress=10,
        text_de="Entwurf",
        publication_state=PublicationState.DRAFT,
    )
    html = html_of(client.get("/de/"))
    latest = html.split('id="latest-heading"')[1].split("</section>")[0]
    assert "Kompetenz in europäischen und internationalen Fragen" in latest
    assert "30 %" in latest and "in Umsetzung" in latest
    assert "Weltoffenheit sichtbarer machen" not in latest
    assert "Beispieldaten" not in latest
