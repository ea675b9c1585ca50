"""The partner map in a real browser: a European marker found by its name, names on hover, and
screenshots of the map at desktop and phone width in both languages."""

import re

import pytest

from .conftest import ARTIFACTS

# Chromium and a live server: slow.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SCREENSHOTS = ARTIFACTS / "partner-map"
CITIES = {
    "de": (
        "/de/partner-und-kooperationsstaedte/",
        "Gent",
        "Belgien",
        "/de/partner-und-kooperationsstaedte/ghent/",
    ),
    "en": (
        "/en/twin-and-cooperation-cities/",
        "Ghent",
        "Belgium",
        "/en/twin-and-cooperation-cities/ghent/",
    ),
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_european_marker_is_found_by_its_name_and_leads_to_the_city(page, site, language):
    address, name, country, city_address = CITIES[language]
    page.goto(address)
    europe = page.locator("#partner-map-europe")
    marker = europe.get_by_role("link", name=re.compile(rf"^\d+: {name} \({country}, "))
    assert marker.count() == 1
    # The name shows on hover, without JavaScript's help.
    label = marker.locator(".partner-map__name")
    assert not label.is_visible()
    # The pointer goes to the marker's shape; the link's box also holds the hidden name.
    shape = marker.locator(".partner-map__marker")
    shape.hover()
    assert label.is_visible() and label.text_content() == name
    with page.expect_navigation():
        shape.click()
    assert page.url.endswith(city_address)
    assert page.inner_text("h1") == name
    assert page.console_log.errors == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_focused_marker_shows_a_ring_and_its_name(page, site, language):
    address, name, _country, _city = CITIES[language]
    page.goto(address)
    marker = page.locator("#partner-map-europe").get_by_role(
        "link", name=re.compile(rf"^\d+: {name} ")
    )
    marker.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so that :focus-visible applies
    assert marker.evaluate("e => e === document.activeElement && e.matches(':focus-visible')")
    stroke = marker.locator(".partner-map__marker").evaluate("e => getComputedStyle(e).stroke")
    assert stroke != "rgb(255, 255, 255)"
    assert marker.locator(".partner-map__name").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#partner-map-europe").screenshot(
        path=SCREENSHOTS / f"partner-map-focus-{language}.png"
    )


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("width", [1280, 375])
def test_map_screenshots(page, site, language, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(CITIES[language][0])
    section = page.locator("section.partner-map")
    # Every panel's picture has loaded and is drawn at a size to read.
    pictures = page.locator(".partner-map__svg image")
    assert pictures.count() == 3
    page.wait_for_function(
        "() => [...document.querySelectorAll('.partner-map__svg')]"
        ".every(svg => svg.getBoundingClientRect().width > 200)"
    )
    section.screenshot(path=SCREENSHOTS / f"partner-map-{language}-{width}.png")
    assert page.console_log.errors == []
