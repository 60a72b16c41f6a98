"""A persisted index beside a JSON Lines log, so that a warm command neither re-reads nor
re-folds the whole log.

The index is a SQLite file named after the log (``LOG.jsonl.index``). It holds each entry's
byte offset, line, dyad, day, report day and type, how many entries of each type each dyad
holds, and each dyad's state after every :data:`EVERY` entries in replay order: each
checkpoint as what changed since the one before (the items of its maps added, changed or
gone, and its other parts whole), encoded as the codec
encodes checkpoints (which read back equal, each day with the precision it was stated to) and
compressed, so that the index grows with the log, not with the sum of its states. It is valid for
the prefix of the log it was built from: the prefix's size and BLAKE2b digest and the entry
types registered are checked before any use, cheaply: the prefix's size, the log's
modification time and a BLAKE2b digest of the prefix's first and last :data:`CHUNK` bytes.
Appends extend it (only the lines after the prefix are read); any other change to the log
(a truncation, an edit: the same size with another modification time, or other bytes at either
end of the prefix), another set of entry types, a foreign or corrupt file rebuilds it. An edit
inside the prefix that keeps both its ends and the modification time as they were, or that
comes with an append, is not seen: the log is append-only. Deleting the index is always safe.
A log with problems is never indexed: its readers take the cold path, which reports them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import os
import sqlite3
import stat
import typing
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

import attrs
import orjson
from immutables import Map

from tracker import _codec, _compiled, _dates, _entries, _reducer, _state, _table, _vector
from tracker._bulk import collector_paused
from tracker._codec import decode_checkpoint, encode_checkpoint
from tracker._entries import Dyad, Entry, entry_types
from tracker._errors import StorageError
from tracker._lazy import LazyMap, Stored
from tracker._log import Decoding
from tracker._reducer import checkpoints, fold
from tracker._replay import Explanation, Span, explanations
from tracker._state import State
from tracker._table import KeyedTable, Table
from tracker._vector import Vector

__all__ = [
    "CHUNK",
    "EVERY",
    "IndexedReplay",
    "build_index",
    "index_path",
    "indexed_entries",
    "indexed_replay",
]

#: How many entries of a dyad lie between two stored checkpoint states.
EVERY = 1024

#: How many bytes at each end of the indexed prefix its digests cover.
CHUNK = 1 << 16

#: What the index file says it is: another value is a foreign file, rebuilt.
_FORMAT = "tracker-index 10"

#: The parts of a state that are maps, which a checkpoint stores as the items that changed; the
#: others (the dyad, the pending expectations, the score...) it stores whole.
_MAPS = tuple(
    name
    for name, hint in typing.get_type_hints(State).items()
    if typing.get_origin(hint) in (Map, Table) and attrs.fields_dict(State)[name].init
)
#: The parts that are tuples (the pending expectations, the anomalies), which a checkpoint stores
#: as the items new since the checkpoint before, and the places of the others.
_TUPLES = tuple(
    name
    for name, hint in typing.get_type_hints(State).items()
    if typing.get_origin(hint) in (tuple, Vector) and attrs.fields_dict(State)[name].init
)
_WHOLE = tuple(a.name for a in attrs.fields(State) if a.init and a.name not in {*_MAPS, *_TUPLES})

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    line INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, first TEXT NOT NULL,
    second TEXT NOT NULL, day INTEGER NOT NULL, reported INTEGER NOT NULL,
    start INTEGER NOT NULL, length INTEGER NOT NULL, type TEXT NOT NULL);
CREATE INDEX entries_order ON entries (first, second, day, line);
CREATE INDEX entries_days ON entries (day, line);
CREATE TABLE checkpoints (
    first TEXT NOT NULL, second TEXT NOT NULL, number INTEGER NOT NULL, change BLOB NOT NULL,
    PRIMARY KEY (first, second, number));
CREATE TABLE items (
    first TEXT NOT NULL, second TEXT NOT NULL, part TEXT NOT NULL, key TEXT NOT NULL,
    since INTEGER NOT NULL, value BLOB,
    PRIMARY KEY (first, second, part, key, since)) WITHOUT ROWID;
CREATE TABLE types (
    first TEXT NOT NULL, second TEXT NOT NULL, type TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (first, second, type)) WITHOUT ROWID;
CREATE TABLE refolds (
    seq INTEGER PRIMARY KEY, first TEXT NOT NULL, second TEXT NOT NULL, number INTEGER NOT NULL);
"""


def index_path(log: Path) -> Path:
    """Where the index of ``log`` lives: beside it, its name plus ``.index``."""
    return log.with_name(f"{log.name}.index")


def _types() -> str:
    """The entry types registered, by name, class and version, and the code that folds them
    into states: an index built with other types (another ``--plugin``) decoded other entries,
    and one built by other rules holds other states."""
    kinds = sorted(
        (name, cls.__module__, cls.__qualname__, cls.VERSION) for name, cls in entry_types().items()
    )
    return orjson.dumps([kinds, _rules_digest()]).decode()


@functools.cache
def _rules_digest() -> str:
    """A digest of the modules whose code decides what a state is."""
    digest = hashlib.blake2b(digest_size=16)
    for module in (_codec, _compiled, _dates, _entries, _reducer, _state, _table, _vector):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


class IndexedReplay:
    """The states of one dyad of an indexed log at any date, as :class:`~tracker.Replay` gives
    them, from the nearest stored checkpoint and the entries after it, decoded from the log."""

    __slots__ = ("_db", "_log", "_path", "dyad", "every")

    def __init__(
        self, path: Path, log: BinaryIO, db: sqlite3.Connection, dyad: Dyad, every: int
    ) -> None:
        self._path, self._log, self._db, self.dyad, self.every = path, log, db, dyad, every

    def _count(self, where: str = "", *values: object) -> int:
        query = f"SELECT count(*) FROM entries WHERE first = ? AND second = ? {where}"
        row = self._db.execute(query, (self.dyad.first, self.dyad.second, *values)).fetchone()
        return int(row[0])

    def __len__(self) -> int:
        return self._count()

    def _known(self, day: date | None, known_at: date | None) -> tuple[int, int]:
        """How many entries happened by ``day``, and how many of them come before the first
        reported after ``known_at`` (all of them without it)."""
        count = len(self) if day is None else self._count("AND day <= ?", day.toordinal())
        target = count
        if known_at is not None:
            late = self._count(
                "AND (day, line) < (SELECT day, line FROM entries WHERE first = ? AND second = ?"
                " AND reported > ? ORDER BY day, line LIMIT 1)",
                self.dyad.first,
                self.dyad.second,
                known_at.toordinal(),
            )
            has_late = self._count("AND reported > ?", known_at.toordinal()) > 0
            target = min(count, late if has_late else count)
        return count, target

    def at(self, day: date | None = None, *, known_at: date | None = None) -> State:
        """The state on ``day`` (after every entry when ``None``), as known on ``known_at``."""
        count, target = self._known(day, known_at)
        with collector_paused():  # a whole state is built: no cycle to collect in it
            number, base = self._checkpoint(target // self.every)
            entries = list(_decoded(self._path, self._log, self._rows(number * self.every, count)))
            state = fold(entries[: target - number * self.every], base)
            if target < count:
                assert known_at is not None  # only a report day makes a later entry unknown
                later = entries[target - number * self.every :]
                state = fold((e for e in later if e.reported <= known_at), state)
            return state.as_of(day, known_at)

    def entry(self, entry_id: str) -> Entry:
        """The entry of this dyad with this id, decoded from its line."""
        rows = self._db.execute(
            "SELECT line, start, length FROM entries WHERE id = ? AND first = ? AND second = ?",
            (entry_id, self.dyad.first, self.dyad.second),
        ).fetchall()
        if not rows:
            msg = f"no entry {entry_id!r} in the {self.dyad} replay"
            raise KeyError(msg)
        return next(_decoded(self._path, self._log, rows))

    def explain(
        self, path: str, day: date | None = None, *, known_at: date | None = None
    ) -> tuple[Explanation, ...]:
        """The entries and quoted sentences behind a part of the state on ``day``."""
        return explanations(self, path, day, known_at=known_at)

    def spans_back(
        self, day: date | None = None, *, known_at: date | None = None
    ) -> Iterator[Span]:
        """The states on the way to :meth:`at` ``(day, known_at=known_at)``, latest first, as
        :meth:`~tracker.Replay.spans_back` gives them: from the stored checkpoint before it,
        then each stored checkpoint before that one."""
        count, target = self._known(day, known_at)
        number, base = self._checkpoint(target // self.every)
        start = number * self.every
        tail = list(_decoded(self._path, self._log, self._rows(start, count)))
        if target < count:
            assert known_at is not None  # only a report day makes a later entry unknown
            late = tail[target - start :]
            tail = tail[: target - start] + [e for e in late if e.reported <= known_at]
        yield base, tail
        while number:
            stop = start
            number, base = self._checkpoint(number - 1)
            start = number * self.every
            yield base, list(_decoded(self._path, self._log, self._rows(start, stop)))

    def _checkpoint(self, number: int, *, lazy: bool = True) -> tuple[int, State]:
        """The stored checkpoint nearest at or before ``number``, and its number; the empty
        state before the first entry when there is none, or when it does not read (a damaged
        index: the dyad is folded from its start). ``lazy``: its maps decode each item when
        it is read; else every item at once, as a fold that writes every checkpoint after it
        reads them."""
        changes = self._db.execute(
            "SELECT number, change FROM checkpoints WHERE first = ? AND second = ? AND number <= ?"
            " ORDER BY number",
            (self.dyad.first, self.dyad.second, number),
        ).fetchall()
        if changes and [row[0] for row in changes] == list(range(1, len(changes) + 1)):
            damaged = self._damaged if lazy else _raised  # a fold from the start mends it
            with contextlib.suppress(*_DAMAGE):
                rows = (row[1] for row in changes)
                kept = _Kept(self._db, self.dyad, len(changes), self._path)
                items = functools.partial(
                    StoredItems, self._db, self.dyad, len(changes), damaged, kept=kept.check
                )
                return len(changes), _state_of(rows, items, lazy=lazy, damaged=damaged)
        return 0, State(self.dyad)

    def _damaged(self, error: Exception) -> NoReturn:
        """Refuse what a damaged item of a stored checkpoint, read late, would give, and leave
        the index to be rebuilt by the next command that uses it."""
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("UPDATE meta SET value = 'damaged' WHERE key = 'format'")
        where = index_path(self._path)
        msg = f"the index {where} is damaged ({error}); it is rebuilt when next used"
        raise StorageError(msg) from None

    def _rows(self, start: int, stop: int) -> list[tuple[int, int, int]]:
        return self._db.execute(
            "SELECT line, start, length FROM entries WHERE first = ? AND second = ?"
            " ORDER BY day, line LIMIT ? OFFSET ?",
            (self.dyad.first, self.dyad.second, max(stop - start, 0), start),
        ).fetchall()


def _decoded(path: Path, log: BinaryIO, rows: Iterable[tuple[int, int, int]]) -> Iterator[Entry]:
    """The entries on the log's lines at these (line, start, length), read from the file."""
    decoding = Decoding(path)
    for line, start, length in rows:
        entry = decoding.decode(line, _read(log, start, length))
        if entry is None:
            decoding.done()
        assert entry is not None
        yield entry


def indexed_replay(path: Path, dyad: Dyad, every: int = EVERY) -> IndexedReplay | None:
    """The indexed replay of ``dyad`` in the JSONL log at ``path``, its index brought up to date
    first; ``None`` when the log cannot be indexed (it has problems, or no entry of ``dyad``, or
    the index cannot be written), for the cold path to read it and say why. An index kept
    with checkpoints at another interval than ``every`` is rebuilt."""
    opened = _opened(path, every)
    if opened is None:
        return None
    log, db = opened
    replay = IndexedReplay(path, log, db, dyad, every)
    return replay if len(replay) else None


def _opened(path: Path, every: int) -> tuple[BinaryIO, sqlite3.Connection] | None:
    """The JSONL log at ``path``, open, and its index brought up to date; ``None`` (the log
    closed again) when the log cannot be indexed or read."""
    try:
        log = path.open("rb")
    except OSError:
        return None
    try:
        db = _up_to_date(path, log, every)
    except (OSError, sqlite3.Error):
        db = None
    if db is None:
        log.close()
        return None
    return log, db


def indexed_entries(
    path: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    dyad: Dyad | None = None,
) -> tuple[int, Iterator[Entry]] | None:
    """How many entries the JSONL log at ``path`` holds, and those of ``dyad`` (any, when
    ``None``) placed from ``start`` to ``end`` (both included, open when ``None``) in the order
    of the log, each decoded from its line as it is asked for; through the index brought up to
    date first, ``None`` when the log cannot be indexed."""
    opened = _opened(path, EVERY)
    if opened is None:
        return None
    log, db = opened
    where = ["day >= ?", "day <= ?"]
    values: list[object] = [(start or date.min).toordinal(), (end or date.max).toordinal()]
    if dyad is not None:
        where.append("first = ? AND second = ?")
        values += [dyad.first, dyad.second]
    total: int = db.execute("SELECT count(*) FROM entries").fetchone()[0]
    query = f"SELECT line, start, length FROM entries WHERE {' AND '.join(where)} ORDER BY line"
    return total, _decoded(path, log, db.execute(query, values))


def build_index(path: Path, every: int = EVERY) -> int | None:
    """Build the index beside the JSONL log at ``path``, or bring it up to date; the entries it
    indexes, or ``None`` when the log cannot be indexed (it has problems, or the index cannot be
    written), for a cold read to say why."""
    try:
        with path.open("rb") as log:
            db = _up_to_date(path, log, every)
    except (OSError, sqlite3.Error):
        return None
    if db is None:
        return None
    with contextlib.closing(db):
        counted: int = db.execute("SELECT count(*) FROM entries").fetchone()[0]
    return counted


def _up_to_date(path: Path, log: BinaryIO, every: int) -> sqlite3.Connection | None:
    where = index_path(path)
    now = os.fstat(log.fileno())
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(os.lstat(where).st_mode):
            return None  # a link or a special file is never followed nor replaced
        db = _open(where)
        if db is not None:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if (
                meta.get("format") == _FORMAT
                and meta.get("every") == str(every)
                and meta.get("types") == _types()
                and _prefix_kept(log, now, meta)
            ):
                size, lines = int(meta["size"]), int(meta["lines"])
                return db if _extend(db, path, log, now, size, lines, every) else None
            db.close()
    partial = where.with_name(f"{where.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial, isolation_level=None)
    try:
        db.executescript(_SCHEMA)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("format", _FORMAT),
                ("every", str(every)),
                ("types", _types()),
                *_ends(log, now, 0, 0),
            ],
        )
        built = _extend(db, path, log, now, 0, 0, every)
        db.close()
        if not built:
            return None
        os.replace(partial, where)
    finally:
        partial.unlink(missing_ok=True)
    return _open(where)


def _prefix_kept(log: BinaryIO, now: os.stat_result, meta: dict[str, str]) -> bool:
    """Whether the log still begins with the prefix the index was built from, judged from its
    size, its modification time (the same size with another time is an edit) and the digests
    of the prefix's first and last :data:`CHUNK` bytes."""
    try:
        size, lines, mtime = int(meta["size"]), int(meta["lines"]), int(meta["mtime"])
    except (KeyError, ValueError):
        return False
    if not 0 <= size <= now.st_size or (size == now.st_size and mtime != now.st_mtime_ns):
        return False
    kept = dict(_ends(log, now, size, lines))
    return all(meta.get(key) == kept[key] for key in ("head", "tail"))


def _ends(log: BinaryIO, now: os.stat_result, size: int, lines: int) -> list[tuple[str, str]]:
    """What the index keeps of the log's first ``size`` bytes (``lines`` lines) to know them
    again: the size, the lines, the log's modification time, the digests of both ends."""
    head = _read(log, 0, min(size, CHUNK))
    tail = _read(log, max(size - CHUNK, 0), min(size, CHUNK))
    return [
        ("size", str(size)),
        ("lines", str(lines)),
        ("mtime", str(now.st_mtime_ns)),
        ("head", _digest(head)),
        ("tail", _digest(tail)),
    ]


class Change(typing.NamedTuple):
    """What the index keeps of one checkpoint: its parts but the maps, packed (``packed``), and
    the items of its maps new or changed since the checkpoint before, or gone from them
    (``items``: each map's name, the key, and the value encoded, ``None`` for one gone)."""

    packed: bytes
    items: list[tuple[str, str, bytes | None]]


class _Changes:
    """What the index keeps of each checkpoint of a fold, given in turn: the items of its maps
    that are not those of the checkpoint before (by identity: a fold shares what it leaves
    alone, so a pass in C over the keys and the identities of the values finds them without
    encoding or comparing the others), the keys gone from them, the items of its tuples new
    since then (the others by their place in the tuple before) and its other parts whole;
    the parts but the maps compressed (a fast level, since a build compresses every
    checkpoint), the items of the maps one by one, for a lookup to read one."""

    __slots__ = ("_before", "_held")

    def __init__(self, base: State) -> None:
        self._before = base
        self._held = {name: _identities(getattr(base, name)) for name in _MAPS}

    def after(self, state: State) -> Change:
        """The change from the checkpoint before to ``state``, which becomes the one before."""
        before, self._before = self._before, state
        items: list[tuple[str, str, bytes | None]] = []
        for name in _MAPS:
            old: Map[str, Any] = getattr(before, name)
            new: Map[str, Any] = getattr(state, name)
            if old is new:
                continue
            held, self._held[name] = self._held[name], _identities(new)
            fresh = [key for key, _ in itertools.filterfalse(held.__contains__, self._held[name])]
            text = new.key_of if isinstance(new, KeyedTable) else str  # keys kept as codes
            items.extend(
                (name, text(key), orjson.dumps(encode_checkpoint(value)))
                for key in fresh
                if old.get(key, _GONE) != (value := new[key])
            )
            if len(new) - len(fresh) + sum(key in old for key in fresh) != len(old):
                items.extend((name, key, None) for key in old if key not in new)
        parts = {name: _kept(getattr(before, name), getattr(state, name)) for name in _TUPLES}
        whole = {name: encode_checkpoint(getattr(state, name)) for name in _WHOLE}
        change = {
            "sizes": {name: len(getattr(state, name)) for name in _MAPS},
            "parts": parts,
            "whole": whole,
            "derived": _derived(state),
        }
        return Change(zlib.compress(orjson.dumps(change), 1), items)


def store_change(db: sqlite3.Connection, dyad: Dyad, number: int, change: Change) -> None:
    """Keep checkpoint ``number`` of ``dyad``, as :class:`_Changes` gives it, in the index."""
    db.execute(
        "INSERT INTO checkpoints VALUES (?, ?, ?, ?)",
        (dyad.first, dyad.second, number, change.packed),
    )
    db.executemany(
        "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)",
        [(dyad.first, dyad.second, name, key, number, value) for name, key, value in change.items],
    )


def _derived(state: State) -> dict[str, Any]:
    """What a state derives from its parts and keeps beside them, so that a state read back
    need not read every measure and expectation to derive it: the keys of the measures not
    wholly lifted, the places in ``pending`` of the expectations not lapsed, and their days."""
    places = {id(item): place for place, item in enumerate(state.pending)}
    unlapsed = [places.get(id(item), -1) for item in state.unlapsed]
    return {
        "unlifted": list(state.unlifted),
        "lifted_until": state.lifted_until.isoformat(),
        "first_effective": state.first_effective.isoformat(),
        "unlapsed": unlapsed if min(unlapsed, default=0) >= 0 else None,
        "unlapsed_from": state.unlapsed_from.isoformat(),
    }


def _identities(items: Map[str, Any]) -> set[tuple[str, int]]:
    """Each key of a map (its code, for a table that keeps codes) with the identity of its
    value, taken in C."""
    if isinstance(items, KeyedTable):
        items = items.coded()
    return set(zip(items.keys(), map(id, items.values()), strict=True))


def _kept(old: tuple[Any, ...], new: tuple[Any, ...]) -> dict[str, list[Any]]:
    """A tuple of a checkpoint as runs of its items (``at``: each run's first place in ``old``
    and its length, the place -1 for a run of items not in ``old``), and the items not in
    ``old`` encoded: a tuple that grows at its end, or changes a few items, is a few runs,
    read back without a number per item."""
    places = {id(item): place for place, item in enumerate(old)}
    runs: list[list[int]] = []
    added = []
    for item in new:
        place = places.get(id(item), -1)
        if place < 0:
            added.append(encode_checkpoint(item))
        if runs and (
            (place < 0 and runs[-1][0] < 0)
            or (place >= 0 and runs[-1][0] >= 0 and runs[-1][0] + runs[-1][1] == place)
        ):
            runs[-1][1] += 1
        else:
            runs.append([place, 1])
    return {"at": runs, "new": added}


def _rejoined(before: list[Any], kept: dict[str, list[Any]]) -> list[Any]:
    """The items of a tuple of a checkpoint, from those of the checkpoint before and the runs
    :func:`_kept` stored (the items new in it still encoded); a run out of place, or new items
    too few or too many, raise :class:`IndexError` (a damaged index)."""
    added: list[Any] = kept["new"]
    items: list[Any] = []
    taken = 0
    for place, count in kept["at"]:
        if count < 1:
            msg = f"a run of {count} items"
            raise IndexError(msg)
        if place >= 0:
            if place + count > len(before):
                msg = f"items {place} to {place + count} of {len(before)}"
                raise IndexError(msg)
            items += before[place : place + count]
        else:
            if taken + count > len(added):
                msg = f"{taken + count} new items of {len(added)}"
                raise IndexError(msg)
            items += added[taken : taken + count]
            taken += count
    if taken != len(added):
        msg = f"{taken} new items of {len(added)}"
        raise IndexError(msg)
    return items


#: Stands for an item a map does not hold.
_GONE = object()


#: What a damaged stored checkpoint raises as it is read.
_DAMAGE = (zlib.error, ValueError, TypeError, KeyError, AttributeError, IndexError, StopIteration)


def _raised(error: Exception) -> NoReturn:
    raise error


class _Kept:
    """Whether checkpoint ``number`` of a dyad, read from the index, still stands there: another
    process bringing the index up to date after an entry back-dated before it folds it again,
    and the items a state read from it lazily has still to read are then no longer its own."""

    __slots__ = ("_db", "_dyad", "_number", "_path", "_seen", "_version")

    def __init__(self, db: sqlite3.Connection, dyad: Dyad, number: int, path: Path) -> None:
        self._db, self._dyad, self._number, self._path = db, dyad, number, path
        self._version = self._changes()
        self._seen: int = db.execute("SELECT coalesce(max(seq), 0) FROM refolds").fetchone()[0]

    def _changes(self) -> int:
        """What changes when another connection writes the index."""
        version: int = self._db.execute("PRAGMA data_version").fetchone()[0]
        return version

    def check(self) -> None:
        """Refuse to read on if the checkpoint was folded again since it was read."""
        version = self._changes()
        if version == self._version:
            return
        refolded = self._db.execute(
            "SELECT 1 FROM refolds WHERE seq > ? AND first = ? AND second = ? AND number < ?",
            (self._seen, self._dyad.first, self._dyad.second, self._number),
        ).fetchone()
        if refolded is not None:
            where = index_path(self._path)
            msg = (
                f"the index {where} was brought up to date with an entry of {self._dyad} dated"
                " before a state read from it, which no longer reads: read the state again"
            )
            raise StorageError(msg)
        self._version = version


def _standing() -> None:
    """A checkpoint read in a connection that nothing else writes to: it stands."""


#: How many keys of a stored map are read one by one, at least, before the rest are read at
#: once (an eighth of the map's keys, for a long one: a single read costs a query).
SINGLE_READS = 64


class StoredItems(Mapping[str, Any]):
    """The items of map ``name`` of checkpoint ``number`` of a dyad, ``size`` of them, as the
    index keeps them (each value as the codec encodes it), read from the index as they are
    asked for: a key at a time, each read once, and after :data:`SINGLE_READS` of them (or an
    eighth of the map) every item at once; what a damaged item raises goes to ``damaged``, and
    ``kept`` refuses a read (it raises) once the checkpoint no longer stands in the index."""

    __slots__ = ("_damaged", "_db", "_kept", "_read", "_size", "_where", "_where_at", "_whole")

    def __init__(  # noqa: PLR0917 - where the items lie, and what to do with a damaged one
        self,
        db: sqlite3.Connection,
        dyad: Dyad,
        number: int,
        damaged: Callable[[Exception], NoReturn],
        name: str,
        size: int,
        *,
        kept: Callable[[], None] = _standing,
    ) -> None:
        self._db, self._where = db, (dyad.first, dyad.second, name)
        self._kept = kept
        self._where_at = number
        self._damaged, self._size = damaged, size
        self._read: dict[str, Any] = {}
        self._whole: dict[str, Any] | None = None

    def _value(self, key: str) -> Any:
        """The item of ``key`` as stored, :data:`_GONE` when the map has none."""
        if self._whole is not None:
            return self._whole.get(key, _GONE)
        found = self._read.get(key, _UNREAD)
        if found is not _UNREAD:
            return found
        if len(self._read) >= max(SINGLE_READS, self._size // 8):
            return self._all().get(key, _GONE)
        self._kept()
        row = self._db.execute(
            "SELECT value FROM items WHERE first = ? AND second = ? AND part = ? AND key = ?"
            " AND since <= ? ORDER BY since DESC LIMIT 1",
            (*self._where, key, self._where_at),
        ).fetchone()
        found = self._read[key] = _GONE if row is None or row[0] is None else self._loads(row[0])
        return found

    def _loads(self, value: bytes) -> Any:
        try:
            return orjson.loads(value)
        except _DAMAGE as error:
            self._damaged(error)

    def _all(self) -> dict[str, Any]:
        """Every item, read at once."""
        if self._whole is None:
            self._kept()
            rows = self._db.execute(
                "SELECT key, value, max(since) FROM items WHERE first = ? AND second = ?"
                " AND part = ? AND since <= ? GROUP BY key ORDER BY key",
                (*self._where, self._where_at),
            ).fetchall()
            kept = [(key, value) for key, value, _ in rows if value is not None]
            try:  # every item in one parse, as a list
                values = orjson.loads(b"[%b]" % b",".join(value for _, value in kept))
            except orjson.JSONDecodeError:  # one item or more damaged: say which
                values = [self._loads(value) for _, value in kept]
            if len(values) != len(kept):  # an item of more than one value
                self._damaged(ValueError("an item stored is not one value"))
            self._whole = dict(zip((key for key, _ in kept), values, strict=True))
            self._read.clear()
            if len(self._whole) != self._size:
                self._damaged(ValueError(f"{len(self._whole)} items, not {self._size}"))
        return self._whole

    def get(self, key: str, default: Any = None) -> Any:
        found = self._value(key)
        return default if found is _GONE else found

    def __getitem__(self, key: str) -> Any:
        found = self._value(key)
        if found is _GONE:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._value(key) is not _GONE

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        """The keys, in the order of :meth:`items`, read without their values."""
        if self._whole is not None:
            return iter(self._whole)
        self._kept()
        rows = self._db.execute(
            "SELECT key FROM (SELECT key, value IS NULL AS gone, max(since) FROM items"
            " WHERE first = ? AND second = ? AND part = ? AND since <= ? GROUP BY key)"
            " WHERE NOT gone ORDER BY key",
            (*self._where, self._where_at),
        ).fetchall()
        if len(rows) != self._size:
            self._damaged(ValueError(f"{len(rows)} items, not {self._size}"))
        return (key for (key,) in rows)

    def items(self) -> Any:
        return self._all().items()


#: Stands for a key not read yet.
_UNREAD = object()


def _state_of(
    changes: Iterable[bytes],
    items: Callable[[str, int], Mapping[str, Any]],
    *,
    lazy: bool,
    damaged: Callable[[Exception], NoReturn] = _raised,
) -> State:
    """The state the changes of its checkpoint and of every one before it make up, the items
    of each of its maps given by ``items`` (from the map's name and size); ``lazy``: its maps
    decode each item when it is read (:class:`~tracker._lazy.LazyMap`), and what it derives
    is read from the checkpoint rather than derived again; what an item found damaged only
    then raises goes to ``damaged`` (by default, raised)."""
    parts: dict[str, list[Any]] = {name: [] for name in _TUPLES}
    change: dict[str, Any] = {}
    for packed in changes:
        change = orjson.loads(zlib.decompress(packed))
        for name, kept in change["parts"].items():
            parts[name] = _rejoined(parts[name], kept)
    whole, derived, sizes = change["whole"], change["derived"], change["sizes"]
    stored = {name: items(name, sizes[name]) for name in _MAPS}
    if not lazy:
        return decode_checkpoint(
            {**whole, **parts, **{n: dict(m.items()) for n, m in stored.items()}}
        )
    state = decode_checkpoint({**whole, **parts})
    for name in _MAPS:
        read = functools.partial(_decoded_part, whole["dyad"], name, damaged)
        object.__setattr__(state, name, LazyMap(Stored(stored[name], read)))
    unlifted = Map({key: state.measures[key] for key in derived["unlifted"]})
    object.__setattr__(state, "unlifted", unlifted)
    for name in ("lifted_until", "first_effective"):
        object.__setattr__(state, name, date.fromisoformat(derived[name]))
    if derived["unlapsed"] is not None:
        unlapsed = tuple(state.pending[place] for place in derived["unlapsed"])
        object.__setattr__(state, "unlapsed", unlapsed)
        object.__setattr__(state, "unlapsed_from", date.fromisoformat(derived["unlapsed_from"]))
    return state


def _decoded_part(
    dyad: str, name: str, damaged: Callable[[Exception], NoReturn], items: dict[str, Any]
) -> Mapping[str, Any]:
    """Items of the map ``name`` of a state of ``dyad``, as a checkpoint encodes them, decoded;
    ``damaged`` takes what a damaged item raises."""
    try:
        part: Mapping[str, Any] = getattr(decode_checkpoint({"dyad": dyad, name: items}), name)
    except _DAMAGE as error:
        damaged(error)
    return part


#: How many rows of entries the index writes at a time as it reads new lines.
_BATCH = 10_000


def _lines(log: BinaryIO, start: int, stop: int) -> Iterator[bytes]:
    """The lines of the log from byte ``start`` to byte ``stop``, read one at a time; the last
    cut at ``stop``."""
    log.seek(start)
    while start < stop and (line := log.readline(stop - start)):
        start += len(line)
        yield line


def _read(log: BinaryIO, start: int, length: int) -> bytes:
    log.seek(start)
    return log.read(length)


def _open(where: Path) -> sqlite3.Connection | None:
    """The index at ``where``, or ``None`` when it is not one (corrupt, foreign)."""
    try:
        db = sqlite3.connect(f"{where.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)
        db.execute("SELECT key, value FROM meta").fetchall()
    except sqlite3.Error:
        return None
    return db


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=32).hexdigest()


def _extend(  # noqa: PLR0917 - the index, the log and where it stands
    db: sqlite3.Connection,
    path: Path,
    log: BinaryIO,
    now: os.stat_result,
    size: int,
    lines: int,
    every: int,
) -> bool:
    """Index the lines of the log after its first ``size`` bytes, up to its size in ``now``,
    and fold the checkpoints they change; ``False`` (nothing written) when a new line has a
    problem. The lines are read as a stream and their rows written in batches, and the dyads
    are folded one after the other, each from its rows: what is held is one dyad's state, not
    the log."""
    if now.st_size == size:
        return True
    decoding, rows = Decoding(path), []
    earliest: dict[Dyad, int] = {}  # each dyad's first day among the new lines
    kinds: dict[tuple[str, str, str], int] = {}  # how many new entries of each dyad and type
    start, indexed = size, lines
    db.execute("BEGIN IMMEDIATE")
    try:
        for number, line in enumerate(_lines(log, size, now.st_size), start=lines + 1):
            if not line.endswith(b"\n"):
                db.execute("ROLLBACK")
                return False
            if line.strip():
                entry = decoding.decode(number, line)
                if entry is None or not decoding.keep(number, entry):
                    db.execute("ROLLBACK")
                    return False
                dyad = entry.parties
                day, reported = entry.on.toordinal(), entry.reported.toordinal()
                rows.append(
                    (
                        number,
                        entry.id,
                        dyad.first,
                        dyad.second,
                        day,
                        reported,
                        start,
                        len(line),
                        entry.TYPE,
                    )
                )
                earliest[dyad] = min(earliest.get(dyad, day), day)
                kind = (dyad.first, dyad.second, entry.TYPE)
                kinds[kind] = kinds.get(kind, 0) + 1
                if len(rows) == _BATCH:
                    db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                    rows.clear()
            start += len(line)
            lines = number
        db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany(
            "INSERT INTO types VALUES (?, ?, ?, ?)"
            " ON CONFLICT (first, second, type) DO UPDATE SET count = count + excluded.count",
            [(*kind, count) for kind, count in kinds.items()],
        )
        for dyad, day in earliest.items():
            replay = IndexedReplay(path, log, db, dyad, every)
            _refold(replay, earliest=day, indexed=indexed)
        db.executemany(
            "UPDATE meta SET value = ? WHERE key = ?",
            [(value, key) for key, value in _ends(log, now, start, lines)],
        )
        db.execute("COMMIT")
    except sqlite3.IntegrityError:  # an id of the prefix used again: the cold path says where
        db.execute("ROLLBACK")
        return False
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return True


def _refold(replay: IndexedReplay, *, earliest: int, indexed: int) -> None:
    """Fold again the checkpoints of ``dyad`` after the first place a new entry takes: the
    entries before it are those of earlier days and of its day on the ``indexed`` lines."""
    place = replay._count("AND (day < ? OR (day = ? AND line <= ?))", earliest, earliest, indexed)
    number, base = replay._checkpoint(place // replay.every, lazy=False)
    dyad = replay.dyad
    gone = 0
    for table, column in (("checkpoints", "number"), ("items", "since")):
        gone += replay._db.execute(
            f"DELETE FROM {table} WHERE first = ? AND second = ? AND {column} > ?",
            (dyad.first, dyad.second, number),
        ).rowcount
    if gone:  # a state read lazily from a checkpoint after ``number`` may no longer read
        replay._db.execute(
            "INSERT INTO refolds (first, second, number) VALUES (?, ?, ?)",
            (dyad.first, dyad.second, number),
        )
    rows = replay._rows(number * replay.every, len(replay))
    entries = _decoded(replay._path, replay._log, rows)
    changes = _Changes(base)
    for offset, state in enumerate(checkpoints(entries, base, replay.every), 1):
        store_change(replay._db, dyad, number + offset, changes.after(state))


def indexed_dyads(path: Path) -> tuple[Dyad, ...] | None:
    """The dyads of the JSONL log at ``path`` in the order they first appear, read from its
    index brought up to date first; ``None`` when the log cannot be indexed."""
    opened = _opened(path, EVERY)
    if opened is None:
        return None
    log, db = opened
    with contextlib.closing(db), log:
        pairs = db.execute(
            "SELECT first, second FROM entries GROUP BY first, second ORDER BY min(line)"
        ).fetchall()
    return tuple(Dyad(first, second) for first, second in pairs)


def shared_replay(path: Path, dyad: Dyad, every: int = EVERY) -> IndexedReplay | None:
    """As :func:`indexed_replay`, through a connection that any thread may use, one at a time
    (the caller takes turns): a reader on worker threads asks from more than one."""
    replay = indexed_replay(path, dyad, every)
    if replay is None:
        return None
    replay._log.close()
    replay._db.close()
    where = index_path(path).resolve().as_uri()
    db = sqlite3.connect(
        f"{where}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    return IndexedReplay(path, path.open("rb"), db, dyad, every)


def replay_block(replay: IndexedReplay, start: int, stop: int) -> list[tuple[Any, ...]]:
    """Entries ``start`` to ``stop`` of the replay in the order it is folded: each one's id and
    type, its day and report day (as ordinals) and its line, first byte and length in the log."""
    return replay._db.execute(
        "SELECT id, type, day, reported, line, start, length FROM entries"
        " WHERE first = ? AND second = ? ORDER BY day, line LIMIT ? OFFSET ?",
        (replay.dyad.first, replay.dyad.second, max(stop - start, 0), start),
    ).fetchall()


def count_on_or_before(replay: IndexedReplay, day: int) -> int:
    """How many entries of the replay happened on or before ``day`` (an ordinal)."""
    return replay._count("AND day <= ?", day)


def replay_column(replay: IndexedReplay, name: str) -> list[Any]:
    """One column of the index (``type`` or ``reported``) for each entry of the replay, in the
    order it is folded."""
    if name not in {"type", "reported"}:
        msg = f"no column {name!r} to read for each entry"
        raise ValueError(msg)
    return [
        row[0]
        for row in replay._db.execute(
            f"SELECT {name} FROM entries WHERE first = ? AND second = ? ORDER BY day, line",
            (replay.dyad.first, replay.dyad.second),
        )
    ]


def replay_types(replay: IndexedReplay) -> dict[str, int]:
    """How many entries of each type the replay holds, as the index counts them while it
    indexes new lines (no entry's row is read)."""
    return dict(
        replay._db.execute(
            "SELECT type, count FROM types WHERE first = ? AND second = ? ORDER BY type",
            (replay.dyad.first, replay.dyad.second),
        ).fetchall()
    )


def nearest_checkpoint(replay: IndexedReplay, count: int) -> tuple[int, State]:
    """The stored state nearest before the replay's first ``count`` entries are folded, and how
    many of them it follows."""
    number, state = replay._checkpoint(count // replay.every)
    return number * replay.every, state
