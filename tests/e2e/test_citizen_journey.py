"""A citizen finds their way through the site in a real browser, with the mouse and without."""

import re

import pytest

# Chromium and a live server: slow.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# The German and English path segments of the pages on the journey.
SEGMENTS = {
    "handlungsfelder": "areas-of-action",
    "massnahmen": "measures",
    "partner-und-kooperationsstaedte": "twin-and-cooperation-cities",
    "suche": "search",
}
HEADINGS = {
    "de": {"area": "Handlungsfeld 1", "search": "Suche", "results": "Treffer für"},
    "en": {"area": "Area of Action 1", "search": "Search", "results": "Results for"},
}
SEARCH_TERM = {"de": "Klima", "en": "climate"}
# The pages of the journey: Area of Action 1, its measure 1.1, and the twin and cooperation cities.
JOURNEY = {
    "de": {
        "area": "/de/handlungsfelder/1/",
        "measure": "/de/massnahmen/1-1/",
        "measures": "/de/massnahmen/",
        "cities": "/de/partner-und-kooperationsstaedte/",
    },
    "en": {
        "area": "/en/areas-of-action/1/",
        "measure": "/en/measures/1-1/",
        "measures": "/en/measures/",
        "cities": "/en/twin-and-cooperation-cities/",
    },
}


def counterpart(path: str) -> str:
    """Return the address of the same page in the other language."""
    language, *rest = path.strip("/").split("/")
    other = "en" if language == "de" else "de"
    mapping = SEGMENTS if language == "de" else {en: de for de, en in SEGMENTS.items()}
    if rest:
        rest[0] = mapping.get(rest[0], rest[0])
    return "/".join(["", other, *rest, ""]).replace("//", "/")


def current_path(page) -> str:
    """Return the path and query of the page the tab shows."""
    return re.sub(r"^https?://[^/]+", "", page.url)


def assert_switcher_keeps_the_place(page, language: str):
    """Switch to the other language and back, and check that both show the same page."""
    here = current_path(page)
    path, _, query = here.partition("?")
    other = "en" if language == "de" else "de"
    expected = counterpart(path) + (f"?{query}" if query else "")
    with page.expect_navigation():
        page.click(f'nav.language-switcher a[hreflang="{other}"]')
    assert current_path(page) == expected
    assert page.get_attribute("html", "lang") == other
    with page.expect_navigation():
        page.click(f'nav.language-switcher a[hreflang="{language}"]')
    assert current_path(page) == here
    assert page.get_attribute("html", "lang") == language


def follow(page, selector: str):
    """Click the first link matching `selector` in the main content and wait for the page."""
    with page.expect_navigation():
        page.locator(f"main {selector}").first.click()


@pytest.mark.parametrize("language", ["de", "en"])
def test_citizen_goes_from_home_to_a_partner_city_and_searches(page, site, language):
    journey = JOURNEY[language]
    page.goto(f"/{language}/")
    assert page.get_attribute("html", "lang") == language
    assert_switcher_keeps_the_place(page, language)

    follow(page, f'a[href="{journey["area"]}"]')
    assert HEADINGS[language]["area"] in page.inner_text("main .kern-preline")
    assert_switcher_keeps_the_place(page, language)

    follow(page, f'a[href="{journey["measure"]}"]')
    assert "1.1" in page.inner_text("h1")
    assert_switcher_keeps_the_place(page, language)

    name = page.locator(f'main a[href^="{journey["cities"]}"]').first.inner_text().strip()
    follow(page, f'a[href^="{journey["cities"]}"]')
    assert name in page.inner_text("h1")
    assert_switcher_keeps_the_place(page, language)

    page.fill("#site-search-query", SEARCH_TERM[language])
    with page.expect_navigation():
        page.press("#site-search-query", "Enter")
    assert page.inner_text("h1") == HEADINGS[language]["search"]
    assert HEADINGS[language]["results"] in page.inner_text(".result-count")
    assert page.locator("main .search-results a").count() > 0
    assert_switcher_keeps_the_place(page, language)
    assert page.console_log.errors == []


FOCUS_IS_VISIBLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return element.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
}"""


def tab_to(page, selector: str, limit: int = 250):
    """Press Tab until an element matching `selector` has the focus, and check it shows it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            assert page.evaluate(FOCUS_IS_VISIBLE), f"{selector} has no visible focus"
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def press_enter(page):
    """Press Enter on the focused link or button and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("language", ["de", "en"])
def test_citizen_makes_the_same_journey_with_the_keyboard_alone(page, site, language):
    journey = JOURNEY[language]
    page.goto(f"/{language}/")
    # The skip link is the first stop; it moves the focus past the header to the content.
    tab_to(page, "a.skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    tab_to(page, f'main a[href="{journey["area"]}"]')
    press_enter(page)
    assert HEADINGS[language]["area"] in page.inner_text("main .kern-preline")

    tab_to(page, f'main a[href="{journey["measure"]}"]')
    press_enter(page)
    tab_to(page, f'main a[href^="{journey["cities"]}"]')
    press_enter(page)
    assert current_path(page).startswith(journey["cities"])

    # The measure filters: type an Area of Action's number into its field, send with Enter.
    tab_to(page, f'nav.site-nav a[href="{journey["measures"]}"]')
    press_enter(page)
    total = page.inner_text(".result-count")
    tab_to(page, "form.filter-form input[name=area]")
    page.keyboard.type("2")
    tab_to(page, "form.filter-form button[type=submit]")
    press_enter(page)
    assert "area=" in page.url
    assert page.inner_text(".result-count") != total

    # The map's city links are reached and followed with the keyboard too.
    tab_to(page, f'nav.site-nav a[href="{journey["cities"]}"]')
    press_enter(page)
    tab_to(page, "a.partner-map__link")
    city = page.evaluate("() => document.activeElement.getAttribute('href')")
    press_enter(page)
    assert current_path(page) == city

    tab_to(page, "#site-search-query")
    page.keyboard.type(SEARCH_TERM[language])
    press_enter(page)
    assert page.locator("main .search-results a").count() > 0
    assert page.console_log.errors == []
