"""Storage that fails cleanly and loses nothing: full disks, repairs, I/O errors, hostile
SQLite files and huge echoed values."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from builders import lunch
from commands import run
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
from tracker._errors import SHOWN, shown
from tracker._sqlite import SqliteStore
from tracker._store import JsonlStore
from tracker._synth import synthesize

BATCH = [lunch(f"2009-02-{day:02}", id=f"batch-{day}") for day in range(1, 8)]
BATCH_SIZE = sum(len(tracker.dumps_entry(entry)) + 1 for entry in BATCH)


@contextlib.contextmanager
def disk_full(folder: Path, room: int = 0, number: int = errno.ENOSPC) -> Iterator[None]:
    """Writes to files in ``folder`` fail with ``number`` once ``room`` more bytes have gone in,
    as on a disk that fills up; writes elsewhere go on."""
    real, left = os.write, [room]

    def write(descriptor: int, data: bytes | memoryview) -> int:
        if Path(os.readlink(f"/proc/self/fd/{descriptor}")).parent != folder.resolve():
            return real(descriptor, data)
        if left[0] <= 0:
            raise OSError(number, os.strerror(number))
        done = real(descriptor, bytes(data[: left[0]]))
        left[0] -= done
        return done

    with mock.patch("os.write", write):
        yield


@contextlib.contextmanager
def sqlite_full() -> Iterator[None]:
    """Every SQLite database opened is full: it may not grow by a page."""
    real = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        db = real(*args, **kwargs)  # type: ignore[arg-type]
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return db

    with mock.patch("sqlite3.connect", connect):
        yield


@contextlib.contextmanager
def refused(path: Path, number: int) -> Iterator[None]:
    """Opening ``path`` fails with ``number``, as on a read-only mount (EROFS) or for an
    immutable file (EPERM), which root cannot write either."""
    real = os.open

    def opener(name: str | os.PathLike[str], flags: int, *args: object, **kwargs: object) -> int:
        if Path(name) == path and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(number, os.strerror(number), str(name))
        return real(name, flags, *args, **kwargs)  # type: ignore[arg-type]

    with mock.patch("os.open", opener):
        yield


@pytest.fixture
def log(tmp_path: Path, bundled: tracker.Log) -> Path:
    return Path(shutil.copy(bundled.path, tmp_path / "log.jsonl"))


def _tracker(*args: str, **options: Any) -> subprocess.CompletedProcess[bytes]:
    """The command run in a process of its own, its stderr kept."""
    command = [sys.executable, "-m", "tracker", *args]
    return subprocess.run(command, stderr=subprocess.PIPE, check=False, **options)


# 5. A full disk never breaks the all-or-nothing append, nor leaves an output file behind.


@settings(max_examples=40, deadline=None)
@given(
    room=st.integers(0, BATCH_SIZE - 1),
    number=st.sampled_from([errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO]),
)
def test_an_append_cut_short_by_a_full_disk_leaves_the_log_as_it_was(
    room: int, number: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(shutil.copy(tracker.bundled_log(), Path(folder) / "log.jsonl"))
        before = path.read_bytes()
        with disk_full(Path(folder), room, number), pytest.raises(tracker.StorageError) as error:
            tracker.append_entries(path, BATCH)
        assert path.read_bytes() == before
        assert str(error.value) == f"cannot append to {path}: {_reason(number)}"
        assert tracker.append_entries(path, BATCH) == 9 + len(BATCH)  # the retry goes through


def _reason(number: int) -> str:
    return str(tracker.StorageError.of(OSError(number, ""), "", "")).split(": ", 1)[1]


def test_an_append_whose_sync_fails_is_cut_back(log: Path) -> None:
    before = log.read_bytes()
    failing = mock.patch("os.fsync", side_effect=OSError(errno.EIO, "I/O error"))
    with failing, pytest.raises(tracker.StorageError, match="input/output error"):
        tracker.append_entries(log, BATCH)
    assert log.read_bytes() == before


def test_an_interrupted_append_is_cut_back(log: Path) -> None:
    before, real = log.read_bytes(), os.write

    def interrupted(descriptor: int, data: bytes | memoryview) -> int:
        real(descriptor, bytes(data[:100]))
        raise KeyboardInterrupt

    with mock.patch("os.write", interrupted), pytest.raises(KeyboardInterrupt):
        tracker.append_entries(log, BATCH)
    assert log.read_bytes() == before


def test_a_full_disk_on_append_is_one_line_from_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    batch = tmp_path.parent / f"{tmp_path.name}-batch.jsonl"
    batch.write_bytes(b"".join(tracker.dumps_entry(entry) + b"\n" for entry in BATCH))
    before = log.read_bytes()
    with disk_full(tmp_path, 1000):
        status, _, err = run(capsys, "append", str(batch), "--log", str(log))
    assert (status, err) == (
        2,
        f"tracker: error: cannot append to {log}: no space left on device\n",
    )
    assert log.read_bytes() == before


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["export", "--format", "sqlite", "--output"], "out.sqlite"),
        (["export", "--output"], "out.jsonl"),
        (["synth", "--entries", "500", "--output"], "out.jsonl"),
        (["synth", "--entries", "500", "--output"], "out.sqlite"),
    ],
)
def test_an_output_file_that_could_not_be_completed_is_removed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str], name: str
) -> None:
    output = tmp_path / name
    full = sqlite_full() if name.endswith(".sqlite") else disk_full(tmp_path, 2000)
    with full:
        status, _, err = run(capsys, *command, str(output))
    assert (status, "no space left on device" in err, err.count("\n")) == (2, True, 1)
    assert sorted(tmp_path.iterdir()) == []  # nothing left: neither the file nor a part of it
    status, _, _ = run(capsys, *command, str(output))  # the retry is not blocked
    assert status == 0
    assert len(tracker.read_log(output)) > 0


def test_an_output_never_replaces_a_file_that_took_its_name(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"

    def entries() -> Iterator[tracker.Entry]:
        yield from BATCH
        output.write_bytes(b"another writer's")

    with pytest.raises(tracker.StorageError, match="it exists already"):
        tracker._store.write_log(output, entries())
    assert output.read_bytes() == b"another writer's"
    assert sorted(tmp_path.iterdir()) == [output]


def test_export_to_a_full_stdout_is_one_line_and_exit_2() -> None:
    with Path("/dev/full").open("wb") as full:
        done = _tracker("export", stdout=full)
    message = b"tracker: error: cannot write to the standard output: no space left on device\n"
    assert (done.returncode, done.stderr) == (2, message)


def test_a_table_to_a_full_stdout_is_one_line_and_exit_2() -> None:
    with Path("/dev/full").open("wb") as full:
        done = _tracker("state", "--at", "2009-01-26", stdout=full)
    assert (done.returncode, done.stderr.count(b"\n")) == (2, 1)
    assert b"no space left on device" in done.stderr


def test_export_with_stdout_closed_is_one_line_and_exit_2() -> None:
    done = _tracker("export", preexec_fn=lambda: os.close(1))
    message = b"tracker: error: cannot write to the standard output: it is closed\n"
    assert (done.returncode, done.stderr) == (2, message)


def test_a_reader_gone_from_the_pipe_is_exit_0_and_quiet() -> None:
    for args in (["synth", "--entries", "5000"], ["log"]):
        command = [sys.executable, "-m", "tracker", *args]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
            assert child.stdout is not None
            assert child.stderr is not None
            child.stdout.read(10)
            child.stdout.close()
            assert (child.wait(), child.stderr.read()) == (0, b"")


# 6. Repair loses nothing.


def test_repair_adds_the_newline_a_whole_last_entry_lacks(
    capsys: pytest.CaptureFixture[str], log: Path
) -> None:
    whole = log.read_bytes()
    log.write_bytes(whole[:-1])
    status, out, _ = run(capsys, "repair", str(log))
    assert (status, log.read_bytes()) == (0, whole)
    assert "the whole entry on line 9 lacked its final newline: added it" in out
    assert list(log.parent.glob("*.bak")) == []


def test_two_repairs_to_one_backup_name_keep_both_backups(log: Path) -> None:
    whole = log.read_bytes()
    store = JsonlStore(log)
    backups = []
    for tail in (b'{"type":"inf', b'{"type":"sus'):
        log.write_bytes(whole + tail)
        backups.append(store.repair(log.with_name("log.jsonl.20090101T000000.bak")).backup)
    first, second = backups
    assert (first, second) == (
        log.with_name("log.jsonl.20090101T000000.bak"),
        log.with_name("log.jsonl.20090101T000000.1.bak"),
    )
    assert first.read_bytes() == whole + b'{"type":"inf'
    assert second.read_bytes() == whole + b'{"type":"sus'


def test_repair_never_writes_through_a_link_planted_at_the_backup_name(log: Path) -> None:
    target = log.with_name("precious")
    target.write_bytes(b"not to be overwritten")
    planted = log.with_name("log.jsonl.bak")
    planted.symlink_to(target)
    log.write_bytes(log.read_bytes() + b'{"type":"inf')
    repair = JsonlStore(log).repair(planted)
    assert repair.backup == log.with_name("log.jsonl.1.bak")
    assert repair.backup.read_bytes().endswith(b'{"type":"inf')
    assert (target.read_bytes(), planted.readlink()) == (b"not to be overwritten", target)


def test_repair_refuses_line_ends_of_carriage_returns_alone_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], log: Path
) -> None:
    log.write_bytes(log.read_bytes().replace(b"\n", b"\r"))
    before = log.read_bytes()
    status, _, err = run(capsys, "repair", str(log))
    assert status == 2
    assert "lines end with a carriage return alone" in err
    assert "nothing was cut" in err
    assert log.read_bytes() == before
    assert list(log.parent.glob("*.bak")) == []


def test_a_repair_whose_backup_cannot_be_written_leaves_the_log_whole(log: Path) -> None:
    torn = log.read_bytes() + b'{"type":"inf'
    log.write_bytes(torn)
    with disk_full(log.parent, 100), pytest.raises(tracker.StorageError, match="no space left"):
        JsonlStore(log).repair(log.with_name("log.jsonl.bak"))
    assert log.read_bytes() == torn
    assert sorted(log.parent.iterdir()) == [log]


def test_a_backup_is_no_more_readable_than_its_log(log: Path) -> None:
    log.write_bytes(log.read_bytes() + b'{"type":"inf')
    log.chmod(0o600)
    backup = JsonlStore(log).repair(log.with_name("log.jsonl.bak")).backup
    assert backup is not None
    assert backup.stat().st_mode & 0o777 == 0o600


# 7. Ordinary I/O errors are one line and exit 2, never a traceback.


def _directory(tmp_path: Path) -> Path:
    (tmp_path / "folder.jsonl").mkdir()
    return tmp_path / "folder.jsonl"


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "a.jsonl").symlink_to(tmp_path / "b.jsonl")
    (tmp_path / "b.jsonl").symlink_to(tmp_path / "a.jsonl")
    return tmp_path / "a.jsonl"


PLACES: dict[str, Callable[[Path], Path]] = {
    "a folder": _directory,
    "a symlink loop": _loop,
    "a missing folder": lambda tmp_path: tmp_path / "missing" / "log.jsonl",
    "a device": lambda _: Path("/dev/null"),
    "a name too long": lambda tmp_path: tmp_path / f"{'x' * 300}.jsonl",
}


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize(
    "command",
    [
        ["append", "{entry}", "--log", "{path}"],
        ["import", "{source}", "--log", "{path}"],
        ["repair", "{path}"],
        ["export", "--output", "{path}"],
        ["synth", "--entries", "3", "--output", "{path}"],
    ],
    ids=lambda command: command[0],
)
def test_an_unusable_path_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, place: str, command: list[str]
) -> None:
    entry = tmp_path / "entry.json"
    entry.write_bytes(tracker.dumps_entry(BATCH[0]) + b"\n")
    path = PLACES[place](tmp_path)
    names = {"entry": str(entry), "source": str(tracker.bundled_log()), "path": str(path)}
    status, _, err = run(capsys, *(part.format(**names) for part in command))
    assert (status, err.startswith("tracker: error: "), err.count("\n")) == (2, True, 1)


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.EROFS, "read-only file system"),
        (errno.EPERM, "operation not permitted (an immutable or append-only file?)"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_a_log_that_cannot_be_written_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path, number: int, reason: str
) -> None:
    entry = tmp_path / "entry.json"
    entry.write_bytes(tracker.dumps_entry(BATCH[0]) + b"\n")
    before = log.read_bytes()
    for command in (["append", str(entry), "--log"], ["import", str(entry), "--log"], ["repair"]):
        with refused(log, number):
            status, _, err = run(capsys, *command, str(log))
        assert (status, err) == (2, f"tracker: error: cannot {_doing(command)} {log}: {reason}\n")
    assert log.read_bytes() == before


def _doing(command: list[str]) -> str:
    return "repair" if command[0] == "repair" else "append to"


def test_appending_to_a_device_is_refused_before_a_byte_is_written() -> None:
    with pytest.raises(tracker.StorageError) as error:
        JsonlStore("/dev/full").append(BATCH)
    assert str(error.value) == (
        "cannot append to /dev/full: not a regular file but a character device"
    )


def test_a_read_only_mount_refuses_a_jsonl_append_and_reads_a_sqlite_log(
    tmp_path: Path, bundled: tracker.Log
) -> None:
    folder = tmp_path / "mounted"
    folder.mkdir()
    shutil.copy(bundled.path, folder / "log.jsonl")
    SqliteStore(folder / "log.sqlite").append(bundled.entries)
    (tmp_path / "entry.json").write_bytes(tracker.dumps_entry(BATCH[0]))
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} {folder} && "
        f"{sys.executable} -m tracker append {tmp_path}/entry.json --log {folder}/log.jsonl; "
        f"echo status $?; "
        f"{sys.executable} -m tracker state --log {folder}/log.sqlite --at 2009-01-26 --json"
    )
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
        capture_output=True,
        check=True,
    )
    message = f"tracker: error: cannot append to {folder}/log.jsonl: read-only file system\n"
    assert done.stderr.decode() == message
    status, state = done.stdout.decode().split("\n", 1)
    assert status == "status 2"
    assert '"phase": "informal_council"' in state


# 8. Reading a SQLite file changes nothing; a hostile one is refused.


def _files(folder: Path) -> dict[str, bytes]:
    """The files of ``folder`` and what they hold, but for the ``-wal`` and ``-shm`` files that
    SQLite keeps beside a database in WAL mode while any reader has it open."""
    return {
        path.name: path.read_bytes()
        for path in sorted(folder.iterdir())
        if not path.name.endswith(("-wal", "-shm"))
    }


def test_validate_refuses_a_database_that_is_not_a_log_and_leaves_it_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE accounts (name TEXT, balance INTEGER)")
        db.execute("INSERT INTO accounts VALUES ('a', 1)")
        db.commit()
    before = _files(tmp_path)
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    assert out == f"{path}: not a tracker SQLite log (left untouched): it holds table 'accounts'\n"
    assert _files(tmp_path) == before
    status, _, err = run(capsys, "import", str(tracker.bundled_log()), "--log", str(path))
    assert (status, "not a tracker SQLite log" in err) == (2, True)
    assert _files(tmp_path) == before


def test_reading_a_log_in_rollback_journal_mode_switches_nothing_on(
    tmp_path: Path, bundled: tracker.Log
) -> None:
    path = tmp_path / "log.sqlite"
    SqliteStore(path).append(bundled.entries)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode = DELETE")
    before = _files(tmp_path)
    store = SqliteStore(path)
    assert (store.read().entries, store.problems(), store.position()) == (bundled.entries, (), 9)
    assert _files(tmp_path) == before


def test_reading_an_empty_database_creates_no_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    assert (len(SqliteStore(path).read()), SqliteStore(path).position()) == (0, 0)
    assert _files(tmp_path) == {"empty.db": b""}


HOSTILE = {
    "a trigger": (
        "CREATE TRIGGER wipe AFTER INSERT ON entries "
        "BEGIN DELETE FROM entries WHERE position < new.position; END",
        "trigger 'wipe'",
    ),
    "a view": ("CREATE VIEW everything AS SELECT * FROM entries", "view 'everything'"),
    "another table": ("CREATE TABLE notes (text TEXT)", "table 'notes'"),
    "another index": ("CREATE INDEX by_line ON entries (line)", "index 'by_line'"),
    "no index": ("DROP INDEX entries_by_day", "no index 'entries_by_day'"),
}


@pytest.mark.parametrize("what", sorted(HOSTILE))
def test_a_log_whose_schema_holds_more_than_tracker_made_is_refused_untouched(
    tmp_path: Path, bundled: tracker.Log, what: str
) -> None:
    path = tmp_path / "log.sqlite"
    SqliteStore(path).append(bundled.entries)
    statement, named = HOSTILE[what]
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(statement)
        db.commit()
    before = _files(tmp_path)
    message = f"not a tracker SQLite log (left untouched): it holds {named}"
    with pytest.raises(tracker.LogError, match=message.replace("(", r"\(").replace(")", r"\)")):
        SqliteStore(path).append([lunch("2009-02-06", id="munich")])
    with pytest.raises(tracker.LogError, match="not a tracker SQLite log"):
        SqliteStore(path).read()
    assert _files(tmp_path) == before


def test_validate_reports_index_columns_that_disagree_with_the_line_and_duplicate_ids(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: tracker.Log
) -> None:
    path = tmp_path / "log.sqlite"
    SqliteStore(path).append(bundled.entries)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE entries SET on_day = '2001-01-01', first = 'EU' WHERE position = 3")
        db.execute(  # a second row holding the line of the first, under another id
            "INSERT INTO entries SELECT 10, 'decoy', type, first, second, on_day, reported, line "
            "FROM entries WHERE position = 1"
        )
        db.commit()
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    first_id = bundled.entries[0].id
    assert out.splitlines() == [
        f"{path}:3: parties: the first column says 'EU', the entry 'NATO'",
        f"{path}:3: on: the on_day column says '2001-01-01', the entry '2008-08-19'",
        f"{path}:10: id: the id column says 'decoy', the entry '{first_id}'",
        f"{path}:10: id: duplicate id '{first_id}', first used at position 1",
    ]
    with pytest.raises(tracker.LogError):
        SqliteStore(path).read()
    status, _, _ = run(capsys, "state", "--log", str(path), "--at", "2009-01-26")
    assert status == 2


def test_a_full_disk_during_a_sqlite_append_is_a_storage_error_and_changes_nothing(
    tmp_path: Path, bundled: tracker.Log
) -> None:
    store = SqliteStore(tmp_path / "log.sqlite")
    store.append(bundled.entries)
    before = store.path.read_bytes()
    with sqlite_full(), pytest.raises(tracker.StorageError) as error:
        store.append(synthesize(300, seed=1))
    assert str(error.value) == f"cannot append to {store.path}: no space left on device"
    assert store.path.read_bytes() == before
    assert store.read().entries == bundled.entries


# 10. Echoed values are cut to a readable length, with their size.


@given(st.text(min_size=SHOWN + 1) | st.binary(min_size=SHOWN + 1))
def test_a_long_value_is_shown_cut_with_its_size(value: str | bytes) -> None:
    unit = "characters" if isinstance(value, str) else "bytes"
    start = repr(value[:SHOWN])  # quoted, control characters made visible
    assert shown(value) == f"{start[:-1]}…{start[-1]} ({len(value)} {unit})"


@given(st.lists(st.integers(), min_size=SHOWN))
def test_a_long_value_of_another_kind_is_shown_cut(value: list[int]) -> None:
    assert shown(value) == f"{repr(value)[:SHOWN]}… ({len(repr(value))} characters)"


@given(st.text(max_size=SHOWN) | st.binary(max_size=SHOWN) | st.integers(-999, 999) | st.none())
def test_a_short_value_is_shown_whole(value: str | bytes | int | None) -> None:
    assert shown(value) == repr(value)


def test_a_huge_bad_value_gives_a_short_message(log: Path) -> None:
    huge = "a" * 10_000_000
    line = tracker.dumps_entry(BATCH[0]).replace(b'"v":1', f'"v":"{huge}"'.encode())
    log.write_bytes(log.read_bytes() + line + b"\n")
    (problem,) = tracker.check_log(log)
    assert problem.message == f"must be a positive whole number, got {shown(huge)}"
    assert len(problem.message) < 150
