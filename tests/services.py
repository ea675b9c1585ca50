"""Services some tests need (Redis, Chromium): on a developer's machine a missing one skips those
tests, saying how to get it; in CI (the environment variable CI=true) it fails them instead, so
that no test silently stops running there.
"""

import os

import pytest


def in_ci() -> bool:
    """Return whether the tests run in CI, where every test must run."""
    return os.environ.get("CI", "").strip().lower() == "true"


def service_missing(reason: str):
    """Skip the test for want of a service, or fail it where CI=true."""
    if in_ci():
        pytest.fail(f"{reason}; CI=true, so the test fails instead of being skipped", pytrace=False)
    pytest.skip(reason)
