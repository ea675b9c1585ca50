"""The load command puts the whole plan into the database, once, without touching edits."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from measures.models import (
    AreaOfAction,
    Benefit,
    CityDevelopmentGoal,
    Goal,
    Measure,
    OrganisationalUnit,
    SubItem,
)
from networks.models import EUProject, MembershipStatus, Network
from partners.models import ExternalPartner, PartnerCity, Partnership, PartnershipKind

pytestmark = pytest.mark.django_db

ALL_MODELS = [
    Goal,
    CityDevelopmentGoal,
    AreaOfAction,
    Measure,
    SubItem,
    Benefit,
    OrganisationalUnit,
    PartnerCity,
    Partnership,
    ExternalPartner,
    Network,
    EUProject,
]


def test_plan_has_three_goals_in_the_citys_own_german_wording(plan):
    goals = list(Goal.objects.order_by("number"))
    assert [goal.number for goal in goals] == [1, 2, 3]
    assert (
        goals[1].title_de
        == "Hannover fördert interkulturelles Verständnis und interkulturellen Austausch"
    )
    assert (
        goals[1].title_en
        == "Hannover promotes intercultural understanding and intercultural sharing"
    )
    assert goals[2].title_de == (
        "Hannover ist Impulsgeber in Europa und übernimmt Verantwortung in der Welt"
    )


def test_plan_has_the_mein_hannover_2030_goals_linked_to_plan_goals(plan):
    assert CityDevelopmentGoal.objects.count() == 5
    assert CityDevelopmentGoal.objects.filter(
        text_de__startswith="wirtschaftet nachhaltig"
    ).exists()
    assert all(goal.goals.exists() for goal in CityDevelopmentGoal.objects.all())


def test_plan_has_four_areas_and_thirteen_measures_numbered_as_printed(plan):
    assert list(AreaOfAction.objects.values_list("number", flat=True)) == [1, 2, 3, 4]
    numbers = list(Measure.objects.values_list("number", flat=True))
    assert numbers == [
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "4.1",
        "4.2",
        "4.3",
    ]
    area_three = AreaOfAction.objects.get(number=3)
    assert list(area_three.measures.values_list("number", flat=True)) == [
        "3.1",
        "3.2",
        "3.3",
        "3.4",
    ]


def test_measures_have_german_and_english_titles_and_every_sub_item(plan):
    measure = Measure.objects.get(number="1.2")
    assert measure.title_en == "Active involvement in European/international networks"
    assert "Netzwerk" in measure.title_de
    assert measure.sub_items.count() == 2
    assert Measure.objects.get(number="2.2").sub_items.count() == 5
    assert Measure.objects.get(number="4.1").sub_items.count() == 4
    assert SubItem.objects.filter(title_en="", title_de="").count() == 0
    assert not SubItem.objects.filter(title_en="").exists()


def test_every_citizen_facing_text_exists_in_both_languages(plan):
    for model, field in [
        (Goal, "title"),
        (AreaOfAction, "title"),
        (AreaOfAction, "description"),
        (Measure, "title"),
        (Measure, "summary"),
        (Benefit, "example"),
        (OrganisationalUnit, "name"),
        (PartnerCity, "name"),
        (Network, "name"),
        (EUProject, "aim"),
    ]:
        for language in ("de", "en"):
            empty = model.objects.filter(**{f"{field}_{language}": ""})
            assert not empty.exists(), f"{model.__name__}.{field}_{language} empty: {list(empty)}"


def test_twenty_five_cities_split_into_six_twin_eight_cooperation_eleven_music(plan):
    assert PartnerCity.objects.count() == 25
    by_kind = {kind: Partnership.objects.filter(kind=kind).count() for kind in PartnershipKind}
    assert by_kind == {
        PartnershipKind.TWIN_CITY: 6,
        PartnershipKind.COOPERATION_CITY: 8,
        PartnershipKind.UNESCO_CITY_OF_MUSIC: 11,
    }
    twins = Partnership.objects.filter(kind=PartnershipKind.TWIN_CITY).order_by("since")
    assert [(p.city.name_en, p.since) for p in twins] == [
        ("Bristol", 1947),
        ("Perpignan", 1960),
        ("Rouen", 1966),
        ("Blantyre", 1968),
        ("Poznań", 1979),
        ("Hiroshima", 1983),
    ]


def test_city_names_follow_each_language(plan):
    city = PartnerCity.objects.get(slug="ekaterinburg")
    assert (city.name_de, city.name_en) == ("Jekaterinburg", "Ekaterinburg")
    assert PartnerCity.objects.get(name_en="Ghent").name_de == "Gent"
    assert str(PartnerCity.objects.get(name_en="Hiroshima").country.code) == "JP"


def test_networks_projects_and_partners_of_the_plan(plan):
    # The plan says the city will bid to join: planned as of January 2019, not applying.
    eurocities = Network.objects.get(acronym_en="EUROCITIES")
    assert eurocities.membership_status == MembershipStatus.PLANNED_APPLICATION
    assert eurocities.status_as_of == datetime.date(2019, 1, 1)
    assert Network.objects.filter(needs_verification=True).count() == 1
    assert EUProject.objects.count() == 7
    assert set(EUProject.objects.values_list("acronym", flat=True)) >= {"BigPicnic", "NUCLEUS"}
    # The seeds give no budgets, programmes or dates: they stay empty.
    assert not EUProject.objects.exclude(funding_programme="").exists()
    assert not EUProject.objects.filter(start__isnull=False).exists()
    # The plan gives the years of participation: 'Participation in EU projects 2018-2019'.
    assert set(EUProject.objects.values_list("participation_from", "participation_until")) == {
        (2018, 2019)
    }
    assert ExternalPartner.objects.filter(name_de="Deutsche Messe AG").exists()
    # The description's sixth line names a group of partners, listed after the organisations.
    partners = list(ExternalPartner.objects.filter(is_plan_partner=True))
    assert len(partners) == 6
    assert [p.is_group for p in partners] == [False] * 5 + [True]
    assert partners[-1].name_de.startswith("weitere international tätige Partner*innen")
    assert Benefit.objects.count() == 7


def counts():
    return {model.__name__: model.objects.count() for model in ALL_MODELS}


def test_second_load_changes_nothing(plan):
    before = counts()
    changed_before = list(Measure.objects.values_list("updated_at", flat=True))
    output = StringIO()
    call_command("load_action_plan", stdout=output)
    assert counts() == before
    assert list(Measure.objects.values_list("updated_at", flat=True)) == changed_before
    assert "nothing changed" in output.getvalue()


def test_load_keeps_what_an_editor_changed(plan):
    measure = Measure.objects.get(number="3.2")
    measure.title_en = "Edited by the office"
    measure.save()
    measure.sub_items.first().delete()
    call_command("load_action_plan", verbosity=0)
    measure.refresh_from_db()
    assert measure.title_en == "Edited by the office"
    assert measure.sub_items.count() == 1


def test_load_fills_in_a_missing_measure(plan):
    # Sub-items are protected parts of their measure: remove them first, as a shell user must.
    SubItem.objects.filter(measure__number="4.3").delete()
    Measure.objects.filter(number="4.3").delete()
    call_command("load_action_plan", verbosity=0)
    with translation.override("en"):
        assert Measure.objects.get(number="4.3").title == "Informing the urban community"
