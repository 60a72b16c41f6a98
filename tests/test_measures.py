"""Measures in force and their lifting, the phases they give, the level of relations,
expectations matched and lapsing, and days known to their month or year."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from attrs import evolve
from builders import (
    NATO_RUS,
    SOURCE,
    council,
    day,
    decision,
    entry,
    established,
    expulsion,
    follow_up,
    lift,
    lifting,
    lunch,
    presence,
    replay_of,
    suspension,
)
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker import ChannelStatus, Phase
from tracker._replay import measure_easing
from tracker.strategies import DEFAULT_WINDOW, dyads, logs

CHANNELS = (tracker.NRC, tracker.HIGH_LEVEL, tracker.MILITARY, "civil_emergency")


def _on(state: tracker.State, text: str) -> tracker.State:
    """The state as it stands on another day: what is in force depends on the day."""
    return evolve(state, at=day(text))


# -- lifting ---------------------------------------------------------------------------------


def test_a_lift_at_one_level_leaves_the_others_in_force() -> None:
    state = replay_of(
        established(),
        suspension(channels=(tracker.NRC,)),
        lifting("2009-03-05", lift("nrc", "ambassadors")),
    )
    (measure,) = state.in_force()
    assert not measure.covers("ambassadors", day("2009-03-06"))
    assert measure.covers("ministers", day("2009-03-06"))
    ambassadors = tracker.apply(state, council("2009-04-29", formal=True))
    assert ambassadors.anomalies == ()
    ministers = tracker.apply(state, council("2009-04-29", formal=True, level="ministerial"))
    assert [a.rule for a in ministers.anomalies] == ["formal_while_suspended"]


def test_a_lift_from_a_later_day_takes_effect_on_that_day() -> None:
    state = replay_of(
        suspension(channels=(tracker.MILITARY,)),
        lifting("2009-03-05", lift(tracker.MILITARY, effective="2009-04-05")),
    )
    assert _on(state, "2009-04-04").in_force()
    assert not _on(state, "2009-04-05").in_force()
    assert _on(state, "2009-04-05").phase is Phase.NORMALIZED
    assert state.measures["suspension-2008-08-19.military"].lifted_on(day("2009-05-01")) == day(
        "2009-04-05"
    )


def test_two_suspensions_of_other_channels_on_one_day_are_both_in_force() -> None:
    state = replay_of(
        suspension(channels=(tracker.NRC,)),
        suspension(channels=(tracker.MILITARY,), id="the-military-too"),
    )
    assert sorted(m.target for m in state.in_force()) == [tracker.MILITARY, tracker.NRC]
    assert state.channels[tracker.MILITARY] is ChannelStatus.SUSPENDED


def test_a_suspension_reported_again_is_one_measure() -> None:
    once = replay_of(suspension())
    twice = replay_of(suspension(), suspension(id="another-report"))
    assert [m.key for m in twice.in_force()] == [m.key for m in once.in_force()]
    assert twice.score == once.score


@given(st.lists(st.sets(st.sampled_from(CHANNELS), min_size=1), min_size=1, max_size=4))
def test_one_party_s_suspensions_of_one_day_suspend_every_channel_they_name(
    reports: list[set[str]],
) -> None:
    entries = [
        suspension(channels=tuple(sorted(channels)), id=f"report-{n}")
        for n, channels in enumerate(reports)
    ]
    state = replay_of(*entries)
    named = set().union(*reports)
    assert {m.target for m in state.in_force()} == named
    assert all(state.channels[channel] is ChannelStatus.SUSPENDED for channel in named)


def test_a_measure_announced_for_later_is_not_in_force_before() -> None:
    state = replay_of(suspension(channels=(tracker.MILITARY,), effective=day("2008-09-01")))
    assert _on(state, "2008-08-31").phase is Phase.NORMAL
    assert _on(state, "2008-09-01").phase is Phase.COOPERATION_SUSPENDED


def test_only_the_party_that_imposed_a_measure_lifts_it_unless_both_decide() -> None:
    measure = suspension(channels=(tracker.MILITARY,))
    by_russia = lifting("2009-03-05", lift(tracker.MILITARY), by="RUS")
    state = replay_of(established(), measure, by_russia)
    assert [a.rule for a in state.anomalies] == ["not_suspended"]
    assert state.in_force()
    jointly = lifting("2009-06-27", lift(tracker.MILITARY), by="RUS", jointly=True, id="joint")
    assert not tracker.apply(state, jointly).in_force()


def test_resuming_formally_a_council_that_met_informally_is_no_anomaly() -> None:
    state = replay_of(
        established(),
        suspension(),
        decision(),
        council(),
        lifting("2009-03-05", lift(tracker.NRC, "ambassadors")),
    )
    assert state.anomalies == ()
    assert state.phase is Phase.INFORMAL_COUNCIL


def test_a_formal_council_ends_in_practice_what_its_parties_eased() -> None:
    state = replay_of(established(), suspension(), decision(), council("2009-03-05", formal=True))
    assert state.phase is Phase.NORMALIZED
    assert state.in_force()  # never lifted in form: the state says so
    cooperation = replay_of(
        established(),
        suspension(channels=(tracker.NRC, tracker.MILITARY)),
        decision(resumes=(tracker.NRC,)),
        council("2009-03-05", formal=True),
    )
    assert cooperation.phase is Phase.COOPERATION_SUSPENDED


# -- the phases of other measures ------------------------------------------------------------


def test_cooperation_suspended_with_the_dialogue_open_survives_council_meetings() -> None:
    state = replay_of(
        established(),
        suspension("2014-04-01", channels=("civilian_cooperation", tracker.MILITARY)),
        council("2014-06-02", formal=True),
    )
    assert state.phase is Phase.COOPERATION_SUSPENDED
    assert state.channels[tracker.NRC] is ChannelStatus.ACTIVE
    assert state.anomalies == ()


def test_expulsions_and_caps_strain_relations_until_lifted() -> None:
    state = replay_of(
        established(), expulsion("2018-03-27"), presence("2018-03-27", "capped", cap=20)
    )
    assert state.phase is Phase.STRAINED
    assert state.missions["rus_mission"] == "RUS"
    lifted = tracker.apply(state, lifting("2020-01-01", lift("rus_mission")))
    assert lifted.phase is Phase.NORMALIZED


@given(
    dyad=dyads(),
    declared=st.dates(DEFAULT_WINDOW.start, DEFAULT_WINDOW.end - timedelta(days=60)),
    deadline=st.integers(0, 30),
    data=st.data(),
)
def test_an_expulsion_counts_from_its_notice_a_closure_from_its_day(
    dyad: tracker.Dyad, declared: date, deadline: int, data: st.DataObject
) -> None:
    """Persons declared non grata are out of their functions once notified: the expulsion
    weighs from that day, whatever time they are given to leave. A closure announced for a
    later day takes force on that day."""
    log = data.draw(logs(dyad=dyad, nonsense=True), label="log")
    by, of = dyad.first, dyad.second
    gone = declared + timedelta(days=deadline)
    fields = {"parties": dyad, "by": by, "mission": "expelled_mission"}
    expelled = entry(
        tracker.Expulsion, str(declared), persons="two attaches", effective=gone, **fields
    )
    closed = entry(
        tracker.PresenceMeasure,
        str(declared),
        **{**fields, "mission": "closed_office"},
        of=of,
        action="closed",
        effective=gone,
    )
    before = tracker.Replay(log, dyad=dyad).at(declared)
    after = tracker.Replay([*log, expelled, closed], dyad=dyad)
    state = after.at(declared)
    targets = {m.target for m in state.in_force()}
    assert "expelled_mission" in targets
    assert ("closed_office" in targets) is (deadline == 0)
    assert "closed_office" in {m.target for m in after.at(gone).in_force()}
    assert state.phase not in (Phase.NORMAL, Phase.NORMALIZED)
    assert state.pressure <= before.pressure


def test_every_mission_closed_severs_relations_until_they_meet_again() -> None:
    state = replay_of(
        established(),
        presence("1998-06-01", "opened"),
        presence("2001-06-01", "opened", mission="nato_office", of="NATO", by="NATO"),
        presence("2021-10-18", "suspended", by="RUS", effective=day("2021-11-01")),
        presence("2021-10-18", "closed", mission="nato_office", of="NATO", by="RUS"),
    )
    assert _on(state, "2021-10-31").phase is Phase.STRAINED
    assert _on(state, "2021-11-01").phase is Phase.SEVERED
    met = tracker.apply(state, council("2022-01-12", formal=True))
    assert _on(met, "2022-01-13").phase is Phase.STRAINED
    assert _on(met, "2023-01-11").phase is Phase.STRAINED
    assert _on(met, "2023-01-12").phase is Phase.SEVERED  # a year without meeting again


def test_consulates_closed_are_no_rupture() -> None:
    state = replay_of(
        presence("2017-08-31", "closed", mission="rus_consulate_sf", consular=True),
        presence(
            "2018-03-29", "closed", mission="nato_consulate", of="NATO", by="RUS", consular=True
        ),
    )
    assert state.phase is Phase.STRAINED
    assert not state.missions


def test_a_consul_expelled_leaves_the_consulate_out_of_the_missions() -> None:
    state = replay_of(
        expulsion("2018-05-15", mission="rus_consulate_sf", persons="the consul", consular=True),
        presence("2018-06-01", "closed"),
        presence("2018-06-01", "closed", mission="nato_office", of="NATO", by="RUS"),
    )
    assert set(state.missions) == {"rus_mission", "nato_office"}
    assert state.phase is Phase.SEVERED
    assert "rus_consulate_sf" in {m.target for m in state.in_force()}


def test_one_mission_closed_of_several_is_not_a_rupture() -> None:
    state = replay_of(
        presence("1998-06-01", "opened"),
        presence("2001-06-01", "opened", mission="nato_office", of="NATO", by="NATO"),
        presence("2021-10-18", "closed", mission="nato_office", of="NATO", by="RUS"),
    )
    assert state.phase is Phase.STRAINED


def test_a_defunct_council_severs_relations_until_set_up_again() -> None:
    defunct = entry(
        tracker.BodyDefunct, "2022-03-01", by="RUS", channel=tracker.NRC, body="the NRC"
    )
    state = replay_of(established(), defunct)
    assert state.phase is Phase.SEVERED
    assert state.channels[tracker.NRC] is ChannelStatus.DEFUNCT
    again = tracker.apply(state, established("2030-01-01", id="again"))
    assert again.anomalies == ()
    assert again.phase is Phase.NORMALIZED


@given(
    notice=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    runs=st.integers(min_value=0, max_value=400),
)
def test_a_body_ends_when_the_notice_ending_it_runs_out(notice: date, runs: int) -> None:
    """A treaty or a contract left to lapse, or a withdrawal on notice, ends on its day."""
    ends = notice + timedelta(days=runs)
    defunct = entry(
        tracker.BodyDefunct,
        notice.isoformat(),
        by="RUS",
        channel="inf_treaty",
        body="the INF Treaty",
        effective=ends,
    )
    history = tracker.Replay([defunct])
    assert history.at(ends).channels["inf_treaty"] is ChannelStatus.DEFUNCT
    assert history.at(ends).phase is Phase.COOPERATION_SUSPENDED
    if runs:
        running = history.at(ends - timedelta(days=1))
        assert running.channels["inf_treaty"] is ChannelStatus.ACTIVE
        assert not running.in_force()


def test_breaking_diplomatic_relations_severs_them() -> None:
    state = replay_of(suspension(channels=("diplomatic_relations",), by="RUS"))
    assert state.phase is Phase.SEVERED


def test_relations_downgraded_at_some_levels_are_strained_not_severed() -> None:
    downgrade = suspension(channels=("diplomatic_relations",), by="RUS", levels=("ambassadors",))
    state = replay_of(downgrade)
    assert state.phase is Phase.STRAINED
    assert [m.target for m in state.in_force()] == ["diplomatic_relations"]
    talks = replay_of(downgrade, council("2008-10-01", formal=True))
    assert talks.phase is Phase.STRAINED
    broken = replay_of(downgrade, suspension("2008-09-01", channels=("diplomatic_relations",)))
    assert broken.phase is Phase.SEVERED


# -- the level of relations ------------------------------------------------------------------


def test_the_level_falls_in_a_crisis_stays_low_and_recovers_as_measures_are_lifted() -> None:
    before = _on(replay_of(established()), "2008-08-01")
    crisis = replay_of(established(), suspension(channels=(tracker.NRC, tracker.MILITARY)))
    eased = tracker.apply(crisis, decision(resumes=(tracker.NRC,)))
    lifted = tracker.apply(eased, lifting("2009-12-04", lift(tracker.NRC), lift(tracker.MILITARY)))
    assert _on(crisis, "2008-08-20").level < before.level
    assert _on(crisis, "2008-12-01").pressure == -8.0  # every day it is in force
    assert _on(eased, "2009-06-01").pressure == -6.0  # an eased measure weighs half
    assert _on(lifted, "2010-06-01").level == 0.0
    assert _on(lifted, "2009-12-05").level > _on(crisis, "2008-12-01").level


def test_the_recent_activity_is_the_sum_of_two_months_within_the_scale() -> None:
    state = replay_of(lunch("2009-01-10"), council("2009-02-20"), expulsion("2009-02-21"))
    assert _on(state, "2009-02-28").recent_activity == pytest.approx(1.0 + 3.5 - 5.0)
    assert _on(state, "2009-04-01").recent_activity == 0.0
    expelled = [expulsion(f"2009-02-{n:02d}", id=f"x{n}", mission=f"m{n}") for n in range(1, 4)]
    assert _on(replay_of(*expelled), "2009-02-28").recent_activity == -10.0  # not -15


def test_a_mild_hostile_act_in_a_month_of_heavier_ones_never_raises_the_level() -> None:
    heavy = replay_of(expulsion("2009-02-01"))  # -5, then a protest of -2: a mean rises
    protest = entry(
        tracker.Condemnation, "2009-02-03", by="NATO", issue="expulsions", statement="deplored"
    )
    assert _on(tracker.apply(heavy, protest), "2009-02-03").level < _on(heavy, "2009-02-03").level


def _pressure(*entries: tracker.Entry) -> float:
    return _on(replay_of(*entries), "2009-06-01").pressure


def test_naming_more_channels_of_one_kind_does_not_add_to_the_pressure() -> None:
    talks = ("military_talks", "defense_talks", "maritime_talks")
    cooperation = ("crime_cooperation", "narcotics_cooperation")
    one = _pressure(suspension(channels=talks[:1]))
    assert _pressure(suspension(channels=talks)) == one == -4.0
    assert _pressure(suspension(channels=(*talks, *cooperation))) == 2 * one
    # the other party's counter-measure is a pressure of its own
    counter = suspension("2008-08-20", by="RUS", channels=talks[:1])
    assert _pressure(suspension(channels=talks), counter) == 2 * one


def test_a_consular_post_weighs_less_than_a_mission_and_a_closure_more_than_an_expulsion() -> None:
    consulates = [
        presence("2009-01-05", "restricted", mission=f"consulate_{n}", consular=True)
        for n in range(3)
    ]
    embassy = presence("2009-01-05", "restricted")
    assert _pressure(*consulates) == _pressure(consulates[0]) > _pressure(embassy)
    expelled = expulsion("2009-01-05")
    closed = presence("2009-01-06", "closed")
    assert _pressure(expelled, closed) < _pressure(expelled)  # emptied after the expulsion


def test_relations_broken_off_weigh_more_than_any_suspension_short_of_them() -> None:
    rupture = suspension(channels=("diplomatic_relations",))
    everything = suspension(
        channels=("diplomatic_relations", "trade_talks", "nrc", "defense_talks"),
        id="everything",
    )
    short = suspension(channels=("trade_talks", "climate_talks", "crime_cooperation"))
    missions = [presence("2009-01-05", "closed", mission=f"mission_{n}") for n in range(3)]
    assert _pressure(rupture) < _pressure(short, *missions)
    # a break ends the dialogue and the missions: naming them too adds nothing
    assert _pressure(everything, *missions) == _pressure(rupture)
    downgrade = suspension(channels=("diplomatic_relations",), levels=("ambassadors",))
    assert _pressure(rupture) < _pressure(downgrade)


# -- expectations ----------------------------------------------------------------------------


def _expecting(kind: str, start: str, end: str | None, **what: object) -> tracker.FollowUp:
    window = tracker.DateWindow(day(start), day(end) if end else None)
    return tracker.FollowUp(kind, window, "soon", **what)  # type: ignore[arg-type]


def test_an_expectation_is_fulfilled_only_by_what_was_expected() -> None:
    ministers = _expecting("council_meeting", "2009-04-05", None, level="ministers", formal=True)
    state = replay_of(lunch("2009-03-05", follow_ups=(ministers,)))
    for wrong in (council("2009-04-29", formal=True), council("2009-06-27", level="ministers")):
        assert len(tracker.apply(state, wrong).awaited()) == 1
    right = tracker.apply(state, council("2009-12-04", formal=True, level="ministerial"))
    assert right.awaited() == ()


def test_an_informal_meeting_announced_at_a_level_is_the_one_held_but_never_a_formal_one() -> None:
    presidents = _expecting("informal_meeting", "2009-03-09", "2009-03-10", level="summit")
    state = replay_of(lunch("2009-03-05", follow_ups=(presidents,)))
    assert tracker.apply(state, lunch("2009-03-09", id="the-visit")).awaited() == ()
    formal = _expecting("informal_meeting", "2009-03-09", "2009-03-10", formal=True)
    state = replay_of(lunch("2009-03-05", follow_ups=(formal,)))
    assert len(tracker.apply(state, lunch("2009-03-09", id="the-visit")).awaited()) == 1


def test_one_entry_fulfilling_two_expectations_of_one_source_records_both() -> None:
    early = _expecting("council_meeting", "2009-02-01", "2009-02-03")
    late = _expecting("council_meeting", "2009-03-01", "2009-03-03", level="ambassadors")
    state = replay_of(lunch("2009-01-15", follow_ups=(early, late)))
    after = tracker.apply(state, council("2009-03-02"))
    assert after.pending == ()
    assert len(after.fulfilled) == 2


def test_levels_are_compared_as_named_whatever_the_words() -> None:
    ministers = suspension(channels=(tracker.NRC,), levels=("ministers",))
    state = replay_of(established(), ministers)
    lifted = tracker.apply(state, lifting("2009-03-05", lift(tracker.NRC, "ministerial")))
    assert lifted.anomalies == ()
    assert not lifted.in_force()
    again = tracker.apply(
        state,
        suspension("2008-09-01", channels=(tracker.NRC,), levels=("ministerial",), id="again"),
    )
    assert [a.rule for a in again.anomalies] == ["already_suspended"]


def test_several_expectations_of_one_kind_are_pending_at_once() -> None:
    ambassadors = _expecting("council_meeting", "2009-04-29", "2009-04-29", level="ambassadors")
    ministers = _expecting("council_meeting", "2009-05-11", "2009-05-20", level="ministers")
    state = replay_of(lunch("2009-04-16", follow_ups=(ambassadors, ministers)))
    assert len(state.pending) == 2
    after = tracker.apply(state, council("2009-04-29", formal=True))
    assert [item.level for item in after.pending] == ["ministers"]


def test_an_expectation_long_past_its_window_lapses_and_is_never_fulfilled() -> None:
    state = replay_of(lunch(follow_ups=(follow_up("council_meeting", "2009-01-11", "2009-01-20"),)))
    (item,) = state.pending
    assert item.lapses == day("2009-04-20")  # 90 days after a window shorter than that
    assert not item.lapsed(day("2009-04-19"))
    assert item.lapsed(day("2009-04-20"))
    assert _on(state, "2009-05-01").lapsed() == (item,)
    assert _on(state, "2009-05-01").overdue() == ()
    late = tracker.apply(state, council("2010-01-26"))
    assert not late.fulfilled
    assert late.pending == (item,)


def test_an_open_ended_expectation_lapses_a_year_after_it_opens() -> None:
    item = tracker.Pending(
        "council_meeting", tracker.DateWindow(day("2009-04-05")), day("2009-03-05"), "x", (), ()
    )
    assert not item.overdue(day("2010-01-01"))
    assert not item.lapsed(day("2010-04-04"))
    assert item.lapsed(day("2010-04-05"))
    assert str(item.expected) == "from 2009-04-05"


def test_a_promise_made_again_after_the_first_lapsed_is_a_new_one() -> None:
    first = lunch("2013-03-22", follow_ups=(_expecting("council_meeting", "2013-03-22", None),))
    again = lunch(
        "2016-06-28",
        id="new-agreement",
        follow_ups=(_expecting("council_meeting", "2016-06-28", None),),
    )
    state = replay_of(first, again)
    assert [(item.source, item.lapsed(day("2016-06-29"))) for item in state.pending] == [
        (first.id, True),
        ("new-agreement", False),
    ]
    kept = tracker.apply(state, council("2016-12-12"))
    assert [done.pending.source for done in kept.fulfilled.values()] == ["new-agreement"]


def test_a_promise_made_again_before_it_lapsed_is_the_same_one() -> None:
    first = lunch("2013-03-22", follow_ups=(_expecting("council_meeting", "2013-03-22", None),))
    again = lunch(
        "2013-09-01", id="restated", follow_ups=(_expecting("council_meeting", "2013-09-01", None),)
    )
    (item,) = replay_of(first, again).pending
    assert (item.source, item.reports) == (first.id, (first.id, "restated"))


# -- days known to their month or year -------------------------------------------------------


def _stated(kind: type[tracker.Entry], on: tracker.Day, reported: str, **fields: object) -> Any:
    return evolve(entry(kind, on.isoformat(), **fields), on=on, reported=day(reported))


def test_a_fact_known_to_its_month_is_placed_where_it_surely_happened() -> None:
    june = tracker.Day(2014, 6, 1, "month")
    meeting = _stated(tracker.InformalMeeting, june, "2014-06-23", format="talks")
    assert meeting.on == date(2014, 6, 23)
    assert str(meeting.on) == "2014-06"
    later = _stated(tracker.InformalMeeting, june, "2014-09-01", format="talks")
    assert later.on == date(2014, 6, 30)
    year = _stated(
        tracker.InformalMeeting, tracker.Day(2002, 1, 1, "year"), "2008-12-19", format="x"
    )
    assert year.on == date(2002, 12, 31)
    assert str(year.on) == "2002"
    assert meeting.occurrence() == later.occurrence()  # one stated day, whatever the placing


def test_a_coarse_day_is_written_as_stated_and_read_back_the_same() -> None:
    june = tracker.Day(2014, 6, 1, "month")
    line = tracker.dumps_entry(_stated(tracker.InformalMeeting, june, "2014-06-23", format="x"))
    assert b'"on":"2014-06"' in line
    again = tracker.loads_entry(line)
    assert again.on.precision is tracker.Precision.MONTH
    assert tracker.dumps_entry(again) == line


def test_a_report_before_the_stated_period_is_refused() -> None:
    with pytest.raises(tracker.FieldError, match="reported"):
        _stated(tracker.InformalMeeting, tracker.Day(2014, 6, 1, "month"), "2014-05-31", format="x")


@pytest.mark.parametrize("text", ["2008-W01-1", "2008W011  ", "20080101", "0001-01-01", "2014-6"])
def test_only_plain_days_months_and_years_are_read(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        tracker.parse_stated_day(text)


# -- occurrences -----------------------------------------------------------------------------


def test_one_occurrence_needs_the_same_actor_and_identity() -> None:
    ambassadors = council(formal=True)
    assert ambassadors.occurrence() == council(formal=True, id="second").occurrence()
    assert ambassadors.occurrence() != council(formal=True, level="ministers").occurrence()
    assert ambassadors.occurrence() != council(formal=False).occurrence()
    assert expulsion("2018-03-27").occurrence() != expulsion("2018-03-27", by="RUS").occurrence()


def test_a_presence_measure_is_coded_by_what_it_does() -> None:
    assert presence("2001-01-01", "opened").event_code().goldstein > 0
    assert presence("2021-10-18", "closed").event_code().cameo == "161"
    assert presence("2014-04-08", "restricted").event_code().plover == "COERCE"


def test_a_source_is_cited_by_its_article_or_its_address() -> None:
    cited = tracker.Source("NATO", url="https://www.nato.int/cps/en/natohq/news_59970.htm")
    assert cited.article == ""
    assert cited.quotes == ()
    with pytest.raises(tracker.FieldError, match="article"):
        tracker.Source("NATO")
    with pytest.raises(tracker.FieldError, match="quotes"):
        tracker.Source("NATO", url="https://example.org/", quotes=("A sentence.",))
    assert SOURCE.article


@given(
    decided=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    until_lifted=st.integers(1, 365),
    levels=st.sampled_from([(), ("ministers",)]),
    data=st.data(),
)
def test_a_lift_decided_for_a_later_day_is_told_as_decided_until_that_day(
    decided: date, until_lifted: int, levels: tuple[str, ...], data: st.DataObject
) -> None:
    lifted = decided + timedelta(days=until_lifted)
    replay = tracker.Replay(
        [
            suspension((decided - timedelta(days=30)).isoformat(), channels=(tracker.NRC,)),
            lifting(decided.isoformat(), lift(tracker.NRC, *levels, effective=lifted.isoformat())),
        ]
    )

    def told(on: date) -> str:
        (measure,) = replay.at(on).in_force()
        return measure_easing(measure, on)

    assert told(decided - timedelta(days=1)) == ""
    between = data.draw(st.dates(decided, lifted - timedelta(days=1)), label="between")
    at = " at ministers" if levels else ""
    assert told(between) == f"lift{at} decided for {lifted}"
    if levels:
        assert told(lifted) == "lifted at ministers"
    else:
        assert not replay.at(lifted).in_force()


IDS = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


@given(ids=st.lists(IDS, min_size=2, max_size=2, unique=True))
def test_measures_placed_on_one_day_with_other_precisions_are_listed_by_key(
    ids: list[str],
) -> None:
    """A day known to its month and one known to the day, placed on one date, are neither equal
    nor in order: measures are listed by the date's ordinal, then key, not as a map holds them."""
    month = suspension("2009-02-09", id=ids[0], channels=(tracker.NRC,))
    month = evolve(month, on=tracker.parse_stated_day("2009-02"))
    known = suspension("2009-02-09", id=ids[1], channels=(tracker.HIGH_LEVEL,))
    assert month.on.toordinal() == known.on.toordinal()
    state = tracker.Replay([month, known], dyad=NATO_RUS).final
    keys = sorted(state.measures)
    assert [m.key for m in state.in_force()] == keys
    assert list(tracker.encode_state(state)["measures"]) == keys
