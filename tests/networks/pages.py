"""Addresses of the networks app's pages, as the site's own links write them."""

from django.urls import reverse
from django.utils import translation


def page_url(name, language, **kwargs):
    """Return the address of a networks page in `language`."""
    with translation.override(language):
        return reverse(f"networks:{name}", kwargs=kwargs or None)
