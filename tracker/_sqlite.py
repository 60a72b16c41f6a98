"""A log in a SQLite database: WAL, indexed by parties and day, for logs too large to scan.

Each entry is kept as its canonical JSON line, so moving a log between JSONL and SQLite is
lossless, byte for byte; the columns beside it only index it.

A database may come from a stranger. Readers open it read-only and change nothing; nothing is
read from or written to a database whose schema holds anything but tracker's own table and
indexes (a trigger would run on append, a view on read); and every row's indexed columns are
checked against its line, so an index that lies is reported, never believed.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from pathlib import Path

from tracker._articles import not_regular
from tracker._bulk import collector_paused
from tracker._entries import Dyad, Entry
from tracker._errors import LogError, Problem, StorageError, shown
from tracker._log import (
    Decoding,
    Log,
    StoredEntries,
    collected,
    open_for_writing,
    plan_append,
)

__all__ = ["SqliteStore", "held_lines"]

_SCHEMA = (
    """CREATE TABLE entries (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    first TEXT NOT NULL,
    second TEXT NOT NULL,
    on_day TEXT NOT NULL,
    reported TEXT NOT NULL,
    line BLOB NOT NULL
)""",
    "CREATE INDEX entries_by_dyad_and_day ON entries (first, second, on_day)",
    "CREATE INDEX entries_by_day ON entries (on_day)",
)


def _squeezed(sql: str | None) -> str | None:
    """SQL with its runs of white space made one space, to compare schemas as SQLite keeps them."""
    return None if sql is None else " ".join(sql.split())


#: What ``sqlite_master`` holds in a tracker log, and nothing else: ``(type, name, sql)``.
_OURS = frozenset(
    {
        ("table", "entries", _squeezed(_SCHEMA[0])),
        ("index", "sqlite_autoindex_entries_1", None),  # the index of UNIQUE id
        ("index", "entries_by_dyad_and_day", _squeezed(_SCHEMA[1])),
        ("index", "entries_by_day", _squeezed(_SCHEMA[2])),
    }
)
#: The columns of a row, in order; after ``position``, each indexes a field of the entry.
_COLUMNS = ("position", "id", "type", "first", "second", "on_day", "reported", "line")
_FIELDS = {
    "id": "id",
    "type": "type",
    "first": "parties",
    "second": "parties",
    "on_day": "on",
    "reported": "reported",
}
#: SQLite's primary result codes for a file that cannot be written, as the system says them.
_ERRNOS = {
    sqlite3.SQLITE_FULL: errno.ENOSPC,
    sqlite3.SQLITE_IOERR: errno.EIO,
    sqlite3.SQLITE_READONLY: errno.EROFS,
    sqlite3.SQLITE_PERM: errno.EACCES,
}
_STORAGE = {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, *_ERRNOS}


def held_lines(db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, bytes]:
    """The lines the log holds for those of ``ids`` it has, by id (asked 500 at a time, under
    SQLite's limit on a statement's parameters)."""
    wanted = list(ids)
    known: dict[str, bytes] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT id, line FROM entries WHERE id IN ({marks})", chunk)
        known.update((entry_id, bytes(line)) for entry_id, line in rows)
    return known


class SqliteStore:
    """A log as a SQLite database: one row an entry, in the order written."""

    __slots__ = ("path",)

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

    def _unread(self, reason: str) -> LogError:
        return LogError([Problem(str(self.path), None, None, reason)])

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        """A read-only connection to the log, or ``None`` for an empty database; refused with
        :class:`LogError` if the file is not a tracker log, left as it was."""
        try:
            mode = os.stat(self.path).st_mode
        except OSError as error:
            reason = f"cannot read the log: {error.strerror}"
            raise self._unread(reason) from None
        kind = not_regular(mode)
        if kind is not None:
            reason = f"cannot read the log: {kind}"
            raise self._unread(reason)
        uri = f"{self.path.absolute().as_uri()}?mode=ro"
        if os.statvfs(self.path).f_flag & os.ST_RDONLY:
            # Nothing can write to a read-only mount, so SQLite may skip its locks and its
            # shared-memory file, which it could not create there.
            uri += "&immutable=1"
        with self._errors("read"), closing(sqlite3.connect(uri, uri=True, timeout=60)) as db:
            db.execute("PRAGMA trusted_schema = OFF")
            yield db if self._checked(db) else None

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """A connection in a write transaction to the log, created if need be, whose schema is
        checked before anything is written."""
        os.close(open_for_writing(self.path, "append to", create=True))
        with (
            self._errors("append to"),
            closing(sqlite3.connect(self.path, isolation_level=None, timeout=60)) as db,
        ):
            db.execute("PRAGMA trusted_schema = OFF")
            self._checked(db)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("BEGIN IMMEDIATE")
            try:
                if not self._checked(db):  # checked again: another writer may have been first
                    for statement in _SCHEMA:
                        db.execute(statement)
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:  # SQLite rolls some failures back itself (a full disk)
                    with suppress(sqlite3.Error):  # if not, closing the connection will
                        db.execute("ROLLBACK")
                raise

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """SQLite's errors as tracker's: a file that cannot be read or written is a
        :class:`StorageError`, any other a :class:`LogError` (not a tracker log)."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            code = getattr(error, "sqlite_errorcode", 0) & 0xFF
            if code in _ERRNOS:
                raise StorageError.of(
                    OSError(_ERRNOS[code], str(error)), doing, self.path
                ) from None
            if code in _STORAGE:
                msg = f"cannot {doing} {self.path}: {error}"
                raise StorageError(msg) from None
            reason = f"not a tracker SQLite log: {error}"
            raise self._unread(reason) from None

    def _checked(self, db: sqlite3.Connection) -> bool:
        """Whether the database holds tracker's table (``False``: it is empty); a
        :class:`LogError` saying what it holds if that is anything else."""
        found = {(kind, name, _squeezed(sql)) for kind, name, sql in db.execute(_MASTER)}
        if not found:
            return False
        if found == _OURS:
            return True
        ours = {(kind, name) for kind, name, _ in _OURS}
        held = {(kind, name) for kind, name, _ in found}
        what = [
            f"{kind} {shown(name)}{' not as tracker makes it' if (kind, name) in ours else ''}"
            for kind, name, _ in sorted(found - _OURS, key=str)
        ]
        if ("table", "entries") in held:  # a tracker log that lost some of its indexes
            what += [f"no {kind} {name!r}" for kind, name in sorted(ours - held)]
        reason = f"not a tracker SQLite log (left untouched): it holds {', '.join(what)}"
        raise self._unread(reason)

    def _decoded(self, decoding: Decoding, dyad: Dyad | None) -> Iterator[tuple[int, Entry]]:
        query = f"SELECT {', '.join(_COLUMNS)} FROM entries"
        args: tuple[str, ...] = ()
        if dyad is not None:
            query, args = f"{query} WHERE first = ? AND second = ?", (dyad.first, dyad.second)
        with self._reading() as db, collector_paused():
            rows = () if db is None else db.execute(f"{query} ORDER BY position", args)
            for position, *indexed, line in rows:
                entry = decoding.decode(position, line)
                if entry is None:
                    continue
                wrong = list(self._disagreements(position, indexed, entry))
                decoding.problems.extend(wrong)
                if decoding.keep(position, entry, valid=not wrong):
                    yield position, entry

    def _disagreements(
        self, position: int, indexed: list[object], entry: Entry
    ) -> Iterator[Problem]:
        """A problem for each indexed column of a row that does not say what its line says."""
        told = _row(position, entry, b"")[1:-1]
        for column, stored, actual in zip(_COLUMNS[1:-1], indexed, told, strict=True):
            if stored != actual:
                reason = f"the {column} column says {shown(stored)}, the entry {shown(actual)}"
                yield Problem(str(self.path), position, _FIELDS[column], reason)

    def read(self, dyad: Dyad | None = None, *, held: bool = True) -> Log:
        """Every entry (of ``dyad`` only, through the index, when given), in the order written;
        not ``held``, each read again by its position when asked for."""
        if held:
            return collected(self.path, self.scan(dyad))
        stored = StoredEntries(self.path, self._lines_at)
        decoding = Decoding(self.path, where="position")
        for position, entry in self._decoded(decoding, dyad):
            stored.add(position, position, entry)
        decoding.done()
        return Log(self.path, stored, stored.lines)

    def _lines_at(self, positions: Sequence[int]) -> Iterator[bytes]:
        """The lines at ``positions``, in that order (empty where there is none any more)."""
        if not positions:
            return
        with self._reading() as db:
            for start in range(0, len(positions), _ASKED):
                asked = positions[start : start + _ASKED]
                marks = ", ".join("?" * len(asked))
                query = f"SELECT position, line FROM entries WHERE position IN ({marks})"
                found = dict(db.execute(query, asked)) if db is not None else {}
                yield from (found.get(position, b"") for position in asked)

    def scan(self, dyad: Dyad | None = None) -> Iterator[tuple[int, Entry]]:
        decoding = Decoding(self.path, where="position")
        yield from self._decoded(decoding, dyad)
        decoding.done()

    def problems(self) -> tuple[Problem, ...]:
        decoding = Decoding(self.path, where="position")
        try:
            for _ in self._decoded(decoding, None):
                pass
        except LogError as error:  # the file is not a tracker log at all
            return error.problems
        return tuple(decoding.problems)

    def position(self) -> int:
        with self._reading() as db:
            return 0 if db is None else _last(db)

    def select(self, query: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """The rows of a read-only query of the ``entries`` table (an aggregate SQLite computes
        faster than a fold of the decoded entries); ``[]`` for an empty database."""
        with self._reading() as db:
            return [] if db is None else list(db.execute(query, args))

    def append(self, entries: Iterable[Entry], *, expected: int | None = None) -> int:
        batch = list(entries)
        with self._writing() as db:
            position = _last(db)
            known = held_lines(db, {entry.id for entry in batch})
            new = plan_append(str(self.path), known, position, batch, expected)
            by_id = {entry.id: entry for entry in batch}
            db.executemany(
                f"INSERT INTO entries VALUES ({', '.join('?' * len(_COLUMNS))})",
                [
                    _row(position + offset, by_id[entry_id], line)
                    for offset, (entry_id, line) in enumerate(new, start=1)
                ],
            )
        return position + len(new)


_MASTER = "SELECT type, name, sql FROM sqlite_master"

#: How many positions one query of lines asks for (SQLite takes at most 32,766 parameters).
_ASKED = 512


def _last(db: sqlite3.Connection) -> int:
    position: int = db.execute("SELECT coalesce(max(position), 0) FROM entries").fetchone()[0]
    return position


def _row(position: int, entry: Entry, line: bytes) -> tuple[object, ...]:
    return (
        position,
        entry.id,
        entry.TYPE,
        entry.parties.first,
        entry.parties.second,
        entry.on.isoformat(),
        entry.reported.isoformat(),
        line,
    )
