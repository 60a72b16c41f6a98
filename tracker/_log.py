"""What every store shares, below the backends: the :class:`Log` read, the :class:`Store`
protocol, the planning of appends, the decode-or-report loop, and the registry that picks a
backend by the file's suffix.

The backends (:mod:`tracker._store` for JSONL, :mod:`tracker._sqlite`) import this module and
never each other, so that a new backend is one module and one :func:`register_backend` line.
"""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from enum import Enum
from importlib import import_module
from pathlib import Path
from typing import Any, Literal, Protocol, get_args, get_origin, get_type_hints, overload

import orjson
from attrs import fields, frozen, has

from tracker._articles import not_regular
from tracker._codec import dumps_entry
from tracker._compiled import read_line
from tracker._entries import Dyad, Entry
from tracker._errors import ConflictError, FieldError, LogError, Problem, StorageError, shown

__all__ = [
    "JSONL",
    "SQLITE",
    "Backend",
    "Decoding",
    "Log",
    "Store",
    "StoredEntries",
    "backend_for",
    "collected",
    "open_for_writing",
    "plan_append",
    "register_backend",
    "unreadable",
]


#: Texts no longer than this are shared: names (a forum, a level, an outlet, a party), which
#: recur; longer ones are prose (a title, a quote), which rarely does.
_SHORT = 40

#: How each record type shares its texts, written once a type (:func:`_sharer`).
_SHARERS: dict[type, Callable[[Any], None]] = {}


def _may_hold_text(hint: Any) -> bool:
    """Whether a field of this declared type may hold a text, a record or a tuple."""
    if hint in (int, float, bool, type(None), date, datetime) or hint is Dyad:
        return False
    if isinstance(hint, type):
        return (issubclass(hint, str) and not issubclass(hint, Enum)) or has(hint)
    arguments = get_args(hint)
    if get_origin(hint) is Literal or not arguments:
        return True
    return any(_may_hold_text(argument) for argument in arguments if argument is not Ellipsis)


def _sharer(cls: type) -> Callable[[Any], None]:
    """A function that shares the short texts of a record of ``cls`` in place, written out
    for its fields that may hold text (by their declared types; every field if they do not
    resolve), each a few operations: it runs on every entry read."""
    found = _SHARERS.get(cls)
    if found is not None:
        return found
    try:
        hints = get_type_hints(cls)
    except (NameError, TypeError):  # a type declared out of reach
        hints = {}
    lines = ["def share(value):"]
    for name in (f.name for f in fields(cls)):
        hint = hints.get(name, Any)
        if name == "id" or not _may_hold_text(hint):
            continue
        lines.append(f"    held = value.{name}")
        if hint is str:
            lines.append(f"    if held.__class__ is str and len(held) <= {_SHORT}:")
            lines.append(f"        put(value, {name!r}, intern(held))")
        else:
            lines.append("    if held is not None and held != ():")
            lines.append("        shared = shared_of(held)")
            lines.append(f"        if shared is not held: put(value, {name!r}, shared)")
    lines.append("    return None")
    scope: dict[str, Any] = {"put": object.__setattr__, "intern": sys.intern, "shared_of": _shared}
    exec("\n".join(lines), scope)
    made: Callable[[Any], None] = scope["share"]
    _SHARERS[cls] = made
    return made


def _shared(value: Any) -> Any:
    """``value`` with its short texts shared (:func:`sys.intern`): a text, a tuple (a new one
    only for one of texts), or a record (written in place, as its decode made it and before
    anything read it) and the records and tuples it holds."""
    kind = type(value)
    if kind is str:
        return sys.intern(value) if len(value) <= _SHORT else value
    if kind is tuple:
        if type(value[0]) is str:
            return tuple([sys.intern(t) if len(t) <= _SHORT else t for t in value])
        for item in value:
            _shared(item)
        return value
    if has(kind):
        _sharer(kind)(value)
    return value


def share_text(entry: Entry) -> Entry:
    """``entry`` as decoded, its texts made the one object of their value that every entry
    read so shares (a forum, a level, an outlet, a party named in a phrase...): the states of
    a replay keep these texts, the same few values over and over, once each."""
    _sharer(type(entry))(entry)
    return entry


def _same_day(day: date, kept: date) -> bool:
    """Whether ``day`` reads as ``kept`` in every way: the same day, class and precision."""
    return (
        day == kept
        and type(day) is type(kept)
        and getattr(day, "precision", None) is getattr(kept, "precision", None)
    )


#: The raw lines of a log at the given places (byte offsets in a file, positions in a
#: database), in the order asked.
LinesAt = Callable[[Sequence[int]], Iterator[bytes]]


class StoredEntries(Sequence[Entry]):
    """The entries of a log, read again from it whenever they are asked for: what is held of
    each is where it lies and what a replay sorts and finds it by (its dyad, day, report day
    and id), a few dozen bytes, never the entry; so a replay of a large log holds its states,
    not its entries. An entry read again is decoded and checked as at first; a line that no
    longer holds the entry first read there (the file rewritten since) is refused."""

    __slots__ = (
        "_by_dyad",
        "_places",
        "days",
        "ids",
        "lines",
        "lines_at",
        "parties",
        "path",
        "reported",
    )

    def __init__(self, path: Path, lines_at: LinesAt) -> None:
        self.path = path
        self.lines_at = lines_at
        self._places = array("q")
        self.lines = array("q")
        self.parties: list[Dyad] = []
        self.days: list[date] = []
        self.reported: list[date] = []
        self.ids: list[str] = []
        self._by_dyad: dict[Dyad, array[int]] | None = None

    def add(self, place: int, line: int, entry: Entry) -> None:
        """Keep where ``entry`` lies (``place`` for :attr:`lines_at`, ``line`` for messages)."""
        self._places.append(place)
        self.lines.append(line)
        self.parties.append(entry.parties)
        self.days.append(entry.on)
        self.reported.append(entry.reported)
        self.ids.append(entry.id)
        self._by_dyad = None

    def of(self, dyad: Dyad) -> Sequence[int]:
        """The indexes of the entries of ``dyad``, in the order written (sorted out once for
        every dyad, as machine integers, not an object each)."""
        if self._by_dyad is None:
            self._by_dyad = {}
            for index, parties in enumerate(self.parties):
                found = self._by_dyad.get(parties)
                if found is None:
                    found = self._by_dyad[parties] = array("q")
                found.append(index)
        return self._by_dyad.get(dyad, array("q"))

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...
    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        if isinstance(index, slice):
            return tuple(self.fetch(range(len(self))[index]))
        return self.fetch([range(len(self))[index]])[0]

    def __iter__(self) -> Iterator[Entry]:
        for start in range(0, len(self), _FETCHED):
            yield from self.fetch(range(start, min(start + _FETCHED, len(self))))

    def fetch(self, indexes: Sequence[int], *, share: bool = True) -> list[Entry]:
        """The entries at ``indexes``, read again from the log in one pass over it; their short
        texts shared (:func:`share_text`) unless not ``share``: what only a passing fold reads
        (the state at a date) is let go after it, and sharing would cost more than it saves."""
        raw = self.lines_at([self._places[index] for index in indexes])
        fetched = []
        for index, line in zip(indexes, raw, strict=True):
            entry: Entry | None = None
            try:
                entry = read_line(line)
            except FieldError as error:
                problem = error.reason
            except orjson.JSONDecodeError:
                problem = "not valid JSON"
            if entry is not None and entry.id != self.ids[index]:
                problem = f"it holds entry {shown(entry.id)}"
                entry = None
            if entry is None:
                reason = f"the line changed since the log was read: {problem}"
                raise LogError([Problem(str(self.path), self.lines[index], None, reason)])
            if share:
                share_text(entry)
            object.__setattr__(entry, "id", self.ids[index])  # the text held already
            for name, kept in (("on", self.days[index]), ("reported", self.reported[index])):
                if _same_day(getattr(entry, name), kept):
                    object.__setattr__(entry, name, kept)  # the day kept, not a copy of it
            fetched.append(entry)
        return fetched


#: How many entries iterating over :class:`StoredEntries` reads again at a time.
_FETCHED = 1024


@frozen
class Log:
    """The entries of a log in the order they were written, with the line (the position, in a
    database) of each. Its entries are held, or read again from the log when asked for
    (:class:`StoredEntries`, from ``read_log(path, held=False)``)."""

    path: Path
    entries: Sequence[Entry]
    lines: Sequence[int]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def dyads(self) -> tuple[Dyad, ...]:
        """The dyads the log speaks of, in the order they first appear."""
        if isinstance(self.entries, StoredEntries):
            return tuple(dict.fromkeys(self.entries.parties))
        return tuple(dict.fromkeys(entry.parties for entry in self.entries))

    def line_of(self, entry_id: str) -> int:
        """The line the entry with this id stands on."""
        if isinstance(self.entries, StoredEntries):
            ids: Iterable[str] = self.entries.ids
        else:
            ids = (entry.id for entry in self.entries)
        for found, line in zip(ids, self.lines, strict=True):
            if found == entry_id:
                return line
        msg = f"no entry {shown(entry_id)} in {self.path}"
        raise KeyError(msg)


class Store(Protocol):
    """Where a log lives: read whole, appended to, never rewritten."""

    path: Path

    def read(self, dyad: Dyad | None = None, *, held: bool = True) -> Log:
        """Every entry in the order written, or with ``dyad`` only that dyad's (the only ones
        read and checked); :class:`LogError` lists every bad one. Not ``held``, the entries
        are read again from the log when asked for (:class:`StoredEntries`)."""
        ...

    def scan(self, dyad: Dyad | None = None) -> Iterator[tuple[int, Entry]]:
        """What :meth:`read` reads, as ``(line, entry)``, each as soon as it is decoded, in
        constant memory; at the end, :class:`LogError` lists every bad entry met."""
        ...

    def problems(self) -> tuple[Problem, ...]:
        """Every problem of the log, without raising."""
        ...

    def position(self) -> int:
        """The position of the end of the log: its number of lines (rows in a database)."""
        ...

    def append(self, entries: Iterable[Entry], *, expected: int | None = None) -> int:
        """Append ``entries`` atomically and return the new position.

        ``expected`` is the position the caller last saw: if another writer moved it, nothing is
        written and :class:`ConflictError` is raised. An entry whose id is in the log already
        with the same content is skipped, so a retried append is harmless; the same id with
        other content is refused.
        """
        ...


@frozen
class Backend:
    """A kind of store: its name, the file suffixes it claims, and where its class lives
    (imported only when a log of its kind is opened)."""

    name: str
    suffixes: tuple[str, ...]
    module: str
    cls: str

    def store(self, path: Path) -> Store:
        """The store of this kind for the log at ``path``."""
        made: Store = getattr(import_module(self.module), self.cls)(path)
        return made


#: The backends by name; the first is the default, for a suffix no other claims.
_BACKENDS: dict[str, Backend] = {}


def register_backend(backend: Backend) -> Backend:
    """Add a kind of store; the suffixes it claims are its own from then on."""
    taken = [s for other in _BACKENDS.values() for s in other.suffixes if s in backend.suffixes]
    if taken or backend.name in _BACKENDS:
        msg = f"backend {backend.name!r} claims a name or suffix taken already: {taken}"
        raise ValueError(msg)
    _BACKENDS[backend.name] = backend
    return backend


def backend_for(path: str | os.PathLike[str]) -> Backend:
    """The backend of the log at ``path``, by its suffix (the default one for any other)."""
    suffix = Path(path).suffix
    default = next(iter(_BACKENDS.values()))
    return next((b for b in _BACKENDS.values() if suffix in b.suffixes), default)


#: JSON Lines, the default: reviewable in git.
JSONL = register_backend(Backend("jsonl", (".jsonl",), "tracker._store", "JsonlStore"))
#: A SQLite database, for logs too large to scan.
SQLITE = register_backend(
    Backend("sqlite", (".sqlite", ".sqlite3", ".db"), "tracker._sqlite", "SqliteStore")
)


def plan_append(
    store: str,
    known: dict[str, bytes],
    position: int,
    entries: Iterable[Entry],
    expected: int | None,
) -> list[tuple[str, bytes]]:
    """The entries to write, as ``(id, canonical line)``: checked against what the log holds.

    ``known`` maps each id in the log to its canonical line. Shared by every store so that they
    agree on conflicts and retries.
    """
    new: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    batch: dict[str, bytes] = {}
    for offset, entry in enumerate(entries, start=1):
        line = dumps_entry(entry)
        held = known.get(entry.id, batch.get(entry.id))
        if held is None:
            batch[entry.id] = line
            new.append((entry.id, line))
        elif held != line:
            reason = f"id {shown(entry.id)} is in the log already, with other content"
            problems.append(Problem(store, position + offset, "id", reason))
    if problems:
        raise LogError(problems)
    if new and expected is not None and expected != position:
        msg = f"{store}: expected the log at position {expected}, but it is at {position}"
        raise ConflictError(msg)
    return new


class Decoding:
    """The decode-or-report loop of a read: each stored line decoded into an entry, or a
    :class:`Problem` naming its file, line (position) and field; ids checked to be unique.

    ``where`` says how a line is named in a message (``line``, ``position``). Only the ids
    seen are held, never the entries, so that a log can be streamed.
    """

    __slots__ = ("_first", "dyad", "problems", "source", "where")

    def __init__(self, source: Path, dyad: Dyad | None = None, *, where: str = "line") -> None:
        self.source = str(source)
        self.dyad = dyad
        self.where = where
        self.problems: list[Problem] = []
        self._first: dict[str, int] = {}

    def report(self, number: int | None, field: str | None, reason: str) -> None:
        """Record a problem of line ``number`` (``None``: of the whole log)."""
        self.problems.append(Problem(self.source, number, field, reason))

    def decode(self, number: int, line: bytes | memoryview) -> Entry | None:
        """The entry on line ``number``, or ``None`` (and a problem reported) if it is bad, or if
        it is surely of another dyad than the one read."""
        try:
            return read_line(line, self.dyad)
        except orjson.JSONDecodeError as error:
            self.report(number, None, f"not valid JSON: {error}")
        except FieldError as error:
            self.report(number, error.path or None, error.reason)
        return None

    def keep(self, number: int, entry: Entry, *, valid: bool = True) -> bool:
        """Whether to keep a decoded entry: ``valid``, of the dyad read, and the first with its
        id (else a problem is reported); an id is taken by its first line either way."""
        first = self._first.setdefault(entry.id, number)
        if first != number:
            reason = f"duplicate id {shown(entry.id)}, first used {self._at(first)}"
            self.report(number, "id", reason)
            return False
        return valid and (self.dyad is None or entry.parties == self.dyad)

    def _at(self, number: int) -> str:
        return f"on line {number}" if self.where == "line" else f"at position {number}"

    def done(self) -> None:
        """Raise :class:`LogError` listing every problem, if there were any."""
        if self.problems:
            raise LogError(self.problems)


def collected(path: Path, scanned: Iterable[tuple[int, Entry]]) -> Log:
    """The :class:`Log` of what a store's scan yields (which raises at its end if the log has
    problems: a log is never half-loaded), the entries it holds sharing their texts."""
    kept = [(line, share_text(entry)) for line, entry in scanned]  # shared as read: the peak
    return Log(path, tuple(e for _, e in kept), tuple(n for n, _ in kept))


def unreadable(path: Path, reason: str) -> LogError:
    """The error of a log that cannot be read at all."""
    return LogError([Problem(str(path), None, None, f"cannot read the log: {reason}")])


#: Open a log to append to it: reading it too (to find its ids), never waiting for a writer
#: (a FIFO) or making a terminal ours.
_APPEND = os.O_RDWR | os.O_APPEND | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


def open_for_writing(path: Path, doing: str, *, create: bool) -> int:
    """A descriptor of the regular file at ``path``, open to read and append (created if
    ``create``); else a :class:`StorageError` naming the file and why (``doing`` it)."""
    try:
        descriptor = os.open(path, _APPEND | (os.O_CREAT if create else 0), 0o666)
    except OSError as error:
        raise StorageError.of(error, doing, path) from None
    reason = not_regular(os.fstat(descriptor).st_mode)
    if reason is not None:
        os.close(descriptor)
        msg = f"cannot {doing} {path}: {reason}"
        raise StorageError(msg)
    os.set_blocking(descriptor, True)
    return descriptor
