"""Council members see where each measure stands, what changed and what is late."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from core.content import PublicationState
from measures.models import AreaOfAction, Measure, Status
from measures.status import measure_override_status
from tests.factories import MilestoneFactory, ProgressReportFactory, ReportingPeriodFactory
from tests.markup import row_linking_to

from .conftest import day

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"progress:{name}", kwargs=kwargs)


def assert_no_inline_code(html: str):
    assert "<script>" not in html and "<script " not in html
    assert "style=" not in html


class TestOverview:
    def test_paths_in_both_languages(self):
        assert url("overview") == "/en/progress/"
        assert url("measure", slug="1-1") == "/en/progress/1-1/"
        assert url("period_detail", pk=7) == "/en/progress/reports/7/"
        assert url("period_xlsx", pk=7) == "/en/progress/reports/7/xlsx/"
        assert url("overview", "de").startswith("/de/")

    def test_every_measure_with_status_percent_and_charts(self, client, plan):
        measure = Measure.objects.get(number="2.2")
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-05-02"), status=Status.IN_PROGRESS, progress=40
        )
        html = html_of(client.get(url("overview")))
        for number in ["1.1", "2.3", "3.4", "4.3"]:
            assert f">{number}<" in html
        # "in progress" is on every overview, in the status filter and the chart's legend.
        row = row_linking_to(html, "/en/progress/2-2/")
        assert row.one(".status").text == "in progress"
        assert "40 %" in row.text
        assert row.select('time[datetime="2024-05-02"]')
        # Two charts, each named and described for screen readers, with the numbers in a table.
        charts = re.findall(r'<svg class="chart"[^>]*role="img"[^>]*>', html)
        assert len(charts) == 2
        assert 'aria-labelledby="status-chart-title status-chart-desc"' in html
        assert '<title id="progress-chart-title">Mean progress' in html
        in_area = Measure.objects.public().filter(area__number=2).count()
        counts = f"no progress reported yet {in_area - 1}, in progress 1"
        assert f"Area of Action 2, {in_area} measures: {counts}." in html
        # The mean counts the measures with a reported state only; the others have no figure.
        assert "Area of Action 2: 40 %." in html
        assert "Area of Action 1: no progress reported yet." in html
        unreported = Measure.objects.public().count() - 1
        assert f"No progress has been reported yet for {unreported} of the 13 measures." in html
        assert "Measures by status and mean progress in each Area of Action" in html
        assert_no_inline_code(html)

    def test_svg_coordinates_use_decimal_points_in_german(self, client, plan):
        # Area 1's mean of 13 % makes a bar 54.6 units wide.
        ProgressReportFactory(
            measure=Measure.objects.get(number="1.1"),
            reported_on=day("2024-05-02"),
            status=Status.IN_PROGRESS,
            progress=13,
        )
        html = html_of(client.get(url("overview", "de")))
        assert 'width="54.6"' in html
        assert not re.search(r'(x|width)="\d+,\d', html)

    def test_flags_update_due_and_overdue_as_text(self, client, plan, settings):
        settings.PROGRESS_UPDATE_DUE_DAYS = 30
        measure = Measure.objects.get(number="1.2")
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-03-01"), status=Status.IN_PROGRESS, progress=30
        )
        MilestoneFactory(
            measure=measure, title_en="Network meeting hosted", due_on=day("2024-03-10")
        )
        on_time = html_of(client.get(url("overview") + "?as_of=2024-03-10"))
        assert "Update due" not in on_time and "Milestone overdue" not in on_time
        assert "Network meeting hosted" in on_time  # the next milestone
        late = html_of(client.get(url("overview") + "?as_of=2024-03-31"))
        assert "Milestone overdue: Network meeting hosted" in late
        assert "Update due" not in late
        assert "Update due" in html_of(client.get(url("overview") + "?as_of=2024-04-01"))

    def test_filters_by_area_goal_status_and_unit(self, client, plan):
        ProgressReportFactory(
            measure=Measure.objects.get(number="3.2"),
            reported_on=day("2024-05-01"),
            status=Status.IN_PROGRESS,
            progress=10,
        )

        def numbers(query):
            response = client.get(url("overview") + query)
            assert response.status_code == 200
            return [row.measure.number for row in response.context["rows"]]

        assert numbers("?area=2") == ["2.1", "2.2", "2.3"]
        assert numbers("?goal=2") == ["4.1", "4.2", "4.3"]
        assert numbers("?status=in_progress") == ["3.2"]
        assert numbers("?unit=international-affairs-office") == []
        # The status filter applies to the state on the chosen day.
        assert numbers("?status=in_progress&as_of=2024-04-30") == []
        assert numbers("?status=not_reported&as_of=2024-04-30") == [
            m.number for m in Measure.objects.all()
        ]
        assert numbers("?status=planned&as_of=2024-04-30") == []
        assert "3.2" not in numbers("?status=not_reported")
        assert len(numbers("?status=not_reported")) == Measure.objects.count() - 1

    def test_nonsense_filter_values_show_the_page(self, client, plan):
        html = html_of(client.get(url("overview") + "?area=banana&status=exploded"))
        assert "could not be understood and were ignored" in html

    def test_as_of_shows_the_state_on_that_day(self, client, plan):
        measure = Measure.objects.get(number="1.1")
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PREPARATION,
            progress=10,
        )
        ProgressReportFactory(
            measure=measure, reported_on=day("2024-09-01"), status=Status.IN_PROGRESS, progress=40
        )
        response = client.get(url("overview") + "?as_of=2024-06-30")
        html = html_of(response)
        row = response.context["rows"][0]
        assert (row.state.status, row.state.progress) == (Status.IN_PREPARATION, 10)
        assert "The state on" in html and "Show the current state" in html
        current = client.get(url("overview")).context["rows"][0]
        assert (current.state.status, current.state.progress) == (Status.IN_PROGRESS, 40)

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("yesterday", "is not a date"),
            ("2024-02-30", "is not a date"),
            ("20240101", "is not a date"),
            ("%3Cscript%3E", "is not a date"),
            ("9999-12-31", "lies in the future"),
        ],
    )
    def test_malformed_or_future_as_of_explains_and_shows_today(self, client, plan, value, message):
        ProgressReportFactory(
            measure=Measure.objects.get(number="1.1"),
            reported_on=day("2024-03-01"),
            status=Status.IN_PROGRESS,
            progress=40,
        )
        response = client.get(url("overview") + f"?as_of={value}")
        html = html_of(response)
        assert message in html
        assert "The page shows the current state." in html
        assert "<script>" not in html
        assert response.context["rows"][0].state.progress == 40

    def test_override_is_shown_with_its_reason(self, client, plan):
        measure = Measure.objects.get(number="4.1")
        measure_override_status(
            measure=measure,
            status=Status.ON_HOLD,
            progress=20,
            reason_de="Haushaltssperre 2025",
            reason_en="Budget freeze in 2025",
        )
        overview = html_of(client.get(url("overview")))
        assert "set by hand" in overview
        page = html_of(client.get(url("measure", slug="4-1")))
        assert "Status and progress set by hand." in page
        assert "Budget freeze in 2025" in page and "on hold" in page
        assert "Haushaltssperre 2025" in html_of(client.get(url("measure", "de", slug="4-1")))


class TestMeasurePage:
    def test_timeline_of_reports_and_milestones_newest_first(self, client, plan):
        measure = Measure.objects.get(number="1.1")
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PREPARATION,
            progress=10,
            text_en="Partners contacted",
        )
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-09-01"),
            status=Status.IN_PROGRESS,
            progress=40,
            text_en="Exchange started",
        )
        MilestoneFactory(
            measure=measure,
            title_en="Concept agreed",
            due_on=day("2024-04-01"),
            reached_on=day("2024-04-15"),
        )
        MilestoneFactory(measure=measure, title_en="Exchange evaluated", due_on=day("2024-05-01"))
        html = html_of(client.get(url("measure", slug="1-1")))
        timeline = html[html.index('<ol class="timeline">') :]
        order = [
            timeline.index(text)
            for text in [
                "Exchange started",
                "Exchange evaluated",
                "Concept agreed",
                "Partners contacted",
            ]
        ]
        assert order == sorted(order)
        assert "Milestone reached" in timeline and "Milestone overdue" in timeline
        assert "/en/measures/1-1/" in html
        assert_no_inline_code(html)

    def test_german_page_shows_german_content(self, client, plan):
        ProgressReportFactory(
            measure=Measure.objects.get(number="1.1"),
            reported_on=day("2024-03-01"),
            status=Status.IN_PROGRESS,
            progress=10,
        )
        html = html_of(client.get(url("measure", "de", slug="1-1")))
        assert "Bericht vom 2024-03-01" in html
        assert "in Umsetzung" in html

    def test_unpublished_measure_and_reports_stay_hidden(self, client, plan):
        measure = Measure.objects.get(number="1.1")
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-03-01"),
            status=Status.IN_PROGRESS,
            progress=10,
            text_en="Public line",
        )
        ProgressReportFactory(
            measure=measure,
            reported_on=day("2024-04-01"),
            status=Status.IN_PROGRESS,
            progress=20,
            text_en="Secret",
            publication_state=PublicationState.DRAFT,
        )
        html = html_of(client.get(url("measure", slug="1-1")))
        assert "Public line" in html and "Secret" not in html
        Measure.objects.filter(number="4.3").update(publication_state=PublicationState.DRAFT)
        assert client.get(url("measure", slug="4-3")).status_code == 404
        assert "/en/progress/4-3/" not in html_of(client.get(url("overview")))
        assert client.get(url("measure", slug="9-9")).status_code == 404


class TestCouncilReport:
    @pytest.fixture
    def two_periods(self, plan):
        one, two = Measure.objects.get(number="1.1"), Measure.objects.get(number="2.1")
        ProgressReportFactory(
            measure=one, reported_on=day("2024-05-01"), status=Status.PLANNED, progress=0
        )
        ProgressReportFactory(
            measure=one, reported_on=day("2024-10-01"), status=Status.IN_PROGRESS, progress=20
        )
        ProgressReportFactory(
            measure=two, reported_on=day("2024-03-01"), status=Status.IN_PREPARATION, progress=10
        )
        ProgressReportFactory(
            measure=two, reported_on=day("2024-11-01"), status=Status.IN_PREPARATION, progress=30
        )
        # After the second period: must not appear in its report.
        ProgressReportFactory(
            measure=one, reported_on=day("2025-02-01"), status=Status.COMPLETED, progress=100
        )
        MilestoneFactory(
            measure=one,
            title_en="Concept agreed",
            due_on=day("2024-09-01"),
            reached_on=day("2024-08-20"),
        )
        MilestoneFactory(measure=two, title_en="Partners found", due_on=day("2024-12-01"))
        MilestoneFactory(
            measure=two,
            title_en="Old milestone",
            due_on=day("2024-01-01"),
            reached_on=day("2024-02-01"),
        )
        first = ReportingPeriodFactory(
            title_en="First half of 2024", ends_on=day("2024-06-30"), council_document="0815/2024"
        )
        second = ReportingPeriodFactory(
            title_en="Second half of 2024",
            ends_on=day("2024-12-31"),
            council_document="1234/2025",
            decided_on=day("2025-03-01"),
        )
        return first, second

    def test_changes_since_the_previous_period(self, client, two_periods):
        _first, second = two_periods
        response = client.get(url("period_detail", pk=second.pk))
        html = html_of(response)
        report = response.context["report"]
        changes = {row.measure.number: row for row in report.changes}
        assert set(changes) == {"1.1", "2.1"}
        assert changes["1.1"].status_changed
        assert changes["1.1"].progress_delta_display == "+20"
        assert not changes["2.1"].status_changed
        assert changes["2.1"].progress_delta_display == "+20"
        assert "planned → in progress" in html
        assert "1234/2025" in html
        assert 'datetime="2025-03-01"' in html
        # Milestones reached and newly due between the two ends.
        assert [e.milestone.title for e in report.milestones_reached] == ["Concept agreed"]
        assert [e.milestone.title for e in report.milestones_due] == [
            "Concept agreed",
            "Partners found",
        ]
        assert report.milestones_due[1].overdue
        assert "Milestone overdue: Partners found" in html
        # The report dated after the period's end is not shown.
        state = changes["1.1"].state
        assert (state.status, state.progress, state.reported_on) == (
            Status.IN_PROGRESS,
            20,
            day("2024-10-01"),
        )
        assert_no_inline_code(html)

    def test_a_later_report_does_not_change_a_past_period(self, client, two_periods):
        _first, second = two_periods
        page = url("period_detail", pk=second.pk)
        before = [(r.measure.number, r.state) for r in client.get(page).context["report"].rows]
        ProgressReportFactory(
            measure=Measure.objects.get(number="2.1"),
            reported_on=day("2025-03-01"),
            status=Status.IN_PROGRESS,
            progress=60,
        )
        after = [(r.measure.number, r.state) for r in client.get(page).context["report"].rows]
        assert before == after

    def test_first_period_has_nothing_to_compare_with(self, client, two_periods):
        first, _second = two_periods
        html = html_of(client.get(url("period_detail", pk=first.pk)))
        assert "This is the first published report" in html
        assert "0815/2024" in html

    def test_print_stylesheet_puts_each_area_on_a_page(self, client, two_periods):
        html = html_of(client.get(url("period_detail", pk=two_periods[1].pk)))
        assert re.search(r'href="[^"]*css/progress-print\.css" media="print"', html)
        areas = AreaOfAction.objects.public().count()
        assert html.count('<section class="period-area"') == areas
        css = Path(finders.find("css/progress-print.css")).read_text(encoding="utf-8")
        assert "size: A4" in css and ".period-area { break-before: page; }" in css

    def test_list_shows_published_periods_only(self, client, two_periods):
        hidden = ReportingPeriodFactory(
            title_en="Draft period",
            ends_on=day("2025-06-30"),
            publication_state=PublicationState.DRAFT,
        )
        html = html_of(client.get(url("period_list")))
        assert "First half of 2024" in html and "Second half of 2024" in html
        assert "Draft period" not in html
        assert client.get(url("period_detail", pk=hidden.pk)).status_code == 404
        assert client.get(url("period_csv", pk=hidden.pk)).status_code == 404
        assert client.get(url("period_xlsx", pk=hidden.pk)).status_code == 404

    def test_unpublished_period_is_skipped_as_previous(self, client, two_periods):
        first, second = two_periods
        first.publication_state = PublicationState.DRAFT
        first.save()
        html = html_of(client.get(url("period_detail", pk=second.pk)))
        assert "First half of 2024" not in html
        assert "This is the first published report" in html
