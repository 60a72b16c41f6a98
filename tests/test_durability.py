"""Appends under stress: concurrent writers lose nothing, a killed writer corrupts nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import tracker
from tracker._store import JsonlStore

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date
    import tracker

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    source = tracker.Source("Wire", "wire.txt", published=date(2009, 1, 1), quotes=("q",))
    for index in range(count):
        entry = tracker.InformalMeeting(
            id=f"{name}-{index}", on=date(2009, 1, 1), parties=tracker.Dyad("NATO", "RUS"),
            title=f"meeting {index} of writer {name}", format="lunch", sources=(source,),
        )
        tracker.append_entries(path, [entry])
    """
)


def _writers(path: Path, names: list[str], count: int) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(count)])
        for name in names
    ]


@pytest.mark.parametrize("suffix", [".jsonl", ".sqlite"])
def test_ten_writers_of_a_thousand_entries_lose_nothing(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"log{suffix}"
    names = [f"writer{number}" for number in range(10)]
    for process in _writers(path, names, 1000):
        assert process.wait(timeout=600) == 0
    log = tracker.read_log(path)  # every line valid, or this raises
    assert sorted(entry.id for entry in log.entries) == sorted(
        f"{name}-{index}" for name in names for index in range(1000)
    )
    for name in names:  # each writer's entries keep their order
        mine = [int(e.id.split("-")[1]) for e in log.entries if e.id.startswith(f"{name}-")]
        assert mine == sorted(mine)


def test_a_writer_killed_midway_leaves_its_committed_entries_intact(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    (writer,) = _writers(path, ["victim"], 100_000)
    deadline = time.monotonic() + 60
    while (not path.exists() or path.stat().st_size < 50_000) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    store = JsonlStore(path)
    problems = store.problems()
    # Whatever the kill interrupted, only a torn last line can be wrong, and it is named.
    assert all("the last line is incomplete" in problem.message for problem in problems)
    if problems:
        store.repair(tmp_path / "log.jsonl.bak")
    log = store.read()
    assert [entry.id for entry in log.entries] == [f"victim-{index}" for index in range(len(log))]
    assert len(log) > 10
