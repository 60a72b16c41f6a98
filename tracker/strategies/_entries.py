"""Strategies for entries of every event type, and how event types teach them their fields."""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from enum import Enum
from functools import cache
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from tracker._dates import DateWindow, Day
from tracker._entries import (
    CouncilMeeting,
    Dyad,
    Entry,
    FollowUp,
    InformalMeeting,
    Lift,
    Source,
    _actor,
    _name,
    _optional_text,
    _role,
    _text,
    entry_types,
)
from tracker.coded._codes import PLOVER_CATEGORIES, QUAD_CLASSES
from tracker.strategies._values import (
    _FLAGS,
    DEFAULT_WINDOW,
    _acted,
    _kinds_of,
    _optional,
    _optional_texts,
    cameo_codes,
    channels,
    cooperation_notes,
    days,
    dyads,
    follow_ups,
    goldstein_values,
    ids,
    levels,
    lifts,
    missions,
    names,
    participants,
    roles,
    sources,
    stances,
    stated_days,
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

#: A strategy for one field of an entry, given the entry's parties and day.
FieldStrategy = Callable[[Dyad, Day], SearchStrategy[Any]]
#: The strategies for the fields of its own class an entry type is drawn with, given its
#: parties and day.
OwnFields = Callable[[Dyad, Day], dict[str, SearchStrategy[Any]]]

_OWN_FIELDS: dict[type[Entry], OwnFields] = {}
_COMMON = frozenset(attribute.name for attribute in attrs.fields(Entry))


def register_entry_type(cls: type[Entry], /, **fields: SearchStrategy[Any]) -> None:
    """Teach the kit to draw entries of ``cls``, giving a strategy for any field its class
    adds that the kit cannot draw from the declaration alone (see :func:`entries_on`).

    The common fields (id, days, parties, sources, follow-ups...) are drawn by the kit. After
    this, :func:`entries` and :func:`logs` draw the type and ``st.from_type(cls)`` works.
    Registration is global to the process, like ``@entry_type``: from then on every strategy
    that draws any type (``entries()``, ``logs()``, ``st.from_type(Entry)``) draws this one too,
    in every test, wherever the strategy was built.
    """
    if cls not in entry_types().values():
        msg = f"{cls.__qualname__} is not a declared entry type: decorate it with @entry_type(...)"
        raise InvalidArgument(msg)
    own = _own_attributes(cls)
    unknown = sorted(set(fields) - set(own))
    if unknown:
        known = ", ".join(own) or "none"
        msg = f"{cls.__qualname__} has no field {', '.join(unknown)} of its own (it has: {known})"
        raise InvalidArgument(msg)
    _teach(cls, {name: _constant(strategy) for name, strategy in fields.items()})
    st.register_type_strategy(cls, entries([cls]))


def _own_attributes(cls: type[Entry]) -> dict[str, attrs.Attribute[Any]]:
    return {a.name: a for a in attrs.fields(cls) if a.init and a.name not in _COMMON}


def _teach(cls: type[Entry], given: dict[str, FieldStrategy]) -> None:
    """Draw ``cls`` with the ``given`` field strategies and those read from its declaration;
    a field with neither is left at its default, and one without a default is refused."""
    drawn = {**_inferred(cls), **given}
    missing = [
        name
        for name, attribute in _own_attributes(cls).items()
        if name not in drawn and attribute.default is attrs.NOTHING
    ]
    if missing:
        msg = f"{cls.__qualname__} needs a strategy for its field(s) {', '.join(missing)}"
        raise InvalidArgument(msg)

    def own_fields(parties: Dyad, on: Day) -> dict[str, SearchStrategy[Any]]:
        return {name: field(parties, on) for name, field in drawn.items()}

    _OWN_FIELDS[cls] = own_fields


def _constant(strategy: SearchStrategy[Any]) -> FieldStrategy:
    return lambda _parties, _on: strategy


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
    ``None``), that happened on a day of ``between`` (see :func:`entries_on`), stated as that
    day or as its month or year (:func:`~tracker.strategies.stated_days`).

    Each has a source; it was reported on the day drawn or up to 45 days later. Shrinks
    towards an entry of the first type, between NATO and RUS (or ``parties``), on the first
    day of ``between`` stated exactly, reported that day, with one bare source and no stance
    or follow-up.
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
    on = draw(stated_days(between))
    return draw(entries_on(cls, id=draw(ids()), parties=draw(pairs), on=on))


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

    ``on`` is a plain date (an exact day) or a :class:`~tracker._dates.Day` of any precision: an
    entry stated to its month or year is placed on the last day of that period or, if earlier,
    on the day it was reported (never before ``on``). Follow-ups are expected to start within
    :data:`HORIZON` days after ``on``, of one of ``kinds`` (every type declared at the time of
    the draw when ``None``), a meeting half the time. The type's own fields are drawn as
    registered, or as its declaration says: a party of the dyad for an actor, channels, missions
    and levels for fields so named, days from ``on``'s period to :data:`HORIZON` days after it,
    flags, counts, enumerations, lifts and follow-ups by type. ``plain`` entries carry only what
    the reducer reads: one fixed source and title, no participant, stance or cooperation note,
    follow-ups without words (quicker to draw and to shrink). Shrinks towards an entry reported
    on the day drawn, with one bare source and nothing else.
    """
    if cls not in _OWN_FIELDS:
        msg = f"no strategy draws {cls.__qualname__}: call register_entry_type() first"
        raise InvalidArgument(msg)
    day = Day.of(on)
    return _entries_on(
        cls, entry_id=id, parties=parties, on=day, plain=plain, kinds=kinds, fixed=fixed
    )


@st.composite
def _entries_on(
    draw: st.DrawFn,
    cls: type[Entry],
    *,
    entry_id: str,
    parties: Dyad,
    on: Day,
    plain: bool,
    kinds: tuple[str, ...] | None,
    fixed: dict[str, Any],
) -> Entry:
    drawn_day = date(on.year, on.month, on.day)
    common: dict[str, Any]
    if plain:
        expected = draw(_plain_follow_up_lists(kinds))
        common = {
            "id": entry_id,
            "on": on,
            "parties": parties,
            "title": PLAIN_TEXT,
            "sources": (PLAIN_SOURCE,),
            "follow_ups": [_plain_follow_up(drawn_day, parties, drawn) for drawn in expected],
            "reported": drawn_day + timedelta(draw(_DELAYS) or 0),
        }
        return cls(**(common | _own(draw, cls, parties, on, fixed) | fixed))
    parts = _parts_of(parties)
    common = {
        "id": entry_id,
        "on": on,
        "parties": parties,
        "title": draw(texts()),
        "sources": draw(_source_lists(drawn_day)),
        "participants": draw(parts["participants"]),
        "stances": draw(parts["stances"]),
        "follow_ups": draw(_follow_up_lists(drawn_day, kinds, parties)),
        "cooperation": draw(_COOPERATION),
    }
    delay = draw(_DELAYS)
    if delay is not None or not any(source.published_on for source in common["sources"]):
        # With no delay drawn, the entry is reported when its first source was published.
        common["reported"] = drawn_day + timedelta(delay or 0)
    return cls(**(common | _own(draw, cls, parties, on, fixed) | fixed))


def _own(
    draw: st.DrawFn, cls: type[Entry], parties: Dyad, on: Day, fixed: dict[str, Any]
) -> dict[str, Any]:
    """The fields of its own class an entry of ``cls`` is drawn with, but those ``fixed``."""
    strategies = _OWN_FIELDS[cls](parties, on)
    return {name: draw(strategy) for name, strategy in strategies.items() if name not in fixed}


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
def _follow_up_lists(
    on: date, kinds: tuple[str, ...] | None, parties: Dyad
) -> SearchStrategy[list[Any]]:
    later = DateWindow(on, on + timedelta(HORIZON))
    meetings = _meetings_of(kinds)
    drawn = follow_ups(kinds, between=later, parties=parties)
    if meetings:
        drawn = follow_ups(meetings, between=later) | drawn
    return st.lists(drawn, max_size=2)


def _meetings_of(kinds: tuple[str, ...] | None) -> tuple[str, ...]:
    """The meeting kinds among ``kinds`` (all when ``None``): what is most often expected."""
    return tuple(kind for kind in MEETING_KINDS if kinds is None or kind in kinds)


@cache
def _plain_follow_up_lists(kinds: tuple[str, ...] | None) -> SearchStrategy[list[Any]]:
    """What plain follow-ups are drawn from, whatever the entry's day (one strategy for every
    day, built once): a kind, the window's start (days after the entry) and length (``None``:
    open-ended), forum, level, formality, the party to act (first or second), mission and
    direction; as :func:`follow_ups` draws them, without words."""
    kind = _kinds_of(kinds)
    meetings = _meetings_of(kinds)
    if meetings:
        kind = st.sampled_from(meetings) | kind
    drawn = st.tuples(
        kind,
        st.integers(0, HORIZON),
        st.integers(0, _MAX_DAYS - 1) | st.none(),
        _optional(channels()),
        _optional(levels()),
        _FLAGS,
        st.sampled_from((None, 0, 1)),
        _optional(missions()),
        _FLAGS,
    )
    return st.lists(drawn, max_size=2)


#: How long the window of a follow-up drawn may be, in days (as :func:`follow_ups` draws it).
_MAX_DAYS = 45


def _plain_follow_up(on: date, parties: Dyad, drawn: tuple[Any, ...]) -> FollowUp:
    """The plain follow-up of an entry of ``on`` between ``parties`` that ``drawn`` describes."""
    kind, skip, length, forum, level, formal, party, mission, restores = drawn
    start = on + timedelta(skip)
    end = None if length is None else start + timedelta(length)
    expected = DateWindow(start, end)
    actor = "" if party is None else (parties.first, parties.second)[party]
    return FollowUp(
        kind,
        expected,
        PLAIN_TEXT,
        PLAIN_TEXT,
        "",
        forum,
        level,
        formal,
        **_acted(kind, actor, mission, restores),
    )


@cache
def _parties_of(parties: Dyad) -> SearchStrategy[str]:
    return st.sampled_from((parties.first, parties.second))


def _later(on: Day) -> DateWindow:
    """The days a field of an entry of ``on`` may name: from the start of its stated period to
    :data:`HORIZON` days after it."""
    start = on.period.start
    return DateWindow(start, date(on.year, on.month, on.day) + timedelta(HORIZON))


@cache
def _channel_lists(*, min_size: int = 0) -> SearchStrategy[tuple[str, ...]]:
    return st.lists(channels(), min_size=min_size, max_size=3, unique=True).map(tuple)


#: Fields whose name says what they hold, whatever their type: channels, missions, levels.
_BY_NAME: dict[str, FieldStrategy] = {
    "channel": _constant(channels()),
    "council": _constant(channels()),
    "channels": _constant(_channel_lists(min_size=1)),
    "resumes": _constant(_channel_lists()),
    "mission": _constant(missions()),
    "level": _constant(levels()),
    # The names of the levels: measures and lifts are matched on them.
    "levels": _constant(st.lists(levels(words=False), max_size=2, unique=True).map(tuple)),
    # The codes of a machine-coded event.
    "cameo": _constant(st.just("") | cameo_codes()),
    "goldstein": _constant(st.none() | goldstein_values()),
    "quad_class": _constant(st.sampled_from(tuple(QUAD_CLASSES))),
    "plover": _constant(st.just("") | st.sampled_from(PLOVER_CATEGORIES)),
}

#: Text fields by the check the core declares on them.
_BY_CHECK: dict[object, FieldStrategy] = {
    _actor: lambda parties, _on: _parties_of(parties),
    _text: _constant(texts()),
    _optional_text: _constant(_optional_texts()),
    _name: _constant(names()),
    _role: _constant(st.just("") | roles().map(str)),
}


def _inferred(cls: type[Entry]) -> dict[str, FieldStrategy]:
    """How to draw the fields of ``cls`` that its declaration says enough about: by name (a
    ``channel``, a ``mission``, ``levels``...), by the core's check on a text field (an actor
    is a party of the dyad), or by type (flags, counts, enumerations, days from the entry's
    own, follow-ups, lifts, lists of names)."""
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):
        return {}
    inferred: dict[str, FieldStrategy] = {}
    for name, attribute in _own_attributes(cls).items():
        field = _BY_NAME.get(name) or _by_type(hints.get(name), attribute)
        if field is not None:
            inferred[name] = field
    return inferred


def _by_type(hint: Any, attribute: attrs.Attribute[Any]) -> FieldStrategy | None:
    args = typing.get_args(hint)
    optional = type(None) in args
    if optional:
        rest = [arg for arg in args if arg is not type(None)]
        inner = _by_type(rest[0], attribute) if len(rest) == 1 else None
        return None if inner is None else lambda parties, on: st.none() | inner(parties, on)
    if hint is str:
        return _BY_CHECK.get(attribute.validator) if attribute.validator else _constant(texts())
    if hint is bool:
        return _constant(st.booleans())
    if hint is int:
        return _constant(st.integers(0, 100))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _constant(st.sampled_from(hint))
    if hint is date:
        return lambda _parties, on: days(_later(on))
    if hint is FollowUp:
        return lambda _parties, on: follow_ups(MEETING_KINDS, between=_later(on))
    if typing.get_origin(hint) is tuple and args[1:] == (Ellipsis,):
        if args[0] is Lift:
            return lambda _parties, on: st.lists(lifts(between=_later(on)), max_size=2).map(tuple)
        if args[0] is str:
            return _constant(st.lists(names(), max_size=2).map(tuple))
        if isinstance(args[0], type) and issubclass(args[0], Enum):  # one member or more
            members = st.lists(st.sampled_from(args[0]), min_size=1, max_size=3, unique=True)
            return _constant(members.map(tuple))
    return None


for _cls in entry_types().values():
    if _cls.__module__ == Entry.__module__:
        _teach(_cls, {})
