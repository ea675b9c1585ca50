"""Shared fixtures: the action plan loaded once into the test database."""

from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection

from measures.models import Measure

# Slow tests (over a second) in files that others keep, marked here until their own files carry
# the mark; a parametrized test is named without its parameters.
SLOW_ELSEWHERE = {
    "tests/site/test_public_only.py::test_no_hidden_record_reaches_any_public_output",
    "tests/performance/test_cache_keys.py::test_made_up_parameters_take_no_room_in_the_cache",
    "tests/security/test_reported_errors.py::"
    "test_autocomplete_with_every_field_name_of_every_model_answers_without_a_server_error",
    "tests/performance/test_cache_outage.py::"
    "test_pages_api_and_downloads_answer_while_the_cache_is_down",
    "tests/backoffice/test_import_limits.py::"
    "test_a_small_xlsx_file_with_a_200_mb_cell_is_refused_before_it_is_unpacked",
    "tests/site/test_legal_pages.py::"
    "test_check_deploy_with_production_settings_passes_once_the_facts_are_filled",
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the tests of SLOW_ELSEWHERE slow, before `-m "not slow"` deselects by marks."""
    for item in items:
        if item.nodeid.split("[")[0] in SLOW_ELSEWHERE:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """Load the whole action plan once, as `make run` does."""
    with django_db_blocker.unblock():
        if request.config.option.nomigrations:
            add_stored_search_columns()
        call_command("load_action_plan", verbosity=0)


def add_stored_search_columns():
    """Add the search's columns that a migration keeps on PostgreSQL to tables built from models."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, "measures_goal")
    if any(column.name == "search_de" for column in columns):
        return  # a database kept from an earlier run (--reuse-db) has them
    migration = import_module("hannover_intl.migrations.0007_stored_search_columns")
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for statement in migration.forwards_sql():
            cursor.execute(statement)


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
        ActivityFactory,
        FundingProgrammeFactory,
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
        ActivityFactory(),
        FundingProgrammeFactory(),
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
