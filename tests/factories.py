"""Factories for rows that tests create on top of the loaded plan."""

import factory

from core.content import PublicationState
from measures.models import AreaOfAction, Measure, OrganisationalUnit, Theme
from networks.models import EUProject, Network, Scope
from partners.models import PartnerCity, Partnership, PartnershipKind


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_de = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class OrganisationalUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationalUnit

    slug = factory.Sequence(lambda n: f"unit-{n}")
    name_de = factory.Sequence(lambda n: f"Stelle {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")


class AreaOfActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaOfAction

    number = factory.Sequence(lambda n: 10 + n)
    title_de = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    title_en = factory.Sequence(lambda n: f"Area {n}")
    publication_state = PublicationState.PUBLISHED


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    area = factory.SubFactory(AreaOfActionFactory)
    # Far above the plan's own numbers, so that extra measures never collide with 1.1 to 4.3.
    number = factory.LazyAttributeSequence(lambda measure, n: f"{measure.area.number}.{n + 100}")
    title_de = factory.Sequence(lambda n: f"Maßnahme {n}")
    title_en = factory.Sequence(lambda n: f"Measure {n}")
    publication_state = PublicationState.PUBLISHED


class PartnerCityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerCity

    slug = factory.Sequence(lambda n: f"city-{n}")
    name_de = factory.Sequence(lambda n: f"Stadt {n}")
    name_en = factory.Sequence(lambda n: f"City {n}")
    country = "FR"
    latitude = 48.85
    longitude = 2.35
    publication_state = PublicationState.PUBLISHED


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    city = factory.SubFactory(PartnerCityFactory)
    kind = PartnershipKind.COOPERATION_CITY


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"network-{n}")
    name_de = factory.Sequence(lambda n: f"Städtenetzwerk {n}")
    name_en = factory.Sequence(lambda n: f"City network {n}")
    scope = Scope.EUROPEAN
    publication_state = PublicationState.PUBLISHED


class EUProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EUProject

    slug = factory.Sequence(lambda n: f"project-{n}")
    acronym = factory.Sequence(lambda n: f"PROJ{n:03}")
    aim_de = factory.Sequence(lambda n: f"Ziel des Projekts {n}")
    aim_en = factory.Sequence(lambda n: f"Aim of project {n}")
    publication_state = PublicationState.PUBLISHED
