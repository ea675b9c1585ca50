"""Public progress pages: overview, council reports and each measure's timeline."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "progress"

# The reports come before <slug>, so that "reports" is never read as a measure.
urlpatterns = [
    path(_("progress/"), views.ProgressOverviewView.as_view(), name="overview"),
    path(_("progress/reports/"), views.PeriodListView.as_view(), name="period_list"),
    path(_("progress/reports/<int:pk>/"), views.PeriodDetailView.as_view(), name="period_detail"),
    path(_("progress/reports/<int:pk>/csv/"), views.PeriodCSVView.as_view(), name="period_csv"),
    path(_("progress/reports/<int:pk>/xlsx/"), views.PeriodXLSXView.as_view(), name="period_xlsx"),
    path(_("progress/<slug:slug>/"), views.MeasureProgressView.as_view(), name="measure"),
]
