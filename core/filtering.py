"""A list view mixin that filters, sorts and paginates without ever failing on bad input."""

from django.core.paginator import InvalidPage
from django.utils.translation import gettext as _

from .suggesting import unknown_names


class ForgivingFilterMixin:
    """Filter a ListView with a django-filter FilterSet, dropping values it cannot understand.

    A bookmarked or hand-edited query string with a nonsense value still shows the page:
    the value is ignored and the visitor is told which field it was.
    """

    filterset_class = None
    paginate_by = 20

    def get_filterset(self, queryset):
        """Return the bound filterset, rebuilt without the fields whose values were invalid."""
        data = self.request.GET or None
        filterset = self.filterset_class(data, queryset=queryset, request=self.request)
        self.ignored_filters = []
        self.dropped_values = {}
        if filterset.is_bound and not filterset.is_valid():
            self.ignored_filters = [
                str(filterset.form.fields[name].label or name)
                for name in filterset.errors
                if name in filterset.form.fields
            ]
            valid = self.request.GET.copy()
            for name in filterset.errors:
                self.dropped_values[name] = valid.get(name, "")
                valid.pop(name, None)
            filterset = self.filterset_class(valid, queryset=queryset, request=self.request)
            filterset.is_valid()
        return filterset

    def get_queryset(self):
        self.filterset = self.get_filterset(super().get_queryset())
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        """Paginate, showing the first or last page instead of an error for a page out of range."""
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        requested = self.request.GET.get(self.page_kwarg) or 1
        try:
            number = int(requested)
        except (TypeError, ValueError):
            number = 1
            self.ignored_filters.append(_("page"))
        if number < 1 or number > paginator.num_pages:
            self.ignored_filters.append(_("page"))
            number = 1 if number < 1 else paginator.num_pages
        try:
            page = paginator.page(number)
        except InvalidPage:
            page = paginator.page(1)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        return super().get_context_data(
            filter=self.filterset,
            ignored_filters=self.ignored_filters,
            query_without_page=query.urlencode(),
            # A name no row has is named on the page, with the names that contain it.
            unknown_names=unknown_names(self.filterset, self.dropped_values, query),
            **kwargs,
        )
