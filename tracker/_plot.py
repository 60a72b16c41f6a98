"""``tracker plot``: the timeline of a dyad drawn to an SVG, PNG or PDF file for a report, with
matplotlib (the optional extra ``plot``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tracker._arguments import UsageError
from tracker._chronology import Chronology, chronology
from tracker._palette import PHASE_COLOURS
from tracker._replay import Replay
from tracker._state import Phase

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "draw", "plot"]

#: The files ``tracker plot`` writes, by suffix.
FORMATS = (".svg", ".png", ".pdf")
#: The figure's size in inches, and its resolution for PNG.
SIZE = (11.0, 4.8)
DPI = 150
#: The share of the axes' height the opaque phase band takes at the bottom.
BAND = 0.07
#: The height of the entries' marks, as a share of the axes' height.
RUG = 0.97
#: An entry is labelled with its type unless a label stands within this share of the span
#: before it (the labels, turned upright, would overlap).
LABEL_GAP = 1 / 80
#: The coded events' plot, under the level's, is this share of the level's height.
CODED_HEIGHT = 1 / 3
#: A month's bar of coded events is this many days wide.
CODED_BAR_DAYS = 24


def _draw_coded(axes: Axes, chart: Chronology, x: Callable[[date], float]) -> None:
    """The coded events of each month: cooperation as a bar up, conflict as a bar down."""
    middles = [x(month.middle) for month in chart.coded]
    cooperation = [
        month.activity.verbal_cooperation + month.activity.material_cooperation
        for month in chart.coded
    ]
    conflict = [
        -(month.activity.verbal_conflict + month.activity.material_conflict)
        for month in chart.coded
    ]
    for counts, colour, name in (
        (cooperation, "#2e8b57", "cooperation"),
        (conflict, "#c0392b", "conflict"),
    ):
        axes.bar(
            middles,
            counts,
            width=CODED_BAR_DAYS,
            color=colour,
            label=f"coded {name}",
            gid=f"coded-{name}",
        )
    axes.axhline(0, color="#888888", linewidth=0.6)
    axes.set_ylabel("coded events\na month")
    axes.grid(axis="y", alpha=0.3)


def draw(chart: Chronology, title: str) -> Figure:
    """The figure of ``chart``: the phases as bands (a light shade over the whole height and a
    solid strip at the bottom), the level of relations as a step line, the entries as marks
    along the top, labelled with their type where there is room; under it, on the same days,
    the coded events of each month when the log holds any."""
    try:
        from matplotlib import dates  # noqa: PLC0415 - an optional extra, loaded on use
        from matplotlib.figure import Figure  # noqa: PLC0415
    except ImportError:
        msg = "tracker plot draws with matplotlib, not installed: pip install 'tracker[plot]'"
        raise UsageError(msg) from None

    def x(day: date) -> float:
        return float(dates.date2num(day))  # type: ignore[no-untyped-call]

    figure = Figure(figsize=SIZE, layout="constrained")
    if chart.coded:
        axes, below = figure.subplots(2, 1, sharex=True, height_ratios=(1, CODED_HEIGHT))
        _draw_coded(below, chart, x)
    else:
        axes = figure.add_subplot()
    shown: set[Phase] = set()
    for band in chart.bands:
        colour = PHASE_COLOURS[band.phase]
        label = band.phase.value if band.phase not in shown else None
        shown.add(band.phase)
        axes.axvspan(x(band.start), x(band.end), color=colour, alpha=0.15, linewidth=0)
        axes.axvspan(
            x(band.start),
            x(band.end),
            ymax=BAND,
            color=colour,
            linewidth=0,
            label=label,
            gid=f"phase-{band.phase.value}-{band.start.isoformat()}",
        )
    days = [x(point.day) for point in chart.points]
    levels = [point.level for point in chart.points]
    axes.step(
        days,
        levels,
        where="post",
        color="#1f3b73",
        linewidth=1.8,
        label="level of relations",
        gid="level",
    )
    if chart.marks:
        axes.plot(
            [x(mark.day) for mark in chart.marks],
            [RUG] * len(chart.marks),
            transform=axes.get_xaxis_transform(),
            linestyle="none",
            marker="v",
            markersize=6,
            color="#111111",
            label="entry",
            gid="entries",
        )
    labelled: date | None = None
    for mark in chart.marks:
        if labelled is not None and (mark.day - labelled).days < chart.days * LABEL_GAP:
            continue
        labelled = mark.day
        axes.annotate(
            mark.label,
            (x(mark.day), RUG),
            xycoords=axes.get_xaxis_transform(),
            xytext=(0, -8),
            textcoords="offset points",
            rotation=90,
            ha="center",
            va="top",
            fontsize=7,
            gid=f"entry-{mark.index}",
        )
    low, high = min(levels), max(levels)
    margin = max((high - low) * 0.35, 1.0)  # room for the marks and their labels on top
    axes.set_ylim(low - margin - (high - low + 2 * margin) * BAND / (1 - BAND), high + margin)
    axes.set_xlim(x(chart.start) - 0.5, x(chart.end) + 0.5)  # a span of one day is a day wide
    locator = dates.AutoDateLocator(minticks=4, maxticks=12)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.axhline(0, color="#888888", linewidth=0.6, zorder=1)
    axes.set_ylabel("level of relations (Goldstein units)")
    axes.set_title(title)
    axes.grid(axis="y", alpha=0.3)
    figure.legend(loc="outside lower center", ncols=min(len(shown) + 2, 6), frameon=False)
    return figure


def plot(
    replay: Replay,
    output: Path,
    start: date | None = None,
    end: date | None = None,
    *,
    known_at: date | None = None,
) -> Chronology:
    """Draw the timeline of ``replay`` over ``start``..``end`` to ``output`` (its suffix says
    the format); return what was drawn."""
    if output.suffix.lower() not in FORMATS:
        msg = f"{output}: tracker plot writes {', '.join(FORMATS)} files, not {output.suffix!r}"
        raise UsageError(msg)
    chart = chronology(replay, start, end, known_at=known_at)
    title = f"{replay.dyad}: {chart.start.isoformat()} to {chart.end.isoformat()}"
    if known_at is not None:
        title += f", as known on {known_at.isoformat()}"
    figure = draw(chart, title)
    from matplotlib import rc_context  # noqa: PLC0415 - loaded by draw already

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "tracker"}):  # text stays text
        figure.savefig(output, dpi=DPI, metadata=_metadata(output))
    return chart


def _metadata(output: Path) -> dict[str, str | None]:
    """No date in the file, so that the same log draws the same file."""
    suffix = output.suffix.lower()
    if suffix == ".svg":
        return {"Date": None}
    if suffix == ".pdf":
        return {"CreationDate": None}
    return {}
