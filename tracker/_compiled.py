"""A compiled decode of entry lines: msgspec Structs derived from each entry type's attrs
declaration check a line's shape and every constraint its validators state in one pass, then
the attrs entries are built from them without running those checks again: only the checks
that no constraint states (of several fields, such as a report not before the day it happened)
and ``__attrs_post_init__`` run, as attrs' own ``__init__`` would run them.

A line the compiled pass refuses, or one of an older schema version (which upcasters lift), is
read again by :mod:`tracker._codec`'s decoder, the reference: its error names the field and
the reason, so both paths report a bad line alike and a valid one gives the same entry.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from functools import cache, lru_cache
from typing import Annotated, Any

import attrs
import msgspec
import orjson

from tracker._codec import (
    _REMEMBERED,
    _fields,
    _parsed_day,
    _parsed_dyad,
    _parsed_stated_day,
    _reads_parties_as_written,
    decode_entry,
    of_another_dyad,
)
from tracker._dates import Day, parse_timestamp
from tracker._entries import Dyad, Entry, constraints_of, entry_types, kept_by
from tracker._errors import FieldError

__all__ = ["compiled_entry", "loads_entry", "read_line"]

#: Turns what the compiled pass read into the field's value (a string into a day, a Struct into
#: its attrs object); ``None`` where the value is already the field's.
Builder = Callable[[Any], Any] | None

#: The whole numbers the compiled pass reads; a wider one (which orjson may read as a float)
#: is left to the reference decoder.
_WHOLE = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]


class _Unsupported(Exception):
    """A field type the compiled pass does not read; the reference decoder reads its entries."""


def read_line(line: bytes | memoryview | str, dyad: Dyad | None = None) -> Entry | None:
    """The entry on one JSON line, or ``None`` if ``dyad`` is given and the line is surely of
    another; a bad line raises :class:`FieldError` (or ``orjson.JSONDecodeError``) as the
    reference decoder does."""
    try:  # msgspec's errors, like FieldError, are ValueErrors; attrs may raise TypeError
        plan, read = _compiled_read(line)
        if dyad is not None and plan.own_parties and _parsed_dyad(read.parties) != dyad:
            return None
        entry: Entry = plan.build(read)
    except (TypeError, ValueError):
        return _reference(line, dyad)
    return entry


def compiled_entry(line: bytes | memoryview | str) -> Entry:
    """The entry the compiled pass alone reads from a line; ``ValueError`` or ``TypeError`` if
    it does not read it (a bad line, or an older version that upcasters lift)."""
    plan, read = _compiled_read(line)
    entry: Entry = plan.build(read)
    return entry


def _compiled_read(line: bytes | memoryview | str) -> tuple[_Plan, Any]:
    """The Struct read from a line of the current version of its type, and its plan."""
    known = entry_types()
    decoder, plans = _compiled(len(known))
    read = decoder.decode(line)
    plan = plans[type(read)]
    if known.get(plan.cls.TYPE) is not plan.cls:  # its type was declared again since
        _compiled.cache_clear()
        return _compiled_read(line)
    if read.v != plan.version:
        msg = f"version {read.v} is not the current one, {plan.version}"
        raise ValueError(msg)
    return plan, read


def loads_entry(line: bytes | str) -> Entry:
    """Read an entry from one JSON line."""
    try:
        entry = read_line(line)
    except orjson.JSONDecodeError as error:
        reason = f"not valid JSON: {error}"
        raise FieldError(reason) from None
    assert entry is not None  # no dyad, no line skipped
    return entry


def _reference(line: bytes | memoryview | str, dyad: Dyad | None) -> Entry | None:
    data = orjson.loads(line)
    if dyad is not None and of_another_dyad(data, dyad):
        return None
    return decode_entry(data)


#: One field as the build sets it: its name, the setter of its slot, the builder of its value,
#: its converter, and the factory of its default (called with the object when it takes it).
_Step = tuple[str, Callable[[Any, Any], None], Builder, Builder, Callable[..., Any] | None, bool]

#: A check left to Python, with the field it checks (by its step's place).
_Check = tuple[Callable[[Any, Any, Any], None], Any, int]


@attrs.frozen
class _Plan:
    """How to build an attrs object from its Struct (``build``), and for an entry, its schema
    version and whether its dyad is its ``parties`` key as written."""

    cls: type[Any]
    build: Callable[[Any], Any]
    version: int = 0
    own_parties: bool = False


def _builder(cls: type, steps: list[_Step], checks: list[_Check]) -> Callable[[Any], Any]:
    """A function that builds ``cls`` from its Struct as attrs' ``__init__`` would from the
    same values: converters and defaults in field order, then the checks left to Python,
    then the post-init; written out field by field, as attrs writes its ``__init__``."""
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls, "UNSET": msgspec.UNSET}
    lines = ["def build(read):", "    made = new(cls)"]
    for index, (name, set_slot, build, convert, factory, takes_self) in enumerate(steps):
        value = f"v{index}"
        lines.append(f"    {value} = read.{name}")
        otherwise = "if"
        if factory is not None:
            scope[f"factory{index}"] = factory
            called = "made" if takes_self else ""
            lines += [f"    if {value} is UNSET:", f"        {value} = factory{index}({called})"]
            otherwise = "elif"
        inner = build.build if isinstance(build, _OrNone) else build  # None is tested here
        if isinstance(inner, _Each):  # items built in the loop of map(), none for no items
            scope[f"item{index}"] = inner.build
            lines.append(f"    {otherwise} {value}:")
            lines.append(f"        {value} = tuple(map(item{index}, {value}))")
        elif inner is not None:
            scope[f"build{index}"] = inner
            lines.append(f"    {otherwise} {value} is not None:")
            lines.append(f"        {value} = build{index}({value})")
        if convert is not None:
            scope[f"convert{index}"] = convert
            kept = kept_by(convert)
            if kept is not None:  # a value of that type, read or built, is the converter's own
                scope[f"kept{index}"] = kept
                lines.append(f"    if type({value}) is not kept{index}:")
                lines.append(f"        {value} = convert{index}({value})")
            else:
                lines.append(f"    {value} = convert{index}({value})")
        scope[f"set{index}"] = set_slot
        lines.append(f"    set{index}(made, {value})")
    for number, (check, attribute, index) in enumerate(checks):
        scope[f"check{number}"], scope[f"field{number}"] = check, attribute
        lines.append(f"    check{number}(made, field{number}, v{index})")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    made.__attrs_post_init__()")
    lines.append("    return made")
    exec(compile("\n".join(lines), f"<build {cls.__qualname__}>", "exec"), scope)
    built: Callable[[Any], Any] = scope["build"]
    return built


_Compiled = tuple[msgspec.json.Decoder[Any], dict[type, _Plan]]


@lru_cache(maxsize=1)
def _compiled(count: int) -> _Compiled:
    """One decoder of every entry type the compiled pass can read, tagged by ``type``, made
    again when the ``count`` of declared types changes (a plug-in loaded) or one of them is
    declared again."""
    structs: list[type] = []
    plans: dict[type, _Plan] = {}
    for cls in entry_types().values():
        try:
            struct, plan = _struct(cls, tag=cls.TYPE)
        except _Unsupported:
            continue
        structs.append(struct)
        own = _reads_parties_as_written(cls)
        plans[struct] = attrs.evolve(plan, version=cls.VERSION, own_parties=own)
    union: Any = typing.Union[tuple(structs)] if structs else msgspec.Struct  # noqa: UP007
    return msgspec.json.Decoder(union), plans


_nested: dict[type, tuple[type, _Plan]] = {}


def _struct(cls: type, tag: str | None = None) -> tuple[type, _Plan]:
    """The Struct that reads ``cls``'s JSON object (keys as the log spells them, unknown keys
    refused, optional ones unset when absent), and the plan that builds ``cls`` from it."""
    if tag is None and cls in _nested:
        return _nested[cls]
    attributes = attrs.fields_dict(cls)
    slots = {name: _slot(cls, name) for name in attributes}
    if len(_fields(cls)) != len(attributes) or hasattr(cls, "__attrs_pre_init__"):
        raise _Unsupported  # a field or a step its __init__ makes of its own
    fields: list[Any] = []
    steps: list[_Step] = []
    checks: list[_Check] = []
    for index, spec in enumerate(_fields(cls)):
        attribute = attributes[spec.name]
        kind, build = _read_as(spec.type)
        constraints = constraints_of(attribute.validator)
        if constraints is not None:
            kind = _constrained(kind, constraints)
        elif attribute.validator is not None:
            checks.append((attribute.validator, attribute, index))
        factory, takes_self = None, False
        if spec.required:
            fields.append((spec.name, kind, msgspec.field(name=spec.key)))
        elif isinstance(spec.default, attrs.Factory):  # type: ignore[arg-type]
            unset = kind | msgspec.UnsetType
            fields.append((spec.name, unset, msgspec.field(default=msgspec.UNSET, name=spec.key)))
            factory, takes_self = spec.default.factory, spec.default.takes_self
        else:
            fields.append((spec.name, kind, msgspec.field(default=spec.default, name=spec.key)))
        converter: Builder = attribute.converter  # type: ignore[assignment]
        steps.append((spec.name, slots[spec.name], build, converter, factory, takes_self))
    options: dict[str, Any] = {"forbid_unknown_fields": True, "gc": False, "kw_only": True}
    if tag is not None:
        fields.insert(0, ("v", _WHOLE, msgspec.field(name="v")))
        options |= {"tag_field": "type", "tag": tag}
    try:  # a default msgspec does not take as one (a mutable value) leaves it to the reference
        struct = msgspec.defstruct(f"_{cls.__name__}Read", fields, **options)
    except (TypeError, ValueError) as error:
        raise _Unsupported from error
    compiled = (struct, _Plan(cls, _builder(cls, steps, checks)))
    if tag is None:
        _nested[cls] = compiled
    return compiled


def _slot(cls: type, name: str) -> Callable[[Any, Any], None]:
    """What sets the field ``name`` of a slotted, frozen object, as attrs' ``__init__`` does;
    a class without slots, or one that caches its hash in a slot of its own, is not built."""
    slot = next((klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__), None)
    if not isinstance(slot, types.MemberDescriptorType) or hasattr(cls, "_attrs_cached_hash"):
        raise _Unsupported
    setter: Callable[[Any, Any], None] = slot.__set__
    return setter


def _constrained(kind: Any, constraints: Mapping[str, Any]) -> Any:
    """``kind`` annotated with a validator's constraints (``items``: its items'), merged with
    any it has (the bounds of a whole number) and applied to the value of an optional one."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        return typing.Union[  # noqa: UP007 - a union made at run time
            tuple(arg if arg is type(None) else _constrained(arg, constraints) for arg in args)
        ]
    own = {key: value for key, value in constraints.items() if key != "items"}
    if "items" in constraints:
        kind = tuple[_constrained(args[0], constraints["items"]), ...]  # type: ignore[misc]
    if not own:
        return kind
    if origin is Annotated:  # a whole number's bounds: the narrower of each is kept
        kind, meta = args
        if meta.ge is not None:
            own["ge"] = max(own.get("ge", meta.ge), meta.ge)
        if meta.le is not None:
            own["le"] = min(own.get("le", meta.le), meta.le)
    return Annotated[kind, msgspec.Meta(**own)]


@cache
def _read_as(tp: Any) -> tuple[Any, Builder]:
    """The type the compiled pass reads a field of type ``tp`` as, and its builder."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    kind: Any
    build: Builder
    generic: Any = tuple if origin is tuple else dict  # subscripted with what it reads
    if origin in (types.UnionType, typing.Union):
        rest = tuple(arg for arg in args if arg is not type(None))
        if set(rest) == {date, datetime}:
            kind, build = str, _timestamp
        elif len(rest) == 1:
            kind, build = _read_as(rest[0])
        else:
            raise _Unsupported
        if type(None) in args:
            kind = kind | None
            build = build and _OrNone(build)
        return kind, build
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        kind, build = _read_as(args[0])
        return generic[kind, ...], build and _Each(build)
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        kind, build = _read_as(args[1])
        return generic[str, kind], build and _values(build)
    simple: dict[Any, tuple[Any, Builder]] = {
        Dyad: (str, _parsed_dyad),
        date: (str, _parsed_day),
        Day: (str, _parsed_stated_day),
        str: (str, None),
        int: (_WHOLE, None),
        float: (float, None),
        bool: (bool, None),
    }
    if tp in simple:
        return simple[tp]
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp, None
    if isinstance(tp, type) and attrs.has(tp):
        struct, plan = _struct(tp)
        return struct, plan.build
    raise _Unsupported


@lru_cache(maxsize=_REMEMBERED)
def _timestamp(text: str) -> date | datetime:
    return parse_timestamp(text)


@attrs.frozen
class _OrNone:
    """Builds a value that may be ``None`` (left as it is)."""

    build: Callable[[Any], Any]

    def __call__(self, value: Any) -> Any:
        return None if value is None else self.build(value)


@attrs.frozen
class _Each:
    """Builds each item of a tuple: a class of its own, so that a builder written out for a
    field calls ``map()`` with the item's builder itself."""

    build: Callable[[Any], Any]

    def __call__(self, values: Any) -> Any:
        return tuple(map(self.build, values))


def _values(build: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda values: {key: build(value) for key, value in values.items()}
