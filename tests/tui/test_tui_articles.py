"""The sources pane reads articles off the UI thread, and says why an article is not shown:
a log cannot freeze the terminal UI nor make it show a file from elsewhere."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from deadline import deadline
from pilots import scenario, settle, until
from textual.widgets import Static

from tracker._articles import read_article
from tracker.tui import TrackerApp
from tracker.tui.screens.problems import ProblemsScreen
from tracker.tui.widgets.sources import SourcesView


def _cite(log: Path, name: str) -> None:
    """Make every source of the log cite the article ``name``."""
    entries = [orjson.loads(line) for line in log.read_bytes().splitlines()]
    for data in entries:
        for source in data["sources"]:
            source["article"] = name
    log.write_bytes(b"".join(orjson.dumps(data) + b"\n" for data in entries))


def _pane(app: TrackerApp) -> list[str]:
    return [str(widget.render()) for widget in app.main.query_one(SourcesView).query(Static)]


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "held.txt")


def _latin1(folder: Path) -> None:
    (folder / "held.txt").write_bytes("Le café.".encode("latin-1"))


def _elsewhere(folder: Path) -> None:
    (folder.parent / "secret.txt").write_text("the launch codes are 0000\n")
    (folder / "held.txt").symlink_to(folder.parent / "secret.txt")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_fifo, "not a regular file but a FIFO"),
        (_latin1, "not UTF-8 text: byte 0xe9 at offset 6 cannot be decoded"),
        (_elsewhere, "not a regular file but a symbolic link"),
    ],
)
@scenario
async def test_an_article_refused_is_said_and_q_still_quits(
    nato_log: Path, make: Callable[[Path], None], reason: str
) -> None:
    _cite(nato_log, "held.txt")
    make(nato_log.parent / "articles")
    app = TrackerApp(nato_log)
    with deadline(30, f"the terminal UI on an article {reason}"):
        async with app.run_test() as pilot:
            await settle(pilot)
            pane = _pane(app)
            assert f"(article not shown: {reason})" in pane
            assert not any("launch codes" in text for text in pane)
            await pilot.press("q")
        assert app.return_code == 0


class Gate:
    """Holds every read of an article until opened, so a test can act while one runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.entered = threading.Event()
        self.opened = threading.Event()
        self.left = threading.Event()
        monkeypatch.setattr("tracker.tui.widgets.sources.read_article", self.read)

    def read(self, folder: Path, name: str) -> str:
        self.entered.set()
        self.opened.wait(timeout=10)
        self.left.set()
        return read_article(folder, name)


@scenario
async def test_a_slow_article_never_holds_up_the_ui(
    nato_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    app = TrackerApp(nato_log)
    try:
        async with app.run_test() as pilot:
            await until(pilot, gate.entered.is_set, "a read of an article")
            start = app.main.cursor
            await pilot.press("down")
            await until(pilot, lambda: app.main.cursor == start + 1, "the cursor on the next entry")
            assert not gate.left.is_set(), "the UI waited for the read"
            await pilot.press("q")
            assert not gate.left.is_set(), "the UI waited for the read"
        assert app.return_code == 0
    finally:
        gate.opened.set()


@scenario
async def test_a_log_that_is_a_device_opens_on_its_problem() -> None:
    app = TrackerApp(Path("/dev/zero"))
    with deadline(30, "the terminal UI on /dev/zero"):
        async with app.run_test() as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ProblemsScreen)
            listed = [str(widget.render()) for widget in app.screen.query(".problem")]
            assert listed == [
                "/dev/zero: cannot read the log: not a regular file but a character device"
            ]
