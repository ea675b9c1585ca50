"""Spreadsheet columns for importing and exporting measures and sub-items, both languages each.

A related object is named by one of its fields, such as a unit's slug; the objects are read once
per import (CachedForeignKeyWidget), not once per row.
"""

from import_export import fields
from import_export.widgets import CachedForeignKeyWidget

from core.spreadsheets import ContentResource, localized

from .models import AreaOfAction, Measure, OrganisationalUnit, SubItem


def unit_field() -> fields.Field:
    """Return a column naming the lead unit by its slug."""
    return fields.Field(
        attribute="lead_unit",
        column_name="lead_unit",
        widget=CachedForeignKeyWidget(OrganisationalUnit, field="slug"),
    )


def measure_field() -> fields.Field:
    """Return a column naming the measure by its number, such as 1.2."""
    return fields.Field(
        attribute="measure",
        column_name="measure",
        widget=CachedForeignKeyWidget(Measure, field="number"),
    )


class MeasureResource(ContentResource):
    area = fields.Field(
        attribute="area",
        column_name="area",
        widget=CachedForeignKeyWidget(AreaOfAction, field="number"),
    )
    lead_unit = unit_field()

    class Meta(ContentResource.Meta):
        model = Measure
        import_id_fields = ("number",)
        fields = (
            "number",
            "slug",
            "area",
            *localized("title", "summary", "description"),
            "planned_start",
            "planned_end",
            "priority",
            "lead_unit",
            "publication_state",
        )


class SubItemResource(ContentResource):
    measure = measure_field()

    class Meta(ContentResource.Meta):
        model = SubItem
        import_id_fields = ("measure", "position")
        fields = ("measure", "position", *localized("title"), "status")
