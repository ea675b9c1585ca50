"""Public pages of the register: activities, local actors, funding programmes and events."""

from django.utils import timezone
from django.views.generic import DetailView, ListView

from core.filtering import ForgivingFilterMixin
from core.preview import PreviewMixin
from networks.models import FundingProgramme
from partners.models import ExternalPartner

from .filters import ActorFilter, EventFilter, ProgrammeFilter
from .models import Activity


class ActivityDetailView(PreviewMixin, DetailView):
    """Show one public activity with what it concerns."""

    template_name = "relations/activity_detail.html"
    context_object_name = "activity"

    def get_queryset(self):
        return Activity.objects.visible_to(self.request.user).for_timeline()


class ActorListView(ForgivingFilterMixin, ListView):
    """List the published local actors, filterable by kind, partner city and theme."""

    template_name = "relations/actor_list.html"
    context_object_name = "actors"
    filterset_class = ActorFilter
    paginate_by = 25

    def get_queryset(self):
        self.filterset = self.get_filterset(ExternalPartner.objects.public().for_directory())
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_sample"] = any(actor.is_sample for actor in context["actors"])
        return context


class ProgrammeListView(ForgivingFilterMixin, ListView):
    """List the published funding programmes, upcoming deadlines first, with their projects."""

    template_name = "relations/programme_list.html"
    context_object_name = "programmes"
    filterset_class = ProgrammeFilter
    paginate_by = 25

    def get_queryset(self):
        today = timezone.localdate()
        self.filterset = self.get_filterset(FundingProgramme.objects.public().for_list(today))
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            today=timezone.localdate(),
            is_sample=any(programme.is_sample for programme in context["programmes"]),
        )
        return context


class EventListView(ForgivingFilterMixin, ListView):
    """List the public events, upcoming or past, filterable by city, network and theme."""

    template_name = "relations/event_list.html"
    context_object_name = "events"
    filterset_class = EventFilter
    paginate_by = 20

    def get_queryset(self):
        self.filterset = self.get_filterset(Activity.objects.public().events().newest_first())
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            today=timezone.localdate(),
            is_sample=any(event.is_sample for event in context["events"]),
        )
        return context
