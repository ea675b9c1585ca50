"""Writes to the plan that touch more than one row."""

from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.content import PublicationState
from core.loading import LoadReport, create_missing, lookup_all, lookup_one, read_content

from .models import (
    AreaExample,
    AreaOfAction,
    Benefit,
    CityDevelopmentGoal,
    Goal,
    Measure,
    OrganisationalUnit,
    PlanSection,
    ScheduleStep,
    SubItem,
    Theme,
)

ACTION_PLAN_FILE = Path(__file__).resolve().parent / "data" / "action_plan.yaml"
PUBLISHED = {"publication_state": PublicationState.PUBLISHED}


def action_plan_load(*, report: LoadReport, path: Path = ACTION_PLAN_FILE) -> LoadReport:
    """Create whatever part of the plan's own content is not in the database yet."""
    content = read_content(path)
    for item in content.get("themes", []):
        create_missing(Theme, report, lookup={"slug": item["slug"]}, values=_without(item, "slug"))
    for item in content.get("units", []):
        create_missing(
            OrganisationalUnit, report, lookup={"slug": item["slug"]}, values=_without(item, "slug")
        )
    _load_prose(content, report)
    _load_goals(content, report)
    _load_areas(content, report)
    _load_measures(content, report)
    for item in content.get("benefits", []):
        create_missing(
            Benefit,
            report,
            lookup={"position": item["position"]},
            values={
                "title": item["title"],
                "example": item.get("example", {}),
                "unit": lookup_one(OrganisationalUnit, "slug", item.get("unit"), context="benefit"),
            },
        )
    return report


def _without(item: dict, *keys: str) -> dict:
    """Return `item` without `keys`."""
    return {name: value for name, value in item.items() if name not in keys}


def _load_prose(content: dict, report: LoadReport) -> None:
    """Create the plan's prose sections, the making-of texts and the schedule."""
    for part, key in (
        (PlanSection.Part.PLAN, "sections"),
        (PlanSection.Part.MAKING_OF, "making_of"),
    ):
        for position, item in enumerate(content.get(key, []), start=1):
            create_missing(
                PlanSection,
                report,
                lookup={"slug": item["slug"]},
                values={"part": part, "position": item.get("position", position)}
                | _without(item, "slug", "position"),
            )
    for item in content.get("schedule", []):
        create_missing(
            ScheduleStep,
            report,
            lookup={"position": item["position"]},
            values=_without(item, "position"),
        )


def _load_goals(content: dict, report: LoadReport) -> None:
    """Create the three goals and the 'Mein Hannover 2030' goals behind them."""
    for item in content.get("goals", []):
        create_missing(
            Goal,
            report,
            lookup={"number": item["number"]},
            values=_without(item, "number") | PUBLISHED,
        )
    for item in content.get("city_development_goals", []):
        create_missing(
            CityDevelopmentGoal,
            report,
            lookup={"position": item["position"]},
            values={"text": item["text"]},
            relations={
                "goals": lookup_all(
                    Goal, "number", item.get("goals"), context="city development goal"
                )
            },
        )


def _load_areas(content: dict, report: LoadReport) -> None:
    """Create the Areas of Action with their examples of measures."""
    for item in content.get("areas", []):
        context = f"area {item['number']}"
        area, created = create_missing(
            AreaOfAction,
            report,
            lookup={"number": item["number"]},
            values=_without(item, "number", "goals", "examples") | PUBLISHED,
            relations={"goals": lookup_all(Goal, "number", item.get("goals"), context=context)},
        )
        if created:
            for position, text in enumerate(item.get("examples", []), start=1):
                create_missing(
                    AreaExample,
                    report,
                    lookup={"area": area, "position": position},
                    values={"text": text},
                )


def _load_measures(content: dict, report: LoadReport) -> None:
    """Create the measures with their sub-items."""
    for item in content.get("measures", []):
        context = f"measure {item['number']}"
        measure, created = create_missing(
            Measure,
            report,
            lookup={"number": str(item["number"])},
            values={
                "area": lookup_one(AreaOfAction, "number", item["area"], context=context),
                "title": item["title"],
                "summary": item.get("summary", {}),
                "description": item.get("description", {}),
                "lead_unit": lookup_one(
                    OrganisationalUnit, "slug", item.get("lead_unit"), context=context
                ),
                "slug": str(item["number"]).replace(".", "-"),
            }
            | PUBLISHED,
            relations={
                "goals": lookup_all(Goal, "number", item.get("goals"), context=context),
                "themes": lookup_all(Theme, "slug", item.get("themes"), context=context),
            },
        )
        if created:
            for position, title in enumerate(item.get("sub_items", []), start=1):
                create_missing(
                    SubItem,
                    report,
                    lookup={"measure": measure, "position": position},
                    values={"title": title},
                )


def links_confirm(*, links, user) -> int:
    """Confirm the unconfirmed ones among `links` in the user's name; return how many."""
    confirmed = 0
    with transaction.atomic():
        # Row by row, so that each confirmation is a dated version in the history.
        # Only the links' own rows are locked, in a plain order, whatever the list joined.
        rows = links.select_related(None).unconfirmed().order_by("pk")
        for link in rows.select_for_update(of=("self",)):
            link.confirmed = True
            link.confirmed_at = timezone.now()
            link.confirmed_by = user
            link.save(update_fields=["confirmed", "confirmed_at", "confirmed_by"])
            confirmed += 1
    return confirmed
