"""Two moments side by side: state A, state B and what differs from A to B.

A moment is a dyad's state on a day, as it was or as known on a day; the two may be two days
of one dyad or two dyads on one day. State B is computed in a worker (another dyad's log is
read again), state A is the one the main screen shows.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from tracker._replay import diff
from tracker._state import State
from tracker._text import printable
from tracker.tui._export import comparison_text, moment_name
from tracker.tui.screens.export import ask_and_export
from tracker.tui.widgets.panes import ChangesView, Pane, StateView, paint_phase, phase_name

__all__ = ["CompareScreen", "moment_title"]


def moment_title(state: State) -> str:
    """The dyad, the day and how the state is seen, in a few words."""
    seen = "as it was" if state.known_at is None else f"as known on {state.known_at}"
    return printable(f"{state.dyad} · {state.at or 'last day'} · {seen}")


class CompareScreen(Screen[None]):
    """State A beside state B, then what differs from A to B; ``x`` exports the comparison."""

    BINDINGS = [  # noqa: RUF012 - Textual's declaration style
        Binding("escape,c", "app.pop_screen", "Back"),
        Binding("x", "export", "Export"),
        Binding("s", "swap", "Swap A/B"),
    ]

    def __init__(self, first: State, second: Callable[[], State], what: str) -> None:
        super().__init__()
        self.first = first
        self.second: State | None = None
        self._compute_second = second
        self.what = what

    def compose(self) -> ComposeResult:
        yield Static(Text(printable(f"tracker · compare {self.what}")), id="title")
        with Grid(id="compare"):
            for side in ("a", "b"):
                with Vertical(classes="side"):
                    yield Static(id=f"badge-{side}", classes="badge")
                    with Pane(id=f"state-{side}", classes="compared"):
                        yield StateView(id=f"view-{side}")
            with Pane(id="compare-changes", classes="compared"):
                yield ChangesView(empty="no difference", id="view-changes")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#compare").loading = True
        self._second()

    @work(thread=True, group="compare", exit_on_error=False)
    def _second(self) -> State:
        return self._compute_second()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "compare" or not event.worker.is_finished:
            return
        self.query_one("#compare").loading = False
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, State):
            self.second = event.worker.result
            self._show()
        elif event.state is WorkerState.ERROR:
            self.notify(printable(str(event.worker.error)), severity="error", markup=False)

    def _show(self) -> None:
        second = self.second
        if second is None:
            return
        for side, state in (("a", self.first), ("b", second)):
            self.query_one(f"#state-{side}").border_title = f"{side.upper()}: {moment_title(state)}"
            badge = self.query_one(f"#badge-{side}", Static)
            badge.update(phase_name(state.phase))
            paint_phase(badge, state.phase)
            self.query_one(f"#view-{side}", StateView).state = state
        changes = diff(self.first, second)
        self.query_one("#compare-changes").border_title = f"from A to B: {len(changes)} changes"
        self.query_one("#view-changes", ChangesView).changes = changes

    def action_swap(self) -> None:
        if self.second is not None:
            self.first, self.second = self.second, self.first
            self._show()

    def action_export(self) -> None:
        first, second = self.first, self.second
        if second is None:
            return
        stem = f"{moment_name(first)}-vs-{moment_name(second)}"
        ask_and_export(self, stem, lambda suffix: comparison_text(first, second, suffix))
