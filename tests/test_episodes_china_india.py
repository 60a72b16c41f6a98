"""The states an analyst expects from China–India 2020–2024, written down from what the events
mean before the log was replayed: the deadly clash in the Galwan valley, India's protest and
its ban of Chinese apps, the foreign ministers' five points in Moscow, the patrolling agreement
of October 2024 and the two leaders' talks in Kazan."""

from __future__ import annotations

from pathlib import Path

import pytest
from histories import at, episode, fulfilled, holds_on_any_day, in_force

import tracker

CHINA_INDIA = Path(__file__).parent / "episodes" / "china-india-2020-2024.jsonl"
APPS = "chinese_apps_ban"
ANNOUNCED = "modi-xi-meeting-in-kazan-announced-2024-10-22"
KAZAN = "modi-and-xi-meet-in-kazan-2024-10-23"


history = episode(CHINA_INDIA)


def test_the_clash_strains_relations_with_nothing_in_force(history: tracker.Replay) -> None:
    # A deadly clash is an act of force, over once fought: no measure stands, yet relations are
    # strained and the level falls far while it is recent.
    before, state = at(history, "2020-06-14"), at(history, "2020-06-16")
    assert not state.in_force()
    assert state.phase is tracker.Phase.STRAINED
    assert state.level < before.level
    assert state.level <= -10


def _banned(state: tracker.State) -> bool:
    # India's ban of Chinese apps stands, never lifted: coercion, every channel open.
    return (
        in_force(state) == {("IND", APPS)}
        and state.phase is tracker.Phase.STRAINED
        and state.level < 0
    )


SPANS = [
    pytest.param(CHINA_INDIA, "2020-06-29", "2024-12-31", _banned, id="apps-banned"),
]

test_what_holds_while_the_ban_stands_holds_on_any_day = holds_on_any_day(SPANS)


def test_the_ministers_talks_ease_the_tone_after_the_clash(history: tracker.Replay) -> None:
    assert at(history, "2020-06-20").level < at(history, "2020-09-15").level < 0


def test_the_agreement_and_the_leaders_talks_raise_the_level(history: tracker.Replay) -> None:
    before, state = at(history, "2024-10-20"), at(history, "2024-10-24")
    assert state.level > before.level
    assert ("informal_meeting", ANNOUNCED, KAZAN) in fulfilled(state)
    assert state.phase is tracker.Phase.STRAINED  # the ban still stands
