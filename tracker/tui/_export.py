"""The state at a moment, or two states compared, written out of the UI as JSON or Markdown
(computed without Textual)."""

from __future__ import annotations

from pathlib import Path

import orjson

from tracker._codec import encode_state
from tracker._replay import Change, diff, flatten
from tracker._state import State
from tracker._text import printable

__all__ = [
    "FORMATS",
    "comparison_text",
    "export_problem",
    "free_name",
    "moment_name",
    "state_text",
]

#: The formats an export is written in, by the suffix of its file's name.
FORMATS = (".md", ".json")


def moment_name(state: State) -> str:
    """A file name (without suffix) for the state: its dyad, day and the day it is known on."""
    name = f"{state.dyad}-{state.at or 'last'}"
    if state.known_at is not None:
        name += f"-known-{state.known_at}"
    return "".join(char if char.isalnum() or char in "-_." else "_" for char in name)


def free_name(folder: Path, stem: str, suffix: str) -> str:
    """``stem`` + ``suffix``, numbered (``stem-2.md``...) if ``folder`` has a file of that name."""
    name, number = f"{stem}{suffix}", 1
    while (folder / name).exists():
        number += 1
        name = f"{stem}-{number}{suffix}"
    return name


def export_problem(folder: Path, name: str) -> str | None:
    """Why ``name`` is not a new file of a known format in ``folder``, if it is not."""
    if not name or name != Path(name).name or name.startswith(".") or "\\" in name:
        return f"{name!r}: give a plain file name, written in the working folder"
    if Path(name).suffix not in FORMATS:
        return f"{name!r}: the name must end in {' or '.join(FORMATS)}"
    if (folder / name).exists() or (folder / name).is_symlink():
        return f"{name!r} is already in {folder}: give another name"
    return None


def _heading(state: State) -> str:
    known = f", as known on {state.known_at}" if state.known_at is not None else ""
    return f"{state.dyad} on {state.at or 'the last day'}{known}"


def _cell(text: str | None) -> str:
    """A value as one Markdown table cell: printable, on one line, its pipes escaped."""
    if text is None:
        return ""
    return printable(text).replace("\\", "\\\\").replace("|", "\\|")


def state_text(state: State, suffix: str) -> str:
    """The state as JSON (as ``tracker state --json`` prints it) or as a Markdown table."""
    if suffix == ".json":
        return orjson.dumps(encode_state(state), option=orjson.OPT_INDENT_2).decode() + "\n"
    lines = [
        f"# {_cell(_heading(state))}",
        "",
        f"Phase: **{state.phase.value}**",
        "",
        "| field | value |",
        "|---|---|",
    ]
    lines += [f"| {_cell(path)} | {_cell(value)} |" for path, value in flatten(state).items()]
    return "\n".join(lines) + "\n"


def _change(change: Change) -> dict[str, str | None]:
    return {
        "path": change.path,
        "kind": change.kind,
        "before": change.before,
        "after": change.after,
    }


def comparison_text(first: State, second: State, suffix: str) -> str:
    """Two states side by side and what differs from the first to the second, as JSON or as
    Markdown."""
    changes = diff(first, second)
    if suffix == ".json":
        data = {
            "a": encode_state(first),
            "b": encode_state(second),
            "changes": [_change(change) for change in changes],
        }
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    a, b = flatten(first), flatten(second)
    lines = [
        f"# {_cell(_heading(first))} compared with {_cell(_heading(second))}",
        "",
        f"A: **{first.phase.value}** · B: **{second.phase.value}**",
        "",
        f"## What differs from A to B ({len(changes)})",
        "",
        "| | field | A | B |",
        "|---|---|---|---|",
    ]
    signs = {"added": "+", "removed": "-", "changed": "~"}
    lines += [
        f"| {signs[c.kind]} | {_cell(c.path)} | {_cell(c.before)} | {_cell(c.after)} |"
        for c in changes
    ]
    lines += ["", "## Side by side", "", "| field | A | B |", "|---|---|---|"]
    paths = [*a, *(path for path in b if path not in a)]
    lines += [f"| {_cell(p)} | {_cell(a.get(p))} | {_cell(b.get(p))} |" for p in paths]
    return "\n".join(lines) + "\n"
