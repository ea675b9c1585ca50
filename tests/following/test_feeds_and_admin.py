"""The feeds per measure and Area of Action, the follow links on pages, the office's list."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from following.models import Subscription
from progress.services import progress_report_create
from tests.factories import CouncilMemberFactory, DepartmentEditorFactory, OfficeUserFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def reports(plan):
    """Publish a report on 1.1 and 2.1 each, and leave a draft on 1.1."""
    day = datetime.date(2026, 1, 1)
    made = {}
    for number, text in [("1.1", "report one"), ("2.1", "report two")]:
        made[number] = progress_report_create(
            measure=plan.get(number=number),
            reported_on=day,
            status="in_progress",
            progress=30,
            text_de=text,
            text_en=text,
        )
    progress_report_create(
        measure=plan.get(number="1.1"),
        reported_on=day + datetime.timedelta(days=1),
        status="in_progress",
        progress=50,
        text_de="zzdraft",
        text_en="zzdraft",
        publish=False,
    )
    return made


def entries(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}summary") for entry in feed.findall(f"{ATOM}entry")]


@pytest.mark.parametrize(
    ("measure_feed", "area_feed"),
    [
        (
            "/de/sachstandsberichte/feed/massnahmen/1-1/",
            "/de/sachstandsberichte/feed/handlungsfelder/1/",
        ),
        ("/en/progress-reports/feed/measures/1-1/", "/en/progress-reports/feed/areas-of-action/1/"),
    ],
)
def test_a_feed_per_measure_and_area_with_only_their_published_reports(
    client, reports, measure_feed, area_feed
):
    (summary,) = entries(client, measure_feed)
    assert "report one" in summary
    area_summaries = entries(client, area_feed)
    assert any("report one" in text for text in area_summaries)
    assert not any("report two" in text for text in area_summaries)
    assert "zzdraft" not in client.get(measure_feed).content.decode()


def test_feeds_of_hidden_measures_and_areas_are_not_found(client, reports, plan):
    measure = plan.get(number="1.1")
    type(measure).objects.filter(pk=measure.pk).update(publication_state="draft")
    type(measure.area).objects.filter(pk=measure.area_id).update(publication_state="archived")
    for url in [
        "/en/progress-reports/feed/measures/1-1/",
        "/en/progress-reports/feed/areas-of-action/1/",
        "/en/progress-reports/feed/areas-of-action/99/",
    ]:
        assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("page", "feed", "follow"),
    [
        (
            "/en/measures/1-1/",
            "/en/progress-reports/feed/measures/1-1/",
            "/en/follow/measures/1-1/",
        ),
        (
            "/en/progress/1-1/",
            "/en/progress-reports/feed/measures/1-1/",
            "/en/follow/measures/1-1/",
        ),
        (
            "/de/handlungsfelder/1/",
            "/de/sachstandsberichte/feed/handlungsfelder/1/",
            "/de/folgen/handlungsfelder/1/",
        ),
        ("/de/umsetzungsstand/", "/de/sachstandsberichte/feed/", "/de/folgen/"),
    ],
)
def test_pages_name_their_feed_in_the_head_and_link_it_and_the_form(
    client, plan, page, feed, follow
):
    html = client.get(page).content.decode()
    head = html.split("</head>")[0]
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in head
    body = html.split("</head>")[1]
    assert f'href="{feed}"' in body
    assert f'href="{follow}"' in body


@pytest.mark.parametrize(
    "url",
    [
        "/en/progress-reports/feed/measures/1-1/",
        "/en/progress-reports/feed/areas-of-action/1/",
        "/en/follow/measures/1-1/",
        "/en/follow/areas-of-action/1/",
        "/en/follow/",
    ],
)
def test_query_count_does_not_grow_with_the_reports(client, plan, url):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    for day in range(1, 8):
        progress_report_create(
            measure=plan.get(number="1.1"),
            reported_on=datetime.date(2025, 1, day),
            status="in_progress",
            progress=day,
        )
    assert count() == before <= 3


def test_only_the_office_sees_the_subscriptions(client, plan):
    subscription = Subscription.objects.create(
        email="citizen@example.org", language="de", scope="all", confirmed_at=timezone.now()
    )
    office = OfficeUserFactory()
    client.force_login(office)
    listing = client.get("/en/admin/following/subscription/")
    assert listing.status_code == 200
    assert "citizen@example.org" in listing.content.decode()
    # Read-only: no adding, no changing.
    assert client.get("/en/admin/following/subscription/add/").status_code == 403
    response = client.post(
        f"/en/admin/following/subscription/{subscription.pk}/change/",
        {"email": "attacker@example.org", "scope": "all", "language": "en"},
    )
    assert response.status_code == 403
    subscription.refresh_from_db()
    assert subscription.email == "citizen@example.org"

    for attacker in [DepartmentEditorFactory(), CouncilMemberFactory()]:
        client.force_login(attacker)
        assert client.get("/en/admin/following/subscription/").status_code == 403
        assert (
            client.get(f"/en/admin/following/subscription/{subscription.pk}/change/").status_code
            == 403
        )
        response = client.post(
            f"/en/admin/following/subscription/{subscription.pk}/delete/", {"post": "yes"}
        )
        assert response.status_code == 403
        assert "citizen@example.org" not in client.get("/en/admin/").content.decode()
        assert Subscription.objects.filter(pk=subscription.pk).exists()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "/de/datenschutz/",
            ["Art. 6 Abs. 1 Buchst. a DSGVO", "7 Tagen", "Einwilligung", "widerrufen"],
        ),
        ("/en/privacy/", ["Article 6(1)(a) GDPR", "7 days", "consent", "withdraw"]),
    ],
)
def test_the_privacy_statement_describes_the_mail_subscription(client, plan, url, words):
    html = client.get(url).content.decode()
    for word in words:
        assert word in html


@pytest.mark.parametrize(
    "url", ["/de/sachstandsberichte/feed/", "/en/progress-reports/feed/measures/1-1/"]
)
def test_a_feed_reaches_the_server_in_one_piece(client, reports, url):
    # The feed generator writes element by element; sent as such, each piece is a system call.
    response = client.get(url)
    pieces = list(response)
    assert len(pieces) == 1
    assert b"report one" in pieces[0]
