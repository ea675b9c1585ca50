"""Spreadsheet columns for importing and exporting partner cities, both languages each."""

from core.spreadsheets import ContentResource, localized

from .models import ExternalPartner, PartnerCity


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


class ExternalPartnerResource(ContentResource):
    class Meta(ContentResource.Meta):
        model = ExternalPartner
        import_id_fields = ("slug",)
        fields = (
            "slug",
            *localized("name", "description"),
            "kind",
            "website",
            "is_plan_partner",
            "publication_state",
        )
