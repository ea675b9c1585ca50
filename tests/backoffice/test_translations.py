"""The back office shows what is not yet translated: a column, a filter, a page and a command."""

import pytest
from django.core.management import CommandError, call_command

from measures.models import Measure
from tests.markup import texts_of

from .test_roles import list_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def untranslated(own_measure):
    """Return a measure whose English title is missing."""
    own_measure.title_en = ""
    own_measure.save()
    return own_measure


def test_the_loaded_plan_is_complete_and_the_strict_report_passes(plan, capsys):
    call_command("translation_report", "--strict")
    assert "Every text exists in every language." in capsys.readouterr().out


def test_the_strict_report_fails_and_names_what_is_missing(untranslated, capsys):
    with pytest.raises(CommandError, match="1 translations missing"):
        call_command("translation_report", "--strict")
    out = capsys.readouterr().out
    assert "measures.Measure" in out and "missing 'en'" in out
    assert untranslated.title_de in out


@pytest.mark.parametrize(
    ("language", "label"), [("de", "Englisch fehlt"), ("en", "English missing")]
)
def test_list_filter_and_column_show_the_missing_english_title(
    office_client, untranslated, language, label
):
    response = office_client.get(list_url(Measure, language), {"missing_translation": "en"})
    assert [m.number for m in response.context["cl"].result_list] == [untranslated.number]
    # The filter's own choice carries the label too; the column is what names the measure.
    assert texts_of(response, "#result_list td.field-translation_status") == [label]
    response = office_client.get(list_url(Measure, language), {"missing_translation": "de"})
    assert list(response.context["cl"].result_list) == []


@pytest.mark.parametrize(
    ("language", "title"), [("de", "Fehlende Übersetzungen"), ("en", "Missing translations")]
)
def test_admin_page_lists_missing_translations_per_model(
    office_client, untranslated, language, title
):
    response = office_client.get(f"/{language}/admin/translations/")
    page = response.content.decode()
    assert response.status_code == 200
    assert title in page
    assert untranslated.title_de in page
    assert f"/admin/measures/measure/{untranslated.pk}/change/" in page
