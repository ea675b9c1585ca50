"""The office changes a measure and reports progress in the admin; the public site shows both.

What this relies on in the admin (tell the lead if it changes): the sign-in form's `username` and
`password` fields; modeltranslation's language tabs, whose links point at `#tab_id_<field>_en`;
the change forms' fields `title_en`, `publication_state`, `reported_on`, `status`, `progress`,
`text_de`, `text_en`; the add form taking `?measure=<pk>` as initial value; the `_save` button.
The tabs are clicked for both languages, since the admin opens the tab of its own language.
"""

import datetime

import pytest

from measures.models import Measure
from progress.models import ProgressReport
from progress.services import progress_reports_remove

# Chromium and a live server: slow.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

NEW_TITLE = "Welcoming international students – tested in the browser"
REPORT_DE = "Die Willkommenstage für internationale Studierende sind vorbereitet."
REPORT_EN = "The welcome days for international students are prepared."


def sign_in(page, site):
    """Sign in to the admin as the office's superuser."""
    page.goto("/en/admin/login/")
    page.fill("input[name=username]", site.username)
    page.fill("input[name=password]", site.password)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    assert "/login/" not in page.url


def language_tab(page, field: str, language: str):
    """Open a translated field's tab for `language` and return the field."""
    page.click(f'a[href="#tab_id_{field}_{language}"]')
    return page.locator(f"[name={field}_{language}]")


def save(page):
    """Save the change form and assert the admin accepted it."""
    with page.expect_navigation():
        page.click("[name=_save]")
    errors = page.locator(".errornote, .errorlist")
    assert errors.count() == 0, errors.all_inner_texts()


def state_of(page) -> dict[str, str]:
    """Return the figures of the "where the measure stands" list, by their labels."""
    return dict(
        page.eval_on_selector_all(
            'section[aria-labelledby="state-heading"] .kern-description-list-item',
            "items => items.map(item => [item.querySelector('dt').innerText.trim(),"
            " item.querySelector('dd').innerText.trim()])",
        )
    )


@pytest.fixture
def measure(site):
    """Return measure 4.3; put it back as it was, without the new report, after the package."""
    measure = Measure.objects.get(number="4.3")
    row = Measure.objects.filter(pk=measure.pk).values().get()

    def restore():
        reports = ProgressReport.objects.filter(measure=measure, text_en=REPORT_EN)
        ids = list(reports.values_list("pk", flat=True))
        progress_reports_remove(reports=reports)
        if hasattr(ProgressReport, "history"):
            ProgressReport.history.filter(id__in=ids).delete()
        # Publishing the report also set the measure's status and progress: restore every field.
        Measure.objects.filter(pk=measure.pk).update(**row)

    site.cleanups.append(restore)
    return measure


def test_staff_changes_a_title_reports_progress_and_the_public_page_shows_both(page, site, measure):
    sign_in(page, site)

    page.goto(f"/en/admin/measures/measure/{measure.pk}/change/")
    language_tab(page, "title", "en").fill(NEW_TITLE)
    page.select_option("select[name=publication_state]", "published")
    save(page)

    page.goto(f"/en/admin/progress/progressreport/add/?measure={measure.pk}")
    page.fill("input[name=reported_on]", datetime.date.today().isoformat())
    page.select_option("select[name=status]", "in_progress")
    page.fill("input[name=progress]", "40")
    language_tab(page, "text", "de").fill(REPORT_DE)
    language_tab(page, "text", "en").fill(REPORT_EN)
    page.select_option("select[name=publication_state]", "published")
    save(page)

    page.goto(f"/en/measures/{measure.slug}/")
    assert NEW_TITLE in page.inner_text("h1")
    page.goto(f"/en/progress/{measure.slug}/")
    assert REPORT_EN in page.inner_text("main")
    # The sample data's reports show other figures: the measure's own state must be the new one.
    assert state_of(page) | {"Progress": "40 %", "Status": "in progress"} == state_of(page)
    page.goto(f"/de/umsetzungsstand/{measure.slug}/")
    assert REPORT_DE in page.inner_text("main")
    assert state_of(page)["Status"] == "in Umsetzung"
    # Neither the admin with its language tabs nor the public pages broke the CSP.
    assert page.console_log.csp_violations == []
