"""Synthetic content at a multiple of the plan's size, for load tests and query budgets.

Every record is marked in the data itself: slugs start with `synthetic-`, titles and names carry
"[Synthetisch]" in German and "[Synthetic]" in English, progress reports, milestones and
reporting periods have `is_sample` set. One unit is the plan's own volume: 4 Areas of Action,
13 measures with 31 sub-items, 25 partner cities with a partnership each, 11 networks and
7 EU projects, plus ten half-years of progress reports and three milestones per measure.
Rows are written with bulk_create, so the progress signals do not run: each measure's status
and progress are set here to those of its latest published report, as the services would.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from core.content import PublicationState
from core.text import fold
from hannover_intl.cache import content_changes_deferred
from measures.models import (
    AreaExample,
    AreaOfAction,
    Goal,
    Measure,
    OrganisationalUnit,
    Priority,
    Status,
    SubItem,
    Theme,
)
from networks.models import EUProject, FundingProgramme, MembershipStatus, Network, Scope
from partners.models import ActorKind, ExternalPartner, PartnerCity, Partnership, PartnershipKind
from progress.models import Milestone, ProgressReport, ReportingPeriod
from relations.models import Activity, ActivityKind

SLUG_PREFIX = "synthetic-"
MARK = {"de": "[Synthetisch]", "en": "[Synthetic]"}
# Synthetic Areas of Action are numbered from here on, far above the plan's 1 to 4.
AREA_BASE = 1000
BATCH = 1000

AREAS_PER_UNIT = 4
MEASURES_PER_UNIT = 13
CITIES_PER_UNIT = 25
NETWORKS_PER_UNIT = 11
PROJECTS_PER_UNIT = 7
ACTIVITIES_PER_UNIT = 24
ACTORS_PER_UNIT = 4
HALF_YEARS = 10
# Synthetic rows are created published, as if the office had released them.
PUBLISHED = {"publication_state": PublicationState.PUBLISHED}
D = datetime.timedelta

# A measure's course over its reports: (status, progress); the last step may complete it.
COURSES = [
    [Status.PLANNED, Status.IN_PREPARATION, Status.IN_PROGRESS],
    [Status.IN_PREPARATION, Status.IN_PROGRESS, Status.COMPLETED],
    [Status.ONGOING],
    [Status.IN_PROGRESS, Status.ON_HOLD],
]
COUNTRIES = ["FR", "PL", "GB", "IT", "ES", "SE", "TR", "GH", "CN", "JP", "US", "BR", "IN", "MA"]


def marked(text_de: str, text_en: str) -> dict[str, str]:
    """Return the base value and both languages of a translated text, marked as synthetic."""
    de, en = f"{MARK['de']} {text_de}", f"{MARK['en']} {text_en}"
    return {"": de, "_de": de, "_en": en}


def translated(name: str, text_de: str, text_en: str) -> dict[str, str]:
    """Return keyword arguments that fill `name` and its German and English columns."""
    return {f"{name}{suffix}": value for suffix, value in marked(text_de, text_en).items()}


def half_year_ends(today: datetime.date, count: int) -> list[datetime.date]:
    """Return the last `count` ends of a half-year before `today`, oldest first."""
    ends = []
    for year in itertools.count(today.year, -1):
        for end in (datetime.date(year, 12, 31), datetime.date(year, 6, 30)):
            if end < today and len(ends) < count:
                ends.append(end)
        if len(ends) == count:
            return sorted(ends)
    return ends


def report_course(index: int, days: list[datetime.date]) -> list[tuple[datetime.date, str, int]]:
    """Return a measure's reports as (day, status, progress), rising over the half-years."""
    course = COURSES[index % len(COURSES)]
    reports = []
    for step, day in enumerate(days):
        status = course[min(step * len(course) // len(days), len(course) - 1)]
        progress = 100 if status == Status.COMPLETED else min(95, 5 + step * 9 + index % 5)
        if status in (Status.PLANNED, Status.ONGOING):
            progress = 0 if status == Status.PLANNED else 50
        reports.append((day - D(days=index % 40), status, progress))
    return reports


@dataclass
class Context:
    """What every unit links to: the plan's goals, themes and units, and the report days."""

    today: datetime.date
    goals: list[int]
    themes: list[int]
    units: list[int]
    report_days: list[datetime.date]
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, number: int) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + number


def create(model, rows: list) -> list:
    """Insert `rows` in batches and return them with their primary keys."""
    return model.objects.bulk_create(rows, batch_size=BATCH)


def link(relation, pairs: list[tuple[int, int]]) -> None:
    """Insert the many-to-many rows of `relation` (a ManyToManyField descriptor) in batches."""
    through = relation.through
    source = relation.field.m2m_field_name() + "_id"
    target = relation.field.m2m_reverse_field_name() + "_id"
    through.objects.bulk_create(
        [through(**{source: a, target: b}) for a, b in pairs], batch_size=BATCH
    )


def next_unit() -> int:
    """Return the number of the next synthetic unit, after those already in the database."""
    last = AreaOfAction.objects.filter(number__gt=AREA_BASE).order_by("-number").first()
    return 0 if last is None else (last.number - AREA_BASE - 1) // AREAS_PER_UNIT + 1


def build_unit(unit: int, ctx: Context) -> None:
    """Create one unit of synthetic content, numbered `unit` (0, 1, …)."""
    areas = create(
        AreaOfAction,
        [
            AreaOfAction(
                number=AREA_BASE + unit * AREAS_PER_UNIT + k + 1,
                **PUBLISHED,
                **translated("title", f"Handlungsfeld {unit}-{k + 1}", f"Area {unit}-{k + 1}"),
                **translated("short_title", f"Feld {unit}-{k + 1}", f"Area {unit}-{k + 1}"),
                **translated(
                    "summary",
                    "Erfundenes Handlungsfeld für Lasttests.",
                    "Invented Area of Action for load tests.",
                ),
            )
            for k in range(AREAS_PER_UNIT)
        ],
    )
    link(AreaOfAction.goals, [(a.pk, ctx.goals[i % len(ctx.goals)]) for i, a in enumerate(areas)])
    create(
        AreaExample,
        [
            AreaExample(
                area=area, position=p, **translated("text", f"Beispiel {p}", f"Example {p}")
            )
            for area in areas
            for p in (1, 2)
        ],
    )
    measures, courses = [], []
    for j in range(MEASURES_PER_UNIT):
        area = areas[j % AREAS_PER_UNIT]
        position = j // AREAS_PER_UNIT + 1
        number = f"{area.number}.{position}"
        course = report_course(unit * MEASURES_PER_UNIT + j, ctx.report_days)
        _, status, progress = course[-1]
        start = ctx.report_days[0] - D(days=180)
        measures.append(
            Measure(
                number=number,
                slug=f"{SLUG_PREFIX}{area.number}-{position}",
                area=area,
                position=position,
                **PUBLISHED,
                lead_unit_id=ctx.units[j % len(ctx.units)],
                status=status,
                progress=progress,
                planned_start=start,
                planned_end=start + D(days=365 * 6),
                priority=list(Priority)[j % 3],
                **translated("title", f"Maßnahme {number}", f"Measure {number}"),
                **translated(
                    "summary",
                    "Erfundene Maßnahme, um die Leistung des Portals zu messen.",
                    "Invented measure to measure the portal's performance.",
                ),
                **translated(
                    "description",
                    "Dieser Text ist frei erfunden.\n\n- erster Punkt\n- zweiter Punkt",
                    "This text is invented.\n\n- first point\n- second point",
                ),
            )
        )
        courses.append(course)
    measures = create(Measure, measures)
    link(Measure.goals, [(m.pk, ctx.goals[i % len(ctx.goals)]) for i, m in enumerate(measures)])
    link(
        Measure.themes,
        [
            (m.pk, ctx.themes[(i + k) % len(ctx.themes)])
            for i, m in enumerate(measures)
            for k in (0, 3)
        ],
    )
    link(
        Measure.contributing_units,
        [(m.pk, ctx.units[(i + 1) % len(ctx.units)]) for i, m in enumerate(measures)],
    )
    create(
        SubItem,
        [
            SubItem(
                measure=m,
                position=p,
                status=Status.IN_PROGRESS,
                **translated("title", f"Teilschritt {m.number}.{p}", f"Sub-item {m.number}.{p}"),
            )
            for i, m in enumerate(measures)
            for p in range(1, (3 if i < 5 else 2) + 1)
        ],
    )
    create(
        ProgressReport,
        [
            ProgressReport(
                measure=m,
                reported_on=day,
                status=status,
                progress=progress,
                **PUBLISHED,
                is_sample=True,
                **translated(
                    "text",
                    f"Erfundener Bericht vom {day.isoformat()}.",
                    f"Invented report of {day.isoformat()}.",
                ),
            )
            for m, course in zip(measures, courses, strict=True)
            for day, status, progress in course
        ],
    )
    first, last = ctx.report_days[0], ctx.report_days[-1]
    create(
        Milestone,
        [
            Milestone(
                measure=m,
                due_on=due,
                reached_on=reached,
                is_sample=True,
                **translated(
                    "title", f"Meilenstein {k} von {m.number}", f"Milestone {k} of {m.number}"
                ),
            )
            for m in measures
            for k, due, reached in (
                (1, first + D(days=30), first + D(days=20)),
                (2, last - D(days=30), None),
                (3, ctx.today + D(days=120), None),
            )
        ],
    )
    build_partners(unit, ctx, measures)
    ctx.add("areas", len(areas))
    ctx.add("measures", len(measures))
    ctx.add("progress reports", sum(len(c) for c in courses))


def build_partners(unit: int, ctx: Context, measures: list[Measure]) -> None:
    """Create one unit's partner cities with partnerships, networks and EU projects."""
    cities = []
    for k in range(CITIES_PER_UNIT):
        n = unit * CITIES_PER_UNIT + k + 1
        names = translated("name", f"Stadt {n}", f"City {n}")
        cities.append(
            PartnerCity(
                slug=f"{SLUG_PREFIX}city-{n}",
                country=COUNTRIES[n % len(COUNTRIES)],
                latitude=round(-50 + (n * 7.31) % 110, 5),
                longitude=round(-170 + (n * 13.7) % 340, 5),
                **PUBLISHED,
                search_names=" ".join(sorted({fold(names["name_de"]), fold(names["name_en"])})),
                **names,
                **translated("description", "Erfundene Partnerstadt.", "Invented partner city."),
            )
        )
    cities = create(PartnerCity, cities)
    kinds = list(PartnershipKind)
    partnerships = create(
        Partnership,
        [
            Partnership(
                city=city,
                kind=kinds[k % len(kinds)],
                since=1950 + (unit + k) % 70,
                coordinating_unit_id=ctx.units[k % len(ctx.units)],
                **translated("description", "Erfundene Partnerschaft.", "Invented partnership."),
            )
            for k, city in enumerate(cities)
        ],
    )
    link(
        Partnership.themes,
        [(p.pk, ctx.themes[k % len(ctx.themes)]) for k, p in enumerate(partnerships)],
    )
    link(
        Partnership.measures,
        [(p.pk, measures[k % len(measures)].pk) for k, p in enumerate(partnerships)],
    )
    scopes, standings = list(Scope), list(MembershipStatus)
    networks = create(
        Network,
        [
            Network(
                slug=f"{SLUG_PREFIX}network-{unit}-{k}",
                acronym=f"SYN{unit}N{k}",
                scope=scopes[k % len(scopes)],
                membership_status=standings[k % len(standings)],
                since=1990 + k,
                **PUBLISHED,
                **translated("name", f"Netzwerk {unit}-{k}", f"Network {unit}-{k}"),
                **translated("description", "Erfundenes Netzwerk.", "Invented network."),
            )
            for k in range(NETWORKS_PER_UNIT)
        ],
    )
    link(Network.themes, [(n.pk, ctx.themes[k % len(ctx.themes)]) for k, n in enumerate(networks)])
    link(Network.measures, [(n.pk, measures[k % len(measures)].pk) for k, n in enumerate(networks)])
    projects = create(
        EUProject,
        [
            EUProject(
                slug=f"{SLUG_PREFIX}project-{unit}-{k}",
                acronym=f"SYN{unit}P{k}",
                # Running, completed and upcoming in turn.
                start=ctx.today + D(days=(-300, -900, 100)[k % 3]),
                end=ctx.today + D(days=(300, -100, 700)[k % 3]),
                funding_programme="Interreg Europe",
                lead_unit_id=ctx.units[k % len(ctx.units)],
                **PUBLISHED,
                **translated("title", f"Projekt {unit}-{k}", f"Project {unit}-{k}"),
                **translated("aim", "Erfundenes Projektziel.", "Invented project aim."),
            )
            for k in range(PROJECTS_PER_UNIT)
        ],
    )
    link(
        EUProject.themes, [(p.pk, ctx.themes[k % len(ctx.themes)]) for k, p in enumerate(projects)]
    )
    link(
        EUProject.measures, [(p.pk, measures[k % len(measures)].pk) for k, p in enumerate(projects)]
    )
    link(
        EUProject.partner_cities,
        [
            (p.pk, cities[(k * 3 + i) % len(cities)].pk)
            for k, p in enumerate(projects)
            for i in (0, 1)
        ],
    )
    ctx.add("partner cities", len(cities))
    ctx.add("networks", len(networks))
    ctx.add("EU projects", len(projects))
    build_register(unit, ctx, cities, networks, projects)


def build_register(unit: int, ctx: Context, cities, networks, projects) -> None:
    """Create one unit's activities, events, local actors and a funding programme."""
    programme = create(
        FundingProgramme,
        [
            FundingProgramme(
                slug=f"{SLUG_PREFIX}programme-{unit}",
                next_deadline=ctx.today + D(days=30 + unit),
                **PUBLISHED,
                **translated("name", f"Förderprogramm {unit}", f"Funding programme {unit}"),
                **translated("funder", "Erfundene Stiftung", "Invented foundation"),
            )
        ],
    )[0]
    EUProject.objects.filter(pk__in=[p.pk for p in projects]).update(programme=programme)
    link(FundingProgramme.themes, [(programme.pk, ctx.themes[unit % len(ctx.themes)])])
    actors = create(
        ExternalPartner,
        [
            ExternalPartner(
                slug=f"{SLUG_PREFIX}actor-{unit}-{k}",
                kind=list(ActorKind)[k % len(ActorKind)],
                **PUBLISHED,
                **translated("name", f"Verein {unit}-{k}", f"Association {unit}-{k}"),
            )
            for k in range(ACTORS_PER_UNIT)
        ],
    )
    link(
        ExternalPartner.partner_cities,
        [(a.pk, cities[-1 - k % len(cities)].pk) for k, a in enumerate(actors)],
    )
    link(
        ExternalPartner.themes,
        [(a.pk, ctx.themes[k % len(ctx.themes)]) for k, a in enumerate(actors)],
    )
    kinds = list(ActivityKind)
    activities = create(
        Activity,
        [
            Activity(
                kind=kinds[k % len(kinds)],
                starts_on=ctx.today + D(days=(k - ACTIVITIES_PER_UNIT // 2) * 20),
                starts_at=datetime.time(18) if k % 2 else None,
                open_to_public=bool(k % 2),
                **PUBLISHED,
                **translated("title", f"Aktivität {unit}-{k}", f"Activity {unit}-{k}"),
                **translated("venue", "Erfundener Ort", "Invented venue") if k % 2 else {},
            )
            for k in range(ACTIVITIES_PER_UNIT)
        ],
    )
    # Every activity concerns the unit's last city, network and project, which the budgets read.
    link(Activity.partner_cities, [(a.pk, cities[-1].pk) for a in activities])
    link(Activity.networks, [(a.pk, networks[-1].pk) for a in activities])
    link(Activity.eu_projects, [(a.pk, projects[-1].pk) for a in activities])
    link(Activity.actors, [(a.pk, actors[k % len(actors)].pk) for k, a in enumerate(activities)])
    link(
        Activity.themes, [(a.pk, ctx.themes[k % len(ctx.themes)]) for k, a in enumerate(activities)]
    )
    ctx.add("activities", len(activities))
    ctx.add("local actors", len(actors))
    ctx.add("funding programmes", 1)


def build_periods(ctx: Context) -> None:
    """Add a published reporting period for each half-year of the reports that has none yet."""
    taken = set(ReportingPeriod.objects.values_list("ends_on", flat=True))
    periods = []
    for end in ctx.report_days:
        if end in taken:
            continue
        half = 1 if end.month == 6 else 2
        decided = end + D(days=75)
        periods.append(
            ReportingPeriod(
                ends_on=end,
                council_document=f"SYNTH-{half}/{end.year}",
                decided_on=decided if decided <= ctx.today else None,
                **PUBLISHED,
                is_sample=True,
                **translated(
                    "title",
                    f"Sachstandsbericht {half}. Halbjahr {end.year}",
                    f"Progress report, half-year {half} of {end.year}",
                ),
            )
        )
    create(ReportingPeriod, periods)
    ctx.add("reporting periods", len(periods))


def scaled_data_generate(*, scale: int, today: datetime.date | None = None) -> dict[str, int]:
    """Add `scale` units of synthetic content after any already there; return what was added."""
    today = today or timezone.localdate()
    ctx = Context(
        today=today,
        goals=list(Goal.objects.values_list("pk", flat=True)),
        themes=list(Theme.objects.values_list("pk", flat=True)),
        units=list(OrganisationalUnit.objects.values_list("pk", flat=True)),
        report_days=half_year_ends(today, HALF_YEARS),
    )
    if not (ctx.goals and ctx.themes and ctx.units):
        raise ValueError("Load the action plan first: synthetic content links to its goals.")
    with content_changes_deferred(), transaction.atomic():
        first = next_unit()
        for unit in range(first, first + scale):
            build_unit(unit, ctx)
        build_periods(ctx)
    return ctx.counts


def scaled_data_remove() -> dict[str, int]:
    """Delete every synthetic record; return how many of each kind went.

    Dependent rows go first, one kind after the other, as the models protect their links.
    """
    synthetic = {"slug__startswith": SLUG_PREFIX}
    measures = Measure.objects.filter(**synthetic)
    removed = {}
    with content_changes_deferred(), transaction.atomic():
        # The measures go too, so their status need not follow the remaining reports.
        reports = ProgressReport.objects.filter(measure__in=measures)
        removed["progress reports"] = reports.delete()[1].get(ProgressReport._meta.label, 0)
        Partnership.objects.filter(city__slug__startswith=SLUG_PREFIX).delete()
        for kind, rows in [
            ("activities", Activity.objects.filter(title_en__startswith=MARK["en"])),
            ("local actors", ExternalPartner.objects.filter(**synthetic)),
            ("milestones", Milestone.objects.filter(measure__in=measures)),
            ("sub-items", SubItem.objects.filter(measure__in=measures)),
            ("EU projects", EUProject.objects.filter(**synthetic)),
            ("networks", Network.objects.filter(**synthetic)),
            ("partner cities", PartnerCity.objects.filter(**synthetic)),
            ("funding programmes", FundingProgramme.objects.filter(**synthetic)),
            ("measures", measures),
            ("examples", AreaExample.objects.filter(area__number__gt=AREA_BASE)),
            ("areas", AreaOfAction.objects.filter(number__gt=AREA_BASE)),
            (
                "reporting periods",
                ReportingPeriod.objects.filter(is_sample=True, title_en__startswith=MARK["en"]),
            ),
        ]:
            removed[kind] = rows.delete()[1].get(rows.model._meta.label, 0)
    return removed


def main(argv=None) -> int:
    """Add or remove synthetic content from the command line; for load tests, never production."""
    import argparse
    import time

    parser = argparse.ArgumentParser(
        description="Add N times the plan's volume of synthetic, published content in German "
        "and English (marked [Synthetisch]/[Synthetic], slugs starting with synthetic-)."
    )
    parser.add_argument("--scale", type=int, default=1, help="How many times the plan.")
    parser.add_argument("--remove", action="store_true", help="Remove it all instead.")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be 1 or more.")
    started = time.monotonic()
    counts = scaled_data_remove() if args.remove else scaled_data_generate(scale=args.scale)
    for kind, count in sorted(counts.items()):
        print(f"  {count:>6} {kind}")
    verb = "Removed" if args.remove else "Added"
    print(f"{verb} synthetic content in {time.monotonic() - started:.1f} s.")
    return 0
