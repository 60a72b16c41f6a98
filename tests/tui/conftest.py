"""Fixtures of the terminal UI tests: logs to open, and a pilot that waits for the workers."""

from __future__ import annotations

import asyncio
import functools
import shutil
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from textual.pilot import Pilot

import tracker


def scenario(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test (a Pilot scenario) to completion in its own event loop."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the log is loaded and the panes show the cursor's details."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def nato_log(tmp_path: Path) -> Path:
    """A copy of the bundled log, with its articles beside it."""
    source = tracker.bundled_log()
    shutil.copytree(source.parent / "articles", tmp_path / "articles")
    return Path(shutil.copy(source, tmp_path / "nato-russia.jsonl"))


@pytest.fixture
def late_log(tmp_path: Path) -> Path:
    """The bundled log with the second report of the 19 December lunch published on the 22nd."""
    entries = [
        evolve(entry, reported=tracker.parse_day("2008-12-22"))
        if entry.id == "sg-rogozin-lunch-2008-12-19-rferl"
        else entry
        for entry in tracker.read_log(tracker.bundled_log())
    ]
    path = tmp_path / "late.jsonl"
    tracker.append_entries(path, entries)
    return path
