"""The events as iCalendar files: parsed back by the icalendar library, as a calendar app would."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from core.content import PublicationState
from relations.calendar import event_uid
from tests.factories import ActivityFactory, FundingProgrammeFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def reception():
    day = timezone.localdate() + datetime.timedelta(days=20)
    return ActivityFactory(
        title_de="Empfang im Neuen Rathaus",
        title_en="Reception at the New Town Hall",
        starts_on=day,
        starts_at=datetime.time(18, 30),
        ends_at=datetime.time(21, 0),
        open_to_public=True,
        venue_de="Neues Rathaus, Hodlersaal",
        venue_en="New Town Hall, Hodler Hall",
    )


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.parametrize(
    ("language", "summary"),
    [("de", "Empfang im Neuen Rathaus"), ("en", "Reception at the New Town Hall")],
)
def test_one_event_round_trips_with_uid_times_summary_and_time_zone(
    client, reception, language, summary
):
    calendar = parse(client.get(url("relations:event_file", language, pk=reception.pk)))
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == event_uid(reception)
    assert str(event["SUMMARY"]) == summary
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.datetime.combine(reception.starts_on, datetime.time(18, 30), BERLIN)
    assert end == datetime.datetime.combine(reception.starts_on, datetime.time(21, 0), BERLIN)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Berlin"
    assert calendar.walk("STANDARD") and calendar.walk("DAYLIGHT")


def test_the_uid_is_the_same_in_both_languages_and_in_the_feed(client, reception):
    uids = set()
    for language in ("de", "en"):
        for response in (
            client.get(url("relations:event_file", language, pk=reception.pk)),
            client.get(url("relations:event_feed", language)),
        ):
            uids |= {str(event["UID"]) for event in parse(response).walk("VEVENT")}
    assert uids == {event_uid(reception)}


def test_the_feed_holds_public_events_only(client, reception):
    ActivityFactory(
        title_de="Entwurf",
        open_to_public=True,
        venue_de="Rathaus",
        publication_state=PublicationState.DRAFT,
    )
    ActivityFactory(title_de="Intern", open_to_public=True, venue_de="Rathaus", is_internal=True)
    ActivityFactory(title_de="Kein Termin")
    calendar = parse(client.get(url("relations:event_feed", "de")))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries == ["Empfang im Neuen Rathaus"]


def test_a_whole_day_event_ends_the_day_after_its_last_day(client):
    day = timezone.localdate() + datetime.timedelta(days=3)
    festival = ActivityFactory(
        starts_on=day,
        ends_on=day + datetime.timedelta(days=1),
        open_to_public=True,
        venue_de="Maschpark",
    )
    (event,) = parse(client.get(url("relations:event_file", "de", pk=festival.pk))).walk("VEVENT")
    assert event.decoded("DTSTART") == day
    assert event.decoded("DTEND") == day + datetime.timedelta(days=2)


def test_a_draft_internal_or_non_event_has_no_calendar_file(client):
    for activity in (
        ActivityFactory(open_to_public=True, venue_de="x", publication_state="draft"),
        ActivityFactory(open_to_public=True, venue_de="x", is_internal=True),
        ActivityFactory(),
    ):
        assert client.get(url("relations:event_file", "de", pk=activity.pk)).status_code == 404


@pytest.mark.parametrize(("language", "prefix"), [("de", "Frist: "), ("en", "Deadline: ")])
def test_the_feed_holds_the_funding_programmes_deadlines(client, language, prefix):
    day = timezone.localdate() + datetime.timedelta(days=30)
    FundingProgrammeFactory(name_de="Stiftung", name_en="Foundation", next_deadline=day)
    FundingProgrammeFactory(name_de="Entwurf", next_deadline=day, publication_state="draft")
    calendar = parse(client.get(url("relations:event_feed", language)))
    (deadline,) = calendar.walk("VEVENT")
    name = "Stiftung" if language == "de" else "Foundation"
    assert str(deadline["SUMMARY"]) == prefix + name
    assert deadline.decoded("DTSTART") == day
