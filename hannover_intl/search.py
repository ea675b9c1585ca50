"""Search across the plan, partner cities, networks, EU projects, activities and local actors.

On PostgreSQL the search reads each table's stored words and texts (migration 0007 of this app
keeps them, indexed), so its time follows the number of matches, not of rows; on SQLite it reads
the texts themselves.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Q, TextField
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core.i18n import q_any_language
from core.text import fold
from measures.models import AreaOfAction, Goal, Measure
from networks.models import EUProject, Network
from partners.models import ExternalPartner, PartnerCity
from relations.models import Activity

MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 25
SEARCH_CONFIGS = {"de": "german", "en": "english"}
LONE_DASHES = re.compile(r"-+(?!\w)")


@dataclass
class SearchKind:
    """One kind of content the search looks through, with the fields it reads."""

    key: str
    label: str
    queryset: object
    fields: tuple[str, ...]
    # The columns a result shows and links with: the rows are wide, with each text per language.
    shown: tuple[str, ...] = ()
    folded_field: str = ""
    results: list = field(default_factory=list)


def searchable_kinds() -> list[SearchKind]:
    """Return every kind of published content, in the order results are shown."""
    return [
        SearchKind(
            "goals",
            _("Overarching goals"),
            Goal.objects.public(),
            ("title", "description"),
            shown=("number", "title"),
        ),
        SearchKind(
            "areas",
            _("Areas of Action"),
            AreaOfAction.objects.public(),
            ("title", "short_title", "summary", "description"),
            shown=("number", "title", "summary"),
        ),
        SearchKind(
            "measures",
            _("Measures"),
            Measure.objects.public().order_by("area__number", "position"),
            ("title", "summary", "description"),
            shown=("number", "slug", "title", "summary"),
        ),
        SearchKind(
            "cities",
            _("Twin and cooperation cities"),
            PartnerCity.objects.public(),
            ("name", "description"),
            shown=("slug", "name", "country"),
            folded_field="search_names",
        ),
        SearchKind(
            "networks",
            _("Networks"),
            Network.objects.public(),
            ("name", "acronym", "role", "description"),
            shown=("slug", "name", "acronym"),
        ),
        SearchKind(
            "projects",
            _("EU projects"),
            EUProject.objects.public(),
            ("title", "aim"),
            shown=("slug", "acronym", "aim"),
        ),
        SearchKind(
            "activities",
            _("Activities"),
            Activity.objects.public().newest_first(),
            ("title", "description", "venue"),
            shown=("title", "starts_on", "is_sample"),
        ),
        SearchKind(
            "actors",
            _("Local actors"),
            ExternalPartner.objects.public(),
            ("name", "description"),
            shown=("slug", "name", "is_sample"),
        ),
    ]


def matching(kind: SearchKind, text: str):
    """Return the rows of `kind` that contain `text`, best first, with the columns it shows."""
    kind.queryset = kind.queryset.only(*kind.shown)
    if connection.vendor == "postgresql":
        rows = ranked_by_full_text(kind, text)
    else:
        rows = kind.queryset.filter(containing(kind, text))
    return rows[:RESULTS_PER_KIND]


def containing(kind: SearchKind, text: str) -> Q:
    """Return the condition that one of the texts of `kind`, in any language, contains `text`."""
    condition = Q()
    for name in kind.fields:
        condition |= q_any_language(name, "icontains", text)
    return condition | folded_names_containing(kind, text)


def folded_names_containing(kind: SearchKind, text: str) -> Q:
    """Return the condition that the names of `kind` written without accents contain `text`."""
    if not kind.folded_field:
        return Q()
    return Q(**{f"{kind.folded_field}__contains": fold(text)})


def stored(kind: SearchKind, column: str, output_field) -> RawSQL:
    """Return a column that migration 0007 keeps beside the texts of `kind`, on PostgreSQL."""
    return RawSQL(f'"{kind.queryset.model._meta.db_table}"."{column}"', [], output_field)


def full_text_words(text: str) -> str:
    """Return `text` without the dashes that negate nothing, for websearch_to_tsquery."""
    # A long run of such dashes overflows PostgreSQL's tsquery stack, a server error otherwise.
    return LONE_DASHES.sub(" ", text)


def ranked_by_full_text(kind: SearchKind, text: str):
    """Return matches found by PostgreSQL's full-text search in the page's language, ranked."""
    language = (get_language() or "de")[:2]
    language = language if language in SEARCH_CONFIGS else "de"
    config = SEARCH_CONFIGS[language]
    vector = stored(kind, f"search_{language}", SearchVectorField())
    query = SearchQuery(full_text_words(text), config=config, search_type="websearch")
    # Full text finds inflected forms; the substring condition keeps compounds such as
    # 'Klimaschutz' for 'Klima', which German stemming does not split. A match is the query's
    # @@, not a rank above 0: ts_rank gives rows that do not match a phrase a rank of 1e-20.
    # Both read stored, indexed columns, so no row's texts are read unless it matches.
    condition = Q(document=query) | Q(texts__icontains=text) | folded_names_containing(kind, text)
    return (
        kind.queryset.alias(
            document=vector,
            texts=stored(kind, "search_text", TextField()),
            rank=SearchRank(vector, query),
        )
        .filter(condition)
        .order_by("-rank", *(kind.queryset.query.order_by or kind.queryset.model._meta.ordering))
    )


class SearchView(TemplateView):
    """Show the search form and the results, grouped by kind."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        # No text has control characters; PostgreSQL refuses a NUL byte in a query outright.
        typed = "".join(char for char in self.request.GET.get("q", "") if char.isprintable())
        text = " ".join(typed.split())[:MAX_QUERY_LENGTH]
        kinds = searchable_kinds() if text else []
        for kind in kinds:
            kind.results = list(matching(kind, text))
        found = [kind for kind in kinds if kind.results]
        return super().get_context_data(
            query=text,
            groups=found,
            total=sum(len(kind.results) for kind in found),
            **kwargs,
        )
