"""Staff of each role, signed in, and a measure led by a department."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from backoffice.models import EditorProfile
from backoffice.roles import COUNCIL_MEMBER, DEPARTMENT_EDITOR, OFFICE
from measures.models import Measure, OrganisationalUnit


def _staff(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "a long Passwort 2026", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def unit(plan):
    """Return the unit the department editor works for."""
    return OrganisationalUnit.objects.order_by("pk").first()


@pytest.fixture
def other_unit(plan, unit):
    """Return a unit the department editor does not work for."""
    return OrganisationalUnit.objects.exclude(pk=unit.pk).order_by("pk").first()


@pytest.fixture
def own_measure(plan, unit):
    """Return measure 1.1, led by the editor's unit."""
    measure = Measure.objects.get(number="1.1")
    measure.lead_unit = unit
    measure.save()
    return measure


@pytest.fixture
def contributed_measure(plan, unit, other_unit):
    """Return measure 2.1, led by another unit with the editor's unit contributing."""
    measure = Measure.objects.get(number="2.1")
    measure.lead_unit = other_unit
    measure.save()
    measure.contributing_units.add(unit)
    return measure


@pytest.fixture
def foreign_measure(plan, other_unit):
    """Return measure 3.1, which the editor's unit has nothing to do with."""
    measure = Measure.objects.get(number="3.1")
    measure.lead_unit = other_unit
    measure.save()
    return measure


@pytest.fixture
def office_user(django_user_model):
    return _staff(django_user_model, "office-editor", OFFICE)


@pytest.fixture
def editor(django_user_model, unit):
    user = _staff(django_user_model, "department-editor", DEPARTMENT_EDITOR)
    EditorProfile.objects.create(user=user, unit=unit)
    return user


@pytest.fixture
def council(django_user_model):
    return _staff(django_user_model, "council-member", COUNCIL_MEMBER)


@pytest.fixture
def office_client(office_user):
    """Return a client of its own, signed in, so that several roles can act in one test."""
    client = Client()
    client.force_login(office_user)
    return client


@pytest.fixture
def editor_client(editor):
    """Return a client of its own, signed in, so that several roles can act in one test."""
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def council_client(council):
    """Return a client of its own, signed in, so that several roles can act in one test."""
    client = Client()
    client.force_login(council)
    return client
