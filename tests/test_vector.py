"""The persistent sequence a state keeps its expectations and anomalies in: whatever a draft
writes, each vector frozen from it is the tuple the same writes give a list, and stays so;
the vectors of one fold share every block that was not written between them."""

from __future__ import annotations

import pickle
from datetime import date
from unittest.mock import patch

from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker import State, _vector, checkpoints
from tracker._synth import synthesize
from tracker._vector import BLOCK, Vector
from tracker.strategies import states

#: What a draft is asked to do: append, replace or remove an item (by a place drawn
#: from the items there then), or freeze what it holds and go on from a draft of it.
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("append"), st.integers()),
        st.tuples(st.just("set"), st.integers()),
        st.tuples(st.just("delete"), st.integers()),
        st.tuples(st.just("freeze"), st.integers()),
    ),
    max_size=400,
)


@given(st.sampled_from([2, 3, 4, 8, BLOCK]), st.data())
def test_every_vector_frozen_is_the_list_written_alike_and_stays_it(
    block: int, data: st.DataObject
) -> None:
    """Whatever the size of the blocks: small ones split, empty and merge at every step."""
    with patch.object(_vector, "BLOCK", block):
        start = data.draw(st.lists(st.integers(), max_size=3 * block), label="start")
        _written_alike(start, data.draw(OPERATIONS, label="operations"), data, block)


@given(st.sampled_from([4, 6, 8]), st.integers(0, 80), st.data())
def test_removing_most_items_keeps_the_others_in_their_order(
    block: int, size: int, data: st.DataObject
) -> None:
    """Blocks left less than half full merge with the one before: the order stays."""
    with patch.object(_vector, "BLOCK", block):
        model = list(range(size))
        draft = Vector(model).draft()
        for _ in range(size * 3 // 4):
            place = data.draw(st.integers(0, len(model) - 1), label="place")
            del model[place]
            del draft[place]
            assert list(draft) == model
        assert draft.freeze() == tuple(model)


def _written_alike(
    start: list[int], operations: list[tuple[str, int]], data: st.DataObject, block: int
) -> None:
    model = list(start)
    draft = Vector(start).draft()
    frozen: list[tuple[Vector[int], tuple[int, ...]]] = []
    for name, value in operations:
        if name == "append":
            model.append(value)
            draft.append(value)
        elif name == "freeze":
            vector = draft.freeze()
            frozen.append((vector, tuple(model)))
            draft = vector.draft()
        elif model:
            place = data.draw(st.integers(-len(model), len(model) - 1), label="place")
            if name == "set":
                model[place] = draft[place] = value
            else:
                del model[place]
                del draft[place]
        assert len(draft) == len(model)
    frozen.append((draft.freeze(), tuple(model)))
    for vector, seen in frozen:
        assert vector == seen
        assert seen == vector
        assert tuple(vector) == seen
        assert list(reversed(vector)) == list(reversed(seen))
        assert hash(vector) == hash(seen)
        assert repr(vector) == repr(seen)
        assert pickle.loads(pickle.dumps(vector)) == vector
        assert all(0 < len(part) <= block for part in vector._blocks)
        if seen:
            place = data.draw(st.integers(-len(seen), len(seen) - 1), label="read")
            assert vector[place] == seen[place]
            assert vector[place:] == seen[place:]


@given(st.lists(st.integers(), max_size=6 * BLOCK), st.data())
def test_a_draft_written_near_the_end_shares_every_other_block(
    items: list[int], data: st.DataObject
) -> None:
    before = Vector(items)
    draft = before.draft()
    draft.append(-1)
    if items:
        place = data.draw(st.integers(max(len(items) - BLOCK, 0), len(items) - 1), label="place")
        del draft[place]
    after = draft.freeze()
    shared = {id(block) for block in before._blocks}
    fresh = [block for block in after._blocks if id(block) not in shared]
    assert len(fresh) <= 2  # the block written, and the one merged into it or appended


@given(st.lists(st.integers(), max_size=4 * BLOCK))
def test_a_vector_differs_from_any_other_sequence_of_other_items(items: list[int]) -> None:
    vector = Vector(items)
    assert vector != [*items]  # a list is not a tuple
    assert vector != (*items, 0)
    if items:
        assert vector != (*items[:-1], items[-1] + 1)
    assert Vector(vector) == vector


def test_the_checkpoints_of_a_long_fold_share_the_expectations_they_did_not_write() -> None:
    log = sorted(synthesize(6000, dyads=1, seed=3), key=lambda entry: entry.on)
    start = State(log[0].parties)
    states = list(checkpoints(log, start, 16))
    assert len(states[-1].pending) > 4 * BLOCK  # lapsed expectations stay listed: it grows
    held = {id(block): len(block) for state in states for block in state.pending._blocks}
    # A tuple per checkpoint would hold every item of each; the blocks are held once, about
    # one new a checkpoint (the last, appended to).
    assert sum(held.values()) < sum(len(state.pending) for state in states) / 3
    assert len(held) <= 2 * len(states)
    assert states[-1] == tracker.fold(log[: 16 * len(states)], start)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(states())
def test_a_state_reads_as_the_same_state_with_tuples_of_its_expectations_and_anomalies(
    state: State,
) -> None:
    """What a rule written against states passes (tuples, lists) makes the same state: equal,
    hashed, written and pickled alike, its parts vectors again."""
    given_as_tuples = evolve(state, pending=tuple(state.pending), anomalies=list(state.anomalies))
    assert type(given_as_tuples.pending) is Vector
    assert type(given_as_tuples.anomalies) is Vector
    assert given_as_tuples == state
    assert hash(given_as_tuples) == hash(state)
    assert repr(given_as_tuples) == repr(state)
    assert tracker.encode_state(given_as_tuples) == tracker.encode_state(state)
    assert tracker.decode_state(tracker.encode_state(state)) == state
    again = pickle.loads(pickle.dumps(state))
    assert again == state
    assert type(again.pending) is Vector
    assert list(again.may_await(date.max)) == list(state.may_await(date.max))
