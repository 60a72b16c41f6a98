"""A log in a SQLite database: WAL, indexed by parties and day, for logs too large to scan.

Each entry is kept as its canonical JSON line, so moving a log between JSONL and SQLite is
lossless, byte for byte; the columns beside it only index it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import orjson

from tracker._bulk import collector_paused
from tracker._codec import decode_entry
from tracker._entries import Dyad, Entry
from tracker._errors import FieldError, LogError, Problem
from tracker._store import Log, plan_append

__all__ = ["SqliteStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    first TEXT NOT NULL,
    second TEXT NOT NULL,
    on_day TEXT NOT NULL,
    reported TEXT NOT NULL,
    line BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_dyad_and_day ON entries (first, second, on_day);
CREATE INDEX IF NOT EXISTS entries_by_day ON entries (on_day);
"""


class SqliteStore:
    """A log as a SQLite database: one row an entry, in the order written."""

    __slots__ = ("path",)

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

    @contextmanager
    def _connect(self, *, create: bool) -> Iterator[sqlite3.Connection]:
        if not create and not self.path.is_file():
            reason = "cannot read the log: No such file or directory"
            raise LogError([Problem(str(self.path), None, None, reason)])
        try:
            with closing(sqlite3.connect(self.path, isolation_level=None, timeout=60)) as db:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = FULL")
                db.executescript(_SCHEMA)
                yield db
        except sqlite3.DatabaseError as error:
            reason = f"not a tracker SQLite log: {error}"
            raise LogError([Problem(str(self.path), None, None, reason)]) from None

    def _decoded(self, dyad: Dyad | None) -> tuple[list[tuple[int, Entry]], list[Problem]]:
        query, args = "SELECT position, line FROM entries", ()
        if dyad is not None:
            query, args = f"{query} WHERE first = ? AND second = ?", (dyad.first, dyad.second)
        entries: list[tuple[int, Entry]] = []
        problems: list[Problem] = []
        with self._connect(create=False) as db, collector_paused():
            for position, line in db.execute(f"{query} ORDER BY position", args):
                try:
                    entries.append((position, decode_entry(orjson.loads(line))))
                except orjson.JSONDecodeError as error:
                    problems.append(
                        Problem(str(self.path), position, None, f"not valid JSON: {error}")
                    )
                except FieldError as error:
                    problems.append(
                        Problem(str(self.path), position, error.path or None, error.reason)
                    )
        return entries, problems

    def read(self, dyad: Dyad | None = None) -> Log:
        """Every entry (of ``dyad`` only, through the index, when given), in the order written."""
        entries, problems = self._decoded(dyad)
        if problems:
            raise LogError(problems)
        return Log(self.path, tuple(e for _, e in entries), tuple(p for p, _ in entries))

    def problems(self) -> tuple[Problem, ...]:
        try:
            return tuple(self._decoded(None)[1])
        except LogError as error:
            return error.problems

    def position(self) -> int:
        with self._connect(create=False) as db:
            return db.execute("SELECT coalesce(max(position), 0) FROM entries").fetchone()[0]

    def append(self, entries: Iterable[Entry], *, expected: int | None = None) -> int:
        batch = list(entries)
        with self._connect(create=True) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                position = db.execute("SELECT coalesce(max(position), 0) FROM entries").fetchone()[
                    0
                ]
                ids = list({entry.id for entry in batch})
                known: dict[str, bytes] = {}
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(f"SELECT id, line FROM entries WHERE id IN ({marks})", chunk)
                    known.update((entry_id, bytes(line)) for entry_id, line in rows)
                new = plan_append(str(self.path), known, position, batch, expected)
                by_id = {entry.id: entry for entry in batch}
                db.executemany(
                    "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        _row(position + offset, by_id[entry_id], line)
                        for offset, (entry_id, line) in enumerate(new, start=1)
                    ],
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            return position + len(new)


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
