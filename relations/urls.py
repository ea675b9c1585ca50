"""Public pages of the register, in German and English."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import calendar, views

app_name = "relations"

urlpatterns = [
    path(_("activities/<int:pk>/"), views.ActivityDetailView.as_view(), name="activity_detail"),
    path(_("local-actors/"), views.ActorListView.as_view(), name="actor_list"),
    path(_("funding-programmes/"), views.ProgrammeListView.as_view(), name="programme_list"),
    path(_("events/"), views.EventListView.as_view(), name="event_list"),
    path(_("events/calendar.ics"), calendar.events_feed, name="event_feed"),
    path(_("events/<int:pk>.ics"), calendar.event_file, name="event_file"),
]
