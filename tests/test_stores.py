"""One conformance suite for every store: JSONL and SQLite behave alike."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from builders import lunch
from commands import run

import tracker
from tracker._log import SQLITE, Backend, backend_for, register_backend
from tracker._sqlite import SqliteStore
from tracker._store import JsonlStore, open_store
from tracker._synth import synthesize

STORES: dict[str, Callable[[Path], tracker.Store]] = {
    "jsonl": lambda folder: JsonlStore(folder / "log.jsonl"),
    "sqlite": lambda folder: SqliteStore(folder / "log.sqlite"),
}


@pytest.fixture(params=sorted(STORES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> tracker.Store:
    """An empty store of each kind."""
    return STORES[request.param](tmp_path)


@pytest.fixture
def filled(store: tracker.Store, bundled: tracker.Log) -> tracker.Store:
    """A store holding the bundled log."""
    store.append(bundled.entries)
    return store


def test_open_store_picks_the_kind_by_suffix(tmp_path: Path) -> None:
    assert isinstance(open_store(tmp_path / "a.jsonl"), JsonlStore)
    for name in ("a.sqlite", "a.sqlite3", "a.db"):
        assert isinstance(open_store(tmp_path / name), SqliteStore)


def test_a_missing_log_is_a_problem_naming_it(store: tracker.Store) -> None:
    with pytest.raises(tracker.LogError, match="cannot read the log"):
        store.read()


def test_entries_come_back_as_written_in_order(filled: tracker.Store, bundled: tracker.Log) -> None:
    log = filled.read()
    assert log.entries == bundled.entries
    assert log.lines == tuple(range(1, 10))
    assert filled.position() == 9


def test_reading_one_dyad(filled: tracker.Store) -> None:
    (eu,) = filled.read(tracker.Dyad("EU", "RUS")).entries
    assert eu.id == "eu-resumes-partnership-talks-2008-12-02"
    assert filled.read(tracker.Dyad("EU", "RUS")).lines == (5,)


def test_reading_each_dyad_of_a_log_of_many(store: tracker.Store) -> None:
    store.append(synthesize(90, dyads=3, seed=5))
    whole = store.read()
    for dyad in whole.dyads():
        mine = [
            (e, line)
            for e, line in zip(whole.entries, whole.lines, strict=True)
            if e.parties == dyad
        ]
        read = store.read(dyad)
        assert list(zip(read.entries, read.lines, strict=True)) == mine


def test_reading_one_dyad_checks_only_its_entries(filled: tracker.Store) -> None:
    _spoil(filled, 5, "2008-12-02", "2008-13-02")  # line 5 is the EU-RUS entry
    assert len(filled.read(tracker.Dyad("NATO", "RUS")).entries) == 8
    with pytest.raises(tracker.LogError, match=":5: on: invalid date"):
        filled.read()
    with pytest.raises(tracker.LogError, match=":5: on: invalid date"):
        filled.read(tracker.Dyad("EU", "RUS"))


def _spoil(store: tracker.Store, number: int, old: str, new: str) -> None:
    """Replace ``old`` with ``new`` in the stored line ``number``, behind the store's back."""
    if isinstance(store, SqliteStore):
        with sqlite3.connect(store.path) as db:
            query = "UPDATE entries SET line = replace(line, ?, ?) WHERE position = ?"
            db.execute(query, (old, new, number))
        db.close()
        return
    lines = store.path.read_bytes().splitlines(keepends=True)
    lines[number - 1] = lines[number - 1].replace(old.encode(), new.encode())
    store.path.write_bytes(b"".join(lines))


def test_append_returns_the_new_position(filled: tracker.Store) -> None:
    assert filled.append([lunch("2009-02-06", id="munich")]) == 10
    assert filled.read().entries[-1].id == "munich"


def test_a_retried_append_is_harmless(filled: tracker.Store) -> None:
    batch = [lunch("2009-02-06", id="munich"), lunch("2009-02-07", id="after")]
    assert filled.append(batch, expected=9) == 11
    assert filled.append(batch, expected=9) == 11
    assert [entry.id for entry in filled.read().entries].count("munich") == 1


def test_an_append_behind_the_log_is_refused(filled: tracker.Store) -> None:
    filled.append([lunch("2009-02-06", id="first-writer")], expected=9)
    with pytest.raises(
        tracker.ConflictError, match="expected the log at position 9, but it is at 10"
    ):
        filled.append([lunch("2009-02-07", id="second-writer")], expected=9)
    assert filled.position() == 10


def test_an_id_with_other_content_refuses_the_whole_batch(filled: tracker.Store) -> None:
    batch = [lunch("2009-02-06", id="fine"), lunch("2009-02-07", id="informal-nrc-2009-01-26")]
    with pytest.raises(tracker.LogError, match="is in the log already, with other content"):
        filled.append(batch)
    assert filled.position() == 9


def test_one_id_twice_in_a_batch_with_other_content_is_refused(store: tracker.Store) -> None:
    with pytest.raises(tracker.LogError, match="other content"):
        store.append([lunch("2009-02-06", id="x"), lunch("2009-02-07", id="x")])


def test_moving_a_log_between_stores_is_lossless(filled: tracker.Store, tmp_path: Path) -> None:
    there = tmp_path / "moved"
    there.mkdir()
    for kind, make in STORES.items():
        target = make(there)
        target.append(filled.read().entries)
        assert target.read().entries == filled.read().entries, kind
    jsonl = JsonlStore(there / "log.jsonl")
    assert jsonl.path.read_bytes() == tracker.bundled_log().read_bytes()


def test_a_bad_row_is_named_by_its_position(tmp_path: Path, bundled: tracker.Log) -> None:
    store = SqliteStore(tmp_path / "log.sqlite")
    store.append(bundled.entries)
    with sqlite3.connect(store.path) as db:
        db.execute(
            "UPDATE entries SET line = replace(line, '2008-08-19', '2008-13-19') WHERE position = 3"
        )
    (problem,) = store.problems()
    assert str(problem).startswith(f"{store.path}:3: on: invalid date '2008-13-19'")
    with pytest.raises(tracker.LogError, match=":3: on: invalid date"):
        store.read()


def test_a_sqlite_file_that_is_not_a_log(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(tracker.LogError, match="not a tracker SQLite log"):
        SqliteStore(path).read()


def test_a_jsonl_log_with_a_torn_tail_refuses_appends_until_repaired(
    tmp_path: Path, bundled: tracker.Log
) -> None:
    path = Path(shutil.copy(bundled.path, tmp_path / "log.jsonl"))
    whole = path.read_bytes()
    path.write_bytes(whole + b'{"type":"informal_meeting","v":1,"id":"cut sho')
    store = JsonlStore(path)
    with pytest.raises(tracker.LogError, match=":10: the last line is incomplete"):
        store.append([lunch("2009-02-06", id="munich")])
    repair = store.repair(tmp_path / "log.jsonl.bak")
    assert repair.removed == b'{"type":"informal_meeting","v":1,"id":"cut sho'
    assert path.read_bytes() == whole
    assert (tmp_path / "log.jsonl.bak").read_bytes().endswith(b"cut sho")
    assert store.append([lunch("2009-02-06", id="munich")]) == 10


def test_repairing_a_sound_log_changes_nothing(tmp_path: Path, bundled: tracker.Log) -> None:
    path = Path(shutil.copy(bundled.path, tmp_path / "log.jsonl"))
    repair = JsonlStore(path).repair(tmp_path / "backup")
    assert (repair.backup, repair.removed) == (None, b"")
    assert not (tmp_path / "backup").exists()
    assert path.read_bytes() == bundled.path.read_bytes()


def test_one_registry_names_the_backend_of_a_path(tmp_path: Path) -> None:
    assert backend_for(tmp_path / "a.jsonl").name == "jsonl"
    assert backend_for(tmp_path / "a.txt").name == "jsonl"  # the default
    assert {backend_for(tmp_path / f"a{suffix}").name for suffix in SQLITE.suffixes} == {"sqlite"}
    with pytest.raises(ValueError, match="taken already"):
        register_backend(Backend("other", (".db",), "tracker._sqlite", "SqliteStore"))


def test_a_scan_yields_each_entry_as_it_is_read_and_reports_bad_ones_at_its_end(
    filled: tracker.Store, bundled: tracker.Log
) -> None:
    scan = filled.scan()
    assert next(scan) == (1, bundled.entries[0])  # before the rest of the log is read
    assert [entry for _, entry in scan] == list(bundled.entries[1:])
    if isinstance(filled, JsonlStore):
        with filled.path.open("ab") as handle:
            handle.write(b"{\n")
    else:
        with sqlite3.connect(filled.path) as db:
            db.execute("UPDATE entries SET line = X'7B' WHERE position = 9")
    scan = filled.scan()
    assert next(scan)[0] == 1
    with pytest.raises(tracker.LogError, match="not valid JSON") as raised:
        list(scan)
    assert [problem.line for problem in raised.value.problems] in ([9], [10])


def test_the_command_streams_the_json_list_it_would_write_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bundled: tracker.Log
) -> None:
    log = tmp_path / "log.jsonl"
    log.write_bytes(b"".join(tracker.dumps_entry(e) + b"\n" for e in bundled.entries))
    status, out, _ = run(capsys, "log", "--json", "--log", str(log))
    whole = [tracker.encode_entry(e) for e in bundled.entries]
    assert (status, out) == (0, orjson.dumps(whole, option=orjson.OPT_INDENT_2).decode() + "\n")
    status, out, _ = run(capsys, "log", "--json", "--log", str(log), "--from", "2100-01-01")
    assert (status, out) == (0, "[]\n")
