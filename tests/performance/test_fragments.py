"""The partner map is drawn once per content version, and anew after any change, on any host."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import core.cache_outage
from core import fragments
from core.cache_outage import outage
from core.content_version import VERSION_KEY
from partners import worldmap
from partners.models import PartnerCity

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawings(settings, monkeypatch):
    """Switch the kept fragments on and count how often a partner map is drawn."""
    settings.FRAGMENT_CACHE = True
    fragments.forget_all()
    calls = []
    draw = worldmap.world_map_context

    def counted(cities, *args, **kwargs):
        calls.append(1)
        return draw(cities, *args, **kwargs)

    monkeypatch.setattr(worldmap, "world_map_context", counted)
    yield calls
    fragments.forget_all()


def test_the_home_page_map_is_drawn_once_per_content_version(drawings, client, plan):
    first = client.get("/en/").content.decode()
    second = client.get("/en/").content.decode()
    assert len(drawings) == 1
    assert first == second
    assert 'href="/en/twin-and-cooperation-cities/bristol/"' in second


def test_each_language_has_its_own_map(drawings, client, plan):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    assert len(drawings) == 2
    assert "Legende" in german and "Legend" in english
    assert 'href="/de/partner-und-kooperationsstaedte/bristol/"' in german


def test_a_changed_city_is_on_the_next_map(drawings, client, plan):
    client.get("/en/")
    city = PartnerCity.objects.get(slug="bristol")
    city.name_en = "Bristol, renamed"
    city.save()
    assert "Bristol, renamed" in client.get("/en/").content.decode()
    assert len(drawings) == 2


def test_a_change_made_through_another_host_is_on_the_next_map(drawings, client, plan):
    client.get("/en/")
    # The other host wrote the row and a new content version; nothing here heard of it.
    PartnerCity.objects.filter(slug="bristol").update(name_en="Bristol, from the other host")
    cache.set(VERSION_KEY, "set-by-the-other-host", timeout=None)
    assert "Bristol, from the other host" in client.get("/en/").content.decode()


def test_the_city_list_keeps_a_map_per_filter_not_per_page(drawings, client, plan):
    url = "/en/twin-and-cooperation-cities/"
    client.get(url)
    client.get(url + "?page=1")
    assert len(drawings) == 1
    twin = client.get(url + "?kind=twin_city").content.decode()
    assert len(drawings) == 2
    # The map of the twin cities shows six cities, as the brochure's map does.
    assert "6 twin and cooperation cities on the map" in twin


def test_without_the_cache_the_map_is_drawn_for_every_request(drawings, client, plan, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("core.content_version.content_version", unreachable)
    # Ask the cache again at every request, so that every request meets the outage.
    monkeypatch.setattr(core.cache_outage, "RETRY_AFTER", 0)
    try:
        for _ in range(2):
            assert client.get("/en/").status_code == 200
        assert len(drawings) == 2
    finally:
        outage.reset()


def test_the_home_page_figures_are_counted_once_per_content_version(drawings, client, plan):
    with CaptureQueriesContext(connection) as first:
        client.get("/en/")
    with CaptureQueriesContext(connection) as second:
        page = client.get("/en/").content.decode()
    # The map's cities and the three counts of the figures are not asked for again.
    assert len(second) <= len(first) - 4
    PartnerCity.objects.get(slug="bristol").partnerships.update(ended_on="2020-01-01")
    cache.set(VERSION_KEY, "after-the-partnership-ended", timeout=None)
    assert client.get("/en/").content.decode() != page
