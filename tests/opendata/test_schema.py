"""The API keeps to its OpenAPI description: schemathesis sends generated requests to each path."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(content):
    """Return the API's description, served by the WSGI application schemathesis calls."""
    # As Django's test client does: a request must not close the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_the_description_is_openapi_3_and_names_every_collection(client, content):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/goals/",
        "/api/v1/areas-of-action/",
        "/api/v1/measures/",
        "/api/v1/measures/{slug}/",
        "/api/v1/progress-reports/",
        "/api/v1/partner-cities/",
        "/api/v1/partnerships/",
        "/api/v1/networks/",
        "/api/v1/eu-projects/",
        "/api/v1/activities/",
    } <= set(schema["paths"])
    for path in schema["paths"].values():
        assert set(path) == {"get"}, "the API only reads"
        names = {parameter["name"] for parameter in path["get"]["parameters"]}
        assert "lang" in names


@pytest.mark.slow
def test_every_operation_answers_as_described(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 18
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=12,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(checks=CHECKS)

        check()
