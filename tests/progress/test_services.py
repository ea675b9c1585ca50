"""A measure's status follows its published reports; past states are rebuilt from them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.content import PublicationState
from measures.models import Measure, Status
from measures.status import measure_clear_override, measure_override_status
from progress.models import Milestone, ProgressReport
from progress.services import (
    is_update_due,
    measure_current_state,
    measure_state_as_of,
    progress_report_publish,
    progress_report_save,
    progress_reports_remove,
    state_of,
    with_states_on_days,
)
from tests.factories import ProgressReportFactory

from .conftest import day

pytestmark = pytest.mark.django_db


def stored(measure):
    measure.refresh_from_db()
    return measure.status, measure.progress


class TestStatusFollowsReports:
    def test_latest_published_report_sets_the_measure(self, measure):
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PREPARATION,
            progress=10,
        )
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-09-01"), status=Status.IN_PROGRESS, progress=40
        )
        # An older report entered later does not win over the newer one.
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-06-01"),
            status=Status.IN_PREPARATION,
            progress=20,
        )
        assert stored(measure) == (Status.IN_PROGRESS, 40)

    def test_drafts_do_not_count_until_published(self, measure):
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PREPARATION,
            progress=10,
        )
        draft = ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-09-01"),
            status=Status.COMPLETED,
            progress=100,
            publication_state=PublicationState.DRAFT,
        )
        assert stored(measure) == (Status.IN_PREPARATION, 10)
        progress_report_publish(report=draft)
        assert stored(measure) == (Status.COMPLETED, 100)

    def test_unpublishing_or_deleting_falls_back_to_the_previous_report(self, measure):
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PREPARATION,
            progress=10,
        )
        latest = ProgressReportFactory(
            measure=measure, reported_on=day("2024-09-01"), status=Status.IN_PROGRESS, progress=40
        )
        latest.publication_state = PublicationState.ARCHIVED
        progress_report_save(report=latest)
        assert stored(measure) == (Status.IN_PREPARATION, 10)
        progress_reports_remove(reports=ProgressReport.objects.filter(measure=measure))
        assert stored(measure) == (Status.NOT_REPORTED, 0)

    def test_moving_a_report_to_another_measure_updates_both(self, plan, measure):
        other = Measure.objects.get(number="2.1")
        report = ProgressReportFactory(
            measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
        )
        report.measure = other
        progress_report_save(report=report)
        assert stored(measure) == (Status.NOT_REPORTED, 0)
        assert stored(other) == (Status.IN_PROGRESS, 30)

    def test_completed_means_100_and_one_published_report_a_day(self, measure):
        with pytest.raises(ValidationError):
            ProgressReportFactory(
                measure=measure, reported_on=day("2024-03-01"), status=Status.COMPLETED, progress=90
            )
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
        )
        with pytest.raises(ValidationError):
            ProgressReportFactory(
                measure=measure,
                reported_on=day("2024-03-01"),
                status=Status.IN_PROGRESS,
                progress=35,
            )
        # A draft for the same day is fine: only published reports decide.
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PROGRESS,
            progress=35,
            publication_state=PublicationState.DRAFT,
        )
        # Past the service's validation, straight to the database's own constraint.
        with pytest.raises(IntegrityError), transaction.atomic():
            ProgressReport.objects.create(
                measure=measure, reported_on=day("2024-04-01"), status="planned", progress=101
            )

    def test_a_report_on_a_future_day_is_refused(self, measure):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        with pytest.raises(ValidationError) as error:
            ProgressReportFactory(
                measure=measure,
                reported_on=tomorrow,
                status=Status.IN_PROGRESS,
                progress=10,
            )
        assert "reported_on" in error.value.message_dict


class TestOverride:
    def test_override_needs_a_reason(self, measure):
        with pytest.raises(ValidationError):
            measure_override_status(
                measure=measure, status=Status.ON_HOLD, progress=20, reason_de="  "
            )
        measure.refresh_from_db()
        assert not measure.status_override

    def test_the_database_refuses_an_override_without_a_german_reason(self, measure):
        with pytest.raises(IntegrityError), transaction.atomic():
            Measure.objects.filter(pk=measure.pk).update(
                status_override=True, status_override_reason_en="Only in English"
            )
        measure.refresh_from_db()
        assert not measure.status_override

    def test_override_wins_over_reports_until_cleared(self, measure):
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
        )
        measure_override_status(
            measure=measure,
            status=Status.ON_HOLD,
            progress=30,
            reason_de="Haushaltssperre",
            reason_en="Budget freeze",
        )
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-09-01"), status=Status.IN_PROGRESS, progress=50
        )
        assert stored(measure) == (Status.ON_HOLD, 30)
        state = measure_current_state([measure])[measure.pk]
        assert (state.status, state.progress, state.overridden) == (Status.ON_HOLD, 30, True)
        # A past state is rebuilt from the reports, as the council saw it.
        past = measure_state_as_of([measure], day("2024-10-01"))[measure.pk]
        assert (past.status, past.progress, past.overridden) == (Status.IN_PROGRESS, 50, False)

        measure_clear_override(measure=measure)
        assert stored(measure) == (Status.IN_PROGRESS, 50)


class TestStateAsOf:
    def test_state_on_a_day_uses_only_reports_up_to_that_day(self, plan, measure):
        other = Measure.objects.get(number="4.3")
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PREPARATION,
            progress=10,
        )
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-09-01"), status=Status.IN_PROGRESS, progress=40
        )
        ProgressReportFactory(
            measure=other, reported_on=day("2024-05-01"), status=Status.ONGOING, progress=50
        )

        def state(on, which=measure):
            result = measure_state_as_of(plan, day(on))[which.pk]
            return result.status, result.progress, result.reported_on

        assert state("2024-02-29") == (Status.NOT_REPORTED, 0, None)
        assert state("2024-03-01") == (Status.IN_PREPARATION, 10, day("2024-03-01"))
        assert state("2024-08-31") == (Status.IN_PREPARATION, 10, day("2024-03-01"))
        assert state("2024-09-01") == (Status.IN_PROGRESS, 40, day("2024-09-01"))
        assert state("2024-09-01", other) == (Status.ONGOING, 50, day("2024-05-01"))
        # Every measure of the plan gets a state; those without reports have none reported.
        assert len(measure_state_as_of(plan, day("2024-09-01"))) == plan.count()

    def test_later_edits_do_not_change_a_past_state(self, measure):
        report = ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PREPARATION,
            progress=10,
        )
        before = measure_state_as_of([measure], day("2024-06-30"))[measure.pk]
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-08-01"), status=Status.IN_PROGRESS, progress=40
        )
        report.text_en = "Corrected wording"
        progress_report_save(report=report)
        assert measure_state_as_of([measure], day("2024-06-30"))[measure.pk] == before

    def test_unpublished_reports_never_count(self, measure):
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PROGRESS,
            progress=30,
            publication_state=PublicationState.DRAFT,
        )
        state = measure_state_as_of([measure], day("2024-06-30"))[measure.pk]
        assert (state.status, state.progress, state.reported_on) == (Status.NOT_REPORTED, 0, None)

    def test_the_council_reports_reading_gives_the_states_the_overview_counts(self, plan, measure):
        # The council report reads states in Python, the overview in SQL: one rule for both.
        later, drafted, overridden, stored = Measure.objects.filter(
            number__in=["1.2", "2.1", "3.1", "4.3"]
        ).order_by("number")
        for on, status, progress in [
            ("2024-03-01", Status.IN_PREPARATION, 10),
            ("2024-09-01", Status.IN_PROGRESS, 40),
        ]:
            ProgressReportFactory(
                measure=measure, reported_on=day(on), status=status, progress=progress
            )
        ProgressReportFactory(
            measure=later, reported_on=day("2025-01-15"), progress=70, is_sample=True
        )
        ProgressReportFactory(
            measure=drafted,
            reported_on=day("2024-05-01"),
            publication_state=PublicationState.DRAFT,
        )
        measure_override_status(
            measure=overridden,
            status=Status.ON_HOLD,
            progress=30,
            reason_de="Haushaltssperre",
            reason_en="Budget freeze",
        )
        Measure.objects.filter(pk=stored.pk).update(status=Status.ONGOING, progress=50)
        days = {
            "before_": day("2024-02-29"),
            "between_": day("2024-06-30"),
            "after_": day("2025-02-01"),
        }

        rows = with_states_on_days(plan.order_by(), days)

        assert len(rows) == plan.count()
        for prefix, on in days.items():
            read = {row.pk: state_of(row, on, prefix=prefix) for row in rows}
            assert read == measure_state_as_of(plan, on), prefix

    def test_a_measure_without_reports_keeps_its_stored_state(self, measure):
        Measure.objects.filter(pk=measure.pk).update(status=Status.ONGOING, progress=50)
        state = measure_state_as_of([measure], day("2024-06-30"))[measure.pk]
        assert (state.status, state.progress) == (Status.ONGOING, 50)


class TestUpdateDue:
    @pytest.fixture(autouse=True)
    def thirty_days(self, settings):
        settings.PROGRESS_UPDATE_DUE_DAYS = 30

    def test_due_after_more_than_the_set_days_since_the_last_report(self):
        reported = day("2024-03-01")
        created = day("2020-01-01")
        assert not is_update_due(reported_on=reported, created_on=created, today=day("2024-03-31"))
        assert is_update_due(reported_on=reported, created_on=created, today=day("2024-04-01"))

    def test_default_is_180_days(self, settings):
        del settings.PROGRESS_UPDATE_DUE_DAYS
        reported = day("2024-01-01")
        assert not is_update_due(reported_on=reported, created_on=reported, today=day("2024-06-29"))
        assert is_update_due(reported_on=reported, created_on=reported, today=day("2024-06-30"))

    def test_states_carry_the_flag_at_its_boundary(self, measure):
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
        )
        assert not measure_state_as_of([measure], day("2024-03-31"))[measure.pk].update_due
        assert measure_state_as_of([measure], day("2024-04-01"))[measure.pk].update_due

    def test_without_any_report_it_counts_from_the_measures_creation(self, measure):
        created = timezone.localdate(measure.created_at)
        on_the_day = created + datetime.timedelta(days=30)
        assert not measure_state_as_of([measure], on_the_day)[measure.pk].update_due
        assert measure_state_as_of([measure], on_the_day + datetime.timedelta(days=1))[
            measure.pk
        ].update_due


class TestOverdue:
    def test_overdue_from_the_day_after_it_was_due_until_reached(self, measure):
        milestone = Milestone(measure=measure, title="x", due_on=day("2024-03-01"))
        assert not milestone.is_overdue(day("2024-03-01"))
        assert milestone.is_overdue(day("2024-03-02"))
        milestone.reached_on = day("2024-03-05")
        assert milestone.is_overdue(day("2024-03-04"))
        assert not milestone.is_overdue(day("2024-03-05"))

    def test_reached_early_is_never_overdue(self, measure):
        milestone = Milestone(
            measure=measure, title="x", due_on=day("2024-03-01"), reached_on=day("2024-02-01")
        )
        assert not milestone.is_overdue(day("2025-01-01"))
