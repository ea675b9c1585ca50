"""The partner cities a list's city field accepts, by name with suggestions (core/suggesting.py)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n import translated_order
from core.suggesting import NameLookup
from core.text import fold

from .models import PartnerCity


class CityLookup(NameLookup):
    """The public cities the rows of a list link to, by name in either language or by slug."""

    unknown_message = _(
        "No twin or cooperation city called “%(name)s” appears in this list, so it is not "
        "narrowed by city. Type the first letters of a name: the field suggests the cities."
    )
    matches_heading = _("Cities whose name contains “%(name)s”:")

    def cities(self):
        """Return the public cities on offer; a subclass says which rows they must be linked to."""
        raise NotImplementedError

    def rows(self, text: str):
        cities = self.cities()
        if text:
            # Both names, folded, are in search_names: "gdansk" finds Gdańsk and Danzig.
            cities = cities.filter(Q(search_names__contains=fold(text)) | Q(slug=text))
        return cities.order_by(translated_order("name"), "pk").values_list(
            "slug", "name_de", "name_en"
        )


def public_cities_of(links):
    """Return the public cities among `links`, a queryset of partner city ids."""
    return PartnerCity.objects.public().filter(pk__in=links)
