"""The sitemap: every public page in German and English, with its hreflang alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from hannover_intl.models import SitePage
from measures.models import AreaOfAction, Goal, Measure
from networks.models import EUProject, Network
from partners.models import PartnerCity
from progress.models import ReportingPeriod

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
    "opendata:index",
]


class PortalSitemap(Sitemap):
    """List pages once per language, each with its alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True

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


class ObjectSitemap(PortalSitemap):
    """The published objects of one model, each on its page."""

    def __init__(self, rows, url_name: str = ""):
        super().__init__()
        self.rows = rows
        self.url_name = url_name

    def items(self):
        return self.rows()

    def location(self, item):
        if self.url_name:
            return reverse(self.url_name, kwargs={"slug": item.slug})
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


def published(model, *order):
    """Return a function giving the published rows of `model` in a stable order."""
    return lambda: model.objects.published().order_by(*order or ["pk"])


SITEMAPS = {
    "pages": ListPagesSitemap(),
    "site-pages": ObjectSitemap(published(SitePage, "position")),
    "goals": ObjectSitemap(published(Goal, "number")),
    "areas": ObjectSitemap(published(AreaOfAction, "number")),
    "measures": ObjectSitemap(published(Measure, "area__number", "position")),
    "progress": ObjectSitemap(published(Measure, "area__number", "position"), "progress:measure"),
    "reports": ObjectSitemap(published(ReportingPeriod, "-ends_on")),
    "cities": ObjectSitemap(published(PartnerCity, "slug")),
    "networks": ObjectSitemap(published(Network, "slug")),
    "projects": ObjectSitemap(published(EUProject, "slug")),
}
