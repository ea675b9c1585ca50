"""Public pages of the plan: goals, Areas of Action and measures."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "measures"

urlpatterns = [
    path(_("goals/<int:number>/"), views.GoalDetailView.as_view(), name="goal_detail"),
    path(_("areas-of-action/"), views.AreaListView.as_view(), name="area_list"),
    path(_("areas-of-action/<int:number>/"), views.AreaDetailView.as_view(), name="area_detail"),
    path(_("measures/"), views.MeasureListView.as_view(), name="measure_list"),
    path(_("measures/<slug:slug>/"), views.MeasureDetailView.as_view(), name="measure_detail"),
]
