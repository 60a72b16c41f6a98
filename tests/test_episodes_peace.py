"""The states an analyst expects from Eritrea–Ethiopia 1998–2019, written down from what its
events mean before the log was replayed: relations cut, embassies shut and the border closed by
both in the war of 1998 (known to the year), twenty years without relations, the leaders' meeting
in Asmara and the declaration that restores relations, the embassies reopened, the border opened
on the Ethiopian New Year, then shut again by Eritrea without a word."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from histories import at, episode, in_force, replayed
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker

ERITREA_ETHIOPIA = Path(__file__).parent / "episodes" / "eritrea-ethiopia-1998-2019.jsonl"
RELATIONS, BORDER = "diplomatic_relations", "border_crossing_cooperation"
EMBASSIES = {("ERI", "eri_embassy_addis_ababa"), ("ETH", "eth_embassy_asmara")}


eritrea_ethiopia = episode(ERITREA_ETHIOPIA)


@functools.cache
def _replay() -> tracker.Replay:
    """One replay for the drawn days: a module fixture cannot be used under ``given``."""
    return replayed(ERITREA_ETHIOPIA)


def test_the_episode_is_valid_of_one_pair_and_rests_on_citations() -> None:
    assert not tracker.check_log(ERITREA_ETHIOPIA)
    log = tracker.read_log(ERITREA_ETHIOPIA)
    assert len({entry.parties for entry in log.entries}) == 1
    assert all(source.url and not source.quotes for e in log.entries for source in e.sources)


def test_no_anomaly_in_the_episode(eritrea_ethiopia: tracker.Replay) -> None:
    assert not at(eritrea_ethiopia, "2019-12-31").anomalies


@settings(max_examples=40, deadline=None)
@given(day=st.dates(date(1999, 1, 1), date(2018, 7, 8)))
def test_twenty_years_without_relations_are_severed(day: date) -> None:
    state = _replay().at(day)
    assert state.phase is tracker.Phase.SEVERED
    assert {("ERI", RELATIONS), ("ETH", RELATIONS)} <= in_force(state)


@settings(max_examples=40, deadline=None)
@given(day=st.dates(date(2018, 12, 26), date(2019, 12, 31)))
def test_the_border_shut_again_suspends_cooperation_not_relations(day: date) -> None:
    state = _replay().at(day)
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert in_force(state) == {("ERI", BORDER)}


def test_a_war_known_to_its_year_is_placed_at_its_end(eritrea_ethiopia: tracker.Replay) -> None:
    assert at(eritrea_ethiopia, "1998-12-30").phase is tracker.Phase.NORMAL
    state = at(eritrea_ethiopia, "1998-12-31")
    assert state.phase is tracker.Phase.SEVERED
    assert in_force(state) == {
        ("ERI", RELATIONS),
        ("ETH", RELATIONS),
        ("ERI", BORDER),
        ("ETH", BORDER),
        *EMBASSIES,
    }


def test_the_leaders_meeting_alone_restores_nothing(eritrea_ethiopia: tracker.Replay) -> None:
    state = at(eritrea_ethiopia, "2018-07-08")
    assert state.phase is tracker.Phase.SEVERED  # relations stay cut until decided otherwise
    assert state.level > at(eritrea_ethiopia, "2018-06-01").level


def test_the_declaration_restores_relations_and_promises_the_border(
    eritrea_ethiopia: tracker.Replay,
) -> None:
    state = at(eritrea_ethiopia, "2018-07-10")
    assert not {("ERI", RELATIONS), ("ETH", RELATIONS)} & in_force(state)
    assert state.channels[RELATIONS] is tracker.ChannelStatus.ACTIVE
    assert state.channels[BORDER] is tracker.ChannelStatus.RESUMPTION_DECIDED
    assert in_force(state) >= EMBASSIES  # the embassies are still shut
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level > at(eritrea_ethiopia, "2018-07-07").level


def test_each_embassy_reopens_on_its_day(eritrea_ethiopia: tracker.Replay) -> None:
    assert ("ERI", "eri_embassy_addis_ababa") not in in_force(at(eritrea_ethiopia, "2018-07-16"))
    assert ("ETH", "eth_embassy_asmara") in in_force(at(eritrea_ethiopia, "2018-07-16"))
    assert ("ETH", "eth_embassy_asmara") not in in_force(at(eritrea_ethiopia, "2018-09-11"))


def test_the_open_border_normalizes_relations(eritrea_ethiopia: tracker.Replay) -> None:
    state = at(eritrea_ethiopia, "2018-09-11")
    assert not state.in_force()
    assert state.phase is tracker.Phase.NORMALIZED
    assert state.level > at(eritrea_ethiopia, "2018-07-10").level


def test_the_border_shut_without_a_word_is_a_de_facto_measure_known_when_reported(
    eritrea_ethiopia: tracker.Replay,
) -> None:
    state = at(eritrea_ethiopia, "2018-12-27")
    (closure,) = state.in_force()
    assert (closure.by, closure.target, closure.formal) == ("ERI", BORDER, False)
    assert state.level < at(eritrea_ethiopia, "2018-09-12").level
    as_known = eritrea_ethiopia.at(date(2018, 12, 27), known_at=date(2018, 12, 27))
    assert as_known.phase is tracker.Phase.NORMALIZED  # reported on 28 December
