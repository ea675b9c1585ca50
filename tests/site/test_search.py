"""The search reads stored words on PostgreSQL: every searched text is stored, and kept current."""

import re

import pytest
from django.db import connection

from hannover_intl.search import searchable_kinds
from networks.models import Network
from tests.factories import NetworkFactory

LANGUAGES = ("de", "en")
COLUMN = re.compile(r"\b(\w+_(?:de|en))\b")


def needs_postgresql():
    if connection.vendor != "postgresql":
        # SQLite's search reads the texts themselves; .ci/run's second pass runs this.
        pytest.skip("needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres")


def generated_columns(table: str) -> dict[str, str]:
    """Return {column: expression} of the generated columns of `table`."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, generation_expression FROM information_schema.columns"
            " WHERE table_name = %s AND is_generated = 'ALWAYS'",
            [table],
        )
        return dict(cursor.fetchall())


def found(client, url: str, query: str, kind: str) -> list[str]:
    """Return the titles of the results of `kind` that the search at `url` shows for `query`."""
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    groups = {group.key: group.results for group in response.context["groups"]}
    return [str(result) for result in groups.get(kind, [])]


@pytest.mark.django_db
def test_every_text_the_search_reads_is_stored_in_each_language():
    needs_postgresql()
    for kind in searchable_kinds():
        table = kind.queryset.model._meta.db_table
        columns = {
            name: set(COLUMN.findall(expression))
            for name, expression in generated_columns(table).items()
        }
        for language in LANGUAGES:
            # Exactly the kind's texts, each in its own language's words.
            expected = {f"{field}_{language}" for field in kind.fields}
            assert columns.get(f"search_{language}") == expected, (table, language)
        every_language = {f"{field}_{language}" for field in kind.fields for language in LANGUAGES}
        assert columns.get("search_text") == every_language, table


def test_a_network_is_found_by_an_inflected_form_of_its_words(client, plan):
    needs_postgresql()
    NetworkFactory(
        name_de="Bündnis der Hafenorte",
        name_en="Alliance of harbour towns",
        description_de="Die Städte Europas lernen voneinander.",
        description_en="Cities of Europe learn from each other.",
    )
    # Neither 'Stadt' nor 'city' occurs as such: German and English stemming find them.
    assert "Bündnis der Hafenorte" in found(client, "/de/suche/", "Stadt", "networks")
    assert "Alliance of harbour towns" in found(client, "/en/search/", "city", "networks")


def test_an_edited_text_is_found_by_its_new_words_on_the_next_request(client, plan):
    network = NetworkFactory(name_de="Bündnis der Hafenorte", name_en="Alliance of harbour towns")
    assert found(client, "/en/search/", "lighthouse", "networks") == []
    Network.objects.filter(pk=network.pk).update(role_en="Keeps a lighthouse archive.")
    assert found(client, "/en/search/", "lighthouse", "networks") == ["Alliance of harbour towns"]
    # Any language's text matches as a substring; the German word on the English site too.
    network.refresh_from_db()
    network.description_de = "Ein Leuchtturmprojekt der Küstenstädte."
    network.save()
    assert found(client, "/en/search/", "leuchtturm", "networks") == ["Alliance of harbour towns"]
    assert found(client, "/de/suche/", "lighthouse", "networks") == ["Bündnis der Hafenorte"]
