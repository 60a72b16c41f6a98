"""The states an analyst expects from real history the other episode tests do not cover, each
a log in tests/episodes/ written from the README: NATO–Russia 2016–2019 (the council meets
while practical cooperation stays suspended), Qatar–Saudi Arabia 2017–2021 (relations cut,
then restored at Al-Ula and the embassies staffed again), Canada–Saudi Arabia 2018–2023 (an
ambassador expelled, new trade frozen, ambassadors exchanged again) and Australia–France 2021
(an ambassador recalled, then sent back). The NATO–Russia story is also bundled, as
events/nato-russia-2016-2019.jsonl, between the other bundled logs."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from builders import entry, replay_of
from histories import at, awaited, episode, episode_id, fulfilled, in_force, shared_replay
from hypothesis import given
from hypothesis import strategies as st

import tracker

EPISODES = Path(__file__).parent / "episodes"
EVENTS = Path(__file__).parent.parent / "events"
NATO_RUSSIA = EPISODES / "nato-russia-2016-2019.jsonl"
QATAR = EPISODES / "qatar-saudi-arabia-2017-2021.jsonl"
CANADA = EPISODES / "canada-saudi-arabia-2018-2023.jsonl"
FRANCE = EPISODES / "australia-france-2021.jsonl"
BUNDLED = (
    "nato-russia.jsonl",
    "nato-russia-2009-2014.jsonl",
    "nato-russia-2016-2019.jsonl",
    "nato-russia-2018-2022.jsonl",
)
MISSION = "rus_mission_to_nato"
PRACTICAL = {("NATO", "civilian_cooperation"), ("NATO", "military")}
RELATIONS = "diplomatic_relations"


nato_russia = episode(NATO_RUSSIA)


@pytest.fixture(scope="module")
def bundled() -> tracker.Replay:
    """The four bundled NATO–Russia logs, replayed together."""
    entries = [e for name in BUNDLED for e in tracker.read_log(EVENTS / name).entries]
    return tracker.Replay([e for e in entries if str(e.parties) == "NATO-RUS"])


qatar = episode(QATAR)
canada = episode(CANADA)
france = episode(FRANCE)


# -- every episode ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [*sorted(EPISODES.glob("*.jsonl")), EVENTS / BUNDLED[2]], ids=episode_id
)
def test_each_log_is_valid_of_one_pair_and_rests_on_citations(path: Path) -> None:
    """Every real episode's log, and the bundled log of one pair."""
    assert not tracker.check_log(path)
    log = tracker.read_log(path)
    assert len({e.parties for e in log.entries}) == 1
    assert all(source.url and not source.quotes for e in log.entries for source in e.sources)


@pytest.mark.parametrize("path", sorted(EPISODES.glob("*.jsonl")), ids=episode_id)
def test_no_real_episode_gives_an_anomaly(path: Path) -> None:
    # Anomalies stay in the state once found: the final state holds every one the log gave.
    assert not shared_replay(path).final.anomalies


# -- NATO–Russia 2016–2019 -------------------------------------------------------------------

#: Each announcement of a council meeting, and the meeting it announced.
ANNOUNCED = [
    ("nrc-meeting-announced-2016-07-07", "nrc-ambassadors-2016-07-13"),
    ("nrc-meeting-announced-2016-12-15", "nrc-ambassadors-2016-12-19"),
    ("nrc-meeting-announced-2017-03-28", "nrc-ambassadors-2017-03-30"),
    ("nrc-meeting-announced-2017-07-06", "nrc-ambassadors-2017-07-13"),
    ("nrc-meeting-announced-2017-10-20", "nrc-ambassadors-2017-10-26"),
    ("nrc-meeting-announced-2018-05-26", "nrc-ambassadors-2018-05-31"),
    ("nrc-meeting-announced-2018-10-26", "nrc-ambassadors-2018-10-31"),
]
COUNCILS = [meeting for _, meeting in ANNOUNCED] + [
    "nrc-ambassadors-2016-04-20",
    "nrc-ambassadors-2019-01-25",
    "nrc-ambassadors-2019-07-05",
]


def _day_after(ident: str) -> str:
    return (date.fromisoformat(ident[-10:]) + timedelta(days=1)).isoformat()


@pytest.mark.parametrize("meeting", COUNCILS)
def test_a_council_meeting_lifts_no_suspension_of_cooperation(
    nato_russia: tracker.Replay, meeting: str
) -> None:
    state = at(nato_russia, _day_after(meeting))
    assert meeting in state.meetings
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert in_force(state) >= PRACTICAL
    assert state.channels["nrc"] is tracker.ChannelStatus.ACTIVE
    assert state.channels["military"] is tracker.ChannelStatus.SUSPENDED
    assert state.channels["civilian_cooperation"] is tracker.ChannelStatus.SUSPENDED


@pytest.mark.parametrize(("announcement", "meeting"), ANNOUNCED)
def test_each_meeting_is_the_one_announced(
    nato_russia: tracker.Replay, announcement: str, meeting: str
) -> None:
    assert ("council_meeting", announcement) in awaited(at(nato_russia, _day_after(announcement)))
    state = at(nato_russia, _day_after(meeting))
    assert ("council_meeting", announcement, meeting) in fulfilled(state)
    assert ("council_meeting", announcement) not in awaited(state)


def test_the_generals_meeting_in_baku_leaves_military_cooperation_suspended(
    nato_russia: tracker.Replay,
) -> None:
    before, state = at(nato_russia, "2018-04-18"), at(nato_russia, "2018-04-20")
    assert "scaparrotti-gerasimov-baku-2018-04-19" in state.meetings
    assert state.channels["military"] is tracker.ChannelStatus.SUSPENDED
    assert in_force(state) == in_force(before)
    (military,) = [m for m in state.in_force() if m.target == "military"]
    assert not military.liftings


def test_the_salisbury_response_tightens_a_mission_already_restricted(
    nato_russia: tracker.Replay,
) -> None:
    before, state = at(nato_russia, "2018-03-26"), at(nato_russia, "2018-03-28")
    on_mission = {m.entry for m in state.in_force() if m.target == MISSION}
    assert on_mission == {
        "nato-restricts-russian-mission-2014-04-08",
        "nato-withdraws-accreditation-seven-2018-03-27",
        "nato-caps-russian-mission-twenty-2018-03-27",
    }
    assert state.phase is before.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level < before.level
    assert at(nato_russia, "2019-12-31").level <= before.level


def test_the_level_does_not_depend_on_how_finely_the_response_is_written() -> None:
    """The same response to Salisbury written as a cap alone, or as a cap and an expulsion:
    one mission under pressure, weighing once."""
    entries = tracker.read_log(NATO_RUSSIA).entries
    coarse = [e for e in entries if e.id != "nato-withdraws-accreditation-seven-2018-03-27"]
    fine, rough = tracker.Replay(entries), tracker.Replay(coarse)
    for day in ("2018-03-28", "2018-06-01", "2019-12-31"):
        assert at(fine, day).pressure == at(rough, day).pressure


def test_the_end_of_the_inf_treaty_is_condemned_not_a_measure(
    nato_russia: tracker.Replay,
) -> None:
    before, state = at(nato_russia, "2019-08-01"), at(nato_russia, "2019-08-03")
    assert in_force(state) == in_force(before)
    assert state.phase is before.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level < before.level


def test_the_bundled_log_shares_no_entry_or_occurrence_with_the_others() -> None:
    logs = {name: tracker.read_log(EVENTS / name).entries for name in BUNDLED}
    mine = logs.pop(BUNDLED[2])
    others = [e for entries in logs.values() for e in entries]
    assert not {e.id for e in mine} & {e.id for e in others}
    assert not {e.occurrence() for e in mine} & {e.occurrence() for e in others}
    assert all(date(2016, 4, 21) <= e.on <= date(2019, 12, 31) for e in mine)


def test_the_episode_and_the_bundled_history_agree_from_2016_to_2019(
    nato_russia: tracker.Replay, bundled: tracker.Replay
) -> None:
    """The episode's log begins mid-story, in 2014; the bundled logs tell the whole story.
    Once the months of the one entry only they hold (April 2016) are past, both say the same."""
    day = date(2016, 6, 1)
    while day <= date(2019, 12, 31):
        alone, whole = nato_russia.at(day), bundled.at(day)
        assert alone.phase is whole.phase, day
        assert in_force(alone) == in_force(whole), day
        assert alone.level == whole.level, day
        day += timedelta(days=7)
    assert not at(bundled, "2024-12-31").anomalies


# -- Qatar–Saudi Arabia 2017–2021 ------------------------------------------------------------


def test_relations_cut_with_borders_closed_are_severed(qatar: tracker.Replay) -> None:
    before = at(qatar, "2017-06-04")
    assert before.phase is tracker.Phase.NORMAL
    state = at(qatar, "2017-06-06")
    assert state.phase is tracker.Phase.SEVERED
    # Qatar's diplomats, given 48 hours to leave, are expelled from the day of the notice.
    assert in_force(state) == {
        ("SAU", RELATIONS),
        ("SAU", "transport_cooperation"),
        ("SAU", "trade_cooperation"),
        ("SAU", "sau_embassy_doha"),
        ("SAU", "qat_embassy_riyadh"),
    }
    assert state.level < before.level


def test_the_thirteen_demands_are_a_statement(qatar: tracker.Replay) -> None:
    assert in_force(at(qatar, "2017-06-24")) == in_force(at(qatar, "2017-06-21"))
    assert at(qatar, "2020-12-31").phase is tracker.Phase.SEVERED


def test_open_borders_do_not_restore_relations(qatar: tracker.Replay) -> None:
    state = at(qatar, "2021-01-04")
    assert ("SAU", "transport_cooperation") not in in_force(state)
    assert state.phase is tracker.Phase.SEVERED


def test_al_ula_restores_relations_while_the_embassies_are_still_empty(
    qatar: tracker.Replay,
) -> None:
    state = at(qatar, "2021-01-06")
    assert state.phase is tracker.Phase.STRAINED
    assert in_force(state) == {("SAU", "sau_embassy_doha"), ("SAU", "qat_embassy_riyadh")}
    assert state.channels[RELATIONS] is tracker.ChannelStatus.ACTIVE
    assert "gcc-summit-al-ula-2021-01-05" in state.meetings
    assert state.level > at(qatar, "2020-12-31").level


def test_the_embassy_promised_within_days_is_overdue_then_lapses(qatar: tracker.Replay) -> None:
    promise = ("presence_measure", "saudi-embassy-doha-to-reopen-2021-01-14")
    assert promise in awaited(at(qatar, "2021-01-20"))
    assert promise in {(i.kind, i.source) for i in at(qatar, "2021-02-15").overdue()}
    late = at(qatar, "2021-07-01")
    assert promise in {(i.kind, i.source) for i in late.lapsed()}
    assert not any(source == promise[1] for _, source, _ in fulfilled(late))


def test_each_embassy_staffed_again_ends_what_emptied_it(qatar: tracker.Replay) -> None:
    state = at(qatar, "2021-07-01")
    assert in_force(state) == {("SAU", "qat_embassy_riyadh")}
    assert state.phase is tracker.Phase.STRAINED
    state = at(qatar, "2021-08-12")
    assert state.phase is tracker.Phase.NORMALIZED
    assert not state.in_force()
    (expulsion,) = [
        m
        for m in state.measures.values()
        if m.entry == "saudi-arabia-expels-qatari-diplomats-2017-06-05"
    ]
    assert [x.entry for x in expulsion.liftings] == ["qatar-ambassador-to-saudi-arabia-2021-08-11"]


# -- Canada–Saudi Arabia 2018–2023 -----------------------------------------------------------


def test_an_expelled_ambassador_and_frozen_trade_suspend_cooperation(
    canada: tracker.Replay,
) -> None:
    before = at(canada, "2018-08-04")
    assert not before.in_force()  # a call to free activists is a statement
    state = at(canada, "2018-08-07")
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert in_force(state) == {
        ("SAU", "can_embassy_riyadh"),
        ("SAU", "sau_embassy_ottawa"),
        ("SAU", "new_trade_and_investment"),
        ("SAU", "education_cooperation"),
    }
    assert state.level < before.level


def test_the_talk_in_bangkok_lifts_nothing(canada: tracker.Replay) -> None:
    before, state = at(canada, "2022-11-17"), at(canada, "2022-11-19")
    assert in_force(state) == in_force(before)
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level > before.level


def test_ambassadors_exchanged_again_end_the_expulsion_and_the_recall(
    canada: tracker.Replay,
) -> None:
    before, state = at(canada, "2023-05-23"), at(canada, "2023-05-25")
    assert in_force(state) == {
        ("SAU", "new_trade_and_investment"),
        ("SAU", "education_cooperation"),
    }
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED  # the freeze is not lifted yet
    assert state.level > before.level
    promise = ("ministerial_decision", "canada-saudi-arabia-restore-relations-2023-05-24")
    assert promise in awaited(state)
    assert promise in {(i.kind, i.source) for i in at(canada, "2024-05-25").lapsed()}
    expulsion = state.measures[
        "saudi-arabia-expels-canadian-ambassador-2018-08-05.can_embassy_riyadh"
    ]
    assert expulsion.lifted_on(state.at) == date(2023, 5, 24)


# -- Australia–France 2021 -------------------------------------------------------------------


def test_a_recalled_ambassador_strains_relations_until_sent_back(france: tracker.Replay) -> None:
    before = at(france, "2021-09-15")
    assert before.phase is tracker.Phase.NORMAL
    recalled = at(france, "2021-09-18")
    assert recalled.phase is tracker.Phase.STRAINED
    assert in_force(recalled) == {("FRA", "fra_embassy_canberra")}
    assert recalled.level < before.level
    back = at(france, "2021-10-07")
    assert back.phase is tracker.Phase.NORMALIZED
    assert not back.in_force()
    assert back.level > recalled.level


# -- the rules these episodes rest on, for any mission ---------------------------------------

_REDUCING = st.sampled_from(
    [
        ("expulsion", ""),
        ("presence", "restricted"),
        ("presence", "suspended"),
        ("presence", "closed"),
        ("presence", "capped"),
    ]
)


def _on_mission(kind: str, action: str, number: int, by: str) -> tracker.Entry:
    on = (date(2018, 1, 1) + timedelta(days=number)).isoformat()
    if kind == "expulsion":
        return entry(
            tracker.Expulsion, on, id=f"m-{number}", by=by, mission=MISSION, persons="staff"
        )
    return entry(
        tracker.PresenceMeasure,
        on,
        id=f"m-{number}",
        by=by,
        mission=MISSION,
        of="RUS",
        action=tracker.PresenceAction(action),
        cap=20 if action == "capped" else 0,
    )


@given(
    st.lists(st.tuples(_REDUCING, st.sampled_from(["NATO", "RUS"])), min_size=1, max_size=6),
    st.sampled_from(["NATO", "RUS"]),
)
def test_a_mission_weighs_once_for_each_party_and_opened_again_keeps_only_its_cap(
    acts: list[tuple[tuple[str, str], str]], opener: str
) -> None:
    measures = [_on_mission(kind, action, n, by) for n, ((kind, action), by) in enumerate(acts)]
    state = replay_of(*measures).as_of(date(2018, 6, 1))
    parties = {m.by for m in state.in_force()}
    heaviest = [min(m.weight for m in state.in_force() if m.by == party) for party in parties]
    assert state.pressure == sum(heaviest)
    opened = entry(
        tracker.PresenceMeasure,
        "2018-07-01",
        id="opened",
        by=opener,
        mission=MISSION,
        of="RUS",
        action=tracker.PresenceAction.OPENED,
    )
    after = replay_of(*measures, opened).as_of(date(2018, 7, 2))
    assert {m.effect for m in after.in_force()} <= {tracker.Effect.CAP}
    assert not after.anomalies


def test_a_treaty_declared_defunct_ends_a_cooperation_not_the_dialogue(
    nato_russia: tracker.Replay,
) -> None:
    """A user may write the end of the INF Treaty as the body it was declared defunct."""
    ended = entry(
        tracker.BodyDefunct,
        "2019-08-02",
        id="inf-treaty-ends-2019-08-02",
        by="NATO",
        channel="inf_treaty",
        body="Intermediate-Range Nuclear Forces Treaty",
        statement="Russia bears the blame",
    )
    entries = [e for e in tracker.read_log(NATO_RUSSIA).entries if e.TYPE != "condemnation"]
    state = at(tracker.Replay([*entries, ended]), "2019-08-03")
    assert state.roles["inf_treaty"] is tracker.Role.COOPERATION
    assert state.channels["inf_treaty"] is tracker.ChannelStatus.DEFUNCT
    assert state.channels["nrc"] is tracker.ChannelStatus.ACTIVE
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert not state.anomalies
    alone = replay_of(ended).as_of(date(2019, 8, 3))
    assert alone.phase is tracker.Phase.COOPERATION_SUSPENDED  # not merely strained


_MEETINGS = st.sampled_from(
    [
        ("informal", "military"),
        ("informal", "high_level_political"),
        ("council", "nrc"),
        ("council", "military"),
    ]
)


@given(st.lists(st.tuples(_MEETINGS, st.booleans()), min_size=1, max_size=6))
def test_no_meeting_lifts_a_formal_suspension_of_cooperation(
    meetings: list[tuple[tuple[str, str], bool]],
) -> None:
    suspended = entry(
        tracker.Suspension,
        "2014-04-01",
        id="suspended",
        by="NATO",
        channels=("military", "civilian_cooperation"),
        reason="war",
    )
    held: list[tracker.Entry] = []
    for number, ((kind, channel), formal) in enumerate(meetings):
        on = (date(2015, 1, 1) + timedelta(days=30 * number)).isoformat()
        if kind == "informal":
            held.append(
                entry(
                    tracker.InformalMeeting, on, id=f"met-{number}", format="talks", channel=channel
                )
            )
        else:
            level = {"level": "ambassadors", "formal": formal, "council": channel}
            held.append(entry(tracker.CouncilMeeting, on, id=f"met-{number}", **level))
    state = replay_of(suspended, *held).as_of(date(2016, 1, 1))
    assert in_force(state) == PRACTICAL
    assert all(not m.liftings for m in state.measures.values())
    assert state.channels["military"] is tracker.ChannelStatus.SUSPENDED
    assert state.channels["civilian_cooperation"] is tracker.ChannelStatus.SUSPENDED
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
