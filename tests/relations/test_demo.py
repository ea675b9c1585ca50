"""Sample data of the register: only on request, marked everywhere it shows, and removable."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from networks.models import FundingProgramme
from partners.models import ExternalPartner
from relations.models import Activity

pytestmark = pytest.mark.django_db

BANNER = {
    "de": "Beispieldaten: Diese Einträge sind zur Vorführung erfunden.",
    "en": "Sample data: these entries are invented for demonstration.",
}


def test_nothing_is_loaded_by_default(plan):
    assert not Activity.objects.exists()
    assert not ExternalPartner.objects.filter(is_sample=True).exists()
    assert not FundingProgramme.objects.exists()


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_that_shows_sample_data_carries_the_banner(client, plan, language):
    call_command("load_demo_relations", verbosity=0)
    assert Activity.objects.filter(is_sample=False).count() == 0
    event = Activity.objects.filter(open_to_public=True).first()
    city = Activity.objects.filter(partner_cities__isnull=False).first().partner_cities.first()
    with translation.override(language):
        urls = [
            reverse("relations:event_list"),
            reverse("relations:actor_list"),
            reverse("relations:programme_list"),
            event.get_absolute_url(),
            city.get_absolute_url(),
        ]
    for url in urls:
        page = client.get(url).content.decode()
        assert BANNER[language] in page, url


def test_a_second_run_changes_nothing_and_remove_takes_everything_out(plan, capsys):
    real_actors = ExternalPartner.objects.count()
    call_command("load_demo_relations")
    counts = (Activity.objects.count(), ExternalPartner.objects.count())
    call_command("load_demo_relations")
    assert (Activity.objects.count(), ExternalPartner.objects.count()) == counts
    assert "already loaded" in capsys.readouterr().out
    call_command("load_demo_relations", "--remove")
    assert not Activity.objects.exists()
    assert not FundingProgramme.objects.exists()
    assert ExternalPartner.objects.count() == real_actors
    assert not ExternalPartner.objects.filter(is_sample=True).exists()
