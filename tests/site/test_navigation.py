"""Every page can be reached by links, in the right language, with a working language switch."""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from measures.models import AreaOfAction, Goal, Measure
from networks.models import EUProject, Network
from partners.models import PartnerCity

pytestmark = pytest.mark.django_db


class LinkParser(HTMLParser):
    """Collect the hrefs, the html lang and the language switcher's links of a page."""

    def __init__(self):
        super().__init__()
        self.links, self.switcher, self.lang, self.h1_count = [], {}, None, 0
        self._in_switcher = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "h1":
            self.h1_count += 1
        if tag == "nav" and attrs.get("class") == "language-switcher":
            self._in_switcher = True
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if self._in_switcher:
                self.switcher[attrs.get("hreflang")] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def parse(html: str) -> LinkParser:
    parser = LinkParser()
    parser.feed(html)
    return parser


def crawl(client, start: str) -> dict[str, LinkParser]:
    """Follow every internal public link from `start`; return each page's parsed links."""
    language = start.strip("/")
    seen, queue, pages = {start}, deque([start]), {}
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if not response["Content-Type"].startswith("text/html"):
            continue  # A feed, not a page: it has no html lang or h1.
        page = parse(response.content.decode())
        pages[url] = page
        for href in page.links:
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith(f"/{language}/"):
                continue
            if "/admin/" in parts.path:
                continue
            # Query strings multiply pages without new templates; the first of each path is enough.
            path = parts.path + (
                f"?{parts.query}" if parts.query and parts.path not in seen else ""
            )
            if path not in seen:
                seen.add(path)
                queue.append(path)
    return pages


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.slow
def test_crawler_finds_no_broken_link_and_no_page_in_the_wrong_language(client, plan, language):
    pages = crawl(client, f"/{language}/")
    assert len(pages) > 60
    for url, page in pages.items():
        assert page.lang == language, url
        assert page.h1_count == 1, url
    # Every goal, area, measure, partner city, network and EU project is reachable by links.
    with translation.override(language):
        for model in [Goal, AreaOfAction, Measure, PartnerCity, Network, EUProject]:
            for item in model.objects.public():
                assert item.get_absolute_url() in pages, item.get_absolute_url()


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("/de/", "/en/"),
        ("/de/handlungskonzept/", "/en/the-plan/"),
        ("/de/handlungsfelder/2/", "/en/areas-of-action/2/"),
        ("/de/massnahmen/3-1/", "/en/measures/3-1/"),
        ("/de/massnahmen/?area=1&sort=title", "/en/measures/?area=1&sort=title"),
        ("/de/ziele/3/", "/en/goals/3/"),
        (
            "/de/partner-und-kooperationsstaedte/hiroshima/",
            "/en/twin-and-cooperation-cities/hiroshima/",
        ),
        ("/de/netzwerke/", "/en/networks/"),
        ("/de/eu-projekte/", "/en/eu-projects/"),
        ("/de/suche/?q=Klima", "/en/search/?q=Klima"),
        ("/de/impressum/", "/en/legal-notice/"),
        ("/de/leichte-sprache/", "/en/easy-read/"),
    ],
)
def test_language_switcher_leads_to_the_same_page(client, plan, german, english):
    german_page = parse(client.get(german).content.decode())
    english_page = parse(client.get(english).content.decode())
    assert german_page.switcher["en"] == english
    assert english_page.switcher["de"] == german


def test_pages_name_their_alternates_and_canonical(client, plan):
    html = client.get("/en/measures/1-1/").content.decode()
    assert (
        '<link rel="alternate" hreflang="de" href="http://testserver/de/massnahmen/1-1/">' in html
    )
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/measures/1-1/">' in html
    assert '<link rel="canonical" href="http://testserver/en/measures/1-1/">' in html


def test_pages_load_nothing_from_other_hosts_and_have_no_inline_code(client, plan):
    for url in ["/de/", "/en/measures/", "/de/massnahmen/1-1/", "/en/the-plan/", "/de/suche/?q=x"]:
        html = client.get(url).content.decode()
        for address in re.findall(r'(?:src|href)="([^"]+)"', html):
            host = urlsplit(urljoin("http://testserver/", address)).netloc
            assert host == "testserver", f"{url} refers to {address}"
        assert " style=" not in html
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", html)


PAGE_TYPES = [
    "/de/",
    "/en/the-plan/",
    "/de/ziele/1/",
    "/en/areas-of-action/",
    "/de/handlungsfelder/1/",
    "/en/measures/",
    "/en/measures/?q=city&sort=title",
    "/de/massnahmen/1-1/",
    "/en/search/?q=Hannover",
    "/de/kontakt/",
]


def query_counts(client) -> dict[str, int]:
    counts = {}
    for url in PAGE_TYPES:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


@pytest.mark.slow
def test_query_count_does_not_grow_with_the_data(client, plan):
    from tests.factories import MeasureFactory, PartnershipFactory

    before = query_counts(client)
    measure = Measure.objects.get(number="1.1")
    for area in AreaOfAction.objects.all():
        for _ in range(5):
            extra = MeasureFactory(area=area)
            extra.goals.set(area.goals.all())
            extra.themes.set(measure.themes.all())
            PartnershipFactory().measures.add(extra, measure)
    after = query_counts(client)
    assert after == before
    assert max(before.values()) <= 12, before
