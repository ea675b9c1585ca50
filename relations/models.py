"""Activities: what happens in each of Hannover's international relationships, and when."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import is_office, is_unit_scoped
from core.content import PublicationState, Publishable, PublishableQuerySet
from core.council import council_number_validator
from core.dates import plausible_date
from measures.models import Measure, OrganisationalUnit, Theme
from networks.models import EUProject, Network
from partners.models import ExternalPartner, PartnerCity

SAMPLE_HELP = _("Invented for demonstration; the public site marks it as sample data.")


class ActivityKind(models.TextChoices):
    """What kind of thing happened in a relationship."""

    DELEGATION_INCOMING = "delegation_incoming", _("delegation visit to Hannover")
    DELEGATION_OUTGOING = "delegation_outgoing", _("delegation visit from Hannover")
    AGREEMENT = "agreement", _("agreement signed or renewed")
    COUNCIL_DECISION = "council_decision", _("council decision")
    JOINT_PROJECT = "joint_project", _("joint project")
    YOUTH_EXCHANGE = "youth_exchange", _("youth exchange")
    SCHOOL_EXCHANGE = "school_exchange", _("school exchange")
    CULTURAL_EXCHANGE = "cultural_exchange", _("cultural exchange")
    SPORTS_EXCHANGE = "sports_exchange", _("sports exchange")
    ADMINISTRATIVE_EXCHANGE = "administrative_exchange", _("exchange between administrations")
    CONFERENCE = "conference", _("conference")
    EVENT = "event", _("event")
    WORK_SHADOWING = "work_shadowing", _("work shadowing")


class ActivityQuerySet(PublishableQuerySet):
    """Read filters for activities."""

    def public(self):
        """Return the published activities the office has not marked as internal."""
        return super().public().filter(is_internal=False)

    def visible_to(self, user):
        """Return what the user may open; internal activities are the office's record only."""
        if is_office(user):
            return super().visible_to(user)
        return super().visible_to(user).filter(is_internal=False)

    def editable_by(self, user):
        """Return what the user may open: a department editor, the activities of their measures."""
        if not is_unit_scoped(user):
            return self.all()
        return self.filter(
            pk__in=Activity.objects.filter(
                measures__in=Measure.objects.editable_by(user).values("pk")
            ).values("pk")
        )

    def events(self):
        """Return the activities open to the public with a venue: the events."""
        return self.filter(open_to_public=True)

    def upcoming(self, today: datetime.date):
        """Return what has not ended before `today`."""
        return self.filter(Q(ends_on__gte=today) | Q(ends_on__isnull=True, starts_on__gte=today))

    def past(self, today: datetime.date):
        """Return what ended before `today`."""
        return self.filter(Q(ends_on__lt=today) | Q(ends_on__isnull=True, starts_on__lt=today))

    def newest_first(self):
        return self.order_by("-starts_on", "-pk")

    def for_timeline(self):
        """Return activities with what a timeline entry shows, public links only, newest first."""
        return self.prefetch_related(
            models.Prefetch("partner_cities", queryset=PartnerCity.objects.public()),
            models.Prefetch("networks", queryset=Network.objects.public()),
            models.Prefetch("eu_projects", queryset=EUProject.objects.public()),
            models.Prefetch("actors", queryset=ExternalPartner.objects.public()),
        ).newest_first()


def validate_links(value: str) -> None:
    """Refuse a line of `links` that is not a web address."""
    check = URLValidator(schemes=["http", "https"])
    for number, line in enumerate(value.splitlines(), start=1):
        if line.strip():
            try:
                check(line.strip())
            except ValidationError as error:
                raise ValidationError(
                    _("Line %(line)s is not a web address starting with https:// or http://."),
                    params={"line": number},
                    code="link",
                ) from error


class Activity(Publishable):
    """One thing that happened or is planned in Hannover's international relations."""

    kind = models.CharField(_("kind"), max_length=32, choices=ActivityKind, db_index=True)
    starts_on = models.DateField(_("date (or first day)"), validators=[plausible_date])
    ends_on = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text=_("Only for an activity over several days."),
    )
    starts_at = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Local time in Hannover (events).")
    )
    ends_at = models.TimeField(_("end time"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    open_to_public = models.BooleanField(
        _("public event"),
        default=False,
        help_text=_("Anyone may attend: it appears on the events page and in the calendar."),
    )
    is_internal = models.BooleanField(
        _("internal"),
        default=False,
        help_text=_("For the office's record only: never shown on the public site."),
    )
    council_document = models.CharField(
        _("council document (Drucksache no.)"),
        max_length=40,
        blank=True,
        validators=[council_number_validator],
        help_text=_("For a council decision: the number of the Drucksache, e.g. 1736/2018."),
    )
    links = models.TextField(
        _("links"), blank=True, validators=[validate_links], help_text=_("One address a line.")
    )
    partner_cities = models.ManyToManyField(
        PartnerCity,
        related_name="activities",
        blank=True,
        verbose_name=_("twin and cooperation cities"),
    )
    networks = models.ManyToManyField(
        Network, related_name="activities", blank=True, verbose_name=_("networks of cities")
    )
    eu_projects = models.ManyToManyField(
        EUProject, related_name="activities", blank=True, verbose_name=_("EU-funded projects")
    )
    units = models.ManyToManyField(
        OrganisationalUnit, related_name="activities", blank=True, verbose_name=_("units")
    )
    actors = models.ManyToManyField(
        ExternalPartner, related_name="activities", blank=True, verbose_name=_("local actors")
    )
    measures = models.ManyToManyField(
        Measure, related_name="activities", blank=True, verbose_name=_("measures it serves")
    )
    themes = models.ManyToManyField(
        Theme, related_name="activities", blank=True, verbose_name=_("themes")
    )
    is_sample = models.BooleanField(_("sample data"), default=False, help_text=SAMPLE_HELP)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(
                fields=["-starts_on", "-id"],
                condition=Q(publication_state=PublicationState.PUBLISHED, is_internal=False),
                name="relations_activity_public",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="%(app_label)s_%(class)s_ends_not_before_start",
                violation_error_message=_("The last day cannot be before the first."),
            ),
        ]

    def __str__(self):
        return f"{self.starts_on.isoformat()} – {self.title}"

    def get_absolute_url(self):
        return reverse("relations:activity_detail", kwargs={"pk": self.pk})

    def clean(self):
        """Ask for a venue on a public event, and times that follow each other."""
        super().clean()
        errors = {}
        if self.open_to_public and not (self.venue_de or self.venue):
            # The German venue is the one required; English falls back to it.
            errors["venue_de"] = _("A public event needs a venue.")
        if self.ends_at and not self.starts_at:
            errors["starts_at"] = _("Give the start time as well.")
        if (
            self.starts_at
            and self.ends_at
            and (self.ends_on or self.starts_on) == self.starts_on
            and self.ends_at <= self.starts_at
        ):
            errors["ends_at"] = _("The end time must be after the start time.")
        if errors:
            raise ValidationError(errors)

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]
