"""The migrations turn a "planned" that was only the old default into not_reported, nothing else.

The tests run without migrations, so they call the migrations' functions on today's models: a
measure planned by a published report or by hand, and a sub-item an editor set to planned in the
admin, keep their status.
"""

import importlib

import pytest
from django.apps import apps

from measures.models import Measure, Status, SubItem
from measures.status import measure_override_status
from tests.factories import ProgressReportFactory, UserFactory

from ..progress.conftest import day

pytestmark = pytest.mark.django_db

SUB_ITEMS = importlib.import_module("measures.migrations.0008_not_reported_status")
MEASURES = importlib.import_module("progress.migrations.0005_reports_state_a_status")


def as_before():
    """Put the rows and their history back in the state the old default left them in."""
    for model in (Measure, SubItem, Measure.history.model, SubItem.history.model):
        model.objects.filter(status=Status.NOT_REPORTED).update(status=Status.PLANNED)


def test_the_loaded_plans_default_rows_become_not_reported(plan):
    as_before()
    MEASURES.unreported_measures_forward(apps, None)
    SUB_ITEMS.unreported_sub_items_forward(apps, None)
    assert set(Measure.objects.values_list("status", flat=True)) == {Status.NOT_REPORTED}
    assert set(SubItem.objects.values_list("status", flat=True)) == {Status.NOT_REPORTED}
    # And back again, as before the migration.
    MEASURES.unreported_measures_backward(apps, None)
    SUB_ITEMS.unreported_sub_items_backward(apps, None)
    assert set(Measure.objects.values_list("status", flat=True)) == {Status.PLANNED}


def test_a_reported_or_hand_set_planned_is_kept(plan):
    reported = Measure.objects.get(number="1.1")
    ProgressReportFactory(
        measure=reported, reported_on=day("2024-03-01"), status=Status.PLANNED, progress=0
    )
    by_hand = measure_override_status(
        measure=Measure.objects.get(number="1.2"),
        status=Status.PLANNED,
        progress=0,
        reason_de="Vom Büro so festgelegt.",
    )
    as_before()
    MEASURES.unreported_measures_forward(apps, None)
    planned = set(Measure.objects.filter(status=Status.PLANNED).values_list("pk", flat=True))
    assert planned == {reported.pk, by_hand.pk}
    assert Measure.objects.filter(status=Status.NOT_REPORTED).count() == 11


def test_a_sub_item_an_editor_set_to_planned_keeps_it(plan):
    editor = UserFactory()
    as_before()
    chosen, untouched, renamed = SubItem.objects.order_by("pk")[:3]
    for status in (Status.IN_PROGRESS, Status.PLANNED):
        chosen.status = status
        chosen._history_user = editor
        chosen.save()
    # An editor who only changed the title did not choose the default status.
    renamed.title_en = "Renamed"
    renamed._history_user = editor
    renamed.save()
    SUB_ITEMS.unreported_sub_items_forward(apps, None)
    statuses = dict(SubItem.objects.values_list("pk", "status"))
    assert statuses[chosen.pk] == Status.PLANNED
    assert statuses[untouched.pk] == statuses[renamed.pk] == Status.NOT_REPORTED
