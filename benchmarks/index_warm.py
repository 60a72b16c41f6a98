"""How long ``tracker state --dyad X --at D`` takes, whole command, cold and warm.

Writes ``--entries`` synthetic entries over ``--dyads`` dyads to a temporary JSONL log, then
times, each in a fresh process: the command without an index (a folder stands where the index
would go, so it is never built); the first command, which builds the index; the warm command at
``--queries`` random dates; after one entry is appended (the index is extended); and
``python -c pass``, the floor of any command. Run::

    nice -n 10 .venv/bin/python benchmarks/index_warm.py [--entries 100000] [--dyads 10]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import attrs

from tracker import JsonlStore, read_log
from tracker._index import index_path

_TRACKER = [sys.executable, "-m", "tracker"]


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--dyads", type=int, default=10)
    parser.add_argument("--queries", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "big.jsonl"
        subprocess.run(
            [
                *_TRACKER,
                "synth",
                "--entries",
                str(args.entries),
                "--dyads",
                str(args.dyads),
                "--output",
                str(log),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        entries = read_log(log).entries
        dyad = entries[0].parties
        days = sorted(e.on for e in entries if e.parties == dyad)
        rng = random.Random(1)

        def state(day: date) -> list[str]:
            return [
                *_TRACKER,
                "state",
                "--log",
                str(log),
                "--dyad",
                f"{dyad.first}-{dyad.second}",
                "--at",
                day.isoformat(),
                "--json",
            ]

        middle = days[len(days) // 2]
        cold = _timed(state(middle))  # no index yet: commands never build one unasked
        assert not index_path(log).exists()
        build = _timed([*_TRACKER, "index", "--log", str(log)])
        warm = [_timed(state(rng.choice(days) + timedelta(days=1))) for _ in range(args.queries)]
        last = next(e for e in reversed(entries) if e.parties == dyad)
        JsonlStore(log).append([attrs.evolve(last, id=f"{last.id}-again")])
        appended = _timed(state(middle))
        floor = _timed([sys.executable, "-c", "pass"])
    print(f"{args.entries:,} entries over {args.dyads} dyads; {len(days):,} of {dyad}")
    print(f"cold, no index:           {cold:6.2f} s")
    print(f"tracker index (building): {build:6.2f} s")
    print(
        f"warm (median of {args.queries}):      {statistics.median(warm):6.2f} s"
        f"  ({cold / statistics.median(warm):.1f}x faster than cold)"
    )
    print(f"after an append:          {appended:6.2f} s")
    print(f"python -c pass:           {floor:6.2f} s")


if __name__ == "__main__":
    main()
