"""The states an analyst expects from two episodes, written down from what their events mean
before the logs were replayed: Russia–Ukraine 2014–2022 (the ambassadors recalled over the fall
of Yanukovych and Crimea, Crimea seized and annexed, Russian artillery firing across the border in
the Donbas, Russia's ambassador sent back and its successor refused agrément, Russia's bans on
Ukrainian goods and Ukraine's sanctions, flights and free trade suspended, the Friendship Treaty
ended on notice, the Normandy summits, the full invasion and relations broken off that day) and
Algeria–Spain 2022–2024 (an ambassador recalled over Western Sahara, the Treaty of Friendship
suspended and trade frozen, a new ambassador, a visit called off, trade resumed)."""

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
    shared_replay,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker

EPISODES = Path(__file__).parent / "episodes"
RUSSIA_UKRAINE = EPISODES / "russia-ukraine-2014-2022.jsonl"
ALGERIA_SPAIN = EPISODES / "algeria-spain-2022-2024.jsonl"

RELATIONS, TREATY = "diplomatic_relations", "friendship_treaty"
FLIGHTS = "air_transport_cooperation"
KYIV, MOSCOW, MADRID = "rus_embassy_kyiv", "ukr_embassy_moscow", "dza_embassy_madrid"
FREE_TRADE, TRADE_FREEZE = "free_trade_suspended", "trade_with_spain_frozen"
DAIRY, FOOD = "ukrainian_dairy_ban", "ukrainian_food_embargo"
UKRAINES_SANCTIONS = "sanctions_on_russian_persons"
CRIMEA, FORCE = "crimea", "force"
SUMMIT = "normandy-summit-paris-2019-12-09"
ADVISERS_PARIS = "normandy-advisers-paris-2022-01-26"
ADVISERS_BERLIN = "normandy-advisers-berlin-2022-02-10"
EVACUATION = "ukraine-evacuates-embassy-in-moscow-2022-02-24"
INVASION = "russia-invades-ukraine-2022-02-24"
VISIT = "albares-visit-to-algiers-announced-2024-02-08"

#: What stands between Russia and Ukraine from the end of the treaty to the eve of the war,
#: Ukraine's agrément withheld from Russia's next ambassador and Crimea held by Russia among it.
BEFORE_THE_WAR = {
    ("RUS", CRIMEA),
    ("UKR", KYIV),
    ("UKR", MOSCOW),
    ("UKR", FLIGHTS),
    ("RUS", FLIGHTS),
    ("RUS", FREE_TRADE),
    ("RUS", DAIRY),
    ("RUS", FOOD),
    ("UKR", UKRAINES_SANCTIONS),
    ("UKR", TREATY),
}


russia_ukraine = episode(RUSSIA_UKRAINE)
algeria_spain = episode(ALGERIA_SPAIN)


# -- both episodes ---------------------------------------------------------------------------


def test_a_break_in_wartime_weighs_more_than_a_recall_a_treaty_and_a_trade_freeze(
    russia_ukraine: tracker.Replay, algeria_spain: tracker.Replay
) -> None:
    # Algeria's three measures of 2022 all stand at the end of the year, as do Ukraine's break
    # and every measure both parties took before it.
    assert at(russia_ukraine, "2022-12-31").level < at(algeria_spain, "2022-12-31").level


def _ambassadors_withdrawn(state: tracker.State) -> bool:
    # Each party's embassy without its ambassador, Crimea held, every channel still open.
    withdrawn = in_force(state) == {("RUS", KYIV), ("UKR", MOSCOW), ("RUS", CRIMEA)}
    return withdrawn and state.phase is tracker.Phase.STRAINED and state.level < 0


def _ukraines_envoy_withdrawn(state: tracker.State) -> bool:
    # Russia's ambassador back in Kyiv, Ukraine's still not in Moscow.
    withdrawn = in_force(state) == {("UKR", MOSCOW), ("RUS", CRIMEA)}
    return withdrawn and state.phase is tracker.Phase.STRAINED and state.level < 0


def _dairy_banned(state: tracker.State) -> bool:
    # Russia's ban on Ukrainian dairy is coercion: relations strained, no channel shut.
    banned = in_force(state) == {("UKR", MOSCOW), ("RUS", DAIRY), ("RUS", CRIMEA)}
    return banned and state.phase is tracker.Phase.STRAINED and state.level < 0


def _cooperation_cut(state: tracker.State) -> bool:
    # Flights stopped by both, free trade suspended, the treaty gone: the dialogue stays open.
    cut = in_force(state) == BEFORE_THE_WAR
    treaty_gone = state.channels[TREATY] is tracker.ChannelStatus.DEFUNCT
    return cut and treaty_gone and state.phase is tracker.Phase.COOPERATION_SUSPENDED


def _broken_off(state: tracker.State) -> bool:
    broken = state.channels[RELATIONS] is tracker.ChannelStatus.SUSPENDED
    return broken and state.phase is tracker.Phase.SEVERED and ("UKR", RELATIONS) in in_force(state)


def _all_three_stand(state: tracker.State) -> bool:
    # The recall, the treaty suspended and the trade frozen, until a new ambassador is named.
    three = in_force(state) == {("DZA", MADRID), ("DZA", TREATY), ("DZA", TRADE_FREEZE)}
    return three and state.phase is tracker.Phase.COOPERATION_SUSPENDED and state.level < 0


def _envoy_back_trade_frozen(state: tracker.State) -> bool:
    two = in_force(state) == {("DZA", TREATY), ("DZA", TRADE_FREEZE)}
    return two and state.phase is tracker.Phase.COOPERATION_SUSPENDED and state.level < 0


def _treaty_alone(state: tracker.State) -> bool:
    # Trade resumed, the treaty still suspended: cooperation suspended, never better than neutral.
    alone = in_force(state) == {("DZA", TREATY)}
    return alone and state.phase is tracker.Phase.COOPERATION_SUSPENDED and state.level < 0


SPANS = [
    # From Ukraine's recall to the eve of the Russian ambassador's return.
    pytest.param(
        RUSSIA_UKRAINE, "2014-03-17", "2014-06-04", _ambassadors_withdrawn, id="ru-ua-envoys"
    ),
    # From his return to the day before Russia's ban on Ukrainian dairy.
    pytest.param(
        RUSSIA_UKRAINE, "2014-06-05", "2014-07-27", _ukraines_envoy_withdrawn, id="ru-ua-envoy"
    ),
    # From the dairy ban to the day before Ukraine's first sanctions.
    pytest.param(RUSSIA_UKRAINE, "2014-07-28", "2015-09-15", _dairy_banned, id="ru-ua-dairy"),
    # From the day the treaty ends to the day before Russia recognises the two republics.
    pytest.param(RUSSIA_UKRAINE, "2019-04-01", "2022-02-20", _cooperation_cut, id="ru-ua-treaty"),
    # From the invasion to the end of the year nothing restores relations.
    pytest.param(RUSSIA_UKRAINE, "2022-02-24", "2022-12-31", _broken_off, id="ru-ua-break"),
    pytest.param(ALGERIA_SPAIN, "2022-06-09", "2023-11-15", _all_three_stand, id="dz-es-freeze"),
    pytest.param(
        ALGERIA_SPAIN, "2023-11-16", "2024-11-05", _envoy_back_trade_frozen, id="dz-es-envoy"
    ),
    pytest.param(ALGERIA_SPAIN, "2024-11-06", "2024-12-31", _treaty_alone, id="dz-es-trade"),
]


test_what_holds_over_a_crisis_holds_on_any_day_of_it = holds_on_any_day(SPANS)


# -- Russia–Ukraine 2014–2022 ----------------------------------------------------------------


def test_russia_recalls_its_ambassador_first(russia_ukraine: tracker.Replay) -> None:
    state = at(russia_ukraine, "2014-02-23")
    assert in_force(state) == {("RUS", KYIV)}
    assert state.phase is tracker.Phase.STRAINED
    assert state.level < 0


def test_russian_troops_holding_crimea_are_an_occupation_that_stands(
    russia_ukraine: tracker.Replay,
) -> None:
    before, state = at(russia_ukraine, "2014-02-28"), at(russia_ukraine, "2014-03-01")
    assert in_force(state) == in_force(before) | {("RUS", CRIMEA)}
    assert state.phase is tracker.Phase.STRAINED  # force alone shuts no channel
    assert state.level < before.level
    assert ("RUS", CRIMEA) in in_force(at(russia_ukraine, "2022-12-31"))  # never lifted


def test_the_annexation_is_the_occupation_of_crimea_again_not_a_new_measure(
    russia_ukraine: tracker.Replay,
) -> None:
    before, state = at(russia_ukraine, "2014-03-17"), at(russia_ukraine, "2014-03-18")
    assert in_force(state) == in_force(before)
    assert len([m for m in state.in_force() if m.target == CRIMEA]) == 2
    assert state.pressure == before.pressure  # one weight per party and kind
    assert state.level <= before.level


def test_ukraines_recall_lowers_the_level_again(russia_ukraine: tracker.Replay) -> None:
    # Ukraine's recall and its cut in staff are measures on its own embassy, beside Russia's
    # recall and its hold on Crimea.
    before, state = at(russia_ukraine, "2014-03-16"), at(russia_ukraine, "2014-03-27")
    assert in_force(state) == {("RUS", KYIV), ("UKR", MOSCOW), ("RUS", CRIMEA)}
    assert state.level < before.level


def test_russias_ambassador_back_for_the_inauguration_ends_its_recall(
    russia_ukraine: tracker.Replay,
) -> None:
    before, state = at(russia_ukraine, "2014-06-04"), at(russia_ukraine, "2014-06-05")
    assert ("RUS", KYIV) in in_force(before)
    assert in_force(state) == {("UKR", MOSCOW), ("RUS", CRIMEA)}
    assert state.phase is tracker.Phase.STRAINED
    assert state.level > before.level


def test_ukraine_withholds_agrement_from_russias_next_ambassador(
    russia_ukraine: tracker.Replay,
) -> None:
    # Zurabov relieved and a successor proposed is Russia's ordinary business; Ukraine taking
    # the appointment off its agenda keeps Russia's embassy without an ambassador.
    before, proposed = at(russia_ukraine, "2016-07-27"), at(russia_ukraine, "2016-08-02")
    assert in_force(proposed) == in_force(before)
    state = at(russia_ukraine, "2016-08-03")
    assert in_force(state) == in_force(before) | {("UKR", KYIV)}
    assert state.level < proposed.level


def test_the_summer_of_the_war_reads_lower_than_the_spring_of_the_annexation(
    russia_ukraine: tracker.Replay,
) -> None:
    # Once Russia's ban on Ukrainian dairy takes force, with Ukraine's ambassador still away.
    before, state = at(russia_ukraine, "2014-07-27"), at(russia_ukraine, "2014-07-28")
    assert state.level < before.level
    assert at(russia_ukraine, "2014-08-15").level < at(russia_ukraine, "2014-05-15").level


def test_shelling_across_the_border_is_an_act_that_weighs_and_ages_out(
    russia_ukraine: tracker.Replay,
) -> None:
    # Reported on 24 July for the days before: placed on the day it was reported.
    before, state = at(russia_ukraine, "2014-07-23"), at(russia_ukraine, "2014-07-24")
    assert in_force(state) == in_force(before)
    assert state.phase is before.phase
    assert state.level < before.level
    assert not [m for m in state.measures.values() if m.entry.startswith("russia-shells")]


def test_ukraines_first_sanctions_weigh_on_the_level(russia_ukraine: tracker.Replay) -> None:
    before, state = at(russia_ukraine, "2015-09-15"), at(russia_ukraine, "2015-09-16")
    assert in_force(state) == in_force(before) | {("UKR", UKRAINES_SANCTIONS)}
    assert state.phase is tracker.Phase.STRAINED
    assert state.level < before.level


def test_the_flight_bans_suspend_cooperation_from_late_october(
    russia_ukraine: tracker.Replay,
) -> None:
    announced = at(russia_ukraine, "2015-10-24")
    assert announced.phase is tracker.Phase.STRAINED  # decided in September, not yet in force
    state = at(russia_ukraine, "2015-10-25")
    assert {("UKR", FLIGHTS), ("RUS", FLIGHTS)} <= in_force(state)
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level < announced.level


@pytest.mark.parametrize(
    ("before", "day"), [("2015-02-10", "2015-02-12"), ("2016-10-18", "2016-10-19")]
)
def test_the_normandy_summits_warm_relations_and_leave_every_measure(
    russia_ukraine: tracker.Replay, before: str, day: str
) -> None:
    # Minsk, where the leaders agreed the package of measures, and Berlin, where they agreed
    # to draw up a roadmap: the leaders meet, no party lifts anything.
    earlier, state = at(russia_ukraine, before), at(russia_ukraine, day)
    assert state.level > earlier.level
    assert in_force(state) == in_force(earlier)
    assert state.phase is earlier.phase


def test_free_trade_and_food_from_ukraine_end_on_new_years_day(
    russia_ukraine: tracker.Replay,
) -> None:
    before, state = at(russia_ukraine, "2015-12-31"), at(russia_ukraine, "2016-01-01")
    assert in_force(state) == in_force(before) | {("RUS", FREE_TRADE), ("RUS", FOOD)}
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level <= before.level  # more sanctions never raise it


def test_the_treaty_runs_under_notice_until_april_2019(russia_ukraine: tracker.Replay) -> None:
    under_notice = at(russia_ukraine, "2019-03-31")
    assert ("UKR", TREATY) not in in_force(under_notice)
    assert under_notice.channels[TREATY] is not tracker.ChannelStatus.DEFUNCT
    ended = at(russia_ukraine, "2019-04-01")
    assert ("UKR", TREATY) in in_force(ended)
    assert ended.channels[TREATY] is tracker.ChannelStatus.DEFUNCT
    assert ended.phase is tracker.Phase.COOPERATION_SUSPENDED
    # The treaty ended is a further cooperation lost: it never raises the level.
    assert ended.level <= under_notice.level


def test_the_paris_summit_raises_the_level_and_lifts_nothing(
    russia_ukraine: tracker.Replay,
) -> None:
    before, state = at(russia_ukraine, "2019-12-08"), at(russia_ukraine, "2019-12-09")
    assert state.level > before.level
    assert in_force(state) == in_force(before) == BEFORE_THE_WAR
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level < 0  # with all those measures standing, a summit is not normal relations


def test_the_next_summit_in_four_months_never_comes(russia_ukraine: tracker.Replay) -> None:
    assert ("council_meeting", SUMMIT) in awaited(at(russia_ukraine, "2019-12-10"))
    late = at(russia_ukraine, "2021-12-31")
    assert ("council_meeting", SUMMIT) not in awaited(late)
    assert {item.source for item in late.lapsed()} >= {SUMMIT}
    assert not any(done.pending.source == SUMMIT for done in late.fulfilled.values())


def test_the_ban_on_voting_at_russias_missions_is_a_day_not_a_measure(
    russia_ukraine: tracker.Replay,
) -> None:
    # Kyiv kept Russian voters out of Russia's embassy and consulates on election day only: the
    # missions work as before the next day, and Russia's protest is what weighs.
    before, day, after = (at(russia_ukraine, d) for d in ("2018-03-15", "2018-03-18", "2018-03-19"))
    assert in_force(after) == in_force(day) == in_force(before)
    assert day.level < before.level


def test_the_advisers_meet_in_berlin_as_agreed_in_paris(russia_ukraine: tracker.Replay) -> None:
    before, paris = at(russia_ukraine, "2022-01-25"), at(russia_ukraine, "2022-01-26")
    assert paris.level > before.level
    berlin = at(russia_ukraine, "2022-02-10")
    assert ("council_meeting", ADVISERS_PARIS, ADVISERS_BERLIN) in fulfilled(berlin)
    assert in_force(berlin) == in_force(before) == BEFORE_THE_WAR
    assert berlin.phase is tracker.Phase.COOPERATION_SUSPENDED


def test_the_eve_of_the_war_empties_the_embassies(russia_ukraine: tracker.Replay) -> None:
    recognised = at(russia_ukraine, "2022-02-21")
    state = at(russia_ukraine, "2022-02-23")
    assert in_force(recognised) == BEFORE_THE_WAR
    assert in_force(state) == BEFORE_THE_WAR | {("RUS", KYIV)}
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED  # Ukraine's embassy is not shut
    assert state.level < at(russia_ukraine, "2022-02-20").level


def test_the_break_severs_relations_the_day_of_the_invasion(
    russia_ukraine: tracker.Replay,
) -> None:
    eve, state = at(russia_ukraine, "2022-02-23"), at(russia_ukraine, "2022-02-24")
    assert state.phase is tracker.Phase.SEVERED
    assert in_force(state) == BEFORE_THE_WAR | {("RUS", KYIV), ("RUS", FORCE), ("UKR", RELATIONS)}
    assert state.level < eve.level


def test_the_invasion_stands_beside_the_occupation_of_crimea(
    russia_ukraine: tracker.Replay,
) -> None:
    eve, state = at(russia_ukraine, "2022-02-23"), at(russia_ukraine, "2022-02-24")
    force = {m.target: m.weight for m in state.in_force() if m.effect is tracker.Effect.FORCE}
    assert force == {CRIMEA: -9.5, FORCE: -10.0}
    assert all(m.by == "RUS" for m in state.in_force() if m.effect is tracker.Effect.FORCE)
    # Russia's force weighs as its heaviest use: the invasion adds half a point to the
    # occupation's weight, Ukraine's break the rest.
    entries = tracker.read_log(RUSSIA_UKRAINE).entries
    (without,) = tracker.replays(e for e in entries if e.id != INVASION).values()
    assert state.pressure == without.at(date(2022, 2, 24)).pressure - 0.5
    assert eve.phase is tracker.Phase.COOPERATION_SUSPENDED


def test_ukraine_empties_its_embassy_the_day_it_breaks_off_relations(
    russia_ukraine: tracker.Replay,
) -> None:
    on_moscow = {m.entry for m in at(russia_ukraine, "2022-02-24").in_force() if m.target == MOSCOW}
    assert EVACUATION in on_moscow
    assert EVACUATION not in {m.entry for m in at(russia_ukraine, "2022-02-23").in_force()}


@settings(max_examples=40, deadline=None)
@given(
    first=st.dates(date(2022, 5, 1), date(2022, 12, 31)),
    second=st.dates(date(2022, 5, 1), date(2022, 12, 31)),
)
def test_with_no_act_after_the_break_the_level_stays_put(first: date, second: date) -> None:
    # The log records nothing after February 2022: once its months have passed, the broken
    # relations neither mend nor deepen.
    history = shared_replay(RUSSIA_UKRAINE)
    assert history.at(first).level == history.at(second).level


@settings(max_examples=40, deadline=None)
@given(day=st.dates(date(2022, 2, 24), date(2022, 12, 31)))
def test_after_the_break_the_level_is_below_any_day_before(day: date) -> None:
    history = shared_replay(RUSSIA_UKRAINE)
    lowest_before = min(
        history.at(date.fromisoformat(d)).level
        for d in ("2014-03-27", "2015-10-25", "2016-01-01", "2019-04-01", "2022-02-23")
    )
    assert history.at(day).level < lowest_before


# -- Algeria–Spain 2022–2024 -----------------------------------------------------------------


def test_spains_new_position_is_a_statement_not_a_measure(algeria_spain: tracker.Replay) -> None:
    state = at(algeria_spain, "2022-03-18")
    assert state.phase is tracker.Phase.NORMAL
    assert not state.in_force()


def test_the_recall_strains_relations(algeria_spain: tracker.Replay) -> None:
    before, state = at(algeria_spain, "2022-03-18"), at(algeria_spain, "2022-03-19")
    assert in_force(state) == {("DZA", MADRID)}
    assert state.phase is tracker.Phase.STRAINED
    assert state.level < before.level


def test_the_treaty_suspended_suspends_cooperation(algeria_spain: tracker.Replay) -> None:
    before, state = at(algeria_spain, "2022-06-07"), at(algeria_spain, "2022-06-08")
    assert before.phase is tracker.Phase.STRAINED
    assert in_force(state) == {("DZA", MADRID), ("DZA", TREATY)}
    assert state.channels[TREATY] is tracker.ChannelStatus.SUSPENDED
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level < before.level


def test_the_trade_freeze_takes_force_the_next_day(algeria_spain: tracker.Replay) -> None:
    decided, state = at(algeria_spain, "2022-06-08"), at(algeria_spain, "2022-06-09")
    assert ("DZA", TRADE_FREEZE) not in in_force(decided)
    assert ("DZA", TRADE_FREEZE) in in_force(state)
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED  # a freeze is coercion, not a cut
    assert state.level < decided.level


def test_the_new_ambassador_ends_the_recall(algeria_spain: tracker.Replay) -> None:
    before, state = at(algeria_spain, "2023-11-15"), at(algeria_spain, "2023-11-16")
    assert ("DZA", MADRID) in in_force(before)
    assert ("DZA", MADRID) not in in_force(state)
    assert state.level > before.level


def test_the_first_goods_let_in_warm_relations_but_lift_nothing(
    algeria_spain: tracker.Replay,
) -> None:
    before, state = at(algeria_spain, "2023-12-31"), at(algeria_spain, "2024-01-31")
    assert in_force(state) == in_force(before) == {("DZA", TREATY), ("DZA", TRADE_FREEZE)}
    assert state.level > before.level


def test_the_visit_called_off_is_never_made(algeria_spain: tracker.Replay) -> None:
    assert ("informal_meeting", VISIT) in awaited(at(algeria_spain, "2024-02-09"))
    overdue = at(algeria_spain, "2024-03-01")
    assert {item.source for item in overdue.overdue()} == {VISIT}
    late = at(algeria_spain, "2024-12-31")
    assert {item.source for item in late.lapsed()} == {VISIT}
    assert not late.fulfilled
    assert not late.meetings


def test_the_bank_of_algeria_ends_the_freeze(algeria_spain: tracker.Replay) -> None:
    before, state = at(algeria_spain, "2024-11-05"), at(algeria_spain, "2024-11-06")
    assert ("DZA", TRADE_FREEZE) in in_force(before)
    assert in_force(state) == {("DZA", TREATY)}
    assert state.phase is tracker.Phase.COOPERATION_SUSPENDED
    assert state.level > before.level


@settings(max_examples=40, deadline=None)
@given(day=st.dates(date(2022, 6, 9), date(2023, 11, 15)))
def test_the_treaty_and_the_freeze_weigh_on_top_of_the_recall(day: date) -> None:
    # Spring 2022, the recall alone and its month long past, read better than any day with the
    # treaty suspended and trade frozen as well.
    history = shared_replay(ALGERIA_SPAIN)
    assert history.at(day).level < history.at(date(2022, 5, 31)).level
