"""Filters of the public lists of networks and EU projects."""

import django_filters
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import q_any_language, translated_order
from measures.filters import ProposedLinksFilterMixin
from measures.models import OrganisationalUnit, Theme

from .models import (
    EUProject,
    EUProjectThemeLink,
    MembershipStatus,
    Network,
    NetworkThemeLink,
    Scope,
)


def themes_of(model):
    """Return the themes that at least one published row of `model` has."""
    used = model.objects.public().filter(themes__isnull=False).values("themes")
    return Theme.objects.filter(pk__in=used).order_by(translated_order("name"))


def programme_choices() -> list[tuple[str, str]]:
    """Return the funding programmes of the public projects, as filter choices."""
    programmes = (
        EUProject.objects.public()
        .exclude(funding_programme="")
        .order_by("funding_programme")
        .values_list("funding_programme", flat=True)
        .distinct()
    )
    return [(name, name) for name in programmes]


def projects_containing(queryset, value: str):
    """Keep projects whose acronym, title or aim contains `value` in either language."""
    text = value.strip()
    if not text:
        return queryset
    return queryset.filter(
        Q(acronym__icontains=text)
        | q_any_language("title", "icontains", text)
        | q_any_language("aim", "icontains", text)
    )


class NetworkFilter(ProposedLinksFilterMixin, django_filters.FilterSet):
    """Narrow the networks by scope, membership status, theme and free text."""

    editorial_filters = {"theme": (NetworkThemeLink, "network")}

    q = django_filters.CharFilter(label=_("Search text"), method="filter_text")
    scope = django_filters.ChoiceFilter(
        label=_("European or international"),
        choices=Scope.choices,
        empty_label=_("European and international"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Membership"),
        field_name="membership_status",
        choices=MembershipStatus.choices,
        empty_label=_("All memberships"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=lambda request: themes_of(Network),
        to_field_name="slug",
        empty_label=_("All themes"),
    )

    class Meta:
        model = Network
        fields = []

    def filter_text(self, queryset, name, value):
        """Keep networks whose name, acronym or description contains `value` in either language."""
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(
            q_any_language("name", "icontains", text)
            | q_any_language("acronym", "icontains", text)
            | q_any_language("description", "icontains", text)
        )


class ProjectOrderingFilter(django_filters.OrderingFilter):
    """Sort projects by acronym or dates, unknown dates last, ties by acronym."""

    def get_ordering_value(self, param):
        descending = param.startswith("-")
        field = self.param_map[param.lstrip("-")]
        expression = Lower(field) if field == "acronym" else F(field)
        return expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        ordering = [self.get_ordering_value(param) for param in value]
        # A stable order keeps pagination from showing a project twice or never.
        return qs.order_by(*ordering, Lower("acronym"), "pk")


class ProjectFilter(ProposedLinksFilterMixin, django_filters.FilterSet):
    """Narrow the EU projects by phase, funding programme, lead unit, theme and free text."""

    editorial_filters = {"theme": (EUProjectThemeLink, "euproject")}

    q = django_filters.CharFilter(label=_("Search text"), method="filter_text")
    phase = django_filters.ChoiceFilter(
        label=_("Phase"),
        choices=EUProject.Phase.choices,
        method="filter_phase",
        empty_label=_("All phases"),
    )
    programme = django_filters.ChoiceFilter(
        label=_("Funding programme"),
        field_name="funding_programme",
        choices=[],
        empty_label=_("All funding programmes"),
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Lead unit"),
        field_name="lead_unit",
        queryset=lambda request: OrganisationalUnit.objects.filter(
            pk__in=EUProject.objects.public().values("lead_unit")
        ).order_by(translated_order("name")),
        to_field_name="slug",
        empty_label=_("All units"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=lambda request: themes_of(EUProject),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    sort = ProjectOrderingFilter(
        label=_("Sort by"),
        fields=("acronym", "start", "end"),
        field_labels={
            "acronym": _("acronym"),
            "start": _("start"),
            "end": _("end"),
        },
        empty_label=None,
    )

    class Meta:
        model = EUProject
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["programme"].extra["choices"] = programme_choices()

    def filter_text(self, queryset, name, value):
        """Keep projects whose acronym, title or aim contains `value` in either language."""
        return projects_containing(queryset, value)

    def filter_phase(self, queryset, name, value):
        """Keep projects in the chosen phase as of today."""
        return queryset.in_phase(value, timezone.localdate())
