"""How the ``tracker`` command prints tables: never cutting an id, a day or a window.

On a terminal a table is drawn when its whole cells fit the width; when they do not, each row
becomes a short block of labelled cells, wrapped between cells. Into a pipe or a file, a table
is plain aligned lines, one row a line, as wide as its cells need. A table of more rows than
:data:`BLOCK` is streamed (:func:`print_stream`): its rows are printed as they come.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from tracker._palette import CHANNEL_COLOURS, PHASE_COLOURS
from tracker._replay import expected_text, level_text, measure_easing
from tracker._state import Measure, State
from tracker._text import printable

__all__ = [
    "BLOCK",
    "LATEST",
    "PROSE",
    "console",
    "print_indented",
    "print_state",
    "print_stream",
    "print_table",
    "text",
]

#: The columns of sentences, which wrap between words; every other column (ids, days, windows,
#: names, paths) is kept whole.
PROSE = frozenset(("title", "what", "position", "before", "after", "said as", "eased", "speaker"))

#: The narrowest a column of sentences is drawn; narrower, a table turns into blocks.
_PROSE_WIDTH = 16

#: How many measures lifted, expectations lapsed or meetings a state prints as a table unless
#: asked for its whole history; more are only counted (reading them costs what the log holds).
LATEST = 10

#: How many rows :func:`print_stream` reads before it prints the first: a table of no more is
#: printed whole, as :func:`print_table` prints it; the widths of a longer one's lines in a pipe
#: start as those of its first rows.
BLOCK = 64


def console() -> Console:
    """A console on the standard output as it is now: into a pipe or a file, a line is never
    folded."""
    out = _Console(soft_wrap=False, highlight=False, markup=False, emoji=False)
    out.soft_wrap = not out.is_terminal
    return out


class _Console(Console):
    """Rich's console, with a reader gone from the pipe handled as the rest of the command
    handles it (exit 0), where Rich would exit 1."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def text(value: object) -> Text:
    """A value as plain text, made printable: never read as markup."""
    return value if isinstance(value, Text) else Text(printable(str(value)))


def print_indented(out: Console, line: Text, indent: int) -> None:
    """A line indented, and on a terminal its wrapped lines too; into a pipe, never wrapped."""
    if out.soft_wrap:
        out.print(Text(" " * indent) + line)
    else:
        out.print(Padding(line, (0, 0, 0, indent), expand=False), overflow="fold")


def print_table(
    out: Console, title: str, columns: list[str], rows: Sequence[Sequence[Any]]
) -> None:
    """A titled table of ``rows`` (nothing when there are none), in the form ``out`` can show."""
    if not rows:
        return
    cells = [[text(cell) for cell in row] for row in rows]
    if not out.is_terminal:
        _print_lines(out, title, columns, cells, _widths(columns, cells))
    elif _fits(out.width, columns, cells):
        _print_grid(out, title, columns, cells)
    else:
        _print_blocks(out, title, columns, cells)


def print_stream(
    out: Console,
    title: Callable[[int | None], str],
    columns: list[str],
    rows: Iterable[Sequence[Any]],
) -> None:
    """The rows as they come, holding no more than :data:`BLOCK` of them: a table of no more
    rows is printed whole; a longer one is printed from its first rows on, as labelled blocks
    on a terminal, into a pipe as aligned lines whose columns widen when a longer cell comes.
    ``title`` is given the number of rows, or ``None`` when they are printed before all are
    read."""
    them = iter(rows)
    first = [[text(cell) for cell in row] for row in itertools.islice(them, BLOCK + 1)]
    if len(first) <= BLOCK:
        print_table(out, title(len(first)), columns, first)
        return
    cells = itertools.chain(first, ([text(cell) for cell in row] for row in them))
    if out.is_terminal:
        _print_blocks(out, title(None), columns, cells)
    else:
        _print_lines(out, title(None), columns, cells, _widths(columns, first))


def _widths(columns: list[str], cells: list[list[Text]]) -> list[int]:
    return [max([len(name), *(row[i].cell_len for row in cells)]) for i, name in enumerate(columns)]


def _least_widths(columns: list[str], cells: list[list[Text]]) -> list[int]:
    """The narrowest each column is drawn: a whole column at its widest, a column of sentences
    at ``_PROSE_WIDTH`` (less if all its cells are shorter) and never narrower than a word."""
    least = []
    for i, (name, widest) in enumerate(zip(columns, _widths(columns, cells), strict=True)):
        if name in PROSE:
            word = max((len(word) for row in cells for word in row[i].plain.split()), default=0)
            least.append(max(word, min(widest, _PROSE_WIDTH)))
        else:
            least.append(widest)
    return least


def _fits(width: int, columns: list[str], cells: list[list[Text]]) -> bool:
    """Whether the table fits ``width`` at its narrowest (a cell takes a space either side and
    a rule)."""
    return sum(_least_widths(columns, cells)) + 3 * len(columns) + 1 <= width


def _print_grid(out: Console, title: str, columns: list[str], cells: list[list[Text]]) -> None:
    table = Table(title=text(title), title_justify="left", title_style="bold")
    for name, least in zip(columns, _least_widths(columns, cells), strict=True):
        table.add_column(name, overflow="fold", no_wrap=name not in PROSE, min_width=least)
    for row in cells:
        table.add_row(*row)
    out.print(table)


def _print_blocks(
    out: Console, title: str, columns: list[str], cells: Iterable[list[Text]]
) -> None:
    """Each row as its whole cells, labelled and packed into lines between cells, then each of
    its sentences, wrapped between words; a row's first line stands out by its indent."""
    out.print(text(title), style="bold")
    for row in cells:
        labelled = [
            (name, Text.assemble((f"{name} " if name else "", "dim"), cell))
            for name, cell in zip(columns, row, strict=True)
            if cell.plain
        ]
        whole = [cell for name, cell in labelled if name not in PROSE]
        prose = [cell for name, cell in labelled if name in PROSE]
        for number, line in enumerate([*_packed(whole, out.width - 4), *prose]):
            print_indented(out, line, 2 if number == 0 else 4)


def _packed(cells: list[Text], width: int) -> Iterator[Text]:
    """The cells in as few lines of ``width`` as they fit, three spaces apart, none split."""
    line = Text()
    for cell in cells:
        if line.plain and line.cell_len + 3 + cell.cell_len > width:
            yield line
            line = Text()
        line += Text("   ") + cell if line.plain else cell
    if line.plain:
        yield line


def _print_lines(
    out: Console, title: str, columns: list[str], cells: Iterable[list[Text]], widths: list[int]
) -> None:
    """The table as aligned plain lines after a blank line, each column ``widths`` wide, or as
    wide as the longest cell so far."""
    out.print()
    out.print(text(title), soft_wrap=True)
    for row in itertools.chain([[Text(name) for name in columns]], cells):
        widths = [max(width, cell.cell_len) for width, cell in zip(widths, row, strict=True)]
        line = Text("  ").join(
            cell if i == len(row) - 1 else cell + " " * (width - cell.cell_len)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        line.rstrip()
        out.print(line, soft_wrap=True)


def print_state(state: State, out: Console, *, history: bool = False) -> None:
    """The state as a reader reads it: where the relationship stands, then its tables; a part
    of its history (measures lifted, expectations lapsed, meetings) of more than
    :data:`LATEST` items only counted, unless ``history``."""
    known = f", as known on {state.known_at}" if state.known_at else ""
    heading = text(f"{state.dyad} on {state.at}{known}: ")
    heading.append(state.phase.value, style=f"bold {PHASE_COLOURS[state.phase]}")
    out.print(heading)
    out.print(text(f"level of relations {level_text(state)}"))
    out.print(text(f"{state.applied} entries applied, running Goldstein score {state.score:+.1f}"))
    counts = {
        "measures lifted": state.count_lifted(),
        "expectations lapsed": len(state.lapsed()),
        "meetings": len(state.meetings),
    }
    listed = {part: history or count <= LATEST for part, count in counts.items()}
    if not all(listed.values()):
        untold = ", ".join(
            f"{counts[part]:,} {part}" for part, shown in listed.items() if not shown
        )
        out.print(text(f"history not listed: {untold} (--history lists them)"))
    if state.coded:  # the modules of coded event data load only for a state that has some
        from tracker.coded._activity import coded_summary  # noqa: PLC0415

        coded = coded_summary(state)
        if coded is not None:
            out.print(text(coded))
    _print_measures(state, out, lifted=listed["measures lifted"])
    print_table(
        out,
        "Channels",
        ["channel", "role", "status"],
        [
            (name, state.roles[name], Text(status.value, style=CHANNEL_COLOURS[status]))
            for name, status in sorted(state.channels.items())
        ],
    )
    _print_expectations(state, out, lapsed=listed["expectations lapsed"])
    print_table(out, "Cooperation", ["area", "status"], sorted(state.cooperation.items()))
    print_table(
        out,
        "Stances",
        ["actor", "issue", "position", "speaker"],
        [
            (actor, issue, stance.position, stance.speaker)
            for actor, issues in sorted(state.stances.items())
            for issue, stance in sorted(issues.items())
        ],
    )
    print_table(
        out,
        "Meetings",
        ["on", "kind", "level", "formal", "channel", "first report"],
        [
            (
                m.stated,
                m.kind,
                m.level,
                "formal" if m.formal else "informal",
                m.channel,
                m.entry + (f" (+{len(m.reports) - 1})" if len(m.reports) > 1 else ""),
            )
            for m in (state.meetings_in_order() if listed["meetings"] else ())
        ],
    )
    in_force = state.in_force()
    print_table(
        out,
        "Missions",
        ["mission", "of", "measures in force"],
        [
            (mission, owner, ", ".join(m.effect for m in in_force if m.target == mission))
            for mission, owner in sorted(state.missions.items())
        ],
    )
    if state.anomalies:
        print_table(
            out,
            "Anomalies",
            ["entry", "rule", "what"],
            [(a.entry, a.rule, a.message) for a in state.anomalies],
        )


def _print_measures(state: State, out: Console, *, lifted: bool) -> None:
    """The measures in force (eased or not), those announced for later, and (when
    ``lifted``) those lifted."""
    at = state.at
    columns = ["by", "effect", "target", "levels", "formal"]
    in_force = state.in_force()
    print_table(
        out,
        "Measures in force",
        [*columns, "since", "eased"],
        [(*_measure_row(m), _since(m), measure_easing(m, at)) for m in in_force],
    )
    later = [m for m in state.may_stand(at) if m.standing(at) and not m.in_force(at)]
    print_table(
        out,
        "Measures announced",
        [*columns, "announced", "in force from"],
        [
            (*_measure_row(m), m.announced, m.effective)
            for m in sorted(later, key=attrgetter("order"))
        ],
    )
    print_table(
        out,
        "Measures lifted",
        [*columns, "since", "lifted"],
        [
            (*_measure_row(m), _since(m), m.lifted_on(at))
            for m in (state.lifted() if lifted else ())
        ],
    )


def _measure_row(measure: Measure) -> tuple[str, ...]:
    return (
        measure.by or "both",
        measure.effect.value,
        measure.target,
        ", ".join(measure.levels) or "all",
        "formal" if measure.formal else "de facto",
    )


def _since(measure: Measure) -> str:
    """The day a measure took force, and the day it was announced when that was earlier."""
    if measure.announced == measure.effective:
        return str(measure.effective)
    return f"{measure.effective} (announced {measure.announced})"


def _print_expectations(state: State, out: Console, *, lapsed: bool) -> None:
    """The expectations still awaited (the overdue marked), then (when ``lapsed``) those
    lapsed."""
    print_table(
        out,
        "Pending",
        ["expected", "when", "overdue", "announced by", "said as"],
        [
            (
                expected_text(item),
                item.expected,
                Text("overdue", style="bold red") if item.overdue(state.at) else "",
                item.source,
                ", ".join(f"'{phrase}'" for phrase in item.phrases),
            )
            for item in state.awaited()
        ],
    )
    print_table(
        out,
        "Lapsed",
        ["expected", "when", "lapsed on", "announced by", "said as"],
        [
            (
                expected_text(item),
                item.expected,
                item.lapses,
                item.source,
                ", ".join(f"'{phrase}'" for phrase in item.phrases),
            )
            for item in (state.lapsed() if lapsed else ())
        ],
    )
