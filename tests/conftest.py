"""Fixtures shared by the test suite: the bundled log and its replay."""

from __future__ import annotations

import pytest

import tracker


@pytest.fixture(scope="session")
def bundled() -> tracker.Log:
    """The NATO–Russia log that ships with tracker."""
    return tracker.read_log(tracker.bundled_log())


@pytest.fixture(scope="session")
def replay(bundled: tracker.Log) -> tracker.Replay:
    """The NATO–Russia replay of the bundled log."""
    return tracker.Replay(bundled.entries)
