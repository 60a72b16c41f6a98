"""The indexes a state keeps (the measures not wholly lifted, the earliest day a measure takes
force, the expectations not lapsed) are what its measures and expectations give, after every
step of any fold, so that reading only them never misses one."""

from __future__ import annotations

from datetime import date

import attrs
from attrs import evolve
from builders import expulsion, presence, replay_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import DEFAULT_DYAD, Day, Effect, Entry, Lifting, Measure, Precision, State, apply
from tracker.strategies import logs, states


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(logs(nonsense=True))
def test_the_index_of_unlifted_measures_follows_every_step(log: tuple[Entry, ...]) -> None:
    days = sorted({day for entry in log for day in (entry.on, entry.reported)})
    state = State(DEFAULT_DYAD)
    for entry in log:
        if entry.parties != DEFAULT_DYAD:
            continue
        state = apply(state, entry)
        rebuilt = State(state.dyad, measures=state.measures)
        assert dict(state.unlifted) == dict(rebuilt.unlifted)
        assert state.lifted_until >= rebuilt.lifted_until
        assert state.first_effective == rebuilt.first_effective
        indexed = {id(item) for item in state.unlapsed}
        for item in state.pending:  # each left out lapsed: no later entry awaits or restates it
            if id(item) not in indexed:
                assert item.lapsed(state.unlapsed_from)
        for day in [*days, None]:
            standing = {m.key for m in state.measures.values() if m.standing(day)}
            assert standing <= {m.key for m in state.may_stand(day)}
            if day is not None:  # the expectations that may be awaited, in their order
                awaited = {id(item) for item in state.may_await(day)}
                in_order = [id(item) for item in state.pending if id(item) in awaited]
                assert [id(item) for item in state.may_await(day)] == in_order
                assert all(id(item) in awaited for item in state.pending if not item.lapsed(day))
            assert evolve(state, at=day).in_force() == [
                m
                for m in sorted(
                    state.measures.values(), key=lambda m: (m.effective.toordinal(), m.key)
                )
                if m.in_force(day)
            ]


def test_a_measure_lifted_later_than_the_day_asked_still_stands_that_day() -> None:
    measure = Measure(
        entry="suspension",
        by="NATO",
        target="nrc",
        effect=Effect.SUSPEND,
        role="forum",
        announced=date(2008, 8, 19),
        effective=date(2008, 8, 19),
        weight=-4.0,
        liftings=[Lifting("resumption", date(2009, 3, 5))],
    )
    state = State(DEFAULT_DYAD, measures=[measure])
    assert dict(state.unlifted) == {}
    assert state.lifted_until == date(2009, 3, 5)
    assert list(state.may_stand(date(2009, 3, 4))) == [measure]
    assert list(state.may_stand(date(2009, 3, 5))) == []
    assert evolve(state, at=date(2009, 1, 1)).in_force() == [measure]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(states(), st.none() | st.dates(), st.none() | st.dates())
def test_a_state_as_of_a_day_is_its_evolved_copy_sharing_every_part(
    state: State, at: date | None, known_at: date | None
) -> None:
    seen = state.as_of(at, known_at)
    assert seen == evolve(state, at=at, known_at=known_at)
    assert seen.measures is state.measures
    assert dict(seen.unlifted) == dict(evolve(state, at=at).unlifted)
    assert seen.in_force() == evolve(state, at=at, known_at=known_at).in_force()


def test_the_earliest_day_in_force_is_a_day_whatever_the_precision_it_is_stated_to() -> None:
    # An expulsion known to its month, placed on the day it was reported, and a closure of that
    # same day: whichever comes first in the log, the earliest day is that one plain day.
    known_to_month = attrs.evolve(expulsion("2008-01-01"), on=Day(2008, 1, 1, Precision.MONTH))
    closure = presence("2008-01-01", "closed")
    for folded in (replay_of(known_to_month, closure), replay_of(closure, known_to_month)):
        rebuilt = State(folded.dyad, measures=folded.measures)
        assert folded.first_effective == rebuilt.first_effective == date(2008, 1, 1)
        assert type(folded.first_effective) is type(rebuilt.first_effective) is date
