"""The ``tracker`` command: replay a log from the shell, as tables or as JSON.

Exit status: 0 when all is well, 1 when the answer is "no" (anomalies under ``--strict``,
problems found by ``validate``), 2 when the input is wrong (an option, a date, a file, a line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tracker._codec import dumps_entry, encode_entry, encode_state
from tracker._dates import parse_day
from tracker._entries import Dyad, entry_types
from tracker._errors import LogError, TrackerError
from tracker._replay import DEFAULT_DYAD, Replay, diff
from tracker._state import State
from tracker._store import Log, bundled_log, check_log, read_log
from tracker.ingest import configure as configure_ingest
from tracker.ingest import run as run_ingest

__all__ = ["main"]

PHASE_STYLES = {
    "normal": "bold green",
    "suspended": "bold red",
    "reengagement_decided": "bold yellow",
    "contacts_resumed": "bold cyan",
    "informal_council": "bold blue",
    "normalized": "bold green",
}


class UsageError(TrackerError):
    """Input the command cannot work with; reported in one line, exit 2."""


def _day(text: str) -> date:
    try:
        return parse_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _dyad(text: str) -> Dyad:
    try:
        return Dyad.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracker",
        description="Replay the event log of a diplomatic relationship into its state at any date.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str, *, log: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if log:
            sub.add_argument(
                "--log", type=Path, help="the log (default: the bundled NATO-Russia log)"
            )
        return sub

    def replay_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--dyad", type=_dyad, default=DEFAULT_DYAD, help="the pair, as A-B")
        sub.add_argument("--known-at", type=_day, help="replay only entries reported by this day")
        sub.add_argument("--json", action="store_true", help="print JSON")

    state = command("state", "The state of the relationship on a day.")
    state.add_argument("--at", type=_day, help="the day (default: today)")
    replay_options(state)
    state.add_argument("--strict", action="store_true", help="exit 1 if there is any anomaly")

    log = command("log", "The entries of the log.")
    log.add_argument("--from", dest="start", type=_day, help="from this day")
    log.add_argument("--to", dest="end", type=_day, help="up to this day")
    log.add_argument("--type", dest="types", action="append", choices=list(entry_types()))
    log.add_argument("--dyad", type=_dyad, help="only this pair, as A-B")
    log.add_argument("--json", action="store_true", help="print JSON")

    changes = command("diff", "What changed in the state from one day to another.")
    changes.add_argument("--from", dest="start", type=_day, required=True, help="the earlier day")
    changes.add_argument("--to", dest="end", type=_day, required=True, help="the later day")
    replay_options(changes)

    explain = command("explain", "The entries and quoted sentences behind a part of the state.")
    explain.add_argument("field", metavar="FIELD", help="phase, channels.nrc, stances.RUS, ...")
    explain.add_argument("--at", type=_day, help="the day (default: today)")
    replay_options(explain)

    validate = command(
        "validate", "Check a log: every problem as file:line: field: what.", log=False
    )
    validate.add_argument("path", nargs="?", type=Path, metavar="PATH", help="default: bundled")

    export = command("export", "Print the log in its canonical form.")
    export.add_argument(
        "--format", choices=["jsonl"], default="jsonl", help="jsonl: one entry a line"
    )

    configure_ingest(command("ingest", "Draft log entries from news articles.", log=False))

    tui = command("tui", "Step through a log in the terminal UI.", log=False)
    tui.add_argument("path", nargs="?", type=Path, metavar="LOG", help="default: bundled")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    args = _parser().parse_args(argv)
    out = Console(soft_wrap=False, highlight=False)
    try:
        return COMMANDS[args.command](args, out)
    except LogError as error:
        _fail("\n".join(map(str, error.problems)))
    except (UsageError, KeyError, ValueError) as error:
        _fail(str(error.args[0]) if error.args else str(error))
    except BrokenPipeError:
        sys.stderr.close()
        return 0


def _fail(message: str) -> NoReturn:
    print(f"tracker: error: {message}", file=sys.stderr)
    sys.exit(2)


def _read(args: argparse.Namespace) -> Log:
    return read_log(args.log or bundled_log())


def _replay(args: argparse.Namespace) -> Replay:
    log = _read(args)
    if args.dyad not in log.dyads():
        known = ", ".join(map(str, log.dyads())) or "none"
        msg = f"no entry of dyad {args.dyad} in {log.path} (dyads: {known})"
        raise UsageError(msg)
    return Replay(log.entries, dyad=args.dyad)


def _json(value: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def _state(args: argparse.Namespace, out: Console) -> int:
    state = _replay(args).at(args.at or date.today(), known_at=args.known_at)
    if args.json:
        _json(encode_state(state))
    else:
        _print_state(state, out)
    if args.strict and state.anomalies:
        for anomaly in state.anomalies:
            print(f"tracker: anomaly: {anomaly}", file=sys.stderr)
        return 1
    return 0


def _print_state(state: State, out: Console) -> None:
    known = f", as known on {state.known_at}" if state.known_at else ""
    heading = Text(f"{state.dyad} on {state.at}{known}: ")
    heading.append(state.phase.value, style=PHASE_STYLES.get(state.phase.value, "bold"))
    out.print(heading)
    out.print(f"{state.applied} entries applied, score {state.score:+.1f}")
    _table(out, "Channels", ["channel", "status"], sorted(state.channels.items()))
    _table(
        out,
        "Pending",
        ["kind", "expected", "overdue", "announced by", "said as"],
        [
            (
                item.kind,
                str(item.expected),
                Text("overdue", style="bold red") if item.overdue(state.at) else "",
                item.source,
                ", ".join(f"'{phrase}'" for phrase in item.phrases),
            )
            for item in state.pending
        ],
    )
    _table(out, "Cooperation", ["area", "status"], sorted(state.cooperation.items()))
    _table(
        out,
        "Stances",
        ["actor", "issue", "position", "speaker"],
        [
            (actor, issue, stance.position, stance.speaker)
            for actor, issues in sorted(state.stances.items())
            for issue, stance in sorted(issues.items())
        ],
    )
    _table(
        out,
        "Meetings",
        ["on", "kind", "channel", "reports"],
        [(m.on, m.kind, m.channel, ", ".join(m.reports)) for m in state.meetings_in_order()],
    )
    if state.anomalies:
        _table(
            out,
            "Anomalies",
            ["entry", "rule", "what"],
            [(a.entry, a.rule, a.message) for a in state.anomalies],
        )


def _table(out: Console, title: str, columns: list[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    table = Table(title=title, title_justify="left", title_style="bold")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else str(cell) for cell in row))
    out.print(table)


def _log(args: argparse.Namespace, out: Console) -> int:
    log = _read(args)
    entries = [
        entry
        for entry in log.entries
        if (args.dyad is None or entry.parties == args.dyad)
        and (args.start is None or entry.on >= args.start)
        and (args.end is None or entry.on <= args.end)
        and (not args.types or entry.TYPE in args.types)
    ]
    if args.json:
        _json([encode_entry(entry) for entry in entries])
        return 0
    _table(
        out,
        f"{log.path}: {len(entries)} of {len(log)} entries",
        ["on", "reported", "dyad", "type", "id", "title"],
        [(e.on, e.reported, e.parties, e.TYPE, e.id, e.title) for e in entries],
    )
    return 0


def _diff(args: argparse.Namespace, out: Console) -> int:
    if args.end < args.start:
        msg = f"--to {args.end} is before --from {args.start}"
        raise UsageError(msg)
    replay = _replay(args)
    before = replay.at(args.start, known_at=args.known_at)
    after = replay.at(args.end, known_at=args.known_at)
    changes = diff(before, after)
    if args.json:
        _json(
            {
                "from": args.start.isoformat(),
                "to": args.end.isoformat(),
                "changes": [
                    {"path": c.path, "kind": c.kind, "before": c.before, "after": c.after}
                    for c in changes
                ],
            }
        )
        return 0
    styles = {"added": "green", "removed": "red", "changed": "yellow"}
    _table(
        out,
        f"{replay.dyad}: {len(changes)} changes from {args.start} to {args.end}",
        ["", "field", "before", "after"],
        [
            (Text(c.kind, style=styles[c.kind]), c.path, c.before or "", c.after or "")
            for c in changes
        ],
    )
    return 0


def _explain(args: argparse.Namespace, out: Console) -> int:
    replay = _replay(args)
    day = args.at or date.today()
    explanations = replay.explain(args.field, day, known_at=args.known_at)
    if args.json:
        _json(
            [
                {
                    "path": e.path,
                    "value": e.value,
                    "entries": list(e.entries),
                    "quotes": [{"entry": q.entry, "text": q.text} for q in e.quotes],
                }
                for e in explanations
            ]
        )
        return 0
    for explanation in explanations:
        out.print(Text.assemble((explanation.path, "bold"), " = ", explanation.value))
        for entry_id in explanation.entries:
            entry = replay.entry(entry_id)
            outlets = ", ".join(dict.fromkeys(source.outlet for source in entry.sources))
            out.print(f"  {entry.on}  {entry.id}: {entry.title} ({outlets})")
            for quote in explanation.quotes:
                if quote.entry == entry_id:
                    out.print(Text(f"    “{quote.text}”", style="italic"))
    return 0


def _validate(args: argparse.Namespace, out: Console) -> int:
    path = args.path or bundled_log()
    problems = check_log(path)
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"{len(problems)} problem{'s' if len(problems) > 1 else ''} in {path}", file=sys.stderr
        )
        return 1
    out.print(f"{path}: {len(read_log(path))} entries, no problems")
    return 0


def _export(args: argparse.Namespace, _out: Console) -> int:
    log = _read(args)
    sys.stdout.buffer.write(b"".join(dumps_entry(entry) + b"\n" for entry in log.entries))
    sys.stdout.flush()
    return 0


def _tui(args: argparse.Namespace, _out: Console) -> int:
    from tracker.tui import run  # noqa: PLC0415 - Textual loads only for the UI

    return run(args.path or bundled_log())


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "state": _state,
    "log": _log,
    "diff": _diff,
    "explain": _explain,
    "validate": _validate,
    "export": _export,
    "ingest": lambda args, _out: run_ingest(args),
    "tui": _tui,
}
