"""Economic measures (sanctions): a measure of their own kind, lifted by their party or
jointly, widened by new rounds, straining the relationship, weighed by what they do."""

from __future__ import annotations

from typing import Any

import pytest
from builders import NATO_RUS, SOURCE, day, lift, lifting, replay_of, suspension
from hypothesis import find, given
from hypothesis import strategies as st

import tracker
from tracker.strategies import entries, logs
from tracker.testing import check_replay_laws


def sanctions(
    on: str = "2014-07-31", kind: str = "embargo", **fields: Any
) -> tracker.EconomicMeasure:
    """Sanctions of NATO's on day ``on``: by default a ban on sectors of the economy (built
    whole here: the builders' ``entry`` takes ``kind`` for the entry's type)."""
    base: dict[str, Any] = {
        "id": f"economic-measure-{on}",
        "on": day(on),
        "reported": day(on),
        "parties": NATO_RUS,
        "title": f"sanctions on {on}",
        "sources": (SOURCE,),
        "by": "NATO",
        "measure": "sectoral_sanctions",
        "targets": ("sectors",),
    }
    return tracker.EconomicMeasure(kind=kind, **{**base, **fields})


def test_an_economic_measure_is_in_force_until_its_party_lifts_it() -> None:
    state = replay_of(sanctions(), lifting("2015-01-10", lift("sectoral_sanctions")))
    (measure,) = state.lifted()
    assert (measure.by, measure.target, measure.effect, measure.role) == (
        "NATO",
        "sectoral_sanctions",
        tracker.Effect.SANCTION,
        "economic",
    )
    assert not state.in_force()
    assert state.phase is tracker.Phase.NORMALIZED
    assert not state.anomalies


def test_the_other_partys_lift_leaves_it_in_force_and_a_joint_one_lifts_it() -> None:
    other = lifting("2015-01-10", lift("sectoral_sanctions"), by="RUS")
    assert [m.target for m in replay_of(sanctions(), other).in_force()] == ["sectoral_sanctions"]
    joint = lifting("2015-01-10", lift("sectoral_sanctions"), by="RUS", jointly=True)
    assert not replay_of(sanctions(), joint).in_force()


def test_sanctions_alone_strain_the_relationship_and_leave_the_channels_open() -> None:
    state = replay_of(sanctions())
    assert state.phase is tracker.Phase.STRAINED
    assert dict(state.channels) == {}


def test_with_the_dialogue_suspended_the_phase_reads_as_before() -> None:
    suspended = suspension("2014-03-01")
    assert replay_of(suspended, sanctions()).phase is replay_of(suspended).phase


def test_it_takes_force_on_its_effective_day() -> None:
    state = replay_of(sanctions(effective=day("2014-08-05")))
    assert state.as_of(day("2014-08-01")).phase is tracker.Phase.NORMAL
    assert state.as_of(day("2014-08-05")).phase is tracker.Phase.STRAINED


def test_a_new_round_adds_a_measure_and_one_lift_ends_every_round() -> None:
    rounds = (sanctions(), sanctions("2014-09-12", detail="more banks and oil firms"))
    widened = replay_of(*rounds)
    assert len(widened.in_force()) == 2
    assert widened.pressure == replay_of(rounds[0]).pressure  # one weight per party and kind
    assert not replay_of(*rounds, lifting("2015-01-10", lift("sectoral_sanctions"))).in_force()


def test_listings_of_persons_weigh_less_than_a_ban_and_a_ban_counts_once() -> None:
    listed = sanctions(measure="listed_officials", kind="asset_freeze", targets=("persons",))
    duties = sanctions(measure="steel_duties", kind="duties", targets=("goods",))
    assert replay_of(sanctions()).pressure < replay_of(duties).pressure
    assert replay_of(duties).pressure < replay_of(listed).pressure < 0
    assert replay_of(listed, sanctions("2014-08-01")).pressure == replay_of(sanctions()).pressure


def test_an_economic_measure_is_its_own_kind_beside_a_suspension() -> None:
    cooperation = suspension("2014-03-01", channels=(tracker.MILITARY,))
    both = replay_of(cooperation, sanctions())
    assert both.pressure == replay_of(cooperation).pressure + replay_of(sanctions()).pressure


def test_easing_it_halves_its_weight() -> None:
    eased = lifting("2015-01-10", resumes=("sectoral_sanctions",))
    assert replay_of(sanctions(), eased).pressure == replay_of(sanctions()).pressure / 2


def test_it_needs_a_target_and_names_them_from_a_list() -> None:
    with pytest.raises(tracker.FieldError, match="at least one target"):
        sanctions(targets=())
    with pytest.raises(ValueError, match="'shipping'"):
        sanctions(targets=("shipping",))


def test_its_codes_are_those_of_an_embargo() -> None:
    code = sanctions().event_code()
    assert (code.cameo, code.goldstein, code.plover) == ("163", -8.0, "COERCE")
    assert tracker.EconomicMeasure.LABEL == "SANC"


@given(
    by=st.sampled_from(("NATO", "RUS")),
    lifter=st.sampled_from(("NATO", "RUS")),
    rounds=st.integers(1, 3),
    kind=st.sampled_from(tracker.EconomicKind),
)
def test_a_lift_by_its_party_always_ends_it_the_other_partys_never(
    by: str, lifter: str, rounds: int, kind: tracker.EconomicKind
) -> None:
    taken = [
        sanctions(f"2014-0{month}-01", by=by, kind=kind, id=f"round-{month}")
        for month in range(1, rounds + 1)
    ]
    state = replay_of(*taken, lifting("2015-01-10", lift("sectoral_sanctions"), by=lifter))
    assert (not state.in_force()) is (lifter == by)
    assert (state.pressure == 0) is (lifter == by)


@given(by=st.sampled_from(("NATO", "RUS")), again=st.integers(1, 3))
def test_lifting_sanctions_already_lifted_is_an_anomaly_and_never_named_is_not(
    by: str, again: int
) -> None:
    # A lift of sanctions the log never named may end a story begun before it; a lift of
    # sanctions already lifted says the log contradicts itself.
    first = lifting("2015-01-10", lift("sectoral_sanctions"), by=by)
    repeats = [
        lifting(f"2015-0{2 + n}-10", lift("sectoral_sanctions"), by=by) for n in range(again)
    ]
    state = replay_of(sanctions(by=by), first, *repeats)
    assert [a.rule for a in state.anomalies] == ["not_suspended"] * again
    assert not replay_of(first).anomalies


@given(entries([tracker.EconomicMeasure]))
def test_drawn_measures_round_trip_through_the_codec(drawn: tracker.Entry) -> None:
    assert tracker.loads_entry(tracker.dumps_entry(drawn)) == drawn
    assert tracker.decode_entry(tracker.encode_entry(drawn)) == drawn


def test_the_laws_of_replay_hold_with_sanctions_drawn_at_every_step() -> None:
    check_replay_laws(entries=entries([tracker.EconomicMeasure]))


def test_the_kit_tells_sanctions_and_new_rounds_of_them() -> None:
    def rounds(log: tuple[tracker.Entry, ...]) -> bool:
        taken = [(e.by, e.measure) for e in log if isinstance(e, tracker.EconomicMeasure)]
        return len(taken) > len(set(taken))

    assert rounds(find(logs(plain=True, foreign=False), rounds))
