"""The partner cities a list's city field accepts, by name with suggestions (core/suggesting.py)."""

from core.suggesting import CityLookup

from .models import PartnerCity

__all__ = ["CityLookup", "public_cities_of"]


def public_cities_of(links):
    """Return the public cities among `links`, a queryset of partner city ids."""
    return PartnerCity.objects.public().filter(pk__in=links)
