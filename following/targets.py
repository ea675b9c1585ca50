"""What a visitor can follow: every report, the reports of an Area of Action, or of a measure."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from measures.models import AreaOfAction, Measure

from .models import Scope


@dataclass(frozen=True)
class Target:
    """A published thing to follow, with its label, its page, its feed and its follow page."""

    scope: str
    area: AreaOfAction | None = None
    measure: Measure | None = None

    @property
    def label(self) -> str:
        if self.measure is not None:
            return _("Measure {number} {title}").format(
                number=self.measure.number, title=self.measure.title
            )
        if self.area is not None:
            return _("Area of Action {number}: {title}").format(
                number=self.area.number, title=self.area.title
            )
        return _("the measures of the plan")

    @property
    def page_url(self) -> str:
        if self.measure is not None:
            return reverse("progress:measure", kwargs={"slug": self.measure.slug})
        if self.area is not None:
            return self.area.get_absolute_url()
        return reverse("progress:overview")

    @property
    def feed_url(self) -> str:
        if self.measure is not None:
            return reverse("opendata:measure_progress_feed", kwargs={"slug": self.measure.slug})
        if self.area is not None:
            return reverse("opendata:area_progress_feed", kwargs={"number": self.area.number})
        return reverse("opendata:progress_feed")

    @property
    def follow_url(self) -> str:
        if self.measure is not None:
            return reverse("following:measure", kwargs={"slug": self.measure.slug})
        if self.area is not None:
            return reverse("following:area", kwargs={"number": self.area.number})
        return reverse("following:all")


def target_from(*, slug: str | None = None, number: int | None = None) -> Target:
    """Return the published measure or area the address names, or everything; 404 otherwise."""
    if slug is not None:
        measure = get_object_or_404(Measure.objects.public(), slug=slug)
        return Target(scope=Scope.MEASURE, measure=measure)
    if number is not None:
        area = get_object_or_404(AreaOfAction.objects.public(), number=number)
        return Target(scope=Scope.AREA, area=area)
    return Target(scope=Scope.ALL)
