"""Every public page and API collection needs the same few queries at 1 and 20 times the plan.

Its HTML grows no more than a fifth with twenty times the plan either (issue 18, section 3).
"""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.pages import api_urls, is_bounded, page_urls
from benchmarks.scaled_data import MEASURES_PER_UNIT, scaled_data_generate
from measures.models import Measure

# The mark also makes pytest-django create the test database when this module runs alone.
# Twenty times the plan, every page twice: slow.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MAX_QUERIES = 12


MAX_GROWTH = 1.2


def count_queries(client: Client, url: str) -> tuple[int, int, int]:
    """Return the status, the number of SQL queries and the size of an anonymous GET of `url`."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, len(context), len(body)


def measure_all() -> dict[str, tuple[str, int, int, int]]:
    """Return, per page, its URL, status, query count and size, each page asked for twice."""
    client = Client()
    urls = page_urls() | api_urls()
    counts = {}
    for name, url in urls.items():
        # The first request may warm per-process caches (translations, URL resolvers).
        client.get(url)
        counts[name] = (url, *count_queries(client, url))
    return counts


@pytest.fixture(scope="module")
def budgets(django_db_setup, django_db_blocker):
    """Return the query counts of every page at scale 1 and at scale 20, then roll back."""
    with django_db_blocker.unblock(), transaction.atomic():
        if not Measure.objects.exists():
            call_command("load_action_plan", verbosity=0)
        scaled_data_generate(scale=1)
        small = measure_all()
        scaled_data_generate(scale=19)
        synthetic = Measure.objects.filter(slug__startswith="synthetic-").count()
        assert synthetic == 20 * MEASURES_PER_UNIT
        large = measure_all()
        # Other tests count the plan's own measures: none of this may outlive the module.
        transaction.set_rollback(True)
    return small, large


PAGE_NAMES = [
    *(
        f"{name} ({language})"
        for name in (
            "home",
            "plan",
            "goal",
            "area list",
            "area",
            "measure list",
            "measure list by goal",
            "measure list by theme",
            "measure",
            "progress overview",
            "progress overview by goal",
            "measure timeline",
            "period list",
            "council report",
            "council report CSV",
            "council report XLSX",
            "city list",
            "city",
            "network list",
            "network",
            "project list",
            "project",
            "search",
            "site page",
            "activity",
            "event list",
            "event calendar file",
            "events calendar",
            "local actor list",
            "funding programme list",
            "city activity feed",
            "measure feed",
            "area feed",
            "follow by e-mail (measure)",
        )
        for language in ("de", "en")
    ),
]


def test_every_page_type_and_api_collection_is_measured(budgets):
    small, _large = budgets
    missing = [name for name in PAGE_NAMES if name not in small]
    assert not missing
    assert any(name.startswith("API ") for name in small), "no API collection found"


@pytest.mark.parametrize("which", ["small", "large"])
def test_every_page_answers(budgets, which):
    counts = budgets[0] if which == "small" else budgets[1]
    failed = {
        name: (url, status) for name, (url, status, _n, _size) in counts.items() if status != 200
    }
    assert not failed


def test_query_counts_do_not_grow_with_twenty_times_the_data(budgets):
    small, large = budgets
    grown = {
        name: (url, small[name][2], large[name][2])
        for name, (url, _status, _n, _size) in small.items()
        if small[name][2] != large.get(name, (None, None, None, None))[2]
    }
    assert not grown


def test_no_page_needs_more_than_twelve_queries(budgets):
    small, large = budgets
    over = {
        name: (url, max(count, large[name][2]))
        for name, (url, _status, count, _size) in small.items()
        if max(count, large[name][2]) > MAX_QUERIES
    }
    assert not over


def test_no_page_grows_by_more_than_a_fifth_with_twenty_times_the_data(budgets):
    small, large = budgets
    grown = {
        name: (url, size, large[name][3], round(large[name][3] / size, 2))
        for name, (url, _status, _n, size) in small.items()
        if is_bounded(name) and large[name][3] > MAX_GROWTH * size
    }
    for name, figures in grown.items():
        print(f"{name}: {figures}")
    assert not grown


# The pages of the register are paginated or bounded: their HTML stays under this at 20 times
# the data (the city page's timeline is ten entries a page).
MAX_REGISTER_PAGE_BYTES = 120_000
REGISTER_PAGES = (
    "city",
    "network",
    "project",
    "event list",
    "local actor list",
    "funding programme list",
    "events calendar",
)


def test_the_register_pages_do_not_grow_with_the_data(budgets):
    _small, large = budgets
    pages = [f"{name} ({language})" for name in REGISTER_PAGES for language in ("de", "en")]
    over = {page: large[page][3] for page in pages if large[page][3] > MAX_REGISTER_PAGE_BYTES}
    assert not over
