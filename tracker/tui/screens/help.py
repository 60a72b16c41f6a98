"""Help: every key, what the panes show, and how to write a filter."""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["HelpScreen"]

GUIDE = """\
The timeline lists the log's entries in the order they happened, each on its day as stated
(2014-06 for a fact known to the month); the cursor (▶) is the entry you stand on. The app
opens on the entry that began the story's last crisis (or on tracker tui --at DAY). Beside it:
the phase, the state, what the entry changed (+ added, - removed, ~ changed) and its sources.

A moment is a day, not an entry: d goes to any day (the state between two entries, the cursor
on the last entry before it), a shows the state as known on any day (from only the entries
reported by then); the banner says which. "As known then" (t) sees each entry's day from itself.

The state: the level of relations (the pressure of the measures in force plus the recent
activity, in Goldstein units) and the running Goldstein score; the measures in force, who took
them, against what, since when, and how they were eased or partly lifted; the measures lifted;
each channel with its role and status; the expectations pending (OVERDUE past their window)
and, apart, those lapsed, no longer awaited; stances, cooperation, missions and the latest
meetings.

Under it: the level of relations over the log, the Goldstein activity of each month, and the
phase as coloured bands, ▲ at the cursor; red is low, green high.

The sources: one at a time (n next, p previous) under "source k of N · outlet · date ·
headline", then the article's body, the quoted sentences underlined on a tint of their own.
y copies the source's citation (quotes, outlet, day, entry id) to the clipboard; the mouse
selects text too (hold Shift in most terminals).

Tab focuses the panes in turn (the focused one has a heavy bar); PgUp, PgDn, Home and End
scroll it, the arrows still step the timeline; Esc leaves it.

c compares this moment with another day or another dyad of the log: state A, state B and
what differs from A to B. x exports the state (or, there, the comparison) to a file of the
working folder: .md for Markdown, .json for JSON. Ctrl+P → Screenshot saves an SVG there too.

Filter: type:NAME, party:ACTOR and words of the title or id, e.g. "type:council_meeting" or
"party:EU talks". An empty filter lists every entry. Ctrl+P opens the command palette: go to an
entry or a date, filter by type, show or compare another dyad of the log, change the theme
(kept for the next run)."""


def _keys(app: App[object], binding: BindingType) -> tuple[str, str]:
    """Every key of a binding, named as the app names keys, and what it does.

    A binding's ``key_display`` names it by one key (as the Footer shows it), so it is left out.
    """
    bindings = list(Binding.make_bindings([binding]))
    names = (app.get_key_display(replace(one, key_display=None)) for one in bindings)
    return " ".join(names), bindings[0].description


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
            keys, description = _keys(self.app, binding)
            table.add_row(keys, description)
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold underline"))
            yield Static(table, id="help-keys")
            yield Static(Text(GUIDE), id="help-guide")
