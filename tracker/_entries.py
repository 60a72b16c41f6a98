"""The entries of an event log: typed, frozen facts, each backed by quoted sources."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

import attrs
from attrs import Factory, field, frozen

from tracker._dates import DateWindow
from tracker._errors import FieldError

__all__ = [
    "HIGH_LEVEL",
    "MILITARY",
    "NRC",
    "ChannelEstablished",
    "CooperationNote",
    "CooperationStatus",
    "CouncilMeeting",
    "Declaration",
    "Dyad",
    "Entry",
    "EventCode",
    "FollowUp",
    "InformalMeeting",
    "MeetingAnnouncement",
    "MinisterialDecision",
    "Participant",
    "Source",
    "Stance",
    "Suspension",
    "entry_type",
    "entry_types",
]

#: The channels of the NATO–Russia relationship; other dyads name their own.
NRC = "nrc"
HIGH_LEVEL = "high_level_political"
MILITARY = "military"

_ACTOR = re.compile(r"[A-Z][A-Z0-9]{1,11}")
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _key(attribute: attrs.Attribute[Any]) -> str:
    """The field's name as the log spells it."""
    return attribute.metadata.get("key", attribute.name)


def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        reason = f"must be non-empty text, got {value!r}"
        raise FieldError(reason, _key(attribute))


def _optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        reason = f"must be text, got {type(value).__name__}"
        raise FieldError(reason, _key(attribute))


Check = Callable[[object, "attrs.Attribute[Any]", Any], None]


def _pattern(regex: re.Pattern[str], what: str) -> Check:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not regex.fullmatch(value):
            reason = f"{value!r} is not {what}"
            raise FieldError(reason, _key(attribute))

    return check


def _each(check: Check) -> Check:
    def check_each(instance: object, attribute: attrs.Attribute[Any], values: Any) -> None:
        for index, value in enumerate(values):
            try:
                check(instance, attribute, value)
            except FieldError as error:
                reason = error.reason
                raise FieldError(reason, f"{_key(attribute)}[{index}]") from None

    return check_each


_actor = _pattern(_ACTOR, "an actor code (2-12 capitals or digits, such as NATO or RUS)")
_name = _pattern(_NAME, "a snake_case name")


def _day(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        reason = f"must be a date, got {value!r}"
        raise FieldError(reason, _key(attribute))


def _flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        reason = f"must be true or false, got {value!r}"
        raise FieldError(reason, _key(attribute))


@frozen(order=True, cache_hash=True)
class Dyad:
    """An unordered pair of parties in alphabetical order: ``Dyad("RUS", "NATO")`` is NATO-RUS."""

    first: str = field(validator=_actor)
    second: str = field(validator=_actor)

    def __attrs_post_init__(self) -> None:
        if self.first == self.second:
            reason = f"a dyad needs two different parties, got {self.first} twice"
            raise FieldError(reason)
        if self.second < self.first:
            first, second = self.second, self.first
            object.__setattr__(self, "first", first)
            object.__setattr__(self, "second", second)

    @classmethod
    def parse(cls, text: str) -> Dyad:
        """Read ``A-B`` (either order)."""
        parts = text.split("-") if isinstance(text, str) else []
        if len(parts) != 2:
            reason = f"invalid dyad {text!r}: expected two actor codes as 'A-B', such as 'NATO-RUS'"
            raise FieldError(reason)
        return cls(parts[0].strip().upper(), parts[1].strip().upper())

    def __contains__(self, actor: object) -> bool:
        return actor in (self.first, self.second)

    def __str__(self) -> str:
        return f"{self.first}-{self.second}"


class CooperationStatus(StrEnum):
    """Where practical cooperation in one area stands."""

    CONTINUING = "continuing"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    PROPOSED = "proposed"


@frozen
class Participant:
    """A person who took part, in the role they held then, for one side."""

    name: str = field(validator=_text)
    role: str = field(validator=_text)
    side: str = field(validator=_actor)


@frozen
class Source:
    """A report of the entry: where it appeared, and the sentences of it that back the entry.

    ``published`` is ``None`` when the page carries no trustworthy date, ``headline`` empty when
    it has none. ``article`` names the
    article's text file, next to the log in ``articles/``. Quotes are copied verbatim.
    """

    outlet: str = field(validator=_text)
    article: str = field(validator=_text)
    headline: str = field(default="", validator=_optional_text)
    published: date | datetime | None = None
    quotes: tuple[str, ...] = field(default=(), converter=tuple, validator=_each(_text))

    @property
    def published_on(self) -> date | None:
        """The day of publication, if known."""
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published


@frozen
class Stance:
    """An actor's stated position on an issue, with the sentence that states it and who spoke."""

    actor: str = field(validator=_actor)
    issue: str = field(validator=_name)
    position: str = field(validator=_text)
    quote: str = field(validator=_text)
    speaker: str = field(default="", validator=_optional_text)


@frozen
class FollowUp:
    """An event the entry says is expected: its kind (an entry type), when, and the words."""

    kind: str = field(validator=_name)
    expected: DateWindow
    phrase: str = field(validator=_text)
    quote: str = field(validator=_text)
    detail: str = field(default="", validator=_optional_text)


@frozen
class CooperationNote:
    """What an entry says about practical cooperation in one area."""

    area: str = field(validator=_name)
    status: CooperationStatus = field(converter=CooperationStatus)
    quote: str = field(validator=_text)


@frozen
class EventCode:
    """How an entry type is coded in the CAMEO and PLOVER event ontologies.

    ``plover`` is ``None`` for plain statements: PLOVER codes no commentary.
    """

    cameo: str
    cameo_label: str
    goldstein: float
    plover: str | None


def _reported_default(entry: Entry) -> date:
    days = [day for source in entry.sources if (day := source.published_on) is not None]
    if not days:
        reason = "required, since no source has a publication date"
        raise FieldError(reason, "reported")
    return min(days)


def _reported_not_before(entry: Entry, _attribute: object, reported: date) -> None:
    _day(entry, _attribute, reported)
    if reported < entry.on:
        reason = f"{reported} is before the day it happened ({entry.on})"
        raise FieldError(reason, "reported")


def _sources_given(_entry: Entry, _attribute: object, sources: tuple[Source, ...]) -> None:
    if not sources:
        reason = "an entry needs at least one source"
        raise FieldError(reason, "sources")


@frozen(kw_only=True)
class Entry:
    """A fact that happened between two parties, with when it happened and when it became known.

    Subclasses are the event types: declare them with :func:`entry_type`.
    """

    TYPE: ClassVar[str]
    VERSION: ClassVar[int]
    CODE: ClassVar[EventCode]

    id: str = field(validator=_pattern(_ID, "an id (lowercase letters, digits, '.', '_', '-')"))
    on: date = field(validator=_day)
    parties: Dyad
    title: str = field(validator=_text)
    sources: tuple[Source, ...] = field(converter=tuple, validator=_sources_given)
    reported: date = field(
        default=Factory(_reported_default, takes_self=True), validator=_reported_not_before
    )
    participants: tuple[Participant, ...] = field(default=(), converter=tuple)
    stances: tuple[Stance, ...] = field(default=(), converter=tuple)
    follow_ups: tuple[FollowUp, ...] = field(default=(), converter=tuple)
    cooperation: tuple[CooperationNote, ...] = field(default=(), converter=tuple)

    def occurrence(self) -> str:
        """What identifies the occurrence reported: two entries with one key report one event."""
        return f"{self.TYPE}|{self.parties}|{self.on}"

    def expectations(self) -> tuple[FollowUp, ...]:
        """The events this entry says are to come."""
        return self.follow_ups

    def quotes(self) -> tuple[str, ...]:
        """Every sentence the entry quotes, from its sources and its items."""
        return (
            *(quote for source in self.sources for quote in source.quotes),
            *(stance.quote for stance in self.stances),
            *(follow_up.quote for follow_up in self.expectations()),
            *(note.quote for note in self.cooperation),
        )


_ENTRY_TYPES: dict[str, type[Entry]] = {}

E = TypeVar("E", bound=Entry)


def entry_type(
    name: str,
    *,
    cameo: str,
    cameo_label: str,
    goldstein: float,
    plover: str | None,
    version: int = 1,
) -> Callable[[type[E]], type[E]]:
    """Declare an event type: make the class a frozen, slotted, keyword-only attrs class,
    give it its JSON name, schema version and event codes, and register it with the codec.

    Use it on a subclass of :class:`Entry` (its rule is registered with ``tracker.rule``)::

        @entry_type("sanctions_eased", cameo="081", cameo_label="Ease administrative sanctions",
                    goldstein=5.0, plover="CONCEDE")
        class SanctionsEased(Entry):
            measures: tuple[str, ...]
    """
    if not _NAME.fullmatch(name):
        msg = f"entry type name {name!r} is not snake_case"
        raise ValueError(msg)
    if not -10.0 <= goldstein <= 10.0:
        msg = f"Goldstein value {goldstein} lies outside -10..10"
        raise ValueError(msg)

    def declare(cls: type[E]) -> type[E]:
        if not (isinstance(cls, type) and issubclass(cls, Entry)):
            msg = f"@entry_type({name!r}) decorates subclasses of Entry, not {cls!r}"
            raise TypeError(msg)
        if name in _ENTRY_TYPES and _ENTRY_TYPES[name].__qualname__ != cls.__qualname__:
            msg = f"entry type {name!r} is already declared by {_ENTRY_TYPES[name].__qualname__}"
            raise ValueError(msg)
        declared = frozen(kw_only=True)(cls)
        declared.TYPE = name
        declared.VERSION = version
        declared.CODE = EventCode(cameo, cameo_label, goldstein, plover)
        _ENTRY_TYPES[name] = declared
        return declared

    return declare


def entry_types() -> MappingProxyType[str, type[Entry]]:
    """Every declared event type, by JSON name, in declaration order."""
    return MappingProxyType(_ENTRY_TYPES)


@entry_type(
    "channel_established",
    cameo="057",
    cameo_label="Sign formal agreement",
    goldstein=8.0,
    plover="AGREE",
)
class ChannelEstablished(Entry):
    """The parties set up a channel of their relationship (such as the NRC in 2002)."""

    channel: str = field(validator=_name)
    body: str = field(validator=_text)


@entry_type(
    "suspension",
    cameo="161",
    cameo_label="Reduce or break diplomatic relations",
    goldstein=-4.0,
    plover="SANCTION",
)
class Suspension(Entry):
    """One party suspends channels of the relationship, and why."""

    by: str = field(validator=_actor)
    channels: tuple[str, ...] = field(converter=tuple, validator=_each(_name))
    reason: str = field(validator=_text)


@entry_type(
    "declaration",
    cameo="010",
    cameo_label="Make statement",
    goldstein=0.0,
    plover=None,
)
class Declaration(Entry):
    """A body of one party sets out policy that bears on the other (a summit declaration)."""

    by: str = field(validator=_actor)
    body: str = field(validator=_text)
    statement: str = field(validator=_text)


@entry_type(
    "ministerial_decision",
    cameo="030",
    cameo_label="Express intent to cooperate",
    goldstein=4.0,
    plover="AGREE",
)
class MinisterialDecision(Entry):
    """A ministerial body decides: which suspended channels to resume, on what conditions,
    and which positions it keeps."""

    by: str = field(validator=_actor)
    body: str = field(validator=_text)
    decision: str = field(validator=_text)
    resumes: tuple[str, ...] = field(default=(), converter=tuple, validator=_each(_name))
    conditions: tuple[str, ...] = field(default=(), converter=tuple, validator=_each(_text))
    reaffirmed: tuple[str, ...] = field(default=(), converter=tuple, validator=_each(_text))


@entry_type(
    "meeting_announcement",
    cameo="036",
    cameo_label="Express intent to meet or negotiate",
    goldstein=4.0,
    plover="AGREE",
)
class MeetingAnnouncement(Entry):
    """A meeting is announced: its kind and expected window, its format and venue."""

    planned: FollowUp
    format: str = field(default="", validator=_optional_text)
    venue: str = field(default="", validator=_optional_text)

    def expectations(self) -> tuple[FollowUp, ...]:
        """The planned meeting first, then any other follow-up."""
        return (self.planned, *self.follow_ups)


@entry_type(
    "informal_meeting",
    cameo="040",
    cameo_label="Consult",
    goldstein=1.0,
    plover="CONSULT",
)
class InformalMeeting(Entry):
    """An informal meeting of the parties' representatives (a lunch, a working visit)."""

    format: str = field(validator=_text)
    venue: str = field(default="", validator=_optional_text)
    channel: str = field(default=HIGH_LEVEL, validator=_name)


@entry_type(
    "council_meeting",
    cameo="050",
    cameo_label="Engage in diplomatic cooperation",
    goldstein=3.5,
    plover="COOPERATE",
)
class CouncilMeeting(Entry):
    """A session of the parties' council (the NRC), at a level, formal or informal."""

    level: str = field(validator=_text)
    formal: bool = field(validator=_flag)
    council: str = field(default=NRC, validator=_name)
    venue: str = field(default="", validator=_optional_text)
