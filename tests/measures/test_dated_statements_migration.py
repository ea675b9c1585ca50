"""A database loaded before gets the dated statements and the missing lines, never over an edit."""

import importlib

import pytest
from django.apps import apps

from measures.models import Measure, PlanSection, ScheduleStep
from networks.models import EUProject, MembershipStatus, Network
from partners.models import ExternalPartner

pytestmark = pytest.mark.django_db

measures_upgrade = importlib.import_module("measures.migrations.0012_date_the_plans_statements")
networks_upgrade = importlib.import_module(
    "networks.migrations.0005_sources_dated_statuses_and_participation"
)
partners_upgrade = importlib.import_module("partners.migrations.0006_external_partner_groups")


def old_text(model: str, lookup: dict, field: str) -> str:
    """Return the text the loader wrote into `field` before the upgrade."""
    return next(
        old
        for name, where, name_of_field, old, _new in measures_upgrade.TEXT_CHANGES
        if (name, where, name_of_field) == (model, lookup, field)
    )


def test_an_unedited_statement_gets_its_date_and_a_new_version(plan):
    old = old_text("Measure", {"number": "3.1"}, "description_en")
    Measure.objects.filter(number="3.1").update(description_en=old)
    version = Measure.objects.get(number="3.1").version
    measures_upgrade.replace_unedited_texts(apps, None)
    measure = Measure.objects.get(number="3.1")
    assert "The current bid (as of January 2019)" in measure.description_en
    assert measure.version == version + 1


def test_an_edit_of_the_office_is_kept(plan):
    Measure.objects.filter(number="3.1").update(description_en="The office's own words.")
    measures_upgrade.replace_unedited_texts(apps, None)
    assert Measure.objects.get(number="3.1").description_en == "The office's own words."


def test_the_missing_sections_are_added_and_the_participation_step_goes(plan):
    PlanSection.objects.filter(slug__in=["how-international", "public-participation"]).delete()
    ScheduleStep.objects.create(**measures_upgrade.OLD_PARTICIPATION_STEP, period="2017–2018")
    measures_upgrade.replace_unedited_texts(apps, None)
    assert PlanSection.objects.get(slug="how-international").title_de == (
        "Wie international ist Hannover bereits?"
    )
    assert PlanSection.objects.get(slug="public-participation").title_en == "Public participation"
    assert not ScheduleStep.objects.filter(position=6).exists()


def test_eurocities_and_the_projects_are_brought_up_to_the_sources(plan):
    Network.objects.filter(slug="eurocities").update(
        membership_status=MembershipStatus.APPLYING, status_as_of=None
    )
    EUProject.objects.update(participation_from=None, participation_until=None)
    networks_upgrade.date_the_loaded_statuses(apps, None)
    eurocities = Network.objects.get(slug="eurocities")
    assert eurocities.membership_status == MembershipStatus.PLANNED_APPLICATION
    assert eurocities.status_as_of.isoformat() == "2019-01-01"
    assert set(EUProject.objects.values_list("participation_from", "participation_until")) == {
        (2018, 2019)
    }


def test_the_group_of_partners_is_added_once(plan):
    ExternalPartner.objects.filter(is_group=True).delete()
    partners_upgrade.add_the_group_of_partners(apps, None)
    partners_upgrade.add_the_group_of_partners(apps, None)
    group = ExternalPartner.objects.get(is_group=True)
    assert group.is_plan_partner
    assert group.name_en.startswith("further internationally active partners")
