"""Filters of the public list of measures."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.content import public_q_through
from core.i18n import q_any_language, translated_order
from core.suggesting import CityLookup, NameFilter, NameLookup, english_active
from core.text import fold

from .models import (
    AreaOfAction,
    Goal,
    Measure,
    MeasureGoalLink,
    MeasureThemeLink,
    OrganisationalUnit,
    Status,
    Theme,
)


class MeasureCities(CityLookup):
    """The public cities linked to published measures by a public partnership."""

    unknown_message = _(
        "No twin or cooperation city called “%(name)s” is linked to a measure, so the list "
        "shows the measures of every city. Type the first letters of a name: the field "
        "suggests the cities."
    )

    def cities(self):
        linked = Measure.objects.public().filter(public_q_through(Measure, "partnerships"))
        # Reached through the relation: the partners app sits above measures in the layers.
        city_model = Measure._meta.get_field("partnerships").related_model.city.field.related_model
        return city_model.objects.public().filter(pk__in=linked.values("partnerships__city"))


def linked_city_choices():
    """Return the choices of every linked city, by slug, in name order (for the API's filter)."""
    cities = MeasureCities()
    choices = {row[0]: cities.name(row) for row in cities.rows("")}
    return sorted(choices.items(), key=lambda choice: fold(choice[1]))


class AreaLookup(NameLookup):
    """The public Areas of Action, by number or by title or short title in either language."""

    unknown_message = _(
        "No Area of Action called “%(name)s” was found, so the list is not narrowed by Area of "
        "Action. Type a number or the first letters of a title: the field suggests the Areas "
        "of Action."
    )
    matches_heading = _("Areas of Action whose title contains “%(name)s”:")

    def rows(self, text: str):
        areas = AreaOfAction.objects.public()
        if text:
            condition = q_any_language("title", "icontains", text) | q_any_language(
                "short_title", "icontains", text
            )
            # Other pages link to an area's measures by its number; a longer one is no number.
            if text.isdigit() and len(text) <= 5:
                condition |= Q(number=int(text))
            areas = areas.filter(condition)
        return areas.order_by("number").values_list(
            "number", "title_de", "title_en", "short_title_de", "short_title_en"
        )

    def name(self, row) -> str:
        """Return the short title, as the list of measures shows it, or else the title."""
        _number, title_de, title_en, short_de, short_en = row
        english = (short_en, title_en, short_de, title_de)
        names = english if english_active() else (short_de, title_de)
        return next((name for name in names if name), "")


class ProposedLinksFilterMixin:
    """Tell a list whether a chosen goal or theme reaches a listed row by an unconfirmed link."""

    # Filters that follow a link of the portal's reading of the plan: for each filter's name,
    # the link model and the path from a link to the listed row.
    editorial_filters: dict = {}

    def rests_on_proposals(self) -> bool:
        """Return whether a chosen goal or theme reaches a listed row by an unconfirmed link."""
        data = getattr(self.form, "cleaned_data", None) or {}
        for name, (link_model, row_path) in self.editorial_filters.items():
            chosen = data.get(name)
            if chosen and (
                link_model.objects.unconfirmed()
                .filter(**{link_model.target_field: chosen})
                .filter(**{f"{row_path}__in": self.qs.values("pk")})
                .exists()
            ):
                return True
        return False


def measures_linked_to_city(measures, slug: str):
    """Return the measures linked to the city `slug` by a public partnership, not a draft one."""
    # One filter(): the city and the public state must hold for the same partnership.
    return measures.filter(
        Q(partnerships__city__slug=slug) & public_q_through(Measure, "partnerships")
    )


class MeasureScopeFilter(ProposedLinksFilterMixin, django_filters.FilterSet):
    """Narrow measures by Area of Action, goal, status and responsible unit."""

    # A text field with suggestions: the Areas of Action grow with the plan, the goals do not.
    area = NameFilter(label=_("Area of Action"), field_name="area__number", lookup=AreaLookup())
    goal = django_filters.ModelChoiceFilter(
        label=_("Goal"),
        field_name="goals",
        queryset=Goal.objects.public(),
        to_field_name="number",
        empty_label=_("All goals"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Every status")
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Responsible unit"),
        queryset=OrganisationalUnit.objects.all(),
        to_field_name="slug",
        method="filter_unit",
        empty_label=_("All units"),
    )

    editorial_filters = {"goal": (MeasureGoalLink, "measure")}

    class Meta:
        model = Measure
        fields = []

    @property
    def qs(self):
        # Filters across many-to-many relations can repeat a measure. Each is kept once by its
        # key, not by DISTINCT over every column, which sorts whole rows, their texts included.
        filtered = super().qs
        return self.queryset.filter(pk__in=filtered.order_by().values("pk")).order_by(
            *filtered.query.order_by
        )

    def filter_unit(self, queryset, name, value):
        """Keep measures the unit leads or contributes to."""
        return queryset.filter(Q(lead_unit=value) | Q(contributing_units=value))


# Sort orders of measure lists, shared by the page's filter and the API's.
MEASURE_SORTS = {
    "number": ["area__number", "position"],
    "status": ["status", "area__number", "position"],
    "-progress": ["-progress", "area__number", "position"],
    "-updated": ["-updated_at", "area__number", "position"],
}


def measures_containing(queryset, value: str):
    """Keep measures whose number is `value` or whose texts or sub-items contain it."""
    text = value.strip()
    if not text:
        return queryset
    return queryset.filter(
        Q(number=text)
        | q_any_language("title", "icontains", text)
        | q_any_language("summary", "icontains", text)
        | q_any_language("description", "icontains", text)
        | q_any_language("sub_items__title", "icontains", text)
    )


def measures_sorted(queryset, value: str):
    """Order measures by one of MEASURE_SORTS, or by title in the active language."""
    if value == "title":
        return queryset.order_by(translated_order("title"), "area__number", "position")
    return queryset.order_by(*MEASURE_SORTS.get(value, MEASURE_SORTS["number"]))


class MeasureFilter(MeasureScopeFilter):
    """Narrow the measures by area, goal, status, unit, theme, partner city and free text."""

    editorial_filters = {
        **MeasureScopeFilter.editorial_filters,
        "theme": (MeasureThemeLink, "measure"),
    }

    q = django_filters.CharFilter(label=_("Search text"), method="filter_text")
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    city = NameFilter(
        label=_("Twin or cooperation city"), method="filter_city", lookup=MeasureCities()
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_sort",
        empty_label=None,
        choices=[
            ("number", _("number")),
            ("title", _("title")),
            ("status", _("status")),
            ("-progress", _("progress, highest first")),
            ("-updated", _("last change, newest first")),
        ],
    )

    def filter_text(self, queryset, name, value):
        """Keep measures whose texts or sub-items contain `value` in either language."""
        return measures_containing(queryset, value)

    def filter_city(self, queryset, name, value):
        """Keep the measures linked to the city by a public partnership, not by a draft one."""
        return measures_linked_to_city(queryset, value)

    def filter_sort(self, queryset, name, value):
        """Order the measures as the visitor chose."""
        return measures_sorted(queryset, value)
