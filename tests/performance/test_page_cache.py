"""Anonymous pages come from the cache, never stale, never in the wrong language or for staff."""

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from hannover_intl.cache import HEADER, content_changes_deferred, is_cacheable_response
from measures.models import Measure
from partners.models import PartnerCity
from tests.adminforms import admin_form_data
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_second_anonymous_request_is_served_from_the_cache_in_one_round_trip(
    page_cache, visitor, plan, django_assert_num_queries
):
    first = visitor.get("/en/measures/")
    assert first[HEADER] == "miss"
    # The database cache reads the content version and the page in one query; others none.
    with django_assert_num_queries(1 if page_cache == "database" else 0):
        second = visitor.get("/en/measures/")
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


def test_edit_in_the_admin_shows_on_the_next_anonymous_request(
    page_cache, visitor, admin_client, plan
):
    measure = Measure.objects.get(number="1.1")
    for url in ("/en/measures/1-1/", "/en/measures/", "/de/massnahmen/1-1/"):
        visitor.get(url)
        assert visitor.get(url)[HEADER] == "hit"
    change_url = f"/en/admin/measures/measure/{measure.pk}/change/"
    data = admin_form_data(admin_client.get(change_url))
    data.update(title_en="Twin towns, freshly edited", title_de="Partnerstädte, frisch bearbeitet")
    assert admin_client.post(change_url, data).status_code == 302

    detail = visitor.get("/en/measures/1-1/")
    assert detail[HEADER] == "miss"
    assert "Twin towns, freshly edited" in detail.content.decode()
    assert "Twin towns, freshly edited" in visitor.get("/en/measures/").content.decode()
    assert "Partnerstädte, frisch bearbeitet" in visitor.get("/de/massnahmen/1-1/").content.decode()


def test_archiving_takes_the_page_off_at_once(page_cache, visitor, plan):
    assert visitor.get("/en/measures/1-1/").status_code == 200
    assert "Strategic approach to town-twinning" in visitor.get("/en/measures/").content.decode()
    measure = Measure.objects.get(number="1.1")
    measure.publication_state = "archived"
    measure.save()
    assert visitor.get("/en/measures/1-1/").status_code == 404
    assert "Strategic approach" not in visitor.get("/en/measures/").content.decode()


def test_bulk_changes_count_once_they_are_done(page_cache, visitor, plan):
    visitor.get("/en/measures/1-1/")
    with content_changes_deferred():
        Measure.objects.filter(number="1.1").update(title_en="Changed in bulk")
    response = visitor.get("/en/measures/1-1/")
    assert response[HEADER] == "miss"
    assert "Changed in bulk" in response.content.decode()


def test_a_recorded_activity_shows_on_the_cached_city_page_at_once(page_cache, visitor, plan):
    url = "/en/twin-and-cooperation-cities/bristol/"
    visitor.get(url)
    assert visitor.get(url)[HEADER] == "hit"
    activity = ActivityFactory(title_en="Delegation from Bristol, freshly recorded")
    activity.partner_cities.add(PartnerCity.objects.get(slug="bristol"))
    page = visitor.get(url)
    assert page[HEADER] == "miss"
    assert "Delegation from Bristol, freshly recorded" in page.content.decode()


def test_german_is_never_served_at_the_english_url(page_cache, visitor, plan):
    german = visitor.get("/de/massnahmen/1-1/", HTTP_ACCEPT_LANGUAGE="de")
    english = visitor.get("/en/measures/1-1/", HTTP_ACCEPT_LANGUAGE="de")
    again = visitor.get("/en/measures/1-1/", HTTP_ACCEPT_LANGUAGE="de")
    assert german["Content-Language"] == "de"
    assert '<html lang="de">' in german.content.decode()
    for response in (english, again):
        assert response["Content-Language"] == "en"
        assert '<html lang="en">' in response.content.decode()
        assert "Strategic approach to town-twinning" in response.content.decode()
    assert again[HEADER] == "hit"


def test_the_language_redirect_is_never_cached(page_cache, visitor, plan):
    assert visitor.get("/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/de/"
    assert visitor.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"


def test_staff_are_never_served_or_stored_in_the_cache(page_cache, visitor, admin_client, plan):
    admin_client.get("/en/measures/")
    staff = admin_client.get("/en/measures/")
    assert HEADER not in staff
    assert visitor.get("/en/measures/")[HEADER] == "miss"
    assert HEADER not in admin_client.get("/en/measures/")


def test_the_admin_is_never_cached(page_cache, visitor, admin_client, plan):
    for _ in range(2):
        assert admin_client.get("/en/admin/").get(HEADER) is None
        sign_in = visitor.get("/en/admin/login/")
        # Looked up like any page under /en/, but its CSRF token keeps it out of the cache.
        assert sign_in.status_code == 200 and sign_in[HEADER] == "miss"


def test_health_check_is_not_cached(page_cache, visitor):
    for _ in range(2):
        response = visitor.get("/healthz")
        assert response.content == b"ok" and HEADER not in response


def test_visitor_with_a_message_waiting_is_not_served_from_the_cache(page_cache, visitor, plan):
    visitor.get("/en/measures/")
    visitor.cookies["messages"] = "something"
    assert HEADER not in visitor.get("/en/measures/")


def test_posts_are_not_cached(page_cache, visitor, plan):
    visitor.get("/en/search/?q=city")
    response = visitor.post("/en/search/?q=city")
    # Not even looked up: the cache answers GET and HEAD only.
    assert HEADER not in response


def anonymous_get(path: str):
    request = RequestFactory().get(path)
    # The language prefix resolves only in its language, whatever an earlier test left active.
    with translation.override(path.split("/")[1]):
        request.resolver_match = resolve(path)
    request.META["CSRF_COOKIE_USED"] = False
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_page_with_a_message_is_not_stored():
    request = anonymous_get("/en/measures/")
    assert is_cacheable_response(request, HttpResponse("page"))
    request._messages.add(20, "One value was ignored.")
    assert not is_cacheable_response(request, HttpResponse("page"))


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r.set_cookie("sessionid", "x"),
        lambda r: r.__setitem__("Vary", "Cookie, Accept-Language"),
        lambda r: r.__setitem__("Cache-Control", "private"),
        lambda r: setattr(r, "status_code", 404),
    ],
    ids=["sets a cookie", "varies by language", "private", "not found"],
)
def test_responses_that_differ_per_visitor_are_not_stored(change):
    response = HttpResponse("page")
    change(response)
    assert not is_cacheable_response(anonymous_get("/en/measures/"), response)


def test_a_page_with_a_csrf_token_is_not_stored():
    request = anonymous_get("/en/measures/")
    request.META["CSRF_COOKIE_USED"] = True
    assert not is_cacheable_response(request, HttpResponse("page"))


def test_api_and_sitemap_are_cached_per_negotiated_language(page_cache, visitor, plan):
    for url in ("/api/v1/goals/", "/sitemap.xml"):
        german = visitor.get(url, HTTP_ACCEPT_LANGUAGE="de")
        english = visitor.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert (german[HEADER], english[HEADER]) == ("miss", "miss"), url
        again = visitor.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert again[HEADER] == "hit" and again.content == english.content, url


def test_api_answers_change_with_the_content(page_cache, visitor, plan):
    visitor.get("/api/v1/measures/?lang=en")
    Measure.objects.filter(number="1.1").update(title_en="Edited for the API")
    with content_changes_deferred():
        pass
    assert "Edited for the API" in visitor.get("/api/v1/measures/?lang=en").content.decode()


def test_a_small_download_is_kept_once_it_has_been_streamed_whole(page_cache, visitor, plan):
    first = visitor.get("/data/measures.csv")
    assert first.streaming and first[HEADER] == "miss"
    body = first.getvalue()
    second = visitor.get("/data/measures.csv")
    assert second[HEADER] == "hit"
    assert second.content == body
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert second["Content-Type"] == first["Content-Type"]


def test_a_download_left_unread_or_too_large_is_not_kept(page_cache, visitor, plan, settings):
    # A client that went away: the file was never sent whole. (Not response.close(): that sends
    # request_finished, which on PostgreSQL closes the connection the test's transaction runs in.)
    visitor.get("/data/measures.csv")
    assert visitor.get("/data/measures.csv")[HEADER] == "miss"
    settings.PAGE_CACHE_MAX_BYTES = 1000
    assert len(visitor.get("/data/measures.csv").getvalue()) > 1000
    assert visitor.get("/data/measures.csv")[HEADER] == "miss"
