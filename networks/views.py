"""Public pages of networks and EU projects."""

from django.views.generic import DetailView, ListView

from measures.filtering import ForgivingFilterMixin
from measures.preview import PreviewMixin

from .filters import NetworkFilter, ProjectFilter
from .models import EUProject, Network, Scope


class NetworkListView(ForgivingFilterMixin, ListView):
    """List the published networks in two sections, European and international."""

    template_name = "networks/network_list.html"
    context_object_name = "networks"
    filterset_class = NetworkFilter
    # Hannover belongs to about a dozen networks; pages would split a section in two.
    paginate_by = None

    def get_queryset(self):
        self.filterset = self.get_filterset(Network.objects.published().for_list())
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        networks = list(self.object_list)
        sections = [
            {"scope": scope, "networks": [n for n in networks if n.scope == scope]}
            for scope in Scope
        ]
        return super().get_context_data(
            sections=[section for section in sections if section["networks"]], **kwargs
        )


class NetworkDetailView(PreviewMixin, DetailView):
    """Show one network with its themes and linked measures."""

    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return Network.objects.visible_to(self.request.user).for_detail()


class ProjectListView(ForgivingFilterMixin, ListView):
    """List the published EU projects as a table, filtered, sorted and paginated."""

    template_name = "networks/project_list.html"
    context_object_name = "projects"
    filterset_class = ProjectFilter

    def get_queryset(self):
        self.filterset = self.get_filterset(EUProject.objects.published().for_list())
        return self.filterset.qs


class ProjectDetailView(PreviewMixin, DetailView):
    """Show one EU project with its partner cities, themes and linked measures."""

    template_name = "networks/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return EUProject.objects.visible_to(self.request.user).for_detail()
