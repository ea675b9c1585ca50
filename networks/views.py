"""Public pages of networks and EU projects."""

from django.views.generic import DetailView, ListView

from core.extensions import detail_sections
from core.filtering import ForgivingFilterMixin
from core.preview import PreviewMixin

from .filters import NetworkFilter, ProjectFilter
from .models import EUProject, Network, Scope


class NetworkListView(ForgivingFilterMixin, ListView):
    """List the published networks, paginated, under a heading for each scope on the page."""

    template_name = "networks/network_list.html"
    context_object_name = "networks"
    filterset_class = NetworkFilter
    paginate_by = 25

    def get_queryset(self):
        # for_list orders by scope first, so each page holds at most two runs of one scope.
        self.filterset = self.get_filterset(Network.objects.public().for_list())
        # Only confirmed networks are listed and counted; the others follow in a section of
        # their own, never counted, until the office has verified them.
        return self.filterset.qs.confirmed()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        # The entries still to be verified follow the confirmed ones, after the last page of them.
        # They are read on every page, so that no page's query count depends on where it is.
        unconfirmed = list(self.filterset.qs.unconfirmed())
        if page is None or not page.has_next():
            context["unconfirmed"] = unconfirmed
        networks = list(context["networks"])
        sections = [
            {"scope": scope, "networks": [n for n in networks if n.scope == scope]}
            for scope in Scope
        ]
        context["sections"] = [section for section in sections if section["networks"]]
        return context


class NetworkDetailView(PreviewMixin, DetailView):
    """Show one network with its themes and linked measures."""

    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return Network.objects.visible_to(self.request.user).for_detail()

    def get_context_data(self, **kwargs):
        sections = detail_sections(self.object, self.request)
        return super().get_context_data(extra_sections=sections, **kwargs)


class ProjectListView(ForgivingFilterMixin, ListView):
    """List the published EU projects as a table, filtered, sorted and paginated."""

    template_name = "networks/project_list.html"
    context_object_name = "projects"
    filterset_class = ProjectFilter

    def get_queryset(self):
        self.filterset = self.get_filterset(EUProject.objects.public().for_list())
        return self.filterset.qs


class ProjectDetailView(PreviewMixin, DetailView):
    """Show one EU project with its partner cities, themes and linked measures."""

    template_name = "networks/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return EUProject.objects.visible_to(self.request.user).for_detail()

    def get_context_data(self, **kwargs):
        sections = detail_sections(self.object, self.request)
        return super().get_context_data(extra_sections=sections, **kwargs)
