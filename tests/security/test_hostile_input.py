"""No input, however hostile, makes a page fail with a 5xx or come back unescaped."""

import re
from urllib.parse import quote, unquote, urlencode

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from measures.models import Measure
from tests.security.crawl import crawl_site

# A crawl of the whole site, then every page with hostile parameters and hypothesis's examples.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Markup that must never come back as it was sent: each would run script if it did.
MARKUP = [
    '<script>alert("h6")</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><b>h6</b>",
]
NUMBERS = [
    "0",
    "-1",
    "-99999999999999999999",
    "99999999999999999999",
    "9223372036854775808",
    "1e309",
    "NaN",
    "Infinity",
    "0x10",
    "1.5",
    "٣",
]
DATES = [
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "-2026-01-01",
    "2026-13-01",
    "32.13.2026",
]
OTHER = [
    "",
    " ",
    "' OR '1'='1",
    "1; DROP TABLE measures_measure; --",
    "%",
    "_",
    "\\",
    "\x00",
    "a\x00b",
    "../../etc/passwd",
    "Poznań Diyarbakır 𝄞 \u202e مرحبا",
    "x" * 5000,
    "{{ 7*7 }}",
    "${7*7}",
    "\r\nSet-Cookie: h6=1",
]
HOSTILE_VALUES = MARKUP + NUMBERS + DATES + OTHER
PATH_SUFFIXES = [
    "-1/",
    "99999999999999999999/",
    quote(MARKUP[0], safe="") + "/",
    quote(MARKUP[1], safe="") + "/",
    "%C3%A4%F0%9D%84%9E/",
    "..%2F..%2F/",
    "x" * 300 + "/",
    "csv/",
    "%00/",
]


# Paging and format parameters that lists and the API read without a form naming them.
PAGING = {"page", "page_size", "limit", "offset", "cursor", "ordering", "format"}


def values():
    """Return a strategy for one hostile or random parameter value."""
    return st.one_of(
        st.sampled_from(HOSTILE_VALUES),
        st.text(max_size=40),
        st.integers().map(str),
        st.dates().map(str),
    )


def mutated_paths(index: int, path: str) -> list[str]:
    """Return `path` with its numbers made hostile, and with two of the suffixes, by turns."""
    suffixes = [PATH_SUFFIXES[(2 * index + turn) % len(PATH_SUFFIXES)] for turn in (0, 1)]
    variants = [path + suffix for suffix in suffixes]
    for number in ["0", "-1", "99999999999999999999"]:
        variants.append(re.sub(r"/\d+(?=[/-])", f"/{number}", path))
    return [variant for variant in variants if variant != path]


def assert_safe(client, url: str, sent: list[str]):
    """Request `url` and assert it does not fail and echoes no markup unescaped."""
    response = client.get(url)
    assert response.status_code < 500, f"{url} answered {response.status_code}"
    body = response.getvalue().decode(errors="replace")
    for value in map(unquote, sent):
        for markup in MARKUP:
            assert markup not in value or markup not in body, f"{url} echoes {markup!r}"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker) -> dict[str, set[str]]:
    """Return the site's paths with the parameters each reads, with sample data loaded.

    The sample data is committed for the module and taken out after it, so that both tests
    share one crawl and its addresses stay valid.
    """
    with django_db_blocker.unblock():
        if not Measure.objects.exists():
            call_command("load_action_plan", verbosity=0)
        call_command("load_demo_progress", verbosity=0)
        call_command("load_demo_relations", verbosity=0)
        pages = crawl_site(Client())
    yield pages
    with django_db_blocker.unblock():
        call_command("load_demo_progress", "--remove", verbosity=0)
        call_command("load_demo_relations", "--remove", verbosity=0)


def test_every_page_survives_every_parameter_set_to_markup_and_a_hostile_path(client, site):
    names = set().union(*site.values())
    assert {"q", "area", "sort", "status", "as_of", "when", "kind", "city", "network"} <= names
    # Not `format`: an unknown format makes the API answer 404 before it reads anything else.
    query = urlencode(dict.fromkeys(names | PAGING - {"format"}, MARKUP[0]) | {"page": NUMBERS[3]})
    assert len(site) > 150
    for index, path in enumerate(site):
        assert_safe(client, f"{path}?{query}", [MARKUP[0]])
        for variant in mutated_paths(index, path):
            assert_safe(client, variant, [variant])


def test_random_hostile_queries_and_path_suffixes_never_cause_a_server_error(client, site):
    every_name = set().union(*site.values())
    filtered = sorted(path for path, names in site.items() if names)
    # Most examples go to pages that read parameters, keep their path and use names they read.
    paths = st.one_of(st.sampled_from(filtered), st.sampled_from(sorted(site)))
    suffixes = st.one_of(
        st.sampled_from(PATH_SUFFIXES),
        st.text(min_size=1, max_size=20).map(lambda text: quote(text, safe="") + "/"),
    )
    suffixes = st.one_of(st.just(""), st.just(""), st.just(""), suffixes)

    @settings(
        max_examples=400,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data(), path=paths, suffix=suffixes)
    def request_survives(data, path, suffix):
        known = sorted((site[path] or every_name) | PAGING)
        names = st.one_of(st.sampled_from(known), st.sampled_from(known), st.text(max_size=10))
        query = data.draw(st.lists(st.tuples(names, values()), max_size=5), label="query")
        url = path + suffix + ("?" + urlencode(query) if query else "")
        assert_safe(client, url, [value for _name, value in query] + [suffix])

    request_survives()
