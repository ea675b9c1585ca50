"""Public pages of networks and EU projects."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "networks"

urlpatterns = [
    path(_("networks/"), views.NetworkListView.as_view(), name="network_list"),
    path(_("networks/<slug:slug>/"), views.NetworkDetailView.as_view(), name="network_detail"),
    path(_("eu-projects/"), views.ProjectListView.as_view(), name="project_list"),
    path(_("eu-projects/<slug:slug>/"), views.ProjectDetailView.as_view(), name="project_detail"),
]
