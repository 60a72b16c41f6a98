"""Event logs on disk, behind one protocol (:mod:`tracker._log`): a JSONL file (the default,
reviewable in git) or a SQLite database (for large logs; see :mod:`tracker._sqlite`).

Reading reports every bad entry (file, line, field, what is wrong) in one :class:`LogError`;
a log is never half-loaded. Appending validates first and writes all new entries in one
locked, flushed write, or nothing: what was in the log before stays as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import BinaryIO

import orjson
from attrs import frozen

from tracker._articles import ARTICLES, ArticleError, not_regular, read_article
from tracker._bulk import collector_paused
from tracker._codec import decode_entry, dumps_entry
from tracker._entries import Dyad, Entry
from tracker._errors import FieldError, LogError, Problem, StorageError, shown
from tracker._log import (
    Decoding,
    Log,
    Store,
    StoredEntries,
    backend_for,
    collected,
    open_for_writing,
    plan_append,
    unreadable,
)

__all__ = [
    "JsonlStore",
    "Repair",
    "append_entries",
    "bundled_log",
    "check_log",
    "open_store",
    "read_log",
]


def open_store(path: str | os.PathLike[str]) -> Store:
    """The store of the log at ``path``, of the backend its suffix names (SQLite for
    ``.sqlite``, ``.sqlite3`` and ``.db``, else JSONL). A path that holds anything but a regular
    file (a device, a FIFO, a folder) is refused with :class:`LogError`, before it is opened:
    reading it could wait or never end."""
    path = Path(path)
    with contextlib.suppress(OSError):  # a log not there yet is created by an append
        reason = not_regular(path.stat().st_mode)
        if reason is not None:
            raise unreadable(path, reason)
    return backend_for(path).store(path)


def bundled_log() -> Path:
    """The NATO–Russia log that ships with tracker."""
    packaged = resources.files("tracker") / "_events" / "nato-russia.jsonl"
    if packaged.is_file():
        return Path(str(packaged))
    # Working from a source checkout (an editable install): events/ is the source of truth.
    return Path(__file__).resolve().parent.parent / "events" / "nato-russia.jsonl"


def _scan_lines(decoding: Decoding, path: Path) -> Iterator[tuple[int, int, Entry]]:
    """Decode a JSONL log line by line (never the whole file in memory at once), yielding each
    entry kept with its line and the byte offset of its line; with the decoding's dyad, only
    the lines of that dyad are decoded and checked, as a database reads one by its index."""
    try:
        handle = _open_regular(path)
    except OSError as error:
        decoding.report(None, None, f"cannot read the log: {error.strerror or error}")
        return
    if isinstance(handle, str):
        decoding.report(None, None, f"cannot read the log: {handle}")
        return
    offset = 0
    with handle, collector_paused():
        for number, line in enumerate(handle, start=1):
            start, offset = offset, offset + len(line)
            if not line.endswith(b"\n"):
                reason = "the last line is incomplete (no final newline): `tracker repair` mends it"
                decoding.report(number, None, reason)
            if line.isspace():  # blank: only ASCII white space, as bytes.strip() takes it
                continue
            entry = decoding.decode(number, line)
            if entry is not None and decoding.keep(number, entry):
                yield number, start, entry


def _lines_at(path: Path) -> Callable[[Sequence[int]], Iterator[bytes]]:
    """What reads the lines of a JSONL log again by their byte offsets, the file opened once
    for each batch asked for."""

    def lines_at(offsets: Sequence[int]) -> Iterator[bytes]:
        if not offsets:
            return
        handle = _open_regular(path)
        if isinstance(handle, str):
            raise unreadable(path, handle)
        with handle:
            for offset in offsets:
                handle.seek(offset)
                yield handle.readline()

    return lines_at


def _open_regular(path: Path) -> BinaryIO | str:
    """``path`` opened for reading, or why it is not read when it is not a regular file:
    opened without waiting (a FIFO without a writer), then looked at before a byte is read."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    reason = not_regular(os.fstat(descriptor).st_mode)
    if reason is not None:
        os.close(descriptor)
        return reason
    os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")


@frozen
class Repair:
    """What mending a log did: the bytes it cut and where the whole original was kept, or the
    line of a whole last entry it gave its missing final newline (``completed``)."""

    path: Path
    backup: Path | None
    removed: bytes
    completed: int | None = None


#: How many names ``NAME.1.SUFFIX``, ``NAME.2.SUFFIX``... are tried for a new file.
_NAMES_TRIED = 1000


@contextlib.contextmanager
def _locked(path: Path, doing: str, *, create: bool) -> Iterator[int]:
    """The log open to append, under an exclusive lock that other writers wait for."""
    descriptor = open_for_writing(path, doing, create=create)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield descriptor
    finally:
        os.close(descriptor)  # and the lock with it


def _contents(descriptor: int, path: Path) -> bytes:
    try:
        with open(descriptor, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as error:
        raise StorageError.of(error, "read", path) from None


def _write_or_cut_back(descriptor: int, size: int, data: bytes, path: Path, doing: str) -> None:
    """Write ``data`` at the end of a file of ``size`` bytes and sync it to disk. If that fails
    part-way (a full disk, an interrupt), the file is cut back to ``size`` bytes and synced
    before the error goes on: it holds exactly what it held."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    except BaseException as error:
        try:
            os.ftruncate(descriptor, size)
            os.fsync(descriptor)
        except OSError as cut:
            msg = f"{_said(error, doing, path)}; cutting it back to its {size} bytes failed too: "
            raise StorageError(msg + str(StorageError.of(cut, "cut", path))) from None
        if isinstance(error, OSError):
            raise StorageError.of(error, doing, path) from None
        raise


def _said(error: BaseException, doing: str, path: Path) -> str:
    if isinstance(error, OSError):
        return str(StorageError.of(error, doing, path))
    return f"cannot {doing} {path}: interrupted"


def _whole_object(tail: bytes) -> bool:
    """Whether a last line without its newline is a whole JSON object, not a torn one."""
    try:
        return isinstance(orjson.loads(tail), dict)
    except orjson.JSONDecodeError:
        return False


def create_new(path: Path, mode: int = 0o666, *, named: Path | None = None) -> tuple[int, Path]:
    """Create a file at ``path``, or at ``NAME.1.SUFFIX``, ``NAME.2.SUFFIX``... if that is taken:
    exclusively, so never through a link planted at the name nor over another file. Errors
    name ``named``, the file it is written for, when given."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for attempt in range(_NAMES_TRIED):
        name = path if not attempt else path.with_name(f"{path.stem}.{attempt}{path.suffix}")
        try:
            return os.open(name, flags, mode & 0o777), name
        except FileExistsError:
            continue
        except OSError as error:
            raise StorageError.of(error, "create", named or name) from None
    msg = (
        f"cannot create {named or path}: it and {_NAMES_TRIED - 1} names made from it exist already"
    )
    raise StorageError(msg)


def _copy_to_new(data: bytes, path: Path, mode: int) -> Path:
    """A new file holding ``data``, synced, readable by no one the original was not."""
    descriptor, name = create_new(path, mode)
    try:
        _write_or_cut_back(descriptor, 0, data, name, "write")
    except BaseException:
        name.unlink(missing_ok=True)
        raise
    finally:
        os.close(descriptor)
    return name


def write_log(path: Path, entries: Iterable[Entry]) -> int:
    """Write ``entries`` to a new log at ``path`` (its kind by suffix); return how many. All or
    nothing: written to a file beside it, moved into place once whole, removed on failure."""
    descriptor, partial = create_new(
        path.with_name(f".{path.stem}.partial{path.suffix}"), named=path
    )
    os.close(descriptor)
    try:
        store, position, stream = open_store(partial), 0, iter(entries)
        while batch := list(itertools.islice(stream, 10_000)):
            position = store.append(batch, expected=position)
        _publish(partial, path)
    finally:
        for leftover in (partial, *(Path(f"{partial}{end}") for end in _SQLITE_FILES)):
            leftover.unlink(missing_ok=True)
    return position


#: The files SQLite may keep beside a database while it is open.
_SQLITE_FILES = ("-wal", "-shm", "-journal")


def _publish(partial: Path, path: Path) -> None:
    """Give the whole file ``partial`` its name ``path``, never over a file that took it."""
    try:
        os.link(partial, path)
    except FileExistsError:
        msg = f"cannot write {path}: it exists already"
        raise StorageError(msg) from None
    except OSError as error:  # a file system without hard links
        if os.path.lexists(path):
            raise StorageError.of(error, "write", path) from None
        try:
            partial.rename(path)
        except OSError as second:
            raise StorageError.of(second, "write", path) from None


#: An ``"id"`` key and its text as a JSON line spells it. What it finds is checked by decoding
#: the line, so text that only looks like an id is never taken for one.
_ID_KEY = re.compile(rb'"id"\s*:\s*"([^"\\]*)"')


class JsonlStore:
    """A log as a JSON Lines file: one canonical entry a line, appended under an exclusive lock."""

    __slots__ = ("path",)

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"JsonlStore({str(self.path)!r})"

    def read(self, dyad: Dyad | None = None, *, held: bool = True) -> Log:
        if held:
            return collected(self.path, self.scan(dyad))
        stored = StoredEntries(self.path, _lines_at(self.path))
        decoding = Decoding(self.path, dyad)
        for number, offset, entry in _scan_lines(decoding, self.path):
            stored.add(offset, number, entry)
        decoding.done()
        return Log(self.path, stored, stored.lines)

    def scan(self, dyad: Dyad | None = None) -> Iterator[tuple[int, Entry]]:
        decoding = Decoding(self.path, dyad)
        for number, _, entry in _scan_lines(decoding, self.path):
            yield number, entry
        decoding.done()

    def problems(self) -> tuple[Problem, ...]:
        decoding = Decoding(self.path)
        entries = list(_scan_lines(decoding, self.path))
        problems = decoding.problems
        folder = self.path.parent / ARTICLES
        if os.path.lexists(folder):
            texts: dict[str, str | ArticleError] = {}
            for number, _, entry in entries:
                problems.extend(_check_quotes(self.path, number, entry, folder, texts))
        return tuple(sorted(problems, key=lambda problem: problem.line or 0))

    def position(self) -> int:
        return self._index(self.path.read_bytes() if self.path.exists() else b"", ())[2]

    def append(self, entries: Iterable[Entry], *, expected: int | None = None) -> int:
        batch = list(entries)
        with _locked(self.path, "append to", create=True) as descriptor:
            raw = _contents(descriptor, self.path)
            torn, known, count = self._index(raw, {e.id for e in batch})
            if torn:
                reason = "the last line is incomplete: run `tracker repair` first"
                raise LogError([Problem(str(self.path), count + 1, None, reason)])
            new = plan_append(str(self.path), known, count, batch, expected)
            if new:
                data = b"".join(line + b"\n" for _, line in new)
                _write_or_cut_back(descriptor, len(raw), data, self.path, "append to")
            return count + len(new)

    def repair(self, backup: str | os.PathLike[str]) -> Repair:
        """Mend the last line: add the final newline a whole last entry lacks, or cut a torn
        line (a write killed midway) after copying the whole file to a new file named
        ``backup`` (``NAME.1.SUFFIX``, ``NAME.2.SUFFIX``... if taken). Bad lines elsewhere are
        not a tear: they are left for a person."""
        with _locked(self.path, "repair", create=False) as descriptor:
            raw = _contents(descriptor, self.path)
            if not raw or raw.endswith(b"\n"):
                return Repair(self.path, None, b"")
            keep = raw.rfind(b"\n") + 1
            line = raw[:keep].count(b"\n") + 1
            if _whole_object(raw[keep:]):
                _write_or_cut_back(descriptor, len(raw), b"\n", self.path, "repair")
                return Repair(self.path, None, b"", completed=line)
            if b"\r" in raw[keep:]:
                reason = (
                    "lines end with a carriage return alone, not a line feed: nothing was cut; "
                    "make the line ends LF, then repair again"
                )
                raise LogError([Problem(str(self.path), line, None, reason)])
            kept = _copy_to_new(raw, Path(backup), os.fstat(descriptor).st_mode)
            try:
                os.ftruncate(descriptor, keep)
                os.fsync(descriptor)
            except OSError as error:
                raise StorageError.of(error, "repair", self.path) from None
            return Repair(self.path, kept, raw[keep:])

    @staticmethod
    def _index(raw: bytes, ids: Iterable[str]) -> tuple[bool, dict[str, bytes], int]:
        """Whether the last line is torn, the line of each of ``ids`` already in the log, and
        how many complete lines there are: enough to append safely without decoding the log."""
        body = raw[: raw.rfind(b"\n") + 1]
        wanted = {entry_id.encode(): entry_id for entry_id in ids}
        known: dict[str, bytes] = {}
        if wanted:  # one pass over the log, however many entries are appended
            for match in _ID_KEY.finditer(body):
                entry_id = wanted.get(match[1])
                if entry_id is None or entry_id in known:
                    continue
                start = body.rfind(b"\n", 0, match.start()) + 1
                line = body[start : body.find(b"\n", match.end())]
                with contextlib.suppress(orjson.JSONDecodeError, AttributeError):
                    data = orjson.loads(line)
                    if data.get("id") == entry_id:
                        known[entry_id] = _canonical(data, line)
        return len(body) < len(raw), known, body.count(b"\n")


def _canonical(data: dict[str, object], line: bytes) -> bytes:
    """The canonical line of a stored entry (which a person may have spelled otherwise), or the
    line as it is when it holds no valid entry."""
    try:
        return dumps_entry(decode_entry(data))
    except FieldError:
        return line


def read_log(path: str | os.PathLike[str], *, held: bool = True) -> Log:
    """Read a whole log (JSONL or SQLite), or raise :class:`LogError` listing every bad entry.

    Not ``held``, every entry is decoded and checked, then only where it lies (its byte offset,
    its position in a database) is kept and it is read again when asked for
    (:class:`~tracker._log.StoredEntries`): a replay of such a log holds its states, not its
    entries."""
    store = open_store(path)
    return store.read() if held else store.read(held=False)  # a backend without held reads


def check_log(path: str | os.PathLike[str]) -> tuple[Problem, ...]:
    """Every problem of a log: bad entries, and quotes that the cited articles do not contain.

    Quotes are checked when the log has an ``articles/`` folder beside it.
    """
    return open_store(path).problems()


def _check_quotes(
    path: Path, number: int, entry: Entry, folder: Path, texts: dict[str, str | ArticleError]
) -> Iterator[Problem]:
    """The quotes of ``entry`` that its articles do not hold; ``texts`` keeps each article read
    (or why it is not). An article refused is never searched, so nothing is told of its file.
    A source cited by its address alone has no article and no quotes: nothing to check; an
    entry with no article at all has nothing its items' quotes could be checked against."""
    bundled = [(index, source) for index, source in enumerate(entry.sources) if source.article]
    if not bundled:
        return
    for name in {source.article for _, source in bundled}:
        if name not in texts:
            try:
                texts[name] = read_article(folder, name)
            except ArticleError as error:
                texts[name] = error
    cited = [text for _, source in bundled if isinstance(text := texts[source.article], str)]
    for index, source in bundled:
        text = texts[source.article]
        if isinstance(text, ArticleError):
            yield Problem(str(path), number, f"sources[{index}].article", text.reason)
            continue
        for position, quote in enumerate(source.quotes):
            if quote not in text:
                reason = f"not found verbatim in {source.article}: {shown(quote)}"
                yield Problem(str(path), number, f"sources[{index}].quotes[{position}]", reason)
    items: list[tuple[str, int | None, str]] = [
        *(("stances", index, s.quote) for index, s in enumerate(entry.stances)),
        *(("follow_ups", index, f.quote) for index, f in enumerate(entry.follow_ups)),
        *(("cooperation", index, c.quote) for index, c in enumerate(entry.cooperation)),
    ]
    planned = getattr(entry, "planned", None)
    if planned is not None:
        items.append(("planned", None, planned.quote))
    for name, place, quote in items:
        if not any(quote in text for text in cited):
            where = name if place is None else f"{name}[{place}]"
            yield Problem(
                str(path),
                number,
                f"{where}.quote",
                f"not found verbatim in any source: {shown(quote)}",
            )


def append_entries(
    path: str | os.PathLike[str], entries: Iterable[Entry], *, expected: int | None = None
) -> int:
    """Append entries to the log at ``path`` atomically; return its new position.

    See :meth:`Store.append`: validated first, refused whole on a conflict or a clash of ids,
    idempotent for entries already written.
    """
    return open_store(path).append(entries, expected=expected)
