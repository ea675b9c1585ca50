"""The admin page that lists missing translations per model."""

from django.contrib.admin.views.decorators import staff_member_required
from django.urls import NoReverseMatch, reverse
from django.utils.decorators import method_decorator
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.translation_status import MISSING_LABELS, content_languages

from .translation_report import translation_report


def _changelist_url(admin_site, entry) -> str:
    opts = entry.model._meta
    url = reverse(f"{admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?missing_translation={entry.language}"


def _change_url(admin_site, obj) -> str | None:
    opts = obj._meta
    try:
        name = f"{admin_site.name}:{opts.app_label}_{opts.model_name}_change"
        return reverse(name, args=[obj.pk])
    except NoReverseMatch:
        return None


@method_decorator(staff_member_required, name="dispatch")
class TranslationReportView(TemplateView):
    """List every model's rows whose German or English text is missing."""

    template_name = "admin/translation_report.html"
    admin_site = None

    def visible_rows(self, model):
        """Return the rows of `model` this user may see in the admin, or None for none."""
        model_admin = self.admin_site._registry.get(model)
        if model_admin is None or not model_admin.has_view_permission(self.request):
            return None
        return model_admin.get_queryset(self.request)

    def get_context_data(self, **kwargs):
        request = self.request
        sections = []
        for entry in translation_report(self.visible_rows):
            missing = MISSING_LABELS.get(entry.language, entry.language)
            sections.append(
                {
                    "title": f"{capfirst(entry.model._meta.verbose_name_plural)}: {missing}",
                    "rows": [(obj, _change_url(self.admin_site, obj)) for obj in entry.objects],
                    "changelist_url": _changelist_url(self.admin_site, entry),
                }
            )
        return super().get_context_data(
            **self.admin_site.each_context(request),
            title=_("Missing translations"),
            sections=sections,
            languages=content_languages(),
            **kwargs,
        )

