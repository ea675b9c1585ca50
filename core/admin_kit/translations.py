"""A translation column and filter for every content list in the admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.translation_status import MISSING_LABELS, missing_languages, missing_translation_q


class MissingTranslationFilter(admin.SimpleListFilter):
    """Filter a list to the rows whose German or English text is missing."""

    title = _("translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return list(MISSING_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in MISSING_LABELS:
            return queryset.filter(missing_translation_q(queryset.model, self.value()))
        return queryset


class TranslationStatusMixin:
    """Show in every list which rows lack a German or English text, and filter by it."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]

    @admin.display(description=_("translation"))
    def translation_status(self, obj):
        missing = missing_languages(obj)
        if not missing:
            return _("complete")
        return ", ".join(str(MISSING_LABELS.get(code, code)) for code in missing)
