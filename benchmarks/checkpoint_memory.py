"""What a replay's checkpoints hold, and what a date costs, as checkpoints are kept further apart:
for each spacing, the memory the replays of a synthetic log allocate (``tracemalloc``, the
entries themselves not counted), the lines that allocate most of it, and the CPU time of the
state at random dates.

    python benchmarks/checkpoint_memory.py [--entries 20000] [--dyads 4] [--queries 300]
        [--every 16 32 64]

``--entries 100000 --dyads 1`` gives one dyad the length each of the 10 dyads of a
1,000,000-entry log has.
"""

from __future__ import annotations

import argparse
import linecache
import random
import time
import tracemalloc

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
    pick = random.Random(1)
    group = list(replays.values())
    cpu = []
    for _ in range(queries):
        replay = pick.choice(group)
        day = first + (last - first) * pick.random()
        started = time.process_time()
        replay.at(day)
        cpu.append(time.process_time() - started)
    cpu.sort()
    assert sum(state.applied for state in finals) == len(entries)
    return total / len(entries), lines, 1000 * cpu[len(cpu) // 2], 1000 * cpu[len(cpu) * 99 // 100]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--dyads", type=int, default=4)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--every", type=int, nargs="+", default=[16, 32, 64])
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
