"""Findings of the security review of the register, each tested over HTTP as an attacker would."""

import datetime

import pytest
from django.utils import timezone

from core.models import ChangeProposal
from networks.models import FundingProgramme
from relations.models import Activity, ActivityKind
from tests.adminforms import admin_form_data
from tests.backoffice.test_roles import change_url, list_url
from tests.factories import (
    ActivityFactory,
    EUProjectFactory,
    ExternalPartnerFactory,
    FundingProgrammeFactory,
    NetworkFactory,
    PartnerCityFactory,
)

pytestmark = pytest.mark.django_db

FAR_FUTURE = datetime.date(9999, 12, 31)


@pytest.fixture
def public_event():
    return ActivityFactory(
        starts_on=timezone.localdate() + datetime.timedelta(days=3),
        open_to_public=True,
        venue_de="Neues Rathaus",
    )


class TestImplausibleDates:
    def test_the_office_cannot_save_a_date_in_the_year_9999(self, office_client):
        data = {
            "kind": ActivityKind.DELEGATION_INCOMING,
            "title_de": "Besuch aus Rouen",
            "title_en": "Visit from Rouen",
            "starts_on": "2025-05-12",
            "ends_on": "9999-12-31",
            "publication_state": "draft",
        }
        response = office_client.post(list_url(Activity, "en") + "add/", data)
        assert response.status_code == 200
        assert "between the years 1900 and 2100" in response.content.decode()
        assert not Activity.objects.filter(title_de="Besuch aus Rouen").exists()
        german = office_client.post(list_url(Activity) + "add/", data)
        assert "zwischen den Jahren 1900 und 2100" in german.content.decode()

    def test_the_office_cannot_save_a_deadline_in_the_year_9999(self):
        programme = FundingProgrammeFactory.build(next_deadline=FAR_FUTURE)
        with pytest.raises(Exception, match="1900"):
            programme.full_clean()

    def test_an_event_saved_with_9999_leaves_the_feed_whole(self, client, public_event):
        broken = ActivityFactory(
            starts_on=public_event.starts_on,
            ends_on=FAR_FUTURE,
            open_to_public=True,
            venue_de="Rathaus",
        )
        feed = client.get("/en/events/calendar.ics")
        assert feed.status_code == 200
        assert f"activity-{public_event.pk}@".encode() in feed.content
        assert f"activity-{broken.pk}@".encode() not in feed.content
        assert client.get(f"/en/events/{public_event.pk}.ics").status_code == 200
        assert client.get(f"/en/events/{broken.pk}.ics").status_code == 404

    def test_a_deadline_saved_with_9999_leaves_the_feed_whole(self, client, public_event):
        FundingProgrammeFactory(next_deadline=FAR_FUTURE)
        assert FundingProgramme.objects.public().filter(next_deadline=FAR_FUTURE).exists()
        feed = client.get("/en/events/calendar.ics")
        assert feed.status_code == 200
        assert f"activity-{public_event.pk}@".encode() in feed.content
        assert b"99991231" not in feed.content


class TestInternalActivities:
    @pytest.fixture
    def internal_draft(self, own_measure):
        activity = ActivityFactory(
            publication_state="draft", is_internal=True, title_en="Confidential talks"
        )
        activity.measures.add(own_measure)
        return activity

    def test_a_council_member_cannot_open_an_internal_draft(self, council_client, internal_draft):
        response = council_client.get(f"/en/activities/{internal_draft.pk}/")
        assert response.status_code == 404
        admin = council_client.get(change_url(internal_draft, "en"))
        assert admin.status_code in (302, 403, 404)
        listing = council_client.get(list_url(Activity, "en")).content.decode()
        assert "Confidential talks" not in listing

    def test_an_editor_cannot_open_an_internal_activity_of_their_measure(
        self, editor_client, internal_draft
    ):
        assert editor_client.get(f"/en/activities/{internal_draft.pk}/").status_code == 404
        listing = editor_client.get(list_url(Activity, "en")).content.decode()
        assert "Confidential talks" not in listing

    def test_a_council_member_still_previews_an_ordinary_draft(self, council_client, own_measure):
        draft = ActivityFactory(publication_state="draft", title_en="Ordinary draft")
        response = council_client.get(f"/en/activities/{draft.pk}/")
        assert response.status_code == 200

    def test_the_office_opens_an_internal_draft(self, office_client, internal_draft):
        assert office_client.get(f"/en/activities/{internal_draft.pk}/").status_code == 200
        assert office_client.get(change_url(internal_draft, "en")).status_code == 200


class TestHiddenLinksInTheAPI:
    @pytest.mark.parametrize(
        ("parameter", "factory", "relation"),
        [
            ("city", PartnerCityFactory, "partner_cities"),
            ("network", NetworkFactory, "networks"),
            ("project", EUProjectFactory, "eu_projects"),
        ],
    )
    def test_a_draft_slug_answers_as_an_unknown_one(self, client, parameter, factory, relation):
        hidden = factory(publication_state="draft", slug=f"hidden-{parameter}")
        shown = factory(slug=f"shown-{parameter}")
        activity = ActivityFactory()
        getattr(activity, relation).add(hidden, shown)

        def answer(slug):
            response = client.get(f"/api/v1/activities/?{parameter}={slug}")
            assert response.status_code == 200
            return response.json()["count"]

        assert answer(f"shown-{parameter}") == 1
        assert answer(f"hidden-{parameter}") == answer("no-such-slug") == 0


class TestUnpublishedNamesInTheActivityForm:
    @pytest.fixture
    def hidden(self):
        return {
            "partner_cities": PartnerCityFactory(publication_state="draft", name_en="Secret City"),
            "networks": NetworkFactory(publication_state="draft", name_en="Secret Network"),
            "eu_projects": EUProjectFactory(publication_state="draft", acronym="SecretProj"),
            "actors": ExternalPartnerFactory(publication_state="draft", name_en="Secret Actor"),
        }

    @pytest.fixture
    def own_draft(self, own_measure, hidden):
        activity = ActivityFactory(publication_state="draft", title_de="Eigene Aktivität")
        activity.measures.add(own_measure)
        for relation, row in hidden.items():
            getattr(activity, relation).add(row)
        return activity

    def test_an_editor_reads_no_unpublished_names_and_their_save_keeps_the_links(
        self, editor_client, own_draft, hidden
    ):
        for url in (list_url(Activity, "en") + "add/", change_url(own_draft, "en")):
            page = editor_client.get(url).content.decode()
            assert "Secret" not in page
        data = admin_form_data(editor_client.get(change_url(own_draft, "en")))
        data["title_de"] = "Geändert"
        # The browser offers, and so sends, none of the unpublished rows.
        for relation in hidden:
            data.pop(relation, None)
        response = editor_client.post(change_url(own_draft, "en"), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        own_draft.refresh_from_db()
        assert own_draft.title_de == "Geändert"
        for relation, row in hidden.items():
            assert list(getattr(own_draft, relation).all()) == [row]

    def test_the_office_still_chooses_unpublished_rows(self, office_client, own_draft):
        page = office_client.get(change_url(own_draft, "en")).content.decode()
        assert "Secret City" in page and "Secret Actor" in page


class TestProposalsKeepOtherUnitsLinks:
    @pytest.fixture
    def published(self, own_measure, foreign_measure):
        activity = ActivityFactory(title_de="Veröffentlicht", title_en="Published")
        activity.measures.add(own_measure, foreign_measure)
        return activity

    def propose(self, editor_client, activity, **values):
        data = admin_form_data(editor_client.get(change_url(activity, "en")))
        # The browser offers, and so sends, only the editor's own measures.
        data["measures"] = [str(m.pk) for m in activity.measures.filter(number="1.1")]
        data.update(values)
        response = editor_client.post(change_url(activity, "en"), data, follow=True)
        assert "sent to the International Affairs Office" in response.content.decode()
        return ChangeProposal.objects.get(object_id=activity.pk)

    def accept(self, office_client, proposal):
        response = office_client.post(
            change_url(proposal, "en"), {"decision": "accept", "decision_comment": ""}
        )
        assert response.status_code == 302

    def test_accepting_a_title_change_keeps_the_other_units_measure(
        self, editor_client, office_client, published
    ):
        proposal = self.propose(editor_client, published, title_en="New title")
        assert "measures" not in proposal.changes
        self.accept(office_client, proposal)
        published.refresh_from_db()
        assert published.title_en == "New title"
        assert sorted(published.measures.values_list("number", flat=True)) == ["1.1", "3.1"]

    def test_accepting_an_added_measure_keeps_the_other_units_measure(
        self, editor_client, office_client, published, contributed_measure
    ):
        proposal = self.propose(
            editor_client,
            published,
            measures=[str(published.measures.get(number="1.1").pk), str(contributed_measure.pk)],
        )
        self.accept(office_client, proposal)
        numbers = sorted(published.measures.values_list("number", flat=True))
        assert numbers == ["1.1", "2.1", "3.1"]
