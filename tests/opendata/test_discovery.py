"""Atom feed, sitemap, robots.txt and schema.org descriptions for search engines and readers."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from hannover_intl.cache import is_cacheable_request
from hannover_intl.sitemaps import PortalSitemap

from .conftest import MARK

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def feed_url(language: str) -> str:
    with translation.override(language):
        return reverse("opendata:progress_feed")


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("de", "Strategische Ausrichtung", "Erste Partnerschaftstreffen haben stattgefunden."),
        ("en", "Strategic approach", "First partnership meetings took place."),
    ],
)
def test_feed_is_atom_with_the_published_reports_in_each_language(
    client, content, language, title, text
):
    response = client.get(feed_url(language))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{ATOM}title").startswith(f"1.1 {title}")
    assert text in entry.findtext(f"{ATOM}summary")
    link = entry.find(f"{ATOM}link").get("href")
    with translation.override(language):
        assert link.endswith(reverse("progress:measure", kwargs={"slug": "1-1"}))
    assert entry.findtext(f"{ATOM}id").endswith(f"#report-{content.report.pk}")
    assert MARK not in response.content.decode()


def test_every_page_names_the_feed(client, content):
    html = client.get("/en/").content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed_url("en")}"' in html


def sitemap_sections(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    return [sitemap.findtext(f"{SITEMAP}loc") for sitemap in root.findall(f"{SITEMAP}sitemap")]


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    urls = {}
    for section in sitemap_sections(client):
        response = client.get(section)
        assert response.status_code == 200, section
        root = ET.fromstring(response.content)
        assert root.tag == f"{SITEMAP}urlset"
        for url in root.findall(f"{SITEMAP}url"):
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            }
            urls[url.findtext(f"{SITEMAP}loc")] = alternates
    return urls


def test_sitemap_is_an_index_of_one_section_per_kind_of_page(client, content):
    sections = sitemap_sections(client)
    base = "http://testserver/sitemap-"
    assert sections == [
        f"{base}{name}.xml"
        for name in (
            "pages", "site-pages", "goals", "areas", "measures", "progress", "reports",
            "cities", "networks", "projects", "activities",
        )
    ]
    # A section's entry says when its newest page changed; the list pages have no date.
    root = ET.fromstring(client.get("/sitemap.xml").content)
    dates = {s.findtext(f"{SITEMAP}loc"): s.findtext(f"{SITEMAP}lastmod") for s in root}
    assert dates[f"{base}pages.xml"] is None
    assert dates[f"{base}measures.xml"]


def test_sitemap_section_lists_its_pages_in_both_languages(client, content):
    root = ET.fromstring(client.get("/sitemap-networks.xml").content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")}
    assert "http://testserver/de/netzwerke/eurocities/" in locations
    assert "http://testserver/en/networks/eurocities/" in locations
    assert all("/netzwerke/" in loc or "/networks/" in loc for loc in locations)


@pytest.mark.slow
def test_sitemap_index_names_every_page_of_a_long_section(client, content, monkeypatch):
    everything = sitemap_urls(client)
    # Three addresses a page: two languages of one page, then one of the next.
    monkeypatch.setattr(PortalSitemap, "limit", 3)
    sections = sitemap_sections(client)
    assert "http://testserver/sitemap-networks.xml?p=2" in sections
    assert sitemap_urls(client) == everything


def test_sitemap_index_and_sections_may_be_held_in_the_page_cache(rf):
    for path in ("/sitemap.xml", "/sitemap-measures.xml", "/sitemap-cities.xml?p=2"):
        assert is_cacheable_request(rf.get(path)), path


def test_unknown_sitemap_section_or_page_is_not_found(client, content):
    assert client.get("/sitemap-nonsense.xml").status_code == 404
    assert client.get("/sitemap-networks.xml?p=99").status_code == 404
    assert client.get("/sitemap-networks.xml?p=x").status_code == 404


def test_sitemap_lists_public_pages_in_both_languages_with_alternates(client, content):
    urls = sitemap_urls(client)
    base = "http://testserver"
    for german, english in [
        ("/de/", "/en/"),
        ("/de/massnahmen/1-1/", "/en/measures/1-1/"),
        (
            "/de/partner-und-kooperationsstaedte/hiroshima/",
            "/en/twin-and-cooperation-cities/hiroshima/",
        ),
        ("/de/netzwerke/eurocities/", "/en/networks/eurocities/"),
        ("/de/eu-projekte/open-project/", "/en/eu-projects/open-project/"),
        ("/de/impressum/", "/en/legal-notice/"),
        ("/de/ziele/1/", "/en/goals/1/"),
        ("/de/handlungsfelder/1/", "/en/areas-of-action/1/"),
    ]:
        alternates = {"de": base + german, "en": base + english}
        assert urls[base + german] == urls[base + english]
        assert {code: urls[base + german][code] for code in ("de", "en")} == alternates
    assert urls[f"{base}/de/"]["x-default"] == f"{base}/"
    assert urls[f"{base}/en/measures/1-1/"]["x-default"] == f"{base}/de/massnahmen/1-1/"
    for code in ("de", "en"):
        with translation.override(code):
            assert base + reverse("opendata:index") in urls
            assert base + reverse("progress:measure", kwargs={"slug": "1-1"}) in urls


def test_sitemap_leaves_out_drafts_search_and_admin(client, content):
    urls = sitemap_urls(client)
    hrefs = [href for alternates in urls.values() for href in alternates.values()]
    text = " ".join([*urls, *hrefs])
    assert MARK not in text
    assert "/admin/" not in text
    assert "/suche/" not in text and "/search/" not in text


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap_index(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /de/admin/" in lines
    assert "Disallow: /en/admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_city_page_describes_the_city_as_a_place_with_coordinates(client, content):
    data = json_ld(client.get("/en/twin-and-cooperation-cities/hiroshima/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Place"
    assert data["name"] == "Hiroshima"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 34.3853, "longitude": 132.4553}
    assert data["url"] == "http://testserver/en/twin-and-cooperation-cities/hiroshima/"


def test_network_and_project_pages_describe_themselves(client, content):
    member = json_ld(client.get("/de/netzwerke/climate-alliance/").content.decode())
    assert member["@type"] == "Organization"
    assert member["member"]["name"] == "Landeshauptstadt Hannover"
    # Hannover is only applying to EUROCITIES, so it is not named as a member.
    assert "member" not in json_ld(client.get("/en/networks/eurocities/").content.decode())
    project = json_ld(client.get("/en/eu-projects/open-project/").content.decode())
    assert project["@type"] == "Project"
    assert project["name"] == "Open project"
    assert project["alternateName"] == "OPEN"
    assert project["location"] == [{"@type": "Place", "name": "Hiroshima"}]


def test_json_ld_cannot_close_its_script_element(client, content):
    content.project.aim_en = "</script><script>alert(1)</script> & more"
    content.project.save()
    html = client.get("/en/eu-projects/open-project/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["description"] == "</script><script>alert(1)</script> & more"
