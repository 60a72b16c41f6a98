"""The states an analyst expects from real history after the five articles: the bundled
2008-09 log followed by events/nato-russia-2009-2014.jsonl (the 2009 return to a formal
council, the 2014 suspension of practical cooperation with the dialogue kept open)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest
from histories import at, awaited, fulfilled, in_force

import tracker
from tracker._cli import main

EVENTS = Path(__file__).parent.parent / "events"
SECOND = EVENTS / "nato-russia-2009-2014.jsonl"


@pytest.fixture(scope="module")
def history(bundled: tracker.Log) -> tracker.Replay:
    """Both bundled NATO–Russia logs, replayed together."""
    return tracker.Replay(
        [*bundled.entries, *tracker.read_log(SECOND).entries], dyad=tracker.DEFAULT_DYAD
    )


def test_the_second_log_is_valid_and_rests_on_citations() -> None:
    log = tracker.read_log(SECOND)
    assert not tracker.check_log(SECOND)
    assert all(source.url and not source.quotes for e in log.entries for source in e.sources)


def test_formal_resumption_decided_is_still_re_engagement(history: tracker.Replay) -> None:
    state = at(history, "2009-03-06")
    assert state.phase is tracker.Phase.INFORMAL_COUNCIL
    assert ("NATO", tracker.MILITARY) in in_force(state)
    nrc = state.measures["nato-suspends-nrc-2008-08.nrc"]
    assert nrc.covers("ministers", state.at)
    assert not nrc.covers("ambassadors", state.at)
    assert ("council_meeting", "nato-ministers-resume-formal-nrc-2009-03-05") in awaited(state)


def test_a_formal_council_of_ambassadors_neither_normalizes_nor_fulfils_the_ministerial(
    history: tracker.Replay,
) -> None:
    state = at(history, "2009-04-30")
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.channels[tracker.NRC] is tracker.ChannelStatus.ACTIVE
    assert state.channels[tracker.MILITARY] is tracker.ChannelStatus.SUSPENDED
    pending = awaited(state)
    assert ("council_meeting", "nato-ministers-resume-formal-nrc-2009-03-05") in pending
    assert ("council_meeting", "nrc-meeting-announced-2009-04-16") in pending
    assert (
        "council_meeting",
        "nrc-meeting-announced-2009-04-16",
        "formal-nrc-ambassadors-2009-04-29",
    ) in fulfilled(state)


def test_every_measure_of_august_2008_is_lifted_by_december_2009(history: tracker.Replay) -> None:
    state = at(history, "2009-12-05")
    assert state.phase is tracker.Phase.NORMALIZED
    assert not state.in_force()
    august = [m for m in state.measures.values() if m.entry == "nato-suspends-nrc-2008-08"]
    assert len(august) == 3
    assert all(m.lifted_on(state.at) for m in august)
    assert (
        "council_meeting",
        "nato-ministers-resume-formal-nrc-2009-03-05",
        "formal-nrc-ministers-2009-12-04",
    ) in fulfilled(state)
    assert not state.awaited()
    assert state.level > at(history, "2008-09-01").level


def test_the_expectations_of_early_2009_lapse_rather_than_wait_for_years(
    history: tracker.Replay,
) -> None:
    state = at(history, "2009-12-05")
    lapsed = {(item.kind, item.source) for item in state.lapsed()}
    assert ("informal_meeting", "informal-nrc-2009-01-26") in lapsed
    late = at(history, "2016-12-31").fulfilled.values()
    assert not any(done.pending.announced.year < 2010 < done.on.year for done in late)


@pytest.mark.parametrize("day", ["2014-04-02", "2014-04-09", "2014-06-30", "2016-04-21"])
def test_cooperation_suspended_with_the_dialogue_open(history: tracker.Replay, day: str) -> None:
    state = at(history, day)
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert {("NATO", "civilian_cooperation"), ("NATO", tracker.MILITARY)} <= in_force(state)
    assert state.channels[tracker.NRC] is tracker.ChannelStatus.ACTIVE
    assert state.level < at(history, "2014-03-31").level


def test_the_june_2014_review_is_pending_then_kept(history: tracker.Replay) -> None:
    review = ("ministerial_decision", "nato-suspends-practical-cooperation-2014-04-01")
    assert review in awaited(at(history, "2014-04-02"))
    assert review not in awaited(at(history, "2014-06-30"))
    assert any(
        key.startswith("ministerial_decision.nato-suspends")
        for key in (at(history, "2014-06-30").fulfilled)
    )


def test_the_restriction_of_russias_mission_is_in_force(history: tracker.Replay) -> None:
    assert ("NATO", "rus_mission_to_nato") not in in_force(at(history, "2014-04-07"))
    state = at(history, "2014-04-09")
    assert ("NATO", "rus_mission_to_nato") in in_force(state)
    assert state.missions["rus_mission_to_nato"] == "RUS"


def test_a_meeting_known_to_the_month_keeps_its_precision(history: tracker.Replay) -> None:
    state = at(history, "2014-06-30")
    meeting = state.meetings["nrc-ambassadors-2014-06"]
    assert str(meeting.stated) == "2014-06"
    assert meeting.on == date(2014, 6, 23)  # placed on the day it was reported
    assert tracker.flatten(state)["meetings.nrc-ambassadors-2014-06"].endswith(
        "on 2014-06 (1 report)"
    )


def test_the_announced_meeting_of_2016_is_fulfilled(history: tracker.Replay) -> None:
    state = at(history, "2016-04-21")
    done = [(kind, by) for kind, source, by in fulfilled(state) if source.endswith("2016-04-08")]
    assert done == [("council_meeting", "nrc-ambassadors-2016-04-20")]


def test_no_anomaly_on_real_history(history: tracker.Replay) -> None:
    assert not at(history, "2016-12-31").anomalies


def test_the_command_gives_the_level_and_phase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.jsonl"
    log.write_bytes((EVENTS / "nato-russia.jsonl").read_bytes() + SECOND.read_bytes())
    states = {}
    for day in ("2014-03-31", "2014-04-02"):
        assert main(["state", "--log", str(log), "--at", day, "--json"]) == 0
        states[day] = orjson.loads(capsys.readouterr().out)
    assert states["2014-04-02"]["phase"] == "cooperation_suspended"
    assert states["2014-04-02"]["level"]["value"] < states["2014-03-31"]["level"]["value"]
