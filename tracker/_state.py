"""The state of a relationship at a date: what replaying its log up to then gives."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from tracker._dates import DateWindow
from tracker._entries import CooperationStatus, Dyad, Stance

__all__ = [
    "Anomaly",
    "ChannelStatus",
    "Fulfilment",
    "Meeting",
    "Pending",
    "Phase",
    "State",
]


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


def frozen_mapping(mapping: Mapping[Any, Any] | None = None) -> Mapping[Any, Any]:
    """A read-only copy of ``mapping``: states are values, nobody may change one in place."""
    return MappingProxyType(dict(mapping or {}))


def _frozen_stances(
    stances: Mapping[str, Mapping[str, Stance]],
) -> Mapping[str, Mapping[str, Stance]]:
    return frozen_mapping({actor: frozen_mapping(issues) for actor, issues in stances.items()})


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


@frozen
class Meeting:
    """A meeting held, with every entry that reported it."""

    entry: str
    kind: str
    on: date
    channel: str
    formal: bool
    reports: tuple[str, ...] = field(converter=tuple)


@frozen
class Anomaly:
    """A transition that makes no sense, and the entry that caused it."""

    entry: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.entry}: {self.message} [{self.rule}]"


@frozen
class State:
    """Where a relationship stood: channels, cooperation, stances, expectations, meetings.

    ``at`` and ``known_at`` say which replay it answers; ``provenance`` maps each part of the
    state (``channels.nrc``, ``stances.RUS.georgia_war``, ``phase``...) to the id of the entry
    that last changed it. The phase is derived, never stored.
    """

    dyad: Dyad
    at: date | None = None
    known_at: date | None = None
    channels: Mapping[str, ChannelStatus] = field(factory=frozen_mapping, converter=frozen_mapping)
    cooperation: Mapping[str, CooperationStatus] = field(
        factory=frozen_mapping, converter=frozen_mapping
    )
    stances: Mapping[str, Mapping[str, Stance]] = field(
        factory=frozen_mapping, converter=_frozen_stances
    )
    pending: tuple[Pending, ...] = field(default=(), converter=tuple)
    fulfilled: tuple[Fulfilment, ...] = field(default=(), converter=tuple)
    meetings: tuple[Meeting, ...] = field(default=(), converter=tuple)
    suspended_on: date | None = None
    score: float = 0.0
    anomalies: tuple[Anomaly, ...] = field(default=(), converter=tuple)
    occurrences: Mapping[str, str] = field(factory=frozen_mapping, converter=frozen_mapping)
    provenance: Mapping[str, str] = field(factory=frozen_mapping, converter=frozen_mapping)
    applied: int = 0

    @property
    def phase(self) -> Phase:
        """The phase, derived from the channels and the meetings since the last suspension."""
        restricted = any(status is not ChannelStatus.ACTIVE for status in self.channels.values())
        if self.suspended_on is None and not restricted:
            return Phase.NORMAL
        since = self.suspended_on or date.min
        held = [meeting for meeting in self.meetings if meeting.on >= since]
        if any(meeting.kind == "council_meeting" and meeting.formal for meeting in held):
            return Phase.NORMALIZED
        if any(meeting.kind == "council_meeting" for meeting in held):
            return Phase.INFORMAL_COUNCIL
        if held:
            return Phase.CONTACTS_RESUMED
        if ChannelStatus.RESUMPTION_DECIDED in self.channels.values():
            return Phase.REENGAGEMENT_DECIDED
        return Phase.SUSPENDED if restricted else Phase.NORMAL

    def overdue(self) -> tuple[Pending, ...]:
        """The expectations whose window has passed by ``at``."""
        return tuple(item for item in self.pending if item.overdue(self.at))
