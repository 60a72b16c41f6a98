"""Armed force: an attack is an act, weighing and straining while it is recent; an invasion,
an occupation or a blockade stands as a measure of its party, the heaviest, until lifted."""

from __future__ import annotations

from typing import Any

import pytest
from builders import NATO_RUS, SOURCE, day, entry, lift, lifting, replay_of, suspension
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.strategies import dyads, entries
from tracker.testing import check_replay_laws

STANDING = [action for action in tracker.ForceAction if action is not tracker.ForceAction.ATTACK]


def force(on: str = "2014-03-01", action: str = "occupation", **fields: Any) -> tracker.UseOfForce:
    """Force used by Russia on day ``on``, by default the occupation of a territory."""
    base: dict[str, Any] = {
        "id": f"force-{action}-{on}",
        "on": day(on),
        "reported": day(on),
        "parties": NATO_RUS,
        "title": f"{action} on {on}",
        "sources": (SOURCE,),
        "by": "RUS",
    }
    return tracker.UseOfForce(action=action, **{**base, **fields})


def withdrawal(on: str, target: str = "force", **fields: Any) -> tracker.MinisterialDecision:
    return lifting(on, lift(target), **{"by": "RUS", "decision": "withdraw", **fields})


@pytest.mark.parametrize("action", STANDING)
def test_standing_force_is_a_measure_of_its_party_until_it_lifts_it(action: str) -> None:
    state = replay_of(force(action=action))
    (measure,) = state.in_force()
    assert (measure.by, measure.target, measure.effect, measure.role) == (
        "RUS",
        "force",
        tracker.Effect.FORCE,
        "force",
    )
    assert state.phase is tracker.Phase.STRAINED
    assert dict(state.channels) == {}
    lifted = replay_of(force(action=action), withdrawal("2015-01-10"))
    assert not lifted.in_force()
    assert lifted.phase is tracker.Phase.NORMALIZED
    assert not lifted.anomalies


def test_it_stands_on_the_territory_it_names_and_a_lift_of_it_ends_it() -> None:
    seized = force(territory="peninsula")
    assert [m.target for m in replay_of(seized).in_force()] == ["peninsula"]
    assert replay_of(seized, withdrawal("2015-01-10")).in_force()  # not where it stands
    assert not replay_of(seized, withdrawal("2015-01-10", "peninsula")).in_force()


def test_the_other_partys_lift_leaves_it_standing_and_a_ceasefire_of_both_ends_it() -> None:
    other = withdrawal("2015-01-10", by="NATO")
    assert replay_of(force(), other).in_force()
    joint = withdrawal("2015-01-10", by="NATO", jointly=True)
    assert not replay_of(force(), joint).in_force()


def test_standing_force_outweighs_any_other_measure_and_counts_once_per_party() -> None:
    embargo = tracker.EconomicMeasure(
        id="embargo",
        on=day("2014-03-01"),
        reported=day("2014-03-01"),
        parties=NATO_RUS,
        title="embargo",
        sources=(SOURCE,),
        by="RUS",
        measure="embargo",
        kind="embargo",
        targets=("goods",),
    )
    heaviest = min(m.weight for m in replay_of(embargo, suspension(by="RUS")).in_force())
    assert replay_of(force()).pressure < heaviest
    both = replay_of(force(), force("2014-03-02", "invasion"))
    assert both.pressure == replay_of(force("2014-03-02", "invasion")).pressure == -10.0
    assert replay_of(force(), embargo).pressure == replay_of(force()).pressure - 8.0


def test_an_attack_is_an_act_recent_for_its_month_and_the_next() -> None:
    struck = replay_of(force("2014-03-20", "attack"))
    assert not struck.measures
    replay = tracker.Replay([force("2014-03-20", "attack")], dyad=NATO_RUS)
    assert replay.at(day("2014-03-20")).phase is tracker.Phase.STRAINED
    assert replay.at(day("2014-04-30")).phase is tracker.Phase.STRAINED
    # While recent it weighs as its party's force, beside its month's tone, then both age out.
    assert replay.at(day("2014-04-30")).pressure == -10.0
    assert replay.at(day("2014-04-30")).level == -20.0
    assert replay.at(day("2014-05-01")).phase is tracker.Phase.NORMAL
    assert replay.at(day("2014-05-01")).pressure == 0.0
    assert replay.at(day("2014-05-01")).level == 0.0
    assert replay.at(day("2014-03-19")).phase is tracker.Phase.NORMAL


def test_recent_attacks_weigh_once_per_party_and_beyond_a_month_of_protests() -> None:
    # However many strikes a party makes, its force weighs once; the other's answer weighs as
    # its own; and where a month's tone is already at its floor, the strikes still lower the
    # level.
    one = replay_of(force("2014-03-20", "attack"), force("2014-03-22", "attack", id="again"))
    both = replay_of(
        force("2014-03-20", "attack"), force("2014-03-21", "attack", id="answer", by="NATO")
    )
    at = day("2014-03-25")
    assert one.as_of(at).pressure == -10.0
    assert both.as_of(at).pressure == -20.0
    protests = [
        suspension("2014-03-01"),
        *(
            entry(tracker.Condemnation, f"2014-03-0{n}", by="NATO", issue=f"i{n}", statement="s")
            for n in range(2, 7)
        ),
    ]
    assert replay_of(*protests).as_of(at).recent_activity == -10.0
    struck = replay_of(*protests, force("2014-03-20", "attack"))
    assert struck.as_of(at).level < replay_of(*protests).as_of(at).level


def test_under_a_suspension_an_attack_leaves_the_phase_as_the_measures_make_it() -> None:
    suspended = suspension("2014-03-01")
    with_attack = replay_of(suspended, force("2014-03-20", "attack"))
    assert (
        with_attack.as_of(day("2014-03-25")).phase
        is replay_of(suspended).as_of(day("2014-03-25")).phase
    )


def test_one_occurrence_per_party_action_and_day() -> None:
    first = force()
    second = force(id="second-report", territory="peninsula", detail="told another way")
    assert first.occurrence() == second.occurrence()
    assert len(replay_of(first, second).in_force()) == 1
    assert force().occurrence() != force(action="blockade").occurrence()
    assert force().occurrence() != force(by="NATO").occurrence()
    assert force().occurrence() != force("2014-03-02").occurrence()


def test_its_codes_are_those_of_cameos_own_scale() -> None:
    codes = {
        action: (code.cameo, code.goldstein, code.plover)
        for action in tracker.ForceAction
        for code in (force(action=action).event_code(),)
    }
    assert codes == {
        tracker.ForceAction.ATTACK: ("190", -10.0, "ASSAULT"),
        tracker.ForceAction.INVASION: ("190", -10.0, "ASSAULT"),
        tracker.ForceAction.OCCUPATION: ("192", -9.5, "COERCE"),
        tracker.ForceAction.BLOCKADE: ("191", -9.5, "COERCE"),
    }
    assert tracker.UseOfForce.LABEL == "FRCE"
    assert tracker.entry_types()["use_of_force"] is tracker.UseOfForce


def test_it_names_a_force_action_from_the_list() -> None:
    with pytest.raises(ValueError, match="'skirmish'"):
        force(action="skirmish")


@given(
    dyad=dyads(),
    first=st.booleans(),
    lifter_first=st.booleans(),
    jointly=st.booleans(),
    action=st.sampled_from(STANDING),
)
def test_for_any_pair_standing_force_strains_until_its_party_or_both_lift_it(
    dyad: tracker.Dyad,
    first: bool,
    lifter_first: bool,
    jointly: bool,
    action: tracker.ForceAction,
) -> None:
    by = dyad.first if first else dyad.second
    lifter = dyad.first if lifter_first else dyad.second
    used = force(action=action, by=by, parties=dyad)
    state = tracker.fold([used], tracker.State(dyad))
    assert state.phase is tracker.Phase.STRAINED
    assert state.pressure == used.event_code().goldstein
    assert state.level <= state.pressure / 2 < 0
    ended = withdrawal("2015-01-10", by=lifter, jointly=jointly, parties=dyad)
    after = tracker.fold([used, ended], tracker.State(dyad))
    assert (not after.in_force()) is (jointly or lifter == by)
    assert (after.phase is tracker.Phase.STRAINED) is not (jointly or lifter == by)


@given(entries([tracker.UseOfForce]))
def test_drawn_uses_of_force_round_trip_through_the_codec(drawn: tracker.Entry) -> None:
    assert tracker.loads_entry(tracker.dumps_entry(drawn)) == drawn
    assert tracker.decode_entry(tracker.encode_entry(drawn)) == drawn


def test_the_laws_of_replay_hold_with_force_drawn_at_every_step() -> None:
    check_replay_laws(entries=entries([tracker.UseOfForce]))


def test_its_plover_categories_are_those_the_cameo_translation_gives() -> None:
    for action in tracker.ForceAction:
        code = force(action=action).event_code()
        assert tracker.coded.plover_of(code.cameo) == code.plover
