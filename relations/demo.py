"""Invented records of the register for demonstrations, every one marked as sample data.

The sources name no activities, programmes or events and only five external partners: nothing
here runs unless someone calls `manage.py load_demo_relations`, and `--remove` takes every
sample row out again.
"""

import datetime

from django.db import transaction

from core.content import PublicationState
from networks.models import EUProject, FundingProgramme, Network
from partners.models import ActorKind, ExternalPartner, PartnerCity

from .models import Activity, ActivityKind

D = datetime.timedelta
PUBLISHED = PublicationState.PUBLISHED
PREFIX = {"de": "Beispiel: ", "en": "Sample: "}

ACTORS = [
    ("beispiel-freundeskreis", ActorKind.FRIENDSHIP_SOCIETY, "Freundeskreis", "Friendship society"),
    ("beispiel-migrantinnen-verein", ActorKind.MIGRANT_ORGANISATION, "Verein", "Association"),
    ("beispiel-hochschule", ActorKind.UNIVERSITY, "Hochschule", "University"),
]
PROGRAMMES = [
    ("beispiel-programm-a", "Städtepartnerschaftsprogramm", "Town twinning programme", 45),
    ("beispiel-programm-b", "Stiftungsfonds Begegnung", "Foundation fund for encounters", 120),
]
# (kind, days from today, title de, title en, public event?, start time)
ACTIVITIES = [
    (ActivityKind.DELEGATION_INCOMING, -300, "Delegation zu Gast", "Delegation visiting", False),
    (ActivityKind.YOUTH_EXCHANGE, -150, "Jugendbegegnung", "Youth encounter", False),
    (ActivityKind.CONFERENCE, -40, "Netzwerkkonferenz", "Network conference", True),
    (ActivityKind.EVENT, 21, "Internationaler Tag", "International Day", True),
    (ActivityKind.EVENT, 60, "Empfang im Rathaus", "Reception at the Town Hall", True),
]
SAMPLE_TEXT = {
    "de": "Beispieldaten, frei erfunden, zur Vorführung der Seiten.",
    "en": "Sample data, invented to show how the pages work.",
}


def _named(obj_values: dict, field: str, german: str, english: str) -> dict:
    obj_values[f"{field}_de"] = PREFIX["de"] + german
    obj_values[f"{field}_en"] = PREFIX["en"] + english
    return obj_values


@transaction.atomic
def demo_relations_load(*, today: datetime.date) -> dict[str, int]:
    """Create sample actors, programmes, activities and events; return how many of each."""
    cities = list(PartnerCity.objects.public().order_by("pk")[:3])
    network = Network.objects.public().order_by("pk").first()
    project = EUProject.objects.public().order_by("pk").first()
    created = {"actors": 0, "programmes": 0, "activities": 0}
    actors = []
    for index, (slug, kind, german, english) in enumerate(ACTORS):
        values = _named({}, "name", german, english)
        actor = ExternalPartner(
            slug=slug,
            kind=kind,
            description_de=SAMPLE_TEXT["de"],
            description_en=SAMPLE_TEXT["en"],
            is_sample=True,
            publication_state=PUBLISHED,
            **values,
        )
        actor.full_clean()
        actor.save()
        actor.partner_cities.set(cities[index : index + 1])
        actors.append(actor)
        created["actors"] += 1
    for slug, german, english, days in PROGRAMMES:
        programme = FundingProgramme(
            slug=slug,
            next_deadline=today + D(days=days),
            description_de=SAMPLE_TEXT["de"],
            description_en=SAMPLE_TEXT["en"],
            is_sample=True,
            publication_state=PUBLISHED,
            **_named({}, "name", german, english),
        )
        programme.full_clean()
        programme.save()
        created["programmes"] += 1
    for index, (kind, days, german, english, event) in enumerate(ACTIVITIES):
        activity = Activity(
            kind=kind,
            starts_on=today + D(days=days),
            starts_at=datetime.time(18, 0) if event else None,
            ends_at=datetime.time(20, 0) if event else None,
            venue_de="Neues Rathaus (Beispiel)" if event else "",
            venue_en="New Town Hall (sample)" if event else "",
            open_to_public=event,
            description_de=SAMPLE_TEXT["de"],
            description_en=SAMPLE_TEXT["en"],
            is_sample=True,
            publication_state=PUBLISHED,
            **_named({}, "title", german, english),
        )
        activity.full_clean()
        activity.save()
        activity.partner_cities.set(cities[index % len(cities) :][:1] if cities else [])
        activity.actors.set(actors[index % len(actors) :][:1])
        if network and kind == ActivityKind.CONFERENCE:
            activity.networks.add(network)
        if project and index == 1:
            activity.eu_projects.add(project)
        created["activities"] += 1
    return created


def demo_relations_exists() -> bool:
    """Return whether any sample record of the register is in the database."""
    return (
        Activity.objects.filter(is_sample=True).exists()
        or ExternalPartner.objects.filter(is_sample=True).exists()
        or FundingProgramme.objects.filter(is_sample=True).exists()
    )


@transaction.atomic
def demo_relations_remove() -> None:
    """Delete every sample record; real rows that pointed at one are left without it."""
    samples = FundingProgramme.objects.filter(is_sample=True)
    EUProject.objects.filter(programme__in=samples).update(programme=None)
    Activity.objects.filter(is_sample=True).delete()
    ExternalPartner.objects.filter(is_sample=True).delete()
    samples.delete()
