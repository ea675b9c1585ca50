"""Staff of each role, signed in, and a measure led by a department."""

import pytest
from django.test import Client

from measures.models import Measure, OrganisationalUnit
from tests.factories import CouncilMemberFactory, DepartmentEditorFactory, OfficeUserFactory


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
def office_user(db):
    return OfficeUserFactory(username="office-editor")


@pytest.fixture
def editor(unit):
    return DepartmentEditorFactory(username="department-editor", unit=unit)


@pytest.fixture
def council(db):
    return CouncilMemberFactory(username="council-member")


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
