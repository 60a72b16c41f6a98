"""Maps of a state read back from the index: their keys read without decoding any value, a few
values decoded one by one and then all at once, the items of a stored map read a key at a time
and then all at once; each way gives what the map decoded whole gives."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any, NoReturn

import pytest
from hypothesis import given
from hypothesis import strategies as st
from immutables import Map

import tracker
from tracker import _index, _lazy
from tracker._lazy import LazyMap, Stored

KEYS = st.text("abcdefgh", min_size=1, max_size=3)
STORED = st.dictionaries(KEYS, st.integers(0, 99), max_size=40)
#: What is done to a map after it is read back: set a key, or remove one it may hold.
EDITS = st.lists(st.tuples(st.booleans(), KEYS, st.integers(100, 199)), max_size=12)


class Counted:
    """A decoder of stored items (here: the number as text) that counts what it decodes."""

    def __init__(self) -> None:
        self.decoded = 0

    def __call__(self, items: dict[str, Any]) -> dict[str, str]:
        self.decoded += len(items)
        return {key: str(value) for key, value in items.items()}


def _edited(lazy: LazyMap[str], plain: Map[str, str], edits: list[tuple[bool, str, int]]) -> Any:
    for remove, key, value in edits:
        if remove and key in plain:
            lazy, plain = lazy.delete(key), plain.delete(key)
        elif not remove:
            lazy, plain = lazy.set(key, str(value)), plain.set(key, str(value))
    return lazy, plain


@given(stored=STORED, edits=EDITS)
def test_the_keys_of_a_lazy_map_are_read_without_decoding_a_value(
    stored: dict[str, int], edits: list[tuple[bool, str, int]]
) -> None:
    decode = Counted()
    lazy, plain = _edited(
        LazyMap(Stored(stored, decode)), Map({k: str(v) for k, v in stored.items()}), edits
    )
    keys = list(lazy)
    assert sorted(keys) == sorted(plain)
    assert len(lazy) == len(plain)
    assert decode.decoded == 0
    assert keys == list(lazy.whole()) == list(lazy.keys())
    assert lazy.whole() == plain


@given(stored=STORED, asked=st.lists(KEYS, max_size=30), single=st.integers(0, 5))
def test_a_lazy_map_decodes_a_few_keys_alone_then_every_item_at_once(
    stored: dict[str, int], asked: list[str], single: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_lazy, "SINGLE_DECODES", single)
        decode = Counted()
        lazy = LazyMap(Stored(stored, decode))
        for key in asked:
            assert lazy.get(key) == (str(stored[key]) if key in stored else None)
            assert (key in lazy) is (key in stored)
        assert decode.decoded <= len(stored)  # each item decoded once, however it is read
        assert lazy.whole() == Map({k: str(v) for k, v in stored.items()})
        assert decode.decoded == len(stored)


@given(
    maps=st.lists(STORED, min_size=1, max_size=4),
    asked=st.lists(KEYS, max_size=30),
    single=st.integers(0, 5),
)
def test_the_items_of_a_stored_map_read_back_as_the_map_at_each_checkpoint(
    maps: list[dict[str, int]],
    asked: list[str],
    single: int,
) -> None:
    """Checkpoints whose map of occurrences is each of ``maps`` in turn: at each, the keys
    asked for read one by one (then, past ``single`` of them, all at once), its keys and its
    items read back as that map."""
    dyad = tracker.Dyad("NATO", "RUS")
    states = [tracker.State(dyad, occurrences=Map({k: str(v) for k, v in m.items()})) for m in maps]
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.closing(sqlite3.connect(":memory:")) as db,
    ):
        patch.setattr(_index, "SINGLE_READS", single)
        db.executescript(_index._SCHEMA)
        changes = _index._Changes(tracker.State(dyad))
        for number, state in enumerate(states, 1):
            _index.store_change(db, dyad, number, changes.after(state))
        for number, state in enumerate(states, 1):
            expected = dict(state.occurrences.items())
            items = _index.StoredItems(
                db, dyad, number, _index._raised, "occurrences", len(expected)
            )
            for key in asked:
                assert items.get(key) == expected.get(key)
                assert (key in items) is (key in expected)
            assert sorted(items) == sorted(expected)
            assert dict(items.items()) == expected
            assert list(items) == list(dict(items.items()))


class Damaged(Exception):
    """What the test's ``damaged`` raises."""


def _refuse(error: Exception) -> NoReturn:
    raise Damaged(str(error)) from error


@pytest.mark.parametrize("single", [0, 64])
@pytest.mark.parametrize("stored", [b"{", b"1,2", b""])
def test_a_stored_item_that_does_not_read_is_damaged_however_it_is_read(
    single: int, stored: bytes
) -> None:
    dyad = tracker.Dyad("NATO", "RUS")
    state = tracker.State(dyad, occurrences=Map(a="1", b="2", c="3"))
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.closing(sqlite3.connect(":memory:")) as db,
    ):
        patch.setattr(_index, "SINGLE_READS", single)
        db.executescript(_index._SCHEMA)
        _index.store_change(db, dyad, 1, _index._Changes(tracker.State(dyad)).after(state))
        db.execute("UPDATE items SET value = ? WHERE key = 'b'", (stored,))
        items = _index.StoredItems(db, dyad, 1, _refuse, "occurrences", 3)
        if single:
            assert items["a"] == "1"  # the others read alone, as they are asked for
        with pytest.raises(Damaged):
            items.get("b")
        with pytest.raises(Damaged):
            dict(items.items())
