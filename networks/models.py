"""City networks Hannover belongs to and the EU-funded projects it takes part in."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.content import Publishable, PublishableQuerySet
from core.dates import plausible_date
from core.i18n import translated_order
from measures.models import (
    EditorialLink,
    Measure,
    OrganisationalUnit,
    Theme,
    theme_links_prefetch,
)
from partners.models import PartnerCity


class Scope(models.TextChoices):
    """Whether a network is European or worldwide."""

    EUROPEAN = "european", _("European")
    INTERNATIONAL = "international", _("international")


class MembershipStatus(models.TextChoices):
    """Hannover's standing in a network."""

    MEMBER = "member", _("member")
    # The plan says the city *will bid*: a planned application is not one in progress.
    PLANNED_APPLICATION = "planned_application", _("application planned")
    APPLYING = "applying", _("applying")
    FORMER = "former", _("former member")


def themes_in_order(link_model):
    """Return a Prefetch of the theme links of `link_model`, with their confirmation, by name."""
    return theme_links_prefetch(link_model)


def plain_themes_in_order():
    """Return a Prefetch of themes the office entered (no reading of the plan), by name."""
    return Prefetch("themes", queryset=Theme.objects.order_by(translated_order("name")))


def published_measures():
    """Return a Prefetch of the published measures, in plan order, as `published_measures`."""
    return Prefetch(
        "measures", queryset=Measure.objects.public().for_list(), to_attr="published_measures"
    )


class NetworkQuerySet(PublishableQuerySet):
    """Read filters for networks."""

    def confirmed(self):
        """Return the networks the office does not still have to verify, the only ones counted."""
        return self.filter(needs_verification=False)

    def unconfirmed(self):
        """Return the networks whose source the office has yet to verify."""
        return self.filter(needs_verification=True)

    def for_list(self):
        """Return networks with their themes, European first, by name in the active language."""
        return self.prefetch_related(themes_in_order(NetworkThemeLink)).order_by(
            "scope", translated_order("name"), "pk"
        )

    def for_detail(self):
        """Return networks with their themes and published measures."""
        return self.prefetch_related(themes_in_order(NetworkThemeLink), published_measures())


class Network(Publishable):
    """A European or international network of cities."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope, db_index=True)
    membership_status = models.CharField(
        _("membership status"),
        max_length=24,
        choices=MembershipStatus,
        default=MembershipStatus.MEMBER,
        db_index=True,
    )
    status_as_of = models.DateField(
        _("membership status as of"),
        null=True,
        blank=True,
        help_text=_(
            "The date of the source or edit that states the membership status; "
            "the public page shows its month and year."
        ),
    )
    since = models.PositiveSmallIntegerField(
        _("member since (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    role = models.CharField(
        _("Hannover's role"),
        max_length=300,
        blank=True,
        help_text=_("For example: Vice President City of Mayors for Peace."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    needs_verification = models.BooleanField(
        _("to be verified by the office"),
        default=False,
        help_text=_(
            "The source could not be matched with certainty. Until the office unticks this box, "
            "the public pages mark the entry and no public figure counts it."
        ),
    )
    verification_note = models.TextField(_("note for verification"), blank=True)
    themes = models.ManyToManyField(
        Theme,
        through="NetworkThemeLink",
        related_name="networks",
        blank=True,
        verbose_name=_("themes"),
    )
    measures = models.ManyToManyField(
        Measure, related_name="networks", blank=True, verbose_name=_("linked measures")
    )
    coordinating_unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_networks",
        verbose_name=_("coordinating unit"),
    )
    contact_persons = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="contact_for_networks",
        blank=True,
        verbose_name=_("contact persons"),
        limit_choices_to={"is_staff": True, "is_active": True},
    )

    objects = NetworkQuerySet.as_manager()

    class Meta:
        ordering = ["scope", "name"]
        verbose_name = _("network of cities")
        verbose_name_plural = _("networks of cities")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("networks:network_detail", kwargs={"slug": self.slug})


class FundingProgrammeQuerySet(PublishableQuerySet):
    """Read filters for funding programmes."""

    def for_list(self, today):
        """Return programmes with an upcoming deadline first (soonest first), then the others."""
        return (
            self.prefetch_related(
                plain_themes_in_order(),
                Prefetch(
                    "eu_projects",
                    queryset=EUProject.objects.public().order_by(Lower("acronym"), "pk"),
                    to_attr="published_projects",
                ),
            )
            .annotate(
                upcoming=models.Case(
                    models.When(next_deadline__gte=today, then=models.Value(0)),
                    default=models.Value(1),
                )
            )
            .order_by("upcoming", "next_deadline", translated_order("name"), "pk")
        )


class FundingProgramme(Publishable):
    """A programme that funds international work: EU, federal or state money, or a foundation."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    eligibility = models.TextField(_("who may apply"), blank=True)
    typical_share = models.CharField(
        _("typical share of funding"),
        max_length=120,
        blank=True,
        help_text=_("For example: up to 80 percent of the eligible costs."),
    )
    next_deadline = models.DateField(
        _("next deadline"), null=True, blank=True, validators=[plausible_date]
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="funding_programmes", blank=True, verbose_name=_("themes")
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Invented for demonstration; the public site marks it as sample data."),
    )

    objects = FundingProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("relations:programme_list") + f"#programme-{self.slug}"


class EUProjectQuerySet(PublishableQuerySet):
    """Read filters for EU projects."""

    def running_on(self, day):
        """Return the projects that run on `day`."""
        return self.filter(
            Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day)
        )

    def in_phase(self, phase, day):
        """Return the projects whose `EUProject.phase` on `day` is `phase`."""
        no_dates = Q(start__isnull=True, end__isnull=True)
        if phase == EUProject.Phase.UNKNOWN:
            return self.filter(no_dates)
        if phase == EUProject.Phase.UPCOMING:
            return self.filter(start__gt=day)
        if phase == EUProject.Phase.COMPLETED:
            # The end is never before the start, so an ended project has started too.
            return self.filter(end__lt=day)
        if phase == EUProject.Phase.RUNNING:
            return self.running_on(day).exclude(no_dates)
        return self.none()

    def for_list(self):
        """Return projects with their lead unit, by acronym whatever its case."""
        return self.select_related("lead_unit").order_by(Lower("acronym"), "pk")

    def for_detail(self):
        """Return projects with everything their own page shows, published links only."""
        return self.select_related("lead_unit").prefetch_related(
            Prefetch(
                "programme",
                queryset=FundingProgramme.objects.public(),
            ),
            themes_in_order(EUProjectThemeLink),
            published_measures(),
            Prefetch(
                "partner_cities",
                queryset=PartnerCity.objects.public().order_by(translated_order("name")),
                to_attr="published_partner_cities",
            ),
        )


class EUProject(Publishable):
    """An EU-funded project the City Administration takes part in."""

    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("upcoming")
        RUNNING = "running", _("running")
        COMPLETED = "completed", pgettext_lazy("EU project phase", "completed")
        UNKNOWN = "unknown", _("dates not known")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    acronym = models.CharField(_("acronym"), max_length=80)
    title = models.CharField(_("full title"), max_length=300, blank=True)
    aim = models.TextField(_("aim"), blank=True)
    funding_programme = models.CharField(_("funding programme"), max_length=200, blank=True)
    programme = models.ForeignKey(
        FundingProgramme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eu_projects",
        verbose_name=_("funding programme (directory)"),
        help_text=_("The programme in the directory of funding programmes that funds it."),
    )
    participation_from = models.PositiveSmallIntegerField(
        _("participation from (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The years of the city's participation as the source gives them."),
    )
    participation_until = models.PositiveSmallIntegerField(
        _("participation until (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    lead_unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eu_projects",
        verbose_name=_("lead unit"),
    )
    partner_cities = models.ManyToManyField(
        PartnerCity,
        related_name="eu_projects",
        blank=True,
        verbose_name=_("twin and cooperation cities"),
    )
    website = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(
        Theme,
        through="EUProjectThemeLink",
        related_name="eu_projects",
        blank=True,
        verbose_name=_("themes"),
    )
    measures = models.ManyToManyField(
        Measure, related_name="eu_projects", blank=True, verbose_name=_("linked measures")
    )
    contact_persons = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="contact_for_eu_projects",
        blank=True,
        verbose_name=_("contact persons"),
        limit_choices_to={"is_staff": True, "is_active": True},
    )

    objects = EUProjectQuerySet.as_manager()

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("EU-funded project")
        verbose_name_plural = _("EU-funded projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="%(app_label)s_%(class)s_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(participation_from__isnull=True)
                | Q(participation_until__isnull=True)
                | Q(participation_until__gte=F("participation_from")),
                name="%(app_label)s_%(class)s_participation_until_not_before_from",
            ),
        ]

    def __str__(self):
        return self.acronym

    def get_absolute_url(self):
        return reverse("networks:project_detail", kwargs={"slug": self.slug})

    @property
    def phase(self) -> str:
        """Return whether the project is upcoming, running or completed today."""
        today = timezone.localdate()
        if self.start is None and self.end is None:
            return self.Phase.UNKNOWN
        if self.start and self.start > today:
            return self.Phase.UPCOMING
        if self.end and self.end < today:
            return self.Phase.COMPLETED
        return self.Phase.RUNNING


class NetworkThemeLink(EditorialLink):
    """That a network concerns a theme: the portal's reading, until the office confirms it."""

    source_field, target_field = "network", "theme"

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="theme_links",
        verbose_name=_("network of cities"),
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="network_links", verbose_name=_("theme")
    )

    class Meta:
        ordering = ["network__name", "theme__slug"]
        verbose_name = _("theme of a network")
        verbose_name_plural = _("themes of networks")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "theme"], name="%(app_label)s_%(class)s_unique"
            )
        ]


class EUProjectThemeLink(EditorialLink):
    """That an EU project concerns a theme: the portal's reading, until the office confirms it."""

    source_field, target_field = "euproject", "theme"

    # Named as Django names the column of an automatic link table, as the existing rows had it.
    euproject = models.ForeignKey(
        EUProject,
        on_delete=models.CASCADE,
        related_name="theme_links",
        verbose_name=_("EU-funded project"),
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="eu_project_links", verbose_name=_("theme")
    )

    class Meta:
        ordering = ["euproject__acronym", "theme__slug"]
        verbose_name = _("theme of an EU-funded project")
        verbose_name_plural = _("themes of EU-funded projects")
        constraints = [
            models.UniqueConstraint(
                fields=["euproject", "theme"], name="%(app_label)s_%(class)s_unique"
            )
        ]


THEME_LINKS = (NetworkThemeLink, EUProjectThemeLink)
