"""Shared fixtures: the action plan loaded once into the test database."""

import pytest
from django.core.management import call_command

from measures.models import Measure


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the whole action plan once, as `make run` does."""
    with django_db_blocker.unblock():
        call_command("load_action_plan", verbosity=0)


@pytest.fixture
def plan(db):
    """Return the loaded plan's measures, loading the plan again if a test flushed it."""
    if not Measure.objects.exists():
        call_command("load_action_plan", verbosity=0)
    return Measure.objects.all()


@pytest.fixture
def rows_of_every_model(plan):
    """Give the models the plan leaves empty a row each, so that every admin page has one."""
    from core.proposals import proposal_create
    from tests.factories import (
        MilestoneFactory,
        ProgressReportFactory,
        ReportingPeriodFactory,
        WorkflowEventFactory,
    )

    measure = plan.get(number="1.1")
    return [
        ProgressReportFactory(measure=measure),
        MilestoneFactory(measure=measure),
        ReportingPeriodFactory(),
        WorkflowEventFactory(content_object=measure),
        proposal_create(
            obj=measure, cleaned_data={"title_en": "Proposed"}, changed=["title_en"], user=None
        ),
    ]


@pytest.fixture
def superuser(db):
    """Return a superuser of the International Affairs Office."""
    from tests.factories import SuperuserFactory

    return SuperuserFactory(username="office")


@pytest.fixture
def admin_client(client, superuser):
    """Return a client signed in as the superuser."""
    client.force_login(superuser)
    return client
