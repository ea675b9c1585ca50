"""Writes to site pages that touch more than one row."""

from pathlib import Path

from core.content import PublicationState
from core.loading import LoadReport, create_missing, read_content

from .models import SitePage

SITE_PAGES_FILE = Path(__file__).resolve().parent / "data" / "site_pages.yaml"


def site_pages_load(*, report: LoadReport, path: Path = SITE_PAGES_FILE) -> LoadReport:
    """Create the site pages that are not in the database yet."""
    for item in read_content(path).get("pages", []):
        create_missing(
            SitePage,
            report,
            lookup={"slug": item["slug"]},
            values={
                "position": item.get("position", 0),
                "title": item["title"],
                "summary": item.get("summary", {}),
                "body": item["body"],
                "publication_state": PublicationState.PUBLISHED,
            },
        )
    return report
