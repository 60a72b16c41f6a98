"""The entries of an event log: typed, frozen facts, each backed by its sources."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from enum import Enum, StrEnum
from functools import lru_cache
from types import MappingProxyType
from typing import Any, ClassVar, Protocol, TypeVar

import attrs
from attrs import Factory, field, frozen

from tracker._articles import article_name_problem
from tracker._dates import DateWindow, Day, Precision
from tracker._errors import FieldError, shown

__all__ = [
    "HIGH_LEVEL",
    "LEVELS",
    "MILITARY",
    "NRC",
    "BodyDefunct",
    "ChannelEstablished",
    "CodedEvent",
    "Condemnation",
    "CooperationNote",
    "CooperationStatus",
    "CouncilMeeting",
    "Declaration",
    "Dyad",
    "EconomicKind",
    "EconomicMeasure",
    "EconomicTarget",
    "Entry",
    "EventCode",
    "Expected",
    "Expulsion",
    "FollowUp",
    "ForceAction",
    "InformalMeeting",
    "Lift",
    "MeetingAnnouncement",
    "MinisterialDecision",
    "Participant",
    "PresenceAction",
    "PresenceMeasure",
    "Proposal",
    "Role",
    "Source",
    "Stance",
    "Suspension",
    "UseOfForce",
    "channel_role",
    "entry_type",
    "entry_types",
    "level_of",
    "occurrence_code",
    "occurrence_key",
    "occurrence_text",
]

#: The channels of the NATO–Russia relationship; other dyads name their own.
NRC = "nrc"
HIGH_LEVEL = "high_level_political"
MILITARY = "military"


class Role(StrEnum):
    """What a channel is for, which decides what a measure on it means for the phase."""

    FORUM = "forum"  #: a standing council of both parties (the NRC)
    DIALOGUE = "dialogue"  #: political contacts and talks outside the council
    COOPERATION = "cooperation"  #: practical cooperation (military, civilian, projects)
    RELATIONS = "relations"  #: diplomatic relations themselves


#: Channel names whose role goes without saying; a ``channel_established`` entry may name any
#: other channel's role, and a channel no entry names a role for is taken as dialogue.
_ROLES = {
    NRC: Role.FORUM,
    HIGH_LEVEL: Role.DIALOGUE,
    MILITARY: Role.COOPERATION,
    "diplomatic_relations": Role.RELATIONS,
}
_ROLE_SUFFIXES = (
    ("_council", Role.FORUM),
    ("_commission", Role.FORUM),
    ("_cooperation", Role.COOPERATION),
    ("_treaty", Role.COOPERATION),
    ("_agreement", Role.COOPERATION),
    ("_talks", Role.DIALOGUE),
    ("_dialogue", Role.DIALOGUE),
    ("_relations", Role.RELATIONS),
)


def channel_role(channel: str) -> Role:
    """The role a channel's name implies: known names, then suffixes, else dialogue."""
    if channel in _ROLES:
        return _ROLES[channel]
    return next(
        (role for suffix, role in _ROLE_SUFFIXES if channel.endswith(suffix)), Role.DIALOGUE
    )


#: The levels at which a forum meets or a measure applies, and the words sources use for them.
LEVELS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "ambassadors": ("ambassadorial", "ambassador", "permanent_representatives"),
        "ministers": ("ministerial", "minister", "foreign_ministers", "defence_ministers"),
        "chiefs_of_defence": ("chiefs_of_staff", "military_representatives", "military"),
        "summit": ("heads_of_state_and_government", "heads_of_state", "leaders"),
        "working": ("working_level", "experts", "expert", "officials"),
    }
)
_LEVEL_NAMES = {
    **{name: name for name in LEVELS},
    **{word: name for name, words in LEVELS.items() for word in words},
}


@lru_cache(maxsize=4096)
def level_of(text: str) -> str:
    """The level a text names, as one of :data:`LEVELS` when it is one of their words
    (``"ambassadorial"`` is ``ambassadors``), else the text in snake_case; ``""`` for none."""
    words = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    words = words.removesuffix("_level") if words not in _LEVEL_NAMES else words
    return _LEVEL_NAMES.get(words, words)


_ACTOR = re.compile(r"[A-Z][A-Z0-9]{1,11}")
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _key(attribute: attrs.Attribute[Any]) -> str:
    """The field's name as the log spells it."""
    key: str = attribute.metadata.get("key", attribute.name)
    return key


Check = Callable[[object, "attrs.Attribute[Any]", Any], None]

#: What each check that a compiled decode can make in its own pass asks of a value of its
#: field's type, as msgspec's ``Meta`` takes it (``pattern``, searched; ``min_length``; ``ge``,
#: ``le``), with ``items`` for what it asks of each item; empty when the type says it all.
_CONSTRAINTS: dict[object, Mapping[str, Any]] = {}


C = TypeVar("C", bound=Callable[..., None])


def _constraining(**constraints: Any) -> Callable[[C], C]:
    """Register what the decorated check asks, as :func:`constraints_of` gives it."""

    def register(check: C) -> C:
        _CONSTRAINTS[check] = MappingProxyType(constraints)
        return check

    return register


def constraints_of(check: object) -> Mapping[str, Any] | None:
    """What ``check`` (a field's validator) asks of a value of the field's type, as msgspec's
    ``Meta`` constraints; ``None`` for a check only Python makes (of several fields, or more
    than a constraint says), which a compiled decode runs after its pass."""
    try:
        return _CONSTRAINTS.get(check)
    except TypeError:  # a validator object that cannot be hashed states no constraint
        return None


def _whole_match(regex: re.Pattern[str]) -> str:
    """The pattern that, searched, finds what ``regex`` matches whole."""
    return f"^(?:{regex.pattern})\\Z"


@_constraining(pattern=r"\S")  # str.strip() and re's \s take the same characters as space
def _text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        reason = f"must be non-empty text, got {shown(value)}"
        raise FieldError(reason, _key(attribute))


@_constraining()
def _optional_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        reason = f"must be text, got {type(value).__name__}"
        raise FieldError(reason, _key(attribute))


def _pattern(regex: re.Pattern[str], what: str) -> Check:
    @_constraining(pattern=_whole_match(regex))
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not regex.fullmatch(value):
            reason = f"{shown(value)} is not {what}"
            raise FieldError(reason, _key(attribute))

    return check


def _each(check: Check) -> Check:
    items = constraints_of(check)

    def check_each(instance: object, attribute: attrs.Attribute[Any], values: Any) -> None:
        for index, value in enumerate(values):
            try:
                check(instance, attribute, value)
            except FieldError as error:
                reason = error.reason
                raise FieldError(reason, f"{_key(attribute)}[{index}]") from None

    return check_each if items is None else _constraining(items=items)(check_each)


# Typed converters of the entries' tuple fields (a list in, a tuple out), one per item type,
# so that a type checker knows what each field takes.
def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _sources(values: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(values)


def _participants(values: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(values)


def _stances(values: Iterable[Stance]) -> tuple[Stance, ...]:
    return tuple(values)


def _follow_ups(values: Iterable[FollowUp]) -> tuple[FollowUp, ...]:
    return tuple(values)


def _notes(values: Iterable[CooperationNote]) -> tuple[CooperationNote, ...]:
    return tuple(values)


def _lifts(values: Iterable[Lift]) -> tuple[Lift, ...]:
    return tuple(values)


#: Converters of the entries' fields, each with the type of the values it gives back as they
#: are: the tuple converters above their tuples (and a stated day's converter, below, its days).
_KEEPS: dict[object, type] = dict.fromkeys(
    (_texts, _sources, _participants, _stances, _follow_ups, _notes, _lifts), tuple
)


def kept_by(converter: object) -> type | None:
    """The type of the values ``converter`` gives back as they are (an enum its members), or
    ``None``: a decode that reads a value of that type already need not call it."""
    if isinstance(converter, type) and issubclass(converter, Enum):
        return converter
    try:
        return _KEEPS.get(converter)
    except TypeError:  # a converter object that cannot be hashed is not one of them
        return None


_actor = _pattern(_ACTOR, "an actor code (2-12 capitals or digits, such as NATO or RUS)")
_name = _pattern(_NAME, "a snake_case name")
_optional_actor = _pattern(re.compile(f"(?:{_ACTOR.pattern})?"), "empty or an actor code")
_optional_name = _pattern(re.compile(f"(?:{_NAME.pattern})?"), "empty or a snake_case name")


@_constraining()
def _day(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        reason = f"must be a date, got {shown(value)}"
        raise FieldError(reason, _key(attribute))


@_constraining()
def _flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        reason = f"must be true or false, got {shown(value)}"
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
            reason = (
                f"invalid dyad {shown(text)}: expected two actor codes as 'A-B', such as 'NATO-RUS'"
            )
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


def _article_name(_source: object, attribute: attrs.Attribute[Any], name: object) -> None:
    _optional_text(_source, attribute, name)
    problem = article_name_problem(name) if isinstance(name, str) and name else None
    if problem is not None:
        raise FieldError(problem, "article")


def _cited(source: Source) -> None:
    if not source.article and not source.url:
        reason = "a source names its bundled article, its address (url), or both"
        raise FieldError(reason, "article")
    if source.quotes and not source.article:
        reason = "quotes are checked against the bundled article: name it"
        raise FieldError(reason, "quotes")


@frozen
class Source:
    """A report of the entry: where it appeared, and the sentences of it that back the entry.

    ``published`` is ``None`` when the page carries no trustworthy date, ``headline`` empty when
    it has none. ``article`` names the article's text file, next to the log in ``articles/``,
    whose sentences ``quotes`` copies verbatim; a source whose text is not bundled is cited by
    its address (``url``) alone, without quotes.
    """

    outlet: str = field(validator=_text)
    article: str = field(default="", validator=_article_name)
    headline: str = field(default="", validator=_optional_text)
    published: date | datetime | None = None
    url: str = field(default="", validator=_optional_text)
    quotes: tuple[str, ...] = field(default=(), converter=_texts, validator=_each(_text))

    def __attrs_post_init__(self) -> None:
        _cited(self)

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
    quote: str = field(default="", validator=_optional_text)
    speaker: str = field(default="", validator=_optional_text)


@_constraining()
def _optional_flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _flag(_instance, attribute, value)


@frozen
class FollowUp:
    """An event the entry says is expected: its kind (an entry type), when, and the words.

    ``forum``, ``level`` and ``formal`` say what was expected where the source says it (a
    formal council of ministers); ``actor`` the party expected to act, ``mission`` the mission
    or post acted on, ``restores`` whether the presence there is to be restored (``True``: an
    ambassador sent back, an embassy reopened) or reduced (``False``: recalled, closed). Empty,
    they accept any. A window with no end is open-ended ("after the summit").
    """

    kind: str = field(validator=_name)
    expected: DateWindow
    phrase: str = field(validator=_text)
    quote: str = field(default="", validator=_optional_text)
    detail: str = field(default="", validator=_optional_text)
    forum: str = field(default="", validator=_optional_text)
    level: str = field(default="", validator=_optional_text)
    formal: bool | None = field(default=None, validator=_optional_flag)
    actor: str = field(default="", validator=_optional_actor)
    mission: str = field(default="", validator=_optional_name)
    restores: bool | None = field(default=None, validator=_optional_flag)


@frozen
class CooperationNote:
    """What an entry says about practical cooperation in one area."""

    area: str = field(validator=_name)
    status: CooperationStatus = field(converter=CooperationStatus)
    quote: str = field(default="", validator=_optional_text)


@frozen
class EventCode:
    """How an entry type is coded in the CAMEO and PLOVER event ontologies.

    ``plover`` is ``None`` for plain statements: PLOVER codes no commentary.
    """

    cameo: str
    cameo_label: str
    goldstein: float
    plover: str | None


class Expected(Protocol):
    """What an expectation says of the event it awaits, beyond its kind (a follow-up, or the
    pending item it became)."""

    @property
    def forum(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def formal(self) -> bool | None: ...
    @property
    def actor(self) -> str: ...
    @property
    def mission(self) -> str: ...
    @property
    def restores(self) -> bool | None: ...


def _unsaid(expected: Expected, *names: str) -> bool:
    """Whether ``expected`` states none of ``names``: what a type cannot compare rules it out."""
    return all(getattr(expected, name) in ("", None) for name in names)


def _reported_default(entry: Entry) -> date:
    days = [day for source in entry.sources if (day := source.published_on) is not None]
    if not days:
        reason = "required, since no source has a publication date"
        raise FieldError(reason, "reported")
    return min(days)


def _reported_not_before(entry: Entry, attribute: attrs.Attribute[Any], reported: date) -> None:
    _day(entry, attribute, reported)
    first = entry.on.first
    if reported < first:
        reason = f"{reported} is before the day it happened ({entry.on})"
        raise FieldError(reason, "reported")


@_constraining(min_length=1)
def _sources_given(_entry: Entry, _attribute: object, sources: tuple[Source, ...]) -> None:
    if not sources:
        reason = "an entry needs at least one source"
        raise FieldError(reason, "sources")


def _expectable(_entry: Entry, _attribute: object, follow_ups: tuple[FollowUp, ...]) -> None:
    """A follow-up awaits a curated fact: machine-coded evidence resolves no expectation (no
    curated part of the state reads it), so one awaiting it could never be fulfilled."""
    for number, follow_up in enumerate(follow_ups):
        cls = _ENTRY_TYPES.get(follow_up.kind)
        if cls is not None and not cls.CURATED:
            reason = (
                f"{shown(follow_up.kind)} is machine-coded evidence, which no expectation awaits"
            )
            raise FieldError(reason, f"follow_ups[{number}].kind")


def _stated(value: date) -> Day:
    if not isinstance(value, date) or isinstance(value, datetime):
        reason = f"must be a date, got {shown(value)}"
        raise FieldError(reason, "on")
    return Day.of(value)


_KEEPS[_stated] = Day


class _OnceComputed:
    """A slot for what an entry computes of itself once (it never changes): its occurrence
    key as a state keeps it, read through :func:`occurrence_key`. Not a field: equality and
    copies ignore it."""

    __slots__ = ("_occurrence",)
    _occurrence: int | str


@frozen(kw_only=True)
class Entry(_OnceComputed):
    """A fact that happened between two parties, with when it happened and when it became known.

    ``on`` is a :class:`Day`: a fact known only to its month or year is placed on the last day
    of that period, or on the day it was reported if that is earlier, since by then it had
    surely happened. Subclasses are the event types: declare them with :func:`entry_type`.
    """

    TYPE: ClassVar[str]
    VERSION: ClassVar[int]
    CODE: ClassVar[EventCode]
    LABEL: ClassVar[str]
    IDENTITY: ClassVar[tuple[str, ...]]
    #: Whether entries of the type are curated facts, which move the level of relations;
    #: machine-coded evidence keeps a record of its own instead.
    CURATED: ClassVar[bool] = True

    id: str = field(validator=_pattern(_ID, "an id (lowercase letters, digits, '.', '_', '-')"))
    on: Day = field(converter=_stated, validator=_day)
    parties: Dyad
    title: str = field(validator=_text)
    sources: tuple[Source, ...] = field(converter=_sources, validator=_sources_given)
    reported: date = field(
        default=Factory(_reported_default, takes_self=True), validator=_reported_not_before
    )
    participants: tuple[Participant, ...] = field(default=(), converter=_participants)
    stances: tuple[Stance, ...] = field(default=(), converter=_stances)
    follow_ups: tuple[FollowUp, ...] = field(
        default=(), converter=_follow_ups, validator=_expectable
    )
    cooperation: tuple[CooperationNote, ...] = field(default=(), converter=_notes)

    def __attrs_post_init__(self) -> None:
        if self.on.precision is not Precision.DAY:
            placed = min(self.on.period.last, self.reported)
            object.__setattr__(self, "on", Day.of(placed, self.on.precision))
        by = getattr(self, "by", "")
        if by and by not in self.parties:
            reason = f"{by} is not a party of {self.parties}"
            raise FieldError(reason, "by")
        for index, follow_up in enumerate(self.follow_ups):
            if follow_up.actor and follow_up.actor not in self.parties:
                reason = f"{follow_up.actor} is not a party of {self.parties}"
                raise FieldError(reason, f"follow_ups[{index}].actor")

    @property
    def actor(self) -> str:
        """The party that acted, for types that have one (``by``); ``""`` for joint acts."""
        return getattr(self, "by", "")

    def occurrence(self) -> str:
        """What identifies the occurrence reported: two entries with one key report one event.

        The key is the type, the dyad, the day as stated, the acting party and the type's own
        identity (its declared ``identity`` fields: forum, level, channels...).
        """
        own = "|".join([str(_identity_value(getattr(self, name))) for name in self.IDENTITY])
        return f"{self.TYPE}|{self.parties}|{self.on}|{self.actor}|{own}"

    def event_code(self) -> EventCode:
        """How this entry is coded: its type's codes, unless what it records changes them."""
        return self.CODE

    def fulfils(self, expected: Expected) -> bool:
        """Whether this entry is the event ``expected`` describes, beyond its kind: by the
        party and on the mission it names (:meth:`acts_as`); types with a forum, a level, a
        formality or a direction compare them where the expectation states them."""
        return self.acts_as(expected) and _unsaid(expected, "forum", "level", "formal", "restores")

    def acts_as(self, expected: Expected) -> bool:
        """Whether the entry is by the party (``actor``) and on the ``mission`` that
        ``expected`` names, where it names them: a joint act is no party's, and an entry of a
        type without a ``mission`` is on none."""
        return (not expected.actor or expected.actor == self.actor) and (
            not expected.mission or expected.mission == getattr(self, "mission", "")
        )

    def expectations(self) -> tuple[FollowUp, ...]:
        """The events this entry says are to come."""
        return self.follow_ups

    def quotes(self) -> tuple[str, ...]:
        """Every sentence the entry quotes, from its sources and its items."""
        items: tuple[Stance | FollowUp | CooperationNote, ...] = (
            *self.stances,
            *self.expectations(),
            *self.cooperation,
        )
        return (
            *(quote for source in self.sources for quote in source.quotes),
            *(item.quote for item in items if item.quote),
        )


def occurrence_key(entry: Entry) -> int | str:
    """``entry.occurrence()`` as a state keeps it (:func:`occurrence_code`), computed the first
    time it is asked for and kept on the entry: a fold that meets an entry again (a replay
    answering a date) does not build it again."""
    key: int | str | None = getattr(entry, "_occurrence", None)  # an unset slot, found in C
    if key is None:
        if type(entry).occurrence is Entry.occurrence:
            key = _own_code(entry)
        else:  # a type's own key, read back as any key is
            key = occurrence_code(entry.occurrence())
        object.__setattr__(entry, "_occurrence", key)
    return key


def _own_code(entry: Entry) -> int | str:
    """:func:`occurrence_code` of :meth:`Entry.occurrence`, without writing the key out: its
    signature from its parts, its day from the entry's (whose text a key holds as a day is
    written: four digits of year, then the month and the day as known)."""
    own = "|".join([str(_identity_value(getattr(entry, name))) for name in entry.IDENTITY])
    signature = (f"{entry.TYPE}|{entry.parties}|", f"|{entry.actor}|{own}")
    number = _SIGNATURE_NUMBERS.get(signature)
    if number is None:
        number = _signed(signature)
        if number is None:
            return entry.occurrence()
    on = entry.on
    precision = on.precision
    first = on if precision is Precision.DAY else on.first
    return number << _DAY_BITS | _PRECISION_NUMBERS[precision] << _ORDINAL_BITS | first.toordinal()


# An occurrence key names its type and dyad, its day, then its acting party and identity
# (``type|dyad|day|actor|...``): a long log has one key per entry, and all but the day recur.
# A state keeps each key as a number, made of the day (its precision and the ordinal of the
# first day it states) and of the number given to the rest of the key, its signature, the
# first time it is met; the key is written out again where it is read.

#: The bits of a key's number that hold its day: the ordinal of the first day stated, then
#: two bits of precision.
_ORDINAL_BITS = 22
_DAY_BITS = _ORDINAL_BITS + 2
_ORDINALS = (1 << _ORDINAL_BITS) - 1
_DAYS = (1 << _DAY_BITS) - 1
_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR)
_PRECISION_NUMBERS = {precision: number for number, precision in enumerate(_PRECISIONS)}
_STATED_DAY = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")

#: Every signature (the text before the day, the text after it) by its number, and back. A
#: signature that names one record (a coded event's) never recurs: past this many signatures
#: of one type and dyad, a key of a new one is kept as its text.
_SIGNATURES: list[tuple[str, str]] = []
_SIGNATURE_NUMBERS: dict[tuple[str, str], int] = {}
_SIGNATURES_PER_HEAD = 4096
_HEAD_SIGNATURES: dict[str, int] = {}
_SIGNING = threading.Lock()


def occurrence_code(key: int | str) -> int | str:
    """The occurrence key ``key`` as a state keeps it: a number, or ``key`` itself when it does
    not read as one (not of the form ``type|dyad|day|...``, its day not written as a day is, or
    one of too many signatures of its type and dyad). A key always gives the same code, and
    :func:`occurrence_text` gives back the key; a code is given back as it is."""
    if type(key) is not str:
        return key
    first = key.find("|")
    second = key.find("|", first + 1) if first >= 0 else -1
    third = key.find("|", second + 1) if second >= 0 else -1
    if third < 0:
        return key
    day = _day_code(key[second + 1 : third])
    if day < 0:
        return key
    head = key[: second + 1]
    signature = (head, key[third:])
    number = _SIGNATURE_NUMBERS.get(signature)
    if number is None:
        number = _signed(signature)
        if number is None:
            return key
    return number << _DAY_BITS | day


def _signed(signature: tuple[str, str]) -> int | None:
    """The number of a signature met for the first time (``None`` past the limit of its head)."""
    head = signature[0]
    with _SIGNING:
        number = _SIGNATURE_NUMBERS.get(signature)
        if number is None:
            count = _HEAD_SIGNATURES.get(head, 0)
            if count >= _SIGNATURES_PER_HEAD:
                return None
            number = _SIGNATURE_NUMBERS[signature] = len(_SIGNATURES)
            _SIGNATURES.append(signature)
            _HEAD_SIGNATURES[head] = count + 1
    return number


def occurrence_text(code: int | str) -> str:
    """The occurrence key of which ``code`` is :func:`occurrence_code`."""
    if type(code) is str:
        return code
    assert isinstance(code, int)
    head, tail = _SIGNATURES[code >> _DAY_BITS]
    return f"{head}{_day_text(code & _DAYS)}{tail}"


def _day_code(text: str) -> int:
    """A day as an occurrence key states it (``2014-06-02``, ``2014-06``, ``2014``), as a
    number; -1 for text that is not a day so written."""
    if not _STATED_DAY.fullmatch(text):
        return -1
    precision = _PRECISIONS[2 - text.count("-")]
    try:
        first = date(int(text[:4]), int(text[5:7] or 1), int(text[8:10] or 1))
    except ValueError:  # no such day (the digits say a month 13, or a year 0)
        return -1
    ordinal = first.toordinal()
    if ordinal > _ORDINALS:
        return -1
    return _PRECISION_NUMBERS[precision] << _ORDINAL_BITS | ordinal


def _day_text(code: int) -> str:
    precision = _PRECISIONS[code >> _ORDINAL_BITS]
    return str(Day.of(date.fromordinal(code & _ORDINALS), precision))


def _identity_value(value: object) -> object:
    if isinstance(value, tuple):
        return ",".join(sorted(map(str, value)))
    if isinstance(value, str):
        return level_of(value)
    return value


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
    label: str = "",
    identity: tuple[str, ...] = (),
    curated: bool = True,
) -> Callable[[type[E]], type[E]]:
    """Declare an event type: make the class a frozen, slotted, keyword-only attrs class,
    give it its JSON name, schema version, event codes, a short ``label`` for lists (four
    capitals; by default the start of its name) and the fields that tell one occurrence of it
    from another (``identity``, beyond type, dyad, day and acting party), and register it.
    A type that is not ``curated`` (machine-coded evidence) never moves the level of relations.

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
        known = _ENTRY_TYPES.get(name)
        if known is not None and _where(known) != _where(cls):
            msg = f"entry type {name!r} is already declared by {_where(known)}"
            raise ValueError(msg)
        declared = frozen(kw_only=True)(cls)
        declared.TYPE = name
        declared.VERSION = version
        declared.CODE = EventCode(cameo, cameo_label, goldstein, plover)
        declared.LABEL = label or name[:4].upper()
        unknown = [key for key in identity if key not in attrs.fields_dict(declared)]
        if unknown:
            msg = f"entry type {name!r} names identity fields it does not have: {unknown}"
            raise ValueError(msg)
        declared.IDENTITY = identity
        declared.CURATED = curated
        _ENTRY_TYPES[name] = declared
        return declared

    return declare


def _where(cls: type) -> str:
    """Where a class is declared: a module reloaded declares its types again, anything else
    declaring a known type's name is a clash."""
    return f"{cls.__module__}.{cls.__qualname__}"


def entry_types() -> MappingProxyType[str, type[Entry]]:
    """Every declared event type, by JSON name, in declaration order."""
    return MappingProxyType(_ENTRY_TYPES)


@_constraining(pattern=f"^(?:|{'|'.join(map(re.escape, Role))})\\Z")
def _role(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value != "" and value not in set(Role):
        reason = f"{shown(value)} is not a role ({', '.join(Role)})"
        raise FieldError(reason, _key(attribute))


@_constraining()
def _optional_day(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _day(_instance, attribute, value)


def _effective_not_before(entry: Entry, attribute: attrs.Attribute[Any], value: object) -> None:
    _optional_day(entry, attribute, value)
    if isinstance(value, date) and value < entry.on.first:
        reason = f"{value} is before the day it was decided ({entry.on})"
        raise FieldError(reason, _key(attribute))


def _whole(what: str) -> Check:
    @_constraining(ge=0)
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            reason = f"must be a whole number of {what}, 0 or more, got {shown(value)}"
            raise FieldError(reason, _key(attribute))

    return check


@frozen
class Lift:
    """What a decision lifts of the measures in force: on which channel or mission
    (``target``), at which levels (empty: all), from which day (by default, the decision's)."""

    target: str = field(validator=_name)
    levels: tuple[str, ...] = field(default=(), converter=_texts, validator=_each(_name))
    effective: date | None = field(default=None, validator=_optional_day)


@entry_type(
    "channel_established",
    cameo="057",
    cameo_label="Sign formal agreement",
    goldstein=8.0,
    plover="AGREE",
    label="EST",
    identity=("channel",),
)
class ChannelEstablished(Entry):
    """The parties set up a channel of their relationship (such as the NRC in 2002), or set
    up again one declared defunct; ``role`` says what it is for when its name does not."""

    channel: str = field(validator=_name)
    body: str = field(validator=_text)
    role: str = field(default="", validator=_role)


@entry_type(
    "suspension",
    cameo="161",
    cameo_label="Reduce or break diplomatic relations",
    goldstein=-4.0,
    plover="SANCTION",
    label="SUSP",
    identity=("channels",),
)
class Suspension(Entry):
    """One party suspends channels of the relationship, and why: a measure in force on each
    channel, at ``levels`` (empty: all), formal or ``de_facto`` ("no business as usual"),
    from ``effective`` (by default, the day it was decided). Two suspensions of other
    channels on one day are two measures (a party may close the border as well as the talks).
    """

    by: str = field(validator=_actor)
    channels: tuple[str, ...] = field(converter=_texts, validator=_each(_name))
    reason: str = field(validator=_text)
    levels: tuple[str, ...] = field(default=(), converter=_texts, validator=_each(_name))
    de_facto: bool = field(default=False, validator=_flag)
    effective: date | None = field(default=None, validator=_effective_not_before)


@entry_type(
    "declaration",
    cameo="010",
    cameo_label="Make statement",
    goldstein=0.0,
    plover=None,
    label="DECL",
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
    label="DECN",
)
class MinisterialDecision(Entry):
    """A ministerial body decides: which suspended channels to resume contacts on
    (``resumes``: the measure stays, contacts may start), which measures it lifts (``lifts``),
    on what conditions, and which positions it keeps. A decision taken ``jointly`` by both
    parties (in their council) lifts the measures of either."""

    by: str = field(validator=_actor)
    body: str = field(validator=_text)
    decision: str = field(validator=_text)
    resumes: tuple[str, ...] = field(default=(), converter=_texts, validator=_each(_name))
    lifts: tuple[Lift, ...] = field(default=(), converter=_lifts)
    conditions: tuple[str, ...] = field(default=(), converter=_texts, validator=_each(_text))
    reaffirmed: tuple[str, ...] = field(default=(), converter=_texts, validator=_each(_text))
    jointly: bool = field(default=False, validator=_flag)

    @property
    def actor(self) -> str:
        """The deciding party; ``""`` for a joint decision of both."""
        return "" if self.jointly else self.by


@entry_type(
    "meeting_announcement",
    cameo="036",
    cameo_label="Express intent to meet or negotiate",
    goldstein=4.0,
    plover="AGREE",
    label="ANN",
)
class MeetingAnnouncement(Entry):
    """A meeting is announced: its kind and expected window, its format and venue."""

    planned: FollowUp
    format: str = field(default="", validator=_optional_text)
    venue: str = field(default="", validator=_optional_text)

    def occurrence(self) -> str:
        """One announcement a day of one planned meeting (its kind, forum and level)."""
        planned = self.planned
        return f"{super().occurrence()}{planned.kind}|{planned.forum}|{level_of(planned.level)}"

    def expectations(self) -> tuple[FollowUp, ...]:
        """The planned meeting first, then any other follow-up."""
        return (self.planned, *self.follow_ups)


@entry_type(
    "informal_meeting",
    cameo="040",
    cameo_label="Consult",
    goldstein=1.0,
    plover="CONSULT",
    label="MEET",
    identity=("channel",),
)
class InformalMeeting(Entry):
    """An informal meeting of the parties' representatives (a lunch, a working visit)."""

    format: str = field(validator=_text)
    venue: str = field(default="", validator=_optional_text)
    channel: str = field(default=HIGH_LEVEL, validator=_name)

    def fulfils(self, expected: Expected) -> bool:
        """A meeting on the expected channel (``forum``), unless a formal one was expected: its
        level is not recorded, so a stated one ("the presidents will meet") rules nothing out;
        a meeting is both parties' act, on no mission."""
        return (
            (not expected.forum or expected.forum == self.channel)
            and not expected.formal
            and _unsaid(expected, "actor", "mission", "restores")
        )


@entry_type(
    "council_meeting",
    cameo="050",
    cameo_label="Engage in diplomatic cooperation",
    goldstein=3.5,
    plover="COOPERATE",
    label="CNCL",
    identity=("council", "level", "formal"),
)
class CouncilMeeting(Entry):
    """A session of the parties' council (the NRC), at a level, formal or informal."""

    level: str = field(validator=_text)
    formal: bool = field(validator=_flag)
    council: str = field(default=NRC, validator=_name)
    venue: str = field(default="", validator=_optional_text)

    def fulfils(self, expected: Expected) -> bool:
        """A session of the expected council, at its level, of its formality, where stated;
        a session is both parties' act, on no mission."""
        return (
            (not expected.forum or expected.forum == self.council)
            and (not expected.level or level_of(expected.level) == level_of(self.level))
            and (expected.formal is None or expected.formal == self.formal)
            and _unsaid(expected, "actor", "mission", "restores")
        )


@entry_type(
    "expulsion",
    cameo="174",
    cameo_label="Expel or deport individuals",
    goldstein=-5.0,
    plover="COERCE",
    label="EXPL",
    identity=("mission",),
)
class Expulsion(Entry):
    """One party expels members of the other's mission or withdraws their accreditation:
    how many (``count``; 0 when not said), who they are, by which day they must be gone
    (``effective``). A coercive measure from the day it is declared (the declaration is the
    act: the persons named stop serving once notified), in force until the party that took
    it lifts it. ``consular``: the post is a consulate, which leaves it out of the missions
    whose closure breaks relations."""

    by: str = field(validator=_actor)
    mission: str = field(validator=_name)
    persons: str = field(validator=_text)
    count: int = field(default=0, validator=_whole("persons"))
    accreditation: bool = field(default=False, validator=_flag)
    consular: bool = field(default=False, validator=_flag)
    effective: date | None = field(default=None, validator=_effective_not_before)


class PresenceAction(StrEnum):
    """What a measure does to a mission or an office."""

    OPENED = "opened"
    CAPPED = "capped"
    RESTRICTED = "restricted"
    SUSPENDED = "suspended"
    CLOSED = "closed"


_PRESENCE_CODES = {
    PresenceAction.OPENED: EventCode("050", "Engage in diplomatic cooperation", 3.5, "COOPERATE"),
    PresenceAction.SUSPENDED: EventCode(
        "161", "Reduce or break diplomatic relations", -4.0, "SANCTION"
    ),
    PresenceAction.CLOSED: EventCode(
        "161", "Reduce or break diplomatic relations", -4.0, "SANCTION"
    ),
}


@entry_type(
    "presence_measure",
    cameo="172",
    cameo_label="Impose administrative sanctions",
    goldstein=-5.0,
    plover="COERCE",
    label="MISN",
    identity=("mission", "action"),
)
class PresenceMeasure(Entry):
    """A party acts on a diplomatic presence, its own or the other's (``of``): a mission or
    office opened, capped (at ``cap`` staff), restricted, suspended or closed, announced on
    ``on`` and in force from ``effective``. Every action but opening is a measure in force
    until lifted. A ``consular`` post or a property (a consulate, a compound) is no mission:
    closing it reduces relations, and leaves the parties' diplomatic presence standing."""

    by: str = field(validator=_actor)
    mission: str = field(validator=_name)
    of: str = field(validator=_actor)
    action: PresenceAction = field(converter=PresenceAction)
    detail: str = field(default="", validator=_optional_text)
    cap: int = field(default=0, validator=_whole("staff"))
    consular: bool = field(default=False, validator=_flag)
    effective: date | None = field(default=None, validator=_effective_not_before)

    def event_code(self) -> EventCode:
        """Opening is cooperation, suspending or closing reduces relations, the rest coerces."""
        return _PRESENCE_CODES.get(self.action, self.CODE)

    def fulfils(self, expected: Expected) -> bool:
        """A measure by the party and on the mission expected (:meth:`acts_as`), restoring the
        presence there (opening it) or reducing it, as ``restores`` says, where stated."""
        restores = self.action is PresenceAction.OPENED
        return (
            self.acts_as(expected)
            and (expected.restores is None or expected.restores is restores)
            and _unsaid(expected, "forum", "level", "formal")
        )


@entry_type(
    "body_defunct",
    cameo="161",
    cameo_label="Reduce or break diplomatic relations",
    goldstein=-4.0,
    plover="SANCTION",
    label="DEFN",
    identity=("channel",),
)
class BodyDefunct(Entry):
    """A party declares a body of the relationship (its ``channel``) defunct or dissolved,
    from ``effective`` when a notice or a contract runs out later; only setting it up again
    (``channel_established``) undoes it."""

    by: str = field(validator=_actor)
    channel: str = field(validator=_name)
    body: str = field(validator=_text)
    statement: str = field(default="", validator=_optional_text)
    effective: date | None = field(default=None, validator=_effective_not_before)


@entry_type(
    "condemnation",
    cameo="111",
    cameo_label="Criticize or denounce",
    goldstein=-2.0,
    plover="ACCUSE",
    label="CNDM",
    identity=("issue",),
)
class Condemnation(Entry):
    """A party condemns or protests an act of the other: a statement, not a measure."""

    by: str = field(validator=_actor)
    issue: str = field(validator=_name)
    statement: str = field(validator=_text)
    protest: bool = field(default=False, validator=_flag)


@entry_type(
    "proposal",
    cameo="030",
    cameo_label="Express intent to cooperate",
    goldstein=4.0,
    plover="AGREE",
    label="PROP",
)
class Proposal(Entry):
    """A party proposes something to the other (a treaty, talks, a meeting): a statement of
    intent, not a measure."""

    by: str = field(validator=_actor)
    proposal: str = field(validator=_text)


class EconomicTarget(StrEnum):
    """What an economic measure bears on."""

    GOODS = "goods"  #: trade in named goods
    SECTORS = "sectors"  #: whole sectors of the economy (energy, arms, banking)
    FINANCE = "finance"  #: lending, investment and payments
    PERSONS = "persons"  #: listed persons and entities
    TRAVEL = "travel"  #: entry into the party's territory


class EconomicKind(StrEnum):
    """What an economic measure does to what it bears on."""

    EMBARGO = "embargo"  #: a ban or a boycott: the trade or the dealings stopped
    DUTIES = "duties"  #: punitive duties: trade goes on at a cost
    EXPORT_CONTROLS = "export_controls"  #: licences required or refused for exports
    FINANCIAL = "financial"  #: lending, investment or payments restricted
    ASSET_FREEZE = "asset_freeze"  #: the assets of listed persons and entities frozen
    TRAVEL_BAN = "travel_ban"  #: listed persons barred from entry


def _economic_targets(values: Iterable[str]) -> tuple[EconomicTarget, ...]:
    return tuple(EconomicTarget(value) for value in values)


@_constraining(min_length=1)
def _some_targets(_entry: object, attribute: attrs.Attribute[Any], values: tuple[Any, ...]) -> None:
    if not values:
        reason = "an economic measure bears on at least one target"
        raise FieldError(reason, _key(attribute))


@entry_type(
    "economic_measure",
    cameo="163",
    cameo_label="Impose embargo, boycott, or sanctions",
    goldstein=-8.0,
    plover="COERCE",
    label="SANC",
    identity=("measure",),
)
class EconomicMeasure(Entry):
    """One party takes an economic measure against the other (sanctions): a ban, duties,
    export controls, financial restrictions, or listings of persons whose assets it freezes
    or whom it bars from entry. ``measure`` names it, as a decision lifting it names it; a
    new round under the same name widens it. In force from ``effective`` until lifted;
    ``de_facto`` for a ban never announced (goods held at customs, importers told to stop)."""

    by: str = field(validator=_actor)
    measure: str = field(validator=_name)
    kind: EconomicKind = field(converter=EconomicKind)
    targets: tuple[EconomicTarget, ...] = field(
        converter=_economic_targets, validator=_some_targets
    )
    detail: str = field(default="", validator=_optional_text)
    persons: str = field(default="", validator=_optional_text)
    count: int = field(default=0, validator=_whole("persons and entities"))
    de_facto: bool = field(default=False, validator=_flag)
    effective: date | None = field(default=None, validator=_effective_not_before)


class ForceAction(StrEnum):
    """What armed force one party uses against the other does."""

    ATTACK = "attack"  #: strikes, shelling, an armed attack: an event, over when it is over
    INVASION = "invasion"  #: armed forces sent into the other's territory, and kept there
    OCCUPATION = "occupation"  #: territory seized and held, or annexed
    BLOCKADE = "blockade"  #: the other's ports, coasts or borders closed by armed force


_FORCE_CODES = {
    ForceAction.OCCUPATION: EventCode("192", "Occupy territory", -9.5, "COERCE"),
    ForceAction.BLOCKADE: EventCode("191", "Impose blockade, restrict movement", -9.5, "COERCE"),
}


@entry_type(
    "use_of_force",
    cameo="190",
    cameo_label="Use conventional military force",
    goldstein=-10.0,
    plover="ASSAULT",
    label="FRCE",
    identity=("action",),
)
class UseOfForce(Entry):
    """One party uses armed force against the other (``by``): an ``attack`` (strikes,
    shelling), an ``invasion``, the ``occupation`` of territory (its seizure or annexation) or
    a ``blockade``. An attack is an act, over once carried out; an invasion, an occupation or
    a blockade is a condition that stands, a measure of its party in force until lifted
    (a withdrawal, a ceasefire), on the ``territory`` it names (by default on the party's use
    of force as a whole)."""

    by: str = field(validator=_actor)
    action: ForceAction = field(converter=ForceAction)
    territory: str = field(default="", validator=_optional_name)
    detail: str = field(default="", validator=_optional_text)

    def event_code(self) -> EventCode:
        """An attack or an invasion is conventional military force; holding territory and a
        blockade are coded as CAMEO codes them, by what they do."""
        return _FORCE_CODES.get(self.action, self.CODE)


_CAMEO = re.compile(r"[0-9]{2,4}")


@_constraining(pattern=f"^(?:|{_CAMEO.pattern})\\Z")
def _cameo(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value != "" and not (isinstance(value, str) and _CAMEO.fullmatch(value)):
        reason = f"{shown(value)} is not a CAMEO code (2 to 4 digits, as text: '010', '0834')"
        raise FieldError(reason, _key(attribute))


@_constraining(ge=-10.0, le=10.0)
def _scale(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or not -10.0 <= value <= 10.0:  # type: ignore[operator]
        reason = f"must be a number from -10 to 10 (or none), got {shown(value)}"
        raise FieldError(reason, _key(attribute))


@_constraining(ge=1, le=4)
def _quad(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in (1, 2, 3, 4) or isinstance(value, bool):
        reason = f"must be a quad class, 1 to 4, got {shown(value)}"
        raise FieldError(reason, _key(attribute))


@entry_type(
    "coded_event",
    cameo="*",
    cameo_label="each event its own code",
    goldstein=0.0,
    plover=None,
    label="CODE",
    identity=("dataset", "record"),
    curated=False,
)
class CodedEvent(Entry):
    """An event a coding machine read in the news (a GDELT, ICEWS or PLOVER record): evidence
    of activity between the parties, never a curated fact, so it moves no channel, measure or
    level (and its stances, follow-ups and cooperation notes, if any, are not read); it counts
    in the coded activity of its month.

    ``by`` is the source actor's party (the target is the other party), ``source_code`` and
    ``target_code`` the actors as the dataset coded them; ``cameo`` its CAMEO code as text
    (``""`` when the dataset codes PLOVER only); ``goldstein`` the dataset's own value on its own
    scale (GDELT's Goldstein scale, ICEWS's intensity; ``None`` when it gives none);
    ``quad_class`` 1-4 (verbal and material cooperation, verbal and material conflict);
    ``record`` the dataset's own id, ``story`` its story and sentence ids.
    """

    by: str = field(validator=_actor)
    dataset: str = field(validator=_name)
    record: str = field(validator=_text)
    source_code: str = field(validator=_text)
    target_code: str = field(validator=_text)
    quad_class: int = field(validator=_quad)
    cameo: str = field(default="", validator=_cameo)
    goldstein: float | None = field(default=None, validator=_scale)
    plover: str = field(default="", validator=_optional_text)
    mentions: int = field(default=0, validator=_whole("mentions"))
    story: str = field(default="", validator=_optional_text)

    @property
    def target(self) -> str:
        """The target actor's party: the other party of the dyad."""
        return self.parties.second if self.by == self.parties.first else self.parties.first

    def event_code(self) -> EventCode:
        """The record's own codes, on its dataset's scale."""
        return EventCode(self.cameo, "", self.goldstein or 0.0, self.plover or None)
