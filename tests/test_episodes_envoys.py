"""The states an analyst expects from three episodes of envoys withdrawn, relations cut or
lowered and missions emptied, written down from what their events mean before the logs were
replayed: Algeria–Morocco 1994–2024 (the border closed since 1994, the ambassador recalled,
relations broken off, the airspace closed, the pipeline contract left to lapse, visas required
again), China–Lithuania 2021–2022 (ambassadors withdrawn, relations lowered to chargés d'affaires,
Lithuanian goods kept out without a decision, Lithuania's embassy emptied) and Canada–India
2023–2025 (trade talks paused, diplomats expelled, visas suspended and restored, Canada's
mission cut to parity, high commissioners expelled, then named again)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from histories import (
    at,
    awaited,
    episode,
    fulfilled,
    holds_on_any_day,
    in_force,
    phase_is,
)

import tracker

EPISODES = Path(__file__).parent / "episodes"
ALGERIA_MOROCCO = EPISODES / "algeria-morocco-1994-2024.jsonl"
CHINA_LITHUANIA = EPISODES / "china-lithuania-2021-2022.jsonl"
CANADA_INDIA = EPISODES / "canada-india-2023-2025.jsonl"

RELATIONS = "diplomatic_relations"
BORDER, VISAS, AIRSPACE, PIPELINE = (
    "border_crossing_cooperation",
    "visa_exemption_agreement",
    "air_transport_cooperation",
    "gme_pipeline_agreement",
)
CHINESE_EMBASSY, LITHUANIAN_EMBASSY = "chn_embassy_vilnius", "ltu_embassy_beijing"
TRADE, TRANSPORT = (
    "lithuanian_goods_blocked",
    ("transport_ministry_cooperation", "road_transport_cooperation"),
)
TRADE_TALKS, VISA_SERVICES = "trade_agreement_talks", "visa_cooperation"
INDIAN_MISSION, CANADIAN_MISSION = "ind_high_commission_ottawa", "can_high_commission_new_delhi"
CONSULATES = ("can_consulate_chandigarh", "can_consulate_mumbai", "can_consulate_bengaluru")
KANANASKIS = "kananaskis-high-commissioners-to-return-2025-06-17"


algeria_morocco = episode(ALGERIA_MOROCCO)
china_lithuania = episode(CHINA_LITHUANIA)
canada_india = episode(CANADA_INDIA)


def _entries_in_force(state: tracker.State) -> set[str]:
    return {measure.entry for measure in state.in_force()}


# -- every episode ---------------------------------------------------------------------------


def _broken_off(state: tracker.State) -> bool:
    cut = state.channels[RELATIONS] is tracker.ChannelStatus.SUSPENDED
    return cut and state.phase is tracker.Phase.SEVERED and ("DZA", RELATIONS) in in_force(state)


def _lowered_not_severed(state: tracker.State) -> bool:
    return ("CHN", RELATIONS) in in_force(state) and state.phase is not tracker.Phase.SEVERED


def _talks_paused_contacts_kept(state: tracker.State) -> bool:
    paused = ("CAN", TRADE_TALKS) in in_force(state)
    return paused and state.phase is tracker.Phase.CONTACTS_RESUMED


SPANS = [
    # Relations broken off by Algeria on 24 August 2021 and never restored since; Morocco's
    # offers of talks restore nothing.
    pytest.param(
        ALGERIA_MOROCCO, "2021-08-24", "2024-12-31", _broken_off, id="algeria-morocco-rupture"
    ),
    # The border closed in 1994 and relations kept: cooperation suspended, dialogue open.
    pytest.param(
        ALGERIA_MOROCCO,
        "1995-01-01",
        "2021-08-23",
        phase_is(tracker.Phase.COOPERATION_SUSPENDED),
        id="algeria-morocco-border",
    ),
    # Envoys withdrawn, relations lowered, Lithuanian goods kept out of China from December
    # 2021: coercion, no channel cut.
    pytest.param(
        CHINA_LITHUANIA,
        "2021-08-10",
        "2022-08-11",
        phase_is(tracker.Phase.STRAINED),
        id="china-lithuania-envoys-and-trade",
    ),
    # Transport cooperation suspended from August 2022: cooperation suspended.
    pytest.param(
        CHINA_LITHUANIA,
        "2022-08-12",
        "2022-12-31",
        phase_is(tracker.Phase.COOPERATION_SUSPENDED),
        id="china-lithuania-transport",
    ),
    # Relations at chargés d'affaires, never broken off: China's office in Vilnius stays open.
    pytest.param(
        CHINA_LITHUANIA, "2021-11-21", "2022-12-31", _lowered_not_severed, id="china-lithuania-low"
    ),
    # The trade talks paused from September 2023, the leaders having met since: whatever the
    # expulsions, contacts were kept.
    pytest.param(
        CANADA_INDIA, "2023-09-10", "2025-12-31", _talks_paused_contacts_kept, id="canada-india"
    ),
]


test_what_holds_over_a_crisis_holds_on_any_day_of_it = holds_on_any_day(SPANS)


# -- Algeria–Morocco 1994–2024 ---------------------------------------------------------------


def test_the_closed_border_suspends_cooperation_before_the_crisis(
    algeria_morocco: tracker.Replay,
) -> None:
    state = at(algeria_morocco, "2021-07-15")
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert in_force(state) == {("DZA", BORDER)}
    assert state.channels[VISAS] is tracker.ChannelStatus.ACTIVE


def test_the_recalled_ambassador_weighs_without_cutting_a_channel(
    algeria_morocco: tracker.Replay,
) -> None:
    state = at(algeria_morocco, "2021-07-19")
    assert in_force(state) == {("DZA", BORDER), ("DZA", "dza_embassy_rabat")}
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level < at(algeria_morocco, "2021-07-17").level


def test_the_rupture_severs_relations_from_its_day(algeria_morocco: tracker.Replay) -> None:
    eve = at(algeria_morocco, "2021-08-23")
    assert eve.phase is tracker.Phase.COOPERATION_SUSPENDED  # a review announced is no measure
    state = at(algeria_morocco, "2021-08-24")
    assert state.phase is tracker.Phase.SEVERED
    assert state.level < eve.level
    known = algeria_morocco.at(date(2021, 8, 24), known_at=date(2021, 8, 24))
    assert known.phase is tracker.Phase.SEVERED  # announced at a press conference that day


def test_airspace_and_pipeline_follow_the_rupture(algeria_morocco: tracker.Replay) -> None:
    assert ("DZA", AIRSPACE) not in in_force(at(algeria_morocco, "2021-09-21"))
    closed = at(algeria_morocco, "2021-09-23")
    assert ("DZA", AIRSPACE) in in_force(closed)
    assert closed.level < at(algeria_morocco, "2021-09-21").level
    running = at(algeria_morocco, "2021-10-31")  # the contract runs out at midnight
    assert running.channels[PIPELINE] is tracker.ChannelStatus.ACTIVE
    assert ("DZA", PIPELINE) not in in_force(running)
    state = at(algeria_morocco, "2021-11-01")
    assert state.channels[PIPELINE] is tracker.ChannelStatus.DEFUNCT
    assert state.phase is tracker.Phase.SEVERED


def test_the_kings_offers_restore_nothing(algeria_morocco: tracker.Replay) -> None:
    for before, after in [("2022-07-29", "2022-08-01"), ("2023-07-28", "2023-07-31")]:
        state = at(algeria_morocco, after)
        assert in_force(state) == in_force(at(algeria_morocco, before))
        assert state.phase is tracker.Phase.SEVERED


def test_visas_required_again_end_the_exemption(algeria_morocco: tracker.Replay) -> None:
    assert at(algeria_morocco, "2024-09-25").channels[VISAS] is tracker.ChannelStatus.ACTIVE
    state = at(algeria_morocco, "2024-09-27")
    assert ("DZA", VISAS) in in_force(state)
    assert state.channels[VISAS] is tracker.ChannelStatus.SUSPENDED
    assert state.level < at(algeria_morocco, "2021-07-15").level


# -- China–Lithuania 2021–2022 ---------------------------------------------------------------


def test_the_ambassadors_withdrawn_strain_relations(china_lithuania: tracker.Replay) -> None:
    before = at(china_lithuania, "2021-08-09")
    assert before.phase is tracker.Phase.NORMAL
    state = at(china_lithuania, "2021-08-11")
    assert in_force(state) == {("CHN", CHINESE_EMBASSY), ("CHN", LITHUANIAN_EMBASSY)}
    assert state.phase is tracker.Phase.STRAINED
    assert state.level < before.level
    recalled = at(china_lithuania, "2021-09-04")
    assert ("LTU", LITHUANIAN_EMBASSY) in in_force(recalled)
    assert recalled.phase is tracker.Phase.STRAINED


def test_the_downgrade_lowers_relations_without_breaking_them(
    china_lithuania: tracker.Replay,
) -> None:
    before = at(china_lithuania, "2021-11-20")
    state = at(china_lithuania, "2021-11-22")
    (downgrade,) = [m for m in state.in_force() if m.target == RELATIONS]
    assert downgrade.levels == ("ambassadors",)
    assert state.phase is tracker.Phase.STRAINED
    assert state.level < before.level


def test_goods_kept_out_without_a_decision_are_a_de_facto_ban(
    china_lithuania: tracker.Replay,
) -> None:
    state = at(china_lithuania, "2021-12-10")
    (block,) = [m for m in state.in_force() if m.target == TRADE]
    assert not block.formal  # never announced, only reported
    assert block.effect is tracker.Effect.SANCTION
    assert state.phase is tracker.Phase.STRAINED  # coercion: no channel is shut
    as_known = china_lithuania.at(date(2021, 12, 31), known_at=date(2021, 12, 8))
    assert ("CHN", TRADE) not in in_force(as_known)
    assert as_known.phase is tracker.Phase.STRAINED


def test_the_empty_embassy_in_beijing_does_not_sever_relations(
    china_lithuania: tracker.Replay,
) -> None:
    state = at(china_lithuania, "2021-12-15")
    assert "lithuanian-diplomats-leave-beijing-2021-12-15" in _entries_in_force(state)
    assert state.phase is tracker.Phase.STRAINED  # China's office in Vilnius works
    # The embassy already weighs as much as its heaviest measure, the ambassador's expulsion:
    # emptying it adds no pressure, but it cannot relieve any.
    assert state.level <= at(china_lithuania, "2021-12-14").level


def test_the_transport_sanctions_add_to_the_measures(china_lithuania: tracker.Replay) -> None:
    before = at(china_lithuania, "2022-08-11")
    state = at(china_lithuania, "2022-08-13")
    assert in_force(state) == in_force(before) | {("CHN", channel) for channel in TRANSPORT}
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level < before.level


# -- Canada–India 2023–2025 ------------------------------------------------------------------


def test_the_paused_trade_talks_suspend_that_dialogue_until_the_leaders_meet(
    canada_india: tracker.Replay,
) -> None:
    assert at(canada_india, "2023-08-31").phase is tracker.Phase.NORMAL
    paused = at(canada_india, "2023-09-02")
    assert in_force(paused) == {("CAN", TRADE_TALKS)}
    assert paused.phase is tracker.Phase.SUSPENDED
    met = at(canada_india, "2023-09-11")
    assert met.phase is tracker.Phase.CONTACTS_RESUMED
    assert met.channels[TRADE_TALKS] is tracker.ChannelStatus.SUSPENDED  # not met on


def test_the_first_expulsions_stand_from_the_days_they_are_declared(
    canada_india: tracker.Replay,
) -> None:
    state = at(canada_india, "2023-09-19")
    assert ("CAN", INDIAN_MISSION) in in_force(state)
    assert state.level < at(canada_india, "2023-09-17").level
    # India's answer, with five days to leave, stands from the day of the summons.
    assert ("IND", CANADIAN_MISSION) not in in_force(at(canada_india, "2023-09-18"))
    assert ("IND", CANADIAN_MISSION) in in_force(state)


def test_visas_suspended_resumed_in_part_then_restored(canada_india: tracker.Replay) -> None:
    cut = at(canada_india, "2023-09-22")
    assert ("IND", VISA_SERVICES) in in_force(cut)
    assert cut.channels[VISA_SERVICES] is tracker.ChannelStatus.SUSPENDED
    eased = at(canada_india, "2023-10-26")
    assert ("IND", VISA_SERVICES) in in_force(eased)  # four categories of visa, not all
    assert eased.channels[VISA_SERVICES] is tracker.ChannelStatus.RESUMPTION_DECIDED
    restored = at(canada_india, "2023-11-23")
    assert ("IND", VISA_SERVICES) not in in_force(restored)
    assert restored.channels[VISA_SERVICES] is tracker.ChannelStatus.ACTIVE


def test_parity_caps_canadas_mission_and_its_consulates_close_their_doors(
    canada_india: tracker.Replay,
) -> None:
    day_before = at(canada_india, "2023-10-19")
    assert "india-cuts-canadian-diplomats-to-parity-2023-10" not in _entries_in_force(day_before)
    state = at(canada_india, "2023-10-21")
    assert "india-cuts-canadian-diplomats-to-parity-2023-10" in _entries_in_force(state)
    assert {("CAN", consulate) for consulate in CONSULATES} <= in_force(state)
    assert state.phase is tracker.Phase.CONTACTS_RESUMED
    assert state.level < at(canada_india, "2023-09-17").level


def test_the_expulsions_of_october_2024_empty_both_missions_at_the_top(
    canada_india: tracker.Replay,
) -> None:
    before = at(canada_india, "2024-10-13")
    state = at(canada_india, "2024-10-21")
    expected = {
        "canada-expels-six-indian-diplomats-2024-10-14",
        "india-expels-six-canadian-diplomats-2024-10-14",
        "india-withdraws-high-commissioner-from-ottawa-2024-10-14",
    }
    assert expected <= _entries_in_force(state)
    assert state.phase is tracker.Phase.CONTACTS_RESUMED
    assert state.level < before.level


def test_kananaskis_decides_to_resume_and_the_envoys_return(canada_india: tracker.Replay) -> None:
    decided = at(canada_india, "2025-06-18")
    assert decided.channels[TRADE_TALKS] is tracker.ChannelStatus.RESUMPTION_DECIDED
    assert ("CAN", TRADE_TALKS) in in_force(decided)  # to be taken up, not yet taken up
    assert ("presence_measure", KANANASKIS) in awaited(decided)
    back = at(canada_india, "2025-09-17")
    assert ("presence_measure", KANANASKIS, "patnaik-arrives-in-ottawa-2025-09-15") in fulfilled(
        back
    )
    standing = _entries_in_force(back)
    assert not standing & {
        "canada-expels-indian-diplomat-2023-09-18",
        "india-expels-canadian-diplomat-2023-09-19",
        "canada-expels-six-indian-diplomats-2024-10-14",
        "india-expels-six-canadian-diplomats-2024-10-14",
        "india-withdraws-high-commissioner-from-ottawa-2024-10-14",
    }
    assert "india-cuts-canadian-diplomats-to-parity-2023-10" in standing  # a cap stays
    assert back.level > at(canada_india, "2024-10-21").level
