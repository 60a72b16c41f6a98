"""The score over the log as a sparkline, the phase bands under it, the cursor marked."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Sparkline, Static

from tracker.tui._story import Sample
from tracker.tui.widgets.panes import PHASE_COLOURS

__all__ = ["ScoreChart", "columns"]


def columns(samples: tuple[Sample, ...], width: int) -> list[Sample]:
    """One sample a column: the last of each of ``width`` even buckets (repeated if too few)."""
    if not samples or width < 1:
        return []
    size = len(samples)
    return [
        samples[max(int(c * size / width), int((c + 1) * size / width) - 1)] for c in range(width)
    ]


class ScoreChart(Vertical):
    """The Goldstein score after each part of the log, in order of the entries (not of days)."""

    samples: reactive[tuple[Sample, ...]] = reactive(())
    count: reactive[int] = reactive(0)
    """The entries up to the cursor's, in order, the same in both modes: the marker's place."""

    def compose(self) -> ComposeResult:
        yield Sparkline([], id="score-line")
        yield Static(id="score-bands")

    def watch_samples(self) -> None:
        self._draw()

    def watch_count(self) -> None:
        self._draw_bands()

    def on_resize(self) -> None:
        self._draw()

    def _columns(self) -> list[Sample]:
        return columns(self.samples, self.content_region.width)

    def _draw(self) -> None:
        if not self.is_mounted:
            return
        self.query_one(Sparkline).data = [sample.score for sample in self._columns()]
        self._draw_bands()

    def _draw_bands(self) -> None:
        if not self.is_mounted:
            return
        cells = self._columns()
        cursor = next(
            (column for column, sample in enumerate(cells) if sample.count >= self.count), None
        )
        bands = Text()
        for column, sample in enumerate(cells):
            colour = PHASE_COLOURS.get(sample.phase, "white")
            if column == cursor:
                bands.append("▲", style=Style(color="white", bgcolor=colour, bold=True))
            else:
                bands.append("▄", style=Style(color=colour))
        self.query_one("#score-bands", Static).update(bands)
