"""The ``tracker`` command: replay a log from the shell, as tables or as JSON.

Exit status: 0 when all is well, 1 when the answer is "no" (anomalies under ``--strict``,
problems found by ``validate``), 2 when the input is wrong (an option, a date, a file, a line).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn, TextIO

import orjson

from tracker._arguments import UsageError
from tracker._codec import dumps_entry, encode_entry, encode_state
from tracker._compiled import loads_entry
from tracker._entries import Entry, entry_types
from tracker._errors import ConflictError, FieldError, LogError, Problem, StorageError, shown
from tracker._index import (
    IndexedReplay,
    build_index,
    index_path,
    indexed_dyads,
    indexed_entries,
    indexed_replay,
)
from tracker._log import SQLITE, Log, backend_for
from tracker._plugins import HOW, load_plugins, unknown_type_hint
from tracker._replay import DEFAULT_DYAD, Replay, diff, implied_dyad
from tracker._store import (
    JsonlStore,
    append_entries,
    bundled_log,
    check_log,
    open_store,
    read_log,
    write_log,
)
from tracker._text import printable, printable_json
from tracker._usage import arguments, drop_stdout, one_log

__all__ = ["main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command the arguments name (``argv``, else the process's); return its exit
    status."""
    return run(arguments(argv))


def run(args: argparse.Namespace) -> int:
    """Run the command of the arguments parsed (:func:`tracker._usage.arguments`); return its
    exit status. The modules of coded event data, of ingest, of synthetic logs, of the UI and of
    plots load only for the commands that use them."""
    as_json = getattr(args, "json", False)
    try:
        _one_log(args)
        load_plugins(args.plugins)
        status = COMMANDS[args.command](args)
        sys.stdout.flush()  # a full disk behind stdout is told here, not missed at exit
    except LogError as error:
        hint = unknown_type_hint(error.problems)
        lines = [printable(str(problem)) for problem in error.problems]
        _fail("\n".join([*lines, hint] if hint else lines), as_json, error.problems)
    except StorageError as error:
        _fail(printable(str(error)), as_json)
    except (UsageError, KeyError, ValueError) as error:
        _fail(str(error.args[0]) if error.args else str(error), as_json)
    except BrokenPipeError:  # the reader has gone (`| head`): nothing more to say
        drop_stdout()
        return 0
    except OSError as error:  # a file opened by name, else writing to stdout
        if error.filename is not None:
            _fail(printable(str(StorageError.of(error, "open", error.filename))))
        drop_stdout()
        _fail(str(StorageError.of(error, "write to", "the standard output")))
    return status


def _fail(message: str, as_json: bool = False, problems: Sequence[Problem] = ()) -> NoReturn:
    """Say what is wrong on stderr, as a line or, under ``--json``, as ``{"error": {...}}``;
    exit 2."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):  # stderr may fail too: exit 2 all the same
            if as_json:
                error = {"message": message, "problems": [_problem(p) for p in problems]}
                sys.stderr.buffer.write(printable_json(orjson.dumps({"error": error})) + b"\n")
                sys.stderr.flush()
            else:
                _say(f"tracker: error: {message}", file=sys.stderr)
    sys.exit(2)


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "field": problem.field,
        "message": problem.message,
    }


#: The commands that name their log by a positional argument too, and that argument's name.
_POSITIONAL_LOGS = {"validate": "PATH", "tui": "LOG", "serve": "LOG", "repair": "LOG"}


def _one_log(args: argparse.Namespace) -> None:
    """The log of a command that names it by position or by ``--log``, in ``args.path``; the new
    log of ``synth`` in ``args.output``."""
    if args.command in _POSITIONAL_LOGS:
        args.path = one_log(args.path, args.log, name=_POSITIONAL_LOGS[args.command])
    elif args.command == "synth":
        args.output = one_log(args.output, args.log, name="--output")


def _read(args: argparse.Namespace) -> Log:
    return read_log(args.log or bundled_log())


def _states(args: argparse.Namespace) -> Replay | IndexedReplay:
    """The states of the dyad asked for: from the log's index when the log named is JSONL and
    has one (``tracker index`` builds it; here it is brought up to date), else from its
    replay."""
    store = open_store(args.log or bundled_log())
    if args.log and isinstance(store, JsonlStore) and os.path.lexists(index_path(store.path)):
        dyad = args.dyad
        if dyad is None:
            dyads = indexed_dyads(store.path) or ()
            advice = f"say which with --dyad ({store.path})"
            dyad = implied_dyad(dyads, among=DEFAULT_DYAD, advice=advice) if dyads else None
        warm = None if dyad is None else indexed_replay(store.path, dyad)
        if warm is not None:
            args.dyad = warm.dyad
            return warm
    return _replay(args)


def _replay(args: argparse.Namespace) -> Replay:
    """The replay of the dyad asked for, from only that dyad's entries of the log; without
    ``--dyad``, of the dyad a replay of the log implies (:func:`implied_dyad`), NATO-RUS
    among others: its entries are read first, then the whole log only when it has none."""
    store = open_store(args.log or bundled_log())
    asked = args.dyad
    log = store.read(asked or DEFAULT_DYAD)
    if not log.entries:
        dyads = store.read().dyads()
        if asked is None and dyads:
            implied = implied_dyad(
                dyads, among=DEFAULT_DYAD, advice=f"say which with --dyad ({log.path})"
            )
            log = store.read(implied)
        if not log.entries:
            known = ", ".join(map(str, dyads)) or "none"
            msg = f"no entry of dyad {asked or DEFAULT_DYAD} in {log.path} (dyads: {known})"
            raise UsageError(msg)
    args.dyad = log.entries[0].parties
    return Replay(log.entries, dyad=args.dyad)


def _json(value: Any) -> None:
    document = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    sys.stdout.buffer.write(printable_json(document) + b"\n")
    sys.stdout.flush()


def _json_stream(items: Iterable[Any]) -> None:
    """A JSON list written item by item as :func:`_json` writes it whole: the first item shows
    at once, and memory stays that of one item."""
    write, opener = sys.stdout.buffer.write, b"[\n  "
    for item in items:
        document = orjson.dumps(item, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")
        write(opener + printable_json(document))
        opener = b",\n  "
    write(b"[]\n" if opener == b"[\n  " else b"\n]\n")
    sys.stdout.flush()


def _state(args: argparse.Namespace) -> int:
    state = _states(args).at(args.at or date.today(), known_at=args.known_at)
    if args.json:
        _json(encode_state(state))
    else:
        from tracker._output import console, print_state  # noqa: PLC0415 - Rich, to print

        print_state(state, console(), history=args.history)
    if args.strict and state.anomalies:
        for anomaly in state.anomalies:
            _say(f"tracker: anomaly: {anomaly}", file=sys.stderr)
        return 1
    return 0


def _say(message: str, *, file: TextIO | None = None) -> None:
    """Print a message made printable (it may hold data), one line per line of it."""
    print(printable(message, lines=True), file=file)


def _log(args: argparse.Namespace) -> int:
    unknown = [name for name in args.types or () if name not in entry_types()]
    if unknown:
        known = ", ".join(map(repr, entry_types()))
        msg = f"argument --type: invalid choice: {shown(unknown[0])} (choose from {known}); {HOW}"
        raise UsageError(msg)
    path = args.log or bundled_log()
    total = 0

    def chosen() -> Iterator[Entry]:  # as the log is read: nothing held but what is shown
        nonlocal total
        indexed = _indexed_range(args)
        if indexed is not None:
            total, entries = indexed
            yield from (e for e in entries if not args.types or e.TYPE in args.types)
            return
        for _, entry in open_store(path).scan():
            total += 1
            if (
                (args.dyad is None or entry.parties == args.dyad)
                and (args.start is None or entry.on >= args.start)
                and (args.end is None or entry.on <= args.end)
                and (not args.types or entry.TYPE in args.types)
            ):
                yield entry

    if args.json:
        _json_stream(encode_entry(entry) for entry in chosen())
        return 0
    from tracker._output import console, print_stream  # noqa: PLC0415 - Rich, to print

    print_stream(
        console(),
        lambda shown: (
            f"{path}: {shown} of {total} entries" if shown is not None else f"{path}: as read"
        ),
        ["on", "reported", "dyad", "type", "id", "title"],
        ((e.on, e.reported, e.parties, e.TYPE, e.id, e.title) for e in chosen()),
    )
    return 0


def _indexed_range(args: argparse.Namespace) -> tuple[int, Iterator[Entry]] | None:
    """The log's entries of the days and the dyad asked for, read through the index of a JSONL
    log that has one (``None`` when it has none, or none is asked for: every line is read)."""
    if args.log is None or (args.start, args.end, args.dyad) == (None, None, None):
        return None
    store = open_store(args.log)
    if not isinstance(store, JsonlStore) or not os.path.lexists(index_path(store.path)):
        return None
    return indexed_entries(store.path, start=args.start, end=args.end, dyad=args.dyad)


def _diff(args: argparse.Namespace) -> int:
    if args.end < args.start:
        msg = f"--to {args.end} is before --from {args.start}"
        raise UsageError(msg)
    replay = _states(args)
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
    from rich.text import Text  # noqa: PLC0415 - Rich, to print

    from tracker._output import console, print_table, text  # noqa: PLC0415

    out = console()
    if not changes:
        out.print(text(f"{replay.dyad}: nothing changed from {args.start} to {args.end}"))
        return 0
    styles = {"added": "green", "removed": "red", "changed": "yellow"}
    print_table(
        out,
        f"{replay.dyad}: {len(changes)} changes from {args.start} to {args.end}",
        ["change", "field", "before", "after"],
        [
            (Text(c.kind, style=styles[c.kind]), c.path, c.before or "", c.after or "")
            for c in changes
        ],
    )
    return 0


def _explain(args: argparse.Namespace) -> int:
    replay = _states(args)
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
    from rich.text import Text  # noqa: PLC0415 - Rich, to print

    from tracker._output import console, print_indented, text  # noqa: PLC0415

    out = console()
    if not explanations:
        out.print(text(f"{args.field}: nothing on {day}"))
    for explanation in explanations:
        path, value = printable(explanation.path), printable(explanation.value)
        out.print(Text.assemble((path, "bold"), " = ", value))
        for entry_id in explanation.entries:
            entry = replay.entry(entry_id)
            outlets = ", ".join(dict.fromkeys(source.outlet for source in entry.sources))
            print_indented(out, text(f"{entry.on}  {entry.id}: {entry.title} ({outlets})"), 2)
            for quote in explanation.quotes:
                if quote.entry == entry_id:
                    print_indented(out, Text(printable(f"“{quote.text}”"), style="italic"), 4)
    return 0


def _validate(args: argparse.Namespace) -> int:
    path = args.path or bundled_log()
    problems = check_log(path)
    if args.json:
        return _validate_json(path, problems)
    for problem in problems:
        _say(printable(str(problem)))
    if problems:
        _say(
            f"{len(problems)} problem{'s' if len(problems) > 1 else ''} in {path}", file=sys.stderr
        )
        hint = unknown_type_hint(problems)
        if hint:
            _say(f"tracker: {hint}", file=sys.stderr)
        return 1
    entries = read_log(path).entries
    quoted = sum(any(source.quotes for source in entry.sources) for entry in entries)
    from tracker._output import console, text  # noqa: PLC0415 - Rich, to print

    console().print(
        text(
            f"{path}: {len(entries)} entries, no problems; {quoted} rest on quotes, "
            f"{len(entries) - quoted} on citations alone"
        )
    )
    return 0


def _validate_json(path: Path, problems: Sequence[Problem]) -> int:
    """``{log, problems, entries, quoted, cited}``: the counts are null when there are problems."""
    counts: dict[str, int | None] = dict.fromkeys(("entries", "quoted", "cited"))
    if not problems:
        entries = read_log(path).entries
        quoted = sum(any(source.quotes for source in entry.sources) for entry in entries)
        counts = {"entries": len(entries), "quoted": quoted, "cited": len(entries) - quoted}
    _json({"log": str(path), "problems": [_problem(p) for p in problems], **counts})
    return 1 if problems else 0


def _write(entries: Iterable[Entry], output: Path | None, *, as_json: bool) -> int:
    """Entries to a new log at ``output`` (its kind by suffix), or as JSONL to stdout (JSON
    already: ``as_json`` changes only what is said of a file written)."""
    if output is None:
        for entry in entries:
            sys.stdout.buffer.write(dumps_entry(entry) + b"\n")
        sys.stdout.flush()
        return 0
    if os.path.lexists(output):
        msg = f"{output} exists already: give a new file"
        raise UsageError(msg)
    position = write_log(output, entries)
    if as_json:
        _json({"output": str(output), "entries": position})
    else:
        _say(f"{output}: {position} entries written", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from tracker.coded._command import EXPORT_FORMATS, run_export  # noqa: PLC0415

    if args.format in EXPORT_FORMATS:
        return run_export(args, _read(args).entries)
    if args.format == "sqlite" and (args.output is None or backend_for(args.output) != SQLITE):
        msg = f"--format sqlite writes to a file named by --output ({', '.join(SQLITE.suffixes)})"
        raise UsageError(msg)
    if args.format == "jsonl" and args.output is not None and backend_for(args.output) == SQLITE:
        msg = f"--format jsonl cannot write to {args.output}: use --format sqlite"
        raise UsageError(msg)
    return _write(
        (e for e in _read(args).entries if args.dyad is None or e.parties == args.dyad),
        args.output,
        as_json=args.json,
    )


def _import(args: argparse.Namespace) -> int:
    from tracker.coded._command import coded_import, run_import  # noqa: PLC0415

    if coded_import(args):
        return run_import(args)
    read = appended = 0
    for source in args.source:
        entries = read_log(source).entries
        before = open_store(args.log).position() if args.log.exists() else 0
        after = append_entries(args.log, entries)
        read, appended = read + len(entries), appended + after - before
        if not args.json:
            said = f"{after - before} of {len(entries)} entries appended (the rest were there)"
            _say(f"{args.log}: {said}")
    if args.json:
        _json({"log": str(args.log), "read": read, "appended": appended})
    return 0


def _append(args: argparse.Namespace) -> int:
    name = "<stdin>" if args.entries == "-" else args.entries
    try:
        raw = sys.stdin.buffer.read() if args.entries == "-" else Path(args.entries).read_bytes()
    except OSError as error:
        msg = f"{name}: cannot read: {error.strerror}"
        raise UsageError(msg) from None
    entries, problems = [], []
    for number, line in enumerate(_documents(raw), start=1):
        try:
            entries.append(loads_entry(line))
        except FieldError as error:
            problems.append(Problem(name, number, error.path or None, error.reason))
    if problems:
        raise LogError(problems)
    try:
        position = append_entries(args.log, entries, expected=args.expect_position)
    except ConflictError as error:
        if args.json:
            _json({"log": str(args.log), "conflict": str(error), "position": None})
        else:
            _say(f"tracker: conflict: {error}", file=sys.stderr)
        return 1
    if args.json:
        _json({"log": str(args.log), "conflict": None, "position": position})
    else:
        _say(f"{args.log}: at position {position}")
    return 0


def _documents(raw: bytes) -> list[bytes]:
    """One JSON object (pretty-printed or not), or JSON lines."""
    stripped = raw.strip()
    if not stripped:
        return []
    try:
        if isinstance(orjson.loads(stripped), dict):
            return [stripped]
    except orjson.JSONDecodeError:
        pass
    return [line for line in raw.split(b"\n") if line.strip()]


def _repair(args: argparse.Namespace) -> int:
    if args.path is None:
        msg = "repair needs the log to mend: LOG or --log LOG"
        raise UsageError(msg)
    if backend_for(args.path) == SQLITE:
        msg = f"{args.path}: SQLite commits whole transactions; only JSONL logs tear"
        raise UsageError(msg)
    backup = args.path.with_name(f"{args.path.name}.{datetime.now():%Y%m%dT%H%M%S}.bak")
    store = JsonlStore(args.path)
    done = store.repair(backup)
    if args.json:
        left = store.problems()
        _json(
            {
                "log": str(args.path),
                "completed_line": done.completed,
                "cut_bytes": len(done.removed),
                "backup": None if done.backup is None else str(done.backup),
                "problems": [_problem(p) for p in left],
            }
        )
        return 1 if left else 0
    if done.completed is not None:
        line = done.completed
        _say(f"{args.path}: the whole entry on line {line} lacked its final newline: added it")
    elif done.backup is None:
        _say(f"{args.path}: no torn line to mend")
    else:
        cut = len(done.removed)
        _say(
            f"{args.path}: cut a torn last line of {cut} bytes; the whole file is in {done.backup}"
        )
    left = store.problems()
    for problem in left:
        _say(printable(str(problem)))
    return 1 if left else 0


def _index(args: argparse.Namespace) -> int:
    if args.log is None or not isinstance(open_store(args.log), JsonlStore):
        msg = "index needs a JSONL log named by --log (a SQLite log needs no index beside it)"
        raise UsageError(msg)
    indexed = build_index(args.log)
    if indexed is None:
        read_log(args.log)  # says what keeps the log from being indexed
        msg = f"{index_path(args.log)}: the index cannot be written beside the log"
        raise StorageError(msg)
    if args.json:
        _json({"log": str(args.log), "index": str(index_path(args.log)), "entries": indexed})
    else:
        _say(f"{index_path(args.log)}: {indexed} entries indexed")
    return 0


def _verify(args: argparse.Namespace) -> int:
    log = _read(args)
    failed = 0
    pairs = [args.dyad] if args.dyad else log.dyads()
    grown = {pair: Replay(dyad=pair, every=args.every) for pair in pairs}
    for entry in log.entries:  # in the order written: back-dated entries drop checkpoints
        if entry.parties in grown:
            grown[entry.parties].append(entry)
    verdicts = []
    for pair, replay in grown.items():
        wrong = replay.verify()
        failed += len(wrong)
        verdicts.append({"dyad": str(pair), "entries": len(replay), "differ": list(wrong)})
        if not args.json:
            verdict = "all equal a full replay" if not wrong else f"differ at {list(wrong)}"
            _say(f"{pair}: {len(replay)} entries, checkpoints {verdict}")
    if args.json:
        _json({"log": str(log.path), "every": args.every, "dyads": verdicts})
    return 1 if failed else 0


def _synth(args: argparse.Namespace) -> int:
    if args.entries < 0 or args.dyads < 1:
        msg = "--entries must be 0 or more and --dyads 1 or more"
        raise UsageError(msg)
    from tracker._synth import synthesize  # noqa: PLC0415

    entries = synthesize(args.entries, dyads=args.dyads, seed=args.seed)
    return _write(entries, args.output, as_json=args.json)


def _ingest(args: argparse.Namespace) -> int:
    from tracker.ingest import run  # noqa: PLC0415

    return run(args)


def _activity(args: argparse.Namespace) -> int:
    from tracker._output import console  # noqa: PLC0415
    from tracker.coded._command import run_activity  # noqa: PLC0415

    return run_activity(args, args.log or bundled_log(), console())


def _tui(args: argparse.Namespace) -> int:
    from tracker.tui import run  # noqa: PLC0415 - Textual loads only for the UI

    return run(args.path or bundled_log(), at=args.at)


def _plot(args: argparse.Namespace) -> int:
    from tracker._plot import plot  # noqa: PLC0415 - matplotlib loads only to plot

    chart = plot(_replay(args), args.output, args.start, args.end, known_at=args.known_at)
    drawn = {"start": str(chart.start), "end": str(chart.end), "entries": len(chart.marks)}
    if args.json:
        _json({"output": str(args.output), "dyad": str(args.dyad), **drawn})
    else:
        span = f"{chart.start} to {chart.end}"
        _say(f"{args.output}: {args.dyad}, {span}, {len(chart.marks)} entries")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from tracker._serve import serve  # noqa: PLC0415 - textual-serve loads only to serve

    log = args.path or bundled_log()
    return serve(log, host=args.host, port=args.port, plugins=args.plugins)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "state": _state,
    "log": _log,
    "diff": _diff,
    "explain": _explain,
    "validate": _validate,
    "export": _export,
    "import": _import,
    "append": _append,
    "repair": _repair,
    "index": _index,
    "verify": _verify,
    "synth": _synth,
    "ingest": _ingest,
    "tui": _tui,
    "activity": _activity,
    "plot": _plot,
    "serve": _serve,
}
