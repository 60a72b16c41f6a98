"""The persisted index gives the states and explanations the cold replay gives, after appends
and after the log is changed behind its back; commands use it only once it is built."""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import attrs
import orjson
import pytest
from commands import run
from example_custom_type import MilitaryContactsResumed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from immutables import Map

import tracker
from tracker import _index
from tracker._codec import decode_checkpoint, encode_checkpoint
from tracker._index import index_path, indexed_replay
from tracker._reducer import checkpoints, fold
from tracker._store import write_log
from tracker._synth import synthesize
from tracker.strategies import logs

DYAD = tracker.Dyad("NATO", "RUS")
DAYS = st.dates(date(2007, 1, 1), date(2012, 12, 31))
CHECKS = settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _days(value: object) -> list[str]:
    """Every day of ``value`` (not of its derived indexes), as printed: equal states whose days
    print alike say the same."""
    if isinstance(value, date):
        return [str(value)]
    if attrs.has(type(value)):
        parts = (getattr(value, f.name) for f in attrs.fields(type(value)) if f.eq)
        return [day for part in parts for day in _days(part)]
    if isinstance(value, Map):
        return [day for key in sorted(value) for day in _days(value[key])]
    if isinstance(value, tuple):
        return [day for item in value for day in _days(item)]
    return []


@CHECKS
@given(log=logs(dyad=DYAD, nonsense=True, max_size=14))
def test_every_checkpoint_reads_back_equal_with_its_days_as_stated(
    log: tuple[tracker.Entry, ...],
) -> None:
    own = sorted((e for e in log if e.parties == DYAD), key=lambda e: e.on)
    for state in checkpoints(own, tracker.State(DYAD), 1):
        back = decode_checkpoint(orjson.loads(orjson.dumps(encode_checkpoint(state))))
        assert back == state
        assert _days(back) == _days(state)


def test_a_checkpoint_keeps_a_day_known_to_its_month() -> None:
    entries = [e for e in tracker.read_log(tracker.bundled_log()).entries if e.parties == DYAD]
    place = next(i for i, e in enumerate(entries) if e.TYPE == "council_meeting")
    held = entries[place]
    coarse = tracker.Day(held.on.year, held.on.month, 1, tracker.Precision.MONTH)
    entries[place] = attrs.evolve(held, on=coarse)
    (state,) = checkpoints(entries, tracker.State(DYAD), len(entries))
    assert f"{held.on.year:04d}-{held.on.month:02d}" in _days(state)
    written = orjson.dumps(encode_checkpoint(state))
    assert b"~month" in written
    assert _days(decode_checkpoint(orjson.loads(written))) == _days(state)


@CHECKS
@given(log=logs(dyad=DYAD, nonsense=True, max_size=14), every=st.integers(1, 3))
def test_the_stored_changes_make_up_every_checkpoint_again(
    log: tuple[tracker.Entry, ...], every: int
) -> None:
    own = sorted((e for e in log if e.parties == DYAD), key=lambda e: e.on)
    base = tracker.State(DYAD)
    with _stored(base) as read:
        for number, state in enumerate(checkpoints(own, base, every), 1):
            assert read(state, number, lazy=False) == state
            lazy = read(None, number, lazy=True)
            assert lazy == state
            assert _derived(lazy) == _derived(state)


@contextlib.contextmanager
def _stored(base: tracker.State) -> Iterator[Callable[..., tracker.State]]:
    """Checkpoints kept in an index of their own, and read back: ``read(state, number,
    lazy=...)`` keeps ``state`` (unless ``None``) as checkpoint ``number``, after the one
    before, and gives checkpoint ``number`` as read back."""
    with contextlib.closing(sqlite3.connect(":memory:")) as db:
        db.executescript(_index._SCHEMA)
        changes = _index._Changes(base)

        def read(state: tracker.State | None, number: int, *, lazy: bool) -> tracker.State:
            if state is not None:
                _index.store_change(db, base.dyad, number, changes.after(state))
            replay = _index.IndexedReplay(Path("none"), io.BytesIO(), db, base.dyad, 1)
            read_number, back = replay._checkpoint(number, lazy=lazy)
            assert read_number == number
            return back

        yield read


def _derived(state: tracker.State) -> tuple[object, ...]:
    """What a state derives from its parts, its indexes of measures and expectations."""
    return (
        state.unlifted,
        state.lifted_until,
        state.first_effective,
        state.unlapsed,
        state.unlapsed_from,
    )


@CHECKS
@given(
    log=logs(dyad=DYAD, nonsense=True, max_size=16),
    every=st.integers(1, 3),
    cut=st.integers(0, 16),
)
def test_a_fold_from_a_checkpoint_read_lazily_makes_the_states_of_a_whole_fold(
    log: tuple[tracker.Entry, ...], every: int, cut: int
) -> None:
    """A checkpoint read back decodes its items only as they are read; folding on from it
    gives the states, and the indexes they derive, that folding from the start gives."""
    own = sorted((e for e in log if e.parties == DYAD), key=lambda e: e.on)
    base = tracker.State(DYAD)
    with _stored(base) as read:
        stored = list(checkpoints(own[:cut], base, every))
        for number, state in enumerate(stored, 1):
            read(state, number, lazy=True)
        start = len(stored) * every
        lazy = read(None, len(stored), lazy=True) if stored else base
        for count in range(start, len(own) + 1):
            state = fold(own[start:count], lazy)
            whole = fold(own[:count], base)
            assert state == whole
            assert _derived(state) == _derived(whole)
            assert state.phase is whole.phase


def test_a_change_keeps_what_left_a_map_and_where_each_item_of_a_tuple_stands() -> None:
    first, second, third = (tracker.Anomaly(f"e{n}", "rule", "odd") for n in range(3))
    before = tracker.State(DYAD, occurrences=Map(a="1", b="2", c="3"), anomalies=(first, second))
    after = attrs.evolve(
        before, occurrences=before.occurrences.delete("a").set("d", "4"), anomalies=(second, third)
    )
    changes = _index._Changes(tracker.State(DYAD))
    changes.after(before)
    stored = changes.after(after)
    assert stored.items == [("occurrences", "d", b'"4"'), ("occurrences", "a", None)]
    change = orjson.loads(zlib.decompress(stored.packed))
    assert change["sizes"]["occurrences"] == len(after.occurrences)
    assert change["parts"]["anomalies"]["at"] == [[1, 1], [-1, 1]]
    assert len(change["parts"]["anomalies"]["new"]) == 1
    with _stored(tracker.State(DYAD)) as read:
        assert read(before, 1, lazy=True) == before
        assert read(after, 2, lazy=True) == after
        for lazy in (False, True):
            assert read(None, 2, lazy=lazy) == after
            assert read(None, 1, lazy=lazy) == before


def _agrees(path: Path, entries: tuple[tracker.Entry, ...], days: list[date]) -> None:
    warm = indexed_replay(path, DYAD, every=2)
    cold = tracker.Replay(entries, dyad=DYAD)
    if not len(cold):  # nothing of the dyad: the cold path says so
        assert warm is None
        return
    assert warm is not None
    for day in [*days, None]:
        assert warm.at(day) == cold.at(day)
        for field in ("phase", "measures", "channels", "pending", "meetings", "stances"):
            assert warm.explain(field, day) == cold.explain(field, day)
        for late in (-30, 0, 30):
            known = (day or date(2010, 1, 1)) + timedelta(days=late)
            assert warm.at(day, known_at=known) == cold.at(day, known_at=known)
            assert warm.explain("phase", day, known_at=known) == cold.explain(
                "phase", day, known_at=known
            )


@CHECKS
@given(
    log=logs(dyad=DYAD, max_size=14),
    cut=st.integers(1, 13),
    days=st.lists(DAYS, max_size=4),
)
def test_indexed_states_equal_cold_ones_after_appends(
    tmp_path: Path, log: tuple[tracker.Entry, ...], cut: int, days: list[date]
) -> None:
    path = tmp_path / "log.jsonl"
    path.unlink(missing_ok=True)
    index_path(path).unlink(missing_ok=True)
    first = log[: min(cut, len(log))]
    write_log(path, first)
    _agrees(path, first, days)
    built = index_path(path).stat().st_ino if index_path(path).exists() else None
    tracker.JsonlStore(path).append(log[len(first) :])
    _agrees(path, log, days)
    if built is not None:  # extended in place, not built again
        assert index_path(path).stat().st_ino == built


@CHECKS
@given(log=logs(dyad=DYAD, max_size=14), keep=st.integers(1, 13), days=st.lists(DAYS, max_size=4))
def test_a_log_changed_behind_the_index_rebuilds_it(
    tmp_path: Path, log: tuple[tracker.Entry, ...], keep: int, days: list[date]
) -> None:
    path = tmp_path / "log.jsonl"
    path.unlink(missing_ok=True)
    index_path(path).unlink(missing_ok=True)
    write_log(path, log)
    _agrees(path, log, days)
    changed = log[: min(keep, len(log))][::-1]  # cut short and reordered: no longer a prefix
    path.unlink()
    write_log(path, changed)
    _agrees(path, changed, days)


def test_a_corrupt_or_foreign_index_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    entries = tracker.read_log(tracker.bundled_log()).entries
    write_log(path, entries)
    index_path(path).write_bytes(b"not an index at all\n")
    warm = indexed_replay(path, DYAD, every=2)
    assert warm is not None
    assert warm.at(None) == tracker.Replay(entries, dyad=DYAD).at(None)


OTHER_CODE = {
    "entry types": (
        "entry_types",
        lambda: {**tracker.entry_types(), "again": MilitaryContactsResumed},
    ),
    "rules": ("_rules_digest", lambda: "the rules of another release"),
}


@pytest.mark.parametrize("other", OTHER_CODE.values(), ids=list(OTHER_CODE))
def test_an_index_built_by_other_code_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, other: tuple[str, object]
) -> None:
    path = tmp_path / "log.jsonl"
    write_log(path, tracker.read_log(tracker.bundled_log()).entries)
    assert indexed_replay(path, DYAD) is not None
    built = index_path(path).stat().st_ino
    assert indexed_replay(path, DYAD) is not None
    assert index_path(path).stat().st_ino == built  # valid: used as it is
    monkeypatch.setattr(_index, *other)
    assert indexed_replay(path, DYAD) is not None
    assert index_path(path).stat().st_ino != built


#: Modules the state's modules import that decide nothing of a state: errors and their
#: messages, a pause of the garbage collector, the names an article may have.
_DECIDING_NOTHING = {"_errors", "_bulk", "_articles"}


def test_the_rules_digest_covers_every_module_the_state_is_decided_by(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The modules the reducer, the state, the codec and the compiled decoder import from
    tracker, and those they import in turn: a change to any of them rebuilds an index."""
    deciding: set[str] = set()
    waiting = ["_reducer", "_state", "_codec", "_compiled"]
    while waiting:
        name = waiting.pop()
        if name in deciding:
            continue
        deciding.add(name)
        tree = ast.parse(Path(tracker.__file__).with_name(f"{name}.py").read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tracker."):
                waiting.append((node.module or "").split(".")[1])
    read: list[str] = []
    real = Path.read_bytes

    def reading(path: Path) -> bytes:
        read.append(path.stem)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", reading)
    digest = _index._rules_digest.__wrapped__()
    assert digest == _index._rules_digest()
    assert deciding - _DECIDING_NOTHING <= set(read)
    assert {"_vector", "_table", "_compiled", "_dates"} <= deciding


def _history(folder: Path) -> Path:
    log = folder / "history.jsonl"
    log.write_bytes(tracker.bundled_log().read_bytes())
    return log


def test_commands_build_no_index_unless_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = _history(tmp_path)
    cold = run(capsys, "state", "--log", str(log), "--at", "2009-01-26", "--json")
    assert cold[0] == 0
    assert not index_path(log).exists()
    status, out, _ = run(capsys, "index", "--log", str(log), "--json")
    assert status == 0
    assert json.loads(out) == {
        "log": str(log),
        "index": str(index_path(log)),
        "entries": len(tracker.read_log(log).entries),
    }
    warm = run(capsys, "state", "--log", str(log), "--at", "2009-01-26", "--json")
    assert warm == cold
    # An append is taken into the index by the next command, which answers as a cold read.
    bundled = tracker.read_log(tracker.bundled_log()).entries
    tracker.JsonlStore(log).append([attrs.evolve(bundled[-1], id="again-2009-01-27")])
    after = run(capsys, "state", "--log", str(log), "--at", "2009-01-27", "--json")
    index_path(log).unlink()
    assert after == run(capsys, "state", "--log", str(log), "--at", "2009-01-27", "--json")


def test_a_log_with_a_bad_line_is_not_indexed_and_the_line_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = _history(tmp_path)
    with log.open("a") as out:
        out.write('{"v":1,"type":"declaration"}\n')
    status, _, err = run(capsys, "index", "--log", str(log))
    assert status == 2
    assert f"{log}:" in err
    assert not index_path(log).exists()


def _large(folder: Path) -> tuple[Path, tuple[tracker.Entry, ...]]:
    """A log of several chunks, indexed."""
    path = folder / "large.jsonl"
    entries = tuple(synthesize(600, seed=3))
    write_log(path, entries)
    assert path.stat().st_size > 3 * _index.CHUNK
    assert indexed_replay(path, entries[0].parties) is not None
    return path, entries


def _rebuilt(path: Path, dyad: tracker.Dyad) -> tuple[bool, tracker.State]:
    """Whether the next command builds the index again (not extends it), and its state."""
    before = index_path(path).stat().st_ino
    warm = indexed_replay(path, dyad)
    assert warm is not None
    return index_path(path).stat().st_ino != before, warm.at(None)


def test_an_append_extends_the_index_from_where_it_stood(tmp_path: Path) -> None:
    path, entries = _large(tmp_path)
    dyad = entries[0].parties
    more = attrs.evolve(entries[-1], id=f"{entries[-1].id}-again")
    tracker.JsonlStore(path).append([more])
    rebuilt, state = _rebuilt(path, dyad)
    assert not rebuilt
    assert state == tracker.Replay((*entries, more), dyad=dyad).at(None)


def test_a_truncated_log_rebuilds_the_index(tmp_path: Path) -> None:
    path, entries = _large(tmp_path)
    data = path.read_bytes()
    kept = data[: data.rindex(b"\n", 0, len(data) // 2) + 1]
    path.write_bytes(kept)
    rebuilt, state = _rebuilt(path, entries[0].parties)
    assert rebuilt
    assert state == tracker.Replay(tracker.read_log(path).entries, dyad=entries[0].parties).at(None)


def test_a_byte_edited_inside_the_log_rebuilds_the_index(tmp_path: Path) -> None:
    path, entries = _large(tmp_path)
    data = bytearray(path.read_bytes())
    title = data.index(b'"title":"', len(data) // 2) + len(b'"title":"')
    data[title] = ord("Q") if data[title] != ord("Q") else ord("R")
    written = path.stat().st_mtime_ns
    path.write_bytes(bytes(data))  # the same size, far from either end of the file
    os.utime(path, ns=(written + 10**9, written + 10**9))
    rebuilt, state = _rebuilt(path, entries[0].parties)
    assert rebuilt
    edited = tracker.read_log(path).entries
    assert edited != entries
    assert state == tracker.Replay(edited, dyad=entries[0].parties).at(None)


def test_an_append_after_an_edit_at_the_end_rebuilds_the_index(tmp_path: Path) -> None:
    path, entries = _large(tmp_path)
    data = path.read_bytes()
    last = data.rindex(b"\n", 0, len(data) - 1) + 1  # the last line, cut and written again
    path.write_bytes(data[:last] + data[last:].replace(b'"title":"', b'"title":"Z'))
    tracker.JsonlStore(path).append([attrs.evolve(entries[-1], id=f"{entries[-1].id}-again")])
    rebuilt, state = _rebuilt(path, entries[0].parties)
    assert rebuilt
    assert state == tracker.Replay(tracker.read_log(path).entries, dyad=entries[0].parties).at(None)


def test_log_from_to_reads_only_the_lines_in_range_through_the_index(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, entries = _large(tmp_path)
    days = sorted(e.on for e in entries)
    start, end = days[len(days) // 3], days[len(days) // 2]
    dyad = entries[0].parties
    asked = ("log", "--log", str(path), "--from", str(start), "--to", str(end), "--json")
    cold_dir = tmp_path / "cold"
    cold_dir.mkdir()
    cold = cold_dir / path.name
    cold.write_bytes(path.read_bytes())  # no index beside it: every line is read
    assert run(capsys, "index", "--log", str(path))[0] == 0  # with the command's plug-ins
    read: list[int] = []

    class Counted(_index.Decoding):
        def decode(self, line: int, data: bytes) -> tracker.Entry | None:
            read.append(line)
            return super().decode(line, data)

    monkeypatch.setattr(_index, "Decoding", Counted)
    for more in ((), ("--dyad", str(dyad)), ("--type", entries[0].TYPE)):
        read.clear()
        warm = run(capsys, *asked, *more)
        plain = run(capsys, *[str(cold) if arg == str(path) else arg for arg in asked], *more)
        assert warm == plain
        assert warm[0] == 0
        in_range = [e for e in entries if start <= e.on <= end]
        assert len(read) == len(in_range) < len(entries) / 2
    lines = run(capsys, *asked[:-1])[1].splitlines()
    assert lines[1] == f"{path}: as read"
    assert lines[2].split() == ["on", "reported", "dyad", "type", "id", "title"]
    assert [line.split()[4] for line in lines[3:]] == [e.id for e in in_range]


@pytest.mark.parametrize("damage", [b"not compressed", zlib.compress(b'{"dyad": 3}')])
def test_a_damaged_checkpoint_is_folded_around(tmp_path: Path, damage: bytes) -> None:
    path, entries = _large(tmp_path)
    dyad = entries[0].parties
    assert indexed_replay(path, dyad, every=64) is not None
    with contextlib.closing(sqlite3.connect(index_path(path))) as db, db:
        assert db.execute("UPDATE checkpoints SET change = ?", (damage,)).rowcount > 0
    warm = indexed_replay(path, dyad, every=64)
    assert warm is not None
    cold = tracker.Replay(entries, dyad=dyad)
    days = sorted(e.on for e in entries)
    for day in (days[len(days) // 2], None):
        assert warm.at(day) == cold.at(day)


def test_a_log_of_one_pair_is_read_through_its_index_without_naming_the_pair(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "india-pakistan.jsonl"
    log.write_bytes(
        (Path(__file__).parent / "episodes" / "india-pakistan-2019-2020.jsonl").read_bytes()
    )
    cold = run(capsys, "state", "--log", str(log), "--at", "2019-03-01", "--json")
    assert cold[0] == 0
    assert run(capsys, "index", "--log", str(log))[0] == 0

    def no_cold_replay(*_: object) -> None:
        msg = "the log's index was not read"
        raise AssertionError(msg)

    monkeypatch.setattr("tracker._cli._replay", no_cold_replay)
    assert run(capsys, "state", "--log", str(log), "--at", "2019-03-01", "--json") == cold


def test_a_damaged_item_read_late_is_refused_and_the_index_rebuilt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "long.jsonl"
    write_log(path, synthesize(_index.EVERY + 100, seed=5))
    dyad = str(tracker.read_log(path).entries[0].parties)
    asked = ("state", "--log", str(path), "--dyad", dyad, "--json")
    assert run(capsys, "index", "--log", str(path))[0] == 0
    with contextlib.closing(sqlite3.connect(index_path(path))) as db, db:
        first, second = dyad.split("-")
        changed = db.execute(
            "UPDATE items SET value = ? WHERE first = ? AND second = ? AND part = 'measures'",
            (orjson.dumps({"bogus": 1}), first, second),
        )
        assert changed.rowcount > 0
    status, out, err = run(capsys, *asked)
    assert (status, out) == (2, "")
    assert f"the index {index_path(path)} is damaged" in err
    assert "rebuilt when next used" in err
    cold = tmp_path / "cold.jsonl"
    cold.write_bytes(path.read_bytes())
    assert run(capsys, *asked) == run(capsys, *[str(cold) if a == str(path) else a for a in asked])


def test_a_state_read_lazily_stops_reading_once_its_checkpoint_is_folded_again(
    tmp_path: Path,
) -> None:
    """Another connection brings the index up to date: after an entry at the end, a state read
    before it still reads, as it was; after one dated before its checkpoint, which folds the
    checkpoint again, it refuses to read items that are no longer its own."""
    path = tmp_path / "log.jsonl"
    entries = tuple(synthesize(300, seed=4))
    dyad = entries[0].parties
    write_log(path, entries)
    first = indexed_replay(path, dyad, every=16)
    assert first is not None
    state = first.at(None)
    later = attrs.evolve(entries[-1], id=f"{entries[-1].id}-again")
    tracker.JsonlStore(path).append([later])
    assert indexed_replay(path, dyad, every=16) is not None  # extended, nothing folded again
    assert state == tracker.Replay(entries, dyad=dyad).at(None)
    before = first.at(None)
    early = attrs.evolve(entries[5], id=f"{entries[5].id}-told-again")
    tracker.JsonlStore(path).append([early])
    again = indexed_replay(path, dyad, every=16)
    assert again is not None
    with pytest.raises(tracker.StorageError, match="read the state again"):
        list(before.occurrences)
    whole = (*entries, later, early)
    assert again.at(None) == tracker.Replay(whole, dyad=dyad).at(None)
    assert first.at(None) == again.at(None)  # read again, from where the index stands now
