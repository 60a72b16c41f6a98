"""The append-only table a state keeps its occurrences in: whatever its mutations write, and
from whichever map they start, each map finished is the immutable map the same writes give,
and stays so; the maps of one fold share one table of rows, each its first rows."""

from __future__ import annotations

import pickle
from datetime import date

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from immutables import Map

import tracker
from tracker import Entry, State, checkpoints, fold
from tracker._synth import synthesize
from tracker._table import Table, TableMutation, table
from tracker.strategies import logs, states

KEYS = st.sampled_from([f"k{number}" for number in range(12)])

#: What a mutation is asked to do: set a key, remove one (drawn from those there then), finish
#: what it holds and go on from a mutation of it, or go on from a map finished earlier.
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("set"), KEYS, st.integers(0, 5)),
        st.tuples(st.just("delete"), KEYS, st.just(0)),
        st.tuples(st.just("finish"), KEYS, st.just(0)),
        st.tuples(st.just("back"), KEYS, st.just(0)),
    ),
    max_size=200,
)


def _check(found: Table[str, int], model: dict[str, int]) -> None:
    expected = Map(model)
    assert found == expected
    assert expected == found
    assert found == model
    assert len(found) == len(model)
    assert dict(found.items()) == model
    assert sorted(found) == sorted(model)
    assert hash(found) == hash(expected)
    for key in [f"k{number}" for number in range(12)]:
        assert (key in found) == (key in model)
        assert found.get(key, -1) == model.get(key, -1)
    again = pickle.loads(pickle.dumps(found))
    assert type(again) is Table
    assert again == found


@given(st.dictionaries(KEYS, st.integers(0, 5)), OPERATIONS, st.data())
def test_every_map_finished_is_the_map_written_alike_and_stays_it(
    start: dict[str, int], operations: list[tuple[str, str, int]], data: st.DataObject
) -> None:
    model = dict(start)
    mutation: TableMutation[str, int] = Table(start).mutate()
    finished: list[tuple[Table[str, int], dict[str, int]]] = [(Table(start), dict(start))]
    since: set[str] = set()  # the keys written since the last map finished
    length = mutation._length
    for name, key, value in operations:
        if name == "set":
            since.add(key)
            model[key] = mutation[key] = value
        elif name == "delete" and model:
            gone = data.draw(st.sampled_from(sorted(model)), label="deleted")
            since.add(gone)
            del model[gone]
            del mutation[gone]
        elif name == "finish":
            made = mutation.finish()
            assert made._length - length <= len(since)  # a row at most for each key written
            since, length = set(), made._length
            finished.append((made, dict(model)))
            mutation = made.mutate()
        elif name == "back":  # a fold going on from an earlier state: a branch of the table
            place = data.draw(st.integers(0, len(finished) - 1), label="back to")
            made, seen = finished[place]
            model, mutation = dict(seen), made.mutate()
            since, length = set(), made._length
        assert len(mutation) == len(model)
        assert all(mutation.get(k, -1) == model.get(k, -1) for k in ("k0", "k1", "k2", "k3"))
    finished.append((mutation.finish(), model))
    for made, seen in finished:
        _check(made, seen)


@given(st.dictionaries(KEYS, st.integers(0, 5)), OPERATIONS, st.integers(0, 200))
def test_writing_again_what_the_table_holds_next_shares_its_rows(
    start: dict[str, int], operations: list[tuple[str, str, int]], split: int
) -> None:
    """Going on from an earlier map with the writes made after it (as a replay does from a
    checkpoint) finds them in the table: the maps made share its rows, none copied."""
    writes = [(key, value) for name, key, value in operations if name == "set"]
    split = min(split, len(writes))
    mutation = Table(start).mutate()
    for key, value in writes[:split]:
        mutation[key] = value
    middle = mutation.finish()
    mutation = middle.mutate()
    for key, value in writes[split:]:
        mutation[key] = value
    end = mutation.finish()
    again = middle.mutate()
    for key, value in writes[split:]:
        again[key] = value
    replayed = again.finish()
    assert replayed._rows is end._rows
    assert replayed._length == end._length
    assert replayed == end


@given(st.dictionaries(KEYS, st.integers(0, 5), min_size=1), st.integers(0, 5))
def test_a_branch_leaves_the_maps_of_the_table_it_left_as_they_were(
    start: dict[str, int], value: int
) -> None:
    base = Table(start)
    later = base.set("other", value)
    key = sorted(start)[0]
    branch = base.set(key, start[key] + 1).delete(sorted(start)[-1])
    assert later == {**start, "other": value}
    assert base == start
    expected = {**start, key: start[key] + 1}
    del expected[sorted(start)[-1]]
    assert branch == expected
    assert branch._rows is not later._rows
    assert branch._rows.base is later._rows  # the branch holds the rows it shares by reference
    deeper = branch.set("deep", 0).update({"deeper": 1})
    assert deeper == {**expected, "deep": 0, "deeper": 1}
    assert deeper._rows.base is later._rows


def test_table_takes_a_map_a_dict_or_items_and_a_table_as_it_is() -> None:
    made = table(Map(a="1"))
    assert type(made) is Table
    assert made == table({"a": "1"}) == table([("a", "1")])
    assert table(made) is made
    assert Table() == Map()
    assert Table({"a": "1"}) != Map(a="2")
    assert Table({"a": "1"}) != Map(a="1", b="2")
    assert Table({"a": "1"}) != 1


def test_the_tables_of_two_folds_index_their_places_with_the_same_objects() -> None:
    """A place is a number each table indexes for each of its rows: two tables of as many
    rows (two dyads, two parts of a state) hold one object of each place between them."""
    size = 5000  # beyond the places made on import: the shared ones grow as tables do
    first = Table((f"a{number}", number) for number in range(size))
    second = Table((f"b{number}", -number) for number in range(size))
    for number in (0, 300, size - 1):
        place = first._rows.index[f"a{number}"]
        assert place == number
        assert place is second._rows.index[f"b{number}"]
    assert first.get(f"a{size - 1}") == size - 1
    assert second.get(f"b{size - 1}") == 1 - size


def test_the_checkpoints_of_a_long_fold_share_one_table_of_occurrences() -> None:
    log = sorted(synthesize(3000, dyads=1, seed=5), key=lambda entry: entry.on)
    start = State(log[0].parties)
    states_ = list(checkpoints(log, start, 16))
    assert len(states_[-1].occurrences) > 1000
    assert len({id(state.occurrences._rows) for state in states_}) == 1
    lengths = [state.occurrences._length for state in states_]
    assert lengths == sorted(lengths)
    assert states_[-1] == tracker.fold(log[: 16 * len(states_)], start)
    for number in (0, len(states_) // 2, len(states_) - 1):
        expected = tracker.fold(log[: 16 * (number + 1)], start)
        assert states_[number] == expected
        assert dict(states_[number].occurrences.items()) == dict(expected.occurrences.items())


def test_a_replay_at_any_date_reads_its_occurrences_from_the_table_its_checkpoints_share() -> None:
    log = sorted(synthesize(2000, dyads=1, seed=7), key=lambda entry: entry.on)
    replay = tracker.Replay(log, every=16)
    final = replay.final
    for day in (log[100].on, log[999].on, log[-3].on):
        state = replay.at(day)
        assert state.occurrences._rows is final.occurrences._rows
        assert state == tracker.fold([e for e in log if e.on <= day], State(log[0].parties)).as_of(
            day
        )


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(states())
def test_a_state_reads_as_the_same_state_with_a_map_of_its_occurrences(state: State) -> None:
    """What a rule written against states passes (an immutable map, a dict) makes the same
    state: equal, hashed, written and pickled alike, its occurrences a table again."""
    given_as_map = State(
        **{
            **{name: getattr(state, name) for name in _INIT},
            "occurrences": Map(state.occurrences.items()),
        }
    )
    assert type(given_as_map.occurrences) is type(state.occurrences)
    assert isinstance(given_as_map.occurrences, Table)
    assert given_as_map == state
    assert hash(given_as_map) == hash(state)
    assert tracker.encode_state(given_as_map) == tracker.encode_state(state)
    assert tracker.decode_state(tracker.encode_state(state)) == state
    again = pickle.loads(pickle.dumps(state))
    assert again == state
    assert type(again.occurrences) is type(state.occurrences)
    assert again.as_of(date.max).occurrences == state.occurrences


#: The fields a state is made of (the others it derives from them).
_INIT = [attribute.name for attribute in attrs.fields(State) if attribute.init]


def test_a_month_written_many_times_between_two_checkpoints_adds_one_row() -> None:
    """The activity of a month moves with each occurrence; a state frozen adds one row for
    each month written since the one before, however often, and all share one table."""
    log = sorted(synthesize(3000, dyads=1, seed=11), key=lambda entry: entry.on)
    start = State(log[0].parties)
    every = 64
    states_ = list(checkpoints(log, start, every))
    assert len({id(state.activity._rows) for state in states_}) == 1
    curated = [key for key in states_[-1].occurrences if not key.startswith("coded_event|")]
    # A row per write would be a row per curated occurrence; months are written in runs.
    assert len(states_[-1].activity._rows) < len(curated) / 2
    assert states_[-1] == tracker.fold(log[: every * len(states_)], start)


#: The maps of records a state keeps as tables, each with what keys a record in it.
RECORDS = {
    "measures": lambda measure: measure.key,
    "fulfilled": lambda done: done.key,
    "meetings": lambda meeting: meeting.entry,
}


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(logs(max_size=40), st.integers(1, 6))
def test_the_checkpoints_of_any_log_share_one_table_of_each_kind_of_record(
    log: tuple[Entry, ...], every: int
) -> None:
    """Each checkpoint of a fold holds its measures, fulfilments and meetings as the first
    rows of one table of each, which only grows: each is the map the pure fold gives up to it,
    and a state given its measures as a dict derives from them the same index of those not
    wholly lifted."""
    mine = [entry for entry in log if entry.parties == tracker.DEFAULT_DYAD]
    start = State(tracker.DEFAULT_DYAD)
    states_ = list(checkpoints(mine, start, every))
    for name in RECORDS:
        assert len({id(getattr(state, name)._rows) for state in states_}) <= 1
        lengths = [getattr(state, name)._length for state in states_]
        assert lengths == sorted(lengths)
    for number, state in enumerate(states_):
        expected = fold(mine[: every * (number + 1)], start)
        for name, key in RECORDS.items():
            found, wanted = getattr(state, name), getattr(expected, name)
            assert type(found) is type(wanted)
            assert isinstance(found, Table)
            assert dict(found.items()) == dict(wanted.items())
            assert found == wanted
            assert hash(found) == hash(wanted)
            assert len(found) == len(dict(found.items()))
            assert all(key(record) == name_of for name_of, record in found.items())
        made = State(**{**_fields(state), "measures": dict(state.measures.items())})
        assert made.unlifted == state.unlifted
        assert made.lifted_until == state.lifted_until
        assert made.first_effective == state.first_effective


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(states(), st.sampled_from(sorted(RECORDS)), st.sampled_from(["map", "dict", "records"]))
def test_a_state_reads_as_the_same_state_with_its_records_given_otherwise(
    state: State, name: str, given_as: str
) -> None:
    """Measures, fulfilments or meetings given as an immutable map, a dict or an iterable of
    records (as a rule written against states, or a caller, gives them) make the same state:
    equal, hashed, encoded and pickled alike, the map a table again, the index of the
    measures the same."""
    records = dict(getattr(state, name).items())
    forms: dict[str, object] = {
        "map": Map(records),
        "dict": records,
        "records": list(records.values()),
    }
    made = State(**{**_fields(state), name: forms[given_as]})
    assert type(getattr(made, name)) is type(getattr(state, name))
    assert isinstance(getattr(made, name), Table)
    assert made == state
    assert hash(made) == hash(state)
    assert getattr(made, name) == Map(records)
    assert (made.unlifted, made.lifted_until, made.first_effective) == (
        state.unlifted,
        state.lifted_until,
        state.first_effective,
    )
    assert tracker.encode_state(made) == tracker.encode_state(state)
    decoded = tracker.decode_state(tracker.encode_state(state))
    assert decoded == state
    assert type(getattr(decoded, name)) is type(getattr(state, name))
    again = pickle.loads(pickle.dumps(state))
    assert again == state
    assert type(getattr(again, name)) is type(getattr(state, name))
    assert getattr(again.as_of(date.max), name) == getattr(state, name)


def test_a_replay_at_any_date_reads_its_records_from_the_tables_its_checkpoints_share() -> None:
    """A date's state holds the rows of measures, fulfilments and meetings of the checkpoint
    before it by reference: the table itself, or (when the date's fold, frozen after other
    entries than the checkpoints were, writes its rows otherwise) a table of its own based
    on it."""
    log = sorted(synthesize(3000, dyads=1, seed=13), key=lambda entry: entry.on)
    replay = tracker.Replay(log, every=16)
    final = replay.final
    assert len(final.measures) > 20
    assert len(final.fulfilled) > 20
    assert len(final.meetings) > 20
    assert any(not measure.standing(None) for measure in final.measures.values())
    start = State(log[0].parties)
    for day in (log[150].on, log[1500].on, log[-5].on):
        state = replay.at(day)
        for name in RECORDS:
            rows, shared = getattr(state, name)._rows, getattr(final, name)._rows
            assert rows is shared or rows.base is shared
        expected = tracker.fold([e for e in log if e.on <= day], start).as_of(day)
        assert state == expected
        assert state.in_force() == expected.in_force()
        assert state.lifted() == expected.lifted()
        assert state.count_lifted() == len(expected.lifted())


def _fields(state: State) -> dict[str, object]:
    return {name: getattr(state, name) for name in _INIT}
