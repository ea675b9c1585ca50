"""The reminder settings, read in one place, with their defaults."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse


def due_soon_days() -> int:
    """Return how many days ahead of a due date the 'due soon' reminder goes out."""
    return getattr(settings, "REMINDER_DUE_SOON_DAYS", 14)


def interval_days() -> int:
    """Return the fewest days between two reminders of one kind about one item to one person."""
    return getattr(settings, "REMINDER_INTERVAL_DAYS", 7)


def repeat_days() -> tuple[int, ...]:
    """Return the days past a due date at which a reminder goes out; the last one escalates."""
    return tuple(getattr(settings, "REMINDER_REPEAT_DAYS", (0, 7, 30)))


def stage_after(days: int) -> int | None:
    """Return the stage reached `days` after a due date or a hand-in (None before the first)."""
    reached = [stage for stage, start in enumerate(repeat_days()) if days >= start]
    return reached[-1] if reached else None


def is_escalated(stage: int) -> bool:
    """Return whether a reminder at this stage also goes to the office."""
    return len(repeat_days()) > 1 and stage == len(repeat_days()) - 1


def absolute_url(path: str) -> str:
    """Return the address of a path of the portal, for links in mail."""
    return settings.SITE_URL.rstrip("/") + path


@dataclass(frozen=True)
class Route:
    """A page of the back office, resolved in the language active when it is shown."""

    name: str
    args: tuple = ()
    query: str = ""

    @property
    def path(self) -> str:
        path = reverse(self.name, args=self.args)
        return f"{path}?{self.query}" if self.query else path

    @property
    def url(self) -> str:
        return absolute_url(self.path)
