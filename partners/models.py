"""Twin and cooperation cities, their partnerships and the plan's external partners."""

from functools import lru_cache

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from core.content import PublicationState, Publishable, PublishableQuerySet
from core.council import council_number_validator
from core.i18n import translated_order
from core.text import fold
from measures.models import EditorialLink, Measure, OrganisationalUnit, Theme


@lru_cache(maxsize=1024)
def country_name_in(code: str, language: str) -> str:
    """Return the name of a country in `language`, the active language."""
    # Looked up anew, a name cost 20 µs: lists and the map's key name a country in every row.
    return str(countries.name(code))


class PartnershipKind(models.TextChoices):
    """The three kinds of relationship on the plan's map."""

    TWIN_CITY = "twin_city", _("twin city")
    COOPERATION_CITY = "cooperation_city", _("cooperation city")
    UNESCO_CITY_OF_MUSIC = "unesco_city_of_music", _("cooperation with a UNESCO City of Music")


class PartnerCityQuerySet(PublishableQuerySet):
    """Read filters for partner cities."""

    def for_list(self):
        """Return cities with their partnerships, ready for a list or the map."""
        return self.prefetch_related(
            models.Prefetch(
                "partnerships", queryset=Partnership.objects.public().order_by("since")
            )
        )


class PartnerCity(Publishable):
    """A city the City of Hannover has a partnership or cooperation with."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("Fill in the English name only where it differs, as with Gent and Ghent."),
    )
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # Every language's name without diacritics, so that a search for 'Poznan' finds Poznań.
    search_names = models.CharField(max_length=400, blank=True, editable=False)

    objects = PartnerCityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("twin or cooperation city")
        verbose_name_plural = _("twin and cooperation cities")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90) & Q(latitude__lte=90),
                name="%(app_label)s_%(class)s_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180) & Q(longitude__lte=180),
                name="%(app_label)s_%(class)s_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        names = {getattr(self, f"name_{code}", "") or "" for code in ("de", "en")} | {self.name}
        self.search_names = " ".join(sorted(fold(name) for name in names if name))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("partners:city_detail", kwargs={"slug": self.slug})

    @property
    def country_name(self) -> str:
        """Return the name of the city's country in the active language."""
        return country_name_in(self.country.code, get_language())


class Partnership(Publishable):
    """A twinning or cooperation of Hannover with one city, over a span of time."""

    # A partnership is public only while its city is.
    public_parents = ("city",)

    # A partnership belongs to its city's page, which goes through review; archiving one is the
    # way to take it off the site, since partnerships are never deleted.
    publication_state = models.CharField(
        _("publication state"),
        max_length=16,
        choices=PublicationState,
        default=PublicationState.PUBLISHED,
        db_index=True,
        help_text=_("Archive a partnership to take it off the public site; it is never deleted."),
    )

    city = models.ForeignKey(
        PartnerCity, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("city")
    )
    kind = models.CharField(_("kind"), max_length=24, choices=PartnershipKind, db_index=True)
    since = models.PositiveSmallIntegerField(
        _("since (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    council_decision = models.CharField(
        _("council decision"),
        max_length=120,
        blank=True,
        validators=[council_number_validator],
        help_text=_("Council document number (Drucksache) of the decision, e.g. 1736/2018."),
    )
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, help_text=_("Leave empty while it is active.")
    )
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        Theme,
        through="PartnershipThemeLink",
        related_name="partnerships",
        blank=True,
        verbose_name=_("themes"),
    )
    coordinating_unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_partnerships",
        verbose_name=_("coordinating unit"),
    )
    measures = models.ManyToManyField(
        Measure, related_name="partnerships", blank=True, verbose_name=_("linked measures")
    )
    contact_persons = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="contact_for_partnerships",
        blank=True,
        verbose_name=_("contact persons"),
        limit_choices_to={"is_staff": True, "is_active": True},
    )

    class Meta:
        ordering = ["city__name", "since"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.CheckConstraint(
                condition=Q(since__isnull=True) | Q(since__gte=1900),
                name="%(app_label)s_%(class)s_since_plausible",
            ),
        ]

    def __str__(self):
        return f"{self.city} – {self.get_kind_display()}"

    @property
    def is_active(self) -> bool:
        """Return whether the partnership has not ended."""
        return self.ended_on is None


class ActorKind(models.TextChoices):
    """What kind of organization a local actor is."""

    ASSOCIATION = "association", _("association")
    FRIENDSHIP_SOCIETY = "friendship_society", _("binational friendship society")
    MIGRANT_ORGANISATION = "migrant_organisation", _("migrant organization")
    UNIVERSITY = "university", _("university or research institution")
    COMPANY = "company", _("company")
    CULTURAL_INSTITUTION = "cultural_institution", _("cultural institution")
    PUBLIC_BODY = "public_body", _("public body or agency")


class ExternalPartnerQuerySet(PublishableQuerySet):
    """Read filters for local actors."""

    def for_directory(self):
        """Return actors with their partner cities and themes, by name in the active language."""
        return self.prefetch_related(
            models.Prefetch(
                "partner_cities",
                queryset=PartnerCity.objects.public().order_by(translated_order("name")),
            ),
            models.Prefetch("themes", queryset=Theme.objects.order_by(translated_order("name"))),
        ).order_by(translated_order("name"), "pk")


class PartnershipThemeLink(EditorialLink):
    """That a partnership concerns a theme: the portal's reading, until the office confirms it."""

    source_field, target_field = "partnership", "theme"

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="theme_links",
        verbose_name=_("partnership"),
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="partnership_links", verbose_name=_("theme")
    )

    class Meta:
        ordering = ["partnership__city__name", "partnership__since", "theme__slug"]
        verbose_name = _("theme of a partnership")
        verbose_name_plural = _("themes of partnerships")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "theme"], name="%(app_label)s_%(class)s_unique"
            )
        ]


class ExternalPartner(Publishable):
    """A local actor with international work; the plan's five external partners are among them."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=ActorKind, blank=True, db_index=True)
    is_plan_partner = models.BooleanField(
        _("partner named in the plan"),
        default=False,
        help_text=_("Named as an external partner of the action plan as a whole."),
    )
    is_group = models.BooleanField(
        _("group of partners"),
        default=False,
        help_text=_(
            "The source names a group of partners here, not one organization; "
            "it is listed after the named organizations."
        ),
    )
    measures = models.ManyToManyField(
        Measure, related_name="external_partners", blank=True, verbose_name=_("linked measures")
    )
    partner_cities = models.ManyToManyField(
        PartnerCity,
        related_name="local_actors",
        blank=True,
        verbose_name=_("twin and cooperation cities"),
    )
    themes = models.ManyToManyField(
        Theme, related_name="local_actors", blank=True, verbose_name=_("themes")
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Invented for demonstration; the public site marks it as sample data."),
    )

    objects = ExternalPartnerQuerySet.as_manager()

    class Meta:
        ordering = ["is_group", "name"]
        verbose_name = _("local actor")
        verbose_name_plural = _("local actors")

    def __str__(self):
        return self.name
