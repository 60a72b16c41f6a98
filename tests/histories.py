"""What the episode tests read of a replayed history: an episode's log replayed, the state on a
day written as text, the measures, expectations and fulfilments of a state as plain tuples
to compare, and the test that what holds over a span of days holds on any day drawn from it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker


def episode_id(value: object) -> str:
    """A test id: an episode's file name, or a day as written."""
    return value.stem if isinstance(value, Path) else str(value)


def replayed(path: Path) -> tracker.Replay:
    """The one dyad of an episode's log, replayed."""
    (replay,) = tracker.replays(tracker.read_log(path).entries).values()
    return replay


@functools.cache
def shared_replay(path: Path) -> tracker.Replay:
    """One replay of an episode's log for every test that reads it: drawn days, parameters."""
    return replayed(path)


def episode(path: Path) -> Any:
    """A module-scoped fixture, named by the attribute it is assigned to: the replay of the
    episode's log at ``path``, the one the span tests of :func:`holds_on_any_day` read too."""

    @pytest.fixture(scope="module")
    def history() -> tracker.Replay:
        return shared_replay(path)

    return history


def at(history: tracker.Replay, day: str) -> tracker.State:
    """The state of ``history`` on ``day`` (``YYYY-MM-DD``)."""
    return history.at(date.fromisoformat(day))


def in_force(state: tracker.State) -> set[tuple[str, str]]:
    """Who has a measure in force on what."""
    return {(measure.by, measure.target) for measure in state.in_force()}


def awaited(state: tracker.State) -> set[tuple[str, str]]:
    """The expectations pending: their kind and the entry that stated them."""
    return {(item.kind, item.source) for item in state.awaited()}


def fulfilled(state: tracker.State) -> set[tuple[str, str, str]]:
    """The expectations fulfilled: their kind, the entry that stated them, the one that did."""
    return {(done.pending.kind, done.pending.source, done.by) for done in state.fulfilled.values()}


def phase_is(*phases: tracker.Phase) -> Callable[[tracker.State], bool]:
    """What holds of a state whose phase is one of ``phases``, for :func:`holds_on_any_day`."""

    def holds(state: tracker.State) -> bool:
        return state.phase in phases

    return holds


def holds_on_any_day(spans: Sequence[Any]) -> Callable[..., None]:
    """A test, one case per span of ``spans`` (``pytest.param(path, first, last, holds)``), that
    ``holds`` is true of the episode's state on any day Hypothesis draws from ``first`` to
    ``last`` (shrinking towards ``first``)."""

    @pytest.mark.parametrize(("path", "first", "last", "holds"), spans)
    @settings(max_examples=40, deadline=None)
    @given(data=st.data())
    def test(
        path: Path,
        first: str,
        last: str,
        holds: Callable[[tracker.State], bool],
        data: st.DataObject,
    ) -> None:
        days = st.dates(date.fromisoformat(first), date.fromisoformat(last))
        assert holds(shared_replay(path).at(data.draw(days, label="day")))

    return test
