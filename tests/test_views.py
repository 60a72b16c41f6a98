"""A view over the index gives the rows, entries, states and steps a cold replay gives, at any
cursor and day, after appends too, decoding only the entries it is asked about."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker import _views as views
from tracker._index import index_path
from tracker._store import write_log
from tracker._views import IndexView, open_view
from tracker.strategies import logs

DYAD = tracker.Dyad("NATO", "RUS")
DAYS = st.dates(date(2007, 1, 1), date(2012, 12, 31))
CHECKS = settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
#: Checkpoints this close together put a few in even a short log.
EVERY = 3


def _fresh(path: Path) -> None:
    path.unlink(missing_ok=True)
    index_path(path).unlink(missing_ok=True)


def _written(
    tmp_path: Path, log: tuple[tracker.Entry, ...]
) -> tuple[IndexView | None, tracker.Replay]:
    """The view of ``log`` written afresh as a JSONL log, and its cold replay to compare with."""
    path = tmp_path / "log.jsonl"
    _fresh(path)
    write_log(path, log)
    return open_view(path, DYAD, every=EVERY), tracker.Replay(log, dyad=DYAD)


def _agrees(view: IndexView, cold: tracker.Replay, cursors: list[int], days: list[date]) -> None:
    """The view says what the cold replay says: rows, entries, states, steps and days."""
    assert len(view) == len(cold)
    assert [row.id for row in view.rows] == [entry.id for entry in cold.entries]
    assert [row.type for row in view.rows] == [entry.TYPE for entry in cold.entries]
    assert [row.day for row in view.rows] == [entry.on for entry in cold.entries]
    for cursor in (cursor % len(cold) for cursor in cursors):
        assert view.entry(cursor) == cold.entries[cursor]
        assert view.state(cursor) == cold.state(cursor)
        step, expected = view.step(cursor), cold.step(cursor)
        assert (step.before, step.after) == (expected.before, expected.after)
        assert step.changes == expected.changes
        assert view.entry(cursor).sources == expected.entry.sources
    for day in days:
        for known_at in (None, day):
            assert view.at(day, known_at=known_at) == cold.at(day, known_at=known_at)
    assert view.at() == cold.at()


@CHECKS
@given(
    log=logs(dyad=DYAD, max_size=14),
    cut=st.integers(1, 13),
    cursors=st.lists(st.integers(0, 100), min_size=1, max_size=6),
    days=st.lists(DAYS, max_size=4),
)
def test_a_view_gives_the_cold_replays_states_and_steps_after_appends(
    tmp_path: Path,
    log: tuple[tracker.Entry, ...],
    cut: int,
    cursors: list[int],
    days: list[date],
) -> None:
    path = tmp_path / "log.jsonl"
    _fresh(path)
    first = log[: min(cut, len(log))]
    write_log(path, first)
    for entries in (first, log):
        if entries is log:
            tracker.JsonlStore(path).append(log[len(first) :])
        cold = tracker.Replay(entries, dyad=DYAD)
        view = open_view(path, DYAD, every=EVERY)
        if not len(cold):
            assert view is None
            continue
        assert view is not None
        _agrees(view, cold, cursors, days)


@CHECKS
@given(log=logs(dyad=DYAD, max_size=14), cursors=st.lists(st.integers(0, 100), max_size=8))
def test_stepping_back_and_forth_reuses_states_and_stays_equal(
    tmp_path: Path, log: tuple[tracker.Entry, ...], cursors: list[int]
) -> None:
    view, cold = _written(tmp_path, log)
    if view is None:
        assert not len(cold)
        return
    for cursor in cursors:  # states kept from earlier questions fold the later ones
        count = cursor % (len(cold) + 1)
        assert view.state(count) == cold.state(count)


def test_the_entries_read_as_a_sequence(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    entries = tracker.read_log(tracker.bundled_log()).entries
    write_log(path, entries)
    view = open_view(path, DYAD, every=EVERY)
    assert view is not None
    cold = tracker.Replay(entries, dyad=DYAD).entries
    assert list(view.entries) == list(cold)
    assert view.entries[-1] == cold[-1]
    assert list(view.entries[2:9:3]) == list(cold[2:9:3])
    assert list(view.entries[3:7]) == list(cold[3:7])
    with pytest.raises(IndexError, match="no entry"):
        view.entries[len(cold)]
    with pytest.raises(IndexError, match="no state after"):
        view.state(len(cold) + 1)
    assert view.replay().at() == tracker.Replay(entries, dyad=DYAD).at()


def test_a_type_is_read_from_a_line_the_codec_did_not_write(tmp_path: Path) -> None:
    """A line whose type is not its first key, or is escaped, is parsed to find it."""
    path = tmp_path / "log.jsonl"
    entries = tracker.read_log(tracker.bundled_log()).entries
    lines = [tracker.dumps_entry(entry) for entry in entries]
    first = lines[0].replace(b'{"type":"', b'{ "type" : "', 1)
    kind = entries[1].TYPE
    escaped = f"\\u{ord(kind[0]):04x}{kind[1:]}".encode()
    second = lines[1].replace(f'"type":"{kind}"'.encode(), b'"type":"' + escaped + b'"', 1)
    assert second != lines[1]
    path.write_bytes(b"".join(line + b"\n" for line in [first, second, *lines[2:]]))
    view = open_view(path, entries[0].parties)
    assert view is not None
    assert [row.type for row in view.rows[:2]] == [entries[0].TYPE, entries[1].TYPE]


@CHECKS
@given(
    log=logs(dyad=DYAD, max_size=14),
    block=st.integers(1, 4),
    asked=st.lists(st.integers(-20, 20), max_size=10),
    days=st.lists(DAYS, max_size=4),
)
def test_rows_read_a_block_at_a_time_in_any_order_are_the_cold_replays(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    log: tuple[tracker.Entry, ...],
    block: int,
    asked: list[int],
    days: list[date],
) -> None:
    """Rows asked for out of order, across blocks of rows read together, from the end, or as
    slices, or every one in a pass, are those of the entries the cold replay folds; so are the
    types read for every entry at once, their counts, and how many entries happened by a day."""
    monkeypatch.setattr(views, "BLOCK", block)
    view, cold = _written(tmp_path, log)
    if view is None:
        assert not len(cold)
        return
    entries = cold.entries
    for place in asked:
        if -len(entries) <= place < len(entries):
            row = view.rows[place]
            assert (row.id, row.type, row.day) == (
                entries[place].id,
                entries[place].TYPE,
                entries[place].on,
            )
            assert row.reported == entries[place].reported
        else:
            with pytest.raises(IndexError, match="no row"):
                view.rows[place]
    assert [row.id for row in view.rows[1::2]] == [entry.id for entry in entries[1::2]]
    # the rows not read yet, read in one pass among those read already
    assert [row.id for row in view.rows] == [entry.id for entry in entries]
    assert [row.reported for row in view.rows] == [entry.reported for entry in entries]
    counts = {kind: [entry.TYPE for entry in entries].count(kind) for kind in view.types}
    assert view.type_counts() == counts
    assert view.types == tuple(entry.TYPE for entry in entries)
    assert view.type_counts() == counts  # counted again from the types read
    for day in days:
        assert view.count_at(day) == sum(entry.on <= day for entry in entries)
