"""The fold through one builder, frozen only at checkpoints, gives the states of the pure
reducer: at every checkpoint, at every day a log speaks of, as it was known then, for the
built-in types and for a type whose rule is written against states."""

from __future__ import annotations

import functools
import pickle
from datetime import date
from unittest.mock import patch

import attrs
from example_custom_type import MilitaryContactsResumed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker import Entry, Replay, State, _vector, apply, checkpoints, fold
from tracker._entries import occurrence_code, occurrence_key, occurrence_text
from tracker._reducer import _replace
from tracker.strategies import BUILT_IN, entries, logs
from tracker.testing import check_accumulator, reference_fold

LOGS = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])


def days_of(log: tuple[Entry, ...]) -> st.SearchStrategy[date | None]:
    """The days a log speaks of (and after everything): where replays differ."""
    seen = sorted({day for entry in log for day in (entry.on, entry.reported)})
    return st.none() | st.sampled_from(seen or [date(2008, 1, 1)])


@LOGS
@given(logs(nonsense=True, max_size=16), st.integers(1, 6))
def test_every_checkpoint_of_the_builder_is_the_reduction_up_to_it(
    log: tuple[Entry, ...], every: int
) -> None:
    check_accumulator(log, every=every)


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(logs(max_size=60), st.integers(1, 8))
def test_a_long_log_folds_alike_through_the_builder(log: tuple[Entry, ...], every: int) -> None:
    """Long enough that expectations pile up, lapse and are restated or answered far from
    the end of the lists the builder keeps."""
    check_accumulator(log, every=every)


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(logs(max_size=60), st.integers(1, 6), st.integers(2, 8))
def test_the_builder_folds_alike_whatever_the_size_of_the_blocks_of_its_vectors(
    log: tuple[Entry, ...], every: int, block: int
) -> None:
    """With blocks of a few items, expectations are answered, restated and left to lapse
    across many of them, as on a long log: the states are those of one block (a list)."""
    mine = [entry for entry in log if entry.parties == tracker.DEFAULT_DYAD]
    start = State(tracker.DEFAULT_DYAD)
    whole = list(checkpoints(mine, start, every))
    assert all(len(state.pending._blocks) <= 1 for state in whole)
    with patch.object(_vector, "BLOCK", block):
        check_accumulator(log, every=every)
        assert list(checkpoints(mine, start, every)) == whole


@given(st.integers(0, 20), st.data())
def test_an_item_is_replaced_or_removed_where_it_stands_and_only_it(
    size: int, data: st.DataObject
) -> None:
    items: list[object] = [object() for _ in range(size)]  # distinct, as expectations are
    before = list(items)
    stranger = object()
    target = data.draw(st.sampled_from([*items, stranger]), label="target")
    by = data.draw(st.sampled_from([None, object()]), label="by")
    found = _replace(items, target, by)  # type: ignore[arg-type]
    assert found == (target is not stranger)
    if not found:
        assert items == before
    elif by is None:
        assert items == [item for item in before if item is not target]
    else:
        assert items == [by if item is target else item for item in before]


@LOGS
@given(logs(nonsense=True, max_size=16, types=(*BUILT_IN, MilitaryContactsResumed)))
def test_a_rule_written_against_states_folds_alike_through_the_builder(
    log: tuple[Entry, ...],
) -> None:
    check_accumulator(log, every=2)
    mine = [entry for entry in log if entry.parties == tracker.DEFAULT_DYAD]
    assert fold(mine, State(tracker.DEFAULT_DYAD)) == functools.reduce(
        apply, mine, State(tracker.DEFAULT_DYAD)
    )


@LOGS
@given(logs(nonsense=True, max_size=16), st.integers(1, 5), st.data())
def test_a_replay_at_any_day_as_known_on_any_day_is_the_reduction(
    log: tuple[Entry, ...], every: int, data: st.DataObject
) -> None:
    replay = Replay(log, dyad=tracker.DEFAULT_DYAD, every=every)
    for _ in range(3):
        day = data.draw(days_of(log), label="day")
        known_at = data.draw(days_of(log), label="known_at")
        expected = reference_fold(log, day=day, known_at=known_at)
        assert replay.at(day, known_at=known_at) == expected
    ordered = replay.entries
    for count in range(0, len(ordered) + 1, every):
        assert replay.state(count) == functools.reduce(apply, ordered[:count], State(replay.dyad))


@LOGS
@given(logs(max_size=12), st.integers(1, 4))
def test_states_handed_out_stay_as_they_were_while_the_fold_goes_on(
    log: tuple[Entry, ...], every: int
) -> None:
    mine = [entry for entry in log if entry.parties == tracker.DEFAULT_DYAD]
    handed = []
    for state in checkpoints(mine, State(tracker.DEFAULT_DYAD), every):
        handed.append((state, tracker.encode_state(state)))
    for state, seen in handed:
        assert tracker.encode_state(state) == seen
        assert state.applied % every == 0


def test_a_step_leaves_the_state_it_was_given_as_it_was() -> None:
    dyad = tracker.DEFAULT_DYAD
    state = State(dyad)
    for entry in sorted(
        tracker.read_log(tracker.bundled_log()).entries, key=lambda entry: entry.on
    ):
        if entry.parties != dyad:
            continue
        seen = tracker.encode_state(state)
        after = apply(state, entry)
        assert tracker.encode_state(state) == seen
        assert after is not state
        state = after
    assert state.applied > 0


@LOGS
@given(
    logs(nonsense=True, max_size=12),
    st.lists(
        entries([tracker.CodedEvent], parties=tracker.DEFAULT_DYAD),
        min_size=1,
        max_size=6,
        unique_by=lambda entry: entry.id,
    ),
    st.data(),
)
def test_coded_evidence_folds_alike_through_the_builder(
    log: tuple[Entry, ...], coded: list[Entry], data: st.DataObject
) -> None:
    mixed = list(log)
    taken = {entry.id for entry in log}
    for entry in coded:
        if entry.id not in taken:
            mixed.insert(data.draw(st.integers(0, len(mixed)), label="place"), entry)
    check_accumulator(tuple(mixed), every=data.draw(st.integers(1, 4), label="every"))


@given(entries())
def test_an_entry_keeps_its_occurrence_key_without_it_counting(entry: Entry) -> None:
    """The key kept on an entry once built is the one it builds (as a state keeps it: its
    code, which writes it out again); equality, copies and pickles do not see it."""
    key = occurrence_key(entry)
    assert key == occurrence_code(entry.occurrence()) == occurrence_key(entry)
    assert occurrence_text(key) == entry.occurrence()
    fresh = attrs.evolve(entry)
    assert fresh == entry
    assert pickle.loads(pickle.dumps(entry)) == entry
    assert occurrence_key(fresh) == key
