"""A hostile insider's attacks on the review, the scope and concurrent edits, over HTTP.

Each test reproduces an attack that once worked (issue 13) and asserts that it now changes
nothing: the answer is a clear 403, 404 or message, and the row is as it was.
"""

import pytest
from django.test import Client

from core.content import PublicationState
from core.models import ChangeProposal, WorkflowEvent
from core.workflow import content_transition
from measures.models import CityDevelopmentGoalLink, Goal, Measure, MeasureGoalLink
from networks.models import EUProjectThemeLink, NetworkThemeLink
from partners.models import PartnershipThemeLink
from tests.adminforms import admin_form_data
from tests.factories import OfficeUserFactory

from .test_roles import change_url, list_url

pytestmark = pytest.mark.django_db

PUBLISHED = PublicationState.PUBLISHED
DRAFT = PublicationState.DRAFT


def history_url(obj, version) -> str:
    return change_url(obj).replace("change/", f"history/{version.history_id}/")


def published_version(measure):
    return measure.history.filter(publication_state=PUBLISHED).order_by("-history_date").first()


class TestRestoringAVersion:
    """Finding 1: an editor published a measure again by restoring a published version."""

    @pytest.fixture
    def sent_back(self, office_user, own_measure, unit, other_unit):
        """Return measure 1.1, published once, then led by another unit and sent back."""
        own_measure.publication_state = DRAFT
        own_measure.save()
        content_transition(obj=own_measure, target=PUBLISHED, user=office_user)
        own_measure.refresh_from_db()
        own_measure.lead_unit = other_unit
        own_measure.save()
        own_measure.contributing_units.add(unit)
        content_transition(
            obj=own_measure, target=DRAFT, user=office_user, comment="Bitte überarbeiten."
        )
        own_measure.refresh_from_db()
        return own_measure

    def test_an_editors_restore_brings_back_texts_not_the_state_or_the_lead_unit(
        self, editor_client, sent_back, other_unit
    ):
        version = published_version(sent_back)
        events = WorkflowEvent.objects.count()
        page = editor_client.get(history_url(sent_back, version))
        assert page.status_code == 200
        data = admin_form_data(page)
        data["publication_state"] = PUBLISHED
        response = editor_client.post(history_url(sent_back, version), data)
        assert response.status_code in (200, 302)
        sent_back.refresh_from_db()
        assert sent_back.publication_state == DRAFT
        assert sent_back.lead_unit == other_unit
        assert WorkflowEvent.objects.count() == events

    def test_the_office_restores_texts_and_the_state_stays(self, office_client, sent_back):
        version = published_version(sent_back)
        data = admin_form_data(office_client.get(history_url(sent_back, version)))
        response = office_client.post(history_url(sent_back, version), data)
        assert response.status_code == 302
        sent_back.refresh_from_db()
        assert sent_back.publication_state == DRAFT


class TestTheLog:
    """Finding 2: every save of a published measure wrote a false "draft → published" step."""

    def test_saving_without_a_step_writes_no_step(self, office_client, own_measure):
        events = WorkflowEvent.objects.count()
        data = admin_form_data(office_client.get(change_url(own_measure)))
        data["title_en"] = "Edited title"
        assert office_client.post(change_url(own_measure), data).status_code == 302
        own_measure.refresh_from_db()
        assert own_measure.title_en == "Edited title"
        assert WorkflowEvent.objects.count() == events

    def test_a_stale_form_does_not_change_an_archived_measure(
        self, editor_client, office_user, own_measure
    ):
        own_measure.publication_state = DRAFT
        own_measure.save()
        data = admin_form_data(editor_client.get(change_url(own_measure)))
        content_transition(obj=own_measure, target=PublicationState.ARCHIVED, user=office_user)
        title = Measure.objects.get(pk=own_measure.pk).title_en
        data["title_en"] = "Changed after archiving"
        assert editor_client.post(change_url(own_measure), data).status_code == 403
        assert Measure.objects.get(pk=own_measure.pk).title_en == title


class TestScope:
    """Finding 3: an editor read other units' unpublished work through the preview and the log."""

    def test_the_preview_of_another_units_draft_is_not_found(
        self, editor_client, foreign_measure, own_measure
    ):
        Measure.objects.filter(pk__in=[foreign_measure.pk, own_measure.pk]).update(
            publication_state=DRAFT
        )
        for language in ("de", "en"):
            foreign = editor_client.get(f"/{language}/{measure_path(language)}/3-1/")
            assert foreign.status_code == 404
            own = editor_client.get(f"/{language}/{measure_path(language)}/1-1/")
            assert own.status_code == 200
            title = own_measure.title_de if language == "de" else own_measure.title_en
            assert title in own.content.decode()

    def test_the_workflow_log_shows_only_what_the_editor_may_open(
        self, editor_client, office_user, own_measure, foreign_measure
    ):
        for measure in (own_measure, foreign_measure):
            Measure.objects.filter(pk=measure.pk).update(publication_state=DRAFT)
            measure.refresh_from_db()
            content_transition(obj=measure, target=PUBLISHED, user=office_user)
        page = editor_client.get(list_url(WorkflowEvent))
        assert page.status_code == 200
        shown = {event.object_id for event in page.context["cl"].result_list}
        assert own_measure.pk in shown
        assert foreign_measure.pk not in shown


def measure_path(language: str) -> str:
    return "massnahmen" if language == "de" else "measures"


class TestLostUpdates:
    """Finding 4: the second of two editors' saves silently reverted the first one's change."""

    def test_a_form_loaded_before_another_save_is_refused_with_both_values(self, own_measure):
        first, second = Client(), Client()
        first.force_login(OfficeUserFactory(username="first-editor"))
        second.force_login(OfficeUserFactory(username="second-editor"))
        first_data = admin_form_data(first.get(change_url(own_measure, "en")))
        second_data = admin_form_data(second.get(change_url(own_measure, "en")))

        first_data["title_en"] = "Title by the first editor"
        assert first.post(change_url(own_measure, "en"), first_data).status_code == 302
        second_data["title_en"] = "Title by the second editor"
        second_data["summary_en"] = "Summary by the second editor"
        response = second.post(change_url(own_measure, "en"), second_data)

        assert response.status_code == 200
        html = response.content.decode()
        assert "first-editor saved this measure" in html
        assert "Title by the first editor" in html and "Title by the second editor" in html
        own_measure.refresh_from_db()
        assert own_measure.title_en == "Title by the first editor"
        assert own_measure.summary_en != "Summary by the second editor"

    def test_the_message_is_german_in_the_german_admin(self, own_measure):
        first, second = Client(), Client()
        first.force_login(OfficeUserFactory(username="erste"))
        second.force_login(OfficeUserFactory(username="zweite"))
        first_data = admin_form_data(first.get(change_url(own_measure)))
        second_data = admin_form_data(second.get(change_url(own_measure)))
        first_data["title_de"] = "Titel der ersten"
        assert first.post(change_url(own_measure), first_data).status_code == 302
        response = second.post(change_url(own_measure), second_data)
        assert response.status_code == 200
        assert "erste hat diesen Eintrag (Maßnahme)" in response.content.decode()


class TestProposals:
    """Finding 2: an editor's save of a published measure changed the public page at once."""

    @pytest.fixture
    def published(self, own_measure):
        Measure.objects.filter(pk=own_measure.pk).update(publication_state=PUBLISHED)
        own_measure.refresh_from_db()
        return own_measure

    def propose(self, editor_client, measure):
        data = admin_form_data(editor_client.get(change_url(measure, "en")))
        data.update(title_de="Vorgeschlagener Titel", title_en="Proposed title")
        response = editor_client.post(change_url(measure, "en"), data, follow=True)
        assert response.status_code == 200
        assert "sent to the International Affairs Office for review" in (
            response.content.decode()
        )
        return ChangeProposal.objects.get(object_id=measure.pk)

    def test_the_public_page_keeps_the_published_text_until_the_office_accepts(
        self, client, editor_client, office_client, published
    ):
        title_en = published.title_en
        events = WorkflowEvent.objects.count()
        proposal = self.propose(editor_client, published)
        published.refresh_from_db()
        assert published.title_en == title_en
        assert title_en in client.get("/en/measures/1-1/").content.decode()
        assert "Proposed title" not in client.get("/en/measures/1-1/").content.decode()
        assert WorkflowEvent.objects.count() == events

        page = office_client.get(change_url(proposal, "en")).content.decode()
        assert "Vorgeschlagener Titel" in page and "Proposed title" in page
        assert title_en in page
        response = office_client.post(
            change_url(proposal, "en"), {"decision": "accept", "decision_comment": ""}
        )
        assert response.status_code == 302
        published.refresh_from_db()
        assert (published.title_de, published.title_en) == (
            "Vorgeschlagener Titel",
            "Proposed title",
        )
        assert "Proposed title" in client.get("/en/measures/1-1/").content.decode()
        assert published.history.first().history_user.username == "office-editor"

    def test_a_decline_needs_a_comment_which_the_editor_reads(
        self, editor_client, office_client, published
    ):
        proposal = self.propose(editor_client, published)
        refused = office_client.post(change_url(proposal), {"decision": "decline"})
        assert refused.status_code == 200
        assert "Begründen Sie in einem Kommentar" in refused.content.decode()
        proposal.refresh_from_db()
        assert proposal.state == ChangeProposal.State.OPEN
        office_client.post(
            change_url(proposal),
            {"decision": "decline", "decision_comment": "Der Titel steht so im Plan."},
        )
        proposal.refresh_from_db()
        assert proposal.state == ChangeProposal.State.DECLINED
        listing = editor_client.get(list_url(ChangeProposal)).content.decode()
        assert "Abgelehnt" in listing
        detail = editor_client.get(change_url(proposal)).content.decode()
        assert "Der Titel steht so im Plan." in detail
        published.refresh_from_db()
        assert published.title_de != "Vorgeschlagener Titel"

    def test_an_editor_cannot_decide_their_own_proposal(self, editor_client, published):
        proposal = self.propose(editor_client, published)
        response = editor_client.post(
            change_url(proposal), {"decision": "accept", "decision_comment": "ok"}
        )
        assert response.status_code == 403
        proposal.refresh_from_db()
        assert proposal.state == ChangeProposal.State.OPEN
        published.refresh_from_db()
        assert published.title_en != "Proposed title"

    def test_a_restore_by_an_editor_becomes_a_proposal(self, editor_client, published):
        Measure.objects.filter(pk=published.pk).update(title_en="Later title")
        published.refresh_from_db()
        published.title_en = "Edited title"
        published.save()
        version = published.history.order_by("history_date").first()
        data = admin_form_data(editor_client.get(history_url(published, version)))
        editor_client.post(history_url(published, version), data)
        published.refresh_from_db()
        assert published.title_en == "Edited title"
        assert ChangeProposal.objects.filter(object_id=published.pk).exists()


class TestConfirmingLinks:
    """Issue 14, §3: only the office confirms the portal's reading of the plan."""

    @staticmethod
    def confirm_post(client, links):
        return client.post(
            list_url(MeasureGoalLink),
            {
                "action": "confirm_links",
                "_selected_action": [str(link.pk) for link in links],
                "index": "0",
            },
        )

    @staticmethod
    def unchanged(links) -> bool:
        return all(
            not link.confirmed
            and link.confirmed_at is None
            and link.confirmed_by is None
            and link.history.count() == 0
            for link in MeasureGoalLink.objects.filter(pk__in=[link.pk for link in links])
        )

    def test_an_editors_crafted_bulk_confirmation_is_refused(self, editor_client, own_measure):
        links = list(MeasureGoalLink.objects.filter(measure=own_measure))
        assert links
        assert self.confirm_post(editor_client, links).status_code == 403
        assert self.unchanged(links)
        assert editor_client.get(list_url(MeasureGoalLink)).status_code == 403

    def test_a_council_members_crafted_bulk_confirmation_is_refused(self, council, plan):
        client = Client()
        client.force_login(council)
        links = list(MeasureGoalLink.objects.all()[:3])
        # A council member reads the list, without the action, and cannot post it either.
        listing = client.get(list_url(MeasureGoalLink))
        assert listing.status_code == 200
        assert "confirm_links" not in listing.content.decode()
        assert self.confirm_post(client, links).status_code == 403
        assert self.unchanged(links)

    def test_an_editor_cannot_confirm_on_a_links_own_page(self, editor_client, own_measure):
        link = MeasureGoalLink.objects.filter(measure=own_measure).first()
        response = editor_client.post(change_url(link), {"confirmed": "on"})
        assert response.status_code == 403
        assert self.unchanged([link])

    def test_the_office_confirms_only_with_the_action(self, office_client, own_measure):
        link = MeasureGoalLink.objects.filter(measure=own_measure).first()
        # The link's page shows it read-only: a posted "confirmed" is not taken.
        office_client.post(change_url(link), {"confirmed": "on"})
        link.refresh_from_db()
        assert not link.confirmed
        assert self.confirm_post(office_client, [link]).status_code == 302
        link.refresh_from_db()
        assert link.confirmed and link.confirmed_at

    @pytest.mark.parametrize(
        "link_model", [NetworkThemeLink, EUProjectThemeLink, PartnershipThemeLink]
    )
    def test_an_editors_crafted_confirmation_of_other_themes_is_refused(
        self, editor_client, office_client, plan, link_model
    ):
        links = list(link_model.objects.all()[:3])
        assert links
        data = {
            "action": "confirm_links",
            "_selected_action": [str(link.pk) for link in links],
            "index": "0",
        }
        assert editor_client.post(list_url(link_model), data).status_code == 403
        assert all(
            not link.confirmed and link.confirmed_at is None and link.history.count() == 0
            for link in link_model.objects.filter(pk__in=[link.pk for link in links])
        )
        # The same post from the office confirms them.
        assert office_client.post(list_url(link_model), data).status_code == 302
        assert link_model.objects.filter(pk__in=[link.pk for link in links], confirmed=True).count()

    def test_an_editor_cannot_confirm_through_the_goals_inline(self, editor_client, plan):
        goal = Goal.objects.get(number=1)
        link = CityDevelopmentGoalLink.objects.filter(goal=goal).first()
        data = {
            "citydevelopmentgoallink_set-TOTAL_FORMS": "1",
            "citydevelopmentgoallink_set-INITIAL_FORMS": "1",
            "citydevelopmentgoallink_set-0-id": str(link.pk),
            "citydevelopmentgoallink_set-0-goal": str(goal.pk),
            "citydevelopmentgoallink_set-0-citydevelopmentgoal": str(link.citydevelopmentgoal_id),
            "citydevelopmentgoallink_set-0-confirmed": "on",
        }
        assert editor_client.post(change_url(goal), data).status_code == 403
        link.refresh_from_db()
        assert not link.confirmed
