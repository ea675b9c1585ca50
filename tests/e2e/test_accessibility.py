"""Every page type passes axe-core's WCAG 2.1 A and AA rules, in both languages."""

import pytest

from .conftest import ARTIFACTS, ROOT
from .pages import page_urls

# Chromium and a live server: slow.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ARTIFACTS / "screenshots"
WIDTHS = [1280, 375]


def axe_violations(page) -> list[str]:
    """Run axe-core in the page and return each violation as 'rule: targets'."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        # Only violations are needed; leaving out the passes makes axe several times faster.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_type_has_no_axe_violations(audit_page, site, language):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    for name, url in page_urls(language, site.period_pk, site.activity_pk).items():
        audit_page.set_viewport_size({"width": 1280, "height": 900})
        response = audit_page.goto(url)
        expected = 404 if name == "not-found" else 200
        assert response.status == expected, f"{url} answered {response.status}"
        assert audit_page.get_attribute("html", "lang") == language, url
        failures += [f"{url}: {violation}" for violation in axe_violations(audit_page)]
        # Screenshots of each page type at desktop and phone width, kept as test artefacts.
        for width in WIDTHS:
            audit_page.set_viewport_size({"width": width, "height": 900})
            audit_page.screenshot(
                path=SCREENSHOTS / f"{name}-{language}-{width}.png", full_page=True
            )
    assert not failures, "axe found violations:\n" + "\n".join(failures)
