"""The Easy Read page keeps the rules of Leichte Sprache, in German and in English."""

import re

import pytest
from django.utils.html import escape

from hannover_intl.models import SitePage
from tests.markup import parse

pytestmark = pytest.mark.django_db

URLS = {"de": "/de/leichte-sprache/", "en": "/en/easy-read/"}
# Hard words and the sentence that explains each where it first appears.
HARD_WORDS = {
    "de": {
        "Netzwerk": "Ein Netzwerk ist eine Gruppe.",
        "Projekt": "Ein Projekt ist eine Arbeit mit einem Ziel und einem Ende.",
        "Europäische Union": (
            "Die Europäische Union ist eine Gemeinschaft von vielen Ländern in Europa."
        ),
        "Internationale Tage": "Internationale Tage sind besondere Tage in der Stadt.",
        "Forschung": "Bei der Forschung suchen Menschen nach neuem Wissen.",
    },
    "en": {
        "network": "A network is a group.",
        "project": "A project is a piece of work with a goal and an end.",
        "European Union": "The European Union is a community of many countries in Europe.",
        "International Days": "International Days are special days in the city.",
        "research": "In research, people look for new knowledge.",
    },
}
RELATIVE_CLAUSE = {
    "de": re.compile(r", (der|die|das|dem|den|deren|dessen|welche[rsmn]?|wo) ", re.IGNORECASE),
    "en": re.compile(r"\b(which|whose|whom)\b|\w+,? (who|that) ", re.IGNORECASE),
}
# A second sentence starts after . ! or ? inside the line.
SECOND_SENTENCE = re.compile(r"[.!?] +\S")


def sentences(language: str) -> list[str]:
    """Return the lines of the page's text that are sentences: no heading, list item or marker."""
    body = getattr(SitePage.objects.get(slug="easy-read"), f"body_{language}")
    lines = [line.strip() for line in body.splitlines()]
    return [line for line in lines if line and not line.startswith(("## ", "- "))]


@pytest.mark.parametrize("language", ["de", "en"])
def test_one_sentence_per_line_and_none_over_15_words(plan, language):
    for line in sentences(language):
        assert not SECOND_SENTENCE.search(line), line
        assert len(line.split()) <= 15, line


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_line_is_shown_as_a_line_of_its_own(client, plan, language):
    html = client.get(URLS[language]).content.decode()
    main = parse(html).one("main")
    shown = [p.text for p in main.select("p.easy-read__lines")]
    # Each sentence line ends at a line break or the end of its short paragraph.
    for line in sentences(language):
        if "[[" in line:
            continue
        assert re.search(re.escape(escape(line)) + r"(<br>|</p>)", html), line
    assert shown and all(len(p.split()) < 80 for p in shown)


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_relative_clauses(plan, language):
    for line in sentences(language):
        assert not RELATIVE_CLAUSE[language].search(line), line


def test_the_mediopunkt_only_joins_the_parts_of_a_noun(plan):
    page = SitePage.objects.get(slug="easy-read")
    words = [w for w in re.findall(r"\S+", page.body_de + " " + page.summary_de) if "·" in w]
    assert words
    for word in words:
        first, rest = word.strip("„“.,:?!").split("·", 1)
        assert first[:1].isupper() and rest[:1].islower(), word
    # The verbs the page used to split.
    assert "mit·" not in page.body_de and "zusammen·" not in page.body_de


@pytest.mark.parametrize("language", ["de", "en"])
def test_hard_words_are_explained_where_they_first_appear(plan, language):
    body = getattr(SitePage.objects.get(slug="easy-read"), f"body_{language}")
    for word, explanation in HARD_WORDS[language].items():
        first = next(i for i, line in enumerate(body.splitlines()) if word.lower() in line.lower())
        explained = body.splitlines().index(explanation)
        # The explanation follows the first mention within two lines, or is the first mention.
        assert 0 <= explained - first <= 2, (word, first, explained)


@pytest.mark.parametrize("language", ["de", "en"])
def test_links_to_the_accessibility_statement_and_to_report_a_barrier(client, plan, language):
    main = parse(client.get(URLS[language]).content.decode()).one("main")
    links = {a.attrs["href"] for a in main.select("a")}
    expected = {
        "de": {"/de/barrierefreiheit/", "/de/kontakt/"},
        "en": {"/en/accessibility/", "/en/contact/"},
    }
    assert expected[language] <= links
    barrier = {"de": "Haben Sie eine Barriere gefunden?", "en": "Have you found a barrier?"}
    assert barrier[language] in main.text


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_claim_the_sources_do_not_support(plan, language):
    body = getattr(SitePage.objects.get(slug="easy-read"), f"body_{language}")
    assert "Viele Menschen aus anderen Ländern wollen" not in body
    assert "Many people from other countries want" not in body
    twin = {
        "de": "Hannover hat 6 Partner·städte in anderen Ländern:",
        "en": "Hannover has 6 twin cities in other countries:",
    }
    assert twin[language] in body
    assert "Leipzig" in body


def test_other_pages_still_join_the_lines_of_a_block(client, plan):
    SitePage.objects.filter(slug="contact").update(body_de="Erste Zeile\nzweite Zeile")
    html = client.get("/de/kontakt/").content.decode()
    assert "<p>Erste Zeile zweite Zeile</p>" in html
