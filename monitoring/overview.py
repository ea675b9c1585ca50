"""The office's overview: what is overdue, in review, without a contact, or untranslated."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.content import PublicationState
from core.models import ChangeProposal
from measures.models import Measure
from progress.models import Milestone
from relations.models import Activity
from relations.stale import stale_count

from . import queries
from .due import models_in_workflow, proposals_waiting
from .rules import Route

# The digest names this many rows of each figure; the link behind it lists them all.
LISTED = 20
IN_REVIEW = _("In review: %(kind)s")
NO_CONTACT = _("Without a contact person: %(kind)s")
MISSING = {"de": _("Texts missing in German"), "en": _("Texts missing in English")}


@dataclass
class Figure:
    """A count of rows that need attention, with the admin list that shows them."""

    label: str
    count: int
    route: Route
    rows: list = field(default_factory=list)
    # The kind of record the label names, filled in the reader's language when shown.
    model: type | None = None

    @property
    def text(self) -> str:
        """Return the label in the active language."""
        if self.model is None:
            return str(self.label)
        return str(self.label) % {"kind": self.model._meta.verbose_name_plural}

    @property
    def url(self) -> str:
        return self.route.url

    @property
    def path(self) -> str:
        return self.route.path


def changelist(model, **filters) -> Route:
    """Return the admin list of `model`, filtered."""
    opts = model._meta
    return Route(f"admin:{opts.app_label}_{opts.model_name}_changelist", query=urlencode(filters))


def _figure(label, queryset, path, listed, model=None) -> Figure:
    rows = list(queryset[:listed]) if listed else []
    count = queryset.count() if not listed or len(rows) == listed else len(rows)
    return Figure(label, count, path, rows, model)


def office_overview(today: datetime.date, listed: int = LISTED) -> list[Figure]:
    """Return the office's figures for `today`; with `listed`, the first rows of each too."""
    figures = [
        _figure(
            _("Measures with an overdue progress report"),
            queries.measures_update_overdue(today)
            .select_related("area")
            .order_by("area__number", "position"),
            changelist(Measure, update="overdue"),
            listed,
        ),
        _figure(
            _("Overdue milestones"),
            queries.milestones_overdue(today).select_related("measure").order_by("due_on", "pk"),
            changelist(Milestone, due="overdue"),
            listed,
        ),
    ]
    for model in models_in_workflow():
        queryset = model._default_manager.in_review()
        path = changelist(model, publication_state__exact=PublicationState.REVIEW)
        figures.append(_figure(IN_REVIEW, queryset.order_by("pk"), path, listed, model))
    figures.append(
        _figure(
            _("Proposed changes waiting for review"),
            proposals_waiting().order_by("pk"),
            changelist(ChangeProposal, state__exact=ChangeProposal.State.OPEN),
            listed,
        )
    )
    for model, queryset in queries.without_contact().items():
        path = changelist(model, contact="none")
        figures.append(_figure(NO_CONTACT, queryset.order_by("pk"), path, listed, model))
    for language, count in queries.missing_translation_counts().items():
        figures.append(Figure(MISSING[language], count, Route("admin:translation_report")))
    # The list of activities names the quiet ones above its rows.
    figures.append(Figure(quiet_label(), stale_count(today), changelist(Activity)))
    return figures


def quiet_label():
    """Return the label of the relationships without a recent activity, in the reader's language."""
    return format_lazy(
        _(
            "Twin and cooperation cities, networks and EU projects without an activity for "
            "{months} months"
        ),
        months=settings.RELATIONS_STALE_MONTHS,
    )
