"""Labels kept per process for speed still read in the language of each request."""

import pytest
from django.utils import translation

from tests.factories import ActivityFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db


def test_a_choice_label_follows_the_active_language_every_time():
    activity = ActivityFactory(kind="conference")
    for _ in range(2):
        with translation.override("de"):
            assert activity.get_kind_display() == "Konferenz"
        with translation.override("en"):
            assert activity.get_kind_display() == "conference"


def test_a_value_without_a_label_shows_as_itself():
    activity = ActivityFactory.build(kind="no-such-kind")
    assert activity.get_kind_display() == "no-such-kind"


def test_a_country_name_follows_the_active_language_every_time():
    city = PartnerCityFactory(country="AU")
    for _ in range(2):
        with translation.override("de"):
            assert city.country_name == "Australien"
        with translation.override("en"):
            assert city.country_name == "Australia"


def test_the_pages_name_the_country_and_the_kind_in_the_visitors_language(client):
    city = PartnerCityFactory(country="AU", slug="adelaide-test")
    ActivityFactory(kind="conference").partner_cities.add(city)
    german = client.get(f"/de/partner-und-kooperationsstaedte/{city.slug}/").content.decode()
    english = client.get(f"/en/twin-and-cooperation-cities/{city.slug}/").content.decode()
    assert "Australien" in german and "Konferenz" in german
    assert "Australia" in english and "Australien" not in english and "Conference" in english
