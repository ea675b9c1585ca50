"""Root URLconf: every public page exists under /de/ and /en/ with translated paths."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("measures.urls")),
    path("admin/", admin.site.urls),
    # A request to / is redirected to the visitor's language by LocaleMiddleware.
    prefix_default_language=True,
)
