"""Legal pages state only what the sources say, mark what the office must add, and block deploys."""

import datetime
import hashlib
import importlib
import re
import subprocess
import sys

import pytest
from django.apps import apps
from django.core.checks import Error

from hannover_intl.checks import check_legal_facts, legal_fact_id
from hannover_intl.models import LEGAL_FACTS, ComplianceStatus, SitePage
from tests.markup import parse
from tests.security.test_headers import ROOT, production_environment

pytestmark = pytest.mark.django_db

PAGES = {
    SitePage.Slug.LEGAL_NOTICE: ("/de/impressum/", "/en/legal-notice/"),
    SitePage.Slug.PRIVACY: ("/de/datenschutz/", "/en/privacy/"),
    SitePage.Slug.ACCESSIBILITY: ("/de/barrierefreiheit/", "/en/accessibility/"),
}
EVERY_ID = {legal_fact_id(position) for position in range(len(LEGAL_FACTS))}
# What the office would enter; none of it is published anywhere, it only proves the mechanism.
FILLED = {
    "representative_name": "Test Name",
    "second_contact": "Telefon 0000",
    "content_responsible": "Test Person\nTestweg 1",
    "dpo_contact": "Test DPO",
    "recipients_de": "Test-Hosting",
    "recipients_en": "Test hosting",
    "log_retention_de": "3 Test-Tage",
    "log_retention_en": "3 test days",
    "map_tile_provider": "Test Tiles",
    "map_legal_basis_de": "Test-Rechtsgrundlage",
    "map_legal_basis_en": "Test legal basis",
    "compliance_status": ComplianceStatus.PARTIALLY.value,
    "assessed_on": datetime.date(2026, 1, 2),
    "assessment_method_de": "Test-Methode",
    "assessment_method_en": "Test method",
    "conciliation_body_address": "Test-Schlichtung\nTestplatz 2",
}


def fill_every_fact():
    for fact in LEGAL_FACTS:
        values = {
            k: v for k, v in FILLED.items() if k.rsplit("_", 1)[0] == fact.field or k == fact.field
        }
        SitePage.objects.filter(slug=fact.page).update(**values)


def main_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return parse(response.content.decode()).one("main")


def ids_of(errors) -> set[str]:
    return {error.id for error in errors}


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_legal_fact_has_its_place_in_both_languages(plan, slug):
    page = SitePage.objects.get(slug=slug)
    for fact in page.legal_facts():
        assert f"[[{fact.field}]]" in page.body_de, fact.field
        assert f"[[{fact.field}]]" in page.body_en, fact.field


@pytest.mark.parametrize(("slug", "language"), [(s, i) for s in PAGES for i in (0, 1)])
def test_an_empty_fact_is_a_marked_gap_in_its_place(client, plan, slug, language):
    html = client.get(PAGES[slug][language]).content.decode()
    facts = SitePage.objects.get(slug=slug).legal_facts()
    gaps = re.findall(r'<strong class="site-page__gap">([^<]*)</strong>', html)
    assert len(gaps) == len(facts)
    if language == 0:
        assert all(g.startswith("Angabe folgt: ") for g in gaps)
        assert all(
            g.endswith("(vom Büro für Internationale Angelegenheiten noch einzutragen)")
            for g in gaps
        )
    else:
        assert all(g.startswith("To be added by the International Affairs Office: ") for g in gaps)
    # No marker reaches the visitor, and no inline style (the CSP forbids it).
    assert "[[" not in html
    assert "style=" not in html


def test_the_legal_notice_names_the_gaps_by_what_is_missing(client, plan):
    text = main_of(client, "/de/impressum/").text
    assert "Angabe folgt: Name des Oberbürgermeisters, der die Stadt vertritt" in text
    assert "Angabe folgt: inhaltlich verantwortliche Person" in text
    text = main_of(client, "/en/legal-notice/").text
    assert "To be added by the International Affairs Office: second fast contact channel" in text


def test_a_filled_fact_appears_in_its_place_and_the_gap_goes(client, plan):
    fill_every_fact()
    for urls in PAGES.values():
        for url in urls:
            html = client.get(url).content.decode()
            assert "site-page__gap" not in html, url
    legal = client.get("/de/impressum/").content.decode()
    assert "vertreten: Test Name." in legal
    assert "Test Person<br>Testweg 1" in legal
    assert "3 test days" in main_of(client, "/en/privacy/").text
    accessibility = main_of(client, "/de/barrierefreiheit/").text
    assert "mit der BITV 2.0: teilweise vereinbar." in accessibility
    assert "Datum der Bewertung: 2. Januar 2026" in accessibility


def test_the_deploy_check_reports_every_missing_fact_of_the_loaded_plan(plan):
    errors = check_legal_facts()
    assert ids_of(errors) == EVERY_ID
    assert all(isinstance(error, Error) for error in errors)
    assert "'recipients of the data (hosting)' (de, en)" in " ".join(e.msg for e in errors)


def test_the_deploy_check_reports_every_fact_on_an_empty_database(db):
    SitePage.objects.all().delete()
    assert ids_of(check_legal_facts()) == EVERY_ID


def test_the_deploy_check_passes_once_the_office_has_filled_every_fact(plan):
    fill_every_fact()
    assert check_legal_facts() == []
    # An English text still missing is reported by name, and only it.
    SitePage.objects.filter(slug="privacy").update(log_retention_en="")
    (error,) = check_legal_facts()
    assert error.id == legal_fact_id([f.field for f in LEGAL_FACTS].index("log_retention"))
    assert "(en)" in error.msg


def test_the_deploy_check_reports_a_filled_fact_the_text_no_longer_shows(plan):
    fill_every_fact()
    page = SitePage.objects.get(slug="legal-notice")
    page.body_en = page.body_en.replace("[[second_contact]]", "")
    page.save()
    (error,) = check_legal_facts()
    assert error.id == legal_fact_id([f.field for f in LEGAL_FACTS].index("second_contact"))
    assert "has no place for 'second fast contact channel'" in error.msg and "(en)" in error.msg


def test_check_deploy_with_production_settings_passes_once_the_facts_are_filled(tmp_path):
    env = production_environment() | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        # The address links in mail lead to (monitoring.W001 warns without it).
        "SITE_URL": "https://international.hannover.de",
    }

    def manage(*args):
        command = [
            sys.executable,
            "manage.py",
            *args,
            "--settings=hannover_intl.settings.production",
        ]
        return subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )

    assert manage("migrate", "-v", "0").returncode == 0
    fill = (
        "import datetime\n"
        "from hannover_intl.models import LEGAL_FACTS, SitePage\n"
        "for slug in ('legal-notice', 'privacy', 'accessibility'):\n"
        "    text = ' '.join(f'[[{f.field}]]' for f in LEGAL_FACTS if f.page == slug)\n"
        "    SitePage.objects.create(\n"
        f"        slug=slug, title=slug, body_de=text, body_en=text, **{FILLED!r}\n"
        "    )\n"
    )
    created = manage("shell", "-c", fill)
    assert created.returncode == 0, created.stderr
    result = manage("check", "--deploy", "--fail-level", "DEBUG")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_imprint_licenses_open_data_as_the_open_data_page_says(client, plan, settings):
    settings.OPEN_DATA_LICENCE = {
        **settings.OPEN_DATA_LICENCE,
        "name": "Testlizenz",
        "url": "https://licence.example/",
    }
    main = main_of(client, "/de/impressum/")
    link = [a for a in main.select("a") if a.text == "Testlizenz"]
    assert link and link[0].attrs["href"] == "https://licence.example/"
    assert any(a.attrs["href"] == "/de/offene-daten/" for a in main.select("a"))
    # The old contradiction: reuse only on request, while the open data page licenses it all.
    assert "weiterverwenden möchten, wenden Sie sich" not in main.text
    assert "Testlizenz" in main_of(client, "/de/offene-daten/").text


def test_the_accessibility_statement_follows_the_eu_model(client, plan):
    for url, words in [
        (
            "/de/barrierefreiheit/",
            [
                "Stand der Vereinbarkeit",
                "Nicht barrierefreie Inhalte",
                "axe-core",
                "Feedback und Kontakt",
                "Durchsetzungsverfahren",
                "§ 9d NBGG",
            ],
        ),
        (
            "/en/accessibility/",
            [
                "Compliance status",
                "Non-accessible content",
                "axe-core",
                "Feedback and contact details",
                "Enforcement procedure",
                "9d NBGG",
            ],
        ),
    ]:
        main = main_of(client, url)
        for word in words:
            assert word in main.text, (url, word)
        # "Partly compliant" is the office's finding once assessed, not a claim before any test.
        assert "teilweise vereinbar" not in main.text and "partially compliant" not in main.text
        assert any(a.attrs["href"] in ("/de/kontakt/", "/en/contact/") for a in main.select("a"))


def test_the_admin_shows_a_page_its_own_legal_facts_only(admin_client, plan):
    page = SitePage.objects.get(slug="legal-notice")
    html = admin_client.get(f"/de/admin/hannover_intl/sitepage/{page.pk}/change/").content.decode()
    assert 'name="representative_name"' in html
    assert 'name="dpo_contact"' not in html
    assert "Pflichtangaben" in html


def test_the_admin_list_counts_the_missing_legal_facts(admin_client, plan):
    html = admin_client.get("/de/admin/hannover_intl/sitepage/").content.decode()
    assert "Fehlende Pflichtangaben" in html
    counts = re.findall(r'class="field-missing_legal_facts">(\d+)<', html)
    assert sorted(map(int, counts)) == [0, 0, 3, 4, 5]
    fill_every_fact()
    html = admin_client.get("/de/admin/hannover_intl/sitepage/").content.decode()
    assert re.findall(r'class="field-missing_legal_facts">(\d+)<', html) == ["0"] * 5


def test_the_data_migration_updates_only_texts_the_office_has_not_edited(plan, monkeypatch):
    migration = importlib.import_module("hannover_intl.migrations.0005_legal_and_easy_read_texts")
    old = "Loaded text"
    monkeypatch.setattr(
        migration,
        "OLD_TEXTS",
        {key: [hashlib.sha256(old.encode()).hexdigest()] for key in migration.NEW_TEXTS},
    )
    SitePage.objects.filter(slug="legal-notice").update(body_de=old)
    SitePage.objects.filter(slug="privacy").update(body_de="Edited by the office")
    versions = dict(SitePage.objects.values_list("slug", "version"))
    migration.update_unedited_texts(apps, None)
    assert SitePage.objects.get(slug="legal-notice").version == versions["legal-notice"] + 1
    assert SitePage.objects.get(slug="privacy").version == versions["privacy"]
    assert (
        SitePage.objects.get(slug="legal-notice").body_de
        == migration.NEW_TEXTS[("legal-notice", "de")]
    )
    assert SitePage.objects.get(slug="privacy").body_de == "Edited by the office"
