"""Public pages of partner cities."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "partners"

urlpatterns = [
    path(_("partner-cities/"), views.CityListView.as_view(), name="city_list"),
    path(_("partner-cities/<slug:slug>/"), views.CityDetailView.as_view(), name="city_detail"),
]
