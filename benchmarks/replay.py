"""Load and replay a large synthetic log from JSONL and from SQLite, query random dates, and
replay the same events with the eventsourcing library (in-memory and SQLite recorders), all
in one run so that the ratios compare like with like.

    python benchmarks/replay.py [--entries 1000000] [--dyads 10] [--queries 10000] [--seed 1]

Each measurement runs in a fresh process (so that peak memory is its own) pinned to one core.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tracker
from tracker._synth import synthesize


def _peak_mb() -> float:
    """This process's peak resident memory. ``VmHWM`` belongs to the address space, which a
    fresh program gets; ``ru_maxrss`` would carry over the peak of the process that forked it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_tracker(path: Path, queries: int, seed: int) -> dict[str, float]:
    """End to end from the stored bytes to every dyad's final state; then random dates."""
    gc.freeze()  # the log is long-lived: keep the collector from rescanning it
    started = time.perf_counter()
    log = tracker.read_log(path)
    loaded = time.perf_counter()
    replays = tracker.replays(log.entries)
    finals = [replay.final for replay in replays.values()]
    folded = time.perf_counter()
    pick = random.Random(seed)
    days = [entry.on for entry in log.entries]
    first, last = min(days), max(days)
    timings = []
    for _ in range(queries):
        replay = pick.choice(list(replays.values()))
        day = first + (last - first) * pick.random()
        begin = time.perf_counter()
        replay.at(day)
        timings.append(time.perf_counter() - begin)
    timings.sort()
    return {
        "entries": len(log),
        "load_s": loaded - started,
        "replay_s": folded - loaded,
        "end_to_end_s": folded - started,
        "entries_per_s": len(log) / (folded - started),
        "query_p50_ms": 1000 * timings[len(timings) // 2],
        "query_p99_ms": 1000 * timings[int(len(timings) * 0.99)],
        "peak_mb": _peak_mb(),
        "applied": sum(state.applied for state in finals),
    }


def measure_eventsourcing(path: Path, recorder: str, work: Path) -> dict[str, float]:
    """The same entries as events of one aggregate per dyad, replayed by eventsourcing, whose
    aggregate applies tracker's reducer: the same logical state at the end."""
    from eventsourcing.application import Application  # noqa: PLC0415 - optional, bench only
    from eventsourcing.domain import Aggregate, event  # noqa: PLC0415

    class Relationship(Aggregate):
        @event("Started")
        def __init__(self, dyad: str) -> None:
            self.state = tracker.State(tracker.Dyad.parse(dyad))

        @event("Recorded")
        def record(self, entry: dict[str, object]) -> None:
            self.state = tracker.apply(self.state, tracker.decode_entry(entry))

    env = {"PERSISTENCE_MODULE": f"eventsourcing.{recorder}"}
    if recorder == "sqlite":
        env["SQLITE_DBNAME"] = str(work / "eventsourcing.sqlite")
    app = Application(env=env)
    log = tracker.read_log(path)
    ids = {}
    for dyad in log.dyads():
        aggregate = Relationship(str(dyad))
        for entry in sorted((e for e in log.entries if e.parties == dyad), key=lambda e: e.on):
            aggregate.record(tracker.encode_entry(entry))
            if len(aggregate.pending_events) >= 10_000:
                app.save(aggregate)
        app.save(aggregate)
        ids[dyad] = aggregate.id
    del log
    gc.collect()
    gc.freeze()
    gc.disable()  # as tracker pauses it while it loads and folds: like with like
    started = time.perf_counter()
    states = [app.repository.get(aggregate_id).state for aggregate_id in ids.values()]
    elapsed = time.perf_counter() - started
    gc.enable()
    count = sum(state.applied for state in states)
    return {"entries": count, "replay_s": elapsed, "entries_per_s": count / elapsed}


def _child(kind: str, path: Path, queries: int, seed: int, work: Path) -> dict[str, float]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if kind == "tracker":
        return measure_tracker(path, queries, seed)
    return measure_eventsourcing(path, kind.split(":")[1], work)


def _run(kind: str, path: Path, args: argparse.Namespace, work: Path) -> dict[str, float]:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            kind,
            str(path),
            str(args.queries),
            str(args.seed),
            str(work),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--dyads", type=int, default=10)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, queries, seed, work = args.child
        print(json.dumps(_child(kind, Path(path), int(queries), int(seed), Path(work))))
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"log: {args.entries:,} synthetic entries, {args.dyads} dyads, seed {args.seed}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        jsonl, sqlite = work / "log.jsonl", work / "log.sqlite"
        with jsonl.open("wb") as handle:
            for entry in synthesize(args.entries, dyads=args.dyads, seed=args.seed):
                handle.write(tracker.dumps_entry(entry) + b"\n")
        store, written = (
            tracker.open_store(sqlite),
            iter(synthesize(args.entries, dyads=args.dyads, seed=args.seed)),
        )
        while batch := list(itertools.islice(written, 50_000)):  # the parent stays small
            store.append(batch)
        sizes = [path.stat().st_size / 2**20 for path in (jsonl, sqlite)]
        print(f"JSONL {sizes[0]:,.0f} MiB, SQLite {sizes[1]:,.0f} MiB; each run on one core")
        results = {
            "tracker JSONL": _run("tracker", jsonl, args, work),
            "tracker SQLite": _run("tracker", sqlite, args, work),
            "eventsourcing in-memory": _run("eventsourcing:popo", jsonl, args, work),
            "eventsourcing SQLite": _run("eventsourcing:sqlite", jsonl, args, work),
        }
    for name, figures in results.items():
        shown = ", ".join(f"{key} {value:,.3f}" for key, value in figures.items())
        print(f"{name}: {shown}")
    ours = results["tracker JSONL"]["entries_per_s"]
    for peer in ("eventsourcing in-memory", "eventsourcing SQLite"):
        ratio = ours / results[peer]["entries_per_s"]
        print(f"tracker JSONL end to end / {peer} replay: {ratio:.2f}x")
    query = results["tracker JSONL"]
    p50, p99 = query["query_p50_ms"], query["query_p99_ms"]
    print(f"state at a random date: p50 {p50:.3f} ms, p99 {p99:.3f} ms")


if __name__ == "__main__":
    main()
