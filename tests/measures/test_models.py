"""Data rules of the plan hold in the database, and English falls back to German."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from measures.models import Measure
from tests.factories import AreaOfActionFactory, MeasureFactory

pytestmark = pytest.mark.django_db


def test_database_rejects_a_progress_of_120_percent(plan):
    measure = Measure.objects.get(number="1.1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.filter(pk=measure.pk).update(progress=120)
    measure.refresh_from_db()
    assert measure.progress == 0


def test_form_validation_rejects_a_progress_of_120_percent(plan):
    measure = Measure.objects.get(number="1.1")
    measure.progress = 120
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "progress" in error.value.message_dict


def test_database_rejects_a_duplicate_measure_number(plan):
    area = Measure.objects.get(number="1.1").area
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureFactory(number="1.1", slug="duplicate", area=area)
    assert Measure.objects.filter(number="1.1").count() == 1


def test_database_rejects_an_end_before_the_start(plan):
    measure = Measure.objects.get(number="2.1")
    measure.planned_start = "2020-05-01"
    measure.planned_end = "2020-04-30"
    with pytest.raises(IntegrityError), transaction.atomic():
        measure.save()


def test_number_must_match_its_area(plan):
    area = AreaOfActionFactory(number=7)
    measure = Measure(number="2.9", slug="x", area=area, title_de="Falsch")
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "number" in error.value.message_dict


def test_measures_sort_by_number_within_their_area():
    area = AreaOfActionFactory(number=9)
    for number in ["9.10", "9.2", "9.1"]:
        MeasureFactory(area=area, number=number)
    assert list(area.measures.values_list("number", flat=True)) == ["9.1", "9.2", "9.10"]


def test_english_falls_back_to_german_when_untranslated():
    measure = MeasureFactory(title_de="Nur auf Deutsch", title_en="")
    with translation.override("en"):
        assert Measure.objects.get(pk=measure.pk).title == "Nur auf Deutsch"
    with translation.override("de"):
        assert Measure.objects.get(pk=measure.pk).title == "Nur auf Deutsch"


def test_english_page_shows_the_german_text_when_untranslated(client):
    measure = MeasureFactory(title_de="Nur auf Deutsch", title_en="")
    response = client.get(f"/en/measures/{measure.slug}/")
    assert response.status_code == 200
    assert "Nur auf Deutsch" in response.content.decode()
