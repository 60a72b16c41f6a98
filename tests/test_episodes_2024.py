"""The states an analyst expects from two episodes, written down from what their events mean
before the logs were replayed: Ecuador–Mexico 2024 (the ambassador declared persona non grata,
the raid on Mexico's embassy in Quito, relations broken off and the embassy closed, the two
cases at the International Court of Justice) and Czech Republic–Russia 2021 (the expulsions over
the Vrbětice blasts, the embassies capped to parity, Russia's list of unfriendly states)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from histories import at, episode, fulfilled, holds_on_any_day, in_force, shared_replay
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker

EPISODES = Path(__file__).parent / "episodes"
ECUADOR_MEXICO = EPISODES / "ecuador-mexico-2024.jsonl"
CZECH_RUSSIA = EPISODES / "czech-republic-russia-2021.jsonl"

RELATIONS = "diplomatic_relations"
QUITO = "mex_embassy_quito"
PRAGUE, MOSCOW = "rus_embassy_prague", "cze_embassy_moscow"
BREAK = "mexico-breaks-relations-with-ecuador-2024-04-05"
STAFF_LEAVE = "mexico-withdraws-its-staff-from-quito-2024-04-07"
CAPS = ("czechia-caps-russian-embassy-to-parity-2021-04-22", "russia-caps-czech-embassy-2021-04-22")


ecuador_mexico = episode(ECUADOR_MEXICO)
czech_russia = episode(CZECH_RUSSIA)


# -- both episodes ---------------------------------------------------------------------------


def test_a_break_weighs_more_than_expulsions_and_caps(
    ecuador_mexico: tracker.Replay, czech_russia: tracker.Replay
) -> None:
    # Months after the acts, with nothing lifted on either side: relations broken off and an
    # embassy closed read lower than two embassies cut down to a few dozen staff.
    assert at(ecuador_mexico, "2024-12-31").level < at(czech_russia, "2021-12-31").level


def _broken_off(state: tracker.State) -> bool:
    # Mexico's break stands, no party has decided to restore relations.
    broken = state.channels[RELATIONS] is tracker.ChannelStatus.SUSPENDED
    return broken and ("MEX", RELATIONS) in in_force(state) and state.level < 0


def _severed(state: tracker.State) -> bool:
    return state.phase is tracker.Phase.SEVERED and _broken_off(state)


def _missions_cut(state: tracker.State) -> bool:
    # Each side's measures on the other's embassy stand; no channel is shut, no embassy closed.
    cut = in_force(state) == {("CZE", PRAGUE), ("RUS", MOSCOW)}
    return cut and state.phase is tracker.Phase.STRAINED and state.level < 0


SPANS = [
    # From the night of the raid to the end of the year nothing restores relations.
    pytest.param(ECUADOR_MEXICO, "2024-04-05", "2024-12-31", _severed, id="ecuador-mexico-break"),
    # From the day Russia answered the Czech expulsions with its own, all year long.
    pytest.param(CZECH_RUSSIA, "2021-04-18", "2021-12-31", _missions_cut, id="czech-russia"),
]


test_what_holds_over_a_crisis_holds_on_any_day_of_it = holds_on_any_day(SPANS)


@settings(max_examples=40, deadline=None)
@given(
    first=st.dates(date(2024, 7, 1), date(2024, 12, 31)),
    second=st.dates(date(2024, 7, 1), date(2024, 12, 31)),
)
def test_with_nothing_done_the_broken_relations_read_the_same(first: date, second: date) -> None:
    # No act of either party after the spring: the break neither mends nor deepens.
    history = shared_replay(ECUADOR_MEXICO)
    assert history.at(first).level == history.at(second).level


@settings(max_examples=40, deadline=None)
@given(day=st.dates(date(2021, 4, 17), date(2021, 12, 31)))
def test_after_the_expulsions_the_level_stays_below_where_it_was(day: date) -> None:
    history = shared_replay(CZECH_RUSSIA)
    assert history.at(day).level < history.at(date(2021, 4, 16)).level


# -- Ecuador–Mexico 2024 ---------------------------------------------------------------------


def test_the_ambassador_declared_persona_non_grata_strains_relations(
    ecuador_mexico: tracker.Replay,
) -> None:
    before = at(ecuador_mexico, "2024-04-03")
    assert before.phase is tracker.Phase.NORMAL
    assert not before.in_force()
    state = at(ecuador_mexico, "2024-04-04")
    assert in_force(state) == {("ECU", QUITO)}
    assert state.phase is tracker.Phase.STRAINED  # an envoy expelled, every channel open
    assert state.level < before.level


def test_the_raid_and_the_break_sever_relations(ecuador_mexico: tracker.Replay) -> None:
    expelled = at(ecuador_mexico, "2024-04-04")
    state = at(ecuador_mexico, "2024-04-06")
    assert state.phase is tracker.Phase.SEVERED
    assert in_force(state) == {("ECU", QUITO), ("MEX", RELATIONS)}
    assert state.channels[RELATIONS] is tracker.ChannelStatus.SUSPENDED
    assert state.level < expelled.level


def test_the_break_is_known_the_night_it_is_announced(ecuador_mexico: tracker.Replay) -> None:
    day = date(2024, 4, 5)
    assert ecuador_mexico.at(day, known_at=date(2024, 4, 4)).phase is tracker.Phase.STRAINED
    assert ecuador_mexico.at(day, known_at=day).phase is tracker.Phase.SEVERED


def test_mexico_withdraws_its_staff_as_it_said_it_would(ecuador_mexico: tracker.Replay) -> None:
    assert ("MEX", QUITO) not in in_force(at(ecuador_mexico, "2024-04-06"))
    state = at(ecuador_mexico, "2024-04-08")
    assert ("MEX", QUITO) in in_force(state)
    assert ("presence_measure", BREAK, STAFF_LEAVE) in fulfilled(state)
    assert state.phase is tracker.Phase.SEVERED
    assert state.level <= at(ecuador_mexico, "2024-04-06").level


def test_the_cases_at_the_court_are_protests_not_measures(ecuador_mexico: tracker.Replay) -> None:
    before, state = at(ecuador_mexico, "2024-04-10"), at(ecuador_mexico, "2024-05-01")
    assert in_force(state) == in_force(before)
    assert state.phase is before.phase is tracker.Phase.SEVERED
    assert state.level <= before.level


# -- Czech Republic–Russia 2021 --------------------------------------------------------------


def test_the_expulsions_strain_relations_from_the_day_they_are_declared(
    czech_russia: tracker.Replay,
) -> None:
    # The staff declared persona non grata stop serving once notified; the 48 hours they
    # are given to leave do not keep relations normal.
    before = at(czech_russia, "2021-04-16")
    assert before.phase is tracker.Phase.NORMAL
    declared = at(czech_russia, "2021-04-17")
    assert in_force(declared) == {("CZE", PRAGUE)}
    assert declared.phase is tracker.Phase.STRAINED
    assert declared.level < before.level
    state = at(czech_russia, "2021-04-18")
    assert in_force(state) == {("CZE", PRAGUE), ("RUS", MOSCOW)}
    assert state.phase is tracker.Phase.STRAINED
    assert state.level < before.level


def test_the_caps_to_parity_take_force_at_the_end_of_may(czech_russia: tracker.Replay) -> None:
    def caps(day: str) -> set[str]:
        return {m.entry for m in at(czech_russia, day).in_force()} & set(CAPS)

    assert not caps("2021-05-30")
    assert caps("2021-05-31") == set(CAPS)
    assert at(czech_russia, "2021-05-31").phase is tracker.Phase.STRAINED


def test_the_unfriendly_list_adds_a_restriction(czech_russia: tracker.Replay) -> None:
    before, state = at(czech_russia, "2021-05-13"), at(czech_russia, "2021-05-14")
    listed = {m.entry for m in state.in_force()} - {m.entry for m in before.in_force()}
    assert listed == {"russia-lists-czechia-as-unfriendly-2021-05-14"}
    assert state.level <= before.level


def test_the_level_recovers_from_april_but_stays_below_neutral(
    czech_russia: tracker.Replay,
) -> None:
    late = at(czech_russia, "2021-12-31")
    assert at(czech_russia, "2021-04-21").level < late.level < 0
