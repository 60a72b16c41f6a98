"""Fixtures shared by the test suite: the bundled log and its replay; Hypothesis without its
per-example deadline, a timing check that shared, loaded machines fail at random (speed is
measured by the benchmarks, not by the tests)."""

from __future__ import annotations

import pytest
from hypothesis import settings

import tracker

settings.register_profile("tracker", deadline=None)
settings.load_profile("tracker")


@pytest.fixture(scope="session")
def bundled() -> tracker.Log:
    """The NATO–Russia log that ships with tracker."""
    return tracker.read_log(tracker.bundled_log())


@pytest.fixture(scope="session")
def replay(bundled: tracker.Log) -> tracker.Replay:
    """The NATO–Russia replay of the bundled log."""
    return tracker.Replay(bundled.entries, dyad=tracker.DEFAULT_DYAD)
