"""What ``explain phase`` names: the latest entry known by the day whose folding changed the
phase read on that day, found through a replay's checkpoints as a fold entry by entry finds it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker import Entry, State, apply
from tracker.strategies import logs

DYAD = tracker.DEFAULT_DYAD
LOGS = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])


def _known(log: tuple[Entry, ...], day: date | None, known_at: date | None) -> list[Entry]:
    """The entries of the dyad on or before ``day`` and reported by ``known_at``, in order."""
    return [
        e
        for e in sorted(log, key=lambda e: e.on)
        if e.parties == DYAD
        and (day is None or e.on <= day)
        and (known_at is None or e.reported <= known_at)
    ]


def _states(entries: list[Entry]) -> list[State]:
    """The state before each entry and after the last, applied one at a time."""
    states = [State(DYAD)]
    for entry in entries:
        states.append(apply(states[-1], entry))
    return states


def _days(log: tuple[Entry, ...]) -> st.SearchStrategy[date]:
    seen = sorted({d for e in log for d in (e.on, e.reported, e.on + timedelta(days=40))})
    return st.sampled_from(seen or [date(2008, 1, 1)])


@st.composite
def _asked(draw: st.DrawFn) -> tuple[tuple[Entry, ...], date | None, date | None, int]:
    log = draw(logs(max_size=24))
    day = draw(st.none() | _days(log))
    known_at = draw(st.none() | _days(log))
    return log, day, known_at, draw(st.integers(1, 5))


def _named(replay: tracker.Replay, day: date | None, known_at: date | None) -> tuple[str, ...]:
    (explained,) = replay.explain("phase", day, known_at=known_at)
    return explained.entries


@LOGS
@given(_asked())
def test_the_entry_named_is_the_last_whose_folding_moved_the_phase_on_the_day(
    asked: tuple[tuple[Entry, ...], date | None, date | None, int],
) -> None:
    log, day, known_at, every = asked
    replay = tracker.Replay(log, dyad=DYAD, every=every)
    named = _named(replay, day, known_at)
    entries = _known(log, day, known_at)
    phases = [state.as_of(day, known_at).phase for state in _states(entries)]
    phase = phases[-1]
    assert replay.at(day, known_at=known_at).phase is phase
    if not named:
        # No entry moved it: it is the phase of a state of no entries, and every state on the
        # way had it on the day.
        assert phases == [State(DYAD).as_of(day, known_at).phase] * len(phases)
        return
    (entry_id,) = named
    place = [e.id for e in entries].index(entry_id)
    assert phases[place] is not phase  # before it, another phase on the day
    assert set(phases[place + 1 :]) == {phase}  # from it on, this one


@LOGS
@given(logs(max_size=24), st.integers(1, 5))
def test_after_every_day_it_is_what_the_fold_recorded(log: tuple[Entry, ...], every: int) -> None:
    replay = tracker.Replay(log, dyad=DYAD, every=every)
    recorded = replay.final.provenance.get("phase")
    assert _named(replay, None, None) == (() if recorded is None else (recorded,))


@LOGS
@given(_asked())
def test_entries_after_the_day_name_nothing_else(
    asked: tuple[tuple[Entry, ...], date | None, date | None, int],
) -> None:
    log, day, known_at, every = asked
    whole = tracker.Replay(log, dyad=DYAD, every=every)
    cut = tracker.Replay(_known(log, day, known_at), dyad=DYAD, every=every)
    assert _named(whole, day, known_at) == _named(cut, day, None)
