"""Filters and sorting of the public list of partner cities."""

import django_filters
from django import forms
from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.content import public_q_through
from core.i18n import translated_order
from core.text import fold
from measures.filters import ProposedLinksFilterMixin
from measures.models import Theme

from .continents import Continent, countries_in
from .models import Partnership, PartnershipKind, PartnershipThemeLink


class KernSelect(forms.Select):
    """A select box in the KERN style; a class, because OrderingFilter needs one."""

    def __init__(self, attrs=None, **kwargs):
        super().__init__(attrs={"class": "kern-form-input__select", **(attrs or {})}, **kwargs)


def first_since():
    """Return an expression for the year of a city's earliest dated partnership."""
    return Subquery(
        Partnership.objects.filter(city=OuterRef("pk"), since__isnull=False)
        .order_by("since")
        .values("since")[:1]
    )


class BoundingBoxField(forms.CharField):
    """An area of the map as 'west,south,east,north' in degrees, as a group's marker links it."""

    widget = forms.HiddenInput

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            west, south, east, north = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(_("Enter an area as west,south,east,north.")) from None
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise forms.ValidationError(_("Enter an area as west,south,east,north."))
        return west, south, east, north


class BoundingBoxFilter(django_filters.Filter):
    """Keep the cities in an area: west and south edges included, east and north ones only at
    the map's edge, so that neighbouring areas share no city."""

    field_class = BoundingBoxField

    def filter(self, qs, value):
        if not value:
            return qs
        west, south, east, north = value
        qs = qs.filter(longitude__gte=west, latitude__gte=south)
        qs = qs.filter(longitude__lte=east) if east >= 180 else qs.filter(longitude__lt=east)
        return qs.filter(latitude__lte=north) if north >= 90 else qs.filter(latitude__lt=north)


class CityOrderingFilter(django_filters.OrderingFilter):
    """Sort by name or country in the page's language, or by the year of the first partnership."""

    def filter(self, qs, value):
        if not value:
            return qs
        if "sort_name" not in qs.query.annotations:
            qs = default_order(qs)
        field = value[0]
        name, descending = field.lstrip("-"), field.startswith("-")
        if name == "country":
            # The place in the list of countries, which is sorted by name in the page's language
            # without regard to accents, the same on every database.
            choices = self.parent.country_choices()
            qs = qs.annotate(
                sort_key=Case(
                    *(When(country=code, then=Value(i)) for i, (code, _name) in enumerate(choices)),
                    default=Value(len(choices)),
                    output_field=IntegerField(),
                )
            )
        elif name == "since":
            qs = qs.annotate(sort_key=first_since())
        else:
            qs = qs.annotate(sort_key=F("sort_name"))
        key = (
            F("sort_key").desc(nulls_last=True)
            if descending
            else F("sort_key").asc(nulls_last=True)
        )
        return qs.order_by(key, "sort_name")


def cities_named(queryset, value: str):
    """Keep the cities whose name in any language contains the words of `value`."""
    words = fold(value).split()
    return queryset.filter(search_names__contains=" ".join(words)) if words else queryset


def offer_countries_of_the_cities(filterset) -> None:
    """Let a city FilterSet's country filter offer the countries of its cities, read lazily."""
    filterset._country_choices = None
    # A function, not the bound method: the form deep-copies its fields, and with a method
    # the whole filterset and its request.
    filterset.filters["country"].extra["choices"] = lambda: filterset.country_choices()


def countries_of(filterset) -> list[tuple[str, str]]:
    """Return the countries of a city FilterSet's cities, once per request, by name."""
    if filterset._country_choices is None:
        codes = set(filterset.queryset.order_by().values_list("country", flat=True).distinct())
        filterset._country_choices = sorted(
            ((code, countries.name(code)) for code in codes), key=lambda choice: fold(choice[1])
        )
    return filterset._country_choices


class PartnerCityFilter(ProposedLinksFilterMixin, django_filters.FilterSet):
    """Narrow the partner cities by name, kind, country, continent and theme."""

    editorial_filters = {"theme": (PartnershipThemeLink, "partnership__city")}

    q = django_filters.CharFilter(
        label=_("Name of the city"),
        method="filter_name",
        widget=forms.TextInput(attrs={"class": "kern-form-input__input", "type": "search"}),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of partnership"),
        field_name="partnerships__kind",
        choices=PartnershipKind.choices,
        empty_label=_("All kinds"),
        distinct=True,
        widget=KernSelect(),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        empty_label=_("All countries"),
        widget=KernSelect(),
    )
    continent = django_filters.ChoiceFilter(
        label=_("Continent"),
        choices=Continent.choices,
        empty_label=_("All continents"),
        method="filter_continent",
        widget=KernSelect(),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="partnerships__themes",
        to_field_name="slug",
        queryset=Theme.objects.filter(public_q_through(Theme, "partnerships")).distinct(),
        empty_label=_("All themes"),
        distinct=True,
        widget=KernSelect(),
    )
    bbox = BoundingBoxFilter(label=_("Area on the map"))
    sort = CityOrderingFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("country", "country"), ("since", "since")),
        # Descending labels of their own: OrderingFilter would format them once, at import.
        field_labels={
            "name": _("City, A to Z"),
            "-name": _("City, Z to A"),
            "country": _("Country, A to Z"),
            "-country": _("Country, Z to A"),
            "since": _("Partner since, oldest first"),
            "-since": _("Partner since, newest first"),
        },
        empty_label=None,
        widget=KernSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_countries_of_the_cities(self)

    def country_choices(self) -> list[tuple[str, str]]:
        """Return the countries of the cities on offer, named in the page's language."""
        return countries_of(self)

    def filter_name(self, queryset, name, value):
        return cities_named(queryset, value)

    def filter_continent(self, queryset, name, value):
        return queryset.filter(country__in=countries_in(value))


def default_order(queryset):
    """Return the cities sorted by their name in the page's language."""
    return queryset.annotate(sort_name=translated_order("name")).order_by("sort_name")
