"""The states an analyst expects from three recent episodes, written down from what their events
mean before the logs were replayed: United States–China 2022–2024 (eight channels cut after the
Speaker's visit to Taiwan, the leaders' meetings at Bali and Woodside, talks resumed after),
Japan–South Korea 2018–2023 (export controls and white lists, the notice on GSOMIA and its
suspension, the settlement of 2023) and Colombia–Venezuela 2019–2022 (relations broken off and
restored, the border closed and opened)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import builders
import pytest
from histories import (
    at,
    awaited,
    episode,
    episode_id,
    fulfilled,
    holds_on_any_day,
    in_force,
    phase_is,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker

EPISODES = Path(__file__).parent / "episodes"
US_CHINA = EPISODES / "us-china-2022-2024.jsonl"
JAPAN_KOREA = EPISODES / "japan-south-korea-2018-2023.jsonl"
COLOMBIA_VENEZUELA = EPISODES / "colombia-venezuela-2019-2022.jsonl"

MILITARY_TALKS = (
    "theater_commanders_talks",
    "defense_policy_coordination_talks",
    "military_maritime_consultative_talks",
)
LAW_ENFORCEMENT = (
    "repatriation_cooperation",
    "criminal_legal_assistance_cooperation",
    "transnational_crime_cooperation",
)
NARCOTICS, CLIMATE = "counternarcotics_cooperation", "climate_change_talks"
MATERIALS, WHITE_LIST, GSOMIA = (
    "materials_export_controls",
    "white_list_removal",
    "gsomia_agreement",
)
BORDER, RELATIONS = "border_crossing_cooperation", "diplomatic_relations"
WOODSIDE = "woodside-military-talks-restored-2023-11-15"


us_china = episode(US_CHINA)
japan_korea = episode(JAPAN_KOREA)
colombia_venezuela = episode(COLOMBIA_VENEZUELA)


# -- every episode ---------------------------------------------------------------------------


def _military_talks_cut(state: tracker.State) -> bool:
    return all(
        state.channels[channel] is tracker.ChannelStatus.SUSPENDED
        and ("CHN", channel) in in_force(state)
        for channel in MILITARY_TALKS
    )


def _white_list_withheld(state: tracker.State) -> bool:
    # Strained by the export controls, cooperation suspended while GSOMIA's notice runs: the
    # dialogue stays open throughout.
    open_dialogue = state.phase in (tracker.Phase.STRAINED, tracker.Phase.COOPERATION_SUSPENDED)
    return open_dialogue and ("JPN", WHITE_LIST) in in_force(state)


def _gsomia_under_notice(state: tracker.State) -> bool:
    eased = state.channels[GSOMIA] is tracker.ChannelStatus.RESUMPTION_DECIDED
    return eased and ("KOR", GSOMIA) in in_force(state)


def _restoration_decided(state: tracker.State) -> bool:
    decided = state.channels[RELATIONS] is tracker.ChannelStatus.RESUMPTION_DECIDED
    return decided and state.phase is tracker.Phase.CONTACTS_RESUMED


SPANS = [
    # From China's countermeasures to the Woodside summit, no military talks were held.
    pytest.param(US_CHINA, "2022-08-05", "2023-11-14", _military_talks_cut, id="us-china-military"),
    # Dialogue channels cut and no meeting held until the leaders met at Bali.
    pytest.param(
        US_CHINA, "2022-08-05", "2022-11-13", phase_is(tracker.Phase.SUSPENDED), id="us-china-cut"
    ),
    # Japan's white list closed to Korea until it takes force again on 21 July 2023.
    pytest.param(
        JAPAN_KOREA, "2019-08-28", "2023-07-20", _white_list_withheld, id="japan-korea-white-list"
    ),
    # Korea's notice on GSOMIA, suspended before it took force, until withdrawn in 2023.
    pytest.param(
        JAPAN_KOREA, "2019-11-23", "2023-03-20", _gsomia_under_notice, id="japan-korea-gsomia"
    ),
    # Restoration decided, the ambassadors not yet arrived.
    pytest.param(
        COLOMBIA_VENEZUELA,
        "2022-08-11",
        "2022-08-27",
        _restoration_decided,
        id="colombia-venezuela-restoration",
    ),
    # Relations broken off until both presidents decide to restore them; a meeting of
    # ministers, one of them not yet in office, does not restore them.
    pytest.param(
        COLOMBIA_VENEZUELA,
        "2019-02-23",
        "2022-08-10",
        phase_is(tracker.Phase.SEVERED),
        id="colombia-venezuela-rupture",
    ),
]


test_what_holds_over_a_crisis_holds_on_any_day_of_it = holds_on_any_day(SPANS)


# -- United States–China 2022–2024 -----------------------------------------------------------


def test_the_eight_countermeasures_suspend_dialogue_and_cooperation(
    us_china: tracker.Replay,
) -> None:
    before = at(us_china, "2022-08-04")
    assert before.phase is tracker.Phase.NORMAL
    assert not before.in_force()
    state = at(us_china, "2022-08-06")
    assert state.phase is tracker.Phase.SUSPENDED
    cut = {*MILITARY_TALKS, *LAW_ENFORCEMENT, NARCOTICS, CLIMATE}
    assert in_force(state) == {("CHN", channel) for channel in cut}
    assert all(state.channels[c] is tracker.ChannelStatus.SUSPENDED for c in cut)
    assert state.level < before.level


def test_bali_resumes_contacts_and_lets_climate_talks_resume_under_the_measure(
    us_china: tracker.Replay,
) -> None:
    state = at(us_china, "2022-11-15")
    assert state.phase is tracker.Phase.CONTACTS_RESUMED
    assert state.channels[CLIMATE] is tracker.ChannelStatus.RESUMPTION_DECIDED
    assert ("CHN", CLIMATE) in in_force(state)  # eased, not lifted
    assert ("informal_meeting", "biden-xi-bali-2022-11-14") in awaited(state)
    assert state.level > at(us_china, "2022-11-13").level


def test_the_easing_at_bali_is_known_once_reported(us_china: tracker.Replay) -> None:
    day = date(2022, 11, 15)
    before = us_china.at(day, known_at=day).channels[CLIMATE]
    assert before is tracker.ChannelStatus.SUSPENDED
    known = us_china.at(day, known_at=date(2022, 11, 17)).channels[CLIMATE]
    assert known is tracker.ChannelStatus.RESUMPTION_DECIDED


def test_the_balloon_postpones_the_visit_without_giving_it_up(us_china: tracker.Replay) -> None:
    before, state = at(us_china, "2023-02-02"), at(us_china, "2023-02-04")
    assert state.phase is before.phase is tracker.Phase.CONTACTS_RESUMED
    assert in_force(state) == in_force(before)  # a protest and a postponement are no measure
    assert ("informal_meeting", "biden-xi-bali-2022-11-14") in awaited(state)
    assert state.level < before.level
    # The visit set for 5 and 6 February is put off, not given up: overdue, still awaited.
    (moved,) = [
        item for item in at(us_china, "2023-06-17").overdue() if item.kind == "informal_meeting"
    ]
    assert moved.source == "biden-xi-bali-2022-11-14"
    done = fulfilled(at(us_china, "2023-06-19"))
    assert ("informal_meeting", "biden-xi-bali-2022-11-14", "blinken-in-beijing-2023-06-18") in done


def test_climate_envoys_meet_informally_then_set_the_talks_going_again(
    us_china: tracker.Replay,
) -> None:
    assert at(us_china, "2023-07-18").channels[CLIMATE] is tracker.ChannelStatus.INFORMAL
    state = at(us_china, "2023-11-14")
    assert ("CHN", CLIMATE) not in in_force(state)
    assert state.channels[CLIMATE] is tracker.ChannelStatus.ACTIVE
    assert _military_talks_cut(state)


def test_woodside_restores_military_talks_and_leaves_cooperation_suspended(
    us_china: tracker.Replay,
) -> None:
    state = at(us_china, "2023-11-16")
    assert in_force(state) == {("CHN", channel) for channel in LAW_ENFORCEMENT}
    assert all(state.channels[c] is tracker.ChannelStatus.ACTIVE for c in MILITARY_TALKS)
    assert state.channels[NARCOTICS] is tracker.ChannelStatus.ACTIVE
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level > at(us_china, "2022-08-06").level
    promised = [item.forum for item in state.awaited() if item.source == WOODSIDE]
    assert sorted(promised) == sorted([*MILITARY_TALKS[1:], NARCOTICS])


@pytest.mark.parametrize(
    ("day", "meeting"),
    [
        ("2024-01-09", "defense-policy-coordination-talks-pentagon-2024-01-08"),
        ("2024-01-31", "counternarcotics-working-group-launched-2024-01-30"),
        ("2024-04-05", "mmca-working-group-honolulu-2024-04-03"),
    ],
    ids=episode_id,
)
def test_each_channel_restored_at_woodside_meets_as_promised(
    us_china: tracker.Replay, day: str, meeting: str
) -> None:
    done = fulfilled(at(us_china, day))
    assert ("informal_meeting", WOODSIDE, meeting) in done
    assert at(us_china, day).phase is tracker.Phase.COOPERATION_SUSPENDED


# -- Japan–South Korea 2018–2023 -------------------------------------------------------------


def test_protests_at_the_rulings_weigh_on_the_level_but_impose_nothing(
    japan_korea: tracker.Replay,
) -> None:
    state = at(japan_korea, "2018-12-31")
    assert state.phase is tracker.Phase.NORMAL
    assert not state.in_force()
    assert at(japan_korea, "2018-11-30").level < at(japan_korea, "2018-10-29").level


def test_export_controls_take_force_on_their_days(japan_korea: tracker.Replay) -> None:
    assert at(japan_korea, "2019-07-03").phase is tracker.Phase.NORMAL
    state = at(japan_korea, "2019-07-04")
    assert in_force(state) == {("JPN", MATERIALS)}
    assert state.phase is tracker.Phase.STRAINED  # export controls coerce, no channel is shut
    assert ("JPN", WHITE_LIST) not in in_force(at(japan_korea, "2019-08-27"))
    assert ("JPN", WHITE_LIST) in in_force(at(japan_korea, "2019-08-28"))
    assert ("KOR", WHITE_LIST) not in in_force(at(japan_korea, "2019-09-17"))
    assert in_force(at(japan_korea, "2019-09-18")) == {
        ("JPN", MATERIALS),
        ("JPN", WHITE_LIST),
        ("KOR", WHITE_LIST),
    }


def test_the_notice_on_gsomia_is_suspended_before_it_ends_the_agreement(
    japan_korea: tracker.Replay,
) -> None:
    noticed = at(japan_korea, "2019-11-21")
    assert ("KOR", GSOMIA) not in in_force(noticed)  # the agreement still runs
    state = at(japan_korea, "2019-11-23")
    assert state.channels[GSOMIA] is tracker.ChannelStatus.RESUMPTION_DECIDED
    assert ("KOR", GSOMIA) in in_force(state)  # a notice suspended, not withdrawn
    assert state.channels[GSOMIA] is at(japan_korea, "2023-03-20").channels[GSOMIA]
    assert at(japan_korea, "2023-03-21").channels[GSOMIA] is tracker.ChannelStatus.ACTIVE
    assert ("KOR", GSOMIA) not in in_force(at(japan_korea, "2023-03-21"))


def test_the_photoresist_easing_eases_the_materials_controls(japan_korea: tracker.Replay) -> None:
    state = at(japan_korea, "2019-12-21")
    (controls,) = [m for m in state.in_force() if (m.by, m.target) == ("JPN", MATERIALS)]
    assert controls.eased(state.at)
    assert not controls.eased(at(japan_korea, "2019-12-19").at)
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED  # GSOMIA's notice, suspended


def test_the_settlement_of_2023_lifts_the_measures_one_by_one(japan_korea: tracker.Replay) -> None:
    assert ("JPN", MATERIALS) not in in_force(at(japan_korea, "2023-03-16"))
    assert ("KOR", WHITE_LIST) not in in_force(at(japan_korea, "2023-04-24"))
    last = at(japan_korea, "2023-07-20")
    assert in_force(last) == {("JPN", WHITE_LIST)}
    assert last.phase is tracker.Phase.STRAINED
    state = at(japan_korea, "2023-07-21")
    assert not state.in_force()
    assert state.phase is tracker.Phase.NORMALIZED
    assert state.level > at(japan_korea, "2019-09-18").level


def test_the_visit_to_seoul_fulfils_the_invitation_of_tokyo(japan_korea: tracker.Replay) -> None:
    assert ("informal_meeting", "yoon-kishida-tokyo-2023-03-16") in awaited(
        at(japan_korea, "2023-03-17")
    )
    assert (
        "informal_meeting",
        "yoon-kishida-tokyo-2023-03-16",
        "kishida-in-seoul-2023-05-07",
    ) in fulfilled(at(japan_korea, "2023-05-08"))


# -- Colombia–Venezuela 2019–2022 ------------------------------------------------------------


def test_the_border_closed_then_relations_broken_off(colombia_venezuela: tracker.Replay) -> None:
    assert at(colombia_venezuela, "2019-02-21").phase is tracker.Phase.NORMAL
    assert at(colombia_venezuela, "2019-02-22").phase is tracker.Phase.COOPERATION_SUSPENDED
    state = at(colombia_venezuela, "2019-02-23")
    assert state.phase is tracker.Phase.SEVERED
    assert state.channels[RELATIONS] is tracker.ChannelStatus.SUSPENDED
    assert ("VEN", "col_embassy_caracas") not in in_force(state)  # 24 hours to leave
    assert ("VEN", "col_embassy_caracas") in in_force(at(colombia_venezuela, "2019-02-24"))


def test_the_decision_to_restore_relations_ends_the_rupture(
    colombia_venezuela: tracker.Replay,
) -> None:
    agreed = at(colombia_venezuela, "2022-07-29")
    assert ("ministerial_decision", "leyva-faria-san-cristobal-2022-07-28") in awaited(agreed)
    state = at(colombia_venezuela, "2022-08-12")
    assert state.phase is tracker.Phase.CONTACTS_RESUMED
    assert ("VEN", RELATIONS) in in_force(state)  # restored from the ambassadors' arrival
    assert (
        "ministerial_decision",
        "leyva-faria-san-cristobal-2022-07-28",
        "colombia-venezuela-name-ambassadors-2022-08-11",
    ) in fulfilled(state)


def test_the_ambassadors_restore_relations_and_the_border_normalizes_them(
    colombia_venezuela: tracker.Replay,
) -> None:
    state = at(colombia_venezuela, "2022-08-28")
    assert in_force(state) == {("VEN", BORDER)}
    assert state.channels[RELATIONS] is tracker.ChannelStatus.ACTIVE
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    opened = at(colombia_venezuela, "2022-09-26")
    assert not opened.in_force()
    assert opened.phase is tracker.Phase.NORMALIZED
    summit = at(colombia_venezuela, "2022-11-02")
    assert summit.phase is tracker.Phase.NORMALIZED
    assert summit.level > at(colombia_venezuela, "2019-02-24").level


# -- the rules these episodes called for -----------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    broken=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    until_decided=st.integers(1, 2000),
    until_restored=st.integers(1, 365),
    data=st.data(),
)
def test_a_restoration_decided_for_a_later_day_ends_the_rupture_from_its_decision(
    broken: date, until_decided: int, until_restored: int, data: st.DataObject
) -> None:
    decided = broken + timedelta(days=until_decided)
    restored = decided + timedelta(days=until_restored)
    history = tracker.Replay(
        [
            builders.suspension(broken.isoformat(), channels=(RELATIONS,)),
            builders.lifting(
                decided.isoformat(), builders.lift(RELATIONS, effective=restored.isoformat())
            ),
        ]
    )
    assert history.at(decided - timedelta(days=1)).phase is tracker.Phase.SEVERED
    between = data.draw(st.dates(decided, restored - timedelta(days=1)), label="between")
    state = history.at(between)
    assert state.phase is tracker.Phase.REENGAGEMENT_DECIDED
    assert state.channels[RELATIONS] is tracker.ChannelStatus.RESUMPTION_DECIDED
    assert ("NATO", RELATIONS) in in_force(state)
    assert not history.at(restored).in_force()


@settings(max_examples=60, deadline=None)
@given(
    announced=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    notice=st.integers(1, 365),
    channel=st.sampled_from([GSOMIA, MATERIALS, CLIMATE, "strategic_dialogue"]),
    data=st.data(),
)
def test_a_measure_eased_before_it_takes_force_takes_force_eased(
    announced: date, notice: int, channel: str, data: st.DataObject
) -> None:
    effective = announced + timedelta(days=notice)
    eased = data.draw(st.dates(announced, effective - timedelta(days=1)), label="eased")
    history = tracker.Replay(
        [
            builders.suspension(announced.isoformat(), channels=(channel,), effective=effective),
            builders.decision(eased.isoformat(), resumes=(channel,)),
        ]
    )
    later = data.draw(st.dates(effective, effective + timedelta(days=3000)), label="later")
    state = history.at(later)
    assert ("NATO", channel) in in_force(state)
    assert state.channels[channel] is tracker.ChannelStatus.RESUMPTION_DECIDED
    if not channel.endswith(("_agreement", "_cooperation")):  # a dialogue: no meeting held
        assert state.phase is tracker.Phase.REENGAGEMENT_DECIDED
    assert not state.anomalies
