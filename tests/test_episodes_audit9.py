"""The states an analyst expects from six more real episodes, of six kinds, written down from what
their events mean before the logs were replayed: Israel–United Arab Emirates 2020–2021 (a boycott
law repealed, relations established, embassies opened), Kenya–Somalia 2020–2021 (an ambassador
expelled, relations broken off and restored by one party alone), France–Mali 2021–2022 (joint
operations suspended and resumed, the ambassador expelled, the forces withdrawn, the defence
accords denounced, aid and NGOs cut), Sweden–Turkey 2019–2024 (arms exports stopped and resumed,
the accession talks put on ice and restarted, the protocol ratified), Lebanon–Saudi Arabia
2021–2022 (bans on imports, the envoys recalled and expelled, one of them back) and Iran–Pakistan
2024 (strikes across the border, the ambassadors recalled and back within ten days)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

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
    shared_replay,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker

EPISODES = Path(__file__).parent / "episodes"
ISRAEL_UAE = EPISODES / "israel-uae-2020-2021.jsonl"
KENYA_SOMALIA = EPISODES / "kenya-somalia-2020-2021.jsonl"
FRANCE_MALI = EPISODES / "france-mali-2021-2022.jsonl"
SWEDEN_TURKEY = EPISODES / "sweden-turkey-2019-2024.jsonl"
LEBANON_SAUDI = EPISODES / "lebanon-saudi-arabia-2021-2022.jsonl"
IRAN_PAKISTAN = EPISODES / "iran-pakistan-2024.jsonl"

RELATIONS, TOP = "diplomatic_relations", "high_level_political"
BOYCOTT = "israel_boycott_law"
MILITARY, SOFA, TREATY = "military_cooperation", "sofa_agreement", "defence_cooperation_treaty"
ARMS, MECHANISM = "arms_export_permits", "accession_joint_mechanism"
PRODUCE, IMPORTS = "lebanese_produce_ban", "lebanese_imports_ban"
BEIRUT, RIYADH = "sau_embassy_beirut", "lbn_embassy_riyadh"
TEHRAN, ISLAMABAD = "pak_embassy_tehran", "irn_embassy_islamabad"
NAIROBI, MOGADISHU = "som_embassy_nairobi", "ken_embassy_mogadishu"

Phase, Status = tracker.Phase, tracker.ChannelStatus

israel_uae = episode(ISRAEL_UAE)
kenya_somalia = episode(KENYA_SOMALIA)
france_mali = episode(FRANCE_MALI)
sweden_turkey = episode(SWEDEN_TURKEY)
lebanon_saudi = episode(LEBANON_SAUDI)
iran_pakistan = episode(IRAN_PAKISTAN)


def _forced(pairs: set[tuple[str, str]], *phases: tracker.Phase) -> Callable[[tracker.State], bool]:
    # Exactly these measures in force, and one of these phases.
    def holds(state: tracker.State) -> bool:
        return in_force(state) == pairs and state.phase in phases and state.level < 0

    return holds


# -- every episode ---------------------------------------------------------------------------

RANGES = [
    pytest.param(ISRAEL_UAE, date(2020, 1, 1), date(2022, 6, 30), id="israel-uae"),
    pytest.param(KENYA_SOMALIA, date(2020, 11, 1), date(2021, 12, 31), id="kenya-somalia"),
    pytest.param(FRANCE_MALI, date(2021, 5, 1), date(2023, 6, 30), id="france-mali"),
    pytest.param(SWEDEN_TURKEY, date(2019, 9, 1), date(2024, 6, 30), id="sweden-turkey"),
    pytest.param(LEBANON_SAUDI, date(2021, 3, 1), date(2022, 12, 31), id="lebanon-saudi-arabia"),
    pytest.param(IRAN_PAKISTAN, date(2024, 1, 1), date(2024, 6, 30), id="iran-pakistan"),
]


@pytest.mark.parametrize(("path", "first", "last"), RANGES)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_no_anomaly_on_any_day(path: Path, first: date, last: date, data: st.DataObject) -> None:
    # Every measure is lifted by the party that took it, every meeting is on an open channel or
    # an informal one: nothing in these histories makes no sense.
    day = data.draw(st.dates(first, last), label="day")
    assert not shared_replay(path).at(day).anomalies


SPANS = [
    # Israel–UAE: the boycott law of 1972 stands until the decree of 29 August 2020.
    pytest.param(
        ISRAEL_UAE,
        "1973-01-01",
        "2020-08-28",
        _forced({("ARE", BOYCOTT)}, Phase.STRAINED),
        id="israel-uae-boycott",
    ),
    pytest.param(
        ISRAEL_UAE, "2020-08-29", "2022-06-30", phase_is(Phase.NORMALIZED), id="israel-uae-after"
    ),
    # Kenya–Somalia: Somalia's break stands until it restores relations; a summit both
    # presidents attend in a third country's forum restores nothing.
    pytest.param(
        KENYA_SOMALIA, "2020-12-15", "2021-05-05", phase_is(Phase.SEVERED), id="kenya-somalia-break"
    ),
    # France–Mali: joint operations suspended for a month, relations otherwise open.
    pytest.param(
        FRANCE_MALI,
        "2021-06-03",
        "2021-07-01",
        _forced({("FRA", MILITARY)}, Phase.COOPERATION_SUSPENDED),
        id="france-mali-joint-ops",
    ),
    pytest.param(
        FRANCE_MALI,
        "2021-07-02",
        "2022-01-30",
        phase_is(Phase.NORMALIZED),
        id="france-mali-resumed",
    ),
    # The ambassador expelled; France's withdrawal is decided but its forces are still there.
    pytest.param(
        FRANCE_MALI,
        "2022-01-31",
        "2022-05-01",
        _forced({("MLI", "fra_embassy_bamako")}, Phase.STRAINED),
        id="france-mali-expelled",
    ),
    # From the denunciation of the accords: cooperation ended, the dialogue never cut.
    pytest.param(
        FRANCE_MALI,
        "2022-05-02",
        "2023-06-30",
        phase_is(Phase.COOPERATION_SUSPENDED),
        id="france-mali-accords",
    ),
    # Sweden–Turkey: arms export permits withheld from the Syrian offensive to September 2022.
    pytest.param(
        SWEDEN_TURKEY,
        "2019-10-31",
        "2022-09-29",
        _forced({("SWE", ARMS)}, Phase.STRAINED),
        id="sweden-turkey-arms",
    ),
    pytest.param(
        SWEDEN_TURKEY,
        "2022-09-30",
        "2023-01-23",
        phase_is(Phase.NORMALIZED),
        id="sweden-turkey-open",
    ),
    # The talks put on ice by Turkey after the Quran burning, no meeting and no decision since.
    pytest.param(
        SWEDEN_TURKEY,
        "2023-01-24",
        "2023-02-23",
        _forced({("TUR", MECHANISM)}, Phase.SUSPENDED),
        id="sweden-turkey-on-ice",
    ),
    # Erdoğan and Stoltenberg agree to restart them; the meeting is still to come.
    pytest.param(
        SWEDEN_TURKEY,
        "2023-02-24",
        "2023-03-08",
        phase_is(Phase.REENGAGEMENT_DECIDED),
        id="sweden-turkey-restart",
    ),
    pytest.param(
        SWEDEN_TURKEY,
        "2023-03-09",
        "2024-06-30",
        phase_is(Phase.NORMALIZED),
        id="sweden-turkey-after",
    ),
    # Lebanon–Saudi Arabia: coercive measures only, never a break.
    pytest.param(
        LEBANON_SAUDI,
        "2021-10-29",
        "2022-04-07",
        _forced(
            {("SAU", PRODUCE), ("SAU", IMPORTS), ("SAU", BEIRUT), ("SAU", RIYADH)}, Phase.STRAINED
        ),
        id="lebanon-saudi-crisis",
    ),
    pytest.param(
        LEBANON_SAUDI,
        "2022-04-08",
        "2022-12-31",
        _forced({("SAU", PRODUCE), ("SAU", IMPORTS), ("SAU", RIYADH)}, Phase.STRAINED),
        id="lebanon-saudi-envoy-back",
    ),
    # Iran–Pakistan: strained from the ambassadors' return until the strikes are a month old.
    pytest.param(
        IRAN_PAKISTAN,
        "2024-01-26",
        "2024-02-29",
        _forced(set(), Phase.STRAINED),
        id="iran-pakistan-strikes",
    ),
    pytest.param(
        IRAN_PAKISTAN,
        "2024-03-01",
        "2024-06-30",
        phase_is(Phase.NORMALIZED),
        id="iran-pakistan-after",
    ),
]


test_what_holds_over_a_span_holds_on_any_day_of_it = holds_on_any_day(SPANS)


# -- Israel–United Arab Emirates 2020–2021 ---------------------------------------------------


def test_the_repeal_of_the_boycott_lifts_it_and_raises_the_level(
    israel_uae: tracker.Replay,
) -> None:
    before, after = at(israel_uae, "2020-08-28"), at(israel_uae, "2020-08-29")
    assert ("ARE", BOYCOTT) in in_force(before)
    assert not in_force(after)
    assert after.level > 0 > before.level


def test_the_accords_establish_relations_as_announced(israel_uae: tracker.Replay) -> None:
    announced = "normalisation-agreed-2020-08-13"
    assert RELATIONS not in at(israel_uae, "2020-09-14").channels
    signed = at(israel_uae, "2020-09-15")
    assert signed.channels[RELATIONS] is Status.ACTIVE
    assert (
        "channel_established",
        announced,
        "abraham-accords-signed-2020-09-15",
    ) in fulfilled(signed)


def test_each_embassy_meets_the_promise_of_its_own_party(israel_uae: tracker.Replay) -> None:
    announced = "normalisation-agreed-2020-08-13"
    israel = "israel-opens-embassy-in-abu-dhabi-2021-01-24"
    emirates = "uae-opens-embassy-in-tel-aviv-2021-07-14"
    january = at(israel_uae, "2021-01-24")
    # Israel's embassy meets the promise of an Israeli one; the Emirati one is still awaited.
    assert ("presence_measure", announced, israel) in fulfilled(january)
    assert ("presence_measure", announced) in awaited(january)
    july = at(israel_uae, "2021-07-14")
    assert ("presence_measure", announced, emirates) in fulfilled(july)
    assert not july.awaited()
    assert not july.lapsed()


# -- Kenya–Somalia 2020–2021 -----------------------------------------------------------------


def test_the_expulsion_and_the_recall_strain_without_a_break(kenya_somalia: tracker.Replay) -> None:
    state = at(kenya_somalia, "2020-11-29")
    assert in_force(state) == {("SOM", MOGADISHU), ("SOM", NAIROBI)}
    assert state.phase is Phase.STRAINED
    assert state.level < at(kenya_somalia, "2020-11-28").level


def test_the_break_is_somalias_alone_and_weighs_more(kenya_somalia: tracker.Replay) -> None:
    state = at(kenya_somalia, "2020-12-15")
    assert ("SOM", RELATIONS) in in_force(state)
    assert {by for by, _ in in_force(state)} == {"SOM"}  # Kenya answered with no measure
    assert state.level < at(kenya_somalia, "2020-12-14").level


@settings(max_examples=30, deadline=None)
@given(
    first=st.dates(date(2021, 2, 1), date(2021, 5, 5)),
    second=st.dates(date(2021, 2, 1), date(2021, 5, 5)),
)
def test_with_nothing_done_the_break_reads_the_same(first: date, second: date) -> None:
    history = shared_replay(KENYA_SOMALIA)
    assert history.at(first).level == history.at(second).level < 0


def test_restored_relations_leave_the_embassies_to_be_staffed(
    kenya_somalia: tracker.Replay,
) -> None:
    # Relations resumed, but no ambassador is back yet: strained, not normalised.
    state = at(kenya_somalia, "2021-05-06")
    assert state.channels[RELATIONS] is Status.ACTIVE
    assert ("SOM", RELATIONS) not in in_force(state)
    assert {target for _, target in in_force(state)} == {MOGADISHU, NAIROBI}
    assert state.phase is Phase.STRAINED
    assert at(kenya_somalia, "2021-05-05").level < state.level < 0


# -- France–Mali 2021–2022 -------------------------------------------------------------------


def test_the_withdrawal_takes_force_when_the_last_troops_leave(france_mali: tracker.Replay) -> None:
    assert ("FRA", MILITARY) not in in_force(at(france_mali, "2022-08-14"))
    left = at(france_mali, "2022-08-15")
    assert ("FRA", MILITARY) in in_force(left)
    assert left.channels[MILITARY] is Status.SUSPENDED


def test_the_treaty_runs_under_notice_until_november(france_mali: tracker.Replay) -> None:
    denounced = at(france_mali, "2022-05-02")
    assert denounced.channels[SOFA] is Status.DEFUNCT  # with immediate effect
    assert denounced.channels[TREATY] is not Status.DEFUNCT
    assert ("MLI", TREATY) not in in_force(at(france_mali, "2022-11-01"))
    ended = at(france_mali, "2022-11-02")
    assert ended.channels[TREATY] is Status.DEFUNCT
    assert ("MLI", TREATY) in in_force(ended)


def test_the_dialogue_is_never_cut(france_mali: tracker.Replay) -> None:
    # Every French and Malian measure is on cooperation, aid or the ambassador, never on talks.
    for day in ("2021-06-03", "2022-02-03", "2022-05-02", "2022-11-02", "2022-11-22", "2023-06-30"):
        assert at(france_mali, day).phase not in (Phase.SEVERED, Phase.SUSPENDED)


def test_the_aid_cut_and_the_ngo_ban_lower_the_level(france_mali: tracker.Replay) -> None:
    state = at(france_mali, "2022-11-22")
    assert {("FRA", "development_aid_suspended"), ("MLI", "french_funded_ngos_banned")} <= in_force(
        state
    )
    assert state.level < at(france_mali, "2022-11-20").level


# -- Sweden–Turkey 2019–2024 -----------------------------------------------------------------


def test_the_memorandum_is_met_by_the_end_of_the_arms_restrictions(
    sweden_turkey: tracker.Replay,
) -> None:
    memorandum = "trilateral-memorandum-signed-2022-06-28"
    assert ("ministerial_decision", memorandum) in awaited(at(sweden_turkey, "2022-09-29"))
    state = at(sweden_turkey, "2022-09-30")
    assert (
        "ministerial_decision",
        memorandum,
        "sweden-resumes-arms-exports-to-turkey-2022-09-30",
    ) in fulfilled(state)
    assert state.level > at(sweden_turkey, "2022-09-29").level


def test_the_talks_are_put_on_ice_then_restarted(sweden_turkey: tracker.Replay) -> None:
    assert at(sweden_turkey, "2023-01-24").channels[MECHANISM] is Status.SUSPENDED
    assert at(sweden_turkey, "2023-02-24").channels[MECHANISM] is Status.RESUMPTION_DECIDED
    met = at(sweden_turkey, "2023-03-09")
    # A de facto freeze ends when the parties meet on its channel again, as announced.
    assert met.channels[MECHANISM] is Status.ACTIVE
    assert not in_force(met)
    assert (
        "informal_meeting",
        "mechanism-meeting-set-for-march-9-2023-02-27",
        "mechanism-meets-in-brussels-2023-03-09",
    ) in fulfilled(met)
    assert met.level > at(sweden_turkey, "2023-03-08").level


def test_the_ratification_finds_nothing_in_force(sweden_turkey: tracker.Replay) -> None:
    state = at(sweden_turkey, "2024-01-23")
    assert state.phase is Phase.NORMALIZED
    assert state.level > 0


# -- Lebanon–Saudi Arabia 2021–2022 ----------------------------------------------------------


def test_the_crisis_of_october_lowers_the_level(lebanon_saudi: tracker.Replay) -> None:
    assert in_force(at(lebanon_saudi, "2021-10-28")) == {("SAU", PRODUCE)}
    assert at(lebanon_saudi, "2021-10-29").level < at(lebanon_saudi, "2021-10-28").level
    # Recall and expulsion: the relations themselves are kept.
    assert RELATIONS not in at(lebanon_saudi, "2021-10-29").channels


def test_the_envoys_return_as_announced(lebanon_saudi: tracker.Replay) -> None:
    decided, back = at(lebanon_saudi, "2022-04-07"), at(lebanon_saudi, "2022-04-08")
    assert ("presence_measure", "saudi-decides-to-return-ambassador-2022-04-07") in awaited(decided)
    assert (
        "presence_measure",
        "saudi-decides-to-return-ambassador-2022-04-07",
        "saudi-ambassador-back-in-beirut-2022-04-08",
    ) in fulfilled(back)
    assert back.level > decided.level


# -- Iran–Pakistan 2024 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "phase"),
    [
        ("2024-01-15", Phase.NORMAL),
        ("2024-01-16", Phase.STRAINED),  # Iran's strike: an act, nothing in force
        ("2024-01-17", Phase.SUSPENDED),  # high-level visits suspended, no contact since
        ("2024-01-18", Phase.SUSPENDED),  # Pakistan's strike
        ("2024-01-19", Phase.CONTACTS_RESUMED),  # the ministers' call
        ("2024-01-22", Phase.STRAINED),  # visits resume; the envoys not yet back
        ("2024-03-01", Phase.NORMALIZED),
    ],
    ids=episode_id,
)
def test_iran_pakistan_phases(
    iran_pakistan: tracker.Replay, day: str, phase: tracker.Phase
) -> None:
    assert at(iran_pakistan, day).phase is phase


def test_the_ambassadors_return_lifts_the_last_measures(iran_pakistan: tracker.Replay) -> None:
    assert in_force(at(iran_pakistan, "2024-01-25")) == {("PAK", TEHRAN), ("PAK", ISLAMABAD)}
    back = at(iran_pakistan, "2024-01-26")
    assert not in_force(back)
    decided = "ambassadors-to-return-2024-01-22"
    assert {
        ("presence_measure", decided, "pakistani-ambassador-back-in-tehran-2024-01-26"),
        ("presence_measure", decided, "iranian-ambassador-back-in-islamabad-2024-01-26"),
    } <= fulfilled(back)
    assert back.level > at(iran_pakistan, "2024-01-25").level


def test_the_level_falls_with_each_strike_and_recovers(iran_pakistan: tracker.Replay) -> None:
    levels = [at(iran_pakistan, day).level for day in ("2024-01-15", "2024-01-16", "2024-01-18")]
    assert levels[0] > levels[1] > levels[2]
    recovery = [
        at(iran_pakistan, day).level
        for day in ("2024-01-19", "2024-01-22", "2024-01-26", "2024-03-01")
    ]
    assert recovery == sorted(recovery)
    assert recovery[0] < recovery[-1]
    assert (
        "informal_meeting",
        "abdollahian-visit-announced-2024-01-22",
        "abdollahian-in-islamabad-2024-01-29",
    ) in fulfilled(at(iran_pakistan, "2024-01-29"))


# -- what the phase rests on -----------------------------------------------------------------


def test_the_phase_rests_on_the_denunciation_until_the_withdrawal_takes_force(
    france_mali: tracker.Replay,
) -> None:
    # France's withdrawal, decided in February, takes force on 15 August: until then the
    # phase rests on Mali's denunciation of the status-of-forces agreement, which moved it on
    # 2 May. From then both hold it, and the withdrawal, folded first, is named.
    denounced = "mali-denounces-status-of-forces-agreements-2022-05-02"
    withdrawal = "france-decides-to-leave-mali-2022-02-17"
    for day in ("2022-05-02", "2022-06-11", "2022-08-14"):
        (explained,) = france_mali.explain("phase", date.fromisoformat(day))
        assert explained.value == Phase.COOPERATION_SUSPENDED.value
        assert explained.entries == (denounced,)
    for day in ("2022-08-15", "2022-11-21"):
        (explained,) = france_mali.explain("phase", date.fromisoformat(day))
        assert explained.entries == (withdrawal,)


@pytest.mark.parametrize(
    ("path", "day", "strike"),
    [
        pytest.param(
            IRAN_PAKISTAN, "2024-01-16", "iran-strikes-panjgur-2024-01-16", id="iran-pakistan"
        ),
        pytest.param(
            EPISODES / "china-india-2020-2024.jsonl",
            "2020-06-16",
            "galwan-valley-clash-2020-06-15",
            id="china-india",
        ),
    ],
)
def test_a_strike_that_strains_the_pair_is_what_the_phase_rests_on(
    path: Path, day: str, strike: str
) -> None:
    # With nothing in force, a recent attack alone makes the pair strained: it explains it.
    replay = shared_replay(path)
    state = replay.at(date.fromisoformat(day))
    assert state.phase is Phase.STRAINED
    assert not in_force(state)
    (explained,) = replay.explain("phase", date.fromisoformat(day))
    assert explained.entries == (strike,)
