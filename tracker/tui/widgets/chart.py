"""The timeline chart: the level of relations on a time axis over the phases as bands, the
entries as marks, the cursor's day as a line, a legend under it; a click seeks to a day."""

from __future__ import annotations

from datetime import date, timedelta

from rich.color import Color as RichColor
from rich.text import Text
from textual import events
from textual.app import ComposeResult, RenderResult
from textual.color import Color
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static
from textual_plotext import PlotextPlot

from tracker._chronology import Chronology, day_ticks
from tracker._palette import PHASE_COLOURS
from tracker._state import Phase

__all__ = ["LevelPlot", "TimelineChart", "phase_rgb"]

#: The share of the plot's height the phase bands take, under the level's lowest value.
BAND_SHARE = 0.2
#: The cells left of the plot area that the level's labels take (``-16.0┤``).
Y_LABELS = 7


def phase_rgb(phase: Phase) -> tuple[int, int, int]:
    """The colour of ``phase`` (the one the command uses too) as red, green, blue."""
    colour = RichColor.parse(PHASE_COLOURS[phase]).get_truecolor()
    return colour.red, colour.green, colour.blue


def _level_ticks(low: float, high: float) -> list[float]:
    """The level's lowest and highest values, and 0 between them."""
    ticks = {round(low, 1), round(high, 1)}
    if low < 0 < high:
        ticks.add(0.0)
    return sorted(ticks)


class LevelPlot(PlotextPlot):
    """The level of relations over ``chronology``'s days, the phases as bands under it, the
    entries as marks on it and ``cursor`` as a vertical line."""

    chronology: reactive[Chronology | None] = reactive(None)
    cursor: reactive[date | None] = reactive(None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._axis: tuple[int, int] | None = None

    def watch_chronology(self) -> None:
        self._draw()

    def watch_cursor(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _colour(self, variable: str) -> tuple[int, int, int]:
        return Color.parse(self.app.theme_variables[variable]).rgb

    def _draw(self) -> None:
        """Lay out the figure again from the attributes (Plotext draws it when rendered)."""
        plt = self.plt
        plt.clear_data()
        chart = self.chronology
        if chart is None or not self.is_mounted or self.size.width <= Y_LABELS + 2:
            self.refresh()
            return
        span = max(chart.days, 1)

        def x(day: date) -> int:
            return (day - chart.start).days

        levels = [point.level for point in chart.points]
        low, high = min(levels), max(levels)
        if high - low < 1:
            low, high = low - 1, high + 1
        floor = low - (high - low) * BAND_SHARE / (1 - BAND_SHARE)
        for band in chart.bands:
            plt.rectangle(  # Plotext takes the corners' x and y, though its stubs say one float
                [x(band.start), x(band.end)],  # type: ignore[arg-type]
                [floor, low - (low - floor) / 4],  # type: ignore[arg-type]
                marker="█",
                color=phase_rgb(band.phase),
                fill=True,
            )
        plt.plot(
            [x(point.day) for point in chart.points],
            levels,
            marker="braille",
            color=self._colour("accent"),
        )
        if chart.marks:
            plt.scatter(
                [x(mark.day) for mark in chart.marks],
                [mark.level for mark in chart.marks],
                marker="●",
                color=self._colour("foreground"),
            )
        if self.cursor is not None and chart.start <= self.cursor <= chart.end:
            plt.vertical_line(x(self.cursor), color=self._colour("warning"))
        ticks = day_ticks(chart.start, chart.end, self.size.width - Y_LABELS - 2)
        plt.xticks([x(day) for day, _ in ticks], [label for _, label in ticks])
        level_ticks = _level_ticks(low, high)
        plt.yticks(level_ticks, [f"{tick:+.1f}" if tick else "0" for tick in level_ticks])
        plt.xlim(0, span)
        plt.ylim(floor, high)
        self.refresh()

    def render(self) -> RenderResult:
        rendered = super().render()
        self._axis = _plot_area(rendered) if isinstance(rendered, Text) else None
        return rendered

    def day_at(self, column: int) -> date | None:
        """The day under ``column`` of the plot as last drawn; ``None`` off the plot area."""
        chart = self.chronology
        if chart is None or self._axis is None:
            return None
        left, width = self._axis
        cell = column - left
        if not 0 <= cell < width:
            return None
        return chart.start + timedelta(days=round(cell / max(width - 1, 1) * max(chart.days, 1)))

    def on_click(self, event: events.Click) -> None:
        day = self.day_at(event.x)
        if day is not None:
            self.post_message(TimelineChart.Seek(day))


def _plot_area(rendered: Text) -> tuple[int, int] | None:
    """The first column and the width of the plot area, between the frame's bottom corners."""
    for line in rendered.plain.splitlines():
        left, right = line.find("└"), line.rfind("┘")
        if 0 <= left < right:
            return left + 1, right - left - 1
    return None


class TimelineChart(Vertical):
    """The level of relations over time and a legend under it; the chronology and the cursor's
    day come down from the screen, a click goes up as :class:`Seek`."""

    chronology: reactive[Chronology | None] = reactive(None)
    cursor: reactive[date | None] = reactive(None)

    class Seek(Message):
        """The user clicked ``day`` on the chart."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def compose(self) -> ComposeResult:
        yield LevelPlot(id="level-plot").data_bind(TimelineChart.chronology, TimelineChart.cursor)
        yield Static(id="chart-legend")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._legend())

    def watch_chronology(self) -> None:
        self._legend()

    def watch_cursor(self) -> None:
        self._legend()

    def _legend(self) -> None:
        """What each colour and mark means, and the cursor's day."""
        if not self.is_mounted:
            return
        variables = self.app.theme_variables
        legend = Text(no_wrap=False)
        legend.append("⠤⠤ ", style=Color.parse(variables["accent"]).hex)
        legend.append("level of relations  ")
        legend.append("● ", style=Color.parse(variables["foreground"]).hex)
        legend.append("entry  ")
        if self.cursor is not None:
            legend.append("│ ", style=Color.parse(variables["warning"]).hex)
            legend.append(f"{self.cursor.isoformat()}  ")
        chart = self.chronology
        phases = dict.fromkeys(band.phase for band in chart.bands) if chart else {}
        for phase in phases:
            legend.append("█ ", style=PHASE_COLOURS[phase])
            legend.append(f"{phase.value}  ")
        self.query_one("#chart-legend", Static).update(legend)
