"""Addresses of the JSON API under /api/v1/, without a language prefix."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from . import api, views

app_name = "api"

router = SimpleRouter()
router.register("goals", api.GoalViewSet, basename="goal")
router.register("areas-of-action", api.AreaViewSet, basename="area")
router.register("measures", api.MeasureViewSet, basename="measure")
router.register("progress-reports", api.ProgressReportViewSet, basename="progress-report")
router.register("partner-cities", api.PartnerCityViewSet, basename="partner-city")
router.register("partnerships", api.PartnershipViewSet, basename="partnership")
router.register("networks", api.NetworkViewSet, basename="network")
router.register("eu-projects", api.EUProjectViewSet, basename="eu-project")
router.register("activities", api.ActivityViewSet, basename="activity")

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", views.APIDocsView.as_view(), name="docs"),
    *router.urls,
]
