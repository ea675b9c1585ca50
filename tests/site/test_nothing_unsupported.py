"""On the freshly loaded plan, no public output states what the sources do not support (issue 14).

One walk reads every page type in both languages (the crawl of tests/site/test_public_only.py,
plus the lists filtered by goal and theme) and every export: the CSV files, the council report's
CSV and XLSX, the API with its records, the feeds, the catalogue and the sitemap. Five checks
read what the walk collected, each returning what it finds:

- no measure or sub-item status: the sources report none, so nothing says "planned" or any
  other state (the word check of tests/site/test_unreported_status.py, and the status classes
  and values);
- no membership the sources do not state: EUROCITIES is a planned application as of
  January 2019, never "applying" ("Bewerbung läuft") or an application in progress;
- the network the office has still to verify counts in no figure;
- every goal and theme assignment is the portal's proposal: each one shown stands under the note
  'Proposed assignment, not yet confirmed by the International Affairs Office', and each one the
  API or a CSV file gives carries its (false) confirmation;
- no legal fact the office has not filled: the legal pages show each as a marked gap.

The tests at the end plant one unsupported claim of each kind and see its check catch it.
"""

import csv
import io
import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from hannover_intl.checks import check_legal_facts
from hannover_intl.models import LEGAL_FACTS, SitePage
from measures.models import (
    EDITORIAL_LINKS,
    AreaOfAction,
    CityDevelopmentGoal,
    Goal,
    Measure,
    Status,
    SubItem,
)
from networks.models import THEME_LINKS, EUProject, MembershipStatus, Network
from opendata.datasets import DATASETS
from partners.models import PartnerCity, PartnershipThemeLink
from tests.factories import ReportingPeriodFactory
from tests.markup import Element, parse
from tests.site.test_public_only import collect_outputs
from tests.site.test_unreported_status import (
    claims,
    documented_values,
    plan_words,
    planned_application_labels,
)

pytestmark = [pytest.mark.django_db]

LANGUAGES = ("de", "en")
NOTE = {
    "de": "Zuordnung vorgeschlagen, noch nicht vom Büro für Internationale Angelegenheiten "
    "bestätigt",
    "en": "Proposed assignment, not yet confirmed by the International Affairs Office",
}
PROPOSED_BADGE = {"de": "Vorschlag", "en": "Proposed"}
# An application in progress, in the words a page, a label or a value could use.
APPLYING = re.compile(
    r"Bewerbung läuft|laufende Bewerbung|application in progress|\bapplying\b", re.IGNORECASE
)
SELECT = re.compile(r"<select\b.*?</select>", re.S)
STATUS_CLASS = re.compile(r"\bstatus--(\w+)")
STATUS_VALUE = re.compile(r'"status"\s*:\s*"(\w+)"')
GAP = re.compile(r'<strong class="site-page__gap">([^<]*)</strong>')


# --- The walk -------------------------------------------------------------------------------


def in_languages(name: str, **kwargs) -> list[str]:
    """Return the address of the page `name` in German and English."""
    addresses = []
    for code in LANGUAGES:
        with translation.override(code):
            addresses.append(reverse(name, kwargs=kwargs or None))
    return addresses


def addresses_of(rows) -> set[str]:
    """Return the public page of each row in both languages."""
    found = set()
    for row in rows:
        for code in LANGUAGES:
            with translation.override(code):
                found.add(row.get_absolute_url())
    return found


def filtered_lists() -> list[str]:
    """Return the lists filtered by a goal or by a theme, in both languages."""
    themes = {
        "measures:measure_list": "europe",
        "networks:network_list": THEME_LINKS[0].objects.values_list("theme__slug", flat=True)[0],
        "networks:project_list": THEME_LINKS[1].objects.values_list("theme__slug", flat=True)[0],
        "partners:city_list": PartnershipThemeLink.objects.values_list("theme__slug", flat=True)[0],
    }
    urls = []
    for name, slug in themes.items():
        urls += [f"{url}?theme={slug}" for url in in_languages(name)]
    for name in ("measures:measure_list", "progress:overview", "measures:area_list"):
        urls += [f"{url}?goal=1" for url in in_languages(name)]
    return urls


def workbook_text(content: bytes) -> str:
    """Return every cell of a workbook, one row a line, as a reader of the file sees it."""
    workbook = load_workbook(io.BytesIO(content))
    rows = [row for sheet in workbook for row in sheet.iter_rows(values_only=True)]
    return "\n".join("\t".join("" if cell is None else str(cell) for cell in row) for row in rows)


def walk(client) -> dict[str, str]:
    """Return the text of every public output of the site, by its address."""
    bodies = collect_outputs(client)
    for url in filtered_lists():
        response = client.get(url)
        assert response.status_code == 200, url
        bodies[url] = response.getvalue().decode()
    for url in [url for url in bodies if url.endswith("/xlsx/")]:
        bodies[url] = workbook_text(client.get(url).content)
    return bodies


# --- The checks -----------------------------------------------------------------------------


def is_html(body: str) -> bool:
    return "<html" in body[:200].lower()


def visible_text(body: str) -> str:
    """Return a page's visible text without the filters' choices, which claim nothing."""
    return parse(SELECT.sub("", body)).text


def exempt_texts() -> list[str]:
    """Return what documents the possible values of the status and membership columns.

    The plan's own words about its schedule and EUROCITIES' "application planned", which the plan
    states, are no status of a measure either.
    """
    texts = documented_values() + plan_words() + planned_application_labels()
    networks = next(dataset for dataset in DATASETS if dataset.slug == "networks")
    column = next(column for column in networks.columns if column.name == "membership_status")
    for code in LANGUAGES:
        with translation.override(code):
            texts.append(str(column.description))
    # Longest first, so that a label is not taken out of a documentation that quotes it.
    return sorted(texts, key=len, reverse=True)


def status_claims(bodies: dict[str, str], exempt: list[str]) -> list[str]:
    """Return every place that states a status of a measure or sub-item."""
    found = []
    for url, body in bodies.items():
        try:
            found += claims(url, body, exempt)
        except AssertionError as error:
            found.append(f"{url}: {error}")
        if url.startswith("/api/v1/openapi"):
            continue
        if is_html(body):
            found += [f"{url}: status--{name}" for name in STATUS_CLASS.findall(body)]
        found += [f"{url}: status {value}" for value in STATUS_VALUE.findall(body)]
    return [claim for claim in found if not claim.endswith(Status.NOT_REPORTED)]


def membership_claims(bodies: dict[str, str], exempt: list[str]) -> list[str]:
    """Return every place that says Hannover is applying to a network, which no source says."""
    found = []
    for url, body in bodies.items():
        if url.startswith("/api/v1/openapi"):
            continue  # the schema lists every value a membership may take
        text = visible_text(body) if is_html(body) else body
        for documented in exempt:
            text = text.replace(documented, "")
        found += [
            f"{url}: …{text[max(0, hit.start() - 60) : hit.end() + 20]}…"
            for hit in APPLYING.finditer(text)
        ]
    return found


def network_figures(bodies: dict[str, str]) -> list[str]:
    """Return every figure of networks that counts a network the office has yet to verify."""
    counted = Network.objects.public().confirmed()
    expected = {
        "members": counted.filter(membership_status=MembershipStatus.MEMBER).count(),
        "listed": counted.count(),
    }
    found = []
    for code in LANGUAGES:
        with translation.override(code):
            home = reverse("home")
            member_label = gettext("memberships in networks of cities")
            listed = gettext("Networks found: %(total)s") % {"total": expected["listed"]}
            network_list = reverse("networks:network_list")
        figure = re.search(
            rf'key-figures__number">(\d+)</span> <span class="key-figures__label">{member_label}<',
            bodies[home],
        )
        if not figure or int(figure.group(1)) != expected["members"]:
            found.append(f"{home}: {figure.group(0) if figure else 'no figure of memberships'}")
        if listed not in bodies[network_list]:
            found.append(f"{network_list}: not '{listed}'")
    api = json.loads(bodies["/api/v1/networks/?page_size=200"])
    if api["count"] != expected["listed"]:
        found.append(f"/api/v1/networks/: count {api['count']}")
    rows = list(csv.DictReader(io.StringIO(bodies["/data/networks.csv"])))
    if len(rows) != expected["listed"]:
        found.append(f"/data/networks.csv: {len(rows)} rows")
    return found


def page_kinds() -> dict[str, str]:
    """Return the kind of each page that shows assignments, by its address in both languages."""
    kinds = {}
    for kind, rows in (
        ("measure", Measure.objects.public()),
        ("area", AreaOfAction.objects.public()),
        ("goal", Goal.objects.public()),
        ("themed", Network.objects.public()),
        ("themed", EUProject.objects.public()),
        ("themed", PartnerCity.objects.public()),
    ):
        kinds |= dict.fromkeys(addresses_of(rows), kind)
    kinds |= dict.fromkeys(in_languages("plan"), "plan")
    kinds |= dict.fromkeys(in_languages("networks:network_list"), "themed")
    kinds |= dict.fromkeys(in_languages("partners:city_list"), "city_list")
    for name in (
        "measures:measure_list",
        "progress:overview",
        "networks:project_list",
        "measures:area_list",
    ):
        kinds |= dict.fromkeys(in_languages(name), "list")
    return kinds


def is_note(element: Element, language: str) -> bool:
    return "proposed-note" in element.classes and NOTE[language] in element.text


def under_note(element: Element, order: dict[int, int], language: str) -> bool:
    """Return whether a proposal note comes before `element` in a block that holds both."""
    ancestor = element.parent
    while ancestor is not None:
        notes = [found for found in ancestor.descendants() if is_note(found, language)]
        if notes:
            return any(order[id(note)] < order[id(element)] for note in notes)
        if ancestor.tag == "main":
            return False
        ancestor = ancestor.parent
    return False


def theme_names(main: Element) -> list[Element]:
    """Return the theme names of the description lists' "Themes" entries."""
    names = []
    for item in main.select(".kern-description-list-item"):
        keys = item.select("dt")
        if keys and keys[0].text in ("Themes", "Themen"):
            names += [
                element
                for element in item.select("dd a") + item.select("dd span")
                if not element.classes & {"kern-badge", "kern-label"}
            ]
    return names


def shown_assignments(kind: str, main: Element, paths: dict[str, set[str]]) -> list[Element]:
    """Return the elements of a page of `kind` that show a goal or theme assignment."""

    def links_to(targets):
        return [a for a in main.select("a") if urlsplit(a.attrs.get("href", "")).path in targets]

    found = []
    if kind in ("measure", "area"):
        found += links_to(paths["goal"])
    if kind == "measure":
        found += [a for a in main.select("section a") if "?theme=" in a.attrs.get("href", "")]
    if kind == "goal":
        found += links_to(paths["area"] | paths["measure"])
    if kind in ("goal", "plan"):
        found += [li for li in main.select("li") if li.text in paths["city_development_goal"]]
    if kind == "themed":
        found += theme_names(main)
    return found


def unmarked_assignments(bodies: dict[str, str]) -> tuple[list[str], int]:
    """Return every goal or theme assignment shown as if confirmed, and how many were shown.

    The office has confirmed none on the freshly loaded plan, so each must be under the note.
    """
    kinds = page_kinds()
    paths = {
        "goal": addresses_of(Goal.objects.public()),
        "area": addresses_of(AreaOfAction.objects.public()),
        "measure": addresses_of(Measure.objects.public()),
        "city_development_goal": {
            text for row in CityDevelopmentGoal.objects.all() for text in (row.text_de, row.text_en)
        },
    }
    found, shown = [], 0
    for url, body in bodies.items():
        path, query = urlsplit(url).path, dict(parse_qsl(urlsplit(url).query))
        kind = kinds.get(path)
        if kind is None or not is_html(body):
            continue
        page = parse(body)
        language = page.one("html").attrs["lang"]
        main = page.one("main")
        order = {id(element): index for index, element in enumerate(page.descendants())}
        for element in shown_assignments(kind, main, paths):
            shown += 1
            if not under_note(element, order, language):
                found.append(f"{url}: {element.text[:60]} not under the note")
        if kind == "city_list":
            # The table's last column lists the themes of each city's partnerships.
            cells = [row.select("td")[-1] for row in main.select("tbody tr")]
            themed = [cell for cell in cells if not cell.text.startswith("–")]
            shown += len(themed)
            found += [
                f"{url}: themes '{cell.text[:60]}' without the mark"
                for cell in themed
                if not cell.text.startswith(PROPOSED_BADGE[language])
            ]
            if themed and not any(
                is_note(note, language) for note in main.select(".proposed-note")
            ):
                found.append(f"{url}: proposed themes without the note")
        # A list filtered by a goal or theme lists what the portal proposes: so it says.
        if ("theme" in query or "goal" in query) and not any(
            is_note(element, language) for element in main.select(".proposed-note")
        ):
            found.append(f"{url}: filtered by a goal or theme without the note")
    return found, shown


def unflagged_links(bodies: dict[str, str]) -> list[str]:
    """Return each goal or theme assignment an API record or CSV file gives without its flag."""
    pairs = {"goals": "goal_links", "themes": "theme_links"}
    found = []
    for url, body in bodies.items():
        if url.startswith("/api/v1/") and body.lstrip().startswith("{"):
            if url.startswith("/api/v1/openapi"):
                continue  # the schema, not a record
            data = json.loads(body)
            for row in data.get("results", [data]):
                found += [f"{url}: {problem}" for problem in record_flags(row, pairs)]
        elif url.startswith("/data/") and url.endswith(".csv"):
            reader = csv.DictReader(io.StringIO(body))
            # The themes of an activity are the office's own record, not a reading of the plan.
            office_records = url == "/data/activities.csv"
            for name in reader.fieldnames or []:
                editorial = (name in ("goals", "themes") and not office_records) or (
                    url == "/data/goals.csv"
                    and name
                    in (
                        "areas",
                        "measures",
                        "city_development_goals",
                    )
                )
                if editorial and f"{name}_confirmed" not in reader.fieldnames:
                    found.append(f"{url}: column {name} without {name}_confirmed")
            for row in reader:
                found += [
                    f"{url}: {name} {value}"
                    for name, value in row.items()
                    if name.endswith("_confirmed") and value
                ]
    return found


def record_flags(row: dict, pairs: dict[str, str]) -> list[str]:
    """Return the assignments of an API record, and of the records in it, given without a flag."""
    problems = []
    if "areas" in row:
        # A goal: the areas and measures serving it are assignments, as are the goals behind it.
        pairs = {**pairs, "areas": "area_links", "measures": "measure_links"}
        behind = row.get("city_development_goals")
        if behind is None or any(goal.get("confirmed") is not False for goal in behind):
            problems.append("a 'Mein Hannover 2030' goal without its flag")
    for key, links in pairs.items():
        if row.get(key):
            if len(row.get(links) or []) != len(row[key]):
                problems.append(f"{key} without {links}")
            elif any(link["confirmed"] for link in row[links]):
                problems.append(f"{links} confirmed")
    for nested in row.get("partnerships") or []:
        if isinstance(nested, dict):
            problems += record_flags(nested, pairs)
    return problems


def legal_facts_shown(bodies: dict[str, str]) -> list[str]:
    """Return each legal fact a legal page states although the office has filled none."""
    found = []
    for page in SitePage.objects.filter(slug__in={fact.page for fact in LEGAL_FACTS}):
        facts = page.legal_facts()
        for url in addresses_of([page]):
            gaps = GAP.findall(bodies[url])
            if len(gaps) != len(facts):
                found.append(f"{url}: {len(gaps)} marked gaps for {len(facts)} legal facts")
    # The deploy check agrees: it reports every fact as missing.
    missing = {error.id for error in check_legal_facts()}
    if len(missing) != len(LEGAL_FACTS):
        found.append(f"check --deploy misses {len(LEGAL_FACTS) - len(missing)} legal facts")
    return found


# --- The walk over the freshly loaded plan ---------------------------------------------------


@pytest.fixture
def fresh_plan(db):
    """Load the plan as `make run` does, and publish a council report on it."""
    call_command("load_action_plan", verbosity=0)
    return ReportingPeriodFactory()


@pytest.mark.slow
def test_no_output_of_the_loaded_plan_states_what_the_sources_do_not_support(client, fresh_plan):
    for model in (*EDITORIAL_LINKS, *THEME_LINKS, PartnershipThemeLink):
        assert not model.objects.filter(confirmed=True).exists(), model
    assert Network.objects.public().unconfirmed().exists()
    bodies = walk(client)
    # The walk reached every page type in both languages and every export.
    period = fresh_plan.pk
    for url in [
        *in_languages("home"),
        *in_languages("plan"),
        *addresses_of([Goal.objects.get(number=1), AreaOfAction.objects.get(number=1)]),
        *addresses_of([Measure.objects.get(number="1.1")]),
        *addresses_of([Network.objects.get(slug="eurocities")]),
        *addresses_of(EUProject.objects.public()[:1]),
        *addresses_of(PartnerCity.objects.public()[:1]),
        *in_languages("partners:city_list"),
        *in_languages("networks:project_list"),
        *[url for page in SitePage.objects.all() for url in addresses_of([page])],
        f"/de/umsetzungsstand/berichte/{period}/",
        f"/en/progress/reports/{period}/csv/",
        f"/de/umsetzungsstand/berichte/{period}/xlsx/",
        *[f"/data/{dataset.slug}.csv" for dataset in DATASETS],
        "/api/v1/goals/?page_size=200",
        "/api/v1/networks/?page_size=200&lang=de",
        "/api/v1/measures/1-1/",
        "/de/sachstandsberichte/feed/",
        "/data/catalog.ttl",
        "/sitemap.xml",
    ]:
        assert url in bodies, url

    exempt = exempt_texts()
    assert status_claims(bodies, exempt) == []
    assert membership_claims(bodies, exempt) == []
    eurocities = Network.objects.get(slug="eurocities")
    assert eurocities.membership_status == MembershipStatus.PLANNED_APPLICATION
    assert (eurocities.status_as_of.year, eurocities.status_as_of.month) == (2019, 1)
    assert network_figures(bodies) == []
    unmarked, shown = unmarked_assignments(bodies)
    assert unmarked == []
    # Every page that shows an assignment was read: many were shown, each under its note.
    assert shown > 100
    assert unflagged_links(bodies) == []
    assert legal_facts_shown(bodies) == []


# --- Each check catches a planted claim ------------------------------------------------------


def network_with_themes() -> Network:
    return Network.objects.public().filter(themes__isnull=False).distinct().first()


def bodies_of(client, urls) -> dict[str, str]:
    bodies = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies[url] = response.getvalue().decode()
    return bodies


def test_the_status_check_catches_a_status_nobody_reported(client, plan):
    urls = [*addresses_of([Measure.objects.get(number="1.1")]), "/api/v1/measures/1-1/"]
    assert status_claims(bodies_of(client, urls), exempt_texts()) == []
    SubItem.objects.filter(measure__number="1.1", position=1).update(status=Status.IN_PROGRESS)
    found = status_claims(bodies_of(client, urls), exempt_texts())
    assert {claim.split(":")[0] for claim in found} == set(urls)
    Measure.objects.filter(number="1.1").update(status=Status.PLANNED)
    assert any("geplant" in claim for claim in status_claims(bodies_of(client, urls), []))


def test_the_membership_check_catches_an_application_in_progress(client, plan):
    network = Network.objects.get(slug="eurocities")
    urls = [*addresses_of([network]), "/api/v1/networks/eurocities/", "/data/networks.csv"]
    assert membership_claims(bodies_of(client, urls), exempt_texts()) == []
    Network.objects.filter(pk=network.pk).update(membership_status=MembershipStatus.APPLYING)
    found = membership_claims(bodies_of(client, urls), exempt_texts())
    assert {claim.split(":")[0] for claim in found} == set(urls)
    assert any("Bewerbung läuft" in claim for claim in found)


def test_the_figure_check_catches_a_network_still_to_be_verified_counted(client, plan):
    urls = [
        *in_languages("home"),
        *in_languages("networks:network_list"),
        "/api/v1/networks/?page_size=200",
        "/data/networks.csv",
    ]
    bodies = bodies_of(client, urls)
    assert network_figures(bodies) == []
    members = Network.objects.public().confirmed().filter(membership_status="member").count()
    home = in_languages("home")[1]
    bodies[home] = bodies[home].replace(
        f'key-figures__number">{members}<', f'key-figures__number">{members + 1}<'
    )
    assert network_figures(bodies) == [
        f"{home}: "
        + re.search(
            r'key-figures__number">\d+</span> <span class="key-figures__label">'
            r"memberships in networks of cities<",
            bodies[home],
        ).group(0)
    ]


def test_the_assignment_check_catches_a_link_shown_without_the_note(client, plan):
    pages = [
        *addresses_of([Measure.objects.get(number="1.1"), Goal.objects.get(number=1)]),
        *addresses_of([AreaOfAction.objects.get(number=1), network_with_themes()]),
        *in_languages("plan"),
        *in_languages("partners:city_list"),
    ]
    bodies = bodies_of(client, pages)
    unmarked, shown = unmarked_assignments(bodies)
    assert unmarked == [] and shown > 10
    note = re.compile(r'<p class="verification-note proposed-note">.*?</p>', re.S)
    for url in pages:
        planted = {url: note.sub("", bodies[url], count=1)}
        unmarked, _shown = unmarked_assignments(planted)
        assert unmarked and unmarked[0].startswith(url), url
    # A table cell that lists a proposed theme as if confirmed.
    city_list = in_languages("partners:city_list")[1]
    badge = (
        '<td class="kern-table__cell"><span class="kern-badge kern-badge--warning">'
        '<span class="kern-label">Proposed</span></span> '
    )
    assert badge in bodies[city_list]
    planted = bodies[city_list].replace(badge, '<td class="kern-table__cell">', 1)
    unmarked, _shown = unmarked_assignments({city_list: planted})
    assert unmarked and "without the mark" in unmarked[0]
    # A filtered list that forgets its note.
    filtered = f"{in_languages('networks:network_list')[0]}?theme=europe"
    body = note.sub("", bodies_of(client, [filtered])[filtered])
    assert unmarked_assignments({filtered: body})[0]


def test_the_flag_check_catches_an_assignment_given_without_its_flag(client, plan):
    urls = ["/api/v1/goals/?page_size=200", "/api/v1/partner-cities/?page_size=200"]
    urls += [f"/data/{slug}.csv" for slug in ("goals", "measures", "networks", "partnerships")]
    bodies = bodies_of(client, urls)
    assert unflagged_links(bodies) == []
    goals = json.loads(bodies[urls[0]])
    goals["results"][0]["city_development_goals"][0]["confirmed"] = True
    del goals["results"][1]["area_links"]
    cities = json.loads(bodies[urls[1]])
    for city in cities["results"]:
        for partnership in city["partnerships"]:
            partnership.pop("theme_links")
    measures_csv = bodies["/data/measures.csv"].replace(",themes_confirmed", ",other", 1)
    found = unflagged_links(
        {
            urls[0]: json.dumps(goals),
            urls[1]: json.dumps(cities),
            "/data/measures.csv": measures_csv,
        }
    )
    assert any("'Mein Hannover 2030'" in problem for problem in found)
    assert any("areas without area_links" in problem for problem in found)
    assert any(problem.startswith(urls[1]) for problem in found)
    assert any("column themes without themes_confirmed" in problem for problem in found)


def test_the_legal_check_catches_a_fact_the_office_has_not_filled(client, plan):
    legal = SitePage.objects.filter(slug__in={fact.page for fact in LEGAL_FACTS})
    bodies = bodies_of(client, [url for page in legal for url in addresses_of([page])])
    assert legal_facts_shown(bodies) == []
    page = legal[0]
    with translation.override("en"):
        url = page.get_absolute_url()
    facts = len(page.legal_facts())
    bodies[url] = GAP.sub("Max Mustermann", bodies[url], count=1)
    assert legal_facts_shown(bodies) == [f"{url}: {facts - 1} marked gaps for {facts} legal facts"]
