"""The first public pages: language prefixes, redirect and the plan's areas and measures."""

import pytest

from tests.markup import parse

pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_visitors_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").headers["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").headers["Location"] == "/de/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/de/"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Handlungsfeld 1", "Weltoffenheit sichtbarer machen"]),
        ("en", ["Area of Action 1", "Making cosmopolitan outlook more visible"]),
    ],
)
def test_home_lists_areas_and_measures_in_the_pages_language(client, plan, language, expected):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    # Not `lang="de"` anywhere: the alternate links' hreflang="de" holds it on every page.
    assert parse(html).one("html").attrs["lang"] == language
    main = parse(html).one("main").text
    for text in expected:
        assert text in main
    for number in ["1.1", "2.3", "3.4", "4.3"]:
        assert f">{number}<" in html
