"""The state of a relationship at a date: what replaying its log up to then gives."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from attrs import field, frozen
from immutables import Map

from tracker._dates import DateWindow
from tracker._entries import CooperationStatus, Dyad, Stance

__all__ = [
    "COUNCIL",
    "FORMAL_COUNCIL",
    "MEETING",
    "Anomaly",
    "ChannelStatus",
    "Fulfilment",
    "Meeting",
    "Pending",
    "Phase",
    "State",
]


#: The sorts of meeting whose latest day :attr:`State.latest` keeps.
MEETING = "meeting"
COUNCIL = "council"
FORMAL_COUNCIL = "formal_council"


class Phase(StrEnum):
    """The headline of a relationship, from worst to best after a suspension."""

    NORMAL = "normal"
    SUSPENDED = "suspended"
    REENGAGEMENT_DECIDED = "reengagement_decided"
    CONTACTS_RESUMED = "contacts_resumed"
    INFORMAL_COUNCIL = "informal_council"
    NORMALIZED = "normalized"


class ChannelStatus(StrEnum):
    """Where one channel of the relationship stands."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    RESUMPTION_DECIDED = "resumption_decided"
    INFORMAL = "informal"


@frozen
class Pending:
    """An expected event not yet fulfilled: its kind (an entry type) and window.

    ``source`` is the entry that first announced it; ``reports`` every entry that stated it.
    """

    kind: str
    expected: DateWindow
    announced: date
    source: str
    phrases: tuple[str, ...] = field(converter=tuple)
    reports: tuple[str, ...] = field(converter=tuple)
    detail: str = ""

    def overdue(self, at: date | None) -> bool:
        """Whether, on day ``at``, the window has passed with the event still pending."""
        return at is not None and at > self.expected.end


@frozen
class Fulfilment:
    """An expectation that an entry fulfilled."""

    pending: Pending
    by: str
    on: date

    @property
    def key(self) -> str:
        """``kind.by``: unique among the fulfilments of a state."""
        return f"{self.pending.kind}.{self.by}"

    @property
    def order(self) -> tuple[date, str]:
        """Where it stands among fulfilments: by day, then key."""
        return (self.on, self.key)


@frozen
class Meeting:
    """A meeting held, with every entry that reported it."""

    entry: str
    kind: str
    on: date
    channel: str
    formal: bool
    reports: tuple[str, ...] = field(converter=tuple)

    @property
    def order(self) -> tuple[date, str]:
        """Where it stands among meetings: by day, then first report."""
        return (self.on, self.entry)


@frozen
class Anomaly:
    """A transition that makes no sense, and the entry that caused it."""

    entry: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.entry}: {self.message} [{self.rule}]"


def persistent(mapping: Mapping[Any, Any] | None = None) -> Map[Any, Any]:
    """An immutable map: updates share structure, so folding a long log stays linear."""
    return mapping if type(mapping) is Map else Map(mapping or {})


def _persistent_stances(stances: Mapping[str, Mapping[str, Stance]]) -> Map[str, Map[str, Stance]]:
    if type(stances) is Map:  # built by the reducer: a map of maps already
        return stances
    return Map({actor: persistent(issues) for actor, issues in stances.items()})


def _keyed_meetings(meetings: Mapping[str, Meeting] | Iterable[Meeting]) -> Map[str, Meeting]:
    if type(meetings) is Map or isinstance(meetings, Mapping):
        return persistent(meetings)
    return Map({meeting.entry: meeting for meeting in meetings})


def _keyed_fulfilments(
    fulfilled: Mapping[str, Fulfilment] | Iterable[Fulfilment],
) -> Map[str, Fulfilment]:
    if type(fulfilled) is Map or isinstance(fulfilled, Mapping):
        return persistent(fulfilled)
    return Map({done.key: done for done in fulfilled})


@frozen
class State:
    """Where a relationship stood: channels, cooperation, stances, expectations, meetings.

    ``at`` and ``known_at`` say which replay it answers; ``provenance`` maps each part of the
    state (``channels.nrc``, ``stances.RUS.georgia_war``, ``phase``...) to the id of the entry
    that last changed it. The phase is derived, never stored. Mappings are immutable
    (``immutables.Map``); ``meetings`` are keyed by their first report, ``fulfilled`` by
    :attr:`Fulfilment.key`, and both also take an iterable of records. ``latest`` holds the day
    of the latest meeting of each sort (``meeting``, ``council``, ``formal_council``), which the
    phase is derived from.
    """

    dyad: Dyad
    at: date | None = None
    known_at: date | None = None
    channels: Mapping[str, ChannelStatus] = field(factory=Map, converter=persistent)
    cooperation: Mapping[str, CooperationStatus] = field(factory=Map, converter=persistent)
    stances: Mapping[str, Mapping[str, Stance]] = field(factory=Map, converter=_persistent_stances)
    pending: tuple[Pending, ...] = field(default=(), converter=tuple)
    fulfilled: Mapping[str, Fulfilment] = field(factory=Map, converter=_keyed_fulfilments)
    meetings: Mapping[str, Meeting] = field(factory=Map, converter=_keyed_meetings)
    suspended_on: date | None = None
    score: float = 0.0
    anomalies: tuple[Anomaly, ...] = field(default=(), converter=tuple)
    occurrences: Mapping[str, str] = field(factory=Map, converter=persistent)
    latest: Mapping[str, date] = field(factory=Map, converter=persistent)
    provenance: Mapping[str, str] = field(factory=Map, converter=persistent)
    applied: int = 0

    @property
    def phase(self) -> Phase:
        """The phase, derived from the channels and the meetings since the last suspension."""
        restricted = any(status is not ChannelStatus.ACTIVE for status in self.channels.values())
        if self.suspended_on is None and not restricted:
            return Phase.NORMAL
        since = self.suspended_on or date.min
        held = {sort for sort, day in self.latest.items() if day >= since}
        if FORMAL_COUNCIL in held:
            return Phase.NORMALIZED
        if COUNCIL in held:
            return Phase.INFORMAL_COUNCIL
        if MEETING in held:
            return Phase.CONTACTS_RESUMED
        if ChannelStatus.RESUMPTION_DECIDED in self.channels.values():
            return Phase.REENGAGEMENT_DECIDED
        return Phase.SUSPENDED if restricted else Phase.NORMAL

    def same_phase_inputs(self, other: State) -> bool:
        """Whether what :attr:`phase` is derived from is the same in ``other``: a cheap test,
        by identity, that lets a fold skip deriving the phase twice per step."""
        return (
            self.channels is other.channels
            and self.latest is other.latest
            and self.suspended_on == other.suspended_on
        )

    def meetings_in_order(self) -> list[Meeting]:
        """The meetings held, earliest first."""
        return sorted(self.meetings.values(), key=lambda meeting: meeting.order)

    def fulfilled_in_order(self) -> list[Fulfilment]:
        """The expectations fulfilled, earliest first."""
        return sorted(self.fulfilled.values(), key=lambda done: done.order)

    def overdue(self) -> tuple[Pending, ...]:
        """The expectations whose window has passed by ``at``."""
        return tuple(item for item in self.pending if item.overdue(self.at))
