"""Filters of the public list of measures."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.content import public_q_through
from core.i18n import q_any_language, translated_order
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

# The most cities the city field suggests: a bounded list however many there are.
SUGGESTED_CITIES = 20
CITY_MAX_LENGTH = 100


def linked_cities(text: str = ""):
    """Return slug and names of the published cities linked to published measures, by name.

    With `text`, only the cities whose name in any language contains it, diacritics aside.
    """
    condition = public_q_through(Measure, "partnerships")
    if text:
        condition &= Q(partnerships__city__search_names__contains=fold(text)) | Q(
            partnerships__city__slug=text
        )
    # One filter() call, so that the text and the public state apply to the same partnership:
    # a second call would join the partnerships again and match a draft one.
    rows = Measure.objects.public().filter(condition)
    return (
        rows.order_by("partnerships__city__name")
        .values_list(
            "partnerships__city__slug", "partnerships__city__name_de", "partnerships__city__name_en"
        )
        .distinct()
    )


def city_name(name_de: str, name_en: str) -> str:
    """Return a city's name in the active language."""
    english = (get_language() or "de").startswith("en")
    return (english and name_en) or name_de


def linked_city_choices():
    """Return the choices of every linked city, by slug, in name order (for the API's filter)."""
    choices = {slug: city_name(name_de, name_en) for slug, name_de, name_en in linked_cities()}
    return sorted(choices.items(), key=lambda choice: fold(choice[1]))


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


def suggested_cities(text: str = "") -> list[str]:
    """Return the names of at most SUGGESTED_CITIES linked cities containing `text`."""
    rows = linked_cities(text.strip())[:SUGGESTED_CITIES]
    return [city_name(name_de, name_en) for _slug, name_de, name_en in rows]


def linked_city(text: str) -> str | None:
    """Return the slug of the linked city `text` names, in either language or by its slug."""
    text = text.strip()
    wanted = fold(text)
    if not wanted:
        return None
    for slug, name_de, name_en in linked_cities(text)[:SUGGESTED_CITIES]:
        if text == slug or wanted in {fold(name_de or ""), fold(name_en or "")}:
            return slug
    return None


class SuggestingTextInput(forms.TextInput):
    """A text field with a list of suggestions the browser offers as one types, without script."""

    template_name = "measures/widgets/suggesting_input.html"

    def __init__(self, suggestions, attrs=None):
        super().__init__(attrs)
        self.suggestions = suggestions

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id') or name}-suggestions"
        widget["attrs"]["list"] = widget["list_id"]
        widget["suggestions"] = self.suggestions(str(value or ""))
        return context


class CityField(forms.CharField):
    """A partner city by its name in either language, or by its slug, as the city pages link."""

    default_error_messages = {
        "unknown": _("No twin or cooperation city of that name is linked to a measure."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", CITY_MAX_LENGTH)
        kwargs.setdefault("widget", SuggestingTextInput(suggested_cities))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return ""
        slug = linked_city(text)
        if slug is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return slug


class CityFilter(django_filters.CharFilter):
    """Filter by a city given by name, with suggestions, rather than a choice among thousands."""

    field_class = CityField

    def filter(self, qs, value):
        """Keep the measures linked to the city by a public partnership, not by a draft one."""
        return measures_linked_to_city(qs, value) if value else qs


def measures_linked_to_city(measures, slug: str):
    """Return the measures linked to the city `slug` by a public partnership, not a draft one."""
    # One filter(): the city and the public state must hold for the same partnership.
    return measures.filter(
        Q(partnerships__city__slug=slug) & public_q_through(Measure, "partnerships")
    )


class MeasureScopeFilter(ProposedLinksFilterMixin, django_filters.FilterSet):
    """Narrow measures by Area of Action, goal, status and responsible unit."""

    area = django_filters.ModelChoiceFilter(
        label=_("Area of Action"),
        queryset=AreaOfAction.objects.public(),
        to_field_name="number",
        empty_label=_("All Areas of Action"),
    )
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
        # Filters across many-to-many relations can repeat a measure.
        return super().qs.distinct()

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
    city = CityFilter(
        label=_("Twin or cooperation city"), field_name="partnerships__city__slug"
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

    def filter_sort(self, queryset, name, value):
        """Order the measures as the visitor chose."""
        return measures_sorted(queryset, value)
