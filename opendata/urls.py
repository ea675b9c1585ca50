"""Public pages about the open data, in German and English: the Open data page and the feed."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .feeds import CityActivityFeed, ProgressReportFeed

app_name = "opendata"

urlpatterns = [
    path(_("open-data/"), views.OpenDataView.as_view(), name="index"),
    path(_("progress-reports/feed/"), ProgressReportFeed(), name="progress_feed"),
    path(
        _("partner-cities/<slug:slug>/activities/feed/"),
        CityActivityFeed(),
        name="city_activity_feed",
    ),
]
