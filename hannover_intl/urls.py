"""Root URLconf: every public page exists under /de/ and /en/ with translated paths."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import health, search, views
from .models import SitePage, site_page_url_name
from .sitemaps import SITEMAPS

# Site pages have a path of their own in each language, e.g. /de/impressum/ and /en/legal-notice/.
SITE_PAGE_PATHS = {
    SitePage.Slug.CONTACT: _("contact/"),
    SitePage.Slug.LEGAL_NOTICE: _("legal-notice/"),
    SitePage.Slug.PRIVACY: _("privacy/"),
    SitePage.Slug.ACCESSIBILITY: _("accessibility/"),
    SitePage.Slug.EASY_READ: _("easy-read/"),
}

urlpatterns = i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path(_("the-plan/"), views.PlanView.as_view(), name="plan"),
    path(_("search/"), search.SearchView.as_view(), name="search"),
    *(
        path(route, views.SitePageView.as_view(slug=slug), name=site_page_url_name(slug))
        for slug, route in SITE_PAGE_PATHS.items()
    ),
    path("", include("measures.urls")),
    path("", include("partners.urls")),
    path("", include("networks.urls")),
    path("", include("progress.urls")),
    path("", include("relations.urls")),
    path("", include("opendata.urls")),
    path("", include("following.urls")),
    path("admin/", admin.site.urls),
    # A request to / is redirected to the visitor's language by LocaleMiddleware.
    prefix_default_language=True,
)

# Data for machines needs no language prefix: the API, downloads, sitemap and robots.txt.
urlpatterns += [
    path("api/v1/", include("opendata.api_urls")),
    path("data/", include("opendata.data_urls")),
    # The sitemap is an index of one section per kind of page, so no file grows with the portal.
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    # The load balancer's health check, also the bare view that benchmarks/run.py measures.
    path("healthz", health.healthz, name="healthz"),
]
