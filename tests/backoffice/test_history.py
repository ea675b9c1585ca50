"""Every edit is kept in both languages, shown field by field, and can be restored."""

import pytest
from django.db.models import ProtectedError

from measures.models import Measure, OrganisationalUnit
from partners.models import PartnerCity
from tests.adminforms import admin_form_data
from tests.markup import parse

from .test_roles import change_url

pytestmark = pytest.mark.django_db


def history_url(obj, language="de"):
    return change_url(obj, language).replace("change/", "history/")


def edit_titles(client, measure, title_de, title_en):
    data = admin_form_data(client.get(change_url(measure)))
    data.update(title_de=title_de, title_en=title_en)
    response = client.post(change_url(measure), data)
    assert response.status_code == 302, response.context and response.context["errors"]


@pytest.mark.slow
def test_history_keeps_both_languages_and_who_changed_what(office_client, own_measure):
    original_de, original_en = own_measure.title_de, own_measure.title_en
    edit_titles(office_client, own_measure, "Neuer Titel", "New title")
    versions = list(own_measure.history.order_by("history_date"))
    assert (versions[-2].title_de, versions[-2].title_en) == (original_de, original_en)
    assert (versions[-1].title_de, versions[-1].title_en) == ("Neuer Titel", "New title")
    assert versions[-1].history_user.username == "office-editor"

    for language, changed_by, title_en in [
        ("de", "Geändert von", "Titel [en]:"),
        ("en", "Changed by", "Title [en]:"),
    ]:
        page = office_client.get(history_url(own_measure, language))
        # The header greets the signed-in office-editor on every page: read the table.
        table = parse(page).one("#change-history")
        columns = table.texts("thead th")
        latest = table.select("tbody tr")[0].select("td")
        assert latest[columns.index(changed_by)].text == "office-editor"
        changes = latest[-1].texts("li")
        assert f"{title_en} {original_en} → New title" in changes


def test_restoring_an_earlier_version_brings_back_both_languages(office_client, own_measure):
    original_de, original_en = own_measure.title_de, own_measure.title_en
    edit_titles(office_client, own_measure, "Neuer Titel", "New title")
    earliest = own_measure.history.order_by("history_date").first()
    revert_url = f"{history_url(own_measure)}{earliest.history_id}/"
    page = office_client.get(revert_url)
    assert page.status_code == 200
    response = office_client.post(revert_url, admin_form_data(page))
    assert response.status_code == 302
    own_measure.refresh_from_db()
    assert (own_measure.title_de, own_measure.title_en) == (original_de, original_en)
    assert own_measure.history.count() >= 3


def test_council_member_can_read_the_history_but_not_restore_it(
    council_client, office_client, own_measure
):
    edit_titles(office_client, own_measure, "Neuer Titel", "New title")
    earliest = own_measure.history.order_by("history_date").first()
    revert_url = f"{history_url(own_measure)}{earliest.history_id}/"
    assert council_client.get(history_url(own_measure)).status_code == 200
    page = council_client.get(revert_url)
    assert page.status_code == 200
    response = council_client.post(revert_url, admin_form_data(page))
    assert response.status_code == 403
    own_measure.refresh_from_db()
    assert own_measure.title_de == "Neuer Titel"


def test_content_that_others_refer_to_cannot_be_deleted(plan, own_measure):
    with pytest.raises(ProtectedError):
        own_measure.lead_unit.delete()
    with pytest.raises(ProtectedError):
        Measure.objects.get(number="1.2").delete()
    city = PartnerCity.objects.filter(partnerships__isnull=False).first()
    with pytest.raises(ProtectedError):
        city.delete()
    assert OrganisationalUnit.objects.filter(pk=own_measure.lead_unit_id).exists()
