"""What a replay's checkpoints hold, and what a date costs, as checkpoints are kept further apart:
for each spacing, the memory the replays of a synthetic log allocate (``tracemalloc``, the
entries themselves not counted), the lines that allocate most of it, and the CPU time of the
state at random dates.

    python benchmarks/checkpoint_memory.py [--entries 20000] [--dyads 4] [--queries 300]
        [--every 16 32 64]
    python benchmarks/checkpoint_memory.py --peak [--entries 200000] [--dyads 10] [--queries 200]

``--entries 100000 --dyads 1`` gives one dyad the length each of the 10 dyads of a
1,000,000-entry log has. ``--peak`` writes the synthetic log as JSONL and measures what a whole
replay from it takes at its peak, each way in a fresh process (``read_log`` with the entries
held and not held, then every dyad replayed and the state at random dates), as the tracker runs
of ``benchmarks/replay.py`` do, without their peers.
"""

from __future__ import annotations

import argparse
import json
import linecache
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

import tracker
from tracker._synth import synthesize


def measure(
    entries: list[tracker.Entry], every: int, queries: int, *, top: int
) -> tuple[float, list[str], float, float]:
    """Bytes per entry the replays keep, the lines allocating most, and CPU p50 and p99 (ms)."""
    tracemalloc.start()
    replays = tracker.replays(entries, every=every)
    finals = [replay.final for replay in replays.values()]
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = snapshot.statistics("lineno")
    total = sum(stat.size for stat in stats)
    lines = []
    for stat in stats[:top]:
        frame = stat.traceback[0]
        code = linecache.getline(frame.filename, frame.lineno).strip()
        where = f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
        lines.append(f"{100 * stat.size / total:5.1f}% {where} {code}")
    first = min(entry.on for entry in entries)
    last = max(entry.on for entry in entries)
    cpu, _ = _dates_cpu(list(replays.values()), (first, last), queries)
    assert sum(state.applied for state in finals) == len(entries)
    return total / len(entries), lines, 1000 * cpu[len(cpu) // 2], 1000 * cpu[len(cpu) * 99 // 100]


def _dates_cpu(
    group: list[tracker.Replay], days: tuple[date, date], queries: int
) -> tuple[list[float], list[float]]:
    """The CPU seconds, and the seconds of wall time, of the state at ``queries`` random dates
    between ``days``, each of a dyad drawn from ``group`` (the same draws every run), sorted."""
    (first, last), pick, cpu, wall = days, random.Random(1), [], []
    for _ in range(queries):
        replay = pick.choice(group)
        day = first + (last - first) * pick.random()
        begin, started = time.process_time(), time.perf_counter()
        replay.at(day)
        cpu.append(time.process_time() - begin)
        wall.append(time.perf_counter() - started)
    return sorted(cpu), sorted(wall)


def _peak_mb() -> float:
    """This process's peak resident memory (``VmHWM``: its own address space's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak(path: Path, queries: int, days: tuple[date, date], *, held: bool) -> dict[str, float]:
    """Read the log, replay every dyad to its final state, then the state at random dates
    between ``days``: the seconds it took, the peak memory, and the dates' CPU p50 and p99 (ms)."""
    started = time.perf_counter()
    log = tracker.read_log(path, held=held)
    replays = tracker.replays(log.entries)
    finals = [replay.final for replay in replays.values()]
    folded = time.perf_counter() - started
    assert sum(state.applied for state in finals) == len(log)
    cpu, wall = _dates_cpu(list(replays.values()), days, queries)
    return {
        "end_to_end_s": folded,
        "peak_mb": _peak_mb(),
        "every": replays[next(iter(replays))].every if replays else 0,
        "p50_ms": 1000 * cpu[len(cpu) // 2],
        "p99_ms": 1000 * cpu[len(cpu) * 99 // 100],
        "wall_p50_ms": 1000 * wall[len(wall) // 2],
        "wall_p99_ms": 1000 * wall[len(wall) * 99 // 100],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--dyads", type=int, default=4)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--every", type=int, nargs="+", default=[16, 32, 64])
    parser.add_argument("--peak", action="store_true", help="peak memory of whole replays")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        path, queries, first, last, held = args.child
        days = (date.fromisoformat(first), date.fromisoformat(last))
        print(json.dumps(peak(Path(path), int(queries), days, held=held == "held")))
        return
    if args.peak:
        run_peak(args.entries, args.dyads, args.queries)
        return
    entries = list(synthesize(args.entries, dyads=args.dyads, seed=1))
    print(f"{args.entries:,} synthetic entries, {args.dyads} dyads, {args.queries} random dates")
    for every in args.every:
        per_entry, lines, p50, p99 = measure(
            entries, every, args.queries, top=8 if every == args.every[0] else 0
        )
        print(
            f"a checkpoint every {every} entries: {per_entry:,.0f} bytes per entry; "
            f"a date in CPU time p50 {p50:.3f} ms, p99 {p99:.3f} ms"
        )
        for line in lines:
            print(f"    {line}")


def run_peak(count: int, dyads: int, queries: int) -> None:
    """The synthetic log written as JSONL, then each whole replay in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        path, first, last = Path(folder) / "log.jsonl", date.max, date.min
        with path.open("wb") as handle:
            for entry in synthesize(count, dyads=dyads, seed=1):
                handle.write(tracker.dumps_entry(entry) + b"\n")
                first, last = min(first, entry.on), max(last, entry.on)
        size = path.stat().st_size / 2**20
        print(f"{count:,} synthetic entries, {dyads} dyads ({size:,.0f} MiB)")
        for held in ("held", "not held"):
            days = (first.isoformat(), last.isoformat())
            command = [sys.executable, __file__, "--child", str(path), str(queries), *days, held]
            done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
            got = json.loads(done.stdout)
            print(
                f"entries {held}: peak {got['peak_mb']:,.0f} MB, end to end "
                f"{got['end_to_end_s']:.1f} s; a checkpoint every {got['every']} entries; "
                f"{queries} random dates in CPU time p50 {got['p50_ms']:.3f} ms, p99 "
                f"{got['p99_ms']:.3f} ms (wall time {got['wall_p50_ms']:.3f} and "
                f"{got['wall_p99_ms']:.3f} ms)"
            )


if __name__ == "__main__":
    main()
