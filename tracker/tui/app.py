"""The tracker app: loads a log in a worker, then steps through it on the main screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from tracker._entries import Dyad
from tracker._errors import LogError
from tracker._text import printable
from tracker.tui._settings import default_settings_path, read_settings, write_settings
from tracker.tui._story import Story, load_story, opening
from tracker.tui.commands import TrackerCommands
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.main import MainScreen, Opened
from tracker.tui.screens.problems import ProblemsScreen
from tracker.tui.widgets.panes import StateView

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

    def __init__(self, path: Path, *, at: date | None = None, settings: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.main = MainScreen(opening=at)
        #: Where the theme chosen is kept between runs.
        self.settings = settings or default_settings_path()
        #: Whether the log could not be read (the exit status is then 2, as the command's).
        self.failed = False
        self._theme_read = False

    def get_default_screen(self) -> MainScreen:
        return self.main

    def on_mount(self) -> None:
        theme = read_settings(self.settings).get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self._theme_read = True
        self.show_dyad(None)

    def watch_theme(self, theme: str) -> None:
        """Keep the theme chosen for the next run."""
        if not self._theme_read:
            return  # the default theme, or the saved one being restored
        settings = read_settings(self.settings)
        if settings.get("theme") != theme:
            problem = write_settings(self.settings, {**settings, "theme": theme})
            if problem is not None:
                self.notify(problem, severity="warning", markup=False)

    @on(events.DeliveryComplete)
    def _exported(self, event: events.DeliveryComplete) -> None:
        if event.name == "export":
            self.notify(printable(f"Exported to {event.path}"), title="Export", markup=False)

    @on(events.DeliveryFailed)
    def _not_exported(self, event: events.DeliveryFailed) -> None:
        if event.name == "export":
            problem = printable(f"Not exported: {event.exception}")
            self.notify(problem, title="Export", severity="error", markup=False)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG screenshot in the working folder (not in a Downloads folder)."""
        self.deliver_screenshot(filename, path or str(Path.cwd()))

    def show_dyad(self, dyad: Dyad | None) -> None:
        """Load the log and replay ``dyad`` (``None``: the default or first dyad of the log)."""
        self._load(self.path, dyad)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, path: Path, dyad: Dyad | None) -> tuple[Story, Opened | None]:
        """The story, and the details of its last crisis with the state pane's parts: what
        the screen shows first, computed in the one fold that finds the crisis."""
        story = load_story(path, dyad)
        if story.replay is None:
            return story, None
        details = opening(story.replay)
        return story, (story.replay, details, StateView.parts(details.state))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        if event.state is WorkerState.SUCCESS and event.worker.result is not None:
            story, opened = event.worker.result
            self.main.crisis = opened[1].index if opened is not None else 0
            self.main.prepared = opened
            self.main.story = story
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, LogError):
                self.failed = True
                self.push_screen(ProblemsScreen(str(self.path), error.problems))
            elif error is not None:
                raise error  # a bug, not a bad log: let Textual show it

    def on_main_screen_dyad_wanted(self, event: MainScreen.DyadWanted) -> None:
        self.show_dyad(event.dyad)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen([*MainScreen.BINDINGS, *self.BINDINGS]))


def run(path: Path, at: date | None = None) -> int:
    """Run the app on the log at ``path``, opening on the day ``at`` (else on the story's last
    crisis); the exit status is 1 after a crash, 2 when the log could not be read."""
    app = TrackerApp(path, at=at)
    app.run()
    return app.return_code or (2 if app.failed else 0)
