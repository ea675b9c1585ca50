"""Public pages of the twin and cooperation cities."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from . import views

app_name = "partners"

urlpatterns = [
    path(_("twin-and-cooperation-cities/"), views.CityListView.as_view(), name="city_list"),
    path(
        _("twin-and-cooperation-cities/<slug:slug>/"),
        views.CityDetailView.as_view(),
        name="city_detail",
    ),
    # The pages' first addresses named all 25 cities 'partner cities', which in German means twin
    # cities only; links and bookmarks to them keep working, with their filters.
    path(
        _("partner-cities/"),
        RedirectView.as_view(pattern_name="partners:city_list", permanent=True, query_string=True),
    ),
    path(
        _("partner-cities/<slug:slug>/"),
        RedirectView.as_view(pattern_name="partners:city_detail", permanent=True),
    ),
]
