"""Writes to partner cities that touch more than one row."""

from decimal import Decimal
from pathlib import Path

from core.content import PublicationState
from core.loading import LoadReport, create_missing, lookup_all, lookup_one, read_content
from measures.models import Measure, OrganisationalUnit, Theme

from .models import ExternalPartner, PartnerCity, Partnership

PARTNER_CITIES_FILE = Path(__file__).resolve().parent / "data" / "partner_cities.yaml"


def partner_cities_load(*, report: LoadReport, path: Path = PARTNER_CITIES_FILE) -> LoadReport:
    """Create the external partners, cities and partnerships that are not in the database yet."""
    content = read_content(path)
    for item in content.get("stakeholders", []):
        create_missing(
            ExternalPartner,
            report,
            lookup={"slug": item["slug"]},
            values={
                "name": item["name"],
                "description": item.get("description", {}),
                "website": item.get("website") or "",
                "is_plan_partner": item.get("is_plan_partner", True),
                "publication_state": PublicationState.PUBLISHED,
                "is_group": item.get("is_group", False),
            },
        )
    for item in content.get("cities", []):
        city, created = create_missing(
            PartnerCity,
            report,
            lookup={"slug": item["slug"]},
            values={
                "name": item["name"],
                "country": item["country"],
                "latitude": Decimal(str(item["latitude"])),
                "longitude": Decimal(str(item["longitude"])),
                "description": item.get("description", {}),
                "website": item.get("website") or "",
                "publication_state": PublicationState.PUBLISHED,
            },
        )
        if created:
            for partnership in item.get("partnerships", []):
                _create_partnership(city, partnership, report)
    return report


def _create_partnership(city: PartnerCity, item: dict, report: LoadReport) -> None:
    """Create one partnership of a newly loaded city."""
    context = f"partnership of {city.slug}"
    create_missing(
        Partnership,
        report,
        lookup={"city": city, "kind": item["kind"]},
        values={
            "since": item.get("since"),
            "council_decision": item.get("council_decision") or "",
            "description": item.get("description", {}),
            "coordinating_unit": lookup_one(
                OrganisationalUnit, "slug", item.get("coordinating_unit"), context=context
            ),
        },
        relations={
            "themes": lookup_all(Theme, "slug", item.get("themes"), context=context),
            "measures": lookup_all(Measure, "number", item.get("measures"), context=context),
        },
    )
