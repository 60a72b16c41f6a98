"""PLOVER event records: JSON objects, one a line (JSONL) or in one array.

A record names its ``actor`` and ``recipient`` as lists of entities (``code`` with a
``sector``), its ``event`` category (a list, or one string in older records), and optionally
its ``quad_code`` and ``event_scale``; older records (the gold-standard records) say ``source``
and ``target``. Records with more than one actor and recipient are one event per pair.
Fields beyond PLOVER's own (``cameo``, ``dataset``, ``record``, ``mentions``, ``recorded``)
carry what tracker writes of a coded event, so that it reads its own records back whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from tracker._entries import CodedEvent, Entry
from tracker.coded._codes import plover_category, quad_of_cameo, quad_of_plover
from tracker.coded._rows import CodedRow, RowError, cameo_code, number, whole

__all__ = ["NotAnEvent", "plover_record", "plover_rows"]


class NotAnEvent(ValueError):
    """A record that codes no event between two actors (documentation, no recipient)."""


def _entities(value: Any, column: str) -> list[dict[str, Any]]:
    if value in (None, "", []):
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise RowError(column=column, reason="must be a list of entity objects")
    return value


def _code(entity: dict[str, Any], column: str) -> str:
    code = entity.get("code", "")
    sector = entity.get("sector", "")
    if not isinstance(code, str) or not isinstance(sector, str) or not code.strip():
        raise RowError(column=f"{column}.code", reason="an entity needs its code as text")
    return f"{code.strip()}{sector.strip()}"


def _text_of(record: dict[str, Any], key: str) -> str:
    value = record.get(key, "")
    if not isinstance(value, str | int):
        raise RowError(column=key, reason="must be text")
    return str(value).strip()


def _days(record: dict[str, Any]) -> tuple[date, date]:
    """The day of the event, and the day or time it was recorded (by default, the same)."""
    try:
        day = date.fromisoformat(_text_of(record, "date"))
    except ValueError:
        raise RowError(column="date", reason="not a day as YYYY-MM-DD") from None
    recorded = _text_of(record, "recorded")
    if not recorded:
        return day, day
    try:
        return day, datetime.fromisoformat(recorded) if "T" in recorded else date.fromisoformat(
            recorded
        )
    except ValueError:
        reason = "not a day (YYYY-MM-DD) or a time (ISO 8601)"
        raise RowError(column="recorded", reason=reason) from None


def plover_rows(record: Any) -> Iterator[CodedRow]:
    """The events of one PLOVER record: one per actor and recipient."""
    if not isinstance(record, dict):
        raise RowError(column="record", reason="a PLOVER record is a JSON object")
    if record.get("has_event") is False:
        msg = "has_event is false"
        raise NotAnEvent(msg)
    cameo = _text_of(record, "cameo")
    cameo = cameo_code(cameo, "cameo") if cameo else ""
    events = record.get("event")
    category = events[0] if isinstance(events, list) and events else events
    named = category.strip() if isinstance(category, str) else ""
    if not named and not cameo:
        msg = "codes no event category"
        raise NotAnEvent(msg)
    category = plover_category(named) if named else ""
    if category is None:
        msg = f"event {named!r} is not a PLOVER event category"
        raise NotAnEvent(msg)
    ident = _text_of(record, "id")
    if not ident:
        raise RowError(column="id", reason="empty")
    day, added = _days(record)
    quad = record.get("quad_code")
    if quad in (None, ""):
        quad = quad_of_cameo(cameo) if cameo else quad_of_plover(category)
    if quad not in (1, 2, 3, 4):
        raise RowError(column="quad_code", reason=f"{quad!r} is not 1, 2, 3 or 4")
    scale = record.get("event_scale")
    goldstein = None if scale in (None, "") else number(str(scale), "event_scale")
    actors = _entities(record.get("actor") or record.get("source"), "actor")
    recipients = _entities(record.get("recipient") or record.get("target"), "recipient")
    if not recipients and len(actors) > 1:  # a compound actor, each of the other
        actors, recipients = actors[:1], actors[1:]
    if not actors or not recipients:
        msg = f"no {'actor' if not actors else 'recipient'}"
        raise NotAnEvent(msg)
    cite = record.get("cite_info")
    cite = cite if isinstance(cite, dict) else {}
    url, outlet = cite.get("url", ""), cite.get("outlet", "")
    told = record.get("parties")
    parties = (
        (told[0], told[1])
        if isinstance(told, list) and len(told) == 2 and all(isinstance(p, str) for p in told)
        else None
    )
    pairs = [(a, r) for a in actors for r in recipients]
    dataset = _text_of(record, "dataset") or "plover"
    base = _text_of(record, "record") or ident
    for number_, (actor, recipient) in enumerate(pairs):
        source, target = _code(actor, "actor"), _code(recipient, "recipient")
        suffix = f".{number_}" if len(pairs) > 1 else ""
        yield CodedRow(
            dataset=dataset,
            record=f"{base}{suffix}",
            day=day,
            added=added,
            source=source,
            target=target,
            quad_class=quad,
            key=(f"{base}{suffix}",),
            cameo=cameo,
            goldstein=goldstein,
            plover=category,
            mentions=whole(str(record.get("mentions", "")), "mentions"),
            url=url if isinstance(url, str) else "",
            story=_text_of(record, "story"),
            source_country=source[:3],
            target_country=target[:3],
            parties=parties if len(pairs) == 1 else None,
            outlet=outlet if isinstance(outlet, str) else "",
        )


def plover_record(entry: Entry) -> dict[str, Any]:
    """An entry as a PLOVER record: a coded event with its own codes, a curated entry with its
    type's (its acting party the actor; both parties each other's for a joint act)."""
    code = entry.event_code()
    actor = entry.actor or entry.parties.first
    recipient = entry.parties.second if actor == entry.parties.first else entry.parties.first
    record: dict[str, Any] = {"id": entry.id, "date": entry.on.period.start.isoformat()}
    record["actor"] = [{"code": actor}]
    record["recipient"] = [{"code": recipient}]
    if isinstance(entry, CodedEvent):
        record["actor"] = [{"code": entry.source_code, "entity_text": entry.source_code}]
        record["recipient"] = [{"code": entry.target_code, "entity_text": entry.target_code}]
        record["event"] = [entry.plover] if entry.plover else []
        record["quad_code"] = entry.quad_class
        if entry.goldstein is not None:
            record["event_scale"] = entry.goldstein
        record["dataset"] = entry.dataset
        record["record"] = entry.record
        record["mentions"] = entry.mentions
        record["story"] = entry.story
        record["parties"] = [entry.by, entry.target]
    else:
        record["event"] = [code.plover] if code.plover else []
        if code.cameo:
            record["quad_code"] = quad_of_cameo(code.cameo)
        record["event_scale"] = code.goldstein
        record["text"] = entry.title
        record["dataset"] = "tracker"
        record["record"] = entry.id
    if code.cameo:
        record["cameo"] = code.cameo
    published = entry.sources[0].published
    record["recorded"] = (published or entry.reported).isoformat()
    urls = [source.url for source in entry.sources if source.url]
    record["cite_info"] = {"url": urls[0] if urls else "", "outlet": entry.sources[0].outlet}
    return record
