"""The public list and detail pages of the EU-funded projects, in German and English."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core.content import PublicationState
from networks.models import EUProject
from tests.factories import (
    EUProjectFactory,
    MeasureFactory,
    OrganisationalUnitFactory,
    PartnerCityFactory,
    ThemeFactory,
)
from tests.markup import description, parse, texts_of
from tests.networks.pages import page_url

pytestmark = pytest.mark.django_db

IGNORED = {
    "de": "Einige Angaben in der Adresse konnten nicht verstanden werden",
    "en": "Some values in the address could not be understood and were ignored",
}
SEEDED = {"bigpicnic", "milar", "mobile-be", "netref", "nucleus", "quality-blended-learning", "key"}


def get(client, language, query="", name="project_list", **kwargs):
    """Return the page's response, failing unless it is a 200."""
    response = client.get(page_url(name, language, **kwargs) + query)
    assert response.status_code == 200
    return response


def listed(response) -> list[str]:
    """Return the slugs of the projects the table links to, in table order."""
    return re.findall(r'href="/(?:de|en)/(?:eu-projects|eu-projekte)/([\w-]+)/"', response.text)


def row(response, slug) -> str:
    """Return the HTML of one project's row in the table."""
    rows = response.text.split('<tr class="kern-table__row">')
    return next(entry for entry in rows[1:] if f"/{slug}/" in entry)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def dated(plan, today):
    """Create projects on either side of today's boundaries."""
    day = datetime.timedelta(days=1)
    rows = {
        "starts-today": (today, today + 300 * day),
        "ends-today": (today - 300 * day, today),
        "open-ended": (today - 10 * day, None),
        "start-unknown": (None, today + 10 * day),
        "ended-yesterday": (today - 300 * day, today - day),
        "ended-long-ago": (None, today - 1000 * day),
        "starts-tomorrow": (today + day, today + 400 * day),
        "starts-next-year": (today + 365 * day, None),
    }
    return {
        slug: EUProjectFactory(slug=slug, acronym=slug, start=start, end=end)
        for slug, (start, end) in rows.items()
    }


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("de", "Berufliche Bildung für Geflüchtete", "Vocational training for refugees"),
        ("en", "Vocational training for refugees", "Berufliche Bildung für Geflüchtete"),
    ],
)
def test_list_shows_every_project_with_its_aim_in_the_pages_language(
    client, plan, language, shown, not_shown
):
    response = get(client, language)
    assert parse(response).one("html").attrs["lang"] == language
    assert set(listed(response)) == SEEDED
    assert shown in row(response, "key")
    assert not_shown not in response.text


def test_list_is_a_table_with_caption_and_column_headers(client, plan):
    html = get(client, "en").text
    assert '<table class="kern-table">' in html
    assert "<caption" in html
    headers = re.findall(r'<th class="kern-table__header" scope="col">([^<]+)</th>', html)
    assert headers == [
        "Project",
        "Aim",
        "Funding programme",
        "Participation of the City Administration",
        "Running time",
        "Phase",
        "Lead unit",
    ]


def test_seeded_projects_show_what_is_not_known_instead_of_invented_data(client, plan):
    entry = row(get(client, "en"), "nucleus")
    assert entry.count("not known") == 2
    assert ">dates not known<" in entry
    assert entry.count("not yet recorded") == 2


def test_list_shows_programme_dates_phase_and_lead_unit(client, plan, today):
    unit = OrganisationalUnitFactory(name_de="Leitstelle Klimaschutz", name_en="Climate Unit")
    EUProjectFactory(
        slug="dated",
        funding_programme="Horizon 2020",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=30),
        lead_unit=unit,
    )
    entry = row(get(client, "en"), "dated")
    assert "Horizon 2020" in entry
    assert ">running<" in entry
    assert "Climate Unit" in entry
    assert "not yet recorded" not in entry
    assert " – " in entry
    assert "Leitstelle Klimaschutz" in row(get(client, "de"), "dated")


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        ("running", {"starts-today", "ends-today", "open-ended", "start-unknown"}),
        ("completed", {"ended-yesterday", "ended-long-ago"}),
        ("upcoming", {"starts-tomorrow", "starts-next-year"}),
        ("unknown", SEEDED),
    ],
)
def test_phase_filter_uses_the_dates_at_request_time(client, dated, phase, expected):
    response = get(client, "en", f"?phase={phase}")
    assert set(listed(response)) == expected
    with translation.override("en"):
        label = str(EUProject.Phase(phase).label)
    for slug in expected:
        assert f">{label}<" in row(response, slug)


def test_phase_shown_agrees_with_the_model(client, dated):
    response = get(client, "en")
    for slug, project in dated.items():
        with translation.override("en"):
            label = str(EUProject.Phase(project.phase).label)
        assert f">{label}<" in row(response, slug)


def test_programme_filter_offers_published_programmes_only(client, plan):
    EUProjectFactory(slug="erasmus-one", funding_programme="Erasmus+")
    EUProjectFactory(slug="erasmus-two", funding_programme="Erasmus+")
    EUProjectFactory(slug="horizon", funding_programme="Horizon 2020")
    EUProjectFactory(
        slug="secret",
        funding_programme="Secret Programme",
        publication_state=PublicationState.DRAFT,
    )
    response = get(client, "en", "?programme=Erasmus%2B")
    assert set(listed(response)) == {"erasmus-one", "erasmus-two"}
    assert response.text.count('<option value="Erasmus+"') == 1
    assert '<option value="Horizon 2020"' in response.text
    assert "Secret Programme" not in response.text
    assert "could not be understood" in get(client, "en", "?programme=Secret+Programme").text


def test_lead_unit_filter_offers_units_leading_a_published_project(client, plan):
    leading = OrganisationalUnitFactory(slug="leading", name_en="Leading Unit")
    idle = OrganisationalUnitFactory(slug="idle", name_en="Idle Unit")
    hidden = OrganisationalUnitFactory(slug="hidden", name_en="Hidden Unit")
    EUProjectFactory(slug="led", lead_unit=leading)
    EUProjectFactory(slug="draft", lead_unit=hidden, publication_state=PublicationState.DRAFT)
    response = get(client, "en", "?unit=leading")
    assert listed(response) == ["led"]
    assert "Leading Unit" in response.text
    assert idle.name_en not in response.text
    assert hidden.name_en not in response.text


def test_theme_filter_narrows_the_list(client, plan):
    assert set(listed(get(client, "de", "?theme=integration"))) == {"milar", "netref", "key"}
    assert set(listed(get(client, "en", "?theme=economy-science"))) == {"nucleus"}


def test_filters_combine(client, dated):
    EUProject.objects.filter(slug="starts-today").update(funding_programme="Interreg")
    EUProject.objects.filter(slug="ended-yesterday").update(funding_programme="Interreg")
    assert listed(get(client, "en", "?programme=Interreg&phase=running")) == ["starts-today"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Geflüchtete", {"milar", "netref", "key"}),
        ("en", "refugees", {"milar", "netref", "key"}),
        # Either language's words find a project, whatever the page's language.
        ("en", "Grundbildung", {"mobile-be"}),
        ("de", "healthy nutrition", {"bigpicnic"}),
        # Acronyms and full titles are searched too.
        ("en", "nucl", {"nucleus"}),
        ("de", "Vollständiger Titel", {"titled"}),
        ("en", "Complete title", {"titled"}),
    ],
)
def test_free_text_finds_in_both_languages(client, plan, language, text, expected):
    EUProjectFactory(
        slug="titled", title_de="Vollständiger Titel", title_en="Complete title of a project"
    )
    assert set(listed(get(client, language, f"?q={text}"))) == expected


def test_sorting_by_acronym_start_and_end(client, dated):
    by_acronym = listed(get(client, "en", "?sort=acronym"))
    assert by_acronym[:3] == ["bigpicnic", "ended-long-ago", "ended-yesterday"]
    # Upper and lower case sort together.
    assert [slug for slug in by_acronym if slug in SEEDED] == [
        "bigpicnic",
        "key",
        "milar",
        "mobile-be",
        "netref",
        "nucleus",
        "quality-blended-learning",
    ]
    by_start = [slug for slug in listed(get(client, "en", "?sort=start")) if slug in dated]
    assert by_start[:2] == ["ended-yesterday", "ends-today"]
    # Projects without a start come last in either direction.
    assert set(by_start[-2:]) == {"ended-long-ago", "start-unknown"}
    by_end = listed(get(client, "en", "?sort=-end"))
    assert by_end[:2] == ["starts-tomorrow", "starts-today"]


def test_nonsense_values_are_ignored_with_a_warning(client, plan):
    query = "?phase=mars&programme=zzz&unit=nope&theme=nope&sort=evil&page=-3&q=%00"
    for language in ("de", "en"):
        response = client.get(page_url("project_list", language) + query)
        assert response.status_code == 200
        [warning] = texts_of(response, ".kern-alert--warning")
        assert warning.startswith(IGNORED[language])
        assert set(listed(response)) == SEEDED
    assert set(listed(get(client, "en", "?page=abc&sort=-nonsense"))) == SEEDED


def test_pagination_shows_twenty_projects_a_page(client, plan):
    EUProjectFactory.create_batch(30)
    published = EUProject.objects.public().count()
    assert 20 < published <= 40
    first = get(client, "en")
    second = get(client, "en", "?page=2")
    assert len(listed(first)) == 20
    assert len(listed(second)) == published - 20
    assert not set(listed(first)) & set(listed(second))
    assert "Page 2 of 2" in second.text
    beyond = get(client, "en", "?page=99")
    assert listed(beyond) == listed(second)
    assert "could not be understood" in beyond.text


def test_unpublished_project_is_absent_from_the_list_and_its_page_is_404(client, plan):
    EUProject.objects.filter(slug="key").update(publication_state=PublicationState.REVIEW)
    for language in ("de", "en"):
        assert "key" not in listed(get(client, language))
        assert "key" not in listed(get(client, language, "?theme=integration"))
        assert client.get(page_url("project_detail", language, slug="key")).status_code == 404


@pytest.mark.parametrize(
    ("language", "aim", "facts"),
    [
        (
            "de",
            "Berufliche Bildung für Geflüchtete",
            {
                "Förderprogramm": "noch nicht erfasst",
                "Beteiligung der Stadtverwaltung": "2018–2019",
                "Laufzeit": "nicht bekannt",
                "Federführende Stelle": "noch nicht erfasst",
                # The loaded plan's themes are the portal's reading until the office confirms them.
                "Themen": "Vorschlag Zuordnung vorgeschlagen, noch nicht vom Büro für "
                "Internationale Angelegenheiten bestätigt Bildung, Integration",
            },
        ),
        (
            "en",
            "Vocational training for refugees",
            {
                "Funding programme": "not yet recorded",
                "Participation of the City Administration": "2018–2019",
                "Running time": "not known",
                "Lead unit": "not yet recorded",
                "Themes": "Proposed Proposed assignment, not yet confirmed by the International "
                "Affairs Office Education, Integration",
            },
        ),
    ],
)
def test_detail_of_a_seeded_project_says_what_is_not_yet_recorded(
    client, plan, language, aim, facts
):
    html = get(client, language, name="project_detail", slug="key").text
    assert re.search(r"<h1[^>]*>Key</h1>", html)
    assert aim in html
    shown = description(html)
    assert {term: shown.get(term) for term in facts} == facts
    assert not parse(html).select('main a[href^="http"]'), "no website is recorded"


def test_detail_shows_everything_recorded(client, plan, today):
    unit = OrganisationalUnitFactory(name_en="Adult Education Centre")
    project = EUProjectFactory(
        slug="full",
        acronym="FULL",
        title_en="A fully recorded project",
        funding_programme="Erasmus+",
        participation_from=2018,
        participation_until=2019,
        start=today - datetime.timedelta(days=400),
        end=today - datetime.timedelta(days=1),
        lead_unit=unit,
        website="https://example.org/full",
    )
    project.themes.add(ThemeFactory(name_en="A theme of the project"))
    html = get(client, "en", name="project_detail", slug="full").text
    assert re.search(r"<h1[^>]*>FULL .*A fully recorded project", html)
    assert "Erasmus+" in html
    assert "Adult Education Centre" in html
    assert ">completed<" in html
    assert "A theme of the project" in html
    assert 'href="https://example.org/full"' in html
    assert "not yet recorded" not in html
    assert "not known" not in html


def test_detail_links_published_partner_cities_and_measures_only(client, plan):
    project = EUProject.objects.get(slug="nucleus")
    city = PartnerCityFactory(name_en="Published City")
    project.partner_cities.add(
        city, PartnerCityFactory(name_en="Draft City", publication_state=PublicationState.DRAFT)
    )
    measure = plan.get(number="1.2")
    project.measures.add(
        measure,
        MeasureFactory(title_en="A draft measure", publication_state=PublicationState.DRAFT),
    )
    html = get(client, "en", name="project_detail", slug="nucleus").text
    with translation.override("en"):
        assert f'href="{city.get_absolute_url()}"' in html
    assert "Published City" in html
    assert "Draft City" not in html
    with translation.override("en"):
        assert f'href="{measure.get_absolute_url()}"' in html
    assert "A draft measure" not in html


def test_detail_without_links_says_so_and_omits_partner_cities(client, plan):
    html = get(client, "en", name="project_detail", slug="milar").text
    assert "No measure of the plan is linked yet." in html
    assert "Twin and cooperation cities in this project" not in html


def test_pages_have_one_h1_no_inline_styles_and_no_inline_scripts(client, dated):
    addresses = [
        page_url("project_list", "de"),
        page_url("project_list", "en") + "?phase=mars&sort=-start",
        page_url("project_detail", "de", slug="key"),
        page_url("project_detail", "en", slug="starts-today"),
    ]
    for address in addresses:
        html = client.get(address).text
        assert html.count("<h1") == 1, address
        assert not re.search(r"\sstyle=", html), address
        # A schema.org data block is not run, so the Content-Security-Policy allows it.
        inline = re.search(r'<script(?![^>]*\ssrc=)(?! type="application/ld\+json">)', html)
        assert not inline, address


def count_queries(client, address) -> int:
    """Return how many SQL queries serving `address` takes."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.slow
def test_list_query_count_does_not_grow_with_the_projects(client, plan, today):
    addresses = [
        page_url("project_list", "en"),
        page_url("project_list", "de") + "?theme=education&sort=-start&q=e",
    ]
    for address in addresses:
        client.get(address)
    before = [count_queries(client, address) for address in addresses]
    published = EUProject.objects.public().count()
    education = EUProject.objects.get(slug="key").themes.get(slug="education")
    themes = [*ThemeFactory.create_batch(2), education]
    for number, project in enumerate(EUProjectFactory.create_batch(30)):
        project.lead_unit = OrganisationalUnitFactory()
        project.funding_programme = f"Programme {number % 4}"
        project.start = today
        project.save()
        project.themes.add(*themes)
        project.partner_cities.add(PartnerCityFactory())
        project.measures.add(*plan[:2])
    assert EUProject.objects.public().count() == published + 30
    assert [count_queries(client, address) for address in addresses] == before


def test_detail_query_count_does_not_grow_with_links(client, plan):
    address = page_url("project_detail", "en", slug="nucleus")
    client.get(address)
    before = count_queries(client, address)
    project = EUProject.objects.get(slug="nucleus")
    project.lead_unit = OrganisationalUnitFactory()
    project.save()
    project.themes.add(*ThemeFactory.create_batch(5))
    project.partner_cities.add(*PartnerCityFactory.create_batch(5))
    project.measures.add(*plan)
    assert count_queries(client, address) == before
