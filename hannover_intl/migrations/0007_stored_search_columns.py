"""Give every table the search reads its words stored and indexed, on PostgreSQL.

The search used to build each row's full-text vector from its long texts on every request, twice
per matching row, and to compare the text in every column of every row: its time grew with the
number of rows. Each table now keeps, as generated columns that PostgreSQL updates on every write,
`search_de` and `search_en` (the row's German and English words as `to_tsvector` reads them, with
a GIN index each) and `search_text` (every language's texts in one column, with a trigram index
on its upper case, which `icontains` compares). A partner city's folded names get a trigram index
of their own.

SQLite has neither full-text vectors nor trigram indexes; its search reads the columns themselves.
A later migration that changes the type of a column named here must drop and add these columns
around it (PostgreSQL refuses to change a column a generated column reads); one that removes such
a column drops them with it, which the search's tests notice.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# The table of each kind of search result and its translated texts, as hannover_intl.search
# names them for that kind. Written out here so that this migration keeps doing what it did.
SEARCHED_TEXTS = {
    "measures_goal": ("title", "description"),
    "measures_areaofaction": ("title", "short_title", "summary", "description"),
    "measures_measure": ("title", "summary", "description"),
    "partners_partnercity": ("name", "description"),
    "networks_network": ("name", "acronym", "role", "description"),
    "networks_euproject": ("title", "aim"),
    "relations_activity": ("title", "description", "venue"),
    "partners_externalpartner": ("name", "description"),
}
CONFIGS = {"de": "german", "en": "english"}
SPACE = "' '"
LINE_BREAK = r"E'\n'"


def joined(columns, separator: str) -> str:
    """Return SQL joining the text of `columns`, an empty text for each one that is NULL."""
    return f" || {separator} || ".join(f"COALESCE({column}::text, '')" for column in columns)


def vector_column(table: str, texts, language: str) -> list[str]:
    # The same expression as Django's SearchVector(*columns, config=...), so ranks are unchanged.
    columns = [f"{text}_{language}" for text in texts]
    expression = f"to_tsvector('{CONFIGS[language]}'::regconfig, {joined(columns, SPACE)})"
    return [
        f"ALTER TABLE {table} ADD COLUMN search_{language} tsvector"
        f" GENERATED ALWAYS AS ({expression}) STORED",
        f"CREATE INDEX {table}_search_{language} ON {table} USING gin (search_{language})",
    ]


def text_column(table: str, texts) -> list[str]:
    # A line break parts the texts: a search never holds one, so no match spans two texts.
    columns = [f"{text}_{language}" for text in texts for language in CONFIGS]
    return [
        f"ALTER TABLE {table} ADD COLUMN search_text text"
        f" GENERATED ALWAYS AS ({joined(columns, LINE_BREAK)}) STORED",
        f"CREATE INDEX {table}_search_text ON {table} USING gin (UPPER(search_text) gin_trgm_ops)",
    ]


def forwards_sql() -> list[str]:
    statements = []
    for table, texts in SEARCHED_TEXTS.items():
        for language in CONFIGS:
            statements += vector_column(table, texts, language)
        statements += text_column(table, texts)
    statements.append(
        "CREATE INDEX partners_partnercity_search_names ON partners_partnercity"
        " USING gin (search_names gin_trgm_ops)"
    )
    return statements


def backwards_sql() -> list[str]:
    statements = ["DROP INDEX partners_partnercity_search_names"]
    for table in SEARCHED_TEXTS:
        # Dropping a column drops its index with it.
        statements.append(
            f"ALTER TABLE {table} DROP COLUMN search_de, DROP COLUMN search_en,"
            f" DROP COLUMN search_text"
        )
    return statements


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """Run the SQL on PostgreSQL and do nothing on any other database."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("hannover_intl", "0006_twin_and_cooperation_city_terms"),
        ("measures", "0014_measure_contact_history"),
        ("partners", "0009_theme_links_confirmed"),
        ("networks", "0009_plausible_dates"),
        ("relations", "0002_plausible_dates"),
    ]

    operations = [
        TrigramExtension(),
        RunSQLOnPostgreSQL(forwards_sql(), backwards_sql()),
    ]
