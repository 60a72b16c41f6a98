"""The level of relations over the log as a sparkline, the monthly Goldstein activity under
it, then the phase bands, the cursor marked."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Sparkline, Static

from tracker._palette import PHASE_COLOURS
from tracker.tui._story import Sample

__all__ = ["ScoreChart", "columns"]

#: The width of the labels left of the lines.
LABEL = 9


def columns(samples: tuple[Sample, ...], width: int) -> list[Sample]:
    """One sample a column: the last of each of ``width`` even buckets (repeated if too few)."""
    if not samples or width < 1:
        return []
    size = len(samples)
    return [
        samples[max(int(c * size / width), int((c + 1) * size / width) - 1)] for c in range(width)
    ]


class ScoreChart(Vertical):
    """The level of relations and the activity of the month after each part of the log, and
    the phase, in order of the entries (not of days)."""

    samples: reactive[tuple[Sample, ...]] = reactive(())
    count: reactive[int] = reactive(0)
    """The entries up to the cursor's, in order, the same in both modes: the marker's place."""

    def compose(self) -> ComposeResult:
        for name, line in (("level", "level-line"), ("activity", "activity-line")):
            with Horizontal(classes="chart-row"):
                yield Static(Text(name, style="bold"), classes="chart-label")
                yield Sparkline([], id=line)
        with Horizontal(classes="chart-row"):
            yield Static(Text("phase", style="bold"), classes="chart-label")
            yield Static(id="score-bands")

    def on_mount(self) -> None:
        for label in self.query(".chart-label"):
            label.styles.width = LABEL

    def watch_samples(self) -> None:
        self._draw()

    def watch_count(self) -> None:
        self._draw_bands()

    def on_resize(self) -> None:
        self._draw()

    def drawn(self) -> list[Sample]:
        """The samples drawn, one a column, left of which the labels stand."""
        return columns(self.samples, self.content_region.width - LABEL)

    def _draw(self) -> None:
        if not self.is_mounted:
            return
        cells = self.drawn()
        self.query_one("#level-line", Sparkline).data = [sample.level for sample in cells]
        self.query_one("#activity-line", Sparkline).data = [sample.activity for sample in cells]
        self._draw_bands()

    def _draw_bands(self) -> None:
        if not self.is_mounted:
            return
        cells = self.drawn()
        cursor = next(
            (column for column, sample in enumerate(cells) if sample.count >= self.count), None
        )
        bands = Text()
        for column, sample in enumerate(cells):
            colour = PHASE_COLOURS[sample.phase]
            if column == cursor:
                bands.append("▲", style=Style(color="white", bgcolor=colour, bold=True))
            else:
                bands.append("▄", style=Style(color=colour))
        self.query_one("#score-bands", Static).update(bands)
