"""The reducer: a pure function ``(state, entry) -> state``, and replay as a fold of it.

What every entry does (corroboration, follow-ups, stances, cooperation, score, provenance)
lives in :func:`apply`; what one event type does lives in its :func:`rule`, dispatched on the
entry's class, so that a new event type brings its own rule without editing this module::

    @tracker.rule.register
    def _(entry: SanctionsEased, state: State) -> State:
        ...

States are immutable and share structure, so each step costs about the same however long
the log is.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import singledispatch
from typing import Any

from attrs import evolve, fields
from immutables import Map

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
from tracker._state import (
    COUNCIL,
    FORMAL_COUNCIL,
    MEETING,
    Anomaly,
    ChannelStatus,
    Fulfilment,
    Meeting,
    Pending,
    State,
)

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
    key = entry.occurrence()
    first = state.occurrences.get(key)
    if first is None:
        state = rule(entry, state)
        occurrences = state.occurrences.set(key, entry.id)
        score = state.score + entry.CODE.goldstein
        meetings = state.meetings
    else:
        occurrences, score = state.occurrences, state.score
        meetings = _add_report(state, entry, first)
    provenance = state.provenance.mutate()
    if _phase_changed(before, state):
        provenance["phase"] = entry.id
    if score != state.score:
        provenance["score"] = entry.id
    if meetings is not state.meetings:
        provenance["meetings"] = entry.id
    changes: dict[str, Any] = {}
    expectations = entry.expectations()
    if expectations:
        pending = list(state.pending)
        for follow_up in expectations:
            _expect(pending, follow_up, entry)
            provenance[f"pending.{follow_up.kind}"] = entry.id
        changes["pending"] = tuple(pending)
    if entry.stances:
        stances = state.stances.mutate()
        for stance in entry.stances:
            stances[stance.actor] = stances.get(stance.actor, Map()).set(stance.issue, stance)
            provenance[f"stances.{stance.actor}.{stance.issue}"] = entry.id
        changes["stances"] = stances.finish()
    if entry.cooperation:
        cooperation = state.cooperation.mutate()
        for note in entry.cooperation:
            cooperation[note.area] = note.status
            provenance[f"cooperation.{note.area}"] = entry.id
        changes["cooperation"] = cooperation.finish()
    return _evolve(
        state,
        occurrences=occurrences,
        score=score,
        meetings=meetings,
        provenance=provenance.finish(),
        applied=state.applied + 1,
        **changes,
    )


def _phase_changed(before: State, after: State) -> bool:
    """Whether the phase moved: derived only when what it is derived from changed."""
    return not after.same_phase_inputs(before) and after.phase is not before.phase


#: The fields of a state.
_FIELDS = tuple(attribute.name for attribute in fields(State))
_set = object.__setattr__


def _evolve(state: State, **changes: Any) -> State:
    """:func:`attrs.evolve` for the reducer's hot path, about twice as fast: the reducer passes
    values of their final types (immutable maps, tuples), so the converters are not needed."""
    new = object.__new__(State)
    for name in _FIELDS:
        _set(new, name, changes[name] if name in changes else getattr(state, name))
    return new


def fold(entries: Iterable[Entry], state: State, *, strict: bool = False) -> State:
    """Apply ``entries`` in turn; with ``strict`` the first anomaly raises :class:`AnomalyError`."""
    for entry in entries:
        known = len(state.anomalies)
        state = apply(state, entry)
        if strict and len(state.anomalies) > known:
            raise AnomalyError(state.anomalies[known])
    return state


def _add_report(state: State, entry: Entry, first: str) -> Map[str, Meeting]:
    """A second report of one occurrence: the meeting it reports gains a report."""
    meeting = state.meetings.get(first)
    if meeting is None:
        return state.meetings
    return state.meetings.set(first, evolve(meeting, reports=(*meeting.reports, entry.id)))


def _resolve_follow_ups(state: State, entry: Entry) -> State:
    """Fulfil the expectations of the entry's type announced on or before the day it happened."""
    done = [
        item for item in state.pending if item.kind == entry.TYPE and item.announced <= entry.on
    ]
    if not done:
        return state
    fulfilled = state.fulfilled.mutate()
    provenance = state.provenance.mutate()
    for item in done:
        fulfilment = Fulfilment(item, entry.id, entry.on)
        fulfilled[fulfilment.key] = fulfilment
        provenance[f"pending.{item.kind}"] = entry.id
    return _evolve(
        state,
        pending=tuple(item for item in state.pending if item not in done),
        fulfilled=fulfilled.finish(),
        provenance=provenance.finish(),
    )


def _expect(pending: list[Pending], follow_up: FollowUp, entry: Entry) -> None:
    """Add ``follow_up`` to ``pending``. One kind is one expectation: a second statement of it
    narrows an overlapping window, and a window that does not overlap the old one reschedules it."""
    index = next((i for i, item in enumerate(pending) if item.kind == follow_up.kind), None)
    if index is None:
        pending.append(
            Pending(
                kind=follow_up.kind,
                expected=follow_up.expected,
                announced=entry.on,
                source=entry.id,
                phrases=(follow_up.phrase,),
                reports=(entry.id,),
                detail=follow_up.detail,
            )
        )
        return
    current = pending[index]
    window = (
        current.expected.narrower(follow_up.expected)
        if current.expected.overlaps(follow_up.expected)
        else follow_up.expected
    )
    pending[index] = evolve(
        current,
        expected=window,
        phrases=_unique((*current.phrases, follow_up.phrase)),
        reports=_unique((*current.reports, entry.id)),
        detail=current.detail or follow_up.detail,
    )


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _set_channel(state: State, entry: Entry, channel: str, status: ChannelStatus) -> State:
    if state.channels.get(channel) is status:
        return state
    return _evolve(
        state,
        channels=state.channels.set(channel, status),
        provenance=state.provenance.set(f"channels.{channel}", entry.id),
    )


def _anomaly(state: State, entry: Entry, name: str, message: str) -> State:
    return _evolve(
        state,
        anomalies=(*state.anomalies, Anomaly(entry.id, name, message)),
        provenance=state.provenance.set("anomalies", entry.id),
    )


def _hold_meeting(
    state: State, entry: Entry, channel: str, *, council: bool, formal: bool
) -> State:
    meeting = Meeting(entry.id, entry.TYPE, entry.on, channel, formal, (entry.id,))
    sorts = [MEETING, *([COUNCIL] if council else []), *([FORMAL_COUNCIL] if formal else [])]
    latest = state.latest.mutate()
    for sort in sorts:
        latest[sort] = max(entry.on, latest.get(sort, entry.on))
    return _evolve(
        state,
        meetings=state.meetings.set(entry.id, meeting),
        latest=latest.finish(),
        provenance=state.provenance.set("meetings", entry.id),
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
    return _evolve(
        state,
        suspended_on=entry.on,
        provenance=state.provenance.set("suspended_on", entry.id),
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
    state = _hold_meeting(state, entry, entry.channel, council=False, formal=False)
    if state.channels.get(entry.channel) in (
        ChannelStatus.SUSPENDED,
        ChannelStatus.RESUMPTION_DECIDED,
    ):
        state = _set_channel(state, entry, entry.channel, ChannelStatus.INFORMAL)
    return state


@rule.register
def _council_meeting(entry: CouncilMeeting, state: State) -> State:
    status = state.channels.get(entry.council)
    state = _hold_meeting(state, entry, entry.council, council=True, formal=entry.formal)
    if entry.formal:
        if status is ChannelStatus.SUSPENDED:
            message = f"holds a formal meeting of {entry.council!r} while it is suspended"
            state = _anomaly(state, entry, "formal_while_suspended", message)
        return _set_channel(state, entry, entry.council, ChannelStatus.ACTIVE)
    if status in (ChannelStatus.SUSPENDED, ChannelStatus.RESUMPTION_DECIDED):
        state = _set_channel(state, entry, entry.council, ChannelStatus.INFORMAL)
    return state
