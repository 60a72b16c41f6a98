"""The timeline: every listed entry on one line, drawn only for the rows on screen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker._entries import Entry
from tracker._text import printable
from tracker.tui._story import row_at_or_before

__all__ = ["Timeline", "type_label"]

#: The colour of an entry's label by the PLOVER category of its event code: cooperation in
#: greens and blues, conflict in reds and yellow, armed force (an assault) in magenta, the
#: colour of the worst phase. Another category, or none (a statement), goes by the sign of
#: its Goldstein value.
CATEGORY_COLOURS = {
    "AGREE": "green",
    "CONCEDE": "bright_green",
    "COOPERATE": "cyan",
    "CONSULT": "bright_blue",
    "ACCUSE": "yellow",
    "SANCTION": "red",
    "COERCE": "bright_red",
    "ASSAULT": "bright_magenta",
}


def type_label(entry: Entry) -> tuple[str, str]:
    """The label its type declares and a colour for it, from the entry's event code (a
    presence measure that opens a mission cooperates, one that closes it sanctions)."""
    code = entry.event_code()
    colour = CATEGORY_COLOURS.get(code.plover or "")
    if colour is None:
        colour = "green" if code.goldstein > 0 else "red" if code.goldstein < 0 else "bright_black"
    return entry.LABEL, colour


class Timeline(ScrollView, can_focus=False):
    """The listed entries (``rows``, indices into ``entries``), the cursor on ``cursor``.

    Only the lines on screen are drawn, so a log of any length costs the same per step. With
    ``known_at`` set, the entries reported after that day are marked ``?``.
    """

    COMPONENT_CLASSES = {  # noqa: RUF012 - Textual's own declaration style
        "timeline--cursor",
        "timeline--future",
        "timeline--unknown",
    }

    entries: Sequence[Entry] = ()
    rows: reactive[tuple[int, ...]] = reactive((), always_update=True)
    cursor: reactive[int] = reactive(0)
    known_at: reactive[date | None] = reactive(None)

    class Picked(Message):
        """An entry was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def watch_rows(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))
        self._follow_cursor()
        self.refresh()

    def watch_cursor(self) -> None:
        self._follow_cursor()
        self.refresh()

    def watch_known_at(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))
        self._follow_cursor()

    def _follow_cursor(self) -> None:
        """Scroll just enough to keep the cursor's row on screen."""
        if not self.rows:
            return
        row = row_at_or_before(self.rows, self.cursor)
        height = max(self.scrollable_content_region.height, 1)
        top = round(self.scroll_y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        row = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self.rows):
            return Strip.blank(width, base)
        index = self.rows[row]
        entry = self.entries[index]
        if index == self.cursor:
            style = base + self.get_component_rich_style("timeline--cursor")
        elif index > self.cursor:
            style = base + self.get_component_rich_style("timeline--future")
        else:
            style = base
        label, colour = type_label(entry)
        unknown = self.known_at is not None and entry.reported > self.known_at
        mark = "?" if unknown else ("▶" if index == self.cursor else " ")
        mark_style = self.get_component_rich_style("timeline--unknown") if unknown else Style()
        segments = [
            Segment(mark, style + mark_style),
            Segment(f"{entry.on!s:<10} ", style),  # a day as stated, aligned
            Segment(f"{label:<4} ", style + Style(color=colour, bold=True)),
            Segment(printable(entry.title), style),
        ]
        return Strip(segments).adjust_cell_length(width, style).crop(0, width)

    def on_click(self, event: events.Click) -> None:
        row = round(self.scroll_y) + event.y
        if 0 <= row < len(self.rows):
            self.post_message(self.Picked(self.rows[row]))
