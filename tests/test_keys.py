"""The keys a state keeps of its occurrences and fulfilments in a form of their own (a number
for an occurrence, the fulfilment itself for a fulfilment) read, compare, hash and print as the
keys they stand for: whatever text is given as a key, it is found again, written out as given,
and never taken for another."""

from __future__ import annotations

import pickle
from datetime import date
from typing import Any

import attrs
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from immutables import Map

import tracker
from tracker import Entry, State, fold
from tracker._dates import DateWindow, Day, Precision
from tracker._entries import occurrence_code, occurrence_key, occurrence_text
from tracker._state import Fulfilment, FulfilmentKey, Fulfilments, Occurrences, Pending
from tracker._synth import synthesize
from tracker.strategies import entries, logs

#: Texts shaped like occurrence keys, or nearly: the parts a key is read by, and others.
PARTS = st.sampled_from(
    [
        "meeting",
        "NATO-RUS",
        "",
        "nrc",
        "2008",
        "2008-02",
        "2008-02-29",
        "2009-02-29",
        "2008-13",
        "0000",
        "1999-12-31",
        "x|y",
        "2008-1-1",
        "\uff19" * 4,
        "True",
    ]
)
KEYS = st.lists(PARTS, min_size=0, max_size=7).map("|".join) | st.text(max_size=30)


@given(st.lists(KEYS, max_size=12))
def test_an_occurrence_key_reads_back_as_itself_and_as_no_other(keys: list[str]) -> None:
    codes = [occurrence_code(key) for key in keys]
    assert [occurrence_text(code) for code in codes] == keys
    assert [occurrence_code(key) for key in keys] == codes
    assert [occurrence_code(code) for code in codes] == codes
    assert len(set(codes)) == len(set(keys))


@given(entries())
def test_the_key_of_an_entry_of_a_day_is_kept_as_a_number(entry: Entry) -> None:
    """Every built-in type's key names its type, dyad and day before the rest: kept as a
    number, which writes the key out again."""
    code = occurrence_key(entry)
    assert isinstance(code, int)
    assert occurrence_text(code) == entry.occurrence()


@given(st.dictionaries(KEYS, st.sampled_from(["a", "b", "c"]), max_size=8), KEYS)
def test_occurrences_read_as_the_map_of_their_keys(items: dict[str, str], other: str) -> None:
    made = Occurrences(items)
    assert made == Map(items)
    assert Map(items) == made
    assert hash(made) == hash(Map(items))
    assert dict(made.items()) == items
    assert sorted(made) == sorted(items)
    assert all(type(key) is str for key in made)
    assert all(made[key] == value for key, value in items.items())
    by_code = {occurrence_code(key): value for key, value in items.items()}
    assert all(made.get(code) == value for code, value in by_code.items())  # type: ignore[arg-type]
    assert (other in made) == (other in items)
    again = pickle.loads(pickle.dumps(made))
    assert type(again) is Occurrences
    assert again == made
    grown = made.set(other, "d")
    assert dict(grown.items()) == {**items, other: "d"}
    assert grown == Occurrences({**items, other: "d"})
    if items:
        first = next(iter(items))
        assert dict(made.delete(first).items()) == {k: v for k, v in items.items() if k != first}


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(logs(max_size=24))
def test_a_fold_keeps_its_keys_as_codes_and_shows_them_as_text(log: tuple[Entry, ...]) -> None:
    """The occurrences a fold keeps are found by each entry's key, and read as those keys;
    its fulfilments are read by their keys as text."""
    mine = [entry for entry in log if entry.parties == tracker.DEFAULT_DYAD]
    state = fold(mine, State(tracker.DEFAULT_DYAD))
    for entry in mine:
        assert entry.occurrence() in state.occurrences
    assert set(state.occurrences) == {entry.occurrence() for entry in mine}
    assert all(type(key) is str for key in state.fulfilled)
    for key, done in state.fulfilled.items():
        assert key == done.key
        assert state.fulfilled[key] is done
    encoded = tracker.encode_state(state)
    assert tracker.decode_state(encoded) == state
    assert tracker.encode_state(tracker.decode_state(encoded)) == encoded


def test_a_long_fold_keeps_fulfilments_by_their_keys() -> None:
    log = sorted(synthesize(600, dyads=1, seed=3), key=lambda entry: entry.on)
    state = fold(log, State(log[0].parties))
    assert len(state.fulfilled) > 10
    given_as_text = State(**{**_fields(state), "fulfilled": dict(state.fulfilled.items())})
    assert given_as_text == state
    assert hash(given_as_text.fulfilled) == hash(state.fulfilled)
    assert sorted(given_as_text.fulfilled) == sorted(state.fulfilled)


def _fields(state: State) -> dict[str, Any]:
    return {a.name: getattr(state, a.name) for a in attrs.fields(State) if a.init}


def test_a_fulfilment_key_hashes_and_compares_as_its_text() -> None:
    log = sorted(synthesize(600, dyads=1, seed=3), key=lambda entry: entry.on)
    done = list(fold(log, State(log[0].parties)).fulfilled.values())
    first, second = done[0], done[1]
    key = FulfilmentKey(first)
    assert hash(key) == hash(first.key)
    assert key == first.key
    assert first.key == key
    assert key != second.key
    assert key == FulfilmentKey(Fulfilment(first.pending, first.by, date(2000, 1, 1)))
    assert key != FulfilmentKey(second)
    assert key != 3
    table = Fulfilments([(key, first)])  # type: ignore[list-item]
    assert table[first.key] is first
    assert first.key in table
    assert list(table) == [first.key]
    mutation = table.mutate()
    mutation[first.key] = second  # the same key as text: the same item
    assert list(mutation.finish().items()) == [(first.key, second)]


STARTS = st.sampled_from(
    [date(2008, 8, 1), Day(2008, 8, 1), Day(2008, 8, 1, Precision.MONTH), date(2008, 8, 2)]
)
FULFILMENTS = st.builds(
    lambda kind, source, start, forum, formal, actor, restores, by: Fulfilment(
        Pending(
            kind,
            DateWindow(start, None),
            date(2008, 7, 1),
            source,
            (),
            (source,),
            forum=forum,
            formal=formal,
            actor=actor,
            restores=restores,
        ),
        by,
        date(2008, 9, 1),
    ),
    st.sampled_from(["council_meeting", "informal_meeting"]),
    st.sampled_from(["a", "a.nrc", "b"]),
    STARTS,
    st.sampled_from(["", "nrc", "a"]),
    st.sampled_from([None, True, False]),
    st.sampled_from(["", "NATO"]),
    st.sampled_from([None, True]),
    st.sampled_from(["c", "nrc.c"]),
)


def _done(start: date = date(2008, 8, 1), forum: str = "", by: str = "c") -> Fulfilment:
    window = DateWindow(start, None)
    pending = Pending("council_meeting", window, date(2008, 7, 1), "a", (), ("a",), forum=forum)
    return Fulfilment(pending, by, date(2008, 9, 1))


@given(FULFILMENTS, FULFILMENTS)
@example(_done(), _done(Day(2008, 8, 1, Precision.MONTH)))  # equal days, written otherwise
@example(_done(forum="nrc", by="c"), _done(by="nrc.c"))  # other parts, one text
def test_fulfilment_keys_are_equal_when_their_texts_are(one: Fulfilment, other: Fulfilment) -> None:
    """Two keys are one when their texts are, whichever parts wrote them (an id may hold a
    dot, a day of another precision writes otherwise), and never otherwise."""
    assert (FulfilmentKey(one) == FulfilmentKey(other)) == (one.key == other.key)
    table = Fulfilments([(FulfilmentKey(one), one)])  # type: ignore[list-item]
    written = table.mutate()
    written[FulfilmentKey(other)] = other  # type: ignore[index]
    assert len(written.finish()) == len({one.key, other.key})
