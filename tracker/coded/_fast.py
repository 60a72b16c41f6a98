"""The fast way of headerless GDELT rows into a SQLite log: each row read in one pass straight
into the canonical JSON line of its ``coded_event`` (no entry object built), the lines inserted
in one transaction a batch.

A row the fast reader is not sure of (a cell with spaces around it, a code or day it has not
seen valid, a pair of parties no dyad takes) is left to the general reader, whose errors and
entries it then gets; a property test holds the two to byte-identical lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

import orjson

from tracker._entries import CodedEvent, Dyad
from tracker._errors import FieldError, LogError, Problem, shown
from tracker._sqlite import SqliteStore, held_lines
from tracker.coded._actors import ActorMap
from tracker.coded._codes import plover_of
from tracker.coded._gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS
from tracker.coded._rows import RowError, cameo_code

__all__ = ["FastGdelt", "Ready", "Row", "append_rows"]

_QUADS = {"1": 1, "2": 2, "3": 3, "4": 4}


class Row(NamedTuple):
    """An entry as a SQLite log's row holds it, without its position: its indexed columns and
    its canonical line."""

    id: str
    type: str
    first: str
    second: str
    on: str
    reported: str
    line: bytes


class Ready(NamedTuple):
    """A row read the fast way: its actors as coded, their parties (``None``: mapped onto
    none; not looked up for a row with one actor), its key among the events, and its entry
    (``None`` when it is skipped before one is made)."""

    source: str
    target: str
    by: str | None
    to: str | None
    key: int
    row: Row | None


def _na(value: str) -> str:
    """A cell as the general reader takes it before stripping it: ``NA`` is empty."""
    return "" if value == "NA" else value


def _cell(value: str) -> str | None:
    """A cell as the general reader takes it (``NA`` is empty), ``None`` if it would strip it."""
    if value == "NA":
        return ""
    return value if value == value.strip() else None


def _published(day: str, added: str) -> str | None:
    """DATEADDED (its day already read as ``day``) as the JSON of the time or day it says."""
    if len(added) == 8:
        return day
    clock = added[8:]
    if len(added) != 14 or not (clock.isascii() and clock.isdigit()):
        return None
    if int(clock[:2]) > 23 or int(clock[2:4]) > 59 or int(clock[4:]) > 59:
        return None
    return f"{day}T{clock[:2]}:{clock[2:4]}:{clock[4:]}"


def _goldstein(cell: str) -> float | bool | None:
    """GoldsteinScale's value (``None`` for none), ``False`` if the fast reader is unsure."""
    text = _cell(cell)
    if text is None:
        return False
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return False
    return value if -10.0 <= value <= 10.0 else False


class FastGdelt:
    """Headerless GDELT rows of one version read into :class:`Row`, with what they need
    remembered: days, CAMEO codes, actors' parties and pairs of parties."""

    def __init__(self, dataset: str, actors: ActorMap, outlet: str, home: str) -> None:
        columns = GDELT1_COLUMNS if dataset == "gdelt1" else GDELT2_COLUMNS
        at = {name: i for i, name in enumerate(columns)}
        self.dataset = dataset
        self.widths = (57, 58) if dataset == "gdelt1" else (61,)
        self.actors = actors
        self.outlet = outlet
        self.home = home
        self.url_at = at["SOURCEURL"]
        self.at = tuple(
            at[name]
            for name in (
                "GLOBALEVENTID",
                "SQLDATE",
                "DATEADDED",
                "EventCode",
                "QuadClass",
                "GoldsteinScale",
                "NumMentions",
                "Actor1Code",
                "Actor2Code",
                "Actor1KnownGroupCode",
                "Actor2KnownGroupCode",
                "Actor1CountryCode",
                "Actor2CountryCode",
            )
        )
        self.days: dict[str, tuple[date, str]] = {}
        self.codes: dict[str, str] = {}  # a valid CAMEO code: its PLOVER category
        self.parties: dict[tuple[str, str, str], str | None] = {}
        self.pairs: dict[tuple[str, str], Dyad | None] = {}

    def _day(self, text: str) -> tuple[date, str] | None:
        known = self.days.get(text)
        if known is not None:
            return known
        if len(text) != 8 or not (text.isascii() and text.isdigit()):
            return None
        try:
            day = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            return None
        self.days[text] = known = (day, day.isoformat())
        return known

    def _plover(self, code: str) -> str | None:
        known = self.codes.get(code)
        if known is None:
            try:
                known = plover_of(cameo_code(code, "EventCode"))
            except RowError:
                return None
            if code != code.strip():
                return None
            self.codes[code] = known
        return known

    def _party(self, code: str, group: str, country: str) -> str | None:
        key = (code, group, country)
        if key not in self.parties:
            self.parties[key] = self.actors.of_code(code, group, country)
        return self.parties[key]

    def _pair(self, by: str, to: str) -> Dyad | None:
        key = (by, to)
        if key not in self.pairs:
            try:
                self.pairs[key] = Dyad(by, to)
            except FieldError:
                self.pairs[key] = None
        return self.pairs[key]

    def read(self, cells: Sequence[str], dyad: Dyad | None) -> Ready | None:
        """The row of ``cells``, or ``None`` for the general reader to read (and report).

        The entry is made for a row of ``dyad`` (any, if ``None``) only: a row of another is
        skipped by the caller."""
        if len(cells) not in self.widths:
            return None
        at = self.at
        record = cells[at[0]]
        if not (record.isascii() and record.isdigit()):
            return None
        day = self._day(cells[at[1]])
        added = cells[at[2]]
        reported = self._day(added[:8])
        if day is None or reported is None or reported[0] < day[0]:
            return None
        published = _published(reported[1], added)
        if published is None:
            return None
        cameo = cells[at[3]]
        plover = self._plover(cameo)
        quad = _QUADS.get(cells[at[4]])
        if plover is None or quad is None:
            return None
        goldstein = _goldstein(cells[at[5]])
        if goldstein is False:
            return None
        mentions_text = _cell(cells[at[6]])
        if mentions_text is None:
            return None
        if mentions_text and not (mentions_text.isascii() and mentions_text.isdigit()):
            return None
        url = _cell(cells[self.url_at]) if len(cells) > self.url_at else ""
        source, target = _cell(cells[at[7]]), _cell(cells[at[8]])
        if url is None or source is None or target is None:
            return None
        key = (self.dataset, day[1], cameo, url) if url else (self.dataset, record)
        if not source or not target:
            return Ready(source, target, None, None, 0, None)
        by = self._party(source, _na(cells[at[9]]), _na(cells[at[11]]))
        to = self._party(target, _na(cells[at[10]]), _na(cells[at[12]]))
        if by is None or to is None or by == to:
            return Ready(source, target, by, to, 0, None)
        pair = self._pair(by, to)
        if pair is None:
            return None
        if dyad is not None and pair != dyad:
            return Ready(source, target, by, to, 0, None)
        identity = f"{self.dataset}-{record}"
        event: dict[str, object] = {
            "type": CodedEvent.TYPE,
            "v": CodedEvent.VERSION,
            "id": identity,
            "on": day[1],
            "reported": reported[1],
            "parties": f"{pair.first}-{pair.second}",
            "title": f"{source} {cameo} {target}",
            "by": by,
            "dataset": self.dataset,
            "record": record,
            "source_code": source,
            "target_code": target,
            "quad_class": quad,
            "cameo": cameo,
        }
        if goldstein is not None:
            event["goldstein"] = goldstein
        if plover:
            event["plover"] = plover
        if mentions_text and int(mentions_text):
            event["mentions"] = int(mentions_text)
        event["sources"] = [
            {"outlet": self.outlet, "published": published, "url": url or self.home}
        ]
        line = orjson.dumps(event)
        row = Row(identity, CodedEvent.TYPE, pair.first, pair.second, day[1], reported[1], line)
        return Ready(source, target, by, to, hash((*key, by, to)), row)


def append_rows(store: SqliteStore, rows: Sequence[Row]) -> int:
    """Append ``rows`` to ``store`` in one transaction; return how many were new. A row whose
    id the log holds with the same line is there already; with another line, a
    :class:`LogError` refuses the whole batch, as the store's own append does."""
    with store._writing() as db:  # the store's own write transaction
        db.execute("PRAGMA cache_size = -65536")  # 64 MiB: the indexes' pages stay in memory
        position: int = db.execute("SELECT coalesce(max(position), 0) FROM entries").fetchone()[0]
        known = held_lines(db, {row.id for row in rows})
        new: list[tuple[object, ...]] = []
        problems: list[Problem] = []
        for offset, row in enumerate(rows, start=1):
            held = known.get(row.id)
            if held is None:
                known[row.id] = row.line
                new.append((position + len(new) + 1, *row))
            elif held != row.line:
                reason = f"id {shown(row.id)} is in the log already, with other content"
                problems.append(Problem(str(store.path), position + offset, "id", reason))
        if problems:
            raise LogError(problems)
        db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new)
    return len(new)
