"""Load and replay a large synthetic log from JSONL and from SQLite, query random dates, and
measure peers on the same entries, all in one run so that the ratios compare like with like:
eventsourcing with its own event classes and default transcoder (in-memory and SQLite
recorders), a plain SQLite + orjson loop, and DuckDB reading the JSONL; then, per entry of the
JSONL, orjson's parse alone against the reference decoder, the compiled one, and its msgspec
pass alone. tracker's JSONL replay runs twice: with the log's entries held in memory, and read
without holding them (``read_log(path, held=False)``), each with its peak memory.

    python benchmarks/replay.py [--entries 1000000] [--dyads 10] [--queries 10000] [--seed 1]
        [--rounds 1] [--fold-only]

Each measurement runs in a fresh process (so that peak memory is its own) pinned to one core.
The peers apply each event by counting it and keeping the latest day of its type: far less
than tracker's reducer does, so a ratio says what tracker's whole replay costs against the
cheapest replay a user of each could write.
"""

from __future__ import annotations

import argparse
import copy
import functools
import gc
import itertools
import json
import os
import platform
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import orjson

import tracker
from tracker._synth import synthesize


def _peak_mb() -> float:
    """This process's peak resident memory. ``VmHWM`` belongs to the address space, which a
    fresh program gets; ``ru_maxrss`` would carry over the peak of the process that forked it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_tracker(
    path: Path, queries: int, seed: int, days: tuple[date, date], *, held: bool = True
) -> dict[str, float]:
    """End to end from the stored bytes to every dyad's final state; then random dates, each
    timed as it elapsed and in this process's CPU time, which a shared machine's waits for a
    core (a few milliseconds each) do not swell."""
    started = time.perf_counter()
    log = tracker.read_log(path, held=held)
    loaded = time.perf_counter()
    replays = tracker.replays(log.entries)
    finals = [replay.final for replay in replays.values()]
    folded = time.perf_counter()
    pick = random.Random(seed)
    first, last = days
    timings, cpu = [], []
    for _ in range(queries):
        replay = pick.choice(list(replays.values()))
        day = first + (last - first) * pick.random()
        begin, begin_cpu = time.perf_counter(), time.process_time()
        replay.at(day)
        cpu.append(time.process_time() - begin_cpu)
        timings.append(time.perf_counter() - begin)
    timings.sort()
    cpu.sort()
    return {
        "entries": len(log),
        "load_s": loaded - started,
        "replay_s": folded - loaded,
        "end_to_end_s": folded - started,
        "entries_per_s": len(log) / (folded - started),
        "query_p50_ms": 1000 * timings[len(timings) // 2],
        "query_p99_ms": 1000 * timings[int(len(timings) * 0.99)],
        "query_cpu_p50_ms": 1000 * cpu[len(cpu) // 2],
        "query_cpu_p99_ms": 1000 * cpu[int(len(cpu) * 0.99)],
        "applied": sum(state.applied for state in finals),
    }


def measure_fold(path: Path, rounds: int = 3) -> dict[str, float]:
    """The fold alone, per entry, over each dyad's entries in the order a replay folds them:
    through one builder frozen every 16 entries (what a replay does), and through the pure
    reducer, a new state each step (``functools.reduce(apply, ...)``). The two alternate for
    ``rounds`` rounds and the fastest of each is kept, so that a loaded machine slows both.
    Each fold is of fresh copies of the entries, which keep nothing of a fold before (an
    entry keeps its occurrence key once built). Then what a replay answering a date folds:
    the 15 entries after each checkpoint, from it, on copies folded for the first time and
    again on entries folded before."""
    groups: dict[tracker.Dyad, list[tracker.Entry]] = {}
    for entry in tracker.read_log(path).entries:
        groups.setdefault(entry.parties, []).append(entry)
    for group in groups.values():
        group.sort(key=lambda entry: entry.on)
    count = sum(map(len, groups.values()))
    gc.collect()
    gc.freeze()
    gc.disable()  # as a replay pauses it while it folds
    built, reduced = [], []
    for _ in range(rounds):
        fresh = {dyad: list(map(copy.copy, group)) for dyad, group in groups.items()}
        started = time.perf_counter()
        for dyad, group in fresh.items():
            list(tracker.checkpoints(group, tracker.State(dyad), 16))
        built.append(time.perf_counter() - started)
        fresh = {dyad: list(map(copy.copy, group)) for dyad, group in groups.items()}
        started = time.perf_counter()
        for dyad, group in fresh.items():
            functools.reduce(tracker.apply, group, tracker.State(dyad))
        reduced.append(time.perf_counter() - started)
    queries = [
        (state, group[number * 16 : number * 16 + 15])
        for dyad, group in groups.items()
        for number, state in enumerate(
            [tracker.State(dyad), *tracker.checkpoints(group, tracker.State(dyad), 16)]
        )
    ]
    folded = sum(len(chunk) for _, chunk in queries)
    first, again = [], []
    for _ in range(rounds):
        copies = [(state, list(map(copy.copy, chunk))) for state, chunk in queries]
        started = time.perf_counter()
        for state, chunk in copies:
            tracker.fold(chunk, state)
        first.append(time.perf_counter() - started)
        started = time.perf_counter()
        for state, chunk in queries:
            tracker.fold(chunk, state)
        again.append(time.perf_counter() - started)
    gc.enable()
    return {
        "entries": count,
        "builder_us_per_entry": 1e6 * min(built) / count,
        "reduce_us_per_entry": 1e6 * min(reduced) / count,
        "query_first_us_per_entry": 1e6 * min(first) / folded,
        "query_again_us_per_entry": 1e6 * min(again) / folded,
    }


def _relationship_class() -> type:
    """An eventsourcing aggregate of one dyad with its own events, as a user of that library
    would write it: one ``@event`` method per entry type, the entry's fields (as the log spells
    them) its parameters, each applied by counting it and keeping the latest day of its type."""
    from eventsourcing.domain import Aggregate, event  # noqa: PLC0415 - optional, bench only

    from tracker._codec import _fields  # noqa: PLC0415 - the keys the log spells

    class Relationship(Aggregate):
        @event("Started")
        def __init__(self, dyad: str) -> None:
            self.dyad = dyad
            self.applied = 0
            self.latest: dict[str, str] = {}

    def method(kind: str, keys: list[str]) -> object:
        # A signature per type is what @event reads its event class from: written out here.
        source = (
            f"def record_{kind}(self, {', '.join(f'{key}=None' for key in keys)}):\n"
            f"    self.applied += 1\n"
            f"    self.latest[{kind!r}] = on\n"
        )
        namespace: dict[str, object] = {}
        exec(source, namespace)  # code made from the entry types' own keys
        return event(kind)(namespace[f"record_{kind}"])

    methods = {
        f"record_{kind}": method(kind, [spec.key for spec in _fields(cls)])
        for kind, cls in tracker.entry_types().items()
    }
    return type("TrackedRelationship", (Relationship,), methods)


def measure_eventsourcing(path: Path, recorder: str, work: Path) -> dict[str, float]:
    """The same entries recorded as eventsourcing's own events (its default JSON transcoder),
    one aggregate per dyad; timed: getting every aggregate back from the recorder."""
    from eventsourcing.application import Application  # noqa: PLC0415 - optional, bench only

    relationship = _relationship_class()
    env = {"PERSISTENCE_MODULE": f"eventsourcing.{recorder}"}
    if recorder == "sqlite":
        env["SQLITE_DBNAME"] = str(work / f"eventsourcing-{os.getpid()}.sqlite")
    app = Application(env=env)
    groups: dict[str, list[dict[str, object]]] = {}
    with path.open("rb") as handle:
        for line in handle:
            data = orjson.loads(line)
            groups.setdefault(data["parties"], []).append(data)
    ids = []
    for dyad, group in groups.items():
        aggregate = relationship(dyad)
        group.sort(key=lambda data: str(data["on"]))
        for data in group:
            fields = {key: value for key, value in data.items() if key not in ("type", "v")}
            getattr(aggregate, f"record_{data['type']}")(**fields)
            if len(aggregate.pending_events) >= 10_000:
                app.save(aggregate)
        app.save(aggregate)
        ids.append(aggregate.id)
    del groups
    gc.collect()
    gc.freeze()
    gc.disable()  # as tracker pauses it while it loads and folds: like with like
    started = time.perf_counter()
    count = sum(app.repository.get(aggregate_id).applied for aggregate_id in ids)
    elapsed = time.perf_counter() - started
    gc.enable()
    return {"entries": count, "replay_s": elapsed, "entries_per_s": count / elapsed}


def measure_sqlite_loop(path: Path) -> dict[str, float]:
    """A plain loop over the rows of tracker's SQLite log, each line parsed by orjson and
    applied as the eventsourcing aggregate applies it: what a hand-written script costs."""
    started = time.perf_counter()
    applied: dict[str, int] = {}
    latest: dict[tuple[str, str], str] = {}
    with sqlite3.connect(path) as db:
        for (line,) in db.execute("SELECT line FROM entries ORDER BY position"):
            data = orjson.loads(line)
            dyad = data["parties"]
            applied[dyad] = applied.get(dyad, 0) + 1
            latest[dyad, data["type"]] = max(latest.get((dyad, data["type"]), ""), data["on"])
    elapsed = time.perf_counter() - started
    count = sum(applied.values())
    return {"entries": count, "replay_s": elapsed, "entries_per_s": count / elapsed}


def measure_parser(path: Path) -> dict[str, float]:
    """orjson parsing every line, and nothing else: the floor of any replay of the JSONL."""
    started = time.perf_counter()
    with path.open("rb") as handle:
        count = sum(1 for line in handle if orjson.loads(line))
    elapsed = time.perf_counter() - started
    return {"entries": count, "replay_s": elapsed, "entries_per_s": count / elapsed}


def measure_decoding(path: Path) -> dict[str, float]:
    """Per entry: orjson's parse alone, the reference decoder (orjson, then the structurers
    walking its dicts), the compiled one (``tracker.loads_entry``) and its msgspec pass alone
    (the Structs, every constraint checked, no entry built), from lines held in memory. They
    take turns over chunks of lines, so that a change of the machine's load falls on all
    alike."""
    from tracker._compiled import _compiled_read  # noqa: PLC0415 - the pass, measured apart

    lines = path.read_bytes().splitlines()
    spent = {"parse_us": 0.0, "reference_us": 0.0, "compiled_us": 0.0, "msgspec_us": 0.0}
    readers = {
        "parse_us": orjson.loads,
        "reference_us": lambda line: tracker.decode_entry(orjson.loads(line)),
        "compiled_us": tracker.loads_entry,
        "msgspec_us": _compiled_read,
    }
    for start in range(0, len(lines), 1000):
        chunk = lines[start : start + 1000]
        for key, read in readers.items():
            begin = time.perf_counter()
            for line in chunk:
                read(line)
            spent[key] += time.perf_counter() - begin
    per_entry = {key: 1e6 * total / len(lines) for key, total in spent.items()}
    return {"entries": len(lines), **per_entry}


def measure_duckdb(path: Path) -> dict[str, float]:
    """DuckDB reading the JSONL itself: per dyad and type, the count and the latest day."""
    import duckdb  # noqa: PLC0415 - optional, bench only

    started = time.perf_counter()
    rows = duckdb.sql(
        "SELECT parties, type, count(*), max(on_day) FROM ("
        f"SELECT parties, type, CAST(\"on\" AS VARCHAR) AS on_day FROM read_json('{path}', "
        "format='newline_delimited', columns={'parties': 'VARCHAR', 'type': 'VARCHAR', "
        "'on': 'VARCHAR'})) GROUP BY parties, type"
    ).fetchall()
    elapsed = time.perf_counter() - started
    count = sum(row[2] for row in rows)
    return {"entries": count, "replay_s": elapsed, "entries_per_s": count / elapsed}


def _day_range(path: Path) -> tuple[date, date]:
    """The first and the last day of the entries of a JSONL log, as replay places them."""
    days = [tracker.loads_entry(line).on for line in path.open("rb")]
    return min(days), max(days)


def _child(kind: str, path: Path, queries: int, seed: int, work: Path) -> dict[str, float]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if kind.startswith("tracker"):
        first, last = (date.fromisoformat(day) for day in os.environ["REPLAY_DAYS"].split())
        held = kind != "tracker-stored"
        figures = measure_tracker(path, queries, seed, (first, last), held=held)
        return figures | {"peak_mb": _peak_mb()}
    if kind == "fold":
        return measure_fold(path)
    if kind == "sqlite-loop":
        figures = measure_sqlite_loop(path)
    elif kind == "parser":
        figures = measure_parser(path)
    elif kind == "decoding":
        figures = measure_decoding(path)
    elif kind == "duckdb":
        figures = measure_duckdb(path)
    else:
        figures = measure_eventsourcing(path, kind.split(":")[1], work)
    return figures | {"peak_mb": _peak_mb()}


def _run(
    kind: str, path: Path, args: argparse.Namespace, work: Path, days: tuple[date, date]
) -> dict[str, float]:
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
        stdout=subprocess.PIPE,
        text=True,
        check=False,
        env=os.environ | {"REPLAY_DAYS": " ".join(day.isoformat() for day in days)},
    )
    if done.returncode != 0:
        # The child's stderr is not captured: its traceback is already on the terminal.
        msg = (
            f"the {kind} measure failed (exit status {done.returncode}); its error is above "
            "(the peers need `make .venv/.installed-bench`)"
        )
        raise SystemExit(msg)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--dyads", type=int, default=10)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run every measure this many times, in turn, and keep the fastest of each: on a "
        "shared machine, the ratios then compare runs that each met the lightest load",
    )
    parser.add_argument(
        "--fold-only",
        action="store_true",
        help="measure the fold alone (no decode, no peers): whether its cost per entry grows "
        "with the log, at sizes the whole run would take long to reach",
    )
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, queries, seed, work = args.child
        print(json.dumps(_child(kind, Path(path), int(queries), int(seed), Path(work))))
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"log: {args.entries:,} synthetic entries, {args.dyads} dyads, seed {args.seed}; "
        f"the fastest of {args.rounds} round(s) kept"
    )
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
        days = _day_range(jsonl)
        if args.fold_only:
            _print_fold(_run("fold", jsonl, args, work, days))
            return
        runs = {
            "tracker JSONL": ("tracker", jsonl),
            "tracker JSONL, entries not held": ("tracker-stored", jsonl),
            "tracker SQLite": ("tracker", sqlite),
            "eventsourcing in-memory": ("eventsourcing:popo", jsonl),
            "eventsourcing SQLite": ("eventsourcing:sqlite", jsonl),
            "SQLite + orjson loop": ("sqlite-loop", sqlite),
            "DuckDB on the JSONL": ("duckdb", jsonl),
            "orjson parse only": ("parser", jsonl),
        }
        results: dict[str, dict[str, float]] = {}
        for _ in range(args.rounds):  # in turn, so that a change of load falls on all alike
            for name, (kind, log) in runs.items():
                figures = _run(kind, log, args, work, days)
                if figures["entries_per_s"] > results.get(name, {}).get("entries_per_s", 0):
                    results[name] = figures
        decoding = _run("decoding", jsonl, args, work, days)
        fold = _run("fold", jsonl, args, work, days)
    for name, figures in results.items():
        shown = ", ".join(f"{key} {value:,.3f}" for key, value in figures.items())
        print(f"{name}: {shown}")
    for ours in ("tracker JSONL", "tracker JSONL, entries not held"):
        for peer in list(results)[3:]:
            ratio = results[ours]["entries_per_s"] / results[peer]["entries_per_s"]
            print(f"{ours} end to end / {peer}: {ratio:.2f}x")
    held, stored = results["tracker JSONL"], results["tracker JSONL, entries not held"]
    print(
        f"entries not held / held: {stored['entries_per_s'] / held['entries_per_s']:.2f}x the "
        f"speed, {stored['peak_mb'] / held['peak_mb']:.2f}x the peak memory "
        f"({stored['peak_mb']:,.0f} MB against {held['peak_mb']:,.0f} MB)"
    )
    parse, reference, compiled, msgspec = (
        decoding[key] for key in ("parse_us", "reference_us", "compiled_us", "msgspec_us")
    )
    print(
        f"decode per entry: orjson parse {parse:.1f} µs, reference decoder {reference:.1f} µs, "
        f"compiled decoder {compiled:.1f} µs ({reference / compiled:.2f}x faster; its msgspec "
        f"pass {msgspec:.1f} µs, building the entries {compiled - msgspec:.1f} µs)"
    )
    _print_fold(fold)
    for name in ("tracker JSONL", "tracker JSONL, entries not held"):
        p50, p99 = results[name]["query_p50_ms"], results[name]["query_p99_ms"]
        cpu50, cpu99 = results[name]["query_cpu_p50_ms"], results[name]["query_cpu_p99_ms"]
        print(
            f"state at a random date, {name}: p50 {p50:.3f} ms, p99 {p99:.3f} ms; "
            f"CPU time (not the time the process waited for a core) p50 {cpu50:.3f} ms, "
            f"p99 {cpu99:.3f} ms"
        )


def _print_fold(fold: dict[str, float]) -> None:
    builder, reduced = fold["builder_us_per_entry"], fold["reduce_us_per_entry"]
    print(
        f"fold per entry: one builder frozen every 16 entries {builder:.1f} µs, "
        f"reduce(apply) {reduced:.1f} µs: {reduced / builder:.2f}x"
    )
    first, again = fold["query_first_us_per_entry"], fold["query_again_us_per_entry"]
    print(
        f"fold of the 15 entries after each checkpoint (what a date asked for folds), per "
        f"entry: folded for the first time {first:.1f} µs, folded before {again:.1f} µs"
    )


if __name__ == "__main__":
    main()
