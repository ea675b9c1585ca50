"""Writes to networks and EU projects that touch more than one row."""

from pathlib import Path

from core.content import PublicationState
from core.loading import LoadReport, create_missing, lookup_all, lookup_one, read_content
from measures.models import Measure, OrganisationalUnit, Theme
from partners.models import PartnerCity

from .models import EUProject, Network

NETWORKS_FILE = Path(__file__).resolve().parent / "data" / "networks.yaml"


def networks_load(*, report: LoadReport, path: Path = NETWORKS_FILE) -> LoadReport:
    """Create the networks and EU projects that are not in the database yet."""
    content = read_content(path)
    for item in content.get("networks", []):
        context = f"network {item['slug']}"
        create_missing(
            Network,
            report,
            lookup={"slug": item["slug"]},
            values={
                "name": item["name"],
                "acronym": item.get("acronym", {}),
                "scope": item["scope"],
                "membership_status": item.get("membership_status", "member"),
                "status_as_of": item.get("status_as_of"),
                "since": item.get("since"),
                "role": item.get("role", {}),
                "description": item.get("description", {}),
                "website": item.get("website") or "",
                "needs_verification": item.get("needs_verification", False),
                "verification_note": item.get("verification_note", {}),
                "publication_state": PublicationState.PUBLISHED,
            },
            relations={
                "themes": lookup_all(Theme, "slug", item.get("themes"), context=context),
                "measures": lookup_all(Measure, "number", item.get("measures"), context=context),
            },
        )
    for item in content.get("eu_projects", []):
        context = f"EU project {item['slug']}"
        create_missing(
            EUProject,
            report,
            lookup={"slug": item["slug"]},
            values={
                "acronym": item["acronym"],
                "title": item.get("title", {}),
                "aim": item.get("aim", {}),
                "funding_programme": item.get("funding_programme") or "",
                "participation_from": item.get("participation_from"),
                "participation_until": item.get("participation_until"),
                "start": item.get("start"),
                "end": item.get("end"),
                "lead_unit": lookup_one(
                    OrganisationalUnit, "slug", item.get("lead_unit"), context=context
                ),
                "website": item.get("website") or "",
                "publication_state": PublicationState.PUBLISHED,
            },
            relations={
                "themes": lookup_all(Theme, "slug", item.get("themes"), context=context),
                "measures": lookup_all(Measure, "number", item.get("measures"), context=context),
                "partner_cities": lookup_all(
                    PartnerCity, "slug", item.get("partner_cities"), context=context
                ),
            },
        )
    return report
