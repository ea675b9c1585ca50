"""Public pages to follow the plan by e-mail, in German and English."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "following"

urlpatterns = [
    path(_("follow/"), views.FollowView.as_view(), name="all"),
    path(_("follow/measures/<slug:slug>/"), views.FollowView.as_view(), name="measure"),
    path(_("follow/areas-of-action/<int:number>/"), views.FollowView.as_view(), name="area"),
    path(_("follow/confirm/<str:token>/"), views.ConfirmView.as_view(), name="confirm"),
    path(_("follow/unsubscribe/<str:token>/"), views.UnsubscribeView.as_view(), name="unsubscribe"),
]
