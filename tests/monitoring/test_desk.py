"""The back office's start page shows each role its work, in German and English."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from post_office import mail
from post_office.models import STATUS, Email

from core.content import PublicationState
from core.models import WorkflowEvent
from measures.models import Measure
from relations.stale import stale_count
from tests.factories import (
    CouncilMemberFactory,
    DepartmentEditorFactory,
    MeasureContactFactory,
    MilestoneFactory,
    ProgressReportFactory,
)
from tests.markup import text_of

from .conftest import TODAY

D = datetime.timedelta


def desk(user, language="de") -> tuple[str, object]:
    client = Client()
    client.force_login(user)
    response = client.get(f"/{language}/admin/")
    assert response.status_code == 200
    return text_of(response, "#desk"), response


def links(response) -> list[str]:
    import re

    section = response.content.decode().split('id="desk"', 1)[1].split("</section>", 1)[0]
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', section)]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_office_sees_what_waits_for_it_with_links_to_the_lists(team, language):
    colleague = DepartmentEditorFactory()
    LogEntry.objects.log_actions(
        colleague.pk,
        [team.due_soon],
        CHANGE,
        change_message="Titel geändert",
        single_object=True,
    )
    mail.send(recipients=["x@example.org"], sender="a@example.org", subject="s", message="m")
    Email.objects.update(status=STATUS.failed)

    text, response = desk(team.office, language)

    if language == "de":
        assert "Maßnahmen mit überfälligem Sachstandsbericht 2" in text
        assert "In Prüfung: Maßnahmen 1" in text
        assert "Ohne Ansprechperson: Maßnahmen 11" in text
        assert "E-Mails nicht zugestellt 1" in text
        assert "Letzte Änderungen anderer" in text
        quiet = (
            "Partner- und Kooperationsstädte, Städtenetzwerke und EU-Projekte "
            "ohne Aktivität seit 12 Monaten"
        )
    else:
        assert "Measures with an overdue progress report 2" in text
        assert "In review: measures 1" in text
        assert "Without a contact person: measures 11" in text
        assert "Mail not delivered 1" in text
        assert "Recent changes by others" in text
        quiet = (
            "Twin and cooperation cities, networks and EU projects "
            "without an activity for 12 months"
        )
    # Nothing was recorded in the register: every current relationship has gone quiet.
    assert f"{quiet} {stale_count(timezone.localdate())}" in text
    assert stale_count(timezone.localdate()) > 0
    assert str(colleague) in text
    hrefs = links(response)
    assert f"/{language}/admin/measures/measure/?update=overdue" in hrefs
    assert f"/{language}/admin/measures/measure/?publication_state__exact=review" in hrefs
    assert f"/{language}/admin/measures/measure/?contact=none" in hrefs
    assert f"/{language}/admin/post_office/email/?status__exact=1" in hrefs
    assert f"/{language}/admin/relations/activity/" in hrefs


def test_each_figure_of_the_office_opens_the_list_it_counts(team):
    from core.proposals import proposal_create

    proposal_create(
        obj=team.due_soon, cleaned_data={"title_en": "Proposed"}, changed=["title_en"], user=None
    )
    client = Client()
    client.force_login(team.office)
    for path, count in [
        ("/de/admin/measures/measure/?update=overdue", 2),
        ("/de/admin/measures/measure/?publication_state__exact=review", 1),
        ("/de/admin/measures/measure/?contact=none", 11),
        ("/de/admin/progress/milestone/?due=overdue", 1),
        ("/de/admin/core/changeproposal/?state__exact=open", 1),
        ("/de/admin/post_office/email/?status__exact=1", 0),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.context["cl"].result_count == count, path


@pytest.mark.parametrize("language", ["de", "en"])
def test_an_editor_sees_their_measures_with_what_each_needs(team, language):
    event_type = ContentType.objects.get_for_model(Measure)
    WorkflowEvent.objects.create(
        content_type=event_type,
        object_id=team.overdue.pk,
        from_state=PublicationState.REVIEW,
        to_state=PublicationState.DRAFT,
        comment="Bitte die Zahlen belegen.",
        user=team.office,
    )
    Measure.objects.filter(pk=team.overdue.pk).update(publication_state=PublicationState.DRAFT)
    editor = team.german_contact
    Measure.objects.filter(pk__in=[team.overdue.pk, team.due_soon.pk]).update(
        lead_unit=editor.editor_profile.unit
    )

    text, response = desk(editor, language)

    assert team.overdue.number in text and team.due_soon.number in text
    assert team.long_overdue.number + " " not in text.replace(team.long_overdue.title, "")
    assert "Bitte die Zahlen belegen." in text
    if language == "de":
        assert "Ihre Maßnahmen mit überfälligem Sachstandsbericht 1" in text
        assert "Ihre Maßnahmen mit bald fälligem Sachstandsbericht 1" in text
        assert "Vom Büro zurückgegeben:" in text
        assert "Sachstandsbericht hinzufügen" in text
    else:
        assert "Your measures with an overdue progress report 1" in text
        assert "Your measures with a progress report due soon 1" in text
        assert "Sent back by the office:" in text
        assert "Add a progress report" in text
    hrefs = links(response)
    assert f"/{language}/admin/progress/progressreport/add/?measure={team.overdue.pk}" in hrefs
    assert f"/{language}/admin/measures/measure/?update=overdue" in hrefs


def test_an_editor_does_not_see_another_units_measures_or_the_offices_figures(team):
    editor = team.unit_editor
    text, _response = desk(editor)

    assert team.long_overdue.title_de in text
    assert team.overdue.title_de not in text
    assert "Ohne Ansprechperson" not in text
    client = Client()
    client.force_login(editor)
    for office_only in ["/de/admin/post_office/email/", "/de/admin/monitoring/reminder/"]:
        assert client.get(office_only).status_code == 403
    # A filter of the office's figures opens only their own unit's measures.
    listed = client.get("/de/admin/measures/measure/?update=overdue").context["cl"].result_list
    assert list(listed) == [team.long_overdue]


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_council_member_sees_the_latest_period_and_what_changed(plan, travel, language):
    from django.core.management import call_command

    call_command("load_demo_progress", verbosity=0, stdout=None)
    text, _response = desk(CouncilMemberFactory(), language)

    if language == "de":
        assert "Sachstandsbericht 2. Halbjahr 2026 (Beispieldaten)" in text
        assert "Änderungen seit Sachstandsbericht 1. Halbjahr 2026" in text
    else:
        assert "Progress report, second half of 2026 (sample data)" in text
        assert "changes since Progress report, first half of 2026" in text
    assert "→" in text


def queries_of_desk(user) -> int:
    client = Client()
    client.force_login(user)
    client.get("/de/admin/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/de/admin/").status_code == 200
    return len(captured)


def more_of_everything(team, report_age=200):
    """Give every measure of the plan contacts, milestones, reports and log entries."""
    for index, measure in enumerate(Measure.objects.all()):
        measure.lead_unit = team.german_contact.editor_profile.unit
        if index % 2:
            measure.publication_state = PublicationState.REVIEW
        measure.save()
        MeasureContactFactory(measure=measure)
        MilestoneFactory(measure=measure, due_on=TODAY - D(days=3))
        MilestoneFactory(measure=measure, due_on=TODAY + D(days=3))
        ProgressReportFactory(measure=measure, reported_on=TODAY - D(days=report_age))
        LogEntry.objects.log_actions(
            team.unit_editor.pk, [measure], CHANGE, change_message="x", single_object=True
        )


@pytest.mark.slow
def test_the_desk_of_each_role_reads_the_same_number_of_queries_with_more_data(team):
    from progress.demo import demo_progress_load

    council = CouncilMemberFactory()
    demo_progress_load(today=TODAY)
    Measure.objects.filter(pk=team.due_soon.pk).update(
        lead_unit=team.german_contact.editor_profile.unit
    )
    before = {
        who: queries_of_desk(user)
        for who, user in [
            ("office", team.office),
            ("editor", team.german_contact),
            ("council", council),
        ]
    }
    more_of_everything(team)
    after = {
        who: queries_of_desk(user)
        for who, user in [
            ("office", team.office),
            ("editor", team.german_contact),
            ("council", council),
        ]
    }

    assert after == before
    # Pinned: the office's figures are one count per kind of content in the workflow, per kind
    # without contacts and per translated model, so a new model adds one. The council's desk
    # holds the latest council report, whose reports on both days come in a query of their own.
    assert before == {"office": 52, "editor": 8, "council": 10}


def test_a_contact_person_of_another_units_measure_sees_it_without_the_report_button(team):
    # Dora is named for 1.1, which her unit does not lead: she reads it, its unit reports.
    text, response = desk(team.german_contact, "en")

    assert team.overdue.title_en in text
    assert "Named as contact person; the lead unit reports." in text
    assert f"/en/admin/progress/progressreport/add/?measure={team.overdue.pk}" not in links(
        response
    )
    assert "Your measures with an overdue progress report 0" in text


def desk_size(user) -> int:
    client = Client()
    client.force_login(user)
    return len(client.get("/de/admin/").content)


@pytest.mark.slow
def test_the_offices_desk_does_not_grow_with_the_data(team):
    more_of_everything(team)
    before = desk_size(team.office)
    more_of_everything(team, report_age=201)
    # More digits in the counts, ten recent changes at most: nothing that grows with the rows.
    assert abs(desk_size(team.office) - before) < 100
