"""Drucksache numbers: links to the council's papers when the address is set, and their form."""

import pytest
from django.test import override_settings
from django.utils import translation

from core.council import council_paper_url
from partners.models import Partnership
from progress.models import ReportingPeriod
from tests.adminforms import admin_form_data
from tests.backoffice.test_roles import change_url
from tests.factories import PartnershipFactory, ReportingPeriodFactory

pytestmark = pytest.mark.django_db

HANNOVER = "https://e-government.hannover-stadt.de/lhhsimwebre.nsf/DS/{number}-{year}"


@pytest.mark.parametrize(
    ("number", "url"),
    [
        ("1736/2018", "https://e-government.hannover-stadt.de/lhhsimwebre.nsf/DS/1736-2018"),
        ("0815/2024", "https://e-government.hannover-stadt.de/lhhsimwebre.nsf/DS/0815-2024"),
        ("BEISPIEL-0001/2026", ""),
        ("", ""),
    ],
)
def test_the_template_makes_the_address_of_a_well_formed_number(number, url):
    with override_settings(COUNCIL_PAPER_URL=HANNOVER):
        assert council_paper_url(number) == url
    assert council_paper_url(number) == ""


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_reporting_periods_number_links_to_its_paper_only_when_set(client, language):
    period = ReportingPeriodFactory(council_document="0815/2024")
    with translation.override(language):
        url = period.get_absolute_url()
    link = 'href="https://e-government.hannover-stadt.de/lhhsimwebre.nsf/DS/0815-2024"'
    with override_settings(COUNCIL_PAPER_URL=HANNOVER):
        assert link in client.get(url).content.decode()
    plain = client.get(url).content.decode()
    assert link not in plain
    assert "0815/2024" in plain


@pytest.mark.parametrize("malformed", ["1736-2018", "17/2018", "1736/18", "<b>1736/2018</b>"])
def test_the_forms_refuse_a_malformed_number_and_change_nothing(office_client, malformed):
    partnership = PartnershipFactory(council_decision="1736/2018")
    period = ReportingPeriodFactory(council_document="0815/2024")
    for obj, field in ((partnership, "council_decision"), (period, "council_document")):
        data = admin_form_data(office_client.get(change_url(obj)))
        data[field] = malformed
        response = office_client.post(change_url(obj), data)
        assert response.status_code == 200
        assert "1736/2018" in response.content.decode()  # the example in the message
    assert Partnership.objects.get(pk=partnership.pk).council_decision == "1736/2018"
    assert ReportingPeriod.objects.get(pk=period.pk).council_document == "0815/2024"
