"""Let staff preview a page before it is published."""


class PreviewMixin:
    """Mark the context of a detail page whose object the public cannot see yet."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview_of"] = None if self.object.is_published else self.object
        return context
