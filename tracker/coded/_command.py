"""The commands' side of coded event data: ``tracker import --format gdelt1|gdelt2|icews|plover``,
``tracker export --format plover|cameo-tsv`` and ``tracker activity``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import orjson
from rich.console import Console

from tracker._arguments import UsageError, dyad
from tracker._articles import not_regular
from tracker._entries import Dyad, Entry, entry_types
from tracker._log import SQLITE, backend_for
from tracker._output import print_table
from tracker._state import CodedActivity
from tracker._store import open_store
from tracker._text import printable, printable_json
from tracker.coded._activity import MONTHS, activity_by, activity_of_log
from tracker.coded._actors import ActorMap, default_actors
from tracker.coded._export import write_cameo_tsv, write_plover
from tracker.coded._import import FORMATS, BadRows, import_coded

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "add_import_options",
    "coded_import",
    "configure_activity",
    "run_activity",
    "run_export",
    "run_import",
]

#: The formats ``tracker import`` and ``tracker export`` read and write beyond tracker's logs.
IMPORT_FORMATS = FORMATS
EXPORT_FORMATS = ("plover", "cameo-tsv")


def add_import_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``tracker import`` for coded event data."""
    parser.add_argument("--dyad", type=dyad, help="coded data: keep this pair's events only")
    parser.add_argument(
        "--skip-bad", action="store_true", help="coded data: skip bad rows (all reported)"
    )
    parser.add_argument(
        "--actors", type=Path, metavar="FILE", help="coded data: more actor mappings (TOML)"
    )


def coded_import(args: argparse.Namespace) -> bool:
    """Whether ``tracker import`` reads coded event data, not another tracker log: by
    ``--format``, else by the first source's first line."""
    if args.format is not None:
        return bool(args.format in FORMATS)
    first: Path = args.source[0]
    if backend_for(first) == SQLITE:
        return False
    try:
        if not_regular(os.stat(first).st_mode) is not None:
            return False  # the log reader refuses it, saying why
    except OSError:
        return False
    try:
        with first.open("rb") as handle:
            line = handle.readline(1 << 20)
    except OSError:
        return False  # the log reader says what is wrong with it
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        return True
    return not (isinstance(data, dict) and data.get("type") in entry_types() and "v" in data)


def _say(message: str) -> None:
    print(printable(message, lines=True), file=sys.stderr)


class _Bar:
    """A progress bar of the bytes read, drawn on the standard error of a terminal."""

    def __init__(self, total: int) -> None:
        self.total = max(total, 1)
        self.shown = -1

    def __call__(self, done: int) -> None:
        percent = min(100, done * 100 // self.total)
        if percent == self.shown:
            return
        self.shown = percent
        filled = percent * 30 // 100
        bar = "#" * filled + "." * (30 - filled)
        mib = 2**20
        sys.stderr.write(f"\rimport [{bar}] {percent:3d}% {done // mib}/{self.total // mib} MiB")
        sys.stderr.flush()

    def close(self) -> None:
        if self.shown >= 0:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


@contextmanager
def _progress(paths: Iterable[Path]) -> Iterator[_Bar | None]:
    """A progress bar on a terminal; ``None`` elsewhere."""
    if not sys.stderr.isatty():
        yield None
        return
    bar = _Bar(sum(os.path.getsize(path) for path in paths if path.is_file()))
    try:
        yield bar
    finally:
        bar.close()


def run_import(args: argparse.Namespace) -> int:
    """Import coded event files into ``--log``; print what was read, kept, merged, skipped."""
    actors = default_actors()
    if args.actors is not None:
        actors = actors.merged(ActorMap.load(args.actors))
    paths: list[Path] = args.source
    with _progress(paths) as progress:
        try:
            report = import_coded(
                paths,
                args.log,
                dataset=args.format,
                dyad=args.dyad,
                actors=actors,
                skip_bad=args.skip_bad,
                progress=progress,
            )
        except BadRows as error:
            for problem in error.problems:
                _say(str(problem))
            for line in error.report.lines():
                _say(f"{args.log}: {line}")
            _say(
                "tracker: error: stopped at the bad row above; the rows before it are in the "
                "log (importing again skips them): mend the row, or give --skip-bad"
            )
            return 2
    for problem in report.bad:
        _say(str(problem))
    if args.json:
        _print_json(report.as_json())
        return 0
    for line in report.lines():
        print(printable(f"{args.log}: {line}"))
    return 0


def _print_json(value: object) -> None:
    sys.stdout.buffer.write(printable_json(orjson.dumps(value, option=orjson.OPT_INDENT_2)) + b"\n")
    sys.stdout.flush()


def run_export(args: argparse.Namespace, entries: Iterable[Entry]) -> int:
    """Write ``entries`` (of ``--dyad`` when given) as PLOVER records or CAMEO-coded rows."""
    pair: Dyad | None = getattr(args, "dyad", None)
    chosen = (entry for entry in entries if pair is None or entry.parties == pair)
    write = write_plover if args.format == "plover" else write_cameo_tsv
    if args.output is None:
        written = write(chosen, sys.stdout.buffer)
        sys.stdout.flush()
    else:
        if os.path.lexists(args.output):
            msg = f"{args.output} exists already: give a new file"
            raise UsageError(msg)
        out: BinaryIO
        with args.output.open("xb") as out:
            written = write(chosen, out)
    if args.json and args.output is not None:
        _print_json({"output": str(args.output), "entries": written})
    else:
        _say(f"{args.output or 'stdout'}: {written} {args.format} records written")
    return 0


def configure_activity(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``tracker activity``."""
    parser.add_argument("--dyad", type=dyad, required=True, help="the pair, as A-B")
    parser.add_argument("--by", choices=["month", "year"], default="month", help="default: month")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _record(bucket: CodedActivity) -> dict[str, object]:
    return {
        "events": bucket.events,
        "verbal_cooperation": bucket.verbal_cooperation,
        "material_cooperation": bucket.material_cooperation,
        "verbal_conflict": bucket.verbal_conflict,
        "material_conflict": bucket.material_conflict,
        "goldstein_total": round(bucket.goldstein_total, 3),
        "goldstein_mean": None
        if bucket.goldstein_mean is None
        else round(bucket.goldstein_mean, 3),
    }


def run_activity(args: argparse.Namespace, log: Path, out: Console) -> int:
    """Print the coded activity of a dyad per month (or year)."""
    months = activity_of_log(open_store(log), args.dyad)
    periods = months if args.by == MONTHS else activity_by(months, args.by)
    if args.json:
        _print_json(
            {
                "dyad": str(args.dyad),
                "by": args.by,
                "periods": {period: _record(bucket) for period, bucket in periods.items()},
            }
        )
        return 0
    if not periods:
        print(printable(f"{log}: no coded event of {args.dyad}"))
        return 0
    headings = ["events", "verb coop", "mat coop", "verb confl", "mat confl", "Goldstein", "mean"]
    rows = [
        (
            period,
            bucket.events,
            bucket.verbal_cooperation,
            bucket.material_cooperation,
            bucket.verbal_conflict,
            bucket.material_conflict,
            f"{bucket.goldstein_total:+.1f}",
            "" if bucket.goldstein_mean is None else f"{bucket.goldstein_mean:+.2f}",
        )
        for period, bucket in periods.items()
    ]
    print_table(out, f"{args.dyad}: coded activity by {args.by}", [args.by, *headings], rows)
    return 0
    print(printable(f"{args.dyad}: coded activity by {args.by}"))
    headings = ("events", "verb coop", "mat coop", "verb confl", "mat confl", "Goldstein", "mean")
    print(f"{args.by:<8}" + "".join(f"{heading:>11}" for heading in headings))
    for period, bucket in periods.items():
        mean = bucket.goldstein_mean
        counts = (
            bucket.events,
            bucket.verbal_cooperation,
            bucket.material_cooperation,
            bucket.verbal_conflict,
            bucket.material_conflict,
        )
        cells = [*(f"{count:>11}" for count in counts), f"{bucket.goldstein_total:>+11.1f}"]
        cells.append(f"{'':>11}" if mean is None else f"{mean:>+11.2f}")
        print(f"{period:<8}" + "".join(cells))
    return 0
