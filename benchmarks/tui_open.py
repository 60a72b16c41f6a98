"""How long the terminal UI takes to open on a long log, to the first state shown, with and
without the index beside the log.

Writes synthetic logs (``tracker synth``) of each of ``--entries`` over 10 dyads and over one,
then times, each in a fresh process: the app opened headless (``App.run_test``) on the log, from
the process's start until the panes show the first state, cold (no index: the whole log is
read and replayed) and warm (after ``tracker index --log LOG``, the dyad shown read through
the index); and, in the same run, a bare Textual app opened until it is drawn, the peer that
says what Python, Textual and the harness cost. Prints the figures and their ratios. Run::

    nice -n 10 .venv/bin/python benchmarks/tui_open.py [--entries 10000 100000] [--runs 3]

or, for logs of one's own, each as it is (``--log LOG``, repeatable), every run in turn; with
``--parts``, also the two steps the worker takes before the first state, each run in a fresh
process without the UI: the dyad's rows listed (the story read through the index and the rows
the timeline lists) and the state opened on (the last crisis found and folded), wall and CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_TRACKER = [sys.executable, "-m", "tracker"]
SIZE = (120, 40)


async def _open_tracker(path: Path, spawned: float) -> None:
    """Open the app on ``path`` until the first frame that shows a state is drawn, then say
    so (:func:`_done`)."""
    from tracker._plugins import load_plugins  # noqa: PLC0415 - timed from the process start
    from tracker.tui import TrackerApp  # noqa: PLC0415
    from tracker.tui.screens.main import MainScreen  # noqa: PLC0415

    shown = asyncio.Event()

    class Timed(MainScreen):
        def watch_details(self, details: Any) -> None:
            super().watch_details(details)
            if details is not None:
                self.call_after_refresh(shown.set)  # once the panes with the state are drawn

    load_plugins()  # as ``tracker tui`` does: an index built by ``tracker index`` knows them
    app = TrackerApp(path)
    app.main = Timed()
    async with app.run_test(size=SIZE):
        await shown.wait()
        story = app.main.story
        assert story is not None
        _done(spawned, f"{len(story.entries)} entries of {story.dyad}, indexed: {story.indexed}")


async def _open_bare(spawned: float) -> None:
    """Open a bare Textual app until its first frame is drawn, then say so."""
    from textual.app import App, ComposeResult  # noqa: PLC0415
    from textual.widgets import Static  # noqa: PLC0415

    shown = asyncio.Event()

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("ready")

        def on_mount(self) -> None:
            self.call_after_refresh(shown.set)

    async with Bare().run_test(size=SIZE):
        await shown.wait()
        _done(spawned, "bare Textual app")


def _done(spawned: float, said: str) -> None:
    """Say how long since the parent spawned this process, and what was opened, then leave
    at once, from inside the app: leaving it waits for its workers (the chart's may still be
    folding the whole story), which are not timed."""
    print(f"{time.time() - spawned:.3f} {said}", flush=True)
    os._exit(0)


def _child(log: str, spawned: float) -> None:
    """Open the app (``-``: the peer) in this fresh process."""
    asyncio.run(_open_bare(spawned) if log == "-" else _open_tracker(Path(log), spawned))


def _parts_child(log: Path) -> None:
    """Time, in this fresh process without the UI, the rows listed and the state opened on."""
    from tracker._plugins import load_plugins  # noqa: PLC0415
    from tracker.tui._story import Filter, load_story, opening  # noqa: PLC0415

    load_plugins()
    wall, cpu = time.perf_counter(), time.process_time()
    story = load_story(log)
    story.listed(Filter())
    listed = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    assert story.replay is not None
    opening(story.replay)
    opened = time.perf_counter() - wall, time.process_time() - cpu
    print(" ".join(f"{took:.3f}" for took in (*listed, *opened)), flush=True)


def _parts(log: Path, runs: int) -> str:
    """The medians of ``runs`` fresh processes' :func:`_parts_child` times, said."""
    taken = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, "--parts-child", str(log)],
            check=True,
            capture_output=True,
            text=True,
        )
        taken.append([float(took) for took in done.stdout.split()])
    columns = zip(*taken, strict=True)
    rows, rows_cpu, crisis, crisis_cpu = (statistics.median(column) for column in columns)
    return (
        f"rows listed {rows:.2f} s ({rows_cpu:.2f} s CPU), "
        f"state opened on {crisis:.2f} s ({crisis_cpu:.2f} s CPU), median of {runs}"
    )


def _opened(log: Path | None) -> tuple[float, str]:
    """Seconds from a fresh process's spawn to the first state shown (``None``: the peer's
    first frame), the interpreter's own start included; and what the child opened."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(log) if log else "-", str(time.time())],
        check=True,
        capture_output=True,
        text=True,
    )
    took, said = done.stdout.strip().split(" ", 1)
    return float(took), said


def _median(log: Path | None, runs: int) -> tuple[float, str]:
    times, said = [], ""
    for _ in range(runs):
        took, said = _opened(log)
        times.append(took)
    return statistics.median(times), said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3, help="warm and peer runs (median)")
    parser.add_argument("--cold-runs", type=int, default=1)
    parser.add_argument(
        "--log",
        type=Path,
        action="append",
        help="time this log instead, as it is (warm once indexed), each run (repeatable)",
    )
    parser.add_argument(
        "--parts",
        action="store_true",
        help="with --log: also time the rows listed and the state opened on, without the UI",
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--parts-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], float(args.child[1]))
        return
    if args.parts_child:
        _parts_child(args.parts_child)
        return
    bare, _ = _median(None, args.runs)
    print(f"bare Textual app, open to first frame: {bare:6.2f} s (median of {args.runs})")
    if args.log:
        for log in args.log:
            times = [_opened(log) for _ in range(args.runs)]
            spread = " ".join(f"{took:.2f}" for took, _ in sorted(times))
            print(
                f"{log}: {statistics.median(t for t, _ in times):.2f} s ({spread})  {times[0][1]}"
            )
            if args.parts:
                print(f"{log}: {_parts(log, args.runs)}")
        return
    print(f"{'log':<28} {'cold':>8} {'warm':>8} {'cold/warm':>10} {'warm/bare':>10}  shown")
    with tempfile.TemporaryDirectory() as folder:
        for entries in args.entries:
            for dyads in (10, 1):
                log = Path(folder) / f"synthetic-{entries}-{dyads}.jsonl"
                synth = ["synth", "--entries", str(entries), "--dyads", str(dyads)]
                subprocess.run(
                    [*_TRACKER, *synth, "--output", str(log)],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                cold, _ = _median(log, args.cold_runs)
                subprocess.run(
                    [*_TRACKER, "index", "--log", str(log)], check=True, stdout=subprocess.DEVNULL
                )
                warm, said = _median(log, args.runs)
                name = f"{entries:,} entries, {dyads} dyad(s)"
                print(
                    f"{name:<28} {cold:7.2f}s {warm:7.2f}s {cold / warm:9.1f}x {warm / bare:9.1f}x"
                    f"  {said}"
                )
    print(f"cold: median of {args.cold_runs}, warm: median of {args.runs}; each a fresh process")


if __name__ == "__main__":
    main()
