"""schema.org descriptions of cities, networks and projects as JSON-LD data blocks."""

import json

from django import template
from django.utils.safestring import mark_safe

from networks.models import EUProject, MembershipStatus, Network
from partners.models import PartnerCity

register = template.Library()

# The characters that could end the data block or start markup inside it, escaped for JSON.
HTML_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

CITY_OF_HANNOVER = {"@type": "GovernmentOrganization", "name": "Landeshauptstadt Hannover"}


def city_data(city: PartnerCity, url: str) -> dict:
    """Describe a partner city as a schema.org Place at its coordinates."""
    data = {
        "@type": "Place",
        "name": city.name,
        "url": url,
        "address": {"@type": "PostalAddress", "addressCountry": city.country.code},
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(city.latitude),
            "longitude": float(city.longitude),
        },
    }
    if city.website:
        data["sameAs"] = city.website
    return data


def network_data(network: Network, url: str) -> dict:
    """Describe a network of cities as a schema.org Organization Hannover belongs to."""
    data = {"@type": "Organization", "name": network.name, "url": url}
    if network.acronym and network.acronym != network.name:
        data["alternateName"] = network.acronym
    if network.description:
        data["description"] = network.description
    if network.website:
        data["sameAs"] = network.website
    # A membership the office has yet to verify is not stated to search engines either.
    if network.membership_status == MembershipStatus.MEMBER and not network.needs_verification:
        data["member"] = CITY_OF_HANNOVER
    return data


def project_data(project: EUProject, url: str) -> dict:
    """Describe an EU-funded project as a schema.org Project with its partner cities."""
    data = {"@type": "Project", "name": project.title or project.acronym, "url": url}
    if project.title:
        data["alternateName"] = project.acronym
    if project.aim:
        data["description"] = project.aim
    if project.website:
        data["sameAs"] = project.website
    cities = getattr(project, "published_partner_cities", [])
    if cities:
        data["location"] = [{"@type": "Place", "name": city.name} for city in cities]
    return data


BUILDERS = {PartnerCity: city_data, Network: network_data, EUProject: project_data}


@register.simple_tag(takes_context=True)
def structured_data(context, obj) -> str:
    """Return a <script type="application/ld+json"> block describing `obj` for search engines."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        **BUILDERS[type(obj)](obj, request.build_absolute_uri(obj.get_absolute_url())),
    }
    text = json.dumps(data, ensure_ascii=False).translate(HTML_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
