"""A citizen follows a measure by e-mail, end to end over a real SMTP server, in each language."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.content import PublicationState
from core.workflow import content_transition
from following.models import Subscription
from measures.models import Measure
from progress.services import progress_report_create
from tests.adminforms import admin_form_data
from tests.factories import OfficeUserFactory
from tests.markup import text_of

from .conftest import deliver
from .helpers import link, one_click, parts, raw_unsubscribe_header, unsubscribe_path

pytestmark = pytest.mark.django_db

TEXTS = {
    "de": {
        "sent": "Bitte bestätigen Sie in Ihrem Postfach",
        "confirm_subject": "Bitte bestätigen: Maßnahme 1.1",
        "confirm_body": "jemand, vermutlich Sie selbst",
        "confirm_page": "Abonnement bestätigen",
        "confirmed": "Vielen Dank: Ihr Abonnement ist bestätigt",
        "report_subject": "Neuer Sachstandsbericht: 1.1",
        "report_body": "Erste Treffen mit den Partnerstädten",
        "status": "Status: in Umsetzung",
        "unsubscribed": "Sie erhalten diese E-Mails nicht mehr",
        "confirm_path": "/de/folgen/bestaetigen/",
        "unsubscribe_path": "/de/folgen/abbestellen/",
    },
    "en": {
        "sent": "Please confirm in your mailbox",
        "confirm_subject": "Please confirm: follow Measure 1.1",
        "confirm_body": "someone, probably you",
        "confirm_page": "Confirm your subscription",
        "confirmed": "Thank you: your subscription is confirmed",
        "report_subject": "New progress report: 1.1",
        "report_body": "First meetings with the partner cities",
        "status": "Status: in progress",
        "unsubscribed": "You no longer receive these e-mails",
        "confirm_path": "/en/follow/confirm/",
        "unsubscribe_path": "/en/follow/unsubscribe/",
    },
}


def follow_url(language: str, slug: str = "1-1") -> str:
    with translation.override(language):
        return reverse("following:measure", kwargs={"slug": slug})


def publish_report(measure: Measure, day: int, **texts):
    return progress_report_create(
        measure=measure,
        reported_on=datetime.date(2026, 1, day),
        status="in_progress",
        progress=20 + day,
        text_de=texts.get("de", "Erste Treffen mit den Partnerstädten haben stattgefunden."),
        text_en=texts.get("en", "First meetings with the partner cities took place."),
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_subscribe_confirm_receive_and_unsubscribe_over_smtp(plan, smtp, language):
    texts = TEXTS[language]
    measure = plan.get(number="1.1")
    visitor = Client(enforce_csrf_checks=True)
    form = visitor.get(follow_url(language))
    assert form.status_code == 200
    token = form.cookies["csrftoken"].value

    response = visitor.post(
        follow_url(language),
        {"email": " Citizen@Example.org ", "website": "", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200
    assert texts["sent"] in text_of(response, "main")

    # The confirmation mail, and nothing else.
    (confirmation,) = deliver(smtp)
    assert confirmation["To"] == "citizen@example.org"
    assert str(confirmation["Subject"]).strip().startswith(texts["confirm_subject"])
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(confirmation)
    assert texts["confirm_body"] in text
    confirm_path = link(text, texts["confirm_path"])
    assert confirm_path in html

    # Until confirmed, a publication sends nothing.
    publish_report(measure, 1)
    assert deliver(smtp) == []

    # The link shows a button (so that link checkers confirm nothing); the button confirms.
    page = visitor.get(confirm_path)
    assert texts["confirm_page"] in text_of(page, "main")
    assert not Subscription.objects.get().is_confirmed
    # The signed link is the proof: a browser without cookies confirms as well.
    done = Client(enforce_csrf_checks=True).post(confirm_path)
    assert texts["confirmed"] in text_of(done, "main")

    publish_report(measure, 2)
    (news,) = deliver(smtp)
    assert news["To"] == "citizen@example.org"
    assert str(news["Subject"]).strip().startswith(texts["report_subject"])
    assert news["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(news)
    assert texts["report_body"] in text
    assert texts["report_body"] in html
    assert texts["status"] in text
    header_path = unsubscribe_path(news)
    assert raw_unsubscribe_header(news) == f"<{settings.SITE_URL}{header_path}>".encode()
    assert b"\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in news.raw
    assert header_path.startswith(texts["unsubscribe_path"])
    assert header_path in text
    assert header_path in html

    # One click in the mail program, without a session or CSRF token.
    response = one_click(header_path)
    assert response.status_code == 200
    assert texts["unsubscribed"] in text_of(response, "main")
    assert not Subscription.objects.exists()

    publish_report(measure, 3)
    assert deliver(smtp) == []


def test_the_mail_comes_in_the_language_subscribed_in(plan, smtp, client):
    measure = plan.get(number="1.1")
    for language, address in [("de", "de@example.org"), ("en", "en@example.org")]:
        client.post(follow_url(language), {"email": address})
    for confirmation in deliver(smtp):
        # The first link of the mail is the confirmation link.
        client.post(link(parts(confirmation)[0], "/"))
    assert Subscription.objects.filter(confirmed_at__isnull=False).count() == 2

    publish_report(measure, 4)
    subjects = {message["To"]: str(message["Subject"]).strip() for message in deliver(smtp)}
    assert subjects["de@example.org"].startswith("Neuer Sachstandsbericht: 1.1")
    assert subjects["en@example.org"].startswith("New progress report: 1.1")


def confirmed(email: str, **target) -> Subscription:
    from django.utils import timezone

    return Subscription.objects.create(
        email=email, language="en", confirmed_at=timezone.now(), **target
    )


def test_area_and_overview_followers_hear_of_a_report_once_per_address(plan, smtp):
    measure = plan.get(number="1.1")
    other_area = plan.exclude(area=measure.area).first().area
    confirmed("measure-and-all@example.org", scope="measure", measure=measure)
    confirmed("measure-and-all@example.org", scope="all")
    confirmed("area@example.org", scope="area", area=measure.area)
    confirmed("all@example.org", scope="all")
    confirmed("other-area@example.org", scope="area", area=other_area)
    confirmed("other-measure@example.org", scope="measure", measure=plan.get(number="2.1"))
    Subscription.objects.create(email="unconfirmed@example.org", language="en", scope="all")

    publish_report(measure, 5)
    messages = deliver(smtp)
    recipients = sorted(message["To"] for message in messages)
    assert recipients == ["all@example.org", "area@example.org", "measure-and-all@example.org"]
    # The one who follows the measure and everything is told as a follower of the measure.
    both = next(m for m in messages if m["To"] == "measure-and-all@example.org")
    assert "because you follow Measure 1.1" in parts(both)[0]


def test_a_report_published_through_the_workflow_is_announced_once(plan, smtp):
    measure = plan.get(number="1.1")
    confirmed("citizen@example.org", scope="measure", measure=measure)
    office = OfficeUserFactory()
    report = progress_report_create(
        measure=measure,
        reported_on=datetime.date(2026, 2, 1),
        status="in_progress",
        progress=40,
        text_en="Draft text",
        publish=False,
    )
    content_transition(obj=report, target=PublicationState.REVIEW, user=office)
    assert deliver(smtp) == []
    content_transition(obj=report, target=PublicationState.PUBLISHED, user=office)
    assert [message["To"] for message in deliver(smtp)] == ["citizen@example.org"]

    # An edit of the published report, or publishing it again after archiving, tells no one.
    report.refresh_from_db()
    report.text_en = "Corrected text"
    report.save()
    for state in ["archived", "draft", "review", "published"]:
        content_transition(obj=report, target=state, user=office)
    assert deliver(smtp) == []


def test_sample_reports_and_reports_of_hidden_measures_are_not_announced(plan, smtp):
    measure = plan.get(number="1.1")
    confirmed("citizen@example.org", scope="all")
    progress_report_create(
        measure=measure,
        reported_on=datetime.date(2026, 3, 1),
        status="in_progress",
        progress=40,
        is_sample=True,
    )
    Measure.objects.filter(pk=measure.pk).update(publication_state=PublicationState.DRAFT)
    measure.refresh_from_db()
    publish_report(measure, 6)
    assert deliver(smtp) == []


def test_the_office_publishing_a_report_in_the_admin_tells_the_followers(plan, smtp, client):
    measure = plan.get(number="1.1")
    confirmed("citizen@example.org", scope="measure", measure=measure)
    report = progress_report_create(
        measure=measure,
        reported_on=datetime.date(2026, 4, 1),
        status="in_progress",
        progress=60,
        text_en="Published from the admin.",
        publish=False,
    )
    client.force_login(OfficeUserFactory())
    url = f"/en/admin/progress/progressreport/{report.pk}/change/"
    data = admin_form_data(client.get(url))
    data["publication_state"] = "published"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    (news,) = deliver(smtp)
    assert "Published from the admin." in parts(news)[0]
