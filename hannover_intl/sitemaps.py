"""The sitemap index and its sections: every public page in German and English, with alternates.

The index names one section per kind of page, and each section is paginated (?p=2, …), so that
no single file grows with the portal.
"""

from functools import cached_property, partial

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.urls import reverse

from measures.models import AreaOfAction, Goal, Measure
from networks.models import EUProject, Network
from partners.models import PartnerCity
from progress.models import ReportingPeriod
from relations.models import Activity

from .models import SitePage

# Pages without an object of their own, by URL name.
LIST_PAGES = [
    "home",
    "plan",
    "measures:area_list",
    "measures:measure_list",
    "progress:overview",
    "progress:period_list",
    "partners:city_list",
    "networks:network_list",
    "networks:project_list",
    "relations:event_list",
    "relations:actor_list",
    "relations:programme_list",
    "opendata:index",
]


class PortalSitemap(Sitemap):
    """List pages once per language, each with its alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True
    # Pages of 1,000 addresses (500 pages in two languages) keep each file near 400 KB and
    # quick to build; the protocol would allow 50,000, which at scale takes seconds.
    limit = 1000

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        # Django makes x-default by dropping /de/, which only the home page survives; elsewhere
        # the German page, the portal's first language, is the default.
        for url in urls:
            german = next(
                (a for a in url["alternates"] if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default" and url["item"][0] != "home" and german:
                    alternate["location"] = german["location"]
        return urls


class ListPagesSitemap(PortalSitemap):
    """The home page, the plan and the lists."""

    def items(self):
        return LIST_PAGES

    def location(self, item):
        return reverse(item)


class LanguagePairs:
    """A lazy sequence of (row, language) pairs that fetches only the rows of the slice asked for.

    Django's i18n sitemap builds every pair in memory to count them, which at scale loads every
    row just to write the index; this counts with the summary query and slices in the database.
    """

    def __init__(self, rows, languages, total_rows: int):
        self.rows = rows
        self.languages = languages
        self.total_rows = total_rows

    def count(self):
        """Return the number of pairs without fetching a row."""
        return self.total_rows * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.count())
        width = len(self.languages)
        first, last = start // width, -(-stop // width)
        pairs = [(row, code) for row in self.rows[first:last] for code in self.languages]
        return pairs[start - first * width : stop - first * width]


class ObjectSitemap(PortalSitemap):
    """The published objects of one model, each on its page.

    SITEMAPS holds factories, so each request gets a fresh instance and may memoize its summary.
    """

    def __init__(self, rows, url_name: str = ""):
        super().__init__()
        self.rows = rows
        self.url_name = url_name

    def items(self):
        return self.rows()

    @cached_property
    def summary(self) -> dict:
        """Return the number of rows and the time of the latest change, in one query."""
        return self.items().aggregate(total=Count("pk"), latest=Max("updated_at"))

    def get_latest_lastmod(self):
        return self.summary["latest"]

    @property
    def paginator(self):
        pairs = LanguagePairs(self.items(), self._languages(), self.summary["total"])
        return Paginator(pairs, self.limit)

    def location(self, item):
        if self.url_name:
            return reverse(self.url_name, kwargs={"slug": item.slug})
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


def published(model, *order):
    """Return a function giving the published rows of `model` in a stable order."""
    return lambda: model.objects.public().order_by(*order or ["pk"])


def objects(model, *order, url_name: str = ""):
    """Return a factory of sitemaps of the published rows of `model`, one per request."""
    return partial(ObjectSitemap, published(model, *order), url_name)


# The sections of the index, by the name in their address /sitemap-<name>.xml.
SITEMAPS = {
    "pages": ListPagesSitemap,
    "site-pages": objects(SitePage, "position"),
    "goals": objects(Goal, "number"),
    "areas": objects(AreaOfAction, "number"),
    "measures": objects(Measure, "area__number", "position"),
    "progress": objects(Measure, "area__number", "position", url_name="progress:measure"),
    "reports": objects(ReportingPeriod, "-ends_on"),
    "cities": objects(PartnerCity, "slug"),
    "networks": objects(Network, "slug"),
    "projects": objects(EUProject, "slug"),
    "activities": objects(Activity, "-starts_on", "-pk"),
}
