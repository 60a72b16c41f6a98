"""The level of relations on states of any pair: a standing measure is not outweighed by tone."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tracker import State
from tracker._state import ATTACK, ATTACK_WEIGHT
from tracker.strategies import dyads, states


@st.composite
def _states_of_a_pair(draw: st.DrawFn) -> tuple[State, State]:
    """Two states replayed from logs of the same drawn pair."""
    dyad = draw(dyads())
    return draw(states(dyad=dyad)), draw(states(dyad=dyad))


@given(_states_of_a_pair())
def test_measure_in_force_caps_the_level(pair: tuple[State, State]) -> None:
    """With pressure below 0 the level is at most the tone alone (none in force) and at most
    half the pressure; otherwise it is the sum of the two."""
    for state in pair:
        pressure, tone = state.pressure, state.recent_activity
        if pressure < 0:
            assert state.level <= round(tone, 2)
            assert state.level <= round(pressure / 2, 2)
        else:
            assert state.level == round(pressure + tone, 2)


def _attacking(state: State) -> int:
    """How many parties attacked the other in ``state``'s month or the month before."""
    if state.at is None:
        return 0
    index = state.at.year * 12 + state.at.month - 1
    since = date((index - 1) // 12, (index - 1) % 12 + 1, 1)
    return sum(
        1
        for party in (state.dyad.first, state.dyad.second)
        if (day := state.latest.get(f"{ATTACK}.{party}")) is not None and day >= since
    )


@given(_states_of_a_pair())
def test_no_measure_in_force_leaves_the_tone(pair: tuple[State, State]) -> None:
    """With no measure in force only a recent armed attack presses, once per party that
    attacked; with none, the level is the tone of recent months."""
    for state in pair:
        if not state.in_force():
            attacking = _attacking(state)
            assert state.pressure == attacking * ATTACK_WEIGHT
            if not attacking:
                assert state.level == round(state.recent_activity, 2)


@given(_states_of_a_pair())
def test_level_is_monotone_in_pressure_and_tone(pair: tuple[State, State]) -> None:
    """A state with no more pressure nor tone than another never stands higher."""
    low, high = sorted(pair, key=lambda state: (state.pressure, state.recent_activity))
    if low.recent_activity <= high.recent_activity:
        assert low.level <= high.level
