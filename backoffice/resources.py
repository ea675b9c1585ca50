"""Spreadsheet columns for importing and exporting content (CSV and XLSX), both languages each."""

from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from measures.models import AreaOfAction, Measure, MeasureActivity, OrganisationalUnit
from networks.models import EUProject
from partners.models import PartnerCity
from progress.models import ProgressReport


def localized(*names: str) -> tuple[str, ...]:
    """Return the German and English column of each translated field."""
    return tuple(f"{name}_{code}" for name in names for code in ("de", "en"))


class ContentResource(resources.ModelResource):
    """Validate every row like the admin form does; a file with one bad row writes nothing."""

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True


def unit_field() -> fields.Field:
    """Return a column naming the lead unit by its slug."""
    return fields.Field(
        attribute="lead_unit",
        column_name="lead_unit",
        widget=ForeignKeyWidget(OrganisationalUnit, field="slug"),
    )


def measure_field() -> fields.Field:
    """Return a column naming the measure by its number, such as 1.2."""
    return fields.Field(
        attribute="measure",
        column_name="measure",
        widget=ForeignKeyWidget(Measure, field="number"),
    )


class MeasureResource(ContentResource):
    area = fields.Field(
        attribute="area", column_name="area", widget=ForeignKeyWidget(AreaOfAction, field="number")
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


class MeasureActivityResource(ContentResource):
    measure = measure_field()

    class Meta(ContentResource.Meta):
        model = MeasureActivity
        import_id_fields = ("measure", "position")
        fields = ("measure", "position", *localized("title"), "status")


class ProgressReportResource(ContentResource):
    measure = measure_field()

    class Meta(ContentResource.Meta):
        model = ProgressReport
        fields = (
            "id",
            "measure",
            "reported_on",
            "status",
            "progress",
            *localized("text"),
            "publication_state",
        )


class PartnerCityResource(ContentResource):
    class Meta(ContentResource.Meta):
        model = PartnerCity
        import_id_fields = ("slug",)
        fields = (
            "slug",
            *localized("name", "description"),
            "country",
            "latitude",
            "longitude",
            "website",
            "publication_state",
        )


class EUProjectResource(ContentResource):
    lead_unit = unit_field()

    class Meta(ContentResource.Meta):
        model = EUProject
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "acronym",
            *localized("title", "aim"),
            "funding_programme",
            "start",
            "end",
            "lead_unit",
            "website",
            "publication_state",
        )
