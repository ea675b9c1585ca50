"""Spreadsheet columns for importing and exporting activities, both languages each."""

from import_export import fields, widgets

from core.spreadsheets import ContentResource, localized
from measures.models import Measure
from networks.models import EUProject, Network
from partners.models import PartnerCity

from .models import Activity


def many(column, model, key):
    """Return a column of several rows of `model` named by `key`, separated by '|'."""
    return fields.Field(
        attribute=column,
        column_name=column,
        widget=widgets.ManyToManyWidget(model, separator="|", field=key),
    )


class ActivityResource(ContentResource):
    partner_cities = many("partner_cities", PartnerCity, "slug")
    networks = many("networks", Network, "slug")
    eu_projects = many("eu_projects", EUProject, "slug")
    measures = many("measures", Measure, "number")

    class Meta(ContentResource.Meta):
        model = Activity
        fields = (
            "id",
            "kind",
            "starts_on",
            "ends_on",
            "starts_at",
            "ends_at",
            *localized("title", "description", "venue"),
            "open_to_public",
            "is_internal",
            "council_document",
            "links",
            "partner_cities",
            "networks",
            "eu_projects",
            "measures",
            "publication_state",
        )
