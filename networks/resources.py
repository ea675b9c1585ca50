"""Spreadsheet columns for importing and exporting EU projects, both languages each."""

from core.spreadsheets import ContentResource, localized
from measures.resources import unit_field

from .models import EUProject, FundingProgramme


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
            "participation_from",
            "participation_until",
            "start",
            "end",
            "lead_unit",
            "website",
            "publication_state",
        )


class FundingProgrammeResource(ContentResource):
    class Meta(ContentResource.Meta):
        model = FundingProgramme
        import_id_fields = ("slug",)
        fields = (
            "slug",
            *localized("name", "funder", "eligibility", "typical_share", "description"),
            "next_deadline",
            "website",
            "publication_state",
        )
