"""The Open data page and the API documentation, in German and English."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from opendata.datasets import DATASETS

pytestmark = pytest.mark.django_db


def open_data_url(language: str) -> str:
    with translation.override(language):
        return reverse("opendata:index")


def test_open_data_page_has_a_translated_address():
    assert open_data_url("de") == "/de/offene-daten/"
    assert open_data_url("en") == "/en/open-data/"


@pytest.mark.parametrize(
    ("language", "heading", "dataset", "licence_words"),
    [
        ("de", "Offene Daten", "Maßnahmen", "unter der Lizenz"),
        ("en", "Open data", "Measures", "under the licence"),
    ],
)
def test_open_data_page_lists_datasets_formats_and_licence(
    client, content, language, heading, dataset, licence_words
):
    response = client.get(open_data_url(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="kern-heading-x-large">{heading}</h1>' in html
    assert f'<h3 class="kern-heading-small" id="dataset-measures">{dataset}</h3>' in html
    assert licence_words in html
    assert 'href="https://www.govdata.de/dl-de/by-2-0"' in html
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    for each in DATASETS:
        assert f'href="/data/{each.slug}.csv"' in html
        assert f"<code>{each.headers()[0]}</code>" in html
    assert 'href="/data/partner-cities.geojson"' in html
    assert 'href="/api/v1/docs/"' in html
    assert 'href="/data/catalog.ttl"' in html and 'href="/data/catalog.jsonld"' in html


def test_licence_comes_from_the_setting(client, content, settings):
    settings.OPEN_DATA_LICENCE = {
        "name": "Creative Commons Namensnennung 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "uri": "http://dcat-ap.de/def/licenses/cc-by/4.0",
    }
    html = client.get(open_data_url("en")).content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert "Datenlizenz Deutschland" not in html


@pytest.mark.parametrize(("language", "label"), [("de", "Offene Daten"), ("en", "Open data")])
def test_footer_links_to_the_open_data_page(client, plan, language, label):
    html = client.get(f"/{language}/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<a class="kern-link" href="{open_data_url(language)}">{label}</a>' in footer


def test_api_docs_load_swagger_ui_from_our_own_static_files_only(client, content):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-schema-url="/api/v1/openapi.json"' in html
    assert '<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>' in html
    assert '<script src="/static/js/api-docs.js"></script>' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html and "<style" not in html
    for address in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert urlsplit(urljoin("http://testserver/", address)).netloc == "testserver", address
    assert 'href="/api/v1/openapi.json"' in html, "readers without JavaScript get the description"


def test_swagger_ui_and_its_starter_are_served(client):
    for path in ["/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/js/api-docs.js"]:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content)
        assert body
    starter = b"".join(client.get("/static/js/api-docs.js").streaming_content).decode()
    assert "validatorUrl: null" in starter
    assert "http" not in starter
