"""How fast the terminal UI opens and steps on a long synthetic log.

Writes ``--entries`` synthetic entries to a temporary log, opens the app headless on it, puts
the cursor at ``--start`` (a fraction of the log) and presses down ``--steps`` times, twice:

- holding the key: each press waits only for the screen to update (the cursor and timeline
  move; the panes catch up on a worker thread once the cursor rests, when they are slow);
- settled: each press also waits for the panes to show the new entry's state and changes.

Prints the time to open (until the first entry's panes are shown) and, for each way of
stepping, the mean, median and 95th percentile time per step; then the same for a bare Textual
app whose down key only moves a counter, the peer that says what the harness itself costs.
With ``--indexed``, the log's index is built first and the app reads the dyad through it. Run::

    .venv/bin/python benchmarks/tui_step.py [--entries 100000] [--steps 200] [--indexed]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from tracker import dumps_entry
from tracker._index import build_index
from tracker._synth import synthesize
from tracker.tui import TrackerApp


async def _settle(pilot: Pilot[object]) -> None:
    """Wait until the panes show the entry under the cursor."""
    app = pilot.app
    assert isinstance(app, TrackerApp)
    while True:
        await pilot.pause()
        await app.workers.wait_for_complete()
        details = app.main.details
        if details is not None and details.index == app.main.cursor:
            break
        await pilot.pause(0.01)
    await pilot.pause()


def _summary(name: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"{name:<18} mean {statistics.fmean(seconds) * 1000:7.1f} ms   "
        f"p50 {statistics.median(seconds) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"
    )


class _Bare(App[None]):
    """The peer: a Textual app whose down key only moves a counter, in the same harness."""

    BINDINGS: ClassVar = [("down", "step", "Step")]
    steps = 0

    def compose(self) -> ComposeResult:
        yield Static("0")

    def action_step(self) -> None:
        self.steps += 1
        self.query_one(Static).update(str(self.steps))


async def _bare(steps: int, size: tuple[int, int]) -> list[float]:
    """Seconds per key press of the peer app."""
    times = []
    async with _Bare().run_test(size=size) as pilot:
        for _ in range(steps):
            tick = time.perf_counter()
            await pilot.press("down")
            times.append(time.perf_counter() - tick)
    return times


async def _measure(path: Path, steps: int, start: float, size: tuple[int, int]) -> None:
    app = TrackerApp(path)
    began = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        opened = time.perf_counter() - began
        main = app.main
        held = 0.0
        how = "read through the index" if main.story and main.story.indexed else "replayed"
        print(f"open               {opened:7.2f} s   ({len(main.entries)} entries {how})")
        for label, wait in (("step, key held", False), ("step, panes shown", True)):
            main.go_to(int(start * (len(main.entries) - 1)))
            await _settle(pilot)
            times = []
            for _ in range(steps):
                tick = time.perf_counter()
                await pilot.press("down")
                if wait:
                    await _settle(pilot)
                times.append(time.perf_counter() - tick)
            await _settle(pilot)
            print(_summary(label, times))
            held = held or statistics.median(times)
    bare = await _bare(steps, size)
    print(_summary("bare Textual app", bare))
    print(f"key held / bare app (p50): {held / statistics.median(bare):.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--dyads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--start", type=float, default=0.5, help="where to start, 0..1")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", default="120x40", help="terminal size, WxH")
    parser.add_argument("--indexed", action="store_true", help="build the log's index first")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.jsonl"
        entries = synthesize(args.entries, dyads=args.dyads, seed=args.seed)
        path.write_bytes(b"".join(dumps_entry(entry) + b"\n" for entry in entries))
        print(f"log                {args.entries} entries, {args.dyads} dyad(s), {args.size}")
        if args.indexed:
            build_index(path)
        asyncio.run(_measure(path, args.steps, args.start, (width, height)))


if __name__ == "__main__":
    main()
