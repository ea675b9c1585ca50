"""Site-wide pages that span the apps."""

from django.views.generic import TemplateView

from measures.models import AreaOfAction, Goal


class HomeView(TemplateView):
    """Introduce the plan and lead to its goals, Areas of Action and measures."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            goals=Goal.objects.published(),
            areas=AreaOfAction.objects.published().with_published_measures(),
            **kwargs,
        )
