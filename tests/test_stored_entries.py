"""A log read without holding its entries replays as the log held in memory does."""

from __future__ import annotations

import gc
import sqlite3
import tempfile
import weakref
from datetime import date, timedelta
from pathlib import Path

import pytest
from builders import lunch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker._replay import EVERY, EVERY_STORED
from tracker._synth import synthesize
from tracker.strategies import logs


def _written(folder: str, entries: list[tracker.Entry], suffix: str = ".jsonl") -> Path:
    path = Path(folder) / f"log{suffix}"
    tracker.append_entries(path, entries)
    return path


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    logs(dyad=tracker.Dyad("EU", "RUS"), max_size=10),
    st.lists(st.dates(date(1990, 1, 1), date(2030, 12, 31)), min_size=1, max_size=4),
    st.integers(1, 5),
    st.sampled_from([".jsonl", ".sqlite"]),
)
def test_a_log_read_without_its_entries_replays_as_the_held_one(
    story: tuple[tracker.Entry, ...], days: list[date], every: int, suffix: str
) -> None:
    entries = [*story, *synthesize(30, dyads=2, seed=len(story))]
    with tempfile.TemporaryDirectory() as folder:
        path = _written(folder, entries, suffix)
        held, stored = tracker.read_log(path), tracker.read_log(path, held=False)
        assert list(stored) == list(held) == entries
        assert (len(stored), stored.dyads(), list(stored.lines)) == (
            len(held),
            held.dyads(),
            list(held.lines),
        )
        assert stored.entries[-1] == held.entries[-1]
        assert stored.entries[1:3] == tuple(held.entries[1:3])
        assert stored.line_of(entries[-1].id) == held.line_of(entries[-1].id)
        expected = tracker.replays(held.entries, every=every)
        found = tracker.replays(stored.entries, every=every)
        assert list(found) == list(expected)
        for dyad, replay in found.items():
            assert replay.final == expected[dyad].final
            assert replay.entries == expected[dyad].entries
            assert [step.after for step in replay.steps()] == [
                step.after for step in expected[dyad].steps()
            ]
            for day in days:
                assert replay.at(day) == expected[dyad].at(day)
                assert replay.at(day, known_at=day) == expected[dyad].at(day, known_at=day)
                assert replay.explain("phase", day, known_at=day) == expected[dyad].explain(
                    "phase", day, known_at=day
                )
            last = expected[dyad].entries[-1]
            assert replay.entry(last.id) == last
            assert replay.explain("channels") == expected[dyad].explain("channels")


def test_a_back_dated_append_to_a_stored_replay_folds_as_the_held_one(tmp_path: Path) -> None:
    entries = list(synthesize(60, dyads=1, seed=4))
    path = _written(str(tmp_path), entries)
    dyad = entries[0].parties
    stored = tracker.Replay(tracker.read_log(path, held=False).entries, dyad=dyad, every=4)
    held = tracker.Replay(entries, dyad=dyad, every=4)
    late = lunch(str(entries[20].on), id="late-lunch", parties=dyad)
    assert stored.append(late) == held.append(late)
    assert stored.final == held.final
    assert stored.entry("late-lunch") == late
    assert stored.verify() == ()


def test_a_stored_replay_holds_no_entry(tmp_path: Path) -> None:
    entries = list(synthesize(40, dyads=1, seed=5))
    path = _written(str(tmp_path), entries)
    for held, kept in ((True, True), (False, False)):
        replay = tracker.Replay(tracker.read_log(path, held=held).entries, dyad=entries[0].parties)
        seen = weakref.ref(replay.entry(entries[7].id))
        gc.collect()
        assert (seen() is not None) is kept
        assert replay.final.applied == len(entries)


def test_a_sqlite_row_gone_after_the_read_is_refused_with_its_position(tmp_path: Path) -> None:
    entries = list(synthesize(20, dyads=1, seed=6))
    path = _written(str(tmp_path), entries, ".sqlite")
    log = tracker.read_log(path, held=False)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM entries WHERE position = 5")
    db.close()
    assert log.entries[3] == entries[3]
    with pytest.raises(tracker.LogError) as refused:
        log.entries[4]  # reading it again is what is refused
    assert str(refused.value.problems[0]).startswith(
        f"{path}:5: the line changed since the log was read: not valid JSON"
    )


def test_a_line_rewritten_after_the_read_is_refused_with_its_place(tmp_path: Path) -> None:
    entries = list(synthesize(20, dyads=1, seed=6))
    path = _written(str(tmp_path), entries)
    log = tracker.read_log(path, held=False)
    lines = path.read_bytes().splitlines(keepends=True)
    lines[3], lines[4] = lines[4], lines[3]
    path.write_bytes(b"".join(lines))
    assert log.entries[0] == entries[0]
    with pytest.raises(tracker.LogError) as refused:
        log.entries[3]  # reading it again is what is refused
    assert str(refused.value.problems[0]) == (
        f"{path}:4: the line changed since the log was read: it holds entry {entries[4].id!r}"
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, 30),
    st.lists(st.tuples(st.sampled_from(["look", "append", "again"]), st.integers(0, 60))),
    st.booleans(),
)
def test_entries_are_found_by_id_and_known_ids_refused_whatever_was_asked_before(
    seed: int, asks: list[tuple[str, int]], held: bool
) -> None:
    entries = list(synthesize(30, dyads=1, seed=seed))
    dyad = entries[0].parties
    with tempfile.TemporaryDirectory() as folder:
        path = _written(folder, entries)
        replay = tracker.Replay(tracker.read_log(path, held=held).entries, dyad=dyad, every=4)
        known = {entry.id: entry for entry in entries}
        for number, (ask, pick) in enumerate(asks):
            if ask == "look":
                wanted = list(known)[pick % len(known)]
                assert replay.entry(wanted) == known[wanted]
                with pytest.raises(KeyError):
                    replay.entry(f"no-such-{number}")
            elif ask == "append":
                late = lunch(entries[pick % 30].on.isoformat(), id=f"late-{number}", parties=dyad)
                replay.append(late)
                known[late.id] = late
            else:
                with pytest.raises(ValueError, match="is in the replay already"):
                    replay.append(known[list(known)[pick % len(known)]])
        assert {entry.id for entry in replay.entries} == set(known)
        assert all(replay.entry(entry_id) == entry for entry_id, entry in known.items())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    logs(dyad=tracker.Dyad("EU", "RUS"), max_size=10),
    st.integers(0, 40),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(-3, 3)), min_size=1, max_size=6),
    st.sampled_from([".jsonl", ".sqlite"]),
)
def test_stored_entries_kept_closer_between_checkpoints_give_the_held_states(
    story: tuple[tracker.Entry, ...],
    seed: int,
    picks: list[tuple[int, int]],
    suffix: str,
) -> None:
    entries = [*story, *synthesize(70, dyads=2, seed=seed)]
    with tempfile.TemporaryDirectory() as folder:
        path = _written(folder, entries, suffix)
        expected = tracker.replays(tracker.read_log(path).entries)
        found = tracker.replays(tracker.read_log(path, held=False).entries)
        assert list(found) == list(expected)
        for dyad, replay in found.items():
            held = expected[dyad]
            assert (replay.every, held.every) == (EVERY_STORED, EVERY)
            assert replay.final == held.final
            days = [entry.on for entry in held.entries]
            for pick, shift in picks:
                # The day of an entry, or a few days either side: on, just before, just after.
                day = days[pick % len(days)] + timedelta(days=shift)
                known = days[(pick // 7) % len(days)]
                assert replay.at(day) == held.at(day)
                assert replay.at(day, known_at=known) == held.at(day, known_at=known)
            assert replay.verify() == ()


def test_a_spacing_given_is_kept_for_stored_entries_too(tmp_path: Path) -> None:
    entries = list(synthesize(30, dyads=1, seed=3))
    log = tracker.read_log(_written(str(tmp_path), entries), held=False)
    assert tracker.Replay(log.entries, every=EVERY).every == EVERY
    assert [r.every for r in tracker.replays(log.entries, every=5).values()] == [5]
    assert tracker.Replay(entries).every == EVERY
    with pytest.raises(ValueError, match="1 or more entries, not 0"):
        tracker.Replay(log.entries, every=0)
