"""The tracker app: loads a log in a worker, then steps through it on the main screen."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from tracker._entries import Dyad
from tracker._errors import LogError
from tracker.tui._story import Story, load_story
from tracker.tui.commands import TrackerCommands
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.main import MainScreen
from tracker.tui.screens.problems import ProblemsScreen

__all__ = ["TrackerApp", "run"]


class TrackerApp(App[None]):
    """Step through a log like a time-travel debugger: the state, the change, the evidence."""

    TITLE = "tracker"
    CSS_PATH = "tracker.tcss"
    COMMANDS = App.COMMANDS | {TrackerCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012
    BINDINGS = [  # noqa: RUF012 - Textual's declaration style
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.main = MainScreen()
        self.unreadable = False  # the log could not be read: the app exits 2, as the command does

    def get_default_screen(self) -> MainScreen:
        return self.main

    def on_mount(self) -> None:
        self.show_dyad(None)

    def show_dyad(self, dyad: Dyad | None) -> None:
        """Load the log and replay ``dyad`` (``None``: the default or first dyad of the log)."""
        self._load(self.path, dyad)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, path: Path, dyad: Dyad | None) -> Story:
        return load_story(path, dyad)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        if event.state is WorkerState.SUCCESS:
            self.main.story = event.worker.result
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, LogError):
                self.unreadable = True
                self.push_screen(ProblemsScreen(str(self.path), error.problems))
            elif error is not None:
                raise error  # a bug, not a bad log: let Textual show it

    def on_main_screen_dyad_wanted(self, event: MainScreen.DyadWanted) -> None:
        self.show_dyad(event.dyad)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen([*MainScreen.BINDINGS, *self.BINDINGS]))


def run(path: Path) -> int:
    """Run the app on the log at ``path``; the exit status is the app's (1 after a crash)."""
    app = TrackerApp(path)
    app.run()
    return app.return_code or (2 if app.unreadable else 0)
