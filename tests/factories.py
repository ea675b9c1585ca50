"""Factories for every model, for the rows tests create on top of the loaded plan.

One way to make a row in a test: a factory. Numbers, slugs and days come from sequences far from
the plan's own (goals 1 to 3, areas 1 to 4, measures 1.1 to 4.3), so that extra rows never collide
with it. Progress reports are made through `progress.services`, as the admin makes them, so that
the measure's status follows; everything else is a plain row.
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from backoffice.models import EditorProfile
from backoffice.roles import COUNCIL_MEMBER, DEPARTMENT_EDITOR, OFFICE
from core.content import PublicationState
from core.models import WorkflowEvent
from hannover_intl.models import SitePage
from measures.models import (
    AreaExample,
    AreaOfAction,
    Benefit,
    CityDevelopmentGoal,
    Goal,
    Measure,
    MeasureContact,
    OrganisationalUnit,
    PlanSection,
    ScheduleStep,
    Status,
    SubItem,
    Theme,
)
from monitoring.models import MailPreference
from networks.models import EUProject, FundingProgramme, Network, Scope
from partners.models import ExternalPartner, PartnerCity, Partnership, PartnershipKind
from progress.models import Milestone, ProgressReport, ReportingPeriod
from progress.services import progress_report_create, progress_report_save
from relations.models import Activity, ActivityKind

PASSWORD = "a long Passwort 2026"


def days_after(start: datetime.date):
    """Return a sequence of successive days from `start`, one a row."""
    return factory.Sequence(lambda n: start + datetime.timedelta(days=n))


# The plan ------------------------------------------------------------------------------------


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


class PlanSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanSection

    slug = factory.Sequence(lambda n: f"section-{n}")
    position = factory.Sequence(lambda n: 100 + n)
    title_de = factory.Sequence(lambda n: f"Abschnitt {n}")
    title_en = factory.Sequence(lambda n: f"Section {n}")
    body_de = "Ein Absatz."
    body_en = "A paragraph."


class ScheduleStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScheduleStep

    position = factory.Sequence(lambda n: 100 + n)
    title_de = factory.Sequence(lambda n: f"Schritt {n}")
    title_en = factory.Sequence(lambda n: f"Step {n}")
    period = "2026"


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    number = factory.Sequence(lambda n: 100 + n)
    title_de = factory.Sequence(lambda n: f"Ziel {n}")
    title_en = factory.Sequence(lambda n: f"Goal {n}")
    publication_state = PublicationState.PUBLISHED


class CityDevelopmentGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CityDevelopmentGoal

    position = factory.Sequence(lambda n: 100 + n)
    text_de = factory.Sequence(lambda n: f"Ziel der Stadtentwicklung {n}")
    text_en = factory.Sequence(lambda n: f"City development goal {n}")


class AreaOfActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaOfAction

    number = factory.Sequence(lambda n: 10 + n)
    title_de = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    title_en = factory.Sequence(lambda n: f"Area {n}")
    publication_state = PublicationState.PUBLISHED


class AreaExampleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaExample

    area = factory.SubFactory(AreaOfActionFactory)
    position = factory.Sequence(lambda n: 100 + n)
    text_de = factory.Sequence(lambda n: f"Beispiel {n}")
    text_en = factory.Sequence(lambda n: f"Example {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    area = factory.SubFactory(AreaOfActionFactory)
    # Far above the plan's own numbers, so that extra measures never collide with 1.1 to 4.3.
    number = factory.LazyAttributeSequence(lambda measure, n: f"{measure.area.number}.{n + 100}")
    title_de = factory.Sequence(lambda n: f"Maßnahme {n}")
    title_en = factory.Sequence(lambda n: f"Measure {n}")
    publication_state = PublicationState.PUBLISHED


class SubItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubItem

    measure = factory.SubFactory(MeasureFactory)
    position = factory.Sequence(lambda n: 100 + n)
    title_de = factory.Sequence(lambda n: f"Teilmaßnahme {n}")
    title_en = factory.Sequence(lambda n: f"Sub-item {n}")
    status = Status.PLANNED


class BenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benefit

    position = factory.Sequence(lambda n: 100 + n)
    title_de = factory.Sequence(lambda n: f"Nutzen {n}")
    title_en = factory.Sequence(lambda n: f"Benefit {n}")


# Partner cities, networks and projects -------------------------------------------------------


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


class ExternalPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalPartner

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name_de = factory.Sequence(lambda n: f"Partnerin {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")
    publication_state = PublicationState.PUBLISHED


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


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgramme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    name_de = factory.Sequence(lambda n: f"Förderprogramm {n}")
    name_en = factory.Sequence(lambda n: f"Funding programme {n}")
    publication_state = PublicationState.PUBLISHED


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    kind = ActivityKind.DELEGATION_INCOMING
    starts_on = datetime.date(2025, 5, 12)
    title_de = factory.Sequence(lambda n: f"Aktivität {n}")
    title_en = factory.Sequence(lambda n: f"Activity {n}")
    publication_state = PublicationState.PUBLISHED


# Progress ------------------------------------------------------------------------------------


class ProgressReportFactory(factory.django.DjangoModelFactory):
    """A progress report made through `progress_report_create`, so that its measure follows.

    Published by default, as the service does. Any other `publication_state` is set through
    `progress_report_save` after the report was created as a draft. `build()` gives an unsaved
    report without touching the measure.
    """

    class Meta:
        model = ProgressReport

    measure = factory.SubFactory(MeasureFactory)
    # A day of its own for each report: a measure has one published report a day at most.
    reported_on = days_after(datetime.date(2015, 1, 1))
    status = Status.IN_PROGRESS
    progress = 10
    text_de = factory.LazyAttribute(lambda report: f"Bericht vom {report.reported_on.isoformat()}")
    text_en = ""
    publication_state = PublicationState.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, publication_state=PublicationState.PUBLISHED, **kwargs):
        published = publication_state == PublicationState.PUBLISHED
        report = progress_report_create(
            publish=published, **{key: value for key, value in kwargs.items() if value is not None}
        )
        if not published and publication_state != report.publication_state:
            report.publication_state = publication_state
            report = progress_report_save(report=report)
        return report


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    measure = factory.SubFactory(MeasureFactory)
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    title_de = factory.LazyAttribute(lambda milestone: f"Meilenstein {milestone.title_en}")
    due_on = days_after(datetime.date(2015, 1, 1))
    reached_on = None


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    """A published reporting period; the council's periods each end on a day of their own."""

    class Meta:
        model = ReportingPeriod

    title_en = factory.Sequence(lambda n: f"Reporting period {n}")
    title_de = factory.LazyAttribute(lambda period: f"Bericht {period.title_en}")
    ends_on = days_after(datetime.date(2010, 1, 1))
    publication_state = PublicationState.PUBLISHED


# Site pages ----------------------------------------------------------------------------------


class SitePageFactory(factory.django.DjangoModelFactory):
    """A site page; each slug exists once, so a slug the plan loaded returns that page."""

    class Meta:
        model = SitePage
        django_get_or_create = ("slug",)

    slug = SitePage.Slug.CONTACT
    title_de = factory.LazyAttribute(lambda page: f"Seite {page.slug}")
    title_en = factory.LazyAttribute(lambda page: f"Page {page.slug}")
    body_de = "Ein Absatz."
    body_en = "A paragraph."
    publication_state = PublicationState.PUBLISHED


# People of the back office --------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    """A person without a role, with PASSWORD (hashed) unless `password` is given."""

    class Meta:
        model = get_user_model()
        # The role and unit hooks save what they add themselves.
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


def in_group(default: str):
    """Return a hook that puts the new user in the group of their role, `default` unless given."""

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=extracted or default))

    return role


class StaffUserFactory(UserFactory):
    """A member of staff in the group of `role`, one of the roles of `backoffice.roles`."""

    is_staff = True
    role = in_group(OFFICE)


class OfficeUserFactory(StaffUserFactory):
    """An editor of the International Affairs Office."""

    username = factory.Sequence(lambda n: f"office-{n}")
    role = in_group(OFFICE)


class CouncilMemberFactory(StaffUserFactory):
    """A council member, who reads everything and changes nothing."""

    username = factory.Sequence(lambda n: f"council-{n}")
    role = in_group(COUNCIL_MEMBER)


class DepartmentEditorFactory(StaffUserFactory):
    """A department editor, tied by their profile to `unit` (a new unit unless given)."""

    username = factory.Sequence(lambda n: f"editor-{n}")
    role = in_group(DEPARTMENT_EDITOR)

    @factory.post_generation
    def unit(user, create, extracted, **kwargs):
        if create:
            EditorProfile.objects.create(user=user, unit=extracted or OrganisationalUnitFactory())


class EditorProfileFactory(factory.django.DjangoModelFactory):
    """The link of a department editor to their unit, for a user made without one."""

    class Meta:
        model = EditorProfile

    user = factory.SubFactory(StaffUserFactory, role=DEPARTMENT_EDITOR)
    unit = factory.SubFactory(OrganisationalUnitFactory)


class WorkflowEventFactory(factory.django.DjangoModelFactory):
    """A step of the publishing workflow, as `core.workflow` logs it."""

    class Meta:
        model = WorkflowEvent

    content_object = factory.SubFactory(MeasureFactory, publication_state=PublicationState.REVIEW)
    from_state = PublicationState.DRAFT
    to_state = PublicationState.REVIEW
    user = factory.SubFactory(OfficeUserFactory)


# Who is responsible, and reminders ---------------------------------------------------------


class MeasureContactFactory(factory.django.DjangoModelFactory):
    """A member of staff named as a measure's contact person."""

    class Meta:
        model = MeasureContact

    measure = factory.SubFactory(MeasureFactory)
    user = factory.SubFactory(StaffUserFactory, role=DEPARTMENT_EDITOR)
    is_primary = False


class MailPreferenceFactory(factory.django.DjangoModelFactory):
    """A member of staff's mail language and optional reminders."""

    class Meta:
        model = MailPreference

    user = factory.SubFactory(StaffUserFactory)
    language = "de"
