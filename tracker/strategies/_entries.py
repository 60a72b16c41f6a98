"""Strategies for entries of every event type, and how event types teach them their fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import cache
from typing import Any

import attrs
from attrs import evolve
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from tracker._dates import DateWindow
from tracker._entries import (
    ChannelEstablished,
    CouncilMeeting,
    Declaration,
    Dyad,
    Entry,
    InformalMeeting,
    MeetingAnnouncement,
    MinisterialDecision,
    Source,
    Suspension,
    entry_types,
)
from tracker.strategies._values import (
    DEFAULT_WINDOW,
    _optional_texts,
    channels,
    cooperation_notes,
    days,
    dyads,
    follow_ups,
    ids,
    participants,
    sources,
    stances,
    texts,
)

__all__ = ["MEETING_KINDS", "entries", "entries_on", "register_entry_type"]

#: The kinds of follow-up a meeting announcement plans.
MEETING_KINDS = (InformalMeeting.TYPE, CouncilMeeting.TYPE)

#: The words and the source of plain entries.
PLAIN_TEXT = "plain"
PLAIN_SOURCE = Source(outlet="Plain Wire", article="000_0000000000000000.txt")

#: How far after an entry the events it expects are drawn to start, in days.
HORIZON = 60

#: The fields of its own class an entry type is drawn with, given its parties and day.
OwnFields = Callable[[Dyad, date], SearchStrategy[dict[str, Any]]]

_OWN_FIELDS: dict[type[Entry], OwnFields] = {}
_COMMON = frozenset(attribute.name for attribute in attrs.fields(Entry))


def register_entry_type(cls: type[Entry], /, **fields: SearchStrategy[Any]) -> None:
    """Teach the kit to draw entries of ``cls``: give a strategy for each field its class adds.

    The common fields (id, days, parties, sources, follow-ups...) are drawn by the kit. After
    this, :func:`entries` and :func:`logs` draw the type and ``st.from_type(cls)`` works.
    Registration is global to the process, like ``@entry_type``: from then on every strategy
    that draws any type (``entries()``, ``logs()``, ``st.from_type(Entry)``) draws this one too,
    in every test, wherever the strategy was built.
    """
    if cls not in entry_types().values():
        msg = f"{cls.__qualname__} is not a declared entry type: decorate it with @entry_type(...)"
        raise InvalidArgument(msg)
    own = {a.name: a for a in attrs.fields(cls) if a.init and a.name not in _COMMON}
    unknown = sorted(set(fields) - set(own))
    if unknown:
        known = ", ".join(own) or "none"
        msg = f"{cls.__qualname__} has no field {', '.join(unknown)} of its own (it has: {known})"
        raise InvalidArgument(msg)
    missing = sorted(
        name for name, a in own.items() if a.default is attrs.NOTHING and name not in fields
    )
    if missing:
        msg = f"{cls.__qualname__} needs a strategy for its field(s) {', '.join(missing)}"
        raise InvalidArgument(msg)
    strategy = st.fixed_dictionaries(fields)
    _OWN_FIELDS[cls] = lambda _parties, _on: strategy
    st.register_type_strategy(cls, entries([cls]))


def drawable_types() -> tuple[type[Entry], ...]:
    """The entry types the kit can draw, in declaration order."""
    return tuple(cls for cls in entry_types().values() if cls in _OWN_FIELDS)


def entries(
    types: Iterable[type[Entry]] | None = None,
    *,
    parties: Dyad | None = None,
    between: DateWindow = DEFAULT_WINDOW,
) -> SearchStrategy[Entry]:
    """Valid entries of one of ``types`` (when ``None``, every type the kit can draw at the
    time of each draw, so also those registered later), between ``parties`` (any dyad when
    ``None``), that happened within ``between``.

    Each has a source; it was reported on the day it happened or up to 45 days later. Shrinks
    towards an entry of the first type, between NATO and RUS (or ``parties``), on the first
    day of ``between``, reported that day, with one bare source and no stance or follow-up.
    """
    chosen = None if types is None else tuple(types)
    if chosen == ():
        msg = "entries() needs at least one type to draw, or None for every type"
        raise InvalidArgument(msg)
    unknown = [cls.__qualname__ for cls in chosen or () if cls not in _OWN_FIELDS]
    if unknown:
        msg = f"no strategy draws {', '.join(unknown)}: call register_entry_type() first"
        raise InvalidArgument(msg)
    pairs = dyads() if parties is None else st.just(parties)
    return _entries_of(chosen, pairs, between)


@st.composite
def _entries_of(
    draw: st.DrawFn,
    chosen: tuple[type[Entry], ...] | None,
    pairs: SearchStrategy[Dyad],
    between: DateWindow,
) -> Entry:
    cls = draw(st.sampled_from(drawable_types() if chosen is None else chosen))
    return draw(entries_on(cls, id=draw(ids()), parties=draw(pairs), on=draw(days(between))))


def entries_on(
    cls: type[Entry],
    /,
    *,
    id: str,
    parties: Dyad,
    on: date,
    plain: bool = False,
    kinds: tuple[str, ...] | None = None,
    **fixed: Any,
) -> SearchStrategy[Entry]:
    """Valid entries of ``cls`` with this id, parties and day, and the ``fixed`` field values.

    Follow-ups are expected to start within :data:`HORIZON` days after ``on``, of one of
    ``kinds`` (every type declared at the time of the draw when ``None``). ``plain``
    entries carry only what the reducer reads: one fixed source and title, no participant,
    stance or cooperation note, follow-ups without words (quicker to draw and to shrink).
    Shrinks towards an entry reported on the day it happened, with one bare source and
    nothing else.
    """
    if cls not in _OWN_FIELDS:
        msg = f"no strategy draws {cls.__qualname__}: call register_entry_type() first"
        raise InvalidArgument(msg)
    return _entries_on(
        cls, entry_id=id, parties=parties, on=on, plain=plain, kinds=kinds, fixed=fixed
    )


@st.composite
def _entries_on(
    draw: st.DrawFn,
    cls: type[Entry],
    *,
    entry_id: str,
    parties: Dyad,
    on: date,
    plain: bool,
    kinds: tuple[str, ...] | None,
    fixed: dict[str, Any],
) -> Entry:
    if plain:
        common = {
            "id": entry_id,
            "on": on,
            "parties": parties,
            "title": PLAIN_TEXT,
            "sources": (PLAIN_SOURCE,),
            "follow_ups": draw(_plain_follow_up_lists(on, kinds)),
            "reported": on + timedelta(draw(_DELAYS) or 0),
        }
        return cls(**(common | draw(_OWN_FIELDS[cls](parties, on)) | fixed))
    parts = _parts_of(parties)
    common = {
        "id": entry_id,
        "on": on,
        "parties": parties,
        "title": draw(texts()),
        "sources": draw(_source_lists(on)),
        "participants": draw(parts["participants"]),
        "stances": draw(parts["stances"]),
        "follow_ups": draw(_follow_up_lists(on, kinds)),
        "cooperation": draw(_COOPERATION),
    }
    delay = draw(_DELAYS)
    if delay is not None or not any(source.published_on for source in common["sources"]):
        # With no delay drawn, the entry is reported when its first source was published.
        common["reported"] = on + timedelta(delay or 0)
    own = draw(_OWN_FIELDS[cls](parties, on))
    return cls(**(common | own | fixed))


_COOPERATION = st.lists(cooperation_notes(), max_size=1)
_DELAYS = st.none() | st.integers(0, 45)


@cache
def _parts_of(parties: Dyad) -> dict[str, SearchStrategy[list[Any]]]:
    sides = (parties.first, parties.second)
    return {
        "participants": st.lists(participants(sides), max_size=1),
        "stances": st.lists(stances(sides), max_size=1),
    }


@cache
def _source_lists(on: date) -> SearchStrategy[list[Any]]:
    return st.lists(sources(published_after=on), min_size=1, max_size=2)


@cache
def _follow_up_lists(on: date, kinds: tuple[str, ...] | None) -> SearchStrategy[list[Any]]:
    return st.lists(follow_ups(kinds, between=DateWindow(on, on + timedelta(HORIZON))), max_size=2)


@cache
def _plain_follow_up_lists(on: date, kinds: tuple[str, ...] | None) -> SearchStrategy[list[Any]]:
    later = DateWindow(on, on + timedelta(HORIZON))
    return st.lists(
        follow_ups(kinds, between=later).map(
            lambda item: evolve(item, phrase=PLAIN_TEXT, quote=PLAIN_TEXT, detail="")
        ),
        max_size=2,
    )


@cache
def _parties_of(parties: Dyad) -> SearchStrategy[str]:
    return st.sampled_from((parties.first, parties.second))


@cache
def _channel_lists(*, min_size: int = 0) -> SearchStrategy[tuple[str, ...]]:
    return st.lists(channels(), min_size=min_size, max_size=3, unique=True).map(tuple)


_BUILT_IN_FIELDS: dict[type[Entry], OwnFields] = {
    ChannelEstablished: lambda _parties, _on: st.fixed_dictionaries(
        {"channel": channels(), "body": texts()}
    ),
    Suspension: lambda parties, _on: st.fixed_dictionaries(
        {"by": _parties_of(parties), "channels": _channel_lists(min_size=1), "reason": texts()}
    ),
    Declaration: lambda parties, _on: st.fixed_dictionaries(
        {"by": _parties_of(parties), "body": texts(), "statement": texts()}
    ),
    MinisterialDecision: lambda parties, _on: st.fixed_dictionaries(
        {
            "by": _parties_of(parties),
            "body": texts(),
            "decision": texts(),
            "resumes": _channel_lists(),
            "conditions": st.lists(texts(), max_size=2).map(tuple),
            "reaffirmed": st.lists(texts(), max_size=2).map(tuple),
        }
    ),
    MeetingAnnouncement: lambda _parties, on: st.fixed_dictionaries(
        {
            "planned": follow_ups(MEETING_KINDS, between=DateWindow(on, on + timedelta(HORIZON))),
            "format": _optional_texts(),
            "venue": _optional_texts(),
        }
    ),
    InformalMeeting: lambda _parties, _on: st.fixed_dictionaries(
        {"format": texts(), "venue": _optional_texts(), "channel": channels()}
    ),
    CouncilMeeting: lambda _parties, _on: st.fixed_dictionaries(
        {
            "level": texts(),
            "formal": st.booleans(),
            "council": channels(),
            "venue": _optional_texts(),
        }
    ),
}

_OWN_FIELDS.update({cls: cache(fields) for cls, fields in _BUILT_IN_FIELDS.items()})
