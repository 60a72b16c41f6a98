"""The states an analyst expects from United States–Venezuela 2019–2024, written down from what
the events mean before the log was replayed: Washington's recognition of Guaidó, Maduro's break
of relations, the oil sanctions, the embassy in Caracas emptied, a White House delegation
received by Maduro, the oil sanctions eased after the Barbados agreement and applied again
six months later."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from histories import at, episode, holds_on_any_day, in_force, shared_replay
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker

US_VENEZUELA = Path(__file__).parent / "episodes" / "us-venezuela-2019-2024.jsonl"
RELATIONS = "diplomatic_relations"
OIL = "venezuela_oil_sanctions"
CARACAS = "usa_embassy_caracas"


history = episode(US_VENEZUELA)


def _severed(state: tracker.State) -> bool:
    # Maduro's break stands and no party has decided to restore relations: whatever is met,
    # eased or imposed meanwhile, relations stay broken off.
    return (
        ("VEN", RELATIONS) in in_force(state)
        and state.phase is tracker.Phase.SEVERED
        and state.level < 0
    )


SPANS = [
    pytest.param(US_VENEZUELA, "2019-01-23", "2024-12-31", _severed, id="severed"),
]

test_what_holds_while_relations_are_broken_holds_on_any_day = holds_on_any_day(SPANS)


def test_recognising_a_rival_government_takes_no_measure(history: tracker.Replay) -> None:
    # The break is Venezuela's answer; the recognition itself is a statement of policy.
    state = at(history, "2019-01-23")
    assert {measure.entry for measure in state.in_force()} == {
        "maduro-breaks-relations-with-the-us-2019-01-23",
        "maduro-gives-us-diplomats-72-hours-to-leave-2019-01-23",
    }


def test_the_oil_sanctions_and_the_empty_embassy_weigh_beside_the_break(
    history: tracker.Replay,
) -> None:
    broken, sanctioned = at(history, "2019-01-24"), at(history, "2019-02-15")
    assert ("USA", OIL) in in_force(sanctioned)
    assert sanctioned.level < broken.level
    assert ("USA", CARACAS) in in_force(at(history, "2019-03-15"))


def test_a_delegation_received_by_maduro_does_not_restore_relations(
    history: tracker.Replay,
) -> None:
    before, state = at(history, "2022-03-04"), at(history, "2022-03-06")
    assert state.phase is before.phase is tracker.Phase.SEVERED
    assert state.level >= before.level


def test_easing_the_oil_sanctions_raises_the_level_without_lifting_them(
    history: tracker.Replay,
) -> None:
    before, eased = at(history, "2023-09-15"), at(history, "2023-11-15")
    assert ("USA", OIL) in in_force(eased)
    assert before.level < eased.level < 0


def test_the_sanctions_applied_again_weigh_in_full(history: tracker.Replay) -> None:
    # Once the wind-down ends the oil sanctions bind again in full: the level is back below
    # where the easing had put it, as low as before the easing, the activity aside.
    eased, again = at(history, "2023-12-31"), at(history, "2024-06-15")
    assert again.level < eased.level
    assert again.pressure == at(history, "2023-09-15").pressure


@settings(max_examples=30, deadline=None)
@given(day=st.dates(date(2024, 6, 1), date(2024, 12, 31)))
def test_with_nothing_done_after_the_wind_down_the_level_holds(day: date) -> None:
    history = shared_replay(US_VENEZUELA)
    assert history.at(day).level == history.at(date(2024, 8, 1)).level
