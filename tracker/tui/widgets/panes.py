"""The panes beside the timeline: the phase, the state, what the entry changed."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tracker._replay import Change
from tracker._state import ChannelStatus, Phase, State
from tracker._text import printable
from tracker.tui._story import Details

__all__ = ["PHASE_COLOURS", "ChangesView", "PhaseBanner", "StateView"]

#: The colour of each phase, from the worst to the best of a relationship.
PHASE_COLOURS = {
    Phase.NORMAL: "green",
    Phase.SUSPENDED: "red",
    Phase.REENGAGEMENT_DECIDED: "dark_orange",
    Phase.CONTACTS_RESUMED: "yellow",
    Phase.INFORMAL_COUNCIL: "cyan",
    Phase.NORMALIZED: "green",
}

_CHANNEL_COLOURS = {
    ChannelStatus.ACTIVE: "green",
    ChannelStatus.SUSPENDED: "red",
    ChannelStatus.RESUMPTION_DECIDED: "dark_orange",
    ChannelStatus.INFORMAL: "yellow",
}

_CHANGE_STYLES = {"added": ("+", "green"), "removed": ("-", "red"), "changed": ("~", "yellow")}


def _name(text: str) -> str:
    return text.replace("_", " ")


class PhaseBanner(Static):
    """The phase at the cursor, large and coloured, with which replay it is and where."""

    details: reactive[Details | None] = reactive(None)
    total: reactive[int] = reactive(0)

    def render(self) -> RenderableType:
        if self.details is None:
            return Text("")
        phase = self.details.state.phase
        colour = PHASE_COLOURS.get(phase, "white")
        banner = Text()
        banner.append(f" {_name(phase.value).upper()} ", style=f"bold black on {colour}")
        mode = "as known then" if self.details.known_then else "as it was"
        banner.append(f"  {self.details.entry.on} · {mode}", style="bold")
        banner.append(f" · entry {self.details.index + 1} of {self.total}", style="dim")
        return banner


class StateView(Static):
    """Channels, pending follow-ups (overdue ones highlighted), stances, cooperation, score."""

    state: reactive[State | None] = reactive(None, layout=True)

    def render(self) -> RenderableType:
        state = self.state
        if state is None:
            return Text("")
        parts: list[RenderableType] = []
        score = Text.assemble(("score ", "bold"), f"{state.score:+.1f}")
        if state.anomalies:
            score.append(f"   {len(state.anomalies)} anomalies", style="bold red")
        parts.append(score)
        parts.append(_section("channels"))
        for name, status in sorted(state.channels.items()):
            colour = _CHANNEL_COLOURS.get(status, "white")
            parts.append(Text.assemble(f" {_name(name)}: ", (_name(status.value), colour)))
        parts.append(_section("pending"))
        if not state.pending:
            parts.append(Text(" none", style="dim"))
        for item in state.pending:
            overdue = item.overdue(state.at)
            line = Text(f" {_name(item.kind)} {item.expected}")
            if overdue:
                line.append(" OVERDUE", style="bold white on red")
            parts.append(line)
        if state.stances:
            parts.append(_section("stances"))
            table = Table.grid(padding=(0, 1))
            table.add_column(style="bold", no_wrap=True)
            table.add_column(style="dim")
            table.add_column()
            for actor, issues in sorted(state.stances.items()):
                for issue, stance in sorted(issues.items()):
                    table.add_row(
                        Text(f" {actor}"), Text(_name(issue)), Text(printable(stance.position))
                    )
            parts.append(table)
        if state.cooperation:
            parts.append(_section("cooperation"))
            for area, status in sorted(state.cooperation.items()):
                parts.append(Text(f" {_name(area)}: {status.value}"))
        return Group(*parts)


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

    def render(self) -> RenderableType:
        if self.changes is None:
            return Text("")
        if not self.changes:
            return Text("no change: a report of what was known", style="dim")
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
