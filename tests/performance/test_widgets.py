"""Select boxes drawn in Python are the very HTML Django's templates draw, in both languages."""

import re

import pytest
from django import forms
from django.test import RequestFactory
from django.utils import translation

from hannover_intl.widgets import is_plain_select, render_select
from measures.filters import MeasureFilter
from measures.models import Measure
from networks.filters import NetworkFilter, ProjectFilter
from networks.models import EUProject, Network
from partners.filters import PartnerCityFilter
from partners.models import PartnerCity
from progress.filters import ProgressFilter

pytestmark = pytest.mark.django_db


def tags(html: str) -> str:
    """Return the HTML without the whitespace Django's templates leave between tags."""
    return re.sub(r">\s+<", "><", str(html)).strip()


FILTERS = {
    MeasureFilter: Measure,
    ProgressFilter: Measure,
    PartnerCityFilter: PartnerCity,
    NetworkFilter: Network,
    ProjectFilter: EUProject,
}


class ChoiceForm(forms.Form):
    grouped = forms.ChoiceField(
        choices=[("", "—"), ("Europe", [("a", "A & B"), ("b", "<b>")]), ("c", "C")],
        required=False,
    )
    many = forms.MultipleChoiceField(choices=[("1", "one"), ("2", "two")], required=False)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("filterset_class", FILTERS, ids=lambda cls: cls.__name__)
def test_filter_selects_render_as_django_renders_them(plan, filterset_class, language):
    with translation.override(language):
        request = RequestFactory().get("/", {"area": "1", "sort": "-name"})
        queryset = FILTERS[filterset_class].objects.all()
        filterset = filterset_class(request.GET, queryset=queryset, request=request)
        selects = [f for f in filterset.form if is_plain_select(f.field.widget)]
        assert selects
        for field in selects:
            attrs = {"class": "kern-form-input__select"}
            assert render_select(field, dict(attrs)) == tags(field.as_widget(attrs=dict(attrs)))


def test_groups_multiple_choices_and_escaping_render_alike():
    form = ChoiceForm({"grouped": "b", "many": ["1", "2"]})
    for field in form:
        assert render_select(field, {"class": "x"}) == tags(field.as_widget(attrs={"class": "x"}))
