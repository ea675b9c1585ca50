"""Helpers for the progress tests: reports, milestones and periods on fixed past days."""

import datetime

import pytest

from core.content import PublicationState
from measures.models import Measure
from progress.models import Milestone, ReportingPeriod
from progress.services import progress_report_create


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


@pytest.fixture
def measure(plan):
    """Return measure 1.1 of the loaded plan."""
    return Measure.objects.get(number="1.1")


@pytest.fixture
def add_report():
    """Return a function that creates a progress report through the service."""

    def add(measure, on, status, progress, *, publish=True, text_en="", **extra):
        return progress_report_create(
            measure=measure,
            reported_on=day(on),
            status=status,
            progress=progress,
            text_de=extra.pop("text_de", f"Bericht vom {on}"),
            text_en=text_en,
            publish=publish,
            **extra,
        )

    return add


@pytest.fixture
def add_milestone():
    """Return a function that creates a milestone."""

    def add(measure, title, due_on, reached_on=None, **extra):
        return Milestone.objects.create(
            measure=measure,
            title_de=extra.pop("title_de", f"Meilenstein {title}"),
            title_en=title,
            due_on=day(due_on),
            reached_on=day(reached_on) if reached_on else None,
            **extra,
        )

    return add


@pytest.fixture
def add_period():
    """Return a function that creates a published reporting period."""

    def add(title, ends_on, *, publish=True, **extra):
        return ReportingPeriod.objects.create(
            title_de=extra.pop("title_de", f"Bericht {title}"),
            title_en=title,
            ends_on=day(ends_on),
            publication_state=PublicationState.PUBLISHED if publish else PublicationState.DRAFT,
            **extra,
        )

    return add
