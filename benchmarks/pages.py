"""Every public page type and API collection, as URLs on the data in the database.

Shared by the query budget tests (tests/performance/) and the load benchmark (run.py), so that
both cover the same pages. To cover a new API collection, add its router basename to
API_COLLECTIONS; a new page type, to PAGES.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import translation

LANGUAGES = ("de", "en")
# Router basenames of the JSON API's collections under /api/v1/ (opendata/api_urls.py).
API_COLLECTIONS = (
    "goal",
    "area",
    "measure",
    "progress-report",
    "partner-city",
    "partnership",
    "network",
    "eu-project",
    "activity",
)
SEARCH_TERMS = {"de": "Stadt", "en": "city"}


@dataclass(frozen=True)
class Page:
    """One page type: its name, URL name and how to find the object it shows."""

    name: str
    url_name: str
    kwargs: object = None  # a function returning the URL's keyword arguments, or None
    query: str = ""


def _latest(model, **filters):
    """Return the published object of `model` created last, synthetic when there is some."""
    return model.objects.public().filter(**filters).order_by("-pk").first()


def _measure():
    from measures.models import Measure

    return {"slug": _latest(Measure).slug}


def _goal():
    from measures.models import Goal

    return {"number": _latest(Goal).number}


def _area():
    from measures.models import AreaOfAction

    return {"number": _latest(AreaOfAction).number}


def _period():
    from progress.models import ReportingPeriod

    return {"pk": ReportingPeriod.objects.public().order_by("-ends_on").first().pk}


def _city():
    from partners.models import PartnerCity

    return {"slug": _latest(PartnerCity).slug}


def _network():
    from networks.models import Network

    return {"slug": _latest(Network).slug}


def _project():
    from networks.models import EUProject

    return {"slug": _latest(EUProject).slug}


def _activity():
    from relations.models import Activity

    return {"pk": Activity.objects.public().order_by("-pk").first().pk}


def _event():
    from relations.models import Activity

    return {"pk": Activity.objects.public().events().order_by("-pk").first().pk}


PAGES = (
    Page("home", "home"),
    Page("plan", "plan"),
    Page("goal", "measures:goal_detail", _goal),
    Page("area list", "measures:area_list"),
    Page("area", "measures:area_detail", _area),
    Page("measure list", "measures:measure_list"),
    # Filtering by goal or theme follows links the office may not have confirmed yet.
    Page("measure list by goal", "measures:measure_list", query="goal=1"),
    Page("measure list by theme", "measures:measure_list", query="theme=europe"),
    Page("measure", "measures:measure_detail", _measure),
    Page("progress overview", "progress:overview"),
    Page("progress overview by goal", "progress:overview", query="goal=3"),
    Page("measure timeline", "progress:measure", _measure),
    Page("period list", "progress:period_list"),
    Page("council report", "progress:period_detail", _period),
    Page("council report CSV", "progress:period_csv", _period),
    Page("council report XLSX", "progress:period_xlsx", _period),
    Page("city list", "partners:city_list"),
    Page("city", "partners:city_detail", _city),
    Page("network list", "networks:network_list"),
    Page("network", "networks:network_detail", _network),
    Page("project list", "networks:project_list"),
    Page("project", "networks:project_detail", _project),
    Page("search", "search", query="q={term}"),
    Page("site page", "site_page_contact"),
    Page("open data", "opendata:index"),
    Page("progress feed", "opendata:progress_feed"),
    Page("activity", "relations:activity_detail", _activity),
    Page("event list", "relations:event_list"),
    Page("event calendar file", "relations:event_file", _event),
    Page("events calendar", "relations:event_feed"),
    Page("local actor list", "relations:actor_list"),
    Page("funding programme list", "relations:programme_list"),
    Page("city activity feed", "opendata:city_activity_feed", _city),
    Page("measure feed", "opendata:measure_progress_feed", _measure),
    Page("area feed", "opendata:area_progress_feed", _area),
    Page("follow by e-mail (all)", "following:all"),
    Page("follow by e-mail (area)", "following:area", _area),
    Page("follow by e-mail (measure)", "following:measure", _measure),
)
# Pages without a language prefix.
MACHINE_PAGES = (
    Page("sitemap index", "sitemap"),
    Page("sitemap section (cities)", "sitemap-section", lambda: {"section": "cities"}),
)


# Whole documents by design, excepted from the bounds of issue 18: the council report lists
# every measure of its period, the subscribable calendar every public event (issue 16), and the
# downloads every row.
WHOLE_DOCUMENTS = ("council report", "events calendar")
# Paginated, but at 1x their first page is not full yet: they grow up to their page size, no
# further (issue 18: "beyond its page size").
FILL_THEIR_PAGE = {
    *(
        f"{name} ({language})"
        for name in (
            "area list",
            "measure list by goal",
            "measure list by theme",
            "progress overview by goal",
            "project list",
            "event list",
            "local actor list",
            "funding programme list",
        )
        for language in LANGUAGES
    ),
    # A goal's page shows the first 20 confirmed and 20 proposed Areas of Action and measures
    # (measures.views.GOAL_LINKS_SHOWN) and links to the lists of all: at 1x it shows fewer.
    *(f"goal ({language})" for language in LANGUAGES),
    # A sitemap section lists up to PortalSitemap.limit (1,000) cities, then goes on in ?p=2.
    "sitemap section (cities)",
    "API goal",
    "API area",
    "API measure",
    "API network",
    "API eu-project",
    "API activity",
}


def is_bounded(name: str) -> bool:
    """Return whether the page's size may not grow with the data at all."""
    return not name.startswith(WHOLE_DOCUMENTS) and name not in FILL_THEIR_PAGE


def page_urls() -> dict[str, str]:
    """Return {"name (language)": URL} for every page type in both languages that exists."""
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            for page in PAGES:
                url = _url(page, SEARCH_TERMS[language])
                if url:
                    urls[f"{page.name} ({language})"] = url
    for page in MACHINE_PAGES:
        url = _url(page, "")
        if url:
            urls[page.name] = url
    return urls


def api_urls() -> dict[str, str]:
    """Return {"API name": URL} for every collection of the JSON API that is installed."""
    urls = {}
    for basename in API_COLLECTIONS:
        try:
            urls[f"API {basename}"] = reverse(f"api:{basename}-list")
        except NoReverseMatch:
            continue
    return urls


def _url(page: Page, term: str) -> str:
    """Return the page's URL, or "" where its URL or its object does not exist."""
    try:
        kwargs = page.kwargs() if page.kwargs else {}
        url = reverse(page.url_name, kwargs=kwargs)
    except (NoReverseMatch, AttributeError):
        return ""
    return f"{url}?{page.query.format(term=term)}" if page.query else url
