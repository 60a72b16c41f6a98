"""The reducer: a pure function ``(state, entry) -> state``, and replay as a fold of it.

What every entry does (corroboration, follow-ups, stances, cooperation, score, provenance)
lives in :func:`apply`; what one event type does lives in its :func:`rule`, dispatched on the
entry's class, so that a new event type brings its own rule without editing this module::

    @tracker.rule.register
    def _(entry: SanctionsEased, state: State) -> State:
        ...
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import singledispatch

from attrs import evolve

from tracker._entries import (
    ChannelEstablished,
    CouncilMeeting,
    Entry,
    FollowUp,
    InformalMeeting,
    MinisterialDecision,
    Suspension,
)
from tracker._errors import AnomalyError
from tracker._state import Anomaly, ChannelStatus, Fulfilment, Meeting, Pending, State

__all__ = ["apply", "fold", "rule"]


@singledispatch
def rule(entry: Entry, state: State) -> State:
    """The transition one event type makes, beyond what every entry does.

    Registered per entry class; the default, for a type with no rule of its own, changes
    nothing. Rules are pure: they return a new state and never read the clock.
    """
    return state


def apply(state: State, entry: Entry) -> State:
    """Fold one entry into the state of its dyad.

    A second report of an occurrence already applied (same :meth:`Entry.occurrence`) only adds
    its sources, expectations, stances and cooperation notes: it never counts twice.
    """
    if entry.parties != state.dyad:
        msg = f"entry {entry.id!r} is of dyad {entry.parties}, not of this state's {state.dyad}"
        raise ValueError(msg)
    before = state
    state = _resolve_follow_ups(state, entry)
    first = state.occurrences.get(entry.occurrence())
    state = _corroborate(state, entry, first) if first else _first_report(state, entry)
    for follow_up in entry.expectations():
        state = add_follow_up(state, follow_up, entry)
    for stance in entry.stances:
        state = evolve(
            state,
            stances={
                **state.stances,
                stance.actor: {**state.stances.get(stance.actor, {}), stance.issue: stance},
            },
            provenance={**state.provenance, f"stances.{stance.actor}.{stance.issue}": entry.id},
        )
    for note in entry.cooperation:
        state = evolve(
            state,
            cooperation={**state.cooperation, note.area: note.status},
            provenance={**state.provenance, f"cooperation.{note.area}": entry.id},
        )
    if state.phase is not before.phase:
        state = evolve(state, provenance={**state.provenance, "phase": entry.id})
    return evolve(state, applied=state.applied + 1)


def fold(entries: Iterable[Entry], state: State, *, strict: bool = False) -> State:
    """Apply ``entries`` in turn; with ``strict`` the first anomaly raises :class:`AnomalyError`."""
    for entry in entries:
        known = len(state.anomalies)
        state = apply(state, entry)
        if strict and len(state.anomalies) > known:
            raise AnomalyError(state.anomalies[known])
    return state


def _first_report(state: State, entry: Entry) -> State:
    state = rule(entry, state)
    return evolve(
        state,
        occurrences={**state.occurrences, entry.occurrence(): entry.id},
        score=state.score + entry.CODE.goldstein,
        provenance={**state.provenance, "score": entry.id},
    )


def _corroborate(state: State, entry: Entry, first: str) -> State:
    """A second report of one occurrence: add it to the meeting it reports, count nothing."""
    meetings = tuple(
        evolve(meeting, reports=(*meeting.reports, entry.id)) if meeting.entry == first else meeting
        for meeting in state.meetings
    )
    if meetings == state.meetings:
        return state
    return evolve(state, meetings=meetings, provenance={**state.provenance, "meetings": entry.id})


def _resolve_follow_ups(state: State, entry: Entry) -> State:
    """Fulfil the expectations of the entry's type announced on or before the day it happened."""
    done = [
        item for item in state.pending if item.kind == entry.TYPE and item.announced <= entry.on
    ]
    if not done:
        return state
    return evolve(
        state,
        pending=tuple(item for item in state.pending if item not in done),
        fulfilled=(*state.fulfilled, *(Fulfilment(item, entry.id, entry.on) for item in done)),
        provenance={**state.provenance, **{f"pending.{item.kind}": entry.id for item in done}},
    )


def add_follow_up(state: State, follow_up: FollowUp, entry: Entry) -> State:
    """Expect ``follow_up``. One kind is one expectation: a second statement of it narrows an
    overlapping window, and a window that does not overlap the old one reschedules it."""
    current = next((item for item in state.pending if item.kind == follow_up.kind), None)
    if current is None:
        item = Pending(
            kind=follow_up.kind,
            expected=follow_up.expected,
            announced=entry.on,
            source=entry.id,
            phrases=(follow_up.phrase,),
            reports=(entry.id,),
            detail=follow_up.detail,
        )
        pending = (*state.pending, item)
    else:
        window = (
            current.expected.narrower(follow_up.expected)
            if current.expected.overlaps(follow_up.expected)
            else follow_up.expected
        )
        item = evolve(
            current,
            expected=window,
            phrases=_unique((*current.phrases, follow_up.phrase)),
            reports=_unique((*current.reports, entry.id)),
            detail=current.detail or follow_up.detail,
        )
        pending = tuple(item if old is current else old for old in state.pending)
    return evolve(
        state,
        pending=pending,
        provenance={**state.provenance, f"pending.{follow_up.kind}": entry.id},
    )


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _set_channel(state: State, entry: Entry, channel: str, status: ChannelStatus) -> State:
    if state.channels.get(channel) is status:
        return state
    return evolve(
        state,
        channels={**state.channels, channel: status},
        provenance={**state.provenance, f"channels.{channel}": entry.id},
    )


def _anomaly(state: State, entry: Entry, name: str, message: str) -> State:
    return evolve(
        state,
        anomalies=(*state.anomalies, Anomaly(entry.id, name, message)),
        provenance={**state.provenance, "anomalies": entry.id},
    )


def _hold_meeting(state: State, entry: Entry, channel: str, *, formal: bool) -> State:
    meeting = Meeting(entry.id, entry.TYPE, entry.on, channel, formal, (entry.id,))
    return evolve(
        state,
        meetings=(*state.meetings, meeting),
        provenance={**state.provenance, "meetings": entry.id},
    )


@rule.register
def _established(entry: ChannelEstablished, state: State) -> State:
    if entry.channel in state.channels:
        status = state.channels[entry.channel]
        message = f"establishes channel {entry.channel!r}, which exists already ({status})"
        return _anomaly(state, entry, "channel_exists", message)
    return _set_channel(state, entry, entry.channel, ChannelStatus.ACTIVE)


@rule.register
def _suspension(entry: Suspension, state: State) -> State:
    for channel in entry.channels:
        if state.channels.get(channel) is ChannelStatus.SUSPENDED:
            message = f"suspends channel {channel!r}, which is suspended already"
            state = _anomaly(state, entry, "already_suspended", message)
        state = _set_channel(state, entry, channel, ChannelStatus.SUSPENDED)
    return evolve(
        state,
        suspended_on=entry.on,
        provenance={**state.provenance, "suspended_on": entry.id},
    )


@rule.register
def _decision(entry: MinisterialDecision, state: State) -> State:
    for channel in entry.resumes:
        status = state.channels.get(channel)
        if status in (ChannelStatus.ACTIVE, ChannelStatus.INFORMAL):
            message = f"decides to resume channel {channel!r}, which is {status}, not suspended"
            state = _anomaly(state, entry, "not_suspended", message)
        elif status is not ChannelStatus.RESUMPTION_DECIDED:
            state = _set_channel(state, entry, channel, ChannelStatus.RESUMPTION_DECIDED)
    return state


@rule.register
def _informal_meeting(entry: InformalMeeting, state: State) -> State:
    state = _hold_meeting(state, entry, entry.channel, formal=False)
    if state.channels.get(entry.channel) in (
        ChannelStatus.SUSPENDED,
        ChannelStatus.RESUMPTION_DECIDED,
    ):
        state = _set_channel(state, entry, entry.channel, ChannelStatus.INFORMAL)
    return state


@rule.register
def _council_meeting(entry: CouncilMeeting, state: State) -> State:
    state = _hold_meeting(state, entry, entry.council, formal=entry.formal)
    status = state.channels.get(entry.council)
    if entry.formal:
        if status is ChannelStatus.SUSPENDED:
            message = f"holds a formal meeting of {entry.council!r} while it is suspended"
            state = _anomaly(state, entry, "formal_while_suspended", message)
        return _set_channel(state, entry, entry.council, ChannelStatus.ACTIVE)
    if status in (ChannelStatus.SUSPENDED, ChannelStatus.RESUMPTION_DECIDED):
        state = _set_channel(state, entry, entry.council, ChannelStatus.INFORMAL)
    return state
