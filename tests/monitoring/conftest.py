"""A fixed day and a plan with people named responsible, for the reminder and desk tests."""

import datetime
from dataclasses import dataclass

import pytest
import time_machine
from django.utils import timezone

from core.content import PublicationState
from measures.models import Measure
from tests.factories import (
    DepartmentEditorFactory,
    MailPreferenceFactory,
    MeasureContactFactory,
    MilestoneFactory,
    OfficeUserFactory,
    OrganisationalUnitFactory,
    ProgressReportFactory,
)
from tests.smtp import mail_server, refusing_smtp_delivery, smtp_delivery  # noqa: F401

# A Friday; the plan's measures were entered 30 days before, so none of them is due yet.
TODAY = datetime.date(2027, 1, 15)
D = datetime.timedelta


def at_noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


@pytest.fixture
def travel():
    """Freeze the clock at noon on TODAY; `travel.move_to(day)` moves it."""
    with time_machine.travel(at_noon(TODAY), tick=False) as traveller:
        yield traveller


@dataclass
class Team:
    office: object
    german_contact: object
    english_contact: object
    unit_editor: object
    overdue: Measure
    due_soon: Measure
    long_overdue: Measure
    in_review: Measure


@pytest.fixture
def team(plan, travel, settings):
    """Return the people and measures of the reminder scenario on TODAY."""
    settings.SITE_URL = "https://international.hannover.example"
    Measure.objects.update(created_at=at_noon(TODAY - D(days=30)))
    office = OfficeUserFactory(email="buero@hannover.example", first_name="Olga")
    MailPreferenceFactory(user=office, language="de")
    unit = OrganisationalUnitFactory()
    german = DepartmentEditorFactory(email="de@hannover.example", first_name="Dora", unit=unit)
    MailPreferenceFactory(user=german, language="de")
    english = DepartmentEditorFactory(email="en@hannover.example", first_name="Emma", unit=unit)
    MailPreferenceFactory(user=english, language="en")
    unit_editor = DepartmentEditorFactory(email="fb@hannover.example", first_name="Fritz")
    overdue, due_soon, long_overdue, in_review = (
        Measure.objects.get(number=number) for number in ["1.1", "1.2", "2.1", "3.1"]
    )
    # 1.1: its last report was 181 days ago, a day too long.
    ProgressReportFactory(measure=overdue, reported_on=TODAY - D(days=181))
    MeasureContactFactory(measure=overdue, user=german, is_primary=True)
    MeasureContactFactory(measure=overdue, user=english)
    MilestoneFactory(measure=overdue, due_on=TODAY - D(days=3), title_en="Concept agreed")
    # 1.2: its report falls due in 10 days; a milestone in 5.
    ProgressReportFactory(measure=due_soon, reported_on=TODAY - D(days=170))
    MeasureContactFactory(measure=due_soon, user=english, is_primary=True)
    MilestoneFactory(measure=due_soon, due_on=TODAY + D(days=5), title_en="Survey done")
    # 2.1: nobody named; its lead unit's editor hears of it, and past 30 days the office too.
    Measure.objects.filter(pk=long_overdue.pk).update(lead_unit=unit_editor.editor_profile.unit)
    ProgressReportFactory(measure=long_overdue, reported_on=TODAY - D(days=181 + 30))
    # 3.1: handed in for review two days ago.
    in_review.publication_state = PublicationState.REVIEW
    in_review.save()
    Measure.objects.filter(pk=in_review.pk).update(updated_at=at_noon(TODAY - D(days=2)))
    for measure in (overdue, due_soon, long_overdue, in_review):
        measure.refresh_from_db()
    assert timezone.localdate() == TODAY
    return Team(office, german, english, unit_editor, overdue, due_soon, long_overdue, in_review)
