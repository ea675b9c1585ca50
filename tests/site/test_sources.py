"""Every text of the plan says where it comes from and when; nothing states what no source says."""

import json
import re

import pytest

from networks.models import Network
from tests.markup import description, parse

pytestmark = pytest.mark.django_db

PLAN_SOURCE = {
    "de": (
        "Quelle: Handlungskonzept ‚Hannover – Internationale Stadt‘ (Kurzfassung), "
        "Stand Januar 2019"
    ),
    "en": "Source: 'Hannover – International City' action plan (abridged version), January 2019",
}
DESCRIPTION_SOURCE = {
    "de": "Quelle: Projektbeschreibung „Handlungskonzept ‚Internationale Stadt‘“ im offiziellen "
    "Portal der Region und der Landeshauptstadt Hannover (ohne Datum)",
    "en": "Source: project description 'Handlungskonzept „Internationale Stadt“' on the official "
    "portal of the Region and the City of Hannover (undated); English translation by this portal",
}
PAGES_OF_THE_PLAN = {
    "de": [
        "/de/handlungskonzept/",
        "/de/handlungsfelder/",
        "/de/handlungsfelder/1/",
        "/de/massnahmen/",
        "/de/massnahmen/3-1/",
        "/de/ziele/1/",
    ],
    "en": [
        "/en/the-plan/",
        "/en/areas-of-action/",
        "/en/areas-of-action/1/",
        "/en/measures/",
        "/en/measures/3-1/",
        "/en/goals/1/",
    ],
}


def main_of(client, address):
    """Return the page's main element, failing unless the page is a 200."""
    response = client.get(address)
    assert response.status_code == 200, address
    return parse(response).one("main")


def sources_on(client, address) -> list[str]:
    """Return the source lines a page shows."""
    return main_of(client, address).texts("p.plan-source")


def figures_of(client, address) -> dict[str, int]:
    """Return the home page's key figures by their label."""
    html = client.get(address).content.decode()
    return {
        label.strip(): int(number)
        for number, label in re.findall(
            r'key-figures__number">(\d+)</span> <span class="key-figures__label">([^<]+)<', html
        )
    }


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_of_the_plan_names_the_plan_and_its_date(client, plan, language):
    for address in PAGES_OF_THE_PLAN[language]:
        assert PLAN_SOURCE[language] in sources_on(client, address), address


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_project_descriptions_content_is_credited_to_it(client, plan, language):
    plan_page = PAGES_OF_THE_PLAN[language][0]
    # The plan's text; the goals with the goals of 'Mein Hannover 2030'; the making-of.
    assert sources_on(client, plan_page) == [
        PLAN_SOURCE[language],
        DESCRIPTION_SOURCE[language],
        DESCRIPTION_SOURCE[language],
    ]
    goals = parse(client.get(plan_page)).one("section#goals-intro")
    assert goals.texts("p.plan-source") == [DESCRIPTION_SOURCE[language]]
    making_of = parse(client.get(plan_page)).one("section#making-of")
    assert DESCRIPTION_SOURCE[language] in making_of.texts("p.plan-source")
    # The goals of 'Mein Hannover 2030' come from the description too.
    goal_page = PAGES_OF_THE_PLAN[language][5]
    assert DESCRIPTION_SOURCE[language] in sources_on(client, goal_page)


@pytest.mark.parametrize(
    ("language", "address", "dated", "undated"),
    [
        (
            "de",
            "/de/massnahmen/3-1/",
            "Die aktuelle Bewerbung (Stand Januar 2019) als Kulturhauptstadt Europas 2025",
            "Die aktuelle Bewerbung als Kulturhauptstadt",
        ),
        (
            "en",
            "/en/measures/3-1/",
            "The current bid (as of January 2019) to become European Capital of Culture in 2025",
            "The current bid to become",
        ),
        (
            "de",
            "/de/handlungsfelder/3/",
            "Die aktuelle Bewerbung (Stand Januar 2019) als Kulturhauptstadt Europas 2025",
            "Die aktuelle Bewerbung als Kulturhauptstadt",
        ),
        (
            "en",
            "/en/areas-of-action/3/",
            "The current bid (as of January 2019) to become European Capital of Culture in 2025",
            "The current bid to become",
        ),
        (
            "de",
            "/de/massnahmen/1-2/",
            "Stand Januar 2019: Die Stadtverwaltung wird sich um eine Mitgliedschaft bei",
            "Die Stadtverwaltung wird sich um",
        ),
        (
            "en",
            "/en/measures/1-2/",
            "As of January 2019, the City Administration will bid to join EUROCITIES",
            "The City Administration will bid",
        ),
        (
            "de",
            "/de/handlungsfelder/1/",
            "Stand Januar 2019: Die Stadtverwaltung wird sich um eine Mitgliedschaft bei",
            "Die Stadtverwaltung wird sich um",
        ),
        (
            "en",
            "/en/areas-of-action/1/",
            "As of January 2019, the City Administration will bid to join EUROCITIES",
            "The City Administration will bid",
        ),
        (
            "de",
            "/de/netzwerke/eurocities/",
            "Stand Januar 2019: Die Stadtverwaltung wird sich um eine Mitgliedschaft bewerben",
            "Die Stadtverwaltung wird sich um",
        ),
        (
            "en",
            "/en/networks/eurocities/",
            "As of January 2019, the City Administration will bid to join EUROCITIES",
            "The City Administration will bid",
        ),
        (
            "de",
            "/de/handlungskonzept/",
            "Die Volkshochschule Hannover (VHS) beteiligt sich (Stand Januar 2019) an mehreren "
            "EU-Projekten",
            "beteiligt sich derzeit",
        ),
        (
            "en",
            "/en/the-plan/",
            "Adult education (Volkshochschule) services are, as of January 2019, taking part in "
            "several EU projects",
            "are currently taking part",
        ),
    ],
)
def test_statements_of_2019_carry_their_date(client, plan, language, address, dated, undated):
    text = main_of(client, address).text
    assert dated in text
    # Nowhere on the page is the statement made without its date.
    assert undated not in text.replace(dated, "")


@pytest.mark.parametrize(
    ("language", "status"),
    [
        ("de", "Bewerbung geplant (Stand Januar 2019)"),
        ("en", "application planned (as of January 2019)"),
    ],
)
def test_eurocities_is_a_planned_application_as_of_january_2019(client, plan, language, status):
    address = {"de": "/de/netzwerke/eurocities/", "en": "/en/networks/eurocities/"}[language]
    facts = description(client.get(address).content.decode(), "main dl")
    membership = {"de": "Mitgliedschaft", "en": "Membership"}[language]
    assert facts[membership] == status
    list_page = {"de": "/de/netzwerke/", "en": "/en/networks/"}[language]
    assert status in main_of(client, list_page).text
    assert {"de": "Bewerbung läuft", "en": "applying"}[language] not in main_of(
        client, address
    ).text


@pytest.mark.parametrize(
    ("language", "member"),
    [("de", "Mitglied (Stand Dezember 2018)"), ("en", "member (as of December 2018)")],
)
def test_the_brochures_memberships_are_dated_as_of_its_map(client, plan, language, member):
    address = {"de": "/de/netzwerke/climate-alliance/", "en": "/en/networks/climate-alliance/"}
    facts = description(client.get(address[language]).content.decode(), "main dl")
    assert facts[{"de": "Mitgliedschaft", "en": "Membership"}[language]] == member


UNVERIFIED = "european-council-on-migration-security"
NOT_COUNTED = {
    "de": "Bis das Büro den Eintrag bestätigt, zählt keine Zahl dieses Portals ihn mit.",
    "en": "Until the office confirms it, this entry is not counted in any figure on this portal.",
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_network_to_be_verified_says_so_on_its_page(client, plan, language):
    address = {"de": f"/de/netzwerke/{UNVERIFIED}/", "en": f"/en/networks/{UNVERIFIED}/"}
    text = main_of(client, address[language]).text
    assert {"de": "Zu prüfen", "en": "To be verified"}[language] in text
    assert NOT_COUNTED[language] in text
    assert {
        "de": "Die Angabe ist vom Büro für Internationale Angelegenheiten zu prüfen.",
        "en": "To be verified by the International Affairs Office.",
    }[language] in text
    assert (
        NOT_COUNTED[language]
        not in main_of(client, address[language].replace(UNVERIFIED, "eurocities")).text
    )


@pytest.mark.parametrize(
    ("language", "found", "section"),
    [
        ("de", "Gefundene Städtenetzwerke: {}", "Noch zu prüfende Einträge"),
        ("en", "Networks found: {}", "Entries still to be verified"),
    ],
)
def test_the_network_to_be_verified_is_listed_apart_and_not_counted(
    client, plan, language, found, section
):
    main = main_of(client, {"de": "/de/netzwerke/", "en": "/en/networks/"}[language])
    confirmed = Network.objects.public().confirmed().count()
    assert Network.objects.public().count() == confirmed + 1
    assert found.format(confirmed) in main.text
    apart = main.one('section[aria-labelledby="scope-unconfirmed"]')
    assert apart.one("h2").text == section
    assert [a.attrs["href"].rstrip("/").rsplit("/", 1)[1] for a in apart.select("h3 a")] == [
        UNVERIFIED
    ]
    counted = main.select('section[aria-labelledby^="scope-"]')
    for part in counted:
        if part.attrs["aria-labelledby"] != "scope-unconfirmed":
            assert UNVERIFIED not in [a.attrs["href"] for a in part.select("a")]


def test_no_home_figure_counts_the_network_until_the_office_confirms_it(client, plan):
    label = "memberships in networks of cities"
    before = figures_of(client, "/en/")[label]
    members = Network.objects.public().filter(membership_status="member")
    assert before == members.filter(needs_verification=False).count() == members.count() - 1
    Network.objects.filter(slug=UNVERIFIED).update(needs_verification=False)
    assert figures_of(client, "/en/")[label] == before + 1
    main = main_of(client, f"/en/networks/{UNVERIFIED}/")
    assert NOT_COUNTED["en"] not in main.text


def test_the_office_sets_the_verification_flag_in_the_admin(admin_client, plan):
    network = Network.objects.get(slug=UNVERIFIED)
    html = admin_client.get(f"/en/admin/networks/network/{network.pk}/change/").content.decode()
    checkbox = parse(html).one('input[name="needs_verification"]')
    assert "checked" in checkbox.attrs
    assert "to be verified by the office" in html.lower()


@pytest.mark.parametrize(
    ("language", "address", "term"),
    [
        ("de", "/de/eu-projekte/key/", "Beteiligung der Stadtverwaltung"),
        ("en", "/en/eu-projects/key/", "Participation of the City Administration"),
    ],
)
def test_eu_projects_show_the_participation_the_plan_gives(client, plan, language, address, term):
    facts = description(client.get(address).content.decode(), "main dl")
    assert facts[term] == "2018–2019"
    table = parse(client.get(address.rsplit("/", 2)[0] + "/")).one("main table")
    headers = table.texts("th")
    column = headers.index(term)
    rows = [row.texts("td") for row in table.select("tbody tr")]
    assert len(rows) == 7
    assert {row[column] for row in rows} == {"2018–2019"}


@pytest.mark.parametrize(
    ("language", "heading", "part"),
    [
        ("de", "Wie international ist Hannover bereits?", "Ein starker Standort"),
        ("en", "How strongly international is Hannover already?", "Locational strength"),
    ],
)
def test_the_plan_shows_its_figures_under_its_own_heading(client, plan, language, heading, part):
    main = main_of(client, PAGES_OF_THE_PLAN[language][0])
    assert heading in main.texts("h2")
    # The plan's figures (six town twinnings …) are parts of that chapter.
    assert part in main.texts("h3")
    figures = {"de": "Sechs internationale Städtepartnerschaften", "en": "Six international"}
    # After the list of contents, which names the chapters too.
    text = main.text
    assert (
        text.rindex(heading)
        < text.index(figures[language])
        < text.rindex({"de": "Ziele für die Entwicklung", "en": "Goals for developing"}[language])
    )


@pytest.mark.parametrize(
    ("language", "facts", "participation", "partner"),
    [
        (
            "de",
            {
                "Stadtbezirke": "gesamtstädtisch",
                "Handlungsfeld im Stadtentwicklungskonzept „Mein Hannover 2030“": (
                    "Wirtschaft, Arbeit, Wissenschaft und Umwelt"
                ),
            },
            (
                "Beteiligung der Öffentlichkeit",
                "Austausch und Veranstaltungen mit relevanten externen Partner*innen: "
                "September 2017 – Februar 2018",
            ),
            "weitere international tätige Partner*innen und Institutionen aus Wirtschaft, "
            "Wissenschaft und Kultur",
        ),
        (
            "en",
            {
                "City districts": "city-wide",
                "Field of action in the City Development Plan 'Mein Hannover 2030'": (
                    "Economy, work, science and environment"
                ),
            },
            (
                "Public participation",
                "Exchange and events with relevant external partners: "
                "September 2017 – February 2018",
            ),
            "further internationally active partners and institutions from business, science "
            "and culture",
        ),
    ],
)
def test_the_project_descriptions_fields_are_loaded(
    client, plan, language, facts, participation, partner
):
    html = client.get(PAGES_OF_THE_PLAN[language][0]).content.decode()
    making_of = parse(html).one("section#making-of")
    assert description(html, "section#making-of dl") == facts
    heading, text = participation
    assert heading in making_of.texts("h3")
    assert text in making_of.texts("li")
    # Public participation is not a step of the schedule.
    schedule = " ".join(making_of.one("table").texts("td"))
    assert text.split(":")[0] not in schedule
    # The sixth external partner is the description's group, after the five organisations.
    partners = making_of.one("ul.plan-partners").texts("li")
    assert len(partners) == 6
    assert partners[-1] == partner


@pytest.mark.parametrize(
    ("language", "address", "notes"),
    [
        (
            "de",
            "/de/partner-und-kooperationsstaedte/",
            [
                "Städtepartnerschaft mit offiziellem Ratsbeschluss",
                "Sonstige thematische Städtekooperation",
            ],
        ),
        (
            "en",
            "/en/twin-and-cooperation-cities/",
            [
                "Town twinning with an official City Council decision",
                "Other thematic city cooperation",
            ],
        ),
        (
            "en",
            "/en/",
            [
                "Town twinning with an official City Council decision",
                "Other thematic city cooperation",
            ],
        ),
    ],
)
def test_the_map_legend_has_the_plans_footnotes(client, plan, language, address, notes):
    legend = parse(client.get(address)).one("div.partner-map__legend")
    assert legend.texts("dl.partner-legend__notes dd") == notes


@pytest.mark.parametrize(
    ("address", "removed", "shown"),
    [
        (
            "/en/",
            "together with the city's departments and external partners",
            "The action plan is published by the City of Hannover, The Mayor, "
            "International Affairs Office.",
        ),
        (
            "/de/",
            "gemeinsam mit den Fachbereichen",
            "Herausgeber des Handlungskonzepts ist die Landeshauptstadt Hannover, "
            "Der Oberbürgermeister, Büro für Internationale Angelegenheiten.",
        ),
        (
            "/en/progress/reports/",
            "reports to the City Council on the state of implementation",
            "The reporting periods with the council document and the date of the council "
            "decision, where the International Affairs Office has entered them.",
        ),
        (
            "/de/umsetzungsstand/berichte/",
            "berichtet dem Rat",
            "Die Berichtszeiträume mit Drucksache und Datum des Ratsbeschlusses, soweit das Büro "
            "für Internationale Angelegenheiten sie eingetragen hat.",
        ),
    ],
)
def test_sentences_no_source_supports_are_gone(client, plan, address, removed, shown):
    text = main_of(client, address).text
    assert removed not in text
    assert shown in text


@pytest.mark.parametrize(
    ("address", "note"),
    [
        (
            "/de/",
            "Einträge aus dem Handlungskonzept geben seinen Stand vom Dezember 2018 (Karte) oder "
            "Januar 2019 wieder.",
        ),
        (
            "/en/",
            "Entries taken from the action plan state what it says as of December 2018 (its map) "
            "or January 2019.",
        ),
    ],
)
def test_the_home_figures_say_as_of_when_the_plans_entries_are(client, plan, address, note):
    figures = parse(client.get(address)).one('section[aria-labelledby="figures-heading"]')
    assert note in figures.text


def test_search_engines_are_not_told_of_an_unverified_membership(client, plan):
    def json_ld(address):
        html = client.get(address).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return json.loads(block.group(1))

    assert "member" not in json_ld(f"/en/networks/{UNVERIFIED}/")
    assert "member" in json_ld("/en/networks/climate-alliance/")


@pytest.mark.parametrize(
    ("address", "mark"),
    [("/de/massnahmen/1-2/", "Zu prüfen"), ("/en/measures/1-2/", "To be verified")],
)
def test_a_measure_marks_a_linked_network_still_to_be_verified(client, plan, address, mark):
    linked = main_of(client, address).one('section[aria-labelledby="linked-heading"]')
    items = {item.one("a").text: item.text for item in linked.select("li") if item.select("a")}
    assert items["European Council on Migration Security"].endswith(mark)
    assert mark not in items["EUROCITIES"]
