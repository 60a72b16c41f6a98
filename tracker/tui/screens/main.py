"""The main screen: the timeline, the state at the cursor, its changes and its sources."""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeAlias

from rich.console import RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from tracker._dates import parse_day
from tracker._entries import Dyad, Entry
from tracker._index import build_index
from tracker._state import State
from tracker._text import printable
from tracker.tui._evidence import citation
from tracker.tui._export import moment_name, state_text
from tracker.tui._story import (
    Details,
    Filter,
    Replayed,
    Story,
    details_at,
    last_on_or_before,
    load_story,
    row_at_or_before,
)
from tracker.tui.screens.compare import CompareScreen
from tracker.tui.screens.export import ask_and_export
from tracker.tui.screens.prompt import PromptScreen
from tracker.tui.widgets.chart import TimelineChart
from tracker.tui.widgets.panes import ChangesView, Pane, PhaseBanner, StateView
from tracker.tui.widgets.sources import SourcesView
from tracker.tui.widgets.timeline import Timeline

__all__ = ["MainScreen", "Opened"]

#: The actions that move the cursor back, and forward: disabled at the first or last row.
_BACK = frozenset({"previous", "first", "previous_month"})
_FORWARD = frozenset({"next", "last", "next_month", "play"})
#: The actions that need a log with entries.
_ON_ENTRIES = frozenset(
    {
        "jump_to_date",
        "known_on",
        "filter",
        "toggle_known",
        "previous_source",
        "next_source",
        "compare",
        "export",
        "copy_citation",
    }
)


#: Details computed off the UI thread: of which replay, and the state pane's parts.
Opened: TypeAlias = tuple[Replayed, Details, list[RenderableType]]


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
        Binding("a", "known_on", "Known on"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("space", "play", "Play", key_display="␣"),
        Binding("space", "pause", "Pause", key_display="␣"),
        Binding("t", "toggle_known", "Known then"),
        Binding("c", "compare", "Compare"),
        Binding("x", "export", "Export"),
        Binding("y", "copy_citation", "Copy cite"),
        Binding("p", "previous_source", "Source-", show=False),
        Binding("n", "next_source", "Source+", show=False),
        Binding("escape", "leave_pane", "Leave the pane", show=False),
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
    #: The day chosen when it is not the cursor's entry's (the state between two entries).
    day: reactive[date | None] = reactive(None, init=False)
    #: The day the state is seen from, when chosen (else as it was, or as known then).
    known_on: reactive[date | None] = reactive(None, init=False)
    playing: reactive[bool] = reactive(False, init=False)
    details: reactive[Details | None] = reactive(None, init=False)

    class DyadWanted(Message):
        """The user asked to replay another dyad of the log."""

        def __init__(self, dyad: Dyad) -> None:
            super().__init__()
            self.dyad = dyad

    #: Nothing is focused at first: the keys step the timeline until Tab focuses a pane.
    AUTO_FOCUS = ""

    def __init__(self, opening: date | None = None) -> None:
        super().__init__()
        #: The day to open a story on, else its last crisis.
        self.opening = opening
        #: The entry the story's last crisis opened with, set by the app once loaded.
        self.crisis = 0
        #: The details of that entry, computed with the story: shown first, if still wanted.
        self.prepared: Opened | None = None
        self._computing = False
        self._player: Timer | None = None
        self._ends: tuple[bool, bool] | None = None
        self._slow = False
        self._started = 0.0
        self._rest: Timer | None = None
        #: The state pane's parts, made with the details on their worker.
        self._parts: tuple[State, list[RenderableType]] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="empty")
        with Horizontal(id="body"):
            yield Timeline(id="timeline")
            with Vertical(id="right"):
                yield PhaseBanner(id="phase")
                with Horizontal(id="middle"):
                    with Pane(id="state-pane"):
                        yield StateView()
                    with Pane(id="changes-pane"):
                        yield ChangesView()
                yield SourcesView(id="sources-pane")
        yield TimelineChart(id="chart")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#body").loading = self.story is None
        self.query_one("#state-pane").border_title = "state"
        self.query_one("#changes-pane").border_title = "what this entry changed"
        self.query_one("#sources-pane").border_title = "sources · n next, p previous, y copy"
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
        self.query_one(TimelineChart).replay = None  # laid out once the first state shows
        self.query_one(SourcesView).articles = story.articles
        self.filter = Filter()
        self.rows = story.listed(self.filter)
        self.set_reactive(MainScreen.known_on, None)
        if self.opening is not None and story.entries:
            self.go_to_date(self.opening)
            self.opening = None  # another dyad opens on its own crisis
        else:
            self._move(min(self.crisis, max(len(story.entries) - 1, 0)))
        self._update_title()
        self._want_details()

    def watch_rows(self, rows: tuple[int, ...]) -> None:
        self.query_one(Timeline).rows = rows
        if rows and self.cursor not in rows:
            self._move(rows[row_at_or_before(rows, self.cursor)])
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

    def watch_known_on(self) -> None:
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
        banner = self.query_one(PhaseBanner)
        banner.details = details
        if details is not None:
            banner.place = self._place(details.index)
        state = details.state if details else None
        made = self._parts[1] if self._parts is not None and self._parts[0] is state else None
        self.query_one(StateView).show(state, made)
        self.query_one(ChangesView).changes = details.changes if details else None
        self.query_one(SourcesView).entry = details.entry if details else None
        chart = self.query_one(TimelineChart)
        chart.cursor = details.entry.on if details else None
        if details is not None and self.story is not None and chart.replay is not self.story.replay:
            # The whole story, folded on a worker once the state is drawn: on a long log the
            # fold takes the interpreter for seconds, which the first frame must not wait for.
            self.call_after_refresh(self._chart, self.story.replay)

    def _chart(self, replay: Replayed | None) -> None:
        """Lay the chart out for ``replay``, if it is still the story shown."""
        if self.story is not None and self.story.replay is replay:
            self.query_one(TimelineChart).replay = replay

    def _mark_known(self) -> None:
        self.query_one(Timeline).known_at = self.known_at
        # The chart follows a day chosen to see from; stepping "as known then" moves that day
        # with every entry, and the chart stays as it was.
        self.query_one(TimelineChart).known_at = self.known_on

    @property
    def known_at(self) -> date | None:
        """The day the state is seen from: the day chosen, or the day shown when "as known
        then", else ``None`` (as it was)."""
        if self.known_on is not None:
            return self.known_on
        if not self.known_then or self.cursor >= len(self.entries):
            return None
        return self.day or self.entries[self.cursor].on

    @property
    def moment(self) -> tuple[int, date | None, date | None]:
        """What the panes should show: the cursor, the day chosen and the day seen from."""
        return self.cursor, self.day, self.known_at

    def _update_title(self) -> None:
        story = self.story
        if story is None:
            return
        parts = [f"tracker · {story.dyad or 'no dyad'} · {story.path.name}"]
        if self.filter:
            listed = f"{len(self.rows)} of {len(story.entries)} entries"
            parts.append(f"{listed} listed (filter: {self.filter})")
        elif len(self.rows) < len(story.entries):
            hidden = len(story.entries) - len(self.rows)
            parts.append(f"{len(self.rows)} entries, {hidden} coded events (/ type:coded_event)")
        else:
            parts.append(f"{len(story.entries)} entries")
        if len(story.dyads) > 1:
            parts.append(f"{len(story.dyads)} dyads")
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
        """Start computing the cursor's details, unless a computation runs (it will ask again)
        or the panes show them already."""
        replay = self.story.replay if self.story else None
        if replay is None or self._computing or self._shows_cursor():
            return
        if self._prepared_wanted():
            self.call_after_refresh(self._show_prepared)  # once the panes are mounted
            return
        self._computing = True
        self._started = time.perf_counter()
        self._compute(replay, *self.moment)

    @work(thread=True, group="details")
    def _compute(
        self, replay: Replayed, index: int, day: date | None, known_at: date | None
    ) -> Opened:
        details = details_at(replay, index, day=day, known_at=known_at)
        return replay, details, StateView.parts(details.state)

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
        result = event.worker.result
        if event.state is WorkerState.SUCCESS and isinstance(result, tuple):
            self._show(result)
        if not self._shows_cursor():
            self._want_details()

    def _prepared_wanted(self) -> bool:
        """Whether the details computed with the story are those of the cursor; if not, they
        are dropped."""
        prepared, replay = self.prepared, self.story.replay if self.story else None
        if prepared is not None and prepared[0] is replay:
            details = prepared[1]
            if (details.index, details.day, details.known_at) == self.moment:
                return True
        self.prepared = None
        return False

    def _show_prepared(self) -> None:
        """Show the details computed with the story, if still wanted, else compute them."""
        if self._prepared_wanted() and self.prepared is not None:
            self._show(self.prepared)
            self.prepared = None
        if not self._shows_cursor():
            self._want_details()

    def _show(self, computed: Opened) -> None:
        """Show details computed off the UI thread, if they are of the story shown."""
        replay, details, parts = computed
        if self.story is not None and replay is self.story.replay:
            self._parts = (details.state, parts)
            self.details = details  # computed for the story shown, not one shown before

    def _shows_cursor(self) -> bool:
        """Whether the panes show the details of the cursor, in the mode chosen."""
        shown = self.details
        return shown is not None and (shown.index, shown.day, shown.known_at) == self.moment

    # -- events coming up ------------------------------------------------------------------

    def on_timeline_picked(self, event: Timeline.Picked) -> None:
        self._move(event.index)

    def on_timeline_chart_seek(self, event: TimelineChart.Seek) -> None:
        self.go_to_date(event.day)

    # -- actions ---------------------------------------------------------------------------

    def _position(self) -> int:
        return row_at_or_before(self.rows, self.cursor)

    def _place(self, index: int) -> tuple[int, int]:
        """The number of entry ``index`` among those listed, and how many are listed: coded
        events hidden from the list, or entries a filter leaves out, are not counted."""
        position = row_at_or_before(self.rows, index)
        if position < len(self.rows) and self.rows[position] == index:
            return position + 1, len(self.rows)
        return index + 1, len(self.entries)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"play", "pause"} and (action == "pause") != self.playing:
            return False  # one key, shown as what it does now
        if action == "leave_pane":
            return self.focused is not None
        if action not in _BACK | _FORWARD | _ON_ENTRIES | {"pause"}:
            return True
        if not self.rows:
            return None
        if action == "pause":
            return True
        if action in _BACK and self._position() == 0:
            return None
        if action in _FORWARD and self._position() == len(self.rows) - 1:
            return None
        return True

    @property
    def entries(self) -> Sequence[Entry]:
        """The entries of the dyad shown, in the order they happened."""
        return self.story.entries if self.story is not None else ()

    def ask_for_dyad(self, dyad: Dyad) -> None:
        """Ask the app to replay ``dyad`` instead."""
        self.post_message(self.DyadWanted(dyad))

    def _move(self, index: int, day: date | None = None) -> None:
        """Put the cursor on entry ``index``, the state on ``day`` (else just after it)."""
        moved = (index, day) != (self.cursor, self.day)
        self.set_reactive(MainScreen.day, day)
        if index != self.cursor:
            self.cursor = index
        elif moved:
            self._want_details()

    def go_to(self, index: int) -> None:
        """Put the cursor on entry ``index``, listing every entry if the filter hides it."""
        if index not in self.rows:
            entry = self.entries[index]
            self.apply_filter(Filter() if entry.CURATED else Filter(types=(entry.TYPE,)))
        self._move(index)

    def go_to_date(self, day: date) -> None:
        """Show the state on ``day``, the cursor on the last listed entry on or before it (or
        on the first entry, the state before it, when the day is earlier than every entry)."""
        if not self.rows:
            return
        index = last_on_or_before(self.entries, self.rows, day)
        self._move(self.rows[0] if index is None else index, day)

    def see_as_known_on(self, day: date | None) -> None:
        """Show the state as known on ``day`` (``None``: as it was)."""
        self.set_reactive(MainScreen.known_then, False)
        self.known_on = day

    def apply_filter(self, query: Filter) -> None:
        """List only the entries ``query`` matches; refused when it matches none. A query that
        reads the entries of a log read through its index (parties, words) decodes them on a
        worker, the screen still answering keys."""
        story = self.story
        if story is not None and story.indexed and (query.parties or query.words):
            self._filter(story, query)
        else:
            self._show_listed(query, story.listed(query) if story is not None else ())

    @work(thread=True, exclusive=True, group="filter")
    def _filter(self, story: Story, query: Filter) -> None:
        rows = story.listed(query)
        if self.story is story:  # not another dyad's, loaded in the meantime
            self.app.call_from_thread(self._show_listed, query, rows)

    def _show_listed(self, query: Filter, rows: tuple[int, ...]) -> None:
        if not rows:
            self.notify(printable(f"No entry matches “{query}”."), severity="warning", markup=False)
            return
        self.rows = rows
        self.filter = query  # after the rows: the title counts them

    def action_next(self) -> None:
        position = self._position()
        if position + 1 < len(self.rows):
            self._move(self.rows[position + 1])

    def action_previous(self) -> None:
        position = self._position()
        if position > 0:
            self._move(self.rows[position - 1])

    def action_first(self) -> None:
        self._move(self.rows[0])

    def action_last(self) -> None:
        self._move(self.rows[-1])

    def _month_of_row(self, row: int) -> tuple[int, int]:
        return _month(self.entries[row].on)

    def action_previous_month(self) -> None:
        """To the first entry of the month before the cursor's that has entries."""
        here = self._month_of_row(self.cursor)
        start = bisect_left(self.rows, here, key=self._month_of_row)
        if start == 0:
            self._move(self.rows[0])
            return
        month = self._month_of_row(self.rows[start - 1])
        self._move(self.rows[bisect_left(self.rows, month, key=self._month_of_row)])

    def action_next_month(self) -> None:
        """To the first entry of the next month that has entries."""
        here = self._month_of_row(self.cursor)
        after = bisect_right(self.rows, here, key=self._month_of_row)
        self._move(self.rows[min(after, len(self.rows) - 1)])

    def _ask_day(
        self, question: str, value: date | None, then: Callable[[date | None], None]
    ) -> None:
        """Ask for a day, then call ``then`` with it (``None`` for an empty answer); a bad day
        is said and nothing changes."""

        def answered(answer: str | None) -> None:
            if answer is None:
                return
            try:
                day = parse_day(answer) if answer else None
            except ValueError as error:
                self.notify(printable(str(error)), severity="error", markup=False)
                return
            then(day)

        current = value.isoformat() if value else ""
        self.app.push_screen(
            PromptScreen(question, value=current, placeholder="2008-12-19"), answered
        )

    def _day_shown(self) -> date | None:
        if self.day is not None:
            return self.day
        return self.entries[self.cursor].on if self.entries else None

    def action_jump_to_date(self) -> None:
        def jump(day: date | None) -> None:
            if day is not None:
                self.go_to_date(day)

        self._ask_day("Go to date (YYYY-MM-DD), between entries too", self._day_shown(), jump)

    def action_known_on(self) -> None:
        self._ask_day(
            "As known on (YYYY-MM-DD; empty: as it was)",
            self.known_at or self._day_shown(),
            self.see_as_known_on,
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
        self.playing = True

    def action_pause(self) -> None:
        self.playing = False

    def action_toggle_known(self) -> None:
        if self.known_on is not None:
            self.set_reactive(MainScreen.known_on, None)
            self.known_then = False
            self._mark_known()
            self._want_details()
        else:
            self.known_then = not self.known_then

    def action_previous_source(self) -> None:
        self.query_one(SourcesView).step(-1)

    def action_next_source(self) -> None:
        self.query_one(SourcesView).step(1)

    def _shown_state(self) -> State | None:
        """The state the panes show, once they show the cursor's moment."""
        return self.details.state if self.details is not None and self._shows_cursor() else None

    def action_compare(self) -> None:
        """Ask for another day or another dyad of the log, and compare it with this moment."""

        def answered(answer: str | None) -> None:
            if not answer:
                return
            try:
                self.compare_with_day(parse_day(answer))
                return
            except ValueError:
                pass
            try:
                self.compare_with_dyad(Dyad.parse(answer.upper()))
            except ValueError as error:
                self.notify(printable(str(error)), severity="error", markup=False)

        story = self.story
        others = [str(dyad) for dyad in story.dyads if dyad != story.dyad] if story else []
        example = f", or a dyad ({', '.join(others)})" if others else ""
        shown = self.details.on.isoformat() if self.details else ""
        self.app.push_screen(
            PromptScreen(f"Compare with a day (YYYY-MM-DD){example}", value=shown), answered
        )

    def compare_with_day(self, day: date) -> None:
        """Compare the state shown (A) with the same dyad's on ``day`` (B), seen the same way."""
        first, replay = self._shown_state(), self.story.replay if self.story else None
        if first is None or replay is None:
            return
        known_at = self.known_on or (day if self.known_then else None)
        what = f"{first.at} with {day}"
        self.app.push_screen(CompareScreen(first, lambda: replay.at(day, known_at=known_at), what))

    def compare_with_dyad(self, dyad: Dyad) -> None:
        """Compare the state shown (A) with another dyad's of the log on the same day (B)."""
        first, story = self._shown_state(), self.story
        if first is None or story is None or first.at is None:
            return
        if dyad not in story.dyads or dyad == story.dyad:
            msg = f"{dyad} is not another dyad of {story.path.name}"
            self.notify(printable(msg), severity="error", markup=False)
            return
        on, known_at = first.at, first.known_at

        def second() -> State:
            replay = load_story(story.path, dyad).replay
            if replay is None:
                msg = f"{dyad} has no entries"
                raise ValueError(msg)
            return replay.at(on, known_at=known_at)

        self.app.push_screen(CompareScreen(first, second, f"{story.dyad} with {dyad}"))

    def build_index(self) -> None:
        """Build the index beside the log shown (on a worker), then show the story through it."""
        if self.story is not None:
            said = printable(f"Indexing {self.story.path.name}…")
            self.notify(said, title="Index", markup=False)
            self._index(self.story.path, self.story.dyad)

    @work(thread=True, group="index")
    def _index(self, path: Path, dyad: Dyad | None) -> None:
        indexed = build_index(path)
        if indexed is None:
            message = f"{path.name} cannot be indexed: tracker validate says why"
            problem = printable(message)
            self.app.call_from_thread(self.notify, problem, severity="error", markup=False)
            return
        said = f"{path.name}: {indexed:,} entries indexed"
        self.app.call_from_thread(self.notify, printable(said), title="Index", markup=False)
        if dyad is not None:
            self.app.call_from_thread(self.ask_for_dyad, dyad)

    def action_export(self) -> None:
        """Write the state shown to a file of the working folder, as Markdown or JSON."""
        state = self._shown_state()
        if state is not None:
            ask_and_export(self, moment_name(state), lambda suffix: state_text(state, suffix))

    def action_copy_citation(self) -> None:
        """Copy the citation of the source shown: its quotes, outlet, date and the entry's id."""
        sources = self.query_one(SourcesView)
        entry, source = sources.entry, sources.source
        if entry is None or source is None:
            self.notify("This entry has no source to cite.", severity="warning")
            return
        cited = citation(entry, source)
        self.app.copy_to_clipboard(cited)
        self.notify(cited, title="Copied to the clipboard", markup=False)

    def action_leave_pane(self) -> None:
        """Leave the focused pane: the keys step the timeline again."""
        self.set_focus(None)

    def _tick(self) -> None:
        """One step of play; stops at the last listed entry."""
        if not self.rows or self._position() >= len(self.rows) - 1:
            self.playing = False
            return
        self.action_next()
