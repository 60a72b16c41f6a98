"""Help: every key, what the panes show, and how to write a filter."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["HelpScreen"]

GUIDE = """\
The timeline lists the log's entries in the order they happened; the cursor (▶) is the entry
you stand on. Beside it: the phase, the state of the relationship after that entry, what the
entry changed (+ added, - removed, ~ changed) and its sources, with the quoted sentences lit.
Under it: the score over the log, coloured by phase, ▲ at the cursor.

"As it was" shows the state after the entry with everything that happened by then. "As known
then" replays only what had been reported by the entry's day; entries reported later are
marked ? in the timeline.

Filter: type:NAME, party:ACTOR and words of the title or id, e.g. "type:council_meeting" or
"party:EU talks". An empty filter lists every entry. Ctrl+P opens the command palette: go to an
entry or a date, filter by type, show another dyad of the log."""


#: How the help names the keys that Textual spells out.
_KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "home": "Home",
    "end": "End",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "slash": "/",
    "space": "Space",
    "question_mark": "?",
    "escape": "Esc",
}


def _keys(binding: BindingType) -> tuple[str, str]:
    """Every key of a binding, as typed, and what it does."""
    if isinstance(binding, Binding):
        keys, description = binding.key, binding.description
    else:
        keys, description = str(binding[0]), str(binding[-1])
    names = (_KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))
    return " ".join(names), description


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below it, and a short guide."""

    BINDINGS = [  # noqa: RUF012 - Textual's declaration style
        Binding("escape,question_mark,q", "dismiss", "Close help"),
    ]

    def __init__(self, bindings: list[BindingType]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for binding in self.bindings:
            keys, description = _keys(binding)
            table.add_row(keys, description)
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold underline"))
            yield Static(table)
            yield Static(Text(GUIDE), id="help-guide")
