"""A dyad's entries written as coded event data: PLOVER records (JSONL) or CAMEO-coded rows
(tab-separated, with a header), which tracker and other event-data tools read back.

Curated entries are written with their type's codes, their acting party the source (the
first party for a joint act); coded events with their own codes and their actors as coded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import IO

import orjson

from tracker._entries import CodedEvent, Entry
from tracker.coded._codes import quad_of_cameo
from tracker.coded._plover import plover_record
from tracker.coded._rows import CodedRow, RowError, cameo_code, number, whole

__all__ = ["CAMEO_TSV_COLUMNS", "cameo_tsv_row", "write_cameo_tsv", "write_plover"]

#: The columns of a CAMEO-coded row, as the header names them.
CAMEO_TSV_COLUMNS = (
    "id",
    "date",
    "recorded",
    "dataset",
    "record",
    "source",
    "source_party",
    "target",
    "target_party",
    "cameo",
    "quad_class",
    "goldstein",
    "plover",
    "mentions",
    "story",
    "outlet",
    "url",
)


def _clean(text: str) -> str:
    """A value fit for one tab-separated cell: tabs and line breaks made spaces."""
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text


def _cells(entry: Entry) -> tuple[str, ...]:
    code = entry.event_code()
    source_party = entry.actor or entry.parties.first
    other = entry.parties
    target_party = other.second if source_party == other.first else other.first
    published = entry.sources[0].published
    recorded = (published or entry.reported).isoformat()
    urls = [source.url for source in entry.sources if source.url]
    own: tuple[str, ...]
    if isinstance(entry, CodedEvent):
        own = (
            entry.dataset,
            entry.record,
            entry.source_code,
            entry.target_code,
            str(entry.quad_class),
            "" if entry.goldstein is None else repr(entry.goldstein),
            entry.plover,
            str(entry.mentions),
            entry.story,
        )
    else:
        quad = str(quad_of_cameo(code.cameo)) if code.cameo else ""
        own = ("tracker", entry.id, source_party, target_party, quad, repr(code.goldstein))
        own = (*own, code.plover or "", "0", "")
    dataset, record, source, target, quad, goldstein, plover, mentions, story = own
    return tuple(
        _clean(cell)
        for cell in (
            entry.id,
            entry.on.period.start.isoformat(),
            recorded,
            dataset,
            record,
            source,
            source_party,
            target,
            target_party,
            code.cameo,
            quad,
            goldstein,
            plover,
            mentions,
            story,
            entry.sources[0].outlet,
            urls[0] if urls else "",
        )
    )


def write_cameo_tsv(entries: Iterable[Entry], out: IO[bytes]) -> int:
    """Write the header and one row an entry with a CAMEO code; return the rows written."""
    out.write("\t".join(CAMEO_TSV_COLUMNS).encode() + b"\n")
    written = 0
    for entry in entries:
        if not entry.event_code().cameo:
            continue  # a PLOVER-only record: no CAMEO row to write
        out.write("\t".join(_cells(entry)).encode() + b"\n")
        written += 1
    return written


def write_plover(entries: Iterable[Entry], out: IO[bytes]) -> int:
    """Write one PLOVER record a line; return the records written."""
    written = 0
    for entry in entries:
        out.write(orjson.dumps(plover_record(entry)) + b"\n")
        written += 1
    return written


def _moment(text: str, column: str) -> date:
    try:
        return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
    except ValueError:
        raise RowError(column=column, reason=f"{text!r} is not a day or an ISO 8601 time") from None


def cameo_tsv_row(fields: Sequence[str], index: Mapping[str, int]) -> CodedRow:
    """Read one CAMEO-coded row, as :func:`write_cameo_tsv` writes it."""

    def get(name: str) -> str:
        position = index.get(name)
        return fields[position].strip() if position is not None and position < len(fields) else ""

    cameo = cameo_code(get("cameo"), "cameo")
    quad = get("quad_class") or str(quad_of_cameo(cameo))
    if quad not in ("1", "2", "3", "4"):
        raise RowError(column="quad_class", reason=f"{quad!r} is not a quad class (1-4)")
    day = _moment(get("date"), "date")
    recorded = get("recorded")
    added = _moment(recorded, "recorded") if recorded else day
    goldstein = get("goldstein")
    record = get("record") or get("id")
    if not record:
        raise RowError(column="record", reason="empty")
    parties = (get("source_party"), get("target_party"))
    return CodedRow(
        dataset=get("dataset") or "cameo_tsv",
        record=record,
        day=day,
        added=added,
        source=get("source"),
        target=get("target"),
        quad_class=int(quad),
        key=(record,),
        cameo=cameo,
        goldstein=number(goldstein, "goldstein") if goldstein else None,
        plover=get("plover"),
        mentions=whole(get("mentions"), "mentions"),
        url=get("url"),
        story=get("story"),
        parties=parties if all(parties) else None,
        outlet=get("outlet"),
    )
