"""The rules of the reducer, one at a time, on small hand-made logs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from builders import (
    council,
    day,
    decision,
    entry,
    established,
    follow_up,
    lunch,
    replay_of,
    suspension,
)
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker import ChannelStatus, Phase


def test_an_empty_log_is_normal() -> None:
    state = replay_of()
    assert state.phase is Phase.NORMAL
    assert (state.applied, state.score, state.pending, state.anomalies) == (0, 0.0, (), ())


def test_the_phases_follow_the_story() -> None:
    story = [
        established(),
        suspension(),
        decision(),
        lunch(),
        council(),
        council("2009-03-05", formal=True),
    ]
    phases = [replay_of(*story[: count + 1]).phase for count in range(len(story))]
    assert phases == [
        Phase.NORMAL,
        Phase.SUSPENDED,
        Phase.REENGAGEMENT_DECIDED,
        Phase.CONTACTS_RESUMED,
        Phase.INFORMAL_COUNCIL,
        Phase.NORMALIZED,
    ]


def test_a_new_suspension_after_normalization_suspends_again() -> None:
    state = replay_of(
        established(),
        suspension(),
        decision(),
        council("2009-03-05", formal=True),
        suspension("2014-04-01", id="again"),
    )
    assert state.phase is Phase.SUSPENDED
    assert state.provenance["phase"] == "again"


def test_a_meeting_on_a_channel_left_open_moves_the_phase_and_names_itself() -> None:
    state = replay_of(
        established(),
        suspension(channels=(tracker.NRC,)),
        lunch(channel=tracker.MILITARY, id="military-lunch"),
    )
    assert state.channels[tracker.MILITARY] is ChannelStatus.ACTIVE  # under no measure
    assert state.phase is Phase.CONTACTS_RESUMED
    assert state.provenance["phase"] == "military-lunch"


def test_suspending_again_what_one_suspended_restates_it_and_changes_nothing() -> None:
    once = replay_of(
        established(),
        suspension(channels=(tracker.NRC,)),
        lunch("2008-09-01", channel=tracker.MILITARY),
    )
    again = tracker.apply(once, suspension("2008-10-01", channels=(tracker.NRC,), id="again"))
    assert again.phase is once.phase is Phase.CONTACTS_RESUMED
    assert again.measures == once.measures
    assert [(a.entry, a.rule) for a in again.anomalies] == [("again", "already_suspended")]


def test_a_counter_measure_of_the_other_party_is_a_measure_of_its_own() -> None:
    nato = suspension(channels=(tracker.MILITARY,))
    russia = suspension(channels=(tracker.MILITARY,), by="RUS", id="russia-answers")
    state = replay_of(established(), nato, russia)
    assert state.anomalies == ()
    assert {m.by for m in state.in_force()} == {"NATO", "RUS"}
    assert nato.occurrence() != russia.occurrence()


def test_establishing_a_channel_twice_is_an_anomaly() -> None:
    state = replay_of(established(), established("2003-01-01", id="twice"))
    (anomaly,) = state.anomalies
    assert (anomaly.entry, anomaly.rule) == ("twice", "channel_exists")


def test_suspension_suspends_each_channel_and_names_itself() -> None:
    state = replay_of(established(), suspension(channels=(tracker.NRC, tracker.MILITARY)))
    assert dict(state.channels) == {
        tracker.NRC: ChannelStatus.SUSPENDED,
        tracker.MILITARY: ChannelStatus.SUSPENDED,
    }
    assert state.provenance["channels.military"] == "suspension-2008-08-19"
    assert {(m.by, m.target, m.effective) for m in state.in_force()} == {
        ("NATO", tracker.NRC, day("2008-08-19")),
        ("NATO", tracker.MILITARY, day("2008-08-19")),
    }


def test_suspending_what_is_suspended_is_an_anomaly() -> None:
    state = replay_of(suspension(), suspension("2008-09-01", id="again"))
    assert [(a.entry, a.rule) for a in state.anomalies] == [("again", "already_suspended")] * 2


def test_resuming_what_is_not_suspended_is_an_anomaly() -> None:
    state = replay_of(established(), decision(resumes=(tracker.NRC,)))
    (anomaly,) = state.anomalies
    assert (anomaly.entry, anomaly.rule) == ("ministerial_decision-2008-12-02", "not_suspended")
    assert state.channels[tracker.NRC] is ChannelStatus.ACTIVE


def test_resuming_a_channel_the_log_never_mentioned_is_no_anomaly() -> None:
    state = replay_of(decision(resumes=("partnership_talks",)))
    assert state.anomalies == ()
    assert state.channels["partnership_talks"] is ChannelStatus.RESUMPTION_DECIDED
    assert state.phase is Phase.REENGAGEMENT_DECIDED
    (measure,) = state.in_force()
    # The suspension it implies is no act the log records: it weighs nothing, so that easing
    # it raises the level by the decision's own tone.
    assert measure.weight == 0.0
    assert state.level == tracker.MinisterialDecision.CODE.goldstein


def test_an_informal_meeting_reopens_its_channel_informally() -> None:
    state = replay_of(suspension(), decision(), lunch())
    assert state.channels[tracker.HIGH_LEVEL] is ChannelStatus.INFORMAL
    assert state.channels[tracker.NRC] is ChannelStatus.RESUMPTION_DECIDED
    assert list(state.meetings) == ["informal_meeting-2008-12-19"]


def test_a_formal_council_while_suspended_is_an_anomaly_naming_the_entry() -> None:
    state = replay_of(suspension(), council(formal=True))
    (anomaly,) = state.anomalies
    assert (anomaly.entry, anomaly.rule) == ("council_meeting-2009-01-26", "formal_while_suspended")
    assert "council_meeting-2009-01-26" in str(anomaly)


def test_strict_folding_refuses_the_first_anomaly() -> None:
    with pytest.raises(tracker.AnomalyError, match="formal_while_suspended") as caught:
        tracker.fold(
            [suspension(), council(formal=True)],
            tracker.State(tracker.Dyad("NATO", "RUS")),
            strict=True,
        )
    assert caught.value.anomaly.entry == "council_meeting-2009-01-26"


def test_a_second_report_corroborates_and_counts_nothing_twice() -> None:
    once = replay_of(suspension(), decision(), lunch())
    twice = replay_of(suspension(), decision(), lunch(), lunch(id="second-report"))
    assert twice.phase is once.phase
    assert twice.score == once.score
    (meeting,) = twice.meetings.values()
    assert meeting.reports == ("informal_meeting-2008-12-19", "second-report")
    assert twice.applied == once.applied + 1


def test_follow_ups_are_resolved_by_the_entry_that_fulfils_them() -> None:
    announced = lunch(
        "2008-12-19", follow_ups=(follow_up("council_meeting", "2009-01-11", "2009-01-20"),)
    )
    unrelated = lunch("2009-01-15", id="another-lunch")
    state = replay_of(suspension(), decision(), announced, unrelated)
    assert [item.kind for item in state.pending] == ["council_meeting"]
    state = tracker.apply(state, council())
    assert state.pending == ()
    (done,) = state.fulfilled.values()
    assert (done.by, done.on, done.pending.source) == (
        "council_meeting-2009-01-26",
        day("2009-01-26"),
        "informal_meeting-2008-12-19",
    )


def test_an_entry_before_the_announcement_does_not_fulfil_it() -> None:
    early = council("2008-12-01")
    announcement = lunch(follow_ups=(follow_up("council_meeting", "2009-01-11", "2009-01-20"),))
    state = replay_of(early, announcement)
    assert [item.kind for item in state.pending] == ["council_meeting"]


def test_overlapping_statements_of_one_expectation_keep_the_narrower_window() -> None:
    first = lunch(
        follow_ups=(follow_up("council_meeting", "2009-01-01", "2009-01-31", "next month"),)
    )
    second = lunch(
        id="second",
        follow_ups=(follow_up("council_meeting", "2009-01-11", "2009-01-20", "mid-January"),),
    )
    (item,) = replay_of(first, second).pending
    assert str(item.expected) == "2009-01-11..2009-01-20"
    assert (item.source, item.reports) == (
        "informal_meeting-2008-12-19",
        ("informal_meeting-2008-12-19", "second"),
    )


@given(
    promised=st.dates(date(2009, 1, 1), date(2020, 12, 31)),
    dated=st.integers(0, 100),
    set_for=st.integers(0, 60),
    lasting=st.integers(0, 10),
    data=st.data(),
)
def test_a_day_set_for_a_promised_meeting_and_missed_gives_the_promise_up_no_sooner(
    promised: date, dated: int, set_for: int, lasting: int, data: st.DataObject
) -> None:
    """A visit promised "after the summit", set for a day, then put off, is still awaited when
    it is made, as long as the promise as first stated had not lapsed."""
    said = lunch(
        promised.isoformat(),
        follow_ups=(
            tracker.FollowUp(
                "council_meeting", tracker.DateWindow(promised, None), "will follow up", "A."
            ),
        ),
    )
    start = promised + timedelta(days=dated + set_for)
    end = start + timedelta(days=lasting)
    dated_entry = lunch(
        (promised + timedelta(days=dated)).isoformat(),
        id="dated",
        follow_ups=(follow_up("council_meeting", start.isoformat(), end.isoformat(), "on"),),
    )
    held = data.draw(st.dates(end + timedelta(days=1), promised + timedelta(days=364)), "held")
    state = replay_of(said, dated_entry, council(held.isoformat()))
    assert state.pending == ()
    (done,) = state.fulfilled.values()
    assert done.pending.source == f"informal_meeting-{promised.isoformat()}"
    assert (done.by, done.on) == (f"council_meeting-{held.isoformat()}", held)


def test_a_window_that_does_not_overlap_is_an_expectation_of_its_own() -> None:
    first = lunch(follow_ups=(follow_up("council_meeting", "2009-01-11", "2009-01-20"),))
    later = lunch(
        "2009-01-22",
        id="later",
        follow_ups=(follow_up("council_meeting", "2009-02-01", "2009-02-05"),),
    )
    pending = replay_of(first, later).pending
    assert [str(item.expected) for item in pending] == [
        "2009-01-11..2009-01-20",
        "2009-02-01..2009-02-05",
    ]


def test_overdue_only_after_the_window() -> None:
    (item,) = replay_of(
        lunch(follow_ups=(follow_up("council_meeting", "2009-01-11", "2009-01-20"),))
    ).pending
    assert [item.overdue(day(text)) for text in ("2009-01-10", "2009-01-20", "2009-01-21")] == [
        False,
        False,
        True,
    ]
    assert not item.overdue(None)


def test_stances_and_cooperation_keep_the_latest_and_name_their_entry() -> None:
    stance = tracker.Stance(
        "RUS", "normalization", "heading towards it", "A sentence.", "Dmitry Rogozin"
    )
    note = tracker.CooperationNote("counter_piracy", "continuing", "A sentence.")
    state = replay_of(lunch(stances=(stance,), cooperation=(note,)))
    assert state.stances["RUS"]["normalization"] == stance
    assert state.cooperation["counter_piracy"] is tracker.CooperationStatus.CONTINUING
    assert state.provenance["stances.RUS.normalization"] == "informal_meeting-2008-12-19"
    assert state.provenance["cooperation.counter_piracy"] == "informal_meeting-2008-12-19"


def test_the_score_sums_the_goldstein_values_of_distinct_occurrences() -> None:
    state = replay_of(established(), suspension(), decision(), lunch(), lunch(id="again"))
    assert state.score == 8.0 - 4.0 + 4.0 + 1.0


def test_the_reducer_refuses_an_entry_of_another_dyad() -> None:
    other = entry(
        tracker.InformalMeeting, "2008-12-19", parties=tracker.Dyad("EU", "RUS"), format="talks"
    )
    with pytest.raises(ValueError, match="EU-RUS"):
        replay_of(other)


def test_the_reducer_is_pure() -> None:
    before = replay_of(suspension(), decision())
    copy = tracker.decode_state(tracker.encode_state(before))
    tracker.apply(before, lunch())
    assert before == copy


def test_a_state_cannot_be_changed_in_place() -> None:
    state = replay_of(suspension())
    with pytest.raises(TypeError):
        state.channels["nrc"] = ChannelStatus.ACTIVE  # type: ignore[index]
    with pytest.raises(AttributeError):
        state.score = 1.0  # type: ignore[misc]
