"""The states an analyst expects from the third bundled log, events/nato-russia-2018-2022.jsonl,
replayed after the other two: expulsions and caps on Russia's mission in 2018 and 2021, Russia's
answer that closed every mission, the one council meeting of January 2022, and what followed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from histories import at

import tracker

EVENTS = Path(__file__).parent.parent / "events"
LOGS = ("nato-russia.jsonl", "nato-russia-2009-2014.jsonl", "nato-russia-2018-2022.jsonl")
MISSION = "rus_mission_to_nato"


@pytest.fixture(scope="module")
def history() -> tracker.Replay:
    """The three bundled NATO–Russia logs, replayed together."""
    entries = [e for name in LOGS for e in tracker.read_log(EVENTS / name).entries]
    return tracker.Replay(entries, dyad=tracker.DEFAULT_DYAD)


def _in_force(state: tracker.State) -> list[tuple[str, str, str]]:
    return sorted((m.by, m.target, m.entry) for m in state.in_force())


def test_the_third_log_is_valid_and_rests_on_citations() -> None:
    path = EVENTS / LOGS[-1]
    assert not tracker.check_log(path)
    log = tracker.read_log(path)
    assert all(source.url and not source.quotes for e in log.entries for source in e.sources)


def test_expulsions_and_a_cap_weigh_on_the_level_but_not_on_the_phase(
    history: tracker.Replay,
) -> None:
    before, after = at(history, "2018-03-26"), at(history, "2018-03-28")
    assert before.phase is after.phase is tracker.Phase.COOPERATION_SUSPENDED
    on_mission = {entry for by, target, entry in _in_force(after) if target == MISSION}
    assert {
        "nato-withdraws-accreditation-seven-2018-03-27",
        "nato-caps-russian-mission-twenty-2018-03-27",
    } <= on_mission
    assert after.level < before.level


def test_accreditations_withdrawn_stand_at_once_the_cap_from_its_day(
    history: tracker.Replay,
) -> None:
    # The eight lose their accreditation the day NATO withdraws it, however long they are
    # given to leave; the mission's new size applies from the end of the month.
    state = at(history, "2021-10-07")
    entries = {entry for _, _, entry in _in_force(state)}
    assert "nato-withdraws-accreditation-eight-2021-10-06" in entries
    assert "nato-caps-russian-mission-ten-2021-10-06" not in entries
    assert "nato-caps-russian-mission-ten-2021-10-06" in {
        entry for _, _, entry in _in_force(at(history, "2021-11-01"))
    }


def test_a_new_cap_replaces_the_one_before(history: tracker.Replay) -> None:
    caps = [
        m for m in at(history, "2021-11-02").measures.values() if m.effect is tracker.Effect.CAP
    ]
    by_entry = {m.entry: m for m in caps}
    old = by_entry["nato-caps-russian-mission-twenty-2018-03-27"]
    new = by_entry["nato-caps-russian-mission-ten-2021-10-06"]
    assert [(x.entry, x.on) for x in old.liftings] == [(new.entry, date(2021, 10, 31))]
    in_force = {entry for _, _, entry in _in_force(at(history, "2021-11-02"))}
    assert new.entry in in_force
    assert old.entry not in in_force
    assert old.entry in {entry for _, _, entry in _in_force(at(history, "2021-10-30"))}


def test_every_mission_closed_with_no_meeting_since_is_severed(history: tracker.Replay) -> None:
    assert at(history, "2021-10-31").phase is tracker.Phase.COOPERATION_SUSPENDED
    state = at(history, "2021-11-02")
    assert state.phase is tracker.Phase.SEVERED
    closed = {(by, target) for by, target, _ in _in_force(state)}
    assert {
        ("RUS", MISSION),
        ("RUS", "nato_information_office_moscow"),
        ("RUS", "nato_military_liaison_mission_moscow"),
    } <= closed


def test_the_council_of_january_2022_reopens_the_dialogue_for_a_year(
    history: tracker.Replay,
) -> None:
    state = at(history, "2022-01-13")
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    done = [(d.pending.source, d.by) for d in state.fulfilled.values()]
    assert ("nrc-meeting-convened-2021-12-26", "nrc-ambassadors-2022-01-12") in done
    assert at(history, "2022-02-25").phase is tracker.Phase.COOPERATION_SUSPENDED
    year_after = date(2022, 1, 12) + timedelta(days=366)
    assert history.at(year_after).phase is tracker.Phase.SEVERED


def test_the_invasion_is_condemned_and_lowers_the_level(history: tracker.Replay) -> None:
    before, state = at(history, "2022-02-23"), at(history, "2022-02-25")
    assert state.level < before.level
    assert _in_force(state) == _in_force(before)  # a condemnation is a statement, not a measure
    assert state.phase is before.phase


def test_no_anomaly_on_the_later_history(history: tracker.Replay) -> None:
    assert not at(history, "2024-12-31").anomalies
