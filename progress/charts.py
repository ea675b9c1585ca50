"""Bar charts of the progress overview, laid out on the server and drawn as inline SVG.

Coordinates are handed to the template as ready-made strings: Django would otherwise write
German decimal commas into the SVG's attributes.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from measures.models import Status

from .reporting import AreaGroup

WIDTH = 640
LABEL_WIDTH = 150
BAR_SPACE = 420
ROW_HEIGHT = 36
BAR_HEIGHT = 22
TOP = 8
AXIS_HEIGHT = 24


def number(value: float) -> str:
    """Return `value` as an SVG coordinate."""
    return f"{value:.1f}".removesuffix(".0")


@dataclass
class Segment:
    status: str
    x: str
    width: str
    tooltip: str


@dataclass
class Bar:
    label: str
    y: str
    text_y: str
    value_x: str
    value_label: str
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Tick:
    x: str
    label: str


@dataclass
class Chart:
    """An accessible bar chart: its title and description say what the bars show."""

    id: str
    title: str
    description: str
    bars: list[Bar]
    ticks: list[Tick] = field(default_factory=list)
    width: int = WIDTH
    label_x: int = LABEL_WIDTH - 8
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return TOP + len(self.bars) * ROW_HEIGHT + (AXIS_HEIGHT if self.ticks else 0)

    @property
    def axis_y(self) -> str:
        return number(TOP + len(self.bars) * ROW_HEIGHT + AXIS_HEIGHT - 6)


def _bar(index: int, label: str) -> dict:
    y = TOP + index * ROW_HEIGHT
    return {"label": label, "y": number(y), "text_y": number(y + BAR_HEIGHT / 2)}


def status_chart(groups: list[AreaGroup], chart_id: str = "status-chart") -> Chart:
    """Return stacked bars of the measures in each status, one bar per Area of Action."""
    largest = max((group.total for group in groups), default=0) or 1
    scale = BAR_SPACE / largest
    bars, sentences = [], []
    for index, group in enumerate(groups):
        x = LABEL_WIDTH
        segments = []
        counts = group.present_counts
        for count in counts:
            width = count.count * scale
            segments.append(
                Segment(
                    status=count.status,
                    x=number(x),
                    width=number(width),
                    tooltip=f"{group.label}: {count.label} – {count.count}",
                )
            )
            x += width
        bars.append(
            Bar(
                **_bar(index, group.label),
                value_x=number(x + 6),
                value_label=str(group.total),
                segments=segments,
            )
        )
        sentences.append(
            _("%(area)s, %(total)s measures: %(counts)s.")
            % {
                "area": group.label,
                "total": group.total,
                "counts": ", ".join(f"{count.label} {count.count}" for count in counts),
            }
        )
    return Chart(
        id=chart_id,
        title=_("Measures by status in each Area of Action"),
        description=" ".join(sentences),
        bars=bars,
    )


def progress_chart(groups: list[AreaGroup], chart_id: str = "progress-chart") -> Chart:
    """Return one bar per Area of Action showing the mean progress of its measures."""
    scale = BAR_SPACE / 100
    bars, sentences = [], []
    for index, group in enumerate(groups):
        mean = group.mean_progress
        # An area where no measure has a reported state has no mean: no bar, and it says so.
        value = f"{mean} %" if mean is not None else str(Status.NOT_REPORTED.label)
        width = (mean or 0) * scale
        bars.append(
            Bar(
                **_bar(index, group.label),
                value_x=number(LABEL_WIDTH + width + 6),
                value_label=value,
                segments=[
                    Segment(
                        status="mean",
                        x=number(LABEL_WIDTH),
                        width=number(width),
                        tooltip=f"{group.label}: {value}",
                    )
                ]
                if mean is not None
                else [],
            )
        )
        sentences.append(f"{group.label}: {value}.")
    return Chart(
        id=chart_id,
        title=_("Mean progress of the measures with a reported state in each Area of Action"),
        description=" ".join(sentences),
        bars=bars,
        ticks=[
            Tick(x=number(LABEL_WIDTH + percent * scale), label=f"{percent} %")
            for percent in (0, 25, 50, 75, 100)
        ],
    )
