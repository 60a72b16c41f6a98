"""The states an analyst expects from Spain–Morocco 2021–2024, written down from what the events
mean before the log was replayed: Morocco's protest at the Polisario leader's admission to a
Spanish hospital, Spain's summons over the migrants let into Ceuta, Morocco's ambassador
recalled for ten months, the king's conciliatory speech, Spain's letter backing the autonomy
plan, the ambassador's return, the prime minister received by the king, and the high-level
meeting of the two governments held again after eight years."""

from __future__ import annotations

from pathlib import Path

import pytest
from histories import at, episode, fulfilled, holds_on_any_day, in_force

import tracker

SPAIN_MOROCCO = Path(__file__).parent / "episodes" / "morocco-spain-2021-2024.jsonl"
EMBASSY = "mar_embassy_madrid"
LETTER = "spain-backs-moroccan-autonomy-plan-2022-03-18"
KING_RECEIVES = "sanchez-received-by-mohammed-vi-2022-04-07"
BREAKFAST = "albares-and-bourita-set-the-high-level-meeting-2022-11-24"
SUMMIT = "twelfth-spain-morocco-high-level-meeting-2023-02-02"


history = episode(SPAIN_MOROCCO)


def test_a_protest_is_no_measure(history: tracker.Replay) -> None:
    # Rabat's displeasure at the admission of the Polisario leader is a statement: nothing is
    # in force, the phase is as it was, only the tone falls.
    state = at(history, "2021-05-01")
    assert state.phase is tracker.Phase.NORMAL
    assert not state.in_force()
    assert state.level < 0


def test_the_recall_strains_relations(history: tracker.Replay) -> None:
    summoned_before = at(history, "2021-05-01")
    state = at(history, "2021-05-18")
    assert in_force(state) == {("MAR", EMBASSY)}
    assert state.phase is tracker.Phase.STRAINED  # an envoy recalled, every channel open
    assert state.level < summoned_before.level


def _recalled(state: tracker.State) -> bool:
    return (
        in_force(state) == {("MAR", EMBASSY)}
        and state.phase is tracker.Phase.STRAINED
        and state.level < 0
    )


def _mended(state: tracker.State) -> bool:
    # Nothing in force, something was: the ambassador is back and no one took a measure since.
    return not state.in_force() and state.phase is tracker.Phase.NORMALIZED


SPANS = [
    # From the recall to the day before the ambassador's return, whatever was said meanwhile.
    pytest.param(SPAIN_MOROCCO, "2021-05-18", "2022-03-19", _recalled, id="recalled"),
    # From her return to the end of the log.
    pytest.param(SPAIN_MOROCCO, "2022-03-20", "2024-12-31", _mended, id="mended"),
]

test_what_holds_over_the_crisis_holds_on_any_day_of_it = holds_on_any_day(SPANS)


def test_the_recall_not_the_crisis_month_keeps_the_level_down(history: tracker.Replay) -> None:
    # By September the summons and the recall are months old and the king's speech is a
    # statement of policy, no act: the tone is back to nothing, and the recall still standing
    # is what holds the level below zero.
    before, after = at(history, "2021-06-15"), at(history, "2021-09-15")
    assert before.level < after.level < 0
    assert after.level == after.pressure


def test_the_letter_alone_does_not_end_the_recall(history: tracker.Replay) -> None:
    state = at(history, "2022-03-19")
    assert in_force(state) == {("MAR", EMBASSY)}
    assert state.phase is tracker.Phase.STRAINED


def test_the_visit_is_the_one_the_letter_announced(history: tracker.Replay) -> None:
    state = at(history, "2022-04-08")
    kinds = {(kind, stated) for kind, stated, by in fulfilled(state) if by == KING_RECEIVES}
    assert ("informal_meeting", LETTER) in kinds
    assert state.level > 0
    assert state.level > at(history, "2022-03-25").level


def test_the_high_level_meeting_fulfils_the_date_the_ministers_set(
    history: tracker.Replay,
) -> None:
    state = at(history, "2023-02-03")
    assert ("council_meeting", BREAKFAST, SUMMIT) in fulfilled(state)
    assert state.phase is tracker.Phase.NORMALIZED
    assert state.level > 0
