"""The timeline chart: the level of relations on a time axis over the phases as bands, the
entries as marks, the cursor's day as a line, the coded events of each month under it when the
log holds coded event data, a legend; a click seeks to a day."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static
from textual_plotext import PlotextPlot

from tracker._chronology import Chronology, chronology, day_ticks, fitted, whole_span, zoomed
from tracker._palette import PHASE_COLOURS, phase_rgb
from tracker._replay import Replay
from tracker.tui._story import Replayed

__all__ = ["CodedPlot", "DayPlot", "LevelPlot", "TimelineChart"]

#: The share of the plot's height the phase bands take, under the level's lowest value.
BAND_SHARE = 0.2
#: The days sampled per column of the terminal: a braille cell is two dots wide, and no
#: more days than that can show (the states of a long log are costly to sample).
BRAILLE = 2
#: The columns sampled for at least, whatever the terminal says its width is.
NARROWEST_TERMINAL = 80
#: A turn of the wheel or a key shows this many times fewer days, or more.
ZOOM = 2.0
#: The share of the spacing between two months that a month's bar of coded events takes.
BAR_SHARE = 0.8
#: The cells left of the plot area that the level's labels take (``-16.0┤``).
Y_LABELS = 7


def _level_ticks(low: float, high: float) -> list[float]:
    """The level's lowest and highest values, and 0 between them."""
    ticks = {round(low, 1), round(high, 1)}
    if low < 0 < high:
        ticks.add(0.0)
    return sorted(ticks)


class DayPlot(PlotextPlot):
    """A plot over the days of ``chronology``: the date axis and ``cursor``'s day as a vertical
    line; a click seeks to the day under it, the wheel zooms around it. What is plotted over
    the days is :meth:`draw_series`'s: each series of the timeline is one such plot."""

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

    def colour(self, variable: str) -> tuple[int, int, int]:
        """The colour of the app's theme ``variable`` (``accent``, ``foreground``...)."""
        return Color.parse(self.app.theme_variables[variable]).rgb

    def draw_series(self, chart: Chronology) -> None:
        """Plot the series over ``chart``'s days (x: days from its start) and set the y axis."""
        raise NotImplementedError

    def label_y(self, ticks: list[float], labels: list[str]) -> None:
        """Label the y axis, every label as wide as :data:`Y_LABELS` allows, so that the plots
        of one timeline put their days in the same columns."""
        self.plt.yticks(ticks, [label.rjust(Y_LABELS - 1) for label in labels])

    def _draw(self) -> None:
        """Lay out the figure again from the attributes (Plotext draws it when rendered)."""
        plt = self.plt
        plt.clear_data()
        chart = self.chronology
        if chart is not None and self.is_mounted and self.size.width > Y_LABELS + 2:
            self.draw_series(chart)
            if self.cursor is not None and chart.start <= self.cursor <= chart.end:
                plt.vertical_line((self.cursor - chart.start).days, color=self.colour("warning"))
            ticks = day_ticks(chart.start, chart.end, self.size.width - Y_LABELS - 2)
            plt.xticks([(day - chart.start).days for day, _ in ticks], [text for _, text in ticks])
            plt.xlim(0, max(chart.days, 1))
        self.refresh()

    def render(self) -> RenderResult:
        if self.chronology is None:
            self._axis = None
            return Text("")  # nothing laid out yet: no empty figure drawn for nothing
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

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._zoom(event, ZOOM)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._zoom(event, 1 / ZOOM)

    def _zoom(self, event: events.MouseEvent, factor: float) -> None:
        day = self.day_at(event.x)
        if day is not None:
            event.stop()
            self.post_message(TimelineChart.Zoom(day, factor))


class LevelPlot(DayPlot):
    """The level of relations, the phases as bands under it, the entries as marks on top."""

    def draw_series(self, chart: Chronology) -> None:
        plt = self.plt

        def x(day: date) -> int:
            return (day - chart.start).days

        levels = [point.level for point in chart.points]
        low, high = min(levels), max(levels)
        if high - low < 1:
            low, high = low - 1, high + 1
        floor = low - (high - low) * BAND_SHARE / (1 - BAND_SHARE)
        top = high + (high - low) * 0.15
        for band in chart.bands:
            plt.rectangle(  # Plotext takes the corners' x and y, though its stubs say one float
                [x(band.start), x(band.end)],  # type: ignore[arg-type]
                [floor, low - (low - floor) / 4],  # type: ignore[arg-type]
                marker="█",
                color=phase_rgb(band.phase),
                fill=True,
            )
        days = [x(point.day) for point in chart.points]
        plt.plot(days, levels, marker="braille", color=self.colour("accent"))
        if chart.marks:
            marks = [x(mark.day) for mark in chart.marks]
            plt.scatter(marks, [top] * len(marks), marker="▼", color=self.colour("foreground"))
        ticks = _level_ticks(low, high)
        self.label_y(ticks, [f"{tick:+.1f}" if tick else "0" for tick in ticks])
        plt.ylim(floor, top)


class CodedPlot(DayPlot):
    """The machine-coded events of each month, as the datasets class them: cooperation (verbal
    and material) as a bar up, conflict as a bar down; evidence beside the curated level."""

    def draw_series(self, chart: Chronology) -> None:
        plt = self.plt
        days = [(month.middle - chart.start).days for month in chart.coded]
        cooperation = [
            month.activity.verbal_cooperation + month.activity.material_cooperation
            for month in chart.coded
        ]
        conflict = [
            -(month.activity.verbal_conflict + month.activity.material_conflict)
            for month in chart.coded
        ]
        for counts, colour in ((cooperation, "success"), (conflict, "error")):
            plt.bar(days, counts, width=BAR_SHARE, color=self.colour(colour), fill=True)
        high, low = max([*cooperation, 1]), min([*conflict, -1])
        self.label_y([low, 0, high], [str(low), "0", f"+{high}"])
        plt.ylim(low, high)


def _plot_area(rendered: Text) -> tuple[int, int] | None:
    """The first column and the width of the plot area, between the frame's bottom corners."""
    for line in rendered.plain.splitlines():
        left, right = line.find("└"), line.rfind("┘")
        if 0 <= left < right:
            return left + 1, right - left - 1
    return None


class TimelineChart(Vertical, can_focus=True):
    """The timeline: its series, each a :class:`DayPlot` of the same chronology and cursor, over
    a legend. The replay and the cursor's day come down from the screen; a click goes up as
    :class:`Seek`. The span shown is the whole log or a ``window`` of it, zoomed with the wheel
    or the keys, and laid out in a worker."""

    #: Told in the chart's title rather than the footer, which keeps the screen's keys.
    BINDINGS = [  # noqa: RUF012 - Textual's declaration style
        Binding("plus,equals_sign", "zoom_in", "Zoom in", show=False),
        Binding("minus", "zoom_out", "Zoom out", show=False),
        Binding("0", "whole", "Whole log", show=False),
        Binding("left", "pan(-1)", "Earlier", show=False),
        Binding("right", "pan(1)", "Later", show=False),
    ]
    KEYS = "wheel or + - 0 ← → to zoom"

    replay: reactive[Replayed | None] = reactive(None)
    window: reactive[tuple[date, date] | None] = reactive(None)
    """The days shown, ``None`` for the whole log."""
    chronology: reactive[Chronology | None] = reactive(None)
    cursor: reactive[date | None] = reactive(None)
    known_at: reactive[date | None] = reactive(None)
    """The day the log is seen from (only the entries reported by then), ``None`` as it was."""

    class Seek(Message):
        """The user clicked ``day`` on the chart."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    class Zoom(Message):
        """The wheel turned over ``day``: show ``factor`` times fewer days around it."""

        def __init__(self, day: date, factor: float) -> None:
            super().__init__()
            self.day = day
            self.factor = factor

    def compose(self) -> ComposeResult:
        yield LevelPlot(id="level-plot").data_bind(TimelineChart.chronology, TimelineChart.cursor)
        yield CodedPlot(id="coded-plot").data_bind(TimelineChart.chronology, TimelineChart.cursor)
        yield Static(id="chart-legend")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The days of the whole replay shown, once laid out.
        self._span: tuple[date, date] | None = None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._legend())

    def watch_replay(self) -> None:
        self.chronology = None
        self._span = None
        if self.window is None:
            self._lay_out()
        else:
            self.window = None

    def watch_window(self) -> None:
        self._retitle()
        self._lay_out()

    def watch_known_at(self) -> None:
        self._retitle()
        self._lay_out()

    def _retitle(self) -> None:
        window = self.window
        shown = f"{window[0]} to {window[1]}" if window else "whole log"
        known = f" · as known on {self.known_at}" if self.known_at else ""
        self.border_title = f"timeline · {shown}{known} · {self.KEYS}"

    def watch_chronology(self, chart: Chronology | None) -> None:
        self.set_class(bool(chart and chart.coded), "-coded")
        self._legend()

    def watch_cursor(self, cursor: date | None) -> None:
        """Keep the cursor's day in the window: move the window to it when it leaves it."""
        if cursor is not None and self.window is not None:
            start, end = self.window
            if not start <= cursor <= end:
                whole = self._whole()
                if whole is not None:
                    self.window = fitted(whole, cursor - (end - start) / 2, end - start)
        self._legend()

    def _whole(self) -> tuple[date, date] | None:
        """The days of the whole replay, once it is laid out (a replay read through the log's
        index is folded whole on the worker that lays it out)."""
        return self._span

    def zoom(self, factor: float, around: date) -> None:
        """Show ``factor`` times fewer days (more when below 1), ``around`` staying in place."""
        whole = self._whole()
        if whole is not None:
            self.window = zoomed(whole, self.window or whole, factor, around)

    def on_timeline_chart_zoom(self, event: Zoom) -> None:
        event.stop()
        self.zoom(event.factor, event.day)

    def _centre(self) -> date | None:
        shown = self.window or self._whole()
        if self.cursor is not None:
            return self.cursor
        return shown[0] + (shown[1] - shown[0]) / 2 if shown else None

    def action_zoom_in(self) -> None:
        centre = self._centre()
        if centre is not None:
            self.zoom(ZOOM, centre)

    def action_zoom_out(self) -> None:
        centre = self._centre()
        if centre is not None:
            self.zoom(1 / ZOOM, centre)

    def action_whole(self) -> None:
        self.window = None

    def action_pan(self, direction: int) -> None:
        """Move the window a quarter of its width earlier (-1) or later (1)."""
        whole = self._whole()
        if self.window is not None and whole is not None:
            start, end = self.window
            self.window = fitted(whole, start + (end - start) * direction / 4, end - start)

    def _lay_out(self) -> None:
        if self.replay is not None and len(self.replay):
            start, end = self.window or (None, None)
            columns = max(self.app.size.width, NARROWEST_TERMINAL)
            self._compute(self.replay, start, end, self.known_at, BRAILLE * columns)

    @work(thread=True, exclusive=True, group="chart")
    def _compute(
        self,
        replay: Replayed,
        start: date | None,
        end: date | None,
        known_at: date | None,
        resolution: int,
    ) -> None:
        whole = replay if isinstance(replay, Replay) else replay.replay()
        chart = chronology(whole, start, end, known_at=known_at, resolution=resolution)
        window = None if start is None or end is None else (start, end)
        asked = (replay, window, known_at)
        self.app.call_from_thread(self._show, asked, whole_span(whole), chart)

    def _show(
        self,
        asked: tuple[Replayed, tuple[date, date] | None, date | None],
        span: tuple[date, date],
        chart: Chronology,
    ) -> None:
        """Show ``chart`` if it is of the replay, window and day seen from asked for last."""
        if asked == (self.replay, self.window, self.known_at):
            self._span = span
            self.chronology = chart

    def _legend(self) -> None:
        """What each colour and mark means, and the cursor's day."""
        if not self.is_mounted:
            return
        variables = self.app.theme_variables
        legend = Text(no_wrap=False)
        legend.append("⠤⠤ ", style=Color.parse(variables["accent"]).hex)
        legend.append("level of relations  ")
        legend.append("▼ ", style=Color.parse(variables["foreground"]).hex)
        legend.append("entry  ")
        if self.cursor is not None:
            legend.append("│ ", style=Color.parse(variables["warning"]).hex)
            legend.append(f"{self.cursor.isoformat()}  ")
        chart = self.chronology
        if chart is not None and chart.coded:
            legend.append("█ ", style=Color.parse(variables["success"]).hex)
            legend.append("█ ", style=Color.parse(variables["error"]).hex)
            legend.append("coded events a month, cooperation and conflict  ")
        phases = dict.fromkeys(band.phase for band in chart.bands) if chart else {}
        for phase in phases:
            legend.append("█ ", style=PHASE_COLOURS[phase])
            legend.append(f"{phase.value}  ")
        self.query_one("#chart-legend", Static).update(legend)
