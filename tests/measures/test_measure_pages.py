"""Citizens browse goals, Areas of Action and measures in German and English."""

import pytest

from core.content import PublicationState
from measures.models import AreaOfAction, Measure, OrganisationalUnit, Status
from partners.models import PartnerCity
from tests.factories import MeasureFactory
from tests.markup import description, parse

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/de/handlungsfelder/", "Internationalisierung und Europäisierung der Stadtverwaltung"),
        (
            "/en/areas-of-action/",
            "Internationalization and Europeanization of the City Administration",
        ),
        ("/de/handlungsfelder/3/", "Beispiele für Maßnahmen"),
        ("/en/areas-of-action/3/", "European Capital of Culture in 2025"),
        ("/de/ziele/2/", "Weltoffenheit sichtbarer machen"),
        ("/en/goals/1/", "Attractive international profile"),
        ("/de/massnahmen/1-2/", "Mitgliedschaft bei EUROCITIES"),
        ("/en/measures/1-2/", "Membership of EUROCITIES"),
    ],
)
def test_pages_show_the_plan_in_the_pages_language(client, plan, url, text):
    assert text in html_of(client.get(url))


def test_goal_page_names_the_mein_hannover_2030_goals_behind_it(client, plan):
    html = html_of(client.get("/de/ziele/1/"))
    assert "wirtschaftet nachhaltig." in html
    assert "Handlungsfeld 3" in html


@pytest.mark.parametrize(
    ("url", "labels", "unreported", "sub_item", "city_url"),
    [
        (
            "/de/massnahmen/1-1/",
            ("Status", "Umsetzungsstand", "Letzte Änderung"),
            ("noch kein Sachstand berichtet", "nicht berichtet"),
            "Kommunaler Erfahrungsaustausch und projektbezogene Zusammenarbeit",
            "/de/partner-und-kooperationsstaedte/bristol/",
        ),
        (
            "/en/measures/1-1/",
            ("Status", "Progress", "Last change"),
            ("no progress reported yet", "not reported"),
            "Sharing experience at local level and project-based cooperation",
            "/en/twin-and-cooperation-cities/bristol/",
        ),
    ],
)
def test_measure_page_shows_sub_items_status_progress_and_links(
    client, plan, url, labels, unreported, sub_item, city_url
):
    html = html_of(client.get(url))
    status, progress, changed = labels
    no_status, no_figure = unreported
    state = description(html, "section.measure-state dl")
    # The sources report no state: the page says so, and shows no progress figure either.
    assert state[status] == no_status
    assert state[progress] == no_figure
    assert state[changed]
    assert not parse(html).select("section.measure-state progress")
    sub_items = parse(html).select(".sub-item-list li")
    assert sub_items[0].one(".sub-item-list__title").text == sub_item
    assert [item.one(".status").text for item in sub_items] == [no_status] * len(sub_items)
    assert len(parse(html).select(".sub-item-list .status--not_reported")) == len(sub_items)
    # Every twin and cooperation city is linked to measure 1.1.
    assert parse(html).select(f'main a[href="{city_url}"]')


@pytest.mark.parametrize(
    ("url", "heading", "network_url"),
    [
        ("/de/massnahmen/1-2/", "Städtenetzwerke", "/de/netzwerke/eurocities/"),
        ("/en/measures/1-2/", "Networks", "/en/networks/eurocities/"),
    ],
)
def test_measure_page_links_the_networks_of_measure_1_2(client, plan, url, heading, network_url):
    linked = parse(html_of(client.get(url))).one('section[aria-labelledby="linked-heading"]')
    assert heading in linked.texts("h3")
    assert linked.one(f'a[href="{network_url}"]').text == "EUROCITIES"


def test_unpublished_measure_is_404_and_absent_from_lists(client, plan):
    Measure.objects.filter(number="4.3").update(publication_state=PublicationState.DRAFT)
    assert client.get("/de/massnahmen/4-3/").status_code == 404
    for url in ["/de/", "/de/massnahmen/", "/de/handlungsfelder/", "/de/handlungsfelder/4/"]:
        assert "/de/massnahmen/4-3/" not in html_of(client.get(url))


def test_unknown_items_are_404(client, plan):
    for url in ["/de/massnahmen/9-9/", "/en/areas-of-action/7/", "/en/goals/4/"]:
        assert client.get(url).status_code == 404


class TestMeasureFilters:
    def numbers(self, client, query: str, language: str = "en") -> list[str]:
        path = "/en/measures/" if language == "en" else "/de/massnahmen/"
        response = client.get(path + query)
        return [measure.number for measure in response.context["measures"]]

    def test_without_filters_all_thirteen_in_plan_order(self, client, plan):
        assert self.numbers(client, "") == [m.number for m in Measure.objects.all()]

    def test_area_goal_and_theme(self, client, plan):
        assert self.numbers(client, "?area=2") == ["2.1", "2.2", "2.3"]
        assert self.numbers(client, "?goal=2") == ["4.1", "4.2", "4.3"]
        assert "3.4" in self.numbers(client, "?theme=environment-climate")

    def test_status_and_unit(self, client, plan):
        Measure.objects.filter(number="3.2").update(status=Status.IN_PROGRESS)
        assert self.numbers(client, "?status=in_progress") == ["3.2"]
        assert self.numbers(client, "?unit=international-affairs-office") == []

    def test_a_measure_matching_across_several_links_is_listed_once(self, client, plan):
        measure = Measure.objects.get(number="1.1")
        lead, *others = OrganisationalUnit.objects.all()[:3]
        measure.lead_unit = lead
        measure.save()
        # Led and contributed to by the same unit, and by two more: three rows in a join.
        measure.contributing_units.add(lead, *others)
        for language in ("en", "de"):
            numbers = self.numbers(client, f"?unit={lead.slug}", language)
            assert numbers.count("1.1") == 1
            assert len(numbers) == len(set(numbers))
        # The count above the table counts it once, too.
        page = html_of(client.get(f"/en/measures/?unit={lead.slug}"))
        assert f"Measures found: {len(numbers)}" in page

    def test_partner_city(self, client, plan):
        assert self.numbers(client, "?city=hiroshima") == ["1.1"]

    def test_free_text_in_either_language(self, client, plan):
        assert self.numbers(client, "?q=EUROCITIES") == ["1.2"]
        assert "3.4" in self.numbers(client, "?q=Klimaschutz", language="de")
        assert "3.4" in self.numbers(client, "?q=climate care")
        assert self.numbers(client, "?q=Willkommenskultur", language="de") == ["3.3"]

    def test_sorting(self, client, plan):
        Measure.objects.filter(number="2.2").update(progress=80)
        Measure.objects.filter(number="4.1").update(progress=40)
        assert self.numbers(client, "?sort=-progress")[:2] == ["2.2", "4.1"]
        titles = [m.title for m in client.get("/en/measures/?sort=title").context["measures"]]
        assert titles == sorted(titles, key=str.casefold)

    def test_query_string_is_kept_in_pagination_links(self, client, plan):
        MeasureFactory.create_batch(25, area=AreaOfAction.objects.get(number=1))
        html = html_of(client.get("/en/measures/?area=1&sort=title&page=1"))
        found = Measure.objects.public().filter(area__number=1).count()
        assert f"Measures found: {found}" in html
        assert 'href="?area=1&amp;sort=title&amp;page=2"' in html

    def test_pagination_splits_long_lists(self, client, plan):
        area = Measure.objects.get(number="1.1").area
        MeasureFactory.create_batch(26, area=area)
        in_area = Measure.objects.public().filter(area=area).count()
        assert 20 < in_area <= 40
        page_two = client.get("/en/measures/?area=1&page=2")
        assert len(page_two.context["measures"]) == in_area - 20
        html = page_two.content.decode()
        assert "Page 2 of 2" in html
        assert 'href="?area=1&amp;page=1"' in html

    @pytest.mark.parametrize(
        "query",
        [
            "?area=banana",
            "?status=exploded",
            "?goal=-1",
            "?theme=%3Cscript%3E",
            "?city=atlantis",
            "?sort=;DROP TABLE",
            "?page=999",
            "?page=abc",
            "?area=99999999999999999999",
        ],
    )
    def test_nonsense_values_show_the_page_with_a_message(self, client, plan, query):
        response = client.get("/en/measures/" + query)
        assert response.status_code == 200
        html = response.content.decode()
        assert "could not be understood and were ignored" in html
        assert "<script>" not in html
        assert len(response.context["measures"]) > 0

    def test_nonsense_message_in_german(self, client, plan):
        html = html_of(client.get("/de/massnahmen/?status=explodiert"))
        assert "konnten nicht verstanden werden" in html


def test_unpublished_city_is_not_offered_as_filter(client, plan):
    PartnerCity.objects.filter(slug="hiroshima").update(publication_state=PublicationState.DRAFT)
    html = html_of(client.get("/en/measures/"))
    assert '<option value="Hiroshima">' not in html
    assert '<option value="Bristol">' in html
