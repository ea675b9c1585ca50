"""Staff of each role and the department's measures, shared with the back-office tests."""

from tests.backoffice.conftest import (  # noqa: F401
    contributed_measure,
    council,
    council_client,
    editor,
    editor_client,
    foreign_measure,
    office_client,
    office_user,
    other_unit,
    own_measure,
    unit,
)
