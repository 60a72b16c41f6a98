"""The states an analyst expects from Australia–China 2020–2024, written down from what its
events mean before the log was replayed: ministers' calls left unanswered, duties and bans on
barley, wine and lobster written as economic measures (the duties announced, the lobster ban
never), the Strategic Economic Dialogue suspended, the freeze broken by a meeting of defence
ministers, the foreign ministers' dialogue held again, the duties lifted one by one, the economic
dialogue revived and the last ban lifted."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from histories import at, awaited, episode, fulfilled, in_force, replayed
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker

AUSTRALIA_CHINA = Path(__file__).parent / "episodes" / "australia-china-2020-2024.jsonl"

FREEZE, SED = "high_level_political", "strategic_economic_dialogue"
BARLEY, WINE, LOBSTER = (
    "barley_duties",
    "wine_duties",
    "lobster_ban",
)
MOU = "canberra-mou-revives-economic-dialogue-2024-06-17"


australia_china = episode(AUSTRALIA_CHINA)


def test_the_episode_is_valid_of_one_pair_and_rests_on_citations() -> None:
    assert not tracker.check_log(AUSTRALIA_CHINA)
    log = tracker.read_log(AUSTRALIA_CHINA)
    assert len({entry.parties for entry in log.entries}) == 1
    assert all(source.url and not source.quotes for e in log.entries for source in e.sources)


def test_no_anomaly_in_the_episode(australia_china: tracker.Replay) -> None:
    assert not at(australia_china, "2024-12-31").anomalies


@functools.cache
def _replay() -> tracker.Replay:
    """One replay for the drawn days: a module fixture cannot be used under ``given``."""
    return replayed(AUSTRALIA_CHINA)


@settings(max_examples=40, deadline=None)
@given(day=st.dates(date(2020, 5, 17), date(2022, 6, 11)))
def test_no_minister_met_and_the_dialogue_stays_suspended(day: date) -> None:
    assert _replay().at(day).phase is tracker.Phase.SUSPENDED


@settings(max_examples=40, deadline=None)
@given(day=st.dates(date(2022, 12, 21), date(2024, 12, 19)))
def test_dialogue_open_and_trade_still_under_sanctions(day: date) -> None:
    state = _replay().at(day)
    assert state.phase is tracker.Phase.STRAINED  # duties and bans coerce: no channel is shut
    assert ("CHN", LOBSTER) in in_force(state)


def test_unanswered_calls_freeze_the_dialogue(australia_china: tracker.Replay) -> None:
    assert at(australia_china, "2020-05-16").phase is tracker.Phase.NORMAL
    state = at(australia_china, "2020-05-17")
    (freeze,) = state.in_force()
    assert freeze.target == FREEZE
    assert not freeze.formal
    assert state.phase is tracker.Phase.SUSPENDED


def test_duties_and_bans_take_force_on_their_days(australia_china: tracker.Replay) -> None:
    assert ("CHN", BARLEY) not in in_force(at(australia_china, "2020-05-18"))
    assert ("CHN", BARLEY) in in_force(at(australia_china, "2020-05-19"))
    assert ("CHN", LOBSTER) in in_force(at(australia_china, "2020-11-04"))
    assert ("CHN", WINE) in in_force(at(australia_china, "2021-03-31"))
    state = at(australia_china, "2021-05-07")
    assert state.channels[SED] is tracker.ChannelStatus.SUSPENDED
    assert in_force(state) == {("CHN", c) for c in (FREEZE, BARLEY, LOBSTER, WINE, SED)}
    assert state.level < at(australia_china, "2020-05-18").level


def test_the_defence_ministers_break_the_freeze(australia_china: tracker.Replay) -> None:
    state = at(australia_china, "2022-06-13")
    assert ("CHN", FREEZE) not in in_force(state)  # no business as usual ends with a meeting
    assert ("CHN", SED) in in_force(state)
    assert state.phase is tracker.Phase.CONTACTS_RESUMED
    assert at(australia_china, "2022-11-16").phase is tracker.Phase.CONTACTS_RESUMED


def test_the_foreign_ministers_dialogue_opens_the_way_to_the_economic_one(
    australia_china: tracker.Replay,
) -> None:
    state = at(australia_china, "2022-12-22")
    assert state.channels[SED] is tracker.ChannelStatus.RESUMPTION_DECIDED
    assert ("CHN", SED) in in_force(state)  # to be restarted, not yet restarted
    # The foreign ministers have met formally: what stands of the dialogue's suspension was
    # eased, and the duties and the ban strain the relationship without shutting a channel.
    assert state.phase is tracker.Phase.STRAINED
    assert state.level > at(australia_china, "2022-06-11").level


def test_the_duties_are_lifted_one_by_one(australia_china: tracker.Replay) -> None:
    assert ("CHN", BARLEY) in in_force(at(australia_china, "2023-08-04"))
    assert ("CHN", BARLEY) not in in_force(at(australia_china, "2023-08-05"))
    assert ("CHN", WINE) in in_force(at(australia_china, "2024-03-28"))
    state = at(australia_china, "2024-03-29")
    assert in_force(state) == {("CHN", SED), ("CHN", LOBSTER)}


def test_the_economic_dialogue_is_revived_and_meets(australia_china: tracker.Replay) -> None:
    revived = at(australia_china, "2024-06-18")
    assert in_force(revived) == {("CHN", LOBSTER)}
    assert ("council_meeting", MOU) in awaited(revived)
    met = at(australia_china, "2024-09-27")
    assert ("council_meeting", MOU, "strategic-economic-dialogue-beijing-2024-09-26") in fulfilled(
        met
    )
    assert met.channels[SED] is tracker.ChannelStatus.ACTIVE


def test_the_last_ban_lifted_normalizes_relations(australia_china: tracker.Replay) -> None:
    state = at(australia_china, "2024-12-20")
    assert not state.in_force()
    assert state.phase is tracker.Phase.NORMALIZED
    assert state.level > at(australia_china, "2021-05-07").level
