"""The datasets the portal publishes: what each holds, its CSV columns and where to get it.

The CSV files are drawn from the API's own serializers, so both always show the same content;
this module only names and explains the columns.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import queries, serializers
from .fields import language_codes

# Several values in one CSV cell, such as the numbers of linked measures.
LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Column:
    """A column of a CSV file, taken from the field `name` of the API's serializer."""

    name: str
    description: Promise
    # A translated field becomes one column per language, e.g. title_de and title_en.
    translated: bool = False
    # Nested objects are written as this key of theirs, such as a theme's slug.
    key: str = "slug"

    def headers(self) -> list[str]:
        """Return the CSV header(s) of this column."""
        if self.translated:
            return [f"{self.name}_{code}" for code in language_codes()]
        return [self.name]

    def documented(self) -> list[tuple[str, str]]:
        """Return each header with its meaning in the active language."""
        if not self.translated:
            return [(self.name, str(self.description))]
        return [
            (f"{self.name}_de", _("{meaning}, in German").format(meaning=self.description)),
            (f"{self.name}_en", _("{meaning}, in English").format(meaning=self.description)),
        ]

    def cells(self, row: dict) -> list[str]:
        """Return this column's cell(s) of one serialized row."""
        value = row.get(self.name)
        if self.translated:
            value = value or {}
            return [cell(value.get(code), self.key) for code in language_codes()]
        return [cell(value, self.key)]


def cell(value, key: str) -> str:
    """Return one CSV cell: lists joined, nested objects as their key, booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return str(value.get(key, ""))
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(item, key) for item in value)
    return str(value)


@dataclass(frozen=True)
class ConfirmedColumn(Column):
    """A column of the linked rows whose link the office has confirmed, from the API's links."""

    # The end of each link in the API's list of links, such as goal.
    end: str = ""

    def cells(self, row: dict) -> list[str]:
        links = row.get(f"{self.end}_links") or []
        return [LIST_SEPARATOR.join(str(link[self.end]) for link in links if link["confirmed"])]


@dataclass(frozen=True)
class ConfirmedRowsColumn(Column):
    """A column of the keys of the nested linked rows whose link the office has confirmed."""

    # The API's field that lists the rows, each with its "confirmed".
    source: str = ""

    def cells(self, row: dict) -> list[str]:
        rows = row.get(self.source) or []
        return [LIST_SEPARATOR.join(str(item[self.key]) for item in rows if item["confirmed"])]


def confirmed_column(plural: str, end: str, description: Promise) -> ConfirmedColumn:
    """Return the column of the `plural` whose assignment the office has confirmed."""
    return ConfirmedColumn(f"{plural}_confirmed", description, end=end)


@dataclass(frozen=True)
class Dataset:
    """A collection the portal publishes as API endpoint, CSV file and, for cities, GeoJSON."""

    slug: str
    title: Promise
    description: Promise
    rows: Callable
    serializer: type
    columns: list[Column] = field(default_factory=list)
    page_url_name: str = ""
    geojson: bool = False

    @property
    def api_url_name(self) -> str:
        return f"api:{API_BASENAMES[self.slug]}-list"

    def headers(self) -> list[str]:
        return [header for column in self.columns for header in column.headers()]


# The API router's name of each dataset's endpoint.
API_BASENAMES = {
    "goals": "goal",
    "areas-of-action": "area",
    "measures": "measure",
    "progress-reports": "progress-report",
    "partner-cities": "partner-city",
    "partnerships": "partnership",
    "networks": "network",
    "eu-projects": "eu-project",
    "activities": "activity",
}

URL = Column("url", gettext_lazy("Address of the page on the public site"), translated=True)
UPDATED = Column(
    "updated_at", gettext_lazy("Last change, date and time in ISO 8601 with time zone offset")
)
THEMES = Column("themes", gettext_lazy("Slugs of the themes, separated by |"))
THEMES_CONFIRMED = confirmed_column(
    "themes",
    "theme",
    gettext_lazy(
        "Slugs of the themes whose assignment the International Affairs Office has "
        "confirmed, separated by |; the others are proposed"
    ),
)
GOALS_CONFIRMED = confirmed_column(
    "goals",
    "goal",
    gettext_lazy(
        "Numbers of the goals whose assignment the International Affairs Office has confirmed, "
        "separated by |; the others are proposed"
    ),
)
MEASURES = Column("measures", gettext_lazy("Numbers of the linked measures, separated by |"))

DATASETS = [
    Dataset(
        slug="goals",
        title=gettext_lazy("Overarching goals"),
        description=gettext_lazy("The three overarching goals of the action plan."),
        rows=queries.goals,
        serializer=serializers.GoalSerializer,
        page_url_name="plan",
        columns=[
            Column("number", gettext_lazy("Number of the goal")),
            Column("title", gettext_lazy("Title"), translated=True),
            Column("description", gettext_lazy("Description"), translated=True),
            Column("areas", gettext_lazy("Numbers of the Areas of Action serving the goal")),
            confirmed_column(
                "areas",
                "area",
                gettext_lazy(
                    "Numbers of the Areas of Action whose assignment the International Affairs "
                    "Office has confirmed, separated by |; the others are proposed"
                ),
            ),
            Column("measures", gettext_lazy("Numbers of the measures serving the goal")),
            confirmed_column(
                "measures",
                "measure",
                gettext_lazy(
                    "Numbers of the measures whose assignment the International Affairs Office "
                    "has confirmed, separated by |; the others are proposed"
                ),
            ),
            Column(
                "city_development_goals",
                gettext_lazy(
                    "Positions of the goals of 'Mein Hannover 2030' behind the goal, separated "
                    "by |"
                ),
                key="position",
            ),
            ConfirmedRowsColumn(
                "city_development_goals_confirmed",
                gettext_lazy(
                    "Positions of the goals of 'Mein Hannover 2030' whose assignment the "
                    "International Affairs Office has confirmed, separated by |; the others are "
                    "proposed"
                ),
                key="position",
                source="city_development_goals",
            ),
            URL,
            UPDATED,
        ],
    ),
    Dataset(
        slug="areas-of-action",
        title=gettext_lazy("Areas of Action"),
        description=gettext_lazy("The four Areas of Action of the action plan."),
        rows=queries.areas,
        serializer=serializers.AreaSerializer,
        page_url_name="measures:area_list",
        columns=[
            Column("number", gettext_lazy("Number of the Area of Action")),
            Column("title", gettext_lazy("Title"), translated=True),
            Column("short_title", gettext_lazy("Short title"), translated=True),
            Column("summary", gettext_lazy("Summary"), translated=True),
            Column("goals", gettext_lazy("Numbers of the goals it serves")),
            GOALS_CONFIRMED,
            Column("measures", gettext_lazy("Numbers of its measures")),
            URL,
            UPDATED,
        ],
    ),
    Dataset(
        slug="measures",
        title=gettext_lazy("Measures"),
        description=gettext_lazy(
            "The measures of the action plan with their status, progress, responsible units "
            "and links to twin and cooperation cities, networks and EU projects."
        ),
        rows=queries.measures,
        serializer=serializers.MeasureSerializer,
        page_url_name="measures:measure_list",
        columns=[
            Column("number", gettext_lazy("Number of the measure, such as 1.2")),
            Column("slug", gettext_lazy("Key of the measure in addresses and the API")),
            Column("area", gettext_lazy("Number of its Area of Action")),
            Column("title", gettext_lazy("Title"), translated=True),
            Column("summary", gettext_lazy("Summary"), translated=True),
            Column(
                "status",
                gettext_lazy(
                    "Status: not_reported (no progress reported yet), planned, in_preparation, "
                    "in_progress, ongoing, completed, on_hold or discontinued"
                ),
            ),
            Column("progress", gettext_lazy("Progress in percent, 0 to 100")),
            Column(
                "status_set_by_hand",
                gettext_lazy("true if the status was set by hand rather than by a report"),
            ),
            Column("priority", gettext_lazy("Priority: high, medium, low or empty")),
            Column("planned_start", gettext_lazy("Planned start, a date in ISO 8601")),
            Column("planned_end", gettext_lazy("Planned end, a date in ISO 8601")),
            Column("goals", gettext_lazy("Numbers of the goals it serves, separated by |")),
            GOALS_CONFIRMED,
            THEMES,
            THEMES_CONFIRMED,
            Column("lead_unit", gettext_lazy("Slug of the lead unit")),
            Column(
                "contributing_units",
                gettext_lazy("Slugs of the contributing units, separated by |"),
            ),
            Column(
                "partner_cities",
                gettext_lazy("Slugs of the linked twin and cooperation cities, separated by |"),
            ),
            Column("networks", gettext_lazy("Slugs of the linked networks, separated by |")),
            Column("eu_projects", gettext_lazy("Slugs of the linked EU projects, separated by |")),
            URL,
            UPDATED,
        ],
    ),
    Dataset(
        slug="progress-reports",
        title=gettext_lazy("Progress reports"),
        description=gettext_lazy(
            "The published progress reports on the measures: status and progress on a given day."
        ),
        rows=queries.progress_reports,
        serializer=serializers.ProgressReportSerializer,
        page_url_name="progress:overview",
        columns=[
            Column("id", gettext_lazy("Number of the report")),
            Column("measure", gettext_lazy("Number of the measure")),
            Column("reported_on", gettext_lazy("Day the report describes, a date in ISO 8601")),
            Column("status", gettext_lazy("Status of the measure on that day")),
            Column("progress", gettext_lazy("Progress in percent on that day, 0 to 100")),
            Column("text", gettext_lazy("Text of the report"), translated=True),
            Column("is_sample", gettext_lazy("true for invented sample data")),
            UPDATED,
        ],
    ),
    Dataset(
        slug="partner-cities",
        title=gettext_lazy("Twin and cooperation cities"),
        description=gettext_lazy(
            "Hannover's twin and cooperation cities with their coordinates and partnerships."
        ),
        rows=queries.partner_cities,
        serializer=serializers.PartnerCitySerializer,
        page_url_name="partners:city_list",
        geojson=True,
        columns=[
            Column("slug", gettext_lazy("Key of the city in addresses and the API")),
            Column("name", gettext_lazy("Name"), translated=True),
            Column("country", gettext_lazy("Country, as ISO 3166-1 alpha-2 code")),
            Column("latitude", gettext_lazy("Latitude in decimal degrees (WGS 84)")),
            Column("longitude", gettext_lazy("Longitude in decimal degrees (WGS 84)")),
            Column(
                "partnerships",
                gettext_lazy("Numbers of its partnerships in the partnerships dataset"),
                key="id",
            ),
            Column("website", gettext_lazy("Website of the city")),
            URL,
            UPDATED,
        ],
    ),
    Dataset(
        slug="partnerships",
        title=gettext_lazy("Partnerships"),
        description=gettext_lazy(
            "Hannover's town twinnings, city cooperations and its cooperations with UNESCO "
            "Cities of Music."
        ),
        rows=queries.partnerships,
        serializer=serializers.PartnershipSerializer,
        page_url_name="partners:city_list",
        columns=[
            Column("id", gettext_lazy("Number of the partnership")),
            Column("city", gettext_lazy("Slug of the twin or cooperation city")),
            Column(
                "kind",
                gettext_lazy("Kind: twin_city, cooperation_city or unesco_city_of_music"),
            ),
            Column("since", gettext_lazy("Year it began")),
            Column("ended_on", gettext_lazy("Day it ended, a date in ISO 8601; empty if active")),
            Column("is_active", gettext_lazy("true while it has not ended")),
            Column("council_decision", gettext_lazy("Council document number of the decision")),
            Column("description", gettext_lazy("Description"), translated=True),
            THEMES,
            THEMES_CONFIRMED,
            Column("coordinating_unit", gettext_lazy("Slug of the coordinating unit")),
            MEASURES,
            UPDATED,
        ],
    ),
    Dataset(
        slug="networks",
        title=gettext_lazy("Networks of cities"),
        description=gettext_lazy(
            "The European and international networks of cities of the action plan, with Hannover's "
            "membership and the date it is stated for. Entries the International Affairs Office "
            "still has to verify are left out; the API gives them with verification=pending."
        ),
        rows=queries.confirmed_networks,
        serializer=serializers.NetworkSerializer,
        page_url_name="networks:network_list",
        columns=[
            Column("slug", gettext_lazy("Key of the network in addresses and the API")),
            Column("name", gettext_lazy("Name"), translated=True),
            Column("acronym", gettext_lazy("Acronym"), translated=True),
            Column("scope", gettext_lazy("Scope: european or international")),
            Column(
                "membership_status",
                gettext_lazy("Membership: member, planned_application, applying or former"),
            ),
            Column(
                "status_as_of",
                gettext_lazy("Date the membership is stated for, a date in ISO 8601"),
            ),
            Column("since", gettext_lazy("Year Hannover joined")),
            Column("role", gettext_lazy("Hannover's role"), translated=True),
            Column("website", gettext_lazy("Website of the network")),
            THEMES,
            THEMES_CONFIRMED,
            MEASURES,
            URL,
            UPDATED,
        ],
    ),
    Dataset(
        slug="eu-projects",
        title=gettext_lazy("EU-funded projects"),
        description=gettext_lazy(
            "The EU-funded projects the City Administration takes or took part in, with the years "
            "of its participation as the source gives them."
        ),
        rows=queries.eu_projects,
        serializer=serializers.EUProjectSerializer,
        page_url_name="networks:project_list",
        columns=[
            Column("slug", gettext_lazy("Key of the project in addresses and the API")),
            Column("acronym", gettext_lazy("Acronym")),
            Column("title", gettext_lazy("Full title"), translated=True),
            Column("aim", gettext_lazy("Aim"), translated=True),
            Column("funding_programme", gettext_lazy("Funding programme")),
            Column(
                "participation_from",
                gettext_lazy("First year of the City Administration's participation"),
            ),
            Column(
                "participation_until",
                gettext_lazy("Last year of the City Administration's participation"),
            ),
            Column("start", gettext_lazy("Start, a date in ISO 8601")),
            Column("end", gettext_lazy("End, a date in ISO 8601")),
            Column("lead_unit", gettext_lazy("Slug of the lead unit")),
            Column(
                "partner_cities",
                gettext_lazy("Slugs of the twin and cooperation cities, separated by |"),
            ),
            THEMES,
            THEMES_CONFIRMED,
            MEASURES,
            Column("website", gettext_lazy("Website of the project")),
            URL,
            UPDATED,
        ],
    ),
    Dataset(
        slug="activities",
        title=gettext_lazy("Activities"),
        description=gettext_lazy(
            "What happens in Hannover's international relations: visits, agreements, council "
            "decisions, exchanges, conferences and events."
        ),
        rows=queries.activities,
        serializer=serializers.ActivitySerializer,
        page_url_name="relations:event_list",
        columns=[
            Column("id", gettext_lazy("Number of the activity")),
            Column("kind", gettext_lazy("Kind of activity")),
            Column("starts_on", gettext_lazy("Day, or first day, a date in ISO 8601")),
            Column("ends_on", gettext_lazy("Last day, a date in ISO 8601; empty for one day")),
            Column("starts_at", gettext_lazy("Start time in Hannover, if any")),
            Column("ends_at", gettext_lazy("End time in Hannover, if any")),
            Column("title", gettext_lazy("Title"), translated=True),
            Column("description", gettext_lazy("Description"), translated=True),
            Column("venue", gettext_lazy("Venue"), translated=True),
            Column("open_to_public", gettext_lazy("true for a public event")),
            Column("council_document", gettext_lazy("Council document number of the decision")),
            Column("links", gettext_lazy("Web links, separated by |")),
            Column(
                "partner_cities",
                gettext_lazy("Slugs of the twin and cooperation cities, separated by |"),
            ),
            Column("networks", gettext_lazy("Slugs of the networks, separated by |")),
            Column("eu_projects", gettext_lazy("Slugs of the EU projects, separated by |")),
            Column("actors", gettext_lazy("Slugs of the local actors, separated by |")),
            Column("units", gettext_lazy("Slugs of the city's units, separated by |")),
            THEMES,
            MEASURES,
            Column("is_sample", gettext_lazy("true for invented sample data")),
            URL,
            UPDATED,
        ],
    ),
]

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
