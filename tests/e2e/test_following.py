"""A citizen asks to follow a measure by e-mail in Chromium, with the form alone (issue 15)."""

import pytest

# Chromium and a live server: slow.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

TEXTS = {
    "de": {
        "measure": "/de/massnahmen/1-1/",
        "link": "Per E-Mail folgen",
        "field": "Ihre E-Mail-Adresse",
        "sent": "Bitte bestätigen Sie in Ihrem Postfach",
    },
    "en": {
        "measure": "/en/measures/1-1/",
        "link": "Follow by e-mail",
        "field": "Your e-mail address",
        "sent": "Please confirm in your mailbox",
    },
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_citizen_asks_to_follow_a_measure_in_the_browser(page, site, language):
    from post_office.models import Email

    from following.models import Subscription

    texts = TEXTS[language]
    address = f"browser-{language}@example.org"
    site.cleanups.append(lambda: Subscription.objects.filter(email=address).delete())
    site.cleanups.append(lambda: Email.objects.filter(to__contains=address).delete())

    page.goto(texts["measure"])
    page.get_by_role("link", name=texts["link"]).click()
    # The honeypot is invisible to people, and so to the browser's accessibility tree.
    assert not page.locator("#follow-website").is_visible()
    page.get_by_label(texts["field"]).fill(address)
    page.get_by_role("button", name=texts["link"]).click()
    page.wait_for_load_state()
    assert texts["sent"] in page.locator("h1").inner_text()
    assert page.console_log.csp_violations == []

    subscription = Subscription.objects.get(email=address)
    assert subscription.language == language
    assert not subscription.is_confirmed
    assert Email.objects.filter(to__contains=address).count() == 1
