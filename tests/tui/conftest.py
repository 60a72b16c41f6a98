"""Fixtures of the terminal UI tests: the logs they open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from attrs import evolve

import tracker


@pytest.fixture(autouse=True)
def settings_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A config folder of the test's own: the UI never reads or writes the user's settings."""
    home = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


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
