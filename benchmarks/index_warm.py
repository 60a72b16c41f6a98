"""How long the commands a user waits on take with the index beside a JSONL log, whole command.

Writes ``--entries`` synthetic entries over ``--dyads`` dyads to a temporary JSONL log, then
times, each in a fresh process: ``tracker state --dyad X --at D --json`` without an index (a
cold read); ``tracker index`` building it; the warm command at ``--queries`` random dates, as
JSON (which holds the dyad's whole history) and as the table (which counts a long history),
and both after the dyad's last entry; the warm command after one entry is appended (the index
is extended); the first row of ``tracker
log`` (the table, into a pipe), with and without ``--from/--to`` (through the index), and the
peak memory of the whole table and of the build; and, for reference, ``tracker --version`` and
``python -c pass``, the floor of any command. Run::

    nice -n 10 .venv/bin/python benchmarks/index_warm.py [--entries 100000] [--dyads 10]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import attrs

from tracker import Entry, JsonlStore, open_store
from tracker._index import index_path

_TRACKER = [sys.executable, "-m", "tracker"]

#: Runs a command and prints the peak memory of the process it ran, in KiB.
_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _timed(command: list[str]) -> float:
    return _cpu_timed(command)[0]


def _cpu_timed(command: list[str]) -> tuple[float, float]:
    """The seconds the command took, and the CPU time it used (user and system): on a machine
    shared with other work, the second is what the command itself cost."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _first_row(command: list[str]) -> float:
    """How long the table takes to print its first row into a pipe (its fourth line: a blank
    line, the title and the header come first); the command is stopped there."""
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE) as child:
        assert child.stdout is not None
        for _ in range(4):
            child.stdout.readline()
        took = time.perf_counter() - start
        child.kill()
    return took


def _peak_mib(command: list[str]) -> tuple[float, float]:
    """The seconds the command took, and its peak memory (MiB)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - start, int(done.stdout) / 1024


def _synthesize(log: Path, entries: int, dyads: int) -> None:
    command = [*_TRACKER, "synth", "--entries", str(entries), "--dyads", str(dyads)]
    subprocess.run([*command, "--output", str(log)], check=True, stdout=subprocess.DEVNULL)


def _first_dyad(log: Path) -> tuple[int, int, list[date], Entry]:
    """How many entries and dyads the log holds, the days of its first entry's dyad, sorted,
    and that dyad's last entry; the log streamed, only those days held."""
    days, dyad, last, pairs, count = [], None, None, set(), 0
    for _, entry in open_store(log).scan():
        count += 1
        pairs.add(entry.parties)
        dyad = dyad or entry.parties
        if entry.parties == dyad:
            days.append(entry.on)
            last = entry
    assert last is not None
    return count, len(pairs), sorted(days), last


def _warm(
    state: Callable[..., list[str]], dates: list[date], after: date
) -> tuple[list[tuple[float, float]], list[tuple[float, float]], tuple[float, float, float]]:
    """The warm command at each date as JSON, then as the table (seconds, CPU seconds); and
    after the dyad's last entry, as JSON, as the table (seconds), and the table's peak memory
    (MiB)."""
    warm = [_cpu_timed(state(day)) for day in dates]
    tables = [_cpu_timed(state(day, as_json=False)) for day in dates]
    last = _timed(state(after)), _timed(state(after, as_json=False))
    return warm, tables, (*last, _peak_mib(state(after, as_json=False))[1])


def _medians(times: list[tuple[float, float]]) -> tuple[float, float]:
    """The median seconds and the median CPU seconds."""
    return statistics.median(t for t, _ in times), statistics.median(c for _, c in times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--dyads", type=int, default=10)
    parser.add_argument("--queries", type=int, default=5)
    parser.add_argument(
        "--copy", type=Path, help="copy this log written by `tracker synth` instead of writing one"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "big.jsonl"
        if args.copy:
            shutil.copyfile(args.copy, log)
        else:
            _synthesize(log, args.entries, args.dyads)
        count, pairs, days, last = _first_dyad(log)
        dyad = last.parties
        rng = random.Random(1)

        def state(day: date, *, as_json: bool = True) -> list[str]:
            return [
                *_TRACKER,
                "state",
                "--log",
                str(log),
                "--dyad",
                f"{dyad.first}-{dyad.second}",
                "--at",
                day.isoformat(),
                *(["--json"] if as_json else []),
            ]

        listing = [*_TRACKER, "log", "--log", str(log)]
        middle = days[len(days) // 2]
        month = [*listing, "--from", str(middle), "--to", str(middle + timedelta(days=30))]
        cold = _timed(state(middle))  # no index yet: commands never build one unasked
        assert not index_path(log).exists()
        log_first = _first_row(listing)
        _, log_peak = _peak_mib(listing)
        build, build_peak = _peak_mib([*_TRACKER, "index", "--log", str(log)])
        size = index_path(log).stat().st_size
        dates = [rng.choice(days) + timedelta(days=1) for _ in range(args.queries)]
        warm, tables, final = _warm(state, dates, days[-1] + timedelta(days=1))
        month_first = _first_row(month)
        JsonlStore(log).append([attrs.evolve(last, id=f"{last.id}-again")])
        appended = _timed(state(middle))
        version = _timed([*_TRACKER, "--version"])
        floor = _timed([sys.executable, "-c", "pass"])
        megabytes = log.stat().st_size / 1e6
    (median, cpu), (table_median, table_cpu) = _medians(warm), _medians(tables)
    of = f"{len(days):,} of {dyad}"
    print(f"{count:,} entries over {pairs} dyads ({megabytes:.0f} MB); {of}")
    print(f"state, cold (no index):     {cold:6.2f} s")
    built = f"({size / 1e6:.0f} MB; peak memory {build_peak:.0f} MiB)"
    print(f"tracker index (building):   {build:6.2f} s  {built}")
    faster = f"{cold / median:.1f}x faster than cold"
    print(f"state, warm (median of {args.queries}):  {median:6.2f} s  ({faster}; CPU {cpu:.2f} s)")
    spread = f"{min(t for t, _ in tables):.2f} to {max(t for t, _ in tables):.2f} s"
    print(f"state table, warm (median): {table_median:6.2f} s  ({spread}; CPU {table_cpu:.2f} s)")
    print(f"state, after the last entry: {final[0]:5.2f} s JSON, {final[1]:.2f} s table", end="")
    print(f" (peak memory {final[2]:.0f} MiB)")
    print(f"state, after an append:     {appended:6.2f} s")
    print(f"log, first row:             {log_first:6.2f} s  (whole table: peak {log_peak:.0f} MiB)")
    print(f"log --from/--to, first row: {month_first:6.2f} s  (30 days, through the index)")
    print(f"tracker --version:          {version:6.2f} s")
    print(f"python -c pass:             {floor:6.2f} s")


if __name__ == "__main__":
    main()
