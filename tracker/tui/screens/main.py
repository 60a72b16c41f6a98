"""The main screen: the timeline, the state at the cursor, its changes and its sources."""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from tracker._dates import parse_day
from tracker._entries import Dyad, Entry
from tracker._replay import Replay
from tracker._text import printable
from tracker.tui._story import (
    Details,
    Filter,
    Story,
    details_at,
    last_on_or_before,
    row_at_or_before,
)
from tracker.tui.screens.prompt import PromptScreen
from tracker.tui.widgets.chart import TimelineChart
from tracker.tui.widgets.panes import ChangesView, PhaseBanner, StateView
from tracker.tui.widgets.sources import SourcesView
from tracker.tui.widgets.timeline import Timeline

__all__ = ["MainScreen"]

#: The actions that move the cursor back, and forward: disabled at the first or last row.
_BACK = frozenset({"previous", "first", "previous_month"})
_FORWARD = frozenset({"next", "last", "next_month", "play"})


def _month(day: date) -> tuple[int, int]:
    return day.year, day.month


class MainScreen(Screen[None]):
    """Steps through one dyad's replay; the story comes down from the app once loaded."""

    BINDINGS = [  # noqa: RUF012 - Textual's declaration style
        Binding("down,j", "next", "Next", key_display="↓"),
        Binding("up,k", "previous", "Back", key_display="↑"),
        Binding("home,g", "first", "First", key_display="g"),
        Binding("end,G", "last", "Last", key_display="G"),
        Binding("left_square_bracket", "previous_month", "Month-", key_display="["),
        Binding("right_square_bracket", "next_month", "Month+", key_display="]"),
        Binding("d", "jump_to_date", "Date"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("space", "play", "Play", key_display="␣"),
        Binding("t", "toggle_known", "Known then"),
    ]

    #: Seconds between two steps while playing.
    PLAY_INTERVAL = 0.8
    #: Details that took longer than this (seconds) to compute wait for the cursor to rest...
    SLOW = 0.05
    #: ...this long (seconds), so that holding a key on a long log never waits for them.
    REST = 0.15

    story: reactive[Story | None] = reactive(None, init=False)
    rows: reactive[tuple[int, ...]] = reactive((), init=False)
    cursor: reactive[int] = reactive(0, init=False)
    filter: reactive[Filter] = reactive(Filter, init=False)
    known_then: reactive[bool] = reactive(False, init=False)
    playing: reactive[bool] = reactive(False, init=False)
    details: reactive[Details | None] = reactive(None, init=False)

    class DyadWanted(Message):
        """The user asked to replay another dyad of the log."""

        def __init__(self, dyad: Dyad) -> None:
            super().__init__()
            self.dyad = dyad

    def __init__(self) -> None:
        super().__init__()
        self._computing = False
        self._player: Timer | None = None
        self._ends: tuple[bool, bool] | None = None
        self._slow = False
        self._started = 0.0
        self._rest: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="empty")
        with Horizontal(id="body"):
            yield Timeline(id="timeline")
            with Vertical(id="right"):
                yield PhaseBanner(id="phase")
                with Horizontal(id="middle"):
                    with VerticalScroll(id="state-pane", can_focus=False):
                        yield StateView()
                    with VerticalScroll(id="changes-pane", can_focus=False):
                        yield ChangesView()
                yield SourcesView(id="sources-pane")
        yield TimelineChart(id="chart")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#body").loading = self.story is None
        self.query_one("#state-pane").border_title = "state"
        self.query_one("#changes-pane").border_title = "what this entry changed"
        self.query_one("#sources-pane").border_title = "sources"
        self._player = self.set_interval(self.PLAY_INTERVAL, self._tick, pause=True)

    # -- state flowing down ----------------------------------------------------------------

    def watch_story(self, story: Story | None) -> None:
        self.query_one("#body").loading = story is None
        if story is None:
            return
        empty = story.replay is None
        self.set_class(empty, "-empty")
        self.query_one("#empty", Static).update(
            Text(
                f"{printable(str(story.path))} has no entries yet.\n\n"
                "Add entries to the log (one JSON object a line), then open it again."
                if empty
                else ""
            )
        )
        self.playing = False
        self.details = None
        timeline = self.query_one(Timeline)
        timeline.entries = story.entries
        self.query_one(TimelineChart).replay = story.replay
        self.query_one(SourcesView).articles = story.articles
        self.filter = Filter()
        self.rows = self.filter.rows(story.entries)
        self.cursor = 0
        self._update_title()
        self._want_details()

    def watch_rows(self, rows: tuple[int, ...]) -> None:
        self.query_one(Timeline).rows = rows
        if rows and self.cursor not in rows:
            self.cursor = rows[row_at_or_before(rows, self.cursor)]
        self._ends = None
        self._refresh_ends()

    def watch_cursor(self, cursor: int) -> None:
        self.query_one(Timeline).cursor = cursor
        self._mark_known()
        self._refresh_ends()
        self._want_details()

    def _refresh_ends(self) -> None:
        """Refresh the footer when the cursor reaches or leaves an end (it redraws every key)."""
        position = self._position()
        ends = (position == 0, position >= len(self.rows) - 1)
        if ends != self._ends:
            self._ends = ends
            self.refresh_bindings()

    def watch_known_then(self) -> None:
        self._mark_known()
        self._want_details()

    def watch_filter(self) -> None:
        self._update_title()

    def watch_playing(self, playing: bool) -> None:
        self.refresh_bindings()
        if self._player is not None:
            if playing:
                self._player.resume()
            else:
                self._player.pause()
        self._update_title()

    def watch_details(self, details: Details | None) -> None:
        self.query_one(PhaseBanner).details = details
        self.query_one(PhaseBanner).total = len(self.story.entries) if self.story else 0
        self.query_one(StateView).state = details.state if details else None
        self.query_one(ChangesView).changes = details.changes if details else None
        self.query_one(SourcesView).entry = details.entry if details else None
        self.query_one(TimelineChart).cursor = details.entry.on if details else None

    def _mark_known(self) -> None:
        known = self.known_then and self.cursor < len(self.entries)
        self.query_one(Timeline).known_at = self.entries[self.cursor].on if known else None

    def _update_title(self) -> None:
        story = self.story
        if story is None:
            return
        parts = [f"tracker · {story.dyad or 'no dyad'} · {story.path.name}"]
        parts.append(f"{len(story.entries)} entries")
        if len(story.dyads) > 1:
            parts.append(f"{len(story.dyads)} dyads")
        if self.filter:
            parts.append(f"filter: {self.filter} ({len(self.rows)})")
        if self.playing:
            parts.append("▶ playing")
        self.query_one("#title", Static).update(Text(printable(" · ".join(parts))))

    # -- the details of the cursor, computed off the UI thread -----------------------------

    def _want_details(self) -> None:
        """Compute the details of the cursor now, or once it rests if they are slow to get."""
        if self._rest is not None:
            self._rest.stop()
            self._rest = None
        if self._slow:
            self._rest = self.set_timer(self.REST, self._start_details)
        else:
            self._start_details()

    def _start_details(self) -> None:
        """Start computing the cursor's details, unless a computation runs: it will ask again."""
        replay = self.story.replay if self.story else None
        if replay is None or self._computing:
            return
        self._computing = True
        self._started = time.perf_counter()
        self._compute(replay, self.cursor, self.known_then)

    @work(thread=True, group="details")
    def _compute(self, replay: Replay, index: int, known_then: bool) -> Details:
        return details_at(replay, index, known_then=known_then)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Show the details computed if they are of the story shown, then ask for the cursor's
        if the panes do not show them yet (another story, another cursor, a cancelled worker).
        """
        if event.worker.group != "details" or not event.worker.is_finished:
            return
        self._computing = False
        self._slow = time.perf_counter() - self._started > self.SLOW
        if event.state is WorkerState.ERROR:
            return  # a bug, not a state to show: the worker exits the app with its traceback
        details = event.worker.result
        if (
            event.state is WorkerState.SUCCESS
            and isinstance(details, Details)
            and self._of_story(details)
        ):
            self.details = details
        if not self._shows_cursor():
            self._want_details()

    def _of_story(self, details: Details) -> bool:
        """Whether ``details`` were computed for the story shown (not one shown before it)."""
        index = details.index
        return index < len(self.entries) and details.entry is self.entries[index]

    def _shows_cursor(self) -> bool:
        """Whether the panes show the details of the cursor, in the mode chosen."""
        shown = self.details
        return shown is not None and (shown.index, shown.known_then) == (
            self.cursor,
            self.known_then,
        )

    # -- events coming up ------------------------------------------------------------------

    def on_timeline_picked(self, event: Timeline.Picked) -> None:
        self.cursor = event.index

    def on_timeline_chart_seek(self, event: TimelineChart.Seek) -> None:
        self.go_to_date(event.day)

    # -- actions ---------------------------------------------------------------------------

    def _position(self) -> int:
        return row_at_or_before(self.rows, self.cursor)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in _BACK | _FORWARD | {"jump_to_date", "filter", "toggle_known"}:
            return True
        if not self.rows:
            return None
        if action == "play" and self.playing:
            return True
        if action in _BACK and self._position() == 0:
            return None
        if action in _FORWARD and self._position() == len(self.rows) - 1:
            return None
        return True

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The entries of the dyad shown, in the order they happened."""
        return self.story.entries if self.story is not None else ()

    def ask_for_dyad(self, dyad: Dyad) -> None:
        """Ask the app to replay ``dyad`` instead."""
        self.post_message(self.DyadWanted(dyad))

    def go_to(self, index: int) -> None:
        """Put the cursor on entry ``index``, listing every entry if the filter hides it."""
        if index not in self.rows:
            self.apply_filter(Filter())
        self.cursor = index

    def go_to_date(self, day: date) -> None:
        """Put the cursor on the last listed entry on or before ``day``."""
        index = last_on_or_before(self.entries, self.rows, day)
        if index is None:
            self.notify(f"No listed entry on or before {day}.", severity="warning", markup=False)
            return
        self.cursor = index

    def apply_filter(self, query: Filter) -> None:
        """List only the entries ``query`` matches; refused when it matches none."""
        rows = query.rows(self.entries)
        if not rows:
            self.notify(printable(f"No entry matches “{query}”."), severity="warning", markup=False)
            return
        self.rows = rows
        self.filter = query  # after the rows: the title counts them

    def action_next(self) -> None:
        position = self._position()
        if position + 1 < len(self.rows):
            self.cursor = self.rows[position + 1]

    def action_previous(self) -> None:
        position = self._position()
        if position > 0:
            self.cursor = self.rows[position - 1]

    def action_first(self) -> None:
        self.cursor = self.rows[0]

    def action_last(self) -> None:
        self.cursor = self.rows[-1]

    def _month_of_row(self, row: int) -> tuple[int, int]:
        return _month(self.entries[row].on)

    def action_previous_month(self) -> None:
        """To the first entry of the month before the cursor's that has entries."""
        here = self._month_of_row(self.cursor)
        start = bisect_left(self.rows, here, key=self._month_of_row)
        if start == 0:
            self.cursor = self.rows[0]
            return
        month = self._month_of_row(self.rows[start - 1])
        self.cursor = self.rows[bisect_left(self.rows, month, key=self._month_of_row)]

    def action_next_month(self) -> None:
        """To the first entry of the next month that has entries."""
        here = self._month_of_row(self.cursor)
        after = bisect_right(self.rows, here, key=self._month_of_row)
        self.cursor = self.rows[min(after, len(self.rows) - 1)]

    def action_jump_to_date(self) -> None:
        def jump(answer: str | None) -> None:
            if not answer:
                return
            try:
                day = parse_day(answer)
            except ValueError as error:
                self.notify(printable(str(error)), severity="error", markup=False)
                return
            self.go_to_date(day)

        current = self.entries[self.cursor].on.isoformat() if self.entries else ""
        self.app.push_screen(
            PromptScreen("Go to date (YYYY-MM-DD)", value=current, placeholder="2008-12-19"),
            jump,
        )

    def action_filter(self) -> None:
        def apply(answer: str | None) -> None:
            if answer is not None:
                self.apply_filter(Filter.parse(answer))

        self.app.push_screen(
            PromptScreen(
                "Filter: type:NAME party:ACTOR words (empty: every entry)",
                value=str(self.filter),
                placeholder="type:council_meeting",
            ),
            apply,
        )

    def action_play(self) -> None:
        self.playing = not self.playing

    def action_toggle_known(self) -> None:
        self.known_then = not self.known_then

    def _tick(self) -> None:
        """One step of play; stops at the last listed entry."""
        if not self.rows or self._position() >= len(self.rows) - 1:
            self.playing = False
            return
        self.action_next()
