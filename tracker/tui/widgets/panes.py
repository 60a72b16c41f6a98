"""The panes beside the timeline: the phase, the state, what the entry changed."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from operator import attrgetter

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import RichVisual, Visual
from textual.widget import Widget
from textual.widgets import Static

from tracker._palette import CHANNEL_COLOURS, PHASE_COLOURS, ink
from tracker._replay import Change, expected_text, level_text, measure_text, meeting_text
from tracker._state import Phase, State
from tracker._text import printable
from tracker.tui._story import Details

__all__ = ["ChangesView", "Pane", "PhaseBanner", "StateView", "paint_phase", "phase_name"]

#: The latest meetings, lifted measures and lapsed expectations the state lists; earlier ones
#: are counted.
RECENT = 5
#: How many meetings or lifted measures a state may hold for the pane to find the latest of
#: them; of more, which a long log gives, it only says how many (finding the latest reads
#: them all).
FOUND_AMONG = 200

_CHANGE_STYLES = {"added": ("+", "green"), "removed": ("-", "red"), "changed": ("~", "yellow")}


def _name(text: str) -> str:
    return text.replace("_", " ")


def paint_phase(widget: Widget, phase: Phase | None) -> None:
    """Paint ``widget`` in the colour of ``phase``, its text in black or white (reversed when
    colours are off); ``None`` takes the paint off."""
    if phase is None:
        widget.styles.clear_rule("background")
        widget.styles.clear_rule("color")
    elif widget.app.no_color:
        widget.styles.text_style = "reverse"
    else:
        colour = PHASE_COLOURS[phase]
        widget.styles.background = colour
        widget.styles.color = ink(colour)


def phase_name(phase: Phase) -> Text:
    """The phase's name in capitals, bold."""
    return Text.assemble((_name(phase.value).upper(), "bold"))


class Pane(VerticalScroll, inherit_bindings=False):
    """A pane that Tab focuses and the page keys scroll; the arrows still step the timeline."""

    BINDINGS = [  # noqa: RUF012 - Textual's declaration style
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]


class PhaseBanner(Static):
    """The phase shown, the brightest thing on screen: a bar of the phase's colour (reversed
    without colours) across the panes, then the moment: the day, how it is seen, the entry."""

    details: reactive[Details | None] = reactive(None)
    #: Where the entry shown stands among those listed: its number and how many are listed.
    place: reactive[tuple[int, int]] = reactive((0, 0))

    def watch_details(self, details: Details | None) -> None:
        paint_phase(self, details.state.phase if details else None)

    def render(self) -> RenderableType:
        details = self.details
        if details is None:
            return Text("")
        banner = phase_name(details.state.phase)
        if details.known_at is None:
            seen = "as it was"
        elif details.known_at == details.on:
            seen = "as known then"
        else:
            seen = f"as known on {details.known_at}"
        banner.append(f"   {details.on} · {seen}")
        number, total = self.place
        where = f"entry {number} of {total}"
        if details.day is not None and details.day < details.entry.on:
            where = f"before entry {number} of {total}"
        elif details.day is not None and details.day != details.entry.on:
            where += f" ({details.entry.on})"
        banner.append(f" · {where}")
        return banner


class StateView(Widget):
    """The level of relations, the measures in force, channels, expectations pending (overdue
    ones highlighted) and lapsed, stances, cooperation, missions, the latest meetings.

    A late state of a long log holds thousands of lines: only those on screen are drawn, each
    part of the state laid out at the pane's width when first shown; the parts may be made off
    the UI thread (:meth:`parts`) and handed over with the state (:meth:`show`).
    """

    DEFAULT_CSS = "StateView { height: auto; }"

    state: reactive[State | None] = reactive(None, layout=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[RenderableType] = []
        #: The width laid out at, and the first line of each part (and the line after them).
        self._starts: tuple[int, list[int]] | None = None
        #: The lines of each part drawn at the width laid out at.
        self._drawn: dict[int, list[Strip]] = {}
        #: The parts made for a state about to be shown.
        self._made: tuple[State, list[RenderableType]] | None = None

    def show(self, state: State | None, parts: list[RenderableType] | None = None) -> None:
        """Show ``state``, of which ``parts`` are the parts (made now when not given)."""
        self._made = (state, parts) if state is not None and parts is not None else None
        self.state = state

    def watch_state(self, state: State | None) -> None:
        made, self._made = self._made, None
        if made is not None and made[0] is state:
            self._parts = made[1]
        else:
            self._parts = self.parts(state) if state is not None else []
        self._starts = None
        self._drawn.clear()

    def render(self) -> RenderableType:
        """The whole pane at once (what is drawn line by line)."""
        return Group(*self._parts) if self._parts else Text("")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._lay_out(width)[-1]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        starts = self._lay_out(width)
        part = bisect_right(starts, y) - 1
        if 0 <= part < len(self._parts):
            lines = self._lines(part, width)
            if y - starts[part] < len(lines):
                return lines[y - starts[part]]
        return Strip.blank(width, self.visual_style.rich_style)

    def _lay_out(self, width: int) -> list[int]:
        """The first line of each part at ``width``, and the line after the last: a line of
        text no wider than the pane is one line, without being drawn."""
        if self._starts is None or self._starts[0] != width:
            self._drawn.clear()
            heights = (self._height(part, width) for part in range(len(self._parts)))
            self._starts = (width, [0, *accumulate(heights)])
        return self._starts[1]

    def _height(self, part: int, width: int) -> int:
        renderable = self._parts[part]
        if isinstance(renderable, Text):  # as Textual finds the height of a text, not drawn
            if "\n" not in renderable.plain and renderable.cell_len <= width:
                return 1
            return len(Text(renderable.plain).wrap(self.app.console, width))
        return len(self._lines(part, width))

    def _lines(self, part: int, width: int) -> list[Strip]:
        """The lines of one part drawn at ``width``, as the whole pane would draw them."""
        if part not in self._drawn:
            visual = RichVisual(self, self._parts[part])
            strips = Visual.to_strips(self, visual, width, None, self.visual_style)
            self._drawn[part] = strips
        return self._drawn[part]

    @classmethod
    def parts(cls, state: State) -> list[RenderableType]:
        """What the pane shows of ``state``, part by part, in order."""
        parts: list[RenderableType] = [
            Text.assemble(("level ", "bold"), level_text(state)),
            Text.assemble(("score ", "bold"), f"{state.score:+.1f} (running Goldstein sum)"),
        ]
        if state.anomalies:
            parts.append(Text(f"{len(state.anomalies)} anomalies", style="bold red"))
        parts += cls._measures(state)
        parts.append(_section("channels"))
        for name, status in sorted(state.channels.items()):
            role = state.roles[name]
            parts.append(
                Text.assemble(
                    printable(f" {_name(name)} ({role}): "),
                    (_name(status.value), CHANNEL_COLOURS[status]),
                )
            )
        parts += cls._expectations(state)
        if state.stances:
            parts.append(_section("stances"))
            table = Table.grid(padding=(0, 1))
            table.add_column(style="bold", no_wrap=True)
            table.add_column(style="dim")
            table.add_column()
            for actor, issues in sorted(state.stances.items()):
                for issue, stance in sorted(issues.items()):
                    table.add_row(
                        Text(printable(f" {actor}")),
                        Text(printable(_name(issue))),
                        Text(printable(stance.position)),
                    )
            parts.append(table)
        if state.cooperation:
            parts.append(_section("cooperation"))
            for area, cooperation in sorted(state.cooperation.items()):
                parts.append(Text(printable(f" {_name(area)}: {cooperation.value}")))
        if state.missions:
            parts.append(_section("missions"))
            for mission, owner in sorted(state.missions.items()):
                parts.append(Text(printable(f" {_name(mission)} ({owner})")))
        parts += cls._meetings(state)
        return parts

    @staticmethod
    def _measures(state: State) -> list[RenderableType]:
        """The measures standing (in force, or announced for later), then the latest lifted."""
        parts: list[RenderableType] = [_section("measures in force")]
        standing = [m for m in state.may_stand(state.at) if m.standing(state.at)]
        if not standing:
            parts.append(Text(" none", style="dim"))
        for measure in sorted(standing, key=attrgetter("order")):
            parts.append(Text(printable(f" {measure_text(measure, state.at)}")))
        count = state.count_lifted()
        if count > FOUND_AMONG:
            parts += [_section("measures lifted"), _uncounted(count)]
        lifted = state.lifted() if 0 < count <= FOUND_AMONG else []
        if lifted:
            parts.append(_section("measures lifted"))
            parts += _earlier(len(lifted))
            for measure in lifted[-RECENT:]:
                parts.append(Text(printable(f" {measure_text(measure, state.at)}"), style="dim"))
        return parts

    @staticmethod
    def _expectations(state: State) -> list[RenderableType]:
        """The expectations awaited, the overdue marked, then those lapsed."""
        parts: list[RenderableType] = [_section("pending")]
        awaited = state.awaited()
        if not awaited:
            parts.append(Text(" none", style="dim"))
        for item in awaited:
            line = Text(printable(f" {_name(expected_text(item))} {item.expected}"))
            if item.overdue(state.at):
                line.append(" OVERDUE", style="bold white on red")
            parts.append(line)
        lapsed = state.lapsed()
        if lapsed:
            parts.append(_section("lapsed"))
            parts += _earlier(len(lapsed))
            for item in lapsed[-RECENT:]:
                text = f" {_name(expected_text(item))} {item.expected}, lapsed {item.lapses}"
                parts.append(Text(printable(text), style="dim"))
        return parts

    @staticmethod
    def _meetings(state: State) -> list[RenderableType]:
        """The latest meetings, each on its day as stated."""
        if len(state.meetings) > FOUND_AMONG:
            return [_section("meetings"), _uncounted(len(state.meetings))]
        meetings = state.meetings_in_order()
        if not meetings:
            return []
        parts: list[RenderableType] = [_section("meetings"), *_earlier(len(meetings))]
        for meeting in meetings[-RECENT:]:
            parts.append(Text(printable(f" {meeting.channel}: {meeting_text(meeting)}")))
        return parts


def _earlier(count: int) -> list[RenderableType]:
    """A line counting what is not listed, when more than :data:`RECENT` are."""
    if count <= RECENT:
        return []
    return [Text(f" {count - RECENT} earlier", style="dim")]


def _uncounted(count: int) -> RenderableType:
    """A line saying how many there are, none listed."""
    return Text(f" {count:,} (tracker state --history lists them)", style="dim")


def _in_order(changes: tuple[Change, ...]) -> list[Change]:
    """The changes part by part as :func:`~tracker.diff` orders them, by path within a part."""
    parts: dict[str, int] = {}
    for change in changes:
        parts.setdefault(change.path.split(".", 1)[0], len(parts))
    return sorted(changes, key=lambda change: (parts[change.path.split(".", 1)[0]], change.path))


def _section(title: str) -> Text:
    return Text(title, style="bold underline")


class ChangesView(Static):
    """The differences this entry made to the state before it: added, removed, changed."""

    changes: reactive[tuple[Change, ...] | None] = reactive(None, layout=True)

    def __init__(
        self, *, empty: str = "no change: a report of what was known", id: str | None = None
    ) -> None:
        super().__init__(id=id)
        #: What is said when there is no change.
        self.empty = empty

    def render(self) -> RenderableType:
        if self.changes is None:
            return Text("")
        if not self.changes:
            return Text(self.empty, style="dim")
        lines = []
        for change in _in_order(self.changes):
            sign, colour = _CHANGE_STYLES[change.kind]
            line = Text(f"{sign} {printable(change.path)}: ", style=f"bold {colour}")
            if change.kind == "changed":
                line.append(printable(f"{change.before}"), style="dim strike")
                line.append(printable(f" → {change.after}"), style=colour)
            else:
                line.append(printable(f"{change.after or change.before}"), style=colour)
            lines.append(line)
        return Group(*lines)
