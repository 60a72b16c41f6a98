"""What a view of an indexed dyad opens on is read from the index without reading each entry:
how many entries of each type the dyad holds, counted as the index takes in new lines, equal
to the count of a cold read after any appends, for every dyad of a log."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker import _codec, _index
from tracker._dates import parse_day
from tracker._errors import FieldError
from tracker._index import index_path, indexed_replay, replay_types
from tracker._store import write_log
from tracker.strategies import logs

FIRST = tracker.Dyad("NATO", "RUS")
SECOND = tracker.Dyad("EU", "TUR")
CHECKS = settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _fresh(path: Path) -> None:
    path.unlink(missing_ok=True)
    index_path(path).unlink(missing_ok=True)


def _interleaved(
    one: tuple[tracker.Entry, ...], other: tuple[tracker.Entry, ...], picks: list[bool]
) -> list[tracker.Entry]:
    """The entries of both logs in one, their ids kept apart, each log's order kept."""
    other = tuple(attrs.evolve(entry, id=f"second-{entry.id}") for entry in other)
    left, right, out = list(one), list(other), []
    for pick in picks:
        source = left if (pick and left) or not right else right
        if source:
            out.append(source.pop(0))
    return [*out, *left, *right]


@CHECKS
@given(
    one=logs(dyad=FIRST, max_size=10),
    other=logs(dyad=SECOND, max_size=10),
    picks=st.lists(st.booleans(), max_size=20),
    cuts=st.lists(st.integers(0, 20), max_size=3),
)
def test_the_types_counted_are_those_of_a_cold_read_after_appends(
    tmp_path: Path,
    one: tuple[tracker.Entry, ...],
    other: tuple[tracker.Entry, ...],
    picks: list[bool],
    cuts: list[int],
) -> None:
    path = tmp_path / "log.jsonl"
    _fresh(path)
    log = _interleaved(one, other, picks)
    ends = sorted({min(cut, len(log)) for cut in cuts} | {len(log)})
    write_log(path, log[: ends[0]])
    written = ends[0]
    for end in ends:
        if end > written:
            tracker.JsonlStore(path).append(log[written:end])
            written = end
        for dyad in (FIRST, SECOND):
            expected = Counter(entry.TYPE for entry in log[:end] if entry.parties == dyad)
            replay = indexed_replay(path, dyad, every=3)
            if not expected:
                assert replay is None
                continue
            assert replay is not None
            assert replay_types(replay) == dict(expected)


def test_an_index_of_the_format_before_is_rebuilt_with_its_types_counted(tmp_path: Path) -> None:
    """An index written before the types were counted (no table of them, its format said
    to be the one before) is built again when next used, and then counts them."""
    path = tmp_path / "log.jsonl"
    path.write_bytes(tracker.bundled_log().read_bytes())
    entries = tracker.read_log(path).entries
    assert _index.build_index(path) == len(entries)
    with contextlib.closing(sqlite3.connect(index_path(path))) as db:
        db.execute("DROP TABLE types")
        db.execute("UPDATE meta SET value = 'tracker-index 9' WHERE key = 'format'")
        db.commit()
    dyads = _index.indexed_dyads(path)
    assert dyads
    for dyad in dyads:
        replay = indexed_replay(path, dyad)
        assert replay is not None
        expected = Counter(entry.TYPE for entry in entries if entry.parties == dyad)
        assert replay_types(replay) == dict(expected)


@given(
    size=st.integers(0, 12),
    picks=st.lists(st.one_of(st.integers(0, 11), st.none()), max_size=30),
)
def test_a_tuple_stored_as_runs_reads_back_item_for_item(
    size: int, picks: list[int | None]
) -> None:
    """Any tuple of a checkpoint, made of items of the one before (in any order, repeated or
    left out) and of new ones, reads back as the same items, those kept the very objects;
    items kept in their order, and new ones side by side, take one run each."""
    old = tuple(tracker.Anomaly(f"old-{n}", "rule", "odd") for n in range(size))
    new = tuple(
        old[pick % size] if pick is not None and size else tracker.Anomaly(f"new-{n}", "r", "x")
        for n, pick in enumerate(picks)
    )
    kept = _index._kept(old, new)
    fresh = [item for item in new if not any(item is was for was in old)]
    assert len(kept["new"]) == len(fresh)
    back = _index._rejoined(list(old), {"at": kept["at"], "new": fresh})
    assert len(back) == len(new)
    assert all(got is item for got, item in zip(back, new, strict=True))
    breaks = sum(
        1
        for earlier, later in itertools.pairwise(kept["at"])
        if not (earlier[0] >= 0 and later[0] == earlier[0] + earlier[1])
        and not (earlier[0] < 0 and later[0] < 0)
    )
    assert breaks == len(kept["at"]) - 1 if kept["at"] else not new


def test_a_tuple_that_grows_at_its_end_is_two_runs() -> None:
    old = tuple(tracker.Anomaly(f"old-{n}", "rule", "odd") for n in range(100))
    grown = (*old, tracker.Anomaly("new", "rule", "odd"), tracker.Anomaly("newer", "rule", "odd"))
    assert _index._kept(old, grown)["at"] == [[0, 100], [-1, 2]]
    assert _index._kept(old, old[1:])["at"] == [[1, 99]]
    assert _index._kept(old, ())["at"] == []


@pytest.mark.parametrize(
    ("runs", "new"),
    [([[0, 3]], []), ([[1, 2]], []), ([[-1, 2]], ["a"]), ([[-1, 1]], ["a", "b"]), ([[0, 0]], [])],
)
def test_runs_that_do_not_fit_the_tuple_before_are_damage(
    runs: list[list[int]], new: list[str]
) -> None:
    with pytest.raises(IndexError):
        _index._rejoined(["x", "y"], {"at": runs, "new": new})


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "a", "2010-01-01"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["from", "to"]), inner)
    ),
    max_leaves=6,
)
_PENDING = {
    "kind": "meeting",
    "expected": {"from": "2010-01-01", "to": None},
    "announced": "2009-12-01~month",
    "source": "e1",
    "phrases": ["said"],
    "reports": ["e1", "e2"],
    "detail": "",
    "forum": "council",
    "level": "",
    "formal": True,
    "actor": "",
    "mission": "",
    "restores": None,
    "stands_until": "2011-05-02",
}


@given(field=st.sampled_from(sorted(_PENDING)), value=_JSON)
def test_a_stored_expectation_reads_as_the_field_by_field_reading_reads_it(
    field: str, value: object
) -> None:
    """A checkpoint's expectation, any of its fields holding any JSON value, reads back as
    the reading that names what is wrong field by field reads it: the same expectation, or
    the same error."""
    data = {**_PENDING, field: value}
    read = _codec._structurer(tracker.Pending, True)
    got = _outcome(lambda: read(data))
    expected = _outcome(lambda: _codec._build(tracker.Pending, data, stated=True))
    assert got == expected
    if isinstance(got, tracker.Pending) and isinstance(expected, tracker.Pending):
        assert [type(getattr(got, name)) for name in _PENDING] == [
            type(getattr(expected, name)) for name in _PENDING
        ]


def _outcome(read: Callable[[], object]) -> object:
    """What ``read`` gives, or the message of the :class:`FieldError` it raises."""
    try:
        return read()
    except (FieldError, ValueError) as error:
        return f"error: {error}"


@given(
    text=st.dates().map(str)
    | st.text(alphabet="0123456789-+ :TW\u0662", min_size=8, max_size=12)
    | st.text(max_size=12)
)
def test_a_day_read_at_once_is_the_day_parse_day_reads(text: str) -> None:
    """The days a checkpoint holds read as ``parse_day`` reads them, or with its error."""
    _codec._parsed_day.cache_clear()
    assert _outcome(lambda: _codec._parsed_day(text)) == _day_outcome(text)


def _day_outcome(text: str) -> object:
    try:
        return parse_day(text)
    except ValueError as error:
        return f"error: {error}"
