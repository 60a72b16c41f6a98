"""The screen a log with bad lines opens on: every problem, as ``file:line: what``."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tracker._errors import Problem
from tracker._text import printable

__all__ = ["ProblemsScreen"]


class ProblemsScreen(Screen[None]):
    """Lists why a log cannot be replayed, so it can be fixed, instead of failing."""

    BINDINGS = [Binding("q", "app.quit", "Quit")]  # noqa: RUF012 - Textual's declaration style

    def __init__(self, path: str, problems: tuple[Problem, ...]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        heading = Text(
            printable(f"{self.path} cannot be read: {count} problem{'s' if count != 1 else ''}"),
            style="bold",
        )
        heading.append("\nFix these lines (tracker validate lists them too), then reopen.")
        yield Static(heading, id="problems-heading")
        with VerticalScroll(id="problems-list"):
            for problem in self.problems:
                yield Static(Text(printable(str(problem))), classes="problem")
        yield Footer()
