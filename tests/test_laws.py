"""The laws of replay, each checked by the kit on logs drawn by tracker.strategies."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import (
    DEFAULT_DYAD,
    Dyad,
    Entry,
    Replay,
    Source,
    State,
    Suspension,
    bundled_log,
    read_log,
)
from tracker.strategies import dyads, entries, logs, states
from tracker.testing import (
    Law,
    LawViolation,
    ReplayMachine,
    check_anomalies,
    check_codec,
    check_determinism,
    check_duplicates,
    check_follow_ups_resolved,
    check_in_force,
    check_known_at,
    check_lapse,
    check_level,
    check_measures,
    check_overdue,
    check_precision,
    check_split_fold,
    check_state_at,
    check_steps,
    check_strict,
)

#: Each example folds a log several times: fewer than Hypothesis's hundred keep a test quick.
#: A story of a dozen entries, each drawn with its sources, takes a while to draw.
LOGS = settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])


def moments(log: tuple[Entry, ...]) -> st.SearchStrategy[date | None]:
    """The days a log speaks of (and after everything): where replays differ."""
    seen = sorted({day for entry in log for day in (entry.on, entry.reported)})
    return st.none() | st.sampled_from(seen or [date(2008, 1, 1)])


@LOGS
@given(logs(nonsense=True))
def test_folding_is_deterministic(log: tuple[Entry, ...]) -> None:
    check_determinism(log)


@LOGS
@given(logs(nonsense=True), st.data())
def test_fold_of_a_log_split_in_two_is_the_fold_of_the_whole(
    log: tuple[Entry, ...], data: st.DataObject
) -> None:
    check_split_fold(log, data.draw(st.integers(0, len(log)), label="split"))


@LOGS
@given(logs(nonsense=True), st.integers(1, 4), st.data())
def test_state_at_a_day_is_the_fold_of_the_entries_up_to_it(
    log: tuple[Entry, ...], every: int, data: st.DataObject
) -> None:
    check_state_at(
        Replay(log, dyad=DEFAULT_DYAD, every=every), log, data.draw(moments(log), label="day")
    )


@LOGS
@given(logs(nonsense=True), st.integers(1, 4), st.data())
def test_steps_forwards_and_backwards_are_the_steps_of_the_fold(
    log: tuple[Entry, ...], every: int, data: st.DataObject
) -> None:
    replay = Replay(log, dyad=DEFAULT_DYAD, every=every)
    for index in data.draw(st.lists(st.integers(0, max(len(replay) - 1, 0))), label="path"):
        if replay.entries:
            check_steps(replay, log, index)


@LOGS
@given(logs(nonsense=True), st.data())
def test_known_at_never_sees_an_entry_reported_later(
    log: tuple[Entry, ...], data: st.DataObject
) -> None:
    day = data.draw(moments(log), label="day")
    known_at = data.draw(
        st.sampled_from([entry.reported for entry in log] or [day or date(2008, 1, 1)]),
        label="known_at",
    )
    check_known_at(Replay(log, dyad=DEFAULT_DYAD), log, day, known_at)


@LOGS
@given(logs(nonsense=True))
def test_second_reports_are_idempotent(log: tuple[Entry, ...]) -> None:
    check_duplicates(log)


@LOGS
@given(logs(nonsense=True))
def test_follow_ups_are_resolved_only_by_an_entry_that_fulfils_them(log: tuple[Entry, ...]) -> None:
    check_follow_ups_resolved(log)


@LOGS
@given(logs(nonsense=True))
def test_expectations_lapsed_are_never_fulfilled(log: tuple[Entry, ...]) -> None:
    check_follow_ups_resolved(log)  # a fulfilment of a lapsed expectation breaks Law.LAPSE


@LOGS
@given(states())
def test_follow_ups_become_overdue_only_after_their_window(state: State) -> None:
    check_overdue(state)


@LOGS
@given(states())
def test_expectations_lapse_after_their_window_and_stay_lapsed(state: State) -> None:
    check_lapse(state)


@LOGS
@given(st.data())
def test_no_entry_moves_the_level_against_its_act(data: st.DataObject) -> None:
    dyad = data.draw(dyads(), label="dyad")
    check_level(data.draw(logs(dyad=dyad, nonsense=True), label="log"), dyad=dyad)


@LOGS
@given(logs(nonsense=True))
def test_decisions_lift_exactly_the_measures_they_name(log: tuple[Entry, ...]) -> None:
    check_measures(log)


@LOGS
@given(states())
def test_measures_are_in_force_from_their_effective_day_until_lifted(state: State) -> None:
    check_in_force(state)


@given(entries())
def test_entries_stated_coarsely_are_placed_within_their_period(entry: Entry) -> None:
    check_precision(entry)


@given(entries())
def test_codec_round_trips_every_entry(entry: Entry) -> None:
    check_codec(entry)


@LOGS
@given(states())
def test_codec_round_trips_every_state(state: State) -> None:
    check_codec(state)


def test_codec_round_trips_a_suspension_of_no_channel() -> None:
    source = Source(outlet="Reuters", article="001_4e8c69e8edebdfa1.txt")
    suspension = Suspension(
        id="s",
        on=date(2008, 8, 19),
        reported=date(2008, 8, 19),
        parties=Dyad("NATO", "RUS"),
        title="NATO suspends nothing",
        sources=[source],
        by="NATO",
        channels=(),
        reason="none",
    )
    check_codec(suspension)


@LOGS
@given(logs() | logs(nonsense=True))
def test_anomalies_name_the_entry_that_caused_them(log: tuple[Entry, ...]) -> None:
    check_anomalies(log)
    check_strict(Replay(log, dyad=DEFAULT_DYAD), log)


def test_the_bundled_log_keeps_the_laws() -> None:
    log = tuple(read_log(bundled_log()))
    replay = Replay(log, dyad=DEFAULT_DYAD, every=2)
    check_duplicates(log)
    check_follow_ups_resolved(log)
    check_measures(log)
    check_anomalies(log)
    for index in range(len(replay)):
        check_steps(replay, log, index)
    for entry in log:
        check_codec(entry)
        check_precision(entry)
        check_state_at(replay, log, entry.on)
        check_known_at(replay, log, None, entry.reported)


def test_a_violation_says_which_law_and_which_entries() -> None:
    log = tuple(read_log(bundled_log()))
    violation = LawViolation(Law.DUPLICATES, "it counted twice", log[:2])
    assert str(violation).startswith("duplicates: a second report of an occurrence changes no")
    assert log[0].id in str(violation)
    assert violation.entries == log[:2]


@settings(max_examples=20, stateful_step_count=15, deadline=None)
class LawsMachine(ReplayMachine):
    """The kit's state machine on tracker's own reducer."""


TestReplayLaws = LawsMachine.TestCase
