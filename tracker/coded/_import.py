"""Coded event data read into a log, streaming: rows mapped onto parties, duplicates merged,
every row accounted for.

An event is told from another by a documented key: for GDELT, the day, the event code, the
article (SOURCEURL) and the two parties, since one article is coded into many rows (rows
without an article, before April 2013, are each their own event); for ICEWS, the Event ID with
the Event Date, a visit and its hosting in one sentence being one event; for PLOVER and
CAMEO-coded rows, the record's id. A later row of a key already seen is merged into the first.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO

import attrs
import orjson

from tracker._articles import not_regular
from tracker._codec import dumps_entry
from tracker._entries import CodedEvent, Dyad, Source
from tracker._errors import FieldError, Problem
from tracker._sqlite import SqliteStore
from tracker._store import append_entries, open_store
from tracker.coded._actors import ActorMap, default_actors
from tracker.coded._codes import plover_of
from tracker.coded._export import CAMEO_TSV_COLUMNS, cameo_tsv_row
from tracker.coded._fast import FastGdelt, Row, append_rows
from tracker.coded._gdelt import gdelt_row, gdelt_version
from tracker.coded._icews import ICEWS_COLUMNS, icews_row
from tracker.coded._plover import NotAnEvent, plover_rows
from tracker.coded._rows import CodedRow, RowError

__all__ = ["FORMATS", "BadRows", "ImportReport", "detect_format", "import_coded"]

#: The formats read, by name.
FORMATS = ("gdelt1", "gdelt2", "icews", "plover", "cameo-tsv")

#: Who publishes each dataset, and where its records are described when a row has no URL.
_OUTLETS = {
    "gdelt1": ("GDELT 1.0 event table", "https://www.gdeltproject.org/"),
    "gdelt2": ("GDELT 2.0 event table", "https://www.gdeltproject.org/"),
    "icews": ("ICEWS coded event data", "https://doi.org/10.7910/DVN/28075"),
    "plover": ("PLOVER event records", "https://github.com/openeventdata/PLOVER"),
}
_DEFAULT_OUTLET = ("Coded event data", "https://github.com/openeventdata/PLOVER")
_UNSAFE_ID = re.compile(r"[^a-z0-9._-]+")

#: Why a row read was not kept.
ONE_ACTOR = "one actor only: no pair to follow"
UNMAPPED = "an actor maps onto no party"
SAME_PARTY = "both actors are one party"
OTHER_DYAD = "another dyad than the one asked for"
BAD = "bad row"


@attrs.define
class ImportReport:
    """What an import did: rows read, events kept (new in the log), rows merged into an event
    already read, events already in the log, rows skipped by reason, the actors no party
    claims (with how many rows each), and the bad rows."""

    read: int = 0
    kept: int = 0
    merged: int = 0
    present: int = 0
    skipped: Counter[str] = attrs.field(factory=Counter)
    unmapped: Counter[str] = attrs.field(factory=Counter)
    bad: list[Problem] = attrs.field(factory=list)
    formats: dict[str, str] = attrs.field(factory=dict)

    def lines(self, top: int = 10) -> list[str]:
        """The report as lines for people."""
        out = [
            f"{self.read} rows read: {self.kept} events kept, {self.merged} rows merged into "
            f"an event read before, {self.present} events already in the log, "
            f"{sum(self.skipped.values())} rows skipped"
        ]
        out += [f"  skipped: {count} rows: {why}" for why, count in self.skipped.most_common()]
        if self.unmapped:
            codes = ", ".join(f"{code} ({n})" for code, n in self.unmapped.most_common(top))
            more = len(self.unmapped) - top
            more_text = f", {more} more" if more > 0 else ""
            out.append(f"  actors mapped onto no party: {codes}{more_text}")
        return out

    def as_json(self) -> dict[str, object]:
        """The report as a JSON object."""
        return {
            "formats": self.formats,
            "read": self.read,
            "kept": self.kept,
            "merged": self.merged,
            "already_in_log": self.present,
            "skipped": dict(self.skipped),
            "unmapped": dict(self.unmapped.most_common()),
            "bad": [str(problem) for problem in self.bad],
        }


class BadRows(ValueError):
    """Rows that could not be read, and the report of what was imported before them."""

    def __init__(self, problems: Sequence[Problem], report: ImportReport) -> None:
        self.problems = tuple(problems)
        self.report = report
        super().__init__("\n".join(map(str, problems)))


def _split(line: bytes) -> list[str]:
    return line.decode("utf-8", "replace").rstrip("\r\n").split("\t")


def detect_format(first: bytes) -> tuple[str, bool] | None:
    """The format a file's first line says (and whether it is a header), else ``None``."""
    if first.strip().startswith((b"{", b"[")):
        return ("plover", False)
    fields = _split(first)
    if fields[: len(ICEWS_COLUMNS)] == list(ICEWS_COLUMNS):
        return ("icews", True)
    if fields[:2] == list(CAMEO_TSV_COLUMNS[:2]):
        return ("cameo-tsv", True)
    if b"GLOBALEVENTID" in first:
        return ("gdelt2" if b"ADM2Code" in first else "gdelt1", True)
    version = gdelt_version(len(fields))
    return None if version is None else (version, False)


#: A row read, why it could not be, or a headerless GDELT row's cells, which the importer reads.
Parsed = CodedRow | RowError | NotAnEvent | list[str]
#: The rows of a file, each with its line.
Rows = Iterator[tuple[int, Parsed]]


Reader = Callable[[list[str]], CodedRow]


def _delimited(lines: Iterator[bytes], read: Reader) -> Rows:
    for number, line in enumerate(lines, start=2):
        if line.strip():
            yield _one(number, read, _split(line))


def _one(number: int, read: Reader, fields: list[str]) -> tuple[int, CodedRow | RowError]:
    try:
        return number, read(fields)
    except RowError as error:
        return number, error


def _records(number: int, record: object) -> Rows:
    try:
        rows = list(plover_rows(record))
    except (RowError, NotAnEvent) as error:
        yield number, error
        return
    yield from ((number, row) for row in rows)


def _rows(path: Path, handle: IO[bytes], dataset: str | None) -> tuple[str, Rows]:
    first = handle.readline().removeprefix(b"\xef\xbb\xbf")  # a byte-order mark says nothing
    if not first:  # an empty file: nothing to read
        return dataset or "empty", iter(())
    detected = detect_format(first)
    if dataset is None:
        if detected is None:
            msg = f"{path}: cannot tell its format from its first line: give --format"
            raise ValueError(msg)
        dataset = detected[0]
    header = detected is not None and detected[1]
    if dataset == "plover":
        return dataset, _plover(first, handle)
    if dataset in ("icews", "cameo-tsv"):
        if not header:
            msg = f"{path}: {dataset} files begin with a header line naming their columns"
            raise ValueError(msg)
        index = {name: i for i, name in enumerate(_split(first))}
        if dataset == "icews":
            missing = [name for name in ICEWS_COLUMNS if name not in index]
            if missing:
                msg = f"{path}:1: the header lacks {', '.join(missing)}"
                raise ValueError(msg)
            return dataset, _delimited(iter(handle), lambda fields: icews_row(fields, index))
        return dataset, _delimited(iter(handle), lambda fields: cameo_tsv_row(fields, index))
    if header:
        return dataset, _gdelt_with_header(first, handle, dataset)
    return dataset, _gdelt(first, handle)


def _gdelt(first: bytes, handle: IO[bytes]) -> Rows:
    yield 1, _split(first)
    for number, line in enumerate(handle, start=2):
        if line.strip():
            yield number, _split(line)


def _gdelt_with_header(first: bytes, handle: IO[bytes], dataset: str) -> Rows:
    """A re-exported table: quoted cells, a header naming the columns (tab or comma)."""
    delimiter = "\t" if b"\t" in first else ","
    text = io.TextIOWrapper(handle, encoding="utf-8", errors="replace", newline="")
    header = next(csv.reader([first.decode("utf-8", "replace")], delimiter=delimiter))
    index = {name.strip(): i for i, name in enumerate(header)}
    reader = csv.reader(text, delimiter=delimiter)

    def read(fields: list[str]) -> CodedRow:
        return gdelt_row(fields, dataset, index)

    for fields in reader:
        if fields:
            yield _one(reader.line_num + 1, read, fields)


def _plover(first: bytes, handle: IO[bytes]) -> Rows:
    if first.lstrip().startswith(b"["):  # one JSON array
        try:
            records = orjson.loads(first + handle.read())
        except orjson.JSONDecodeError as error:
            yield 1, RowError(column="record", reason=f"not valid JSON: {error}")
            return
        if not isinstance(records, list):
            yield 1, RowError(column="record", reason="a JSON array of records was expected")
            return
        for number, record in enumerate(records):  # told by place in the array, not line
            for _, parsed in _records(number, record):
                placed = parsed
                if isinstance(parsed, RowError):
                    placed = RowError(column=f"[{number}].{parsed.column}", reason=parsed.reason)
                yield 0, placed
        return
    yield from _plover_line(1, first)
    for number, line in enumerate(handle, start=2):
        yield from _plover_line(number, line)


def _plover_line(number: int, line: bytes) -> Rows:
    if not line.strip():
        return
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        yield number, RowError(column="record", reason=f"not valid JSON: {error}")
        return
    yield from _records(number, record)


def _party(actors: ActorMap, row: CodedRow, source: bool) -> str | None:
    if row.named:
        if source:
            return actors.of_name(row.source, row.source_sectors, row.source_country)
        return actors.of_name(row.target, row.target_sectors, row.target_country)
    if source:
        return actors.of_code(row.source, row.source_group, row.source_country)
    return actors.of_code(row.target, row.target_group, row.target_country)


def _event_id(row: CodedRow) -> str:
    """``DATASET-RECORD``; a record whose id is not all lower-case letters, digits, ``.``, ``_``
    and ``-`` is written so, with a digest of itself, so that two such ids never clash."""
    plain = f"{row.dataset}-{row.record}"
    safe = _UNSAFE_ID.sub("-", plain.lower()).strip("-._")
    if safe == plain:
        return safe
    digest = hashlib.blake2b(row.record.encode(), digest_size=4).hexdigest()
    return f"{safe}-{digest}"


def _event(row: CodedRow, by: str, target: str) -> CodedEvent:
    outlet, home = _OUTLETS.get(row.dataset, _DEFAULT_OUTLET)
    reported = row.added.date() if isinstance(row.added, datetime) else row.added
    code = row.cameo or row.plover
    return CodedEvent(
        id=_event_id(row),
        on=row.day,
        reported=reported,
        parties=Dyad(by, target),
        title=f"{row.source} {code} {row.target}",
        sources=(Source(outlet=row.outlet or outlet, url=row.url or home, published=row.added),),
        by=by,
        dataset=row.dataset.replace("-", "_"),
        record=row.record,
        source_code=row.source,
        target_code=row.target,
        quad_class=row.quad_class,
        cameo=row.cameo,
        goldstein=row.goldstein,
        plover=row.plover or (plover_of(row.cameo) if row.cameo else ""),
        mentions=row.mentions,
        story=row.story,
    )


@attrs.define
class _Importer:
    log: Path
    actors: ActorMap
    dyad: Dyad | None
    skip_bad: bool
    batch_size: int
    store: SqliteStore | None = None  #: a SQLite log, written the fast way
    report: ImportReport = attrs.field(factory=ImportReport)
    seen: set[int] = attrs.field(factory=set)
    batch: list[CodedEvent] = attrs.field(factory=list)
    rows: list[Row] = attrs.field(factory=list)  #: the batch, when written the fast way
    position: int = 0
    dataset: str = ""  #: the format of the file being read
    fast: FastGdelt | None = None  #: its fast reader, if it has one

    def reading(self, dataset: str) -> None:
        """Read a file of ``dataset`` next: the fast way if it has one and the log is SQLite."""
        self.dataset = dataset
        self.fast = None
        if self.store is not None and dataset in ("gdelt1", "gdelt2"):
            self.fast = FastGdelt(dataset, self.actors, *_OUTLETS[dataset])

    def take(self, path: Path, number: int, parsed: Parsed) -> None:
        if isinstance(parsed, list):
            if self.fast is not None and self.took_fast(parsed):
                return
            parsed = _one(number, self.gdelt, parsed)[1]
        report = self.report
        report.read += 1
        if isinstance(parsed, NotAnEvent):
            report.skipped[f"not an event: {parsed}"] += 1
            return
        if isinstance(parsed, RowError):
            self.bad(Problem(str(path), number or None, parsed.column, parsed.reason))
            return
        row = parsed
        by, target = row.parties or (
            _party(self.actors, row, True),
            _party(self.actors, row, False),
        )

        if not row.source or not row.target:
            report.skipped[ONE_ACTOR] += 1
            return
        if by is None or target is None:
            for code, party in ((row.source, by), (row.target, target)):
                if party is None:
                    report.unmapped[code] += 1
            report.skipped[UNMAPPED] += 1
            return
        if by == target:
            report.skipped[SAME_PARTY] += 1
            return
        try:
            dyad = Dyad(by, target)
        except FieldError as error:
            self.bad(Problem(str(path), number, "actor", error.reason))
            return
        if self.dyad is not None and dyad != self.dyad:
            report.skipped[OTHER_DYAD] += 1
            return
        parties = (target, by) if row.mirrored else (by, target)
        key = hash((row.dataset, *row.key, *parties))
        if key in self.seen:
            report.merged += 1
            return
        try:
            event = _event(row, by, target)
        except FieldError as error:
            self.bad(Problem(str(path), number, error.path or None, error.reason))
            return
        self.seen.add(key)
        if self.store is None:
            self.batch.append(event)
        else:
            on, reported = event.on.isoformat(), event.reported.isoformat()
            first, second = event.parties.first, event.parties.second
            line = dumps_entry(event)
            self.rows.append(Row(event.id, event.TYPE, first, second, on, reported, line))
        if len(self.batch) + len(self.rows) >= self.batch_size:
            self.flush()

    def gdelt(self, cells: list[str]) -> CodedRow:
        return gdelt_row(cells, self.dataset)

    def took_fast(self, cells: list[str]) -> bool:
        """Take a headerless GDELT row the fast way, as :meth:`take` would; ``False`` (nothing
        done) for a row the fast reader leaves to the general one."""
        assert self.fast is not None
        ready = self.fast.read(cells, self.dyad)
        if ready is None:
            return False
        report = self.report
        report.read += 1
        if not ready.source or not ready.target:
            report.skipped[ONE_ACTOR] += 1
        elif ready.by is None or ready.to is None:
            for code, party in ((ready.source, ready.by), (ready.target, ready.to)):
                if party is None:
                    report.unmapped[code] += 1
            report.skipped[UNMAPPED] += 1
        elif ready.by == ready.to:
            report.skipped[SAME_PARTY] += 1
        elif ready.row is None:
            report.skipped[OTHER_DYAD] += 1
        elif ready.key in self.seen:
            report.merged += 1
        else:
            self.seen.add(ready.key)
            self.rows.append(ready.row)
            if len(self.rows) >= self.batch_size:
                self.flush()
        return True

    def bad(self, problem: Problem) -> None:
        self.report.bad.append(problem)
        self.report.skipped[BAD] += 1
        if not self.skip_bad:
            raise BadRows([problem], self.report)

    def flush(self) -> None:
        if self.rows and self.store is not None:
            new = append_rows(self.store, self.rows)
            self.report.kept += new
            self.report.present += len(self.rows) - new
            self.rows = []
        if not self.batch:
            return
        after = append_entries(self.log, self.batch)
        self.report.kept += after - self.position
        self.report.present += len(self.batch) - (after - self.position)
        self.position = after
        self.batch = []


@contextmanager
def _opened(path: Path) -> Iterator[tuple[IO[bytes], int, float]]:
    """The file's bytes, its size on disk, and the size on disk of one byte read: a ``.zip``
    (as GDELT publishes its files) is read from its one member, uncompressed as it goes."""
    status = os.stat(path)
    kind = not_regular(status.st_mode)
    if kind is not None:
        msg = f"{path}: cannot read coded data: {kind}"
        raise ValueError(msg)
    size = status.st_size
    if path.suffix.lower() != ".zip":
        with path.open("rb") as handle:
            yield handle, size, 1.0
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        msg = f"{path}: not a zip file: {error}"
        raise ValueError(msg) from None
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) != 1:
            msg = f"{path}: a zip of coded data holds one file, not {len(members)}"
            raise ValueError(msg)
        with archive.open(members[0]) as handle:
            yield handle, size, size / max(members[0].file_size, 1)


def import_coded(
    paths: Sequence[Path],
    log: Path,
    *,
    dataset: str | None = None,
    dyad: Dyad | None = None,
    actors: ActorMap | None = None,
    skip_bad: bool = False,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 10_000,
) -> ImportReport:
    """Read coded event files into ``log``, streaming, in batches of ``batch_size`` events.

    ``dataset`` is one of :data:`FORMATS` (by default, told by each file's first line);
    ``dyad`` keeps that pair's events only; ``actors`` maps actors onto parties (by default,
    the bundled ``parties.toml``); ``progress`` is told the bytes read so far. A bad row raises
    :class:`BadRows` (what was read before it is in the log), unless ``skip_bad``: then every
    bad row is reported and the rest imported.
    """
    if dataset is not None and dataset not in FORMATS:
        msg = f"unknown format {dataset!r} (choose from {', '.join(FORMATS)})"
        raise ValueError(msg)
    store = open_store(log)
    importer = _Importer(log, actors or default_actors(), dyad, skip_bad, batch_size)
    importer.position = store.position() if log.exists() else 0
    if isinstance(store, SqliteStore):
        importer.store = store
    done = 0
    try:
        for path in paths:
            with _opened(path) as (handle, size, scale):
                name, rows = _rows(path, handle, dataset)
                importer.report.formats[str(path)] = name
                importer.reading(name)
                for number, parsed in rows:
                    importer.take(path, number, parsed)
                    if progress is not None and importer.report.read % 4096 == 0:
                        read = size if handle.closed else int(handle.tell() * scale)
                        progress(done + read)
                done += size
    finally:
        importer.flush()
    if progress is not None:
        progress(done)
    return importer.report
