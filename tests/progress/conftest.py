"""Fixtures of the progress tests; reports, milestones and periods come from tests.factories."""

import datetime

import pytest

from measures.models import Measure


def day(text: str) -> datetime.date:
    """Return the day written as YYYY-MM-DD."""
    return datetime.date.fromisoformat(text)


@pytest.fixture
def measure(plan):
    """Return measure 1.1 of the loaded plan."""
    return Measure.objects.get(number="1.1")
