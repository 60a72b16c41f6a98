"""The states an analyst expects from Netherlands–Turkey 2017–2018, written down from what the
events mean before the log was replayed: two Turkish ministers kept from referendum rallies in
Rotterdam, Turkey's freeze of high-level contacts and its ban on the Dutch ambassador's return,
the Dutch withdrawal of that ambassador and refusal of a new Turkish one a year later, and the
two foreign ministers' agreement to normalise relations."""

from __future__ import annotations

from pathlib import Path

import pytest
from histories import at, episode, holds_on_any_day, in_force

import tracker

NETHERLANDS_TURKEY = Path(__file__).parent / "episodes" / "netherlands-turkey-2017-2018.jsonl"
ANKARA, THE_HAGUE = "nld_embassy_ankara", "tur_embassy_the_hague"
DIALOGUE = "high_level_political"


history = episode(NETHERLANDS_TURKEY)


def test_barring_ministers_and_the_insults_take_no_measure(history: tracker.Replay) -> None:
    # Rallies forbidden and a protest in the harshest words: statements, nothing in force.
    state = at(history, "2017-03-12")
    assert state.phase is tracker.Phase.NORMAL
    assert not state.in_force()
    assert state.level < 0


def test_the_freeze_suspends_the_dialogue(history: tracker.Replay) -> None:
    before, state = at(history, "2017-03-12"), at(history, "2017-03-13")
    assert in_force(state) == {("TUR", DIALOGUE), ("TUR", ANKARA)}
    assert state.phase is tracker.Phase.SUSPENDED
    assert state.level < before.level


def _frozen(state: tracker.State) -> bool:
    # Turkey's freeze stands, no meeting and no decision to resume since.
    return (
        ("TUR", DIALOGUE) in in_force(state)
        and state.phase is tracker.Phase.SUSPENDED
        and state.level < 0
    )


def _normalised(state: tracker.State) -> bool:
    return not state.in_force() and state.phase is tracker.Phase.NORMALIZED


SPANS = [
    pytest.param(NETHERLANDS_TURKEY, "2017-03-13", "2018-07-19", _frozen, id="frozen"),
    pytest.param(NETHERLANDS_TURKEY, "2018-07-20", "2019-12-31", _normalised, id="normalised"),
]

test_what_holds_over_the_row_holds_on_any_day_of_it = holds_on_any_day(SPANS)


def test_the_dutch_answer_deepens_the_row(history: tracker.Replay) -> None:
    # A year on, the Dutch withdraw their own ambassador and refuse Turkey's next one: two
    # measures of their own on top of Turkey's, and the level falls below where the freeze kept it.
    before, state = at(history, "2018-01-31"), at(history, "2018-02-05")
    assert in_force(state) == {
        ("TUR", DIALOGUE),
        ("TUR", ANKARA),
        ("NLD", ANKARA),
        ("NLD", THE_HAGUE),
    }
    assert state.level < before.level


def test_the_joint_decision_lifts_what_either_side_took(history: tracker.Replay) -> None:
    before, state = at(history, "2018-07-19"), at(history, "2018-07-20")
    assert not state.in_force()
    assert state.level > before.level
