"""The JSON form of entries and states.

Each entry is an object with a stable snake_case ``type`` and a schema version ``v``, then
its fields under the names the log spells (never Python class paths). Decoding checks every
value against the field's type and names the field of any error (``sources[0].published``).
"""

from __future__ import annotations

import contextlib
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from functools import cache, lru_cache, wraps
from operator import attrgetter
from typing import Any, TypeVar

import attrs
import orjson

from tracker._bulk import collector_paused
from tracker._dates import (
    FIRST_DAY,
    LAST_DAY,
    Day,
    Precision,
    parse_day,
    parse_stated_day,
    parse_timestamp,
)
from tracker._entries import Dyad, Entry, entry_types
from tracker._errors import FieldError, shown
from tracker._state import State, coded_activity
from tracker._vector import Vector

__all__ = [
    "Upcaster",
    "decode_checkpoint",
    "decode_entry",
    "decode_state",
    "dumps_entry",
    "encode_checkpoint",
    "encode_entry",
    "encode_state",
    "of_another_dyad",
    "upcaster",
]

T = TypeVar("T")

R = TypeVar("R")
C = TypeVar("C", bound=type)


def _per_class(function: Callable[[C], R]) -> Callable[[C], R]:
    """Remember what ``function`` derives from a class: the codec reads each class's fields
    once. (``functools.cache`` would do, but type checkers do not take classes as hashable.)"""
    made: dict[C, R] = {}

    @wraps(function)
    def remembered(cls: C) -> R:
        if cls not in made:
            made[cls] = function(cls)
        return made[cls]

    return remembered


#: Fields every entry has that read best at the end of its line, after the type's own fields.
_TAIL = ("participants", "stances", "follow_ups", "cooperation", "sources")


# -- encoding ------------------------------------------------------------------------------


#: Between a day and the precision it was stated to, in a checkpoint: ``2014-06-30~month``.
_STATED_AS = "~"


@_per_class
def _kind(cls: type) -> str:
    """How :func:`_encode` writes a value of ``cls``: found once per class, since a state holds
    many thousands of values of a few classes."""
    if issubclass(cls, Enum):
        return "enum"
    if issubclass(cls, Dyad):
        return "dyad"
    if issubclass(cls, date):  # datetime too
        return "day"
    if attrs.has(cls):
        return "record"
    if issubclass(cls, tuple | list | Vector):
        return "list"
    if issubclass(cls, Mapping):
        return "map"
    return "plain"


def _encode(value: Any, *, omit_empty: bool, stated: bool = False) -> Any:
    """``value`` as JSON; ``stated``: a day known only to its month or year says so."""
    kind = _kind(type(value))
    if kind == "plain":
        return value
    if kind == "record":
        if not omit_empty:
            return _whole_encoder(type(value), stated)(value)
        return _encode_fields(value, _fields(type(value)), omit_empty=omit_empty, stated=stated)
    if kind == "map":  # sorted: immutable maps have no stable order of their own
        return {
            key: _encode(value[key], omit_empty=omit_empty, stated=stated) for key in sorted(value)
        }
    if kind == "list":
        return [_encode(item, omit_empty=omit_empty, stated=stated) for item in value]
    if kind == "day":
        if stated and type(value) is Day and value.precision is not Precision.DAY:
            return f"{value.isoformat()}{_STATED_AS}{value.precision.value}"
        return value.isoformat()
    if kind == "enum":
        return value.value
    return str(value)  # a dyad


def _encode_fields(
    obj: Any, fields: tuple[_Field, ...], *, omit_empty: bool, stated: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in fields:
        value = getattr(obj, spec.name)
        if omit_empty and not spec.required and _empty(value, spec.default):
            continue
        out[spec.key] = _encode(value, omit_empty=omit_empty, stated=stated)
    return out


#: The encoders :func:`_whole_encoder` wrote, by class and whether days say their precision.
_WHOLE_ENCODERS: dict[tuple[type, bool], Callable[[Any], dict[str, Any]]] = {}

#: The types of fields whose values are JSON as they are.
_AS_THEY_ARE = (str, int, float, bool)


def _whole_encoder(cls: type, stated: bool) -> Callable[[Any], dict[str, Any]]:
    """A function that writes every field of a ``cls`` record, as :func:`_encode_fields` does
    without ``omit_empty``, written out field by field: a field declared a string, a number or
    a flag as it is, any other through :func:`_encode` (a state holds many thousands)."""
    known = _WHOLE_ENCODERS.get((cls, stated))
    if known is not None:
        return known
    scope: dict[str, Any] = {"encode": _encode}
    items = []
    for spec in _fields(cls):
        value = f"record.{spec.name}"
        if spec.type in (tuple[str, ...], tuple[str]):
            value = f"list({value})"
        elif spec.type is date and not stated:  # a datetime too: its isoformat, as _encode
            value = f"{value}.isoformat()"
        elif isinstance(spec.type, type) and issubclass(spec.type, Enum):
            value = f"{value}.value"
        elif spec.type not in _AS_THEY_ARE:
            value = f"encode({value}, omit_empty=False, stated={stated})"
        items.append(f"{spec.key!r}: {value}")
    source = f"def write(record):\n    return {{{', '.join(items)}}}"
    exec(compile(source, f"<write {cls.__qualname__}>", "exec"), scope)
    made: Callable[[Any], dict[str, Any]] = scope["write"]
    _WHOLE_ENCODERS[cls, stated] = made
    return made


def _empty(value: Any, default: Any) -> bool:
    """Whether an optional field's value says nothing: empty, or a false default (``false``,
    ``0``) left as it was."""
    if value is None or value in ("", ()) or value == {}:
        return True
    return type(value) in (bool, int) and not value and value == default


def encode_entry(entry: Entry) -> dict[str, Any]:
    """The canonical JSON object of an entry: ``type``, ``v``, its fields (optional ones left out
    when empty)."""
    out: dict[str, Any] = {"type": entry.TYPE, "v": entry.VERSION}
    out.update(_encode_fields(entry, _entry_fields(type(entry)), omit_empty=True))
    out["on"] = str(entry.on)  # as stated: a year, a month or a day
    return out


def dumps_entry(entry: Entry) -> bytes:
    """An entry as one canonical JSON line (no newline)."""
    return orjson.dumps(encode_entry(entry))


def encode_state(state: State) -> dict[str, Any]:
    """A state as JSON: the replay's date, the derived phase, level and channel statuses, and
    every part of the state.

    Derived keys (``phase``, ``level``, ``channels``, ``coded_activity`` of the trailing
    window; ``in_force`` and ``lifted_on`` of each
    measure; ``overdue`` and ``lapsed`` of each pending item, a lapsed one being no longer
    overdue) say where things stand on ``at``; decoding ignores them.
    """
    with collector_paused():  # thousands of records written: no cycle to collect among them
        return _encoded_state(state)


def _encoded_state(state: State) -> dict[str, Any]:
    body = _encode_fields(state, _fields(State), omit_empty=False)
    body["meetings"] = {m.entry: body["meetings"][m.entry] for m in state.meetings_in_order()}
    body["fulfilled"] = {d.key: body["fulfilled"][d.key] for d in state.fulfilled_in_order()}
    measures = sorted(state.measures.values(), key=attrgetter("order"))
    body["measures"] = {m.key: body["measures"][m.key] for m in measures}
    for measure in measures:
        lifted = measure.lifted_on(state.at)
        body["measures"][measure.key]["in_force"] = measure.in_force(state.at)
        body["measures"][measure.key]["lifted_on"] = lifted and lifted.isoformat()
    for item, raw in zip(state.pending, body["pending"], strict=True):
        raw["lapsed"] = lapsed = item.lapsed(state.at)
        raw["overdue"] = item.overdue(state.at) and not lapsed
    head = {"at": body.pop("at"), "known_at": body.pop("known_at"), "dyad": body.pop("dyad")}
    derived = {
        "phase": state.phase.value,
        "level": {
            "value": state.level,
            "pressure": round(state.pressure, 2),
            "activity": round(state.recent_activity, 2),
        },
        "channels": _encode(state.channels, omit_empty=False),
        "coded_activity": {
            month: {
                **_encode(bucket, omit_empty=False),
                "events": bucket.events,
                "goldstein_mean": bucket.goldstein_mean,
            }
            for month, bucket in coded_activity(state).items()
        },
    }
    return {**head, **derived, **body}


def encode_checkpoint(value: Any) -> Any:
    """A state, or a part of one, as the index keeps it, in JSON: the state's parts only
    (nothing derived), each day known only to its month or year with that precision, so that
    :func:`decode_checkpoint` gives it back equal and printed the same."""
    return _encode(value, omit_empty=False, stated=True)


#: The keys of a state's JSON, and of its items, that say where things stand on its date.
_DERIVED = ("phase", "level", "channels", "coded_activity")
_DERIVED_ITEMS = {"pending": ("overdue", "lapsed"), "measures": ("in_force", "lifted_on")}


# -- decoding ------------------------------------------------------------------------------

#: A pure function that lifts the fields of an entry from one schema version to the next.
Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

_UPCASTERS: dict[tuple[str, int], Upcaster] = {}


def upcaster(type_name: str, version: int) -> Callable[[Upcaster], Upcaster]:
    """Register the function that lifts ``type_name`` entries from ``version`` to ``version + 1``.

    It takes the entry's fields (without ``type`` and ``v``) as a dict and returns the new
    ones; it must be pure. Decoding applies each step in turn before checking any field::

        @tracker.upcaster("informal_meeting", 1)
        def _(fields):
            return {**fields, "channel": fields.pop("track", "high_level_political")}
    """

    def register(function: Upcaster) -> Upcaster:
        if (type_name, version) in _UPCASTERS:
            msg = f"an upcaster of {type_name!r} from version {version} is registered already"
            raise ValueError(msg)
        _UPCASTERS[type_name, version] = function
        return function

    return register


def decode_entry(data: Any) -> Entry:
    """Read an entry from its JSON object; a :class:`FieldError` names what is wrong."""
    if not isinstance(data, dict):
        reason = f"an entry is a JSON object, not {_json_kind(data)}"
        raise FieldError(reason)
    kind = data.get("type")
    if kind is None:
        reason = "missing: every entry names its type"
        raise FieldError(reason, "type")
    known = entry_types()
    if not isinstance(kind, str) or kind not in known:
        reason = f"unknown entry type {shown(kind)} (known: {', '.join(known)})"
        raise FieldError(reason, "type")
    cls = known[kind]
    version = data.get("v")
    if version is None:
        reason = "missing: every entry carries its schema version"
        raise FieldError(reason, "v")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        reason = f"must be a positive whole number, got {shown(version)}"
        raise FieldError(reason, "v")
    if version > cls.VERSION:
        reason = f"version {version} of {kind!r} is newer than this tracker reads ({cls.VERSION})"
        raise FieldError(reason, "v")
    fields = {key: value for key, value in data.items() if key not in ("type", "v")}
    for step in range(version, cls.VERSION):
        lift = _UPCASTERS.get((kind, step))
        if lift is None:
            reason = f"version {version} of {kind!r} cannot be read: no upcaster from {step}"
            raise FieldError(reason, "v")
        fields = lift(dict(fields))
    return _build(cls, fields)


def of_another_dyad(data: Any, dyad: Dyad) -> bool:
    """Whether an entry's JSON object is surely of a dyad other than ``dyad``, judged from its
    type, version and parties alone; when in doubt (an older version, which an upcaster may
    change, or parties that do not read), ``False``, and decoding judges."""
    if type(data) is not dict:
        return False
    kind, version, parties = data.get("type"), data.get("v"), data.get("parties")
    if type(kind) is not str or type(version) is not int or type(parties) is not str:
        return False
    cls = entry_types().get(kind)
    if cls is None or version != cls.VERSION or not _reads_parties_as_written(cls):
        return False
    try:
        return _parsed_dyad(parties) != dyad
    except FieldError:
        return False


@_per_class
def _reads_parties_as_written(cls: type[Entry]) -> bool:
    """Whether the entry's dyad is its ``parties`` key as it stands, as in every built-in type."""
    parties = attrs.fields_dict(cls)["parties"]
    return parties.converter is None and parties.metadata.get("key", "parties") == "parties"


def decode_state(data: Any) -> State:
    """Read a state from :func:`encode_state`'s JSON object."""
    if not isinstance(data, dict):
        reason = f"a state is a JSON object, not {_json_kind(data)}"
        raise FieldError(reason)
    fields = {key: value for key, value in data.items() if key not in _DERIVED}
    for part, derived in _DERIVED_ITEMS.items():
        items = fields.get(part)
        if isinstance(items, list):
            fields[part] = [_without(item, derived) for item in items]
        elif isinstance(items, dict):
            fields[part] = {key: _without(item, derived) for key, item in items.items()}
    return _build(State, fields)


def decode_checkpoint(data: Any) -> State:
    """Read a state from :func:`encode_checkpoint`'s JSON object."""
    with collector_paused():  # thousands of records built: no cycle to collect among them
        return _build(State, _object(data), stated=True)


def _without(item: Any, keys: tuple[str, ...]) -> Any:
    if not isinstance(item, dict):
        return item
    return {key: value for key, value in item.items() if key not in keys}


@attrs.frozen
class _Field:
    name: str
    key: str
    type: Any
    required: bool
    default: Any = None


@_per_class
def _fields(cls: type) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        _Field(
            name=attribute.name,
            key=attribute.metadata.get("key", attribute.name),
            type=hints[attribute.name],
            required=attribute.default is attrs.NOTHING,
            default=attribute.default,
        )
        for attribute in attrs.fields(cls)
        if attribute.init
    )


@_per_class
def _entry_fields(cls: type[Entry]) -> tuple[_Field, ...]:
    fields = _fields(cls)
    first = [spec for spec in fields if spec.key in ("id", "on", "reported", "parties", "title")]
    first.sort(key=lambda spec: ("id", "on", "reported", "parties", "title").index(spec.key))
    tail = sorted((spec for spec in fields if spec.key in _TAIL), key=lambda s: _TAIL.index(s.key))
    own = [spec for spec in fields if spec not in first and spec not in tail]
    return (*first, *own, *tail)


#: Reads a JSON value as a field's type; a :class:`FieldError` it raises has a path relative to
#: the value, which each enclosing object or list prefixes on the way up.
Structurer = Callable[[Any], Any]


#: The keys a class reads, and for each field: its name, key, structurer and whether it is
#: required.
_Plan = tuple[frozenset[str], tuple[tuple[str, str, Structurer, bool], ...]]


def _planned(cls: type, *, stated: bool) -> _Plan:
    fields = _fields(cls)
    steps = tuple((f.name, f.key, _structurer(f.type, stated), f.required) for f in fields)
    return frozenset(f.key for f in fields), steps


@_per_class
def _plan(cls: type) -> _Plan:
    """How to read ``cls`` from JSON. Made once per class."""
    return _planned(cls, stated=False)


@_per_class
def _stated_plan(cls: type) -> _Plan:
    """How to read ``cls`` from a checkpoint, its days with their precision. Made once."""
    return _planned(cls, stated=True)


def _build(cls: type[T], data: dict[str, Any], path: str = "", *, stated: bool = False) -> T:
    keys, steps = _stated_plan(cls) if stated else _plan(cls)
    if not keys.issuperset(data):
        unknown = next(key for key in data if key not in keys)
        reason = f"unknown field (known: {', '.join(sorted(keys))})"
        raise FieldError(reason, unknown).within(path)
    kwargs: dict[str, Any] = {}
    for name, key, structure, required in steps:
        if key in data:
            try:
                kwargs[name] = structure(data[key])
            except FieldError as error:
                raise error.within(key).within(path) from None
        elif required:
            raise FieldError("required field is missing", key).within(path)
    try:
        return cls(**kwargs)
    except FieldError as error:
        raise error.within(path) from None
    except (TypeError, ValueError) as error:
        raise FieldError(str(error), path) from None


@cache
def _structurer(tp: Any, stated: bool = False) -> Structurer:
    """Reads a JSON value as ``tp``; ``stated``: a day may carry its precision (checkpoints)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        return _union_structurer(args, stated)
    if origin is tuple or origin is Vector:  # a vector field's converter reads the tuple
        return _tuple_structurer(_structurer(args[0], stated))
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        return _mapping_structurer(_structurer(args[1], stated))
    if tp is Dyad:
        return _dyad
    if tp is date:
        return _day_as_stated if stated else _day
    if tp is Day:
        return _stated_day
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum_structurer(tp)
    if tp in (str, int, float, bool):
        return _scalar_structurer(tp)
    if attrs.has(tp):
        return _record_structurer(tp, stated)
    msg = f"the codec cannot read fields of type {tp!r}"
    raise TypeError(msg)


def _record_structurer(cls: type, stated: bool) -> Structurer:
    """Reads an object as ``cls``: an object that has every field, as a state's records have,
    through a builder written out for ``cls``; any other, or one the builder fails on, as
    :func:`_build` reads it, which names what is wrong."""
    whole = _whole_builder(cls, stated)

    def structure(value: Any) -> Any:
        if type(value) is dict:
            try:  # not contextlib.suppress: a checkpoint reads thousands of records
                return whole(value)
            except (KeyError, FieldError, TypeError, ValueError):
                pass
        return _build(cls, _object(value), stated=stated)

    return structure


def _whole_builder(cls: type, stated: bool) -> Callable[[dict[str, Any]], Any]:
    """A function that reads an object holding exactly every field of ``cls`` with one call of
    its structurer each and one of ``cls``, the loop of :func:`_build` written out; it raises
    :class:`KeyError` for an object with a field missing or one too many. Reading a
    checkpoint (``stated``), which holds thousands of records, a field of text, of true or
    false or of a list of texts takes its value as it is when it has the type the structurer
    would keep as it is, and an optional field's ``null`` is read as ``None``, without calling
    the structurer."""
    _, steps = _stated_plan(cls) if stated else _plan(cls)
    hints = typing.get_type_hints(cls)
    scope: dict[str, Any] = {"cls": cls, "texts": frozenset({str})}
    arguments = []
    for index, (name, key, structure, _) in enumerate(steps):
        scope[f"read{index}"] = structure
        read = f"read{index}(data[{key!r}])"
        kind = hints[name] if stated else None
        rest = tuple(arg for arg in typing.get_args(kind) if arg is not type(None))
        if typing.get_origin(kind) in (types.UnionType, typing.Union) and len(rest) == 1:
            scope[f"inner{index}"] = _structurer(rest[0], stated)  # what the union reads
            read = f"(None if (v := data[{key!r}]) is None else inner{index}(v))"
        elif kind in (str, bool):
            scope[f"kind{index}"] = kind
            read = f"(v if type(v := data[{key!r}]) is kind{index} else read{index}(v))"
        elif kind == tuple[str, ...]:
            read = (
                f"(tuple(v) if type(v := data[{key!r}]) is list and {{*map(type, v)}} <= texts"
                f" else read{index}(v))"
            )
        arguments.append(f"{name}={read}")
    lines = [
        "def build(data):",
        f"    if len(data) != {len(steps)}:",
        "        raise KeyError",
        f"    return cls({', '.join(arguments)})",
    ]
    exec(compile("\n".join(lines), f"<read {cls.__qualname__}>", "exec"), scope)
    built: Callable[[dict[str, Any]], Any] = scope["build"]
    return built


def _tuple_structurer(item: Structurer) -> Structurer:
    def structure(value: Any) -> tuple[Any, ...]:
        out = []
        for index, element in enumerate(_list(value)):
            try:
                out.append(item(element))
            except FieldError as error:
                where = f"[{index}]"
                raise error.within(where) from None
        return tuple(out)

    return structure


def _mapping_structurer(item: Structurer) -> Structurer:
    def structure(value: Any) -> dict[str, Any]:
        out = {}
        for key, element in _object(value).items():
            try:
                out[key] = item(element)
            except FieldError as error:
                raise error.within(key) from None
        return out

    return structure


def _union_structurer(args: tuple[Any, ...], stated: bool) -> Structurer:
    optional = type(None) in args
    rest = tuple(arg for arg in args if arg is not type(None))
    if set(rest) == {date, datetime}:
        inner: Structurer = lambda value: _parse(parse_timestamp, value)  # noqa: E731
    elif len(rest) == 1:
        inner = _structurer(rest[0], stated)
    else:
        msg = f"the codec cannot read fields of type {' | '.join(map(repr, args))}"
        raise TypeError(msg)
    if not optional:
        return inner
    return lambda value: None if value is None else inner(value)


def _enum_structurer(tp: type[Enum]) -> Structurer:
    def structure(value: Any) -> Any:
        try:
            return tp(value)
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in tp)
            reason = f"{shown(value)} is not one of {allowed}"
            raise FieldError(reason) from None

    return structure


_SCALAR_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _scalar_structurer(tp: type) -> Structurer:
    def structure(value: Any) -> Any:
        if type(value) is tp:
            return value
        if tp is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not isinstance(value, tp) or (tp is not bool and isinstance(value, bool)):
            reason = f"must be {_SCALAR_NAMES[tp]}, got {_json_kind(value)}"
            raise FieldError(reason)
        return value

    return structure


#: How many distinct days and dyads decoding remembers. A log names few of each, so a large
#: log shares one object per day and per dyad instead of holding one per entry.
_REMEMBERED = 1 << 16


def _dyad(value: Any) -> Dyad:
    if not isinstance(value, str):
        reason = f"must be two actor codes as 'A-B', got {_json_kind(value)}"
        raise FieldError(reason)
    return _parsed_dyad(value)


@lru_cache(maxsize=_REMEMBERED)
def _parsed_dyad(text: str) -> Dyad:
    return Dyad.parse(text)


def _day(value: Any) -> date:
    day: date = _parse(_parsed_day if type(value) is str else parse_day, value)
    return day


@lru_cache(maxsize=_REMEMBERED)
def _parsed_day(text: str) -> date:
    if len(text) == 10 and text[4] == text[7] == "-" and text.isascii():  # YYYY-MM-DD at once
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(text)  # ASCII digits only, as parse_day reads them
            if FIRST_DAY <= day <= LAST_DAY:
                return day
    return parse_day(text)  # what is wrong said as parse_day says it


def _day_as_stated(value: Any) -> date:
    """A day, or a day with the precision it was stated to (``2014-06-30~month``)."""
    if type(value) is str:
        if _STATED_AS in value:
            day, _, precision = value.partition(_STATED_AS)
            try:
                return Day.of(_parsed_day(day), Precision(precision))
            except ValueError as error:
                raise FieldError(str(error)) from None
        try:
            return _parsed_day(value)
        except ValueError as error:
            raise FieldError(str(error)) from None
    return _day(value)


def _stated_day(value: Any) -> Day:
    day: Day = _parse(_parsed_stated_day if type(value) is str else parse_stated_day, value)
    return day


@lru_cache(maxsize=_REMEMBERED)
def _parsed_stated_day(text: str) -> Day:
    return parse_stated_day(text)


def _parse(parser: Callable[[str], Any], value: Any) -> Any:
    try:
        return parser(value)
    except (TypeError, ValueError) as error:
        raise FieldError(str(error)) from None


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        reason = f"must be a list, got {_json_kind(value)}"
        raise FieldError(reason)
    return value


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        reason = f"must be an object, got {_json_kind(value)}"
        raise FieldError(reason)
    return value


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    names = {bool: "a boolean", int: "a number", float: "a number", str: "text"}
    names |= {list: "a list", dict: "an object"}
    described = names.get(type(value), type(value).__name__)
    return f"{described} {shown(value)}" if isinstance(value, str | int | float) else described
