"""The action plan itself: goals, Areas of Action, measures and what they build on."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import editor_unit_id, is_unit_scoped
from core.content import (
    Publishable,
    PublishableQuerySet,
    ScopedQuerySet,
    TimeStamped,
    Versioned,
    public_q,
)
from core.i18n import translated_order
from core.text import person_name

MEASURE_NUMBER = RegexValidator(r"^[1-9][0-9]*\.[1-9][0-9]*$", _("Use the form 1.1, 2.3 or 4.12."))


class Status(models.TextChoices):
    """State of implementation of a measure or sub-item.

    `NOT_REPORTED` is no state at all: nobody has reported one yet (the plan's sources give
    none). It is the default, and a progress report can never state it.
    """

    NOT_REPORTED = "not_reported", _("no progress reported yet")
    PLANNED = "planned", _("planned")
    IN_PREPARATION = "in_preparation", _("in preparation")
    IN_PROGRESS = "in_progress", _("in progress")
    ONGOING = "ongoing", _("ongoing (continuous task)")
    COMPLETED = "completed", _("completed")
    ON_HOLD = "on_hold", _("on hold")
    DISCONTINUED = "discontinued", _("discontinued")

    @classmethod
    def reported_choices(cls) -> list[tuple[str, str]]:
        """Return the choices a progress report or a status set by hand may state."""
        return [(value, label) for value, label in cls.choices if value != cls.NOT_REPORTED]


# What a progress report may state: every status but "no progress reported yet".
REPORTED_STATUS_CHOICES = Status.reported_choices()


class Priority(models.TextChoices):
    """How urgent the City Administration considers a measure."""

    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


class Theme(Versioned):
    """A topic shared by measures, partnerships, networks and EU projects."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class OrganisationalUnit(TimeStamped):
    """An office or department of the City Administration."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organizational unit")
        verbose_name_plural = _("organizational units")

    def __str__(self):
        return self.name


class PlanSection(Versioned):
    """A passage of the plan's own prose, such as its initial situation."""

    class Part(models.TextChoices):
        PLAN = "plan", _("text of the action plan")
        MAKING_OF = "making_of", _("making of the action plan")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    part = models.CharField(_("part"), max_length=16, choices=Part, default=Part.PLAN)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Separate paragraphs with a blank line; start list items with '- '."),
    )

    class Meta:
        ordering = ["part", "position"]
        verbose_name = _("section of the plan")
        verbose_name_plural = _("sections of the plan")

    def __str__(self):
        return self.title


class ScheduleStep(Versioned):
    """A step in the making of the action plan, from the city's project description."""

    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    period = models.CharField(_("period"), max_length=100, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("schedule step")
        verbose_name_plural = _("schedule")

    def __str__(self):
        return self.title


class Goal(Publishable):
    """One of the plan's three overarching goals."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("overarching goal")
        verbose_name_plural = _("overarching goals")

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("measures:goal_detail", kwargs={"number": self.number})


class CityDevelopmentGoal(Versioned):
    """A goal of the City Development Plan 'Mein Hannover 2030' that the plan builds on."""

    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    text = models.TextField(_("text"))
    goals = models.ManyToManyField(
        Goal,
        through="CityDevelopmentGoalLink",
        related_name="city_development_goals",
        blank=True,
        verbose_name=_("goals served"),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("'Mein Hannover 2030' goal")
        verbose_name_plural = _("'Mein Hannover 2030' goals")

    def __str__(self):
        return self.text[:80]


class AreaOfActionQuerySet(PublishableQuerySet):
    """Read filters for Areas of Action."""

    def with_published_measures(self):
        """Return the areas with their published measures prefetched in order."""
        return self.prefetch_related(
            models.Prefetch(
                "measures",
                queryset=Measure.objects.public().order_by("position"),
                to_attr="published_measures",
            )
        )


class AreaOfAction(Publishable):
    """One of the plan's four Areas of Action."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=120, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Separate paragraphs with a blank line; start list items with '- '."),
    )
    goals = models.ManyToManyField(
        Goal,
        through="AreaGoalLink",
        related_name="areas",
        blank=True,
        verbose_name=_("goals served"),
    )

    objects = AreaOfActionQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("Area of Action")
        verbose_name_plural = _("Areas of Action")

    def __str__(self):
        return f"{self.number} – {self.short_title or self.title}"

    def get_absolute_url(self):
        return reverse("measures:area_detail", kwargs={"number": self.number})


class AreaExample(Versioned):
    """An example of measures the plan gives for an Area of Action."""

    # An example is as public as its Area of Action.
    public_parents = ("area",)

    area = models.ForeignKey(
        AreaOfAction,
        on_delete=models.PROTECT,
        related_name="examples",
        verbose_name=_("Area of Action"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["area__number", "position"]
        verbose_name = _("example of measures")
        verbose_name_plural = _("examples of measures")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "position"], name="%(app_label)s_%(class)s_unique_position"
            )
        ]

    def __str__(self):
        return self.text[:80]


def units_measures_q(user, prefix: str = "") -> Q:
    """Return the filter for the measures the user's unit leads or contributes to."""
    unit_id = editor_unit_id(user)
    if unit_id is None:
        # An editor not yet linked to a unit sees nothing rather than everything.
        return Q(pk__in=[])
    return Q(**{f"{prefix}lead_unit": unit_id}) | Q(**{f"{prefix}contributing_units": unit_id})


class MeasureQuerySet(PublishableQuerySet):
    """Read filters for measures."""

    def editable_by(self, user):
        """Return the measures the user may work on: for a department editor, their unit's."""
        if not is_unit_scoped(user):
            return self.all()
        return self.filter(pk__in=Measure.objects.filter(units_measures_q(user)).values("pk"))

    def for_list(self):
        """Return measures with what a list of them shows, in plan order."""
        return self.select_related("area", "lead_unit").order_by("area__number", "position")

    def for_detail(self):
        """Return measures with everything their own page shows."""
        return self.select_related("area", "lead_unit").prefetch_related(
            "sub_items",
            # A goal that is not public is left out of a public page, as everywhere.
            public_links_prefetch("goal_links", MeasureGoalLink, "goal", order=["goal__number"]),
            public_links_prefetch("theme_links", MeasureThemeLink, "theme", order=["theme__slug"]),
            "contributing_units",
        )


class Measure(Publishable):
    """A measure of the plan, numbered within its Area of Action (1.1 to 4.3)."""

    number = models.CharField(
        _("number"),
        max_length=8,
        validators=[MEASURE_NUMBER],
        help_text=_("Area of Action and position within it, for example 1.2."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    area = models.ForeignKey(
        AreaOfAction,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("Area of Action"),
    )
    # Derived from the number on save, so that 1.10 sorts after 1.9.
    position = models.PositiveSmallIntegerField(_("position"), default=0, editable=False)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Separate paragraphs with a blank line; start list items with '- '."),
    )
    goals = models.ManyToManyField(
        Goal,
        through="MeasureGoalLink",
        related_name="measures",
        blank=True,
        verbose_name=_("goals served"),
    )
    themes = models.ManyToManyField(
        Theme,
        through="MeasureThemeLink",
        related_name="measures",
        blank=True,
        verbose_name=_("themes"),
    )
    lead_unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_measures",
        verbose_name=_("lead unit"),
    )
    contributing_units = models.ManyToManyField(
        OrganisationalUnit,
        related_name="contributed_measures",
        blank=True,
        verbose_name=_("contributing units"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.NOT_REPORTED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    # Status and progress normally follow the latest published progress report (see the
    # progress app); an editor may set them by hand, but only with a reason the public sees.
    status_override = models.BooleanField(
        _("status set by hand"),
        default=False,
        help_text=_(
            "Keep the status and progress entered here instead of those of the latest "
            "published progress report. Give the reason below."
        ),
    )
    status_override_reason = models.TextField(
        _("reason for setting the status by hand"),
        blank=True,
        help_text=_("Shown on the measure's public page."),
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    priority = models.CharField(_("priority"), max_length=8, choices=Priority, blank=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["area__number", "position"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(
                fields=["number"], name="%(app_label)s_%(class)s_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="%(app_label)s_%(class)s_progress_0_to_100",
            ),
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True)
                | Q(planned_end__isnull=True)
                | Q(planned_end__gte=F("planned_start")),
                name="%(app_label)s_%(class)s_end_not_before_start",
            ),
            # The public sees why a status was set by hand; German is the site's first language.
            # (status_override_reason_de is the German column modeltranslation adds.)
            models.CheckConstraint(
                condition=Q(status_override=False)
                | (Q(status_override_reason_de__isnull=False) & ~Q(status_override_reason_de="")),
                name="%(app_label)s_%(class)s_override_needs_reason",
                violation_error_message=_(
                    "Give the reason in German for setting the status by hand; it is shown "
                    "publicly."
                ),
            ),
            # A status set by hand is a status; "not reported" is only the absence of one.
            models.CheckConstraint(
                condition=Q(status_override=False) | ~Q(status=Status.NOT_REPORTED),
                name="%(app_label)s_%(class)s_override_states_a_status",
                violation_error_message=_("Choose the status to set by hand."),
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.position = self.position_from_number(self.number)
        if not self.slug:
            self.slug = self.number.replace(".", "-")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("measures:measure_detail", kwargs={"slug": self.slug})

    def clean(self):
        """Reject a number whose first part is not the measure's Area of Action."""
        super().clean()
        well_formed = self.number and MEASURE_NUMBER.regex.match(self.number)
        if self.area_id and well_formed and self.number.split(".")[0] != str(self.area.number):
            raise ValidationError(
                {"number": _("The number must begin with the number of its Area of Action.")}
            )

    @staticmethod
    def position_from_number(number: str) -> int:
        """Return the measure's position within its area, read from a number such as 1.2."""
        try:
            return int(str(number).split(".")[1])
        except (IndexError, ValueError):
            return 0


ONE_PRIMARY_CONTACT = _("A measure has one primary contact person.")


class MeasureContact(models.Model):
    """A member of staff the office names as responsible for a measure; one of them is primary."""

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("measure")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="measure_contacts",
        verbose_name=_("contact person"),
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    is_primary = models.BooleanField(
        _("primary contact"),
        default=False,
        help_text=_("Reminders go to every contact person; the primary one is named first."),
    )

    class Meta:
        ordering = ["-is_primary", "user__last_name", "user__username"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "user"], name="%(app_label)s_%(class)s_once_per_measure"
            ),
            models.UniqueConstraint(
                fields=["measure"],
                condition=Q(is_primary=True),
                name="%(app_label)s_%(class)s_one_primary",
                violation_error_message=ONE_PRIMARY_CONTACT,
            ),
        ]

    def __str__(self):
        return person_name(self.user)


class MeasurePartScope:
    """Rows that belong to one measure are open to whoever may open the measure."""

    def editable_by(self, user):
        """Return the rows of the measures the user may work on."""
        if not is_unit_scoped(user):
            return self.all()
        return self.filter(measure__in=Measure.objects.editable_by(user).values("pk"))


class MeasurePartQuerySet(MeasurePartScope, ScopedQuerySet):
    """Rows of a measure that have no publication state of their own (sub-items, milestones)."""


class PublishableMeasurePartQuerySet(MeasurePartScope, PublishableQuerySet):
    """Rows of a measure that are published on their own (progress reports)."""


class SubItem(Versioned):
    """A sub-item of a measure, as listed in the plan's overview of measures."""

    # A sub-item is as public as its measure.
    public_parents = ("measure",)

    measure = models.ForeignKey(
        Measure, on_delete=models.PROTECT, related_name="sub_items", verbose_name=_("measure")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.NOT_REPORTED
    )

    objects = MeasurePartQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "position"]
        verbose_name = _("sub-item")
        verbose_name_plural = _("sub-items")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "position"], name="%(app_label)s_%(class)s_unique_position"
            )
        ]

    def __str__(self):
        return self.title


class Benefit(Versioned):
    """A benefit of international activity for the City Administration, with the plan's example."""

    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    title = models.CharField(_("benefit"), max_length=300)
    example = models.TextField(_("example"), blank=True)
    unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefit_examples",
        verbose_name=_("unit giving the example"),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")

    def __str__(self):
        return self.title


class EditorialLinkQuerySet(models.QuerySet):
    """Read filters for the links that are the portal's reading of the plan."""

    def unconfirmed(self):
        """Return the links the office has not confirmed yet."""
        return self.filter(confirmed=False)


class EditorialLink(models.Model):
    """A link the plan does not state itself, shown as a proposal until the office confirms it.

    The plan says only that the four Areas of Action together serve the three goals; which goal
    an area or measure serves, which themes a measure has and which 'Mein Hannover 2030' goals
    stand behind a goal are the portal's reading of it.
    """

    confirmed = models.BooleanField(
        _("confirmed by the office"),
        default=False,
        help_text=_(
            "Until the International Affairs Office confirms it, the public site marks the "
            "assignment as proposed."
        ),
    )
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True, editable=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    objects = EditorialLinkQuerySet.as_manager()

    # The two ends of the link, as field names; set by each concrete link.
    source_field = ""
    target_field = ""

    class Meta:
        abstract = True

    def __str__(self):
        return f"{getattr(self, self.source_field)} → {getattr(self, self.target_field)}"


class MeasureGoalLink(EditorialLink):
    """That a measure serves an overarching goal."""

    source_field, target_field = "measure", "goal"

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="goal_links", verbose_name=_("measure")
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="measure_links", verbose_name=_("goal")
    )

    class Meta:
        ordering = ["measure__area__number", "measure__position", "goal__number"]
        verbose_name = _("goal of a measure")
        verbose_name_plural = _("goals of measures")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "goal"], name="%(app_label)s_%(class)s_unique"
            )
        ]


class MeasureThemeLink(EditorialLink):
    """That a measure concerns a theme."""

    source_field, target_field = "measure", "theme"

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="theme_links", verbose_name=_("measure")
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="measure_links", verbose_name=_("theme")
    )

    class Meta:
        ordering = ["measure__area__number", "measure__position", "theme__slug"]
        verbose_name = _("theme of a measure")
        verbose_name_plural = _("themes of measures")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "theme"], name="%(app_label)s_%(class)s_unique"
            )
        ]


class AreaGoalLink(EditorialLink):
    """That an Area of Action serves an overarching goal."""

    source_field, target_field = "area", "goal"

    area = models.ForeignKey(
        AreaOfAction,
        on_delete=models.CASCADE,
        related_name="goal_links",
        verbose_name=_("Area of Action"),
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="area_links", verbose_name=_("goal")
    )

    class Meta:
        ordering = ["area__number", "goal__number"]
        verbose_name = _("goal of an Area of Action")
        verbose_name_plural = _("goals of Areas of Action")
        constraints = [
            models.UniqueConstraint(fields=["area", "goal"], name="%(app_label)s_%(class)s_unique")
        ]


class CityDevelopmentGoalLink(EditorialLink):
    """That a goal of the plan builds on a goal of 'Mein Hannover 2030'."""

    source_field, target_field = "citydevelopmentgoal", "goal"

    # Named as Django names the column of an automatic link table, so the admin's inline and
    # existing code keep working.
    citydevelopmentgoal = models.ForeignKey(
        CityDevelopmentGoal,
        on_delete=models.CASCADE,
        related_name="goal_links",
        verbose_name=_("'Mein Hannover 2030' goal"),
    )
    goal = models.ForeignKey(
        Goal,
        on_delete=models.CASCADE,
        related_name="city_development_goal_links",
        verbose_name=_("goal"),
    )

    class Meta:
        ordering = ["goal__number", "citydevelopmentgoal__position"]
        verbose_name = _("'Mein Hannover 2030' goal behind a goal")
        verbose_name_plural = _("'Mein Hannover 2030' goals behind the goals")
        constraints = [
            models.UniqueConstraint(
                fields=["citydevelopmentgoal", "goal"], name="%(app_label)s_%(class)s_unique"
            )
        ]


EDITORIAL_LINKS = (MeasureGoalLink, MeasureThemeLink, AreaGoalLink, CityDevelopmentGoalLink)


def public_links_prefetch(relation: str, link_model, end: str, *, order, related=(), first=None):
    """Return a Prefetch of the links along `relation` whose `end` is public, as public_<relation>.

    Each link brings its `end` (and the `related` paths beyond it) in the same query, with its
    confirmation, so that a page can mark what the office has not confirmed yet. With `first`,
    only the first that many confirmed and the first that many proposed links of each row come,
    each with `group_total`, how many links of its kind the row has: counted in the same query,
    so that a page stays bounded however many links there are.
    """
    end_model = link_model._meta.get_field(end).related_model
    links = (
        link_model.objects.filter(public_q(end_model, f"{end}__"))
        .select_related(end, *(f"{end}__{path}" for path in related))
        .order_by(*order)
    )
    if first is not None:
        owner = (
            link_model.source_field if end == link_model.target_field else link_model.target_field
        )
        groups = [F(owner), F("confirmed")]
        links = links.annotate(
            rank=models.Window(RowNumber(), partition_by=groups, order_by=[*order, "pk"]),
            group_total=models.Window(models.Count("pk"), partition_by=groups),
        ).filter(rank__lte=first)
    return models.Prefetch(relation, queryset=links, to_attr=f"public_{relation}")


def theme_links_prefetch(link_model, relation: str = "theme_links"):
    """Return a Prefetch of the theme links along `relation`, by theme name in the active language.

    Each link brings its theme and the office's confirmation, as public_theme_links.
    """
    return models.Prefetch(
        relation,
        queryset=link_model.objects.select_related("theme").order_by(
            translated_order("theme__name"), "pk"
        ),
        to_attr="public_theme_links",
    )
