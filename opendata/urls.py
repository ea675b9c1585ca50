"""Public pages about the open data, in German and English: the Open data page and the feeds."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .feeds import (
    AreaProgressReportFeed,
    CityActivityFeed,
    MeasureProgressReportFeed,
    ProgressReportFeed,
)

app_name = "opendata"

urlpatterns = [
    path(_("open-data/"), views.OpenDataView.as_view(), name="index"),
    path(_("progress-reports/feed/"), ProgressReportFeed(), name="progress_feed"),
    path(
        _("progress-reports/feed/measures/<slug:slug>/"),
        MeasureProgressReportFeed(),
        name="measure_progress_feed",
    ),
    path(
        _("progress-reports/feed/areas-of-action/<int:number>/"),
        AreaProgressReportFeed(),
        name="area_progress_feed",
    ),
    path(
        _("partner-cities/<slug:slug>/activities/feed/"),
        CityActivityFeed(),
        name="city_activity_feed",
    ),
]
