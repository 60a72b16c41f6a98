"""The states an analyst expects from more real episodes, each a log in tests/episodes/ cited
by address: India–Pakistan 2019–2020 (envoys recalled and sent back after Pulwama, talks on the
Kartarpur corridor, the downgrade of August 2019, staff halved in 2020); UK–Russia 2018–2019
(the Salisbury response: high-level contacts suspended, expulsions answered in kind, until the
leaders met in Osaka); Israel–Turkey 2010–2023 (ambassadors recalled and expelled after the Gaza
flotilla, military ties suspended, envoys exchanged in 2016, sent home in 2018, back in
2022–2023); Iran–Saudi Arabia 2016–2023 (relations broken off, talks in Baghdad, the Beijing
agreement, embassies and ambassadors back)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from histories import at, awaited, episode, episode_id, fulfilled, in_force, replayed
from hypothesis import given
from hypothesis import strategies as st

import tracker

EPISODES = Path(__file__).parent / "episodes"
INDIA_PAKISTAN = EPISODES / "india-pakistan-2019-2020.jsonl"
IND_MISSION = "ind_high_commission_islamabad"
PAK_MISSION = "pak_high_commission_new_delhi"
KARTARPUR = "kartarpur_corridor_talks"
TRADE, TRADE_BAN = "trade_preferences_withdrawn", "bilateral_trade_suspended"
UK_RUSSIA = EPISODES / "uk-russia-2018-2019.jsonl"
RUS_EMBASSY = "rus_embassy_london"
GBR_EMBASSY = "gbr_embassy_moscow"
HIGH_LEVEL = "high_level_political"
ISRAEL_TURKEY = EPISODES / "israel-turkey-2010-2023.jsonl"
TUR_EMBASSY = "tur_embassy_tel_aviv"
ISR_EMBASSY = "isr_embassy_ankara"
MILITARY = {("TUR", "military"), ("TUR", "military_agreement")}
IRAN_SAUDI = EPISODES / "iran-saudi-arabia-2016-2023.jsonl"
IRN_EMBASSY = "irn_embassy_riyadh"
SAU_EMBASSY = "sau_embassy_tehran"
RELATIONS = "diplomatic_relations"
BEIJING = "beijing-agreement-to-resume-relations-2023-03-10"


india_pakistan = episode(INDIA_PAKISTAN)
uk_russia = episode(UK_RUSSIA)
israel_turkey = episode(ISRAEL_TURKEY)
iran_saudi = episode(IRAN_SAUDI)


# -- every episode ---------------------------------------------------------------------------


#: The episodes where relations were never broken off, and the first and last day they tell of.
SPANS = [
    (INDIA_PAKISTAN, date(2019, 2, 15), date(2020, 12, 31)),
    (UK_RUSSIA, date(2018, 3, 14), date(2019, 12, 31)),
    (ISRAEL_TURKEY, date(2010, 5, 31), date(2023, 12, 31)),
]


@pytest.mark.parametrize(("path", "first", "last"), SPANS, ids=episode_id)
def test_no_day_of_these_crises_is_severed_or_back_to_normal(
    path: Path, first: date, last: date
) -> None:
    """None of these pairs broke off relations, and each stays marked by its crisis."""
    history = replayed(path)

    @given(st.dates(min_value=first, max_value=last))
    def check(day: date) -> None:
        state = history.at(day)
        assert state.phase not in (tracker.Phase.SEVERED, tracker.Phase.NORMAL)
        assert state.pressure <= 0

    check()


# -- India–Pakistan 2019–2020 ----------------------------------------------------------------


def test_an_envoy_recalled_and_trade_preferences_withdrawn_strain_relations(
    india_pakistan: tracker.Replay,
) -> None:
    before = at(india_pakistan, "2019-02-14")
    assert before.phase is tracker.Phase.NORMAL
    assert not before.in_force()
    state = at(india_pakistan, "2019-02-16")
    assert state.phase is tracker.Phase.STRAINED  # coercion only: no channel was shut
    assert in_force(state) == {("IND", TRADE), ("IND", IND_MISSION)}
    assert TRADE not in state.channels
    assert state.level < before.level


def test_pakistan_recalls_its_envoy_in_turn(india_pakistan: tracker.Replay) -> None:
    state = at(india_pakistan, "2019-02-19")
    assert ("PAK", PAK_MISSION) in in_force(state)
    assert state.phase is tracker.Phase.STRAINED
    assert state.pressure < at(india_pakistan, "2019-02-17").pressure


def test_the_air_strikes_weigh_while_recent_and_add_no_measure(
    india_pakistan: tracker.Replay,
) -> None:
    # India's strike near Balakot and Pakistan's strikes across the Line of Control the next
    # day are force used and over: the recalls and the trade measure stand as before, and the
    # level falls below what a month of recalls and protests alone gave, as far as each side's
    # force weighs, until the strikes are no longer recent.
    before, state = at(india_pakistan, "2019-02-25"), at(india_pakistan, "2019-02-28")
    assert in_force(state) == in_force(before)
    assert state.phase is tracker.Phase.STRAINED
    assert state.pressure == before.pressure - 20
    assert state.level < before.level
    assert (
        at(india_pakistan, "2019-04-01").pressure == at(india_pakistan, "2019-03-31").pressure + 20
    )


def test_envoys_back_at_post_end_the_recalls_not_the_trade_measure(
    india_pakistan: tracker.Replay,
) -> None:
    state = at(india_pakistan, "2019-03-10")
    assert in_force(state) == {("IND", TRADE)}
    assert state.phase is tracker.Phase.STRAINED
    assert state.pressure > at(india_pakistan, "2019-03-08").pressure


def test_the_first_kartarpur_meeting_is_the_one_announced_and_lifts_no_trade_measure(
    india_pakistan: tracker.Replay,
) -> None:
    state = at(india_pakistan, "2019-03-15")
    assert (
        "council_meeting",
        "kartarpur-meeting-confirmed-2019-03-06",
        "kartarpur-first-meeting-attari-2019-03-14",
    ) in fulfilled(state)
    assert state.channels[KARTARPUR] is tracker.ChannelStatus.ACTIVE
    assert ("council_meeting", "kartarpur-first-meeting-attari-2019-03-14") in awaited(state)
    assert state.phase is tracker.Phase.STRAINED
    assert in_force(state) == {("IND", TRADE)}


def test_the_round_put_off_from_april_is_overdue_then_lapses(
    india_pakistan: tracker.Replay,
) -> None:
    april = ("council_meeting", "kartarpur-first-meeting-attari-2019-03-14")
    overdue = {(item.kind, item.source) for item in at(india_pakistan, "2019-04-10").overdue()}
    assert april in overdue
    state = at(india_pakistan, "2019-07-15")
    assert april in {(item.kind, item.source) for item in state.lapsed()}
    assert (
        "council_meeting",
        "kartarpur-second-round-set-2019-07-02",
        "kartarpur-second-round-wagah-2019-07-14",
    ) in fulfilled(state)
    assert not any(source == april[1] for _, source, _ in fulfilled(state))


def test_the_downgrade_expels_an_envoy_and_suspends_trade_and_transport(
    india_pakistan: tracker.Replay,
) -> None:
    state = at(india_pakistan, "2019-08-09")
    assert in_force(state) == {
        ("IND", TRADE),
        ("PAK", TRADE_BAN),
        ("PAK", "transport_cooperation"),
        ("PAK", IND_MISSION),
        ("PAK", PAK_MISSION),
    }
    # Relations kept at the level of charges d'affaires: downgraded, not broken off.
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert set(state.missions) == {IND_MISSION, PAK_MISSION}
    assert state.channels[KARTARPUR] is tracker.ChannelStatus.ACTIVE
    assert state.pressure < at(india_pakistan, "2019-08-06").pressure


def test_the_corridor_agreement_opens_a_cooperation_and_lifts_nothing(
    india_pakistan: tracker.Replay,
) -> None:
    eve = at(india_pakistan, "2019-10-23")
    state = at(india_pakistan, "2019-10-25")
    assert state.roles["kartarpur_corridor_agreement"] is tracker.Role.COOPERATION
    assert state.channels["kartarpur_corridor_agreement"] is tracker.ChannelStatus.ACTIVE
    assert in_force(state) == in_force(eve)
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level > eve.level


def test_staff_halved_on_both_sides_from_30_june_2020(india_pakistan: tracker.Replay) -> None:
    caps = {
        "india-halves-pakistan-high-commission-2020-06-23",
        "pakistan-halves-indian-high-commission-2020-06-23",
    }
    eve = at(india_pakistan, "2020-06-29")
    assert not caps & {m.entry for m in eve.in_force()}
    assert ("IND", PAK_MISSION) in in_force(eve)  # the two expelled for spying
    state = at(india_pakistan, "2020-07-01")
    capped = [m for m in state.in_force() if m.entry in caps]
    assert {(m.by, m.target) for m in capped} == {("IND", PAK_MISSION), ("PAK", IND_MISSION)}
    assert all(m.effect is tracker.Effect.CAP for m in capped)
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    # Both missions were already under a measure: each still weighs once.
    assert state.pressure == eve.pressure


# -- UK–Russia 2018–2019 ---------------------------------------------------------------------


def test_high_level_contacts_suspended_and_the_spies_expelled_on_one_day(
    uk_russia: tracker.Replay,
) -> None:
    before = at(uk_russia, "2018-03-13")
    assert before.phase is tracker.Phase.NORMAL
    assert not before.in_force()
    state = at(uk_russia, "2018-03-15")
    assert state.phase is tracker.Phase.SUSPENDED
    assert in_force(state) == {("GBR", HIGH_LEVEL), ("GBR", RUS_EMBASSY)}
    assert state.channels[HIGH_LEVEL] is tracker.ChannelStatus.SUSPENDED
    assert state.level < before.level


def test_the_23_are_expelled_when_named_not_when_their_week_to_leave_ends(
    uk_russia: tracker.Replay,
) -> None:
    assert ("GBR", RUS_EMBASSY) not in in_force(at(uk_russia, "2018-03-13"))
    assert ("GBR", RUS_EMBASSY) in in_force(at(uk_russia, "2018-03-14"))


def test_russia_s_answer_in_kind_strains_without_severing(uk_russia: tracker.Replay) -> None:
    state = at(uk_russia, "2018-03-25")
    assert in_force(state) == {
        ("GBR", HIGH_LEVEL),
        ("GBR", RUS_EMBASSY),
        ("RUS", GBR_EMBASSY),
        ("RUS", "gbr_consulate_st_petersburg"),
        ("RUS", "british_council_russia"),
    }
    assert state.phase is tracker.Phase.SUSPENDED  # both embassies still open
    assert set(state.missions) == {RUS_EMBASSY, GBR_EMBASSY}
    assert state.pressure < at(uk_russia, "2018-03-16").pressure
    assert at(uk_russia, "2019-06-27").phase is tracker.Phase.SUSPENDED


def test_parity_of_staff_takes_force_after_a_month_on_a_mission_already_weighed(
    uk_russia: tracker.Replay,
) -> None:
    cap = "russia-orders-parity-of-staff-2018-03-30"
    eve = at(uk_russia, "2018-04-29")
    assert cap not in {m.entry for m in eve.in_force()}
    state = at(uk_russia, "2018-05-01")
    (measure,) = [m for m in state.in_force() if m.entry == cap]
    assert (measure.by, measure.target, measure.effect) == ("RUS", GBR_EMBASSY, tracker.Effect.CAP)
    assert state.pressure == eve.pressure  # the embassy's staff expelled already weighs on it


def test_the_leaders_meeting_in_osaka_resumes_contacts_and_lifts_nothing(
    uk_russia: tracker.Replay,
) -> None:
    announced = "may-putin-meeting-announced-2019-06-26"
    assert ("informal_meeting", announced) in awaited(at(uk_russia, "2019-06-27"))
    state = at(uk_russia, "2019-06-29")
    assert ("informal_meeting", announced, "may-putin-osaka-2019-06-28") in fulfilled(state)
    assert state.phase is tracker.Phase.CONTACTS_RESUMED
    assert state.channels[HIGH_LEVEL] is tracker.ChannelStatus.INFORMAL
    (suspension,) = [m for m in state.in_force() if m.target == HIGH_LEVEL]
    assert not suspension.liftings  # "no normalisation": the measure stands
    assert state.level > at(uk_russia, "2019-06-25").level


def test_what_was_known_before_moscow_s_cap_was_reported(uk_russia: tracker.Replay) -> None:
    cap = "russia-orders-parity-of-staff-2018-03-30"
    as_known = uk_russia.at(date(2018, 5, 1), known_at=date(2018, 3, 30))
    assert cap not in {m.entry for m in as_known.measures.values()}
    assert cap in {m.entry for m in uk_russia.at(date(2018, 5, 1)).in_force()}
    before_osaka = uk_russia.at(date(2019, 6, 29), known_at=date(2019, 6, 25))
    assert not before_osaka.meetings
    assert before_osaka.phase is tracker.Phase.SUSPENDED


# -- Israel–Turkey 2010–2023 -----------------------------------------------------------------


def test_an_ambassador_recalled_and_drills_cancelled_suspend_cooperation(
    israel_turkey: tracker.Replay,
) -> None:
    before = at(israel_turkey, "2010-05-30")
    assert before.phase is tracker.Phase.NORMAL
    state = at(israel_turkey, "2010-06-01")
    assert in_force(state) == {("TUR", TUR_EMBASSY), ("TUR", "military")}
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.channels["military"] is tracker.ChannelStatus.SUSPENDED
    assert state.level < before.level


def test_the_downgrade_to_second_secretaries_stands_from_its_announcement(
    israel_turkey: tracker.Replay,
) -> None:
    # The diplomats above second secretary have until Wednesday to leave; their functions
    # end on the Friday it is announced.
    assert ("TUR", ISR_EMBASSY) not in in_force(at(israel_turkey, "2011-09-01"))
    state = at(israel_turkey, "2011-09-02")
    assert in_force(state) == {("TUR", TUR_EMBASSY), ("TUR", ISR_EMBASSY)} | MILITARY
    # Relations kept by charges d'affaires and second secretaries: not broken off.
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert set(state.missions) == {TUR_EMBASSY, ISR_EMBASSY}
    assert state.pressure < at(israel_turkey, "2011-09-01").pressure


def test_the_ambassadors_promised_in_2013_lapse_unsent(israel_turkey: tracker.Replay) -> None:
    promise = ("presence_measure", "netanyahu-apologises-to-erdogan-2013-03-22")
    assert promise in awaited(at(israel_turkey, "2013-03-23"))
    assert in_force(at(israel_turkey, "2013-03-23")) == in_force(at(israel_turkey, "2013-03-21"))
    lapsed = at(israel_turkey, "2014-04-01").lapsed()
    assert promise in {(item.kind, item.source) for item in lapsed}


def test_the_ambassadors_exchanged_in_2016_end_the_recall_and_the_expulsion(
    israel_turkey: tracker.Replay,
) -> None:
    signed = at(israel_turkey, "2016-06-29")
    assert in_force(signed) == in_force(at(israel_turkey, "2016-06-27"))  # a promise, not a return
    assert ("TUR", ISR_EMBASSY) not in in_force(at(israel_turkey, "2016-12-02"))
    state = at(israel_turkey, "2016-12-13")
    assert in_force(state) == MILITARY  # defence ties stay frozen
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.pressure > at(israel_turkey, "2016-11-30").pressure


def test_envoys_and_consuls_sent_home_in_2018_weigh_again(israel_turkey: tracker.Replay) -> None:
    state = at(israel_turkey, "2018-05-17")
    assert in_force(state) == MILITARY | {
        ("TUR", ISR_EMBASSY),
        ("TUR", TUR_EMBASSY),
        ("ISR", "tur_consulate_jerusalem"),
        ("TUR", "isr_consulate_istanbul"),
    }
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.pressure < at(israel_turkey, "2018-05-13").pressure


def test_the_state_visit_of_2022_is_the_one_announced_and_lifts_nothing(
    israel_turkey: tracker.Replay,
) -> None:
    state = at(israel_turkey, "2022-03-11")
    assert (
        "informal_meeting",
        "herzog-state-visit-announced-2022-03-05",
        "herzog-erdogan-ankara-2022-03-09",
    ) in fulfilled(state)
    assert in_force(state) == in_force(at(israel_turkey, "2018-05-17"))
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level > at(israel_turkey, "2022-03-01").level


def test_ambassadors_back_in_2022_and_2023_end_the_measures_of_2018_on_the_embassies(
    israel_turkey: tracker.Replay,
) -> None:
    decision = "full-diplomatic-ties-to-be-restored-2022-08-17"
    assert ("presence_measure", decision) in awaited(at(israel_turkey, "2022-08-18"))
    first = at(israel_turkey, "2022-12-28")
    assert ("TUR", ISR_EMBASSY) not in in_force(first)
    assert (
        "presence_measure",
        decision,
        "israeli-ambassador-presents-credentials-2022-12-27",
    ) in fulfilled(first)
    state = at(israel_turkey, "2023-01-12")
    assert in_force(state) == MILITARY | {
        ("ISR", "tur_consulate_jerusalem"),
        ("TUR", "isr_consulate_istanbul"),
    }
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.pressure > at(israel_turkey, "2022-12-26").pressure


def test_the_2016_agreement_is_a_new_promise_kept_by_the_ambassadors_of_december(
    israel_turkey: tracker.Replay,
) -> None:
    """The promise of 2013 lapsed unkept; the agreement of 2016 is a promise of its own."""
    promise = "netanyahu-apologises-to-erdogan-2013-03-22"
    deal = "reconciliation-agreement-signed-2016-06-28"
    signed = at(israel_turkey, "2016-06-29")
    assert ("presence_measure", deal) in awaited(signed)
    assert ("presence_measure", promise) not in awaited(signed)
    first = at(israel_turkey, "2016-12-02")
    assert (
        "presence_measure",
        deal,
        "israeli-ambassador-arrives-in-ankara-2016-12-01",
    ) in fulfilled(first)
    later = fulfilled(at(israel_turkey, "2017-01-01"))
    assert not any(source == promise for _, source, _ in later)


def test_relations_downgraded_to_charges_d_affaires_are_not_severed() -> None:
    """Pakistan's downgrade of August 2019 written as a decision on the relations themselves,
    at the level of high commissioners: relations kept, one level down."""
    entries = tracker.read_log(INDIA_PAKISTAN).entries
    (expelled,) = (
        e for e in entries if e.id == "pakistan-expels-indian-high-commissioner-2019-08-07"
    )
    downgrade = tracker.Suspension(
        id="pakistan-downgrades-relations-2019-08-07",
        on=expelled.on,
        reported=expelled.reported,
        parties=expelled.parties,
        title="Pakistan downgrades diplomatic relations with India",
        sources=expelled.sources,
        by="PAK",
        channels=(RELATIONS,),
        levels=("ambassadors",),
        reason="India's revocation of the special status of Jammu and Kashmir",
    )
    (history,) = tracker.replays([*entries, downgrade]).values()
    for day in ("2019-08-09", "2019-10-25"):
        assert at(history, day).phase is at(replayed(INDIA_PAKISTAN), day).phase
        assert at(history, day).phase is not tracker.Phase.SEVERED


# -- Iran–Saudi Arabia 2016–2023 -------------------------------------------------------------


def test_relations_broken_off_with_both_embassies_emptied_are_severed(
    iran_saudi: tracker.Replay,
) -> None:
    before = at(iran_saudi, "2016-01-02")
    assert before.phase is tracker.Phase.NORMAL
    state = at(iran_saudi, "2016-01-04")
    assert state.phase is tracker.Phase.SEVERED
    assert in_force(state) == {("SAU", RELATIONS), ("SAU", SAU_EMBASSY)}  # 48 hours to leave
    assert state.channels[RELATIONS] is tracker.ChannelStatus.SUSPENDED
    assert state.level < before.level
    later = at(iran_saudi, "2016-01-06")
    assert ("SAU", IRN_EMBASSY) in in_force(later)
    assert set(later.missions) == {IRN_EMBASSY, SAU_EMBASSY}


def test_talks_in_baghdad_do_not_restore_broken_relations(iran_saudi: tracker.Replay) -> None:
    @given(st.dates(min_value=date(2016, 1, 3), max_value=date(2023, 3, 9)))
    def check(day: date) -> None:
        assert iran_saudi.at(day).phase is tracker.Phase.SEVERED

    check()


def test_the_baghdad_talks_were_known_only_once_reported(iran_saudi: tracker.Replay) -> None:
    held = "first-round-in-baghdad-2021-04-09"
    assert held in at(iran_saudi, "2021-04-10").meetings
    assert not iran_saudi.at(date(2021, 4, 10), known_at=date(2021, 4, 17)).meetings


def test_the_beijing_agreement_eases_the_break_and_awaits_embassies_and_ministers(
    iran_saudi: tracker.Replay,
) -> None:
    state = at(iran_saudi, "2023-03-11")
    assert state.phase is tracker.Phase.CONTACTS_RESUMED  # the talks in Beijing were held
    assert state.channels[RELATIONS] is tracker.ChannelStatus.RESUMPTION_DECIDED
    (relations,) = [m for m in state.in_force() if m.target == RELATIONS]
    assert relations.eased(state.at)
    assert {("presence_measure", BEIJING), ("informal_meeting", BEIJING)} <= awaited(state)
    assert state.level > at(iran_saudi, "2023-03-05").level


def test_relations_resumed_with_the_embassies_still_shut_are_strained(
    iran_saudi: tracker.Replay,
) -> None:
    state = at(iran_saudi, "2023-04-07")
    assert (
        "informal_meeting",
        BEIJING,
        "foreign-ministers-meet-in-beijing-2023-04-06",
    ) in fulfilled(state)
    assert in_force(state) == {("SAU", IRN_EMBASSY), ("SAU", SAU_EMBASSY)}
    assert state.channels[RELATIONS] is tracker.ChannelStatus.ACTIVE
    assert state.phase is tracker.Phase.STRAINED


def test_the_embassies_promised_within_two_months_are_late_but_come(
    iran_saudi: tracker.Replay,
) -> None:
    late = {(item.kind, item.source) for item in at(iran_saudi, "2023-05-20").overdue()}
    assert ("presence_measure", BEIJING) in late
    state = at(iran_saudi, "2023-06-07")
    assert (
        "presence_measure",
        BEIJING,
        "iran-reopens-embassy-in-riyadh-2023-06-06",
    ) in fulfilled(state)
    assert in_force(state) == {("SAU", SAU_EMBASSY)}
    assert state.phase is tracker.Phase.STRAINED


def test_both_embassies_open_again_normalize_relations(iran_saudi: tracker.Replay) -> None:
    state = at(iran_saudi, "2023-08-07")
    assert state.phase is tracker.Phase.NORMALIZED
    assert not state.in_force()
    assert state.level > at(iran_saudi, "2023-06-05").level
    as_known = iran_saudi.at(date(2023, 8, 7), known_at=date(2023, 8, 8))
    assert as_known.phase is tracker.Phase.STRAINED  # reported on 9 August
    assert at(iran_saudi, "2023-09-06").phase is tracker.Phase.NORMALIZED
