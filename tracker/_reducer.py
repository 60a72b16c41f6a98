"""The reducer: a pure function ``(state, entry) -> state``, and replay as a fold of it.

What every entry does (corroboration, follow-ups, stances, cooperation, activity,
provenance) lives in :func:`apply`; what one event type does lives in its :func:`rule`,
dispatched on the entry's class, so that a new event type brings its own rule without editing
this module::

    @tracker.rule.register
    def _(entry: SanctionsEased, state: State) -> State:
        ...

The rules of the built-in types are written once, against a :class:`StateBuilder`: a state
updated in place. :func:`apply` gives each step a builder of its own and freezes it, so it
stays pure; :func:`fold` and :func:`checkpoints` run every entry through one builder and
freeze it only where a state is asked for. States are immutable and share structure, so each
step costs about the same however long the log is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import singledispatch
from itertools import compress, count, repeat
from operator import is_
from typing import Any, TypeVar

from attrs import evolve, fields
from immutables import Map

from tracker._entries import (
    BodyDefunct,
    ChannelEstablished,
    CodedEvent,
    CouncilMeeting,
    Entry,
    Expulsion,
    FollowUp,
    InformalMeeting,
    Lift,
    MinisterialDecision,
    PresenceAction,
    PresenceMeasure,
    Role,
    Suspension,
    channel_role,
    level_of,
)
from tracker._errors import AnomalyError
from tracker._state import (
    COUNCIL,
    FORMAL_COUNCIL,
    MEETING,
    MISSION,
    Activity,
    Anomaly,
    CodedActivity,
    Effect,
    Fulfilment,
    Lifting,
    Measure,
    Meeting,
    Pending,
    Phase,
    State,
)

__all__ = ["StateBuilder", "apply", "checkpoints", "fold", "rule"]


#: The fields of a state.
_FIELDS = tuple(attribute.name for attribute in fields(State))
_set = object.__setattr__


class StateBuilder:
    """A state being built by the reducer's rules, updated in place.

    :attr:`state` is the state so far; :meth:`update` sets its fields without making a new
    state, and :meth:`freeze` hands it out, after which the next step starts on a copy, so a
    state handed out never changes. A step copies at most once, however many updates it makes.
    """

    __slots__ = ("_inputs", "_origin", "_phase", "_shared", "state")

    def __init__(self, state: State) -> None:
        self.state = state
        self._shared = True  # the state may be seen elsewhere: copied before it is written
        self._origin = state
        self._phase: Phase | None = None  # derived from _inputs, once it has been
        self._inputs = _phase_inputs(state)

    def update(self, **changes: Any) -> None:
        """Set fields of the state, with values of their final types (immutable maps, tuples):
        attrs' converters are not run."""
        self.thaw()
        state = self.state
        for name, value in changes.items():
            _set(state, name, value)

    def freeze(self) -> State:
        """The state so far, never to change again."""
        self._shared = True
        return self.state

    def replace(self, state: State) -> None:
        """Go on from ``state`` (one a rule written against states returned)."""
        self.state, self._shared = state, True

    def thaw(self) -> None:
        """Make :attr:`state` this builder's own: a copy of it, if it was handed out."""
        if self._shared:
            new = object.__new__(State)
            old = self.state
            for name in _FIELDS:
                _set(new, name, getattr(old, name))
            self.state, self._shared = new, False

    def phase_moved(self) -> bool:
        """Whether the phase differs from when this was last asked (or from the state the
        builder began with): derived only when what it is derived from changed, and once."""
        state = self.state
        inputs = _phase_inputs(state)
        if all(map(is_, inputs, self._inputs)):
            return False
        before = self._origin.phase if self._phase is None else self._phase
        self._phase, self._inputs = state.phase, inputs
        return self._phase is not before


def _phase_inputs(state: State) -> tuple[object, ...]:
    """What :attr:`State.phase` is derived from, besides the dyad: compared by identity, which
    states that share structure make cheap."""
    return (state.measures, state.latest, state.missions, state.at)


@singledispatch
def rule(entry: Entry, state: State) -> State:
    """The transition one event type makes, beyond what every entry does.

    Registered per entry class; the default, for a type with no rule of its own, changes
    nothing. Rules are pure: they return a new state and never read the clock.
    """
    return state


#: The rules of the built-in types as they update a builder, by the rule :func:`rule`
#: dispatches to; the default rule updates nothing.
_BUILDING: dict[Callable[..., State], Callable[[Any, StateBuilder], None]] = {
    rule.dispatch(Entry): lambda _entry, _builder: None
}

_E = TypeVar("_E", bound=Entry)


def _builds(cls: type[_E]) -> Callable[[Callable[[_E, StateBuilder], None]], None]:
    """Register a built-in type's rule, written against a builder, as its :func:`rule` too."""

    def register(building: Callable[[_E, StateBuilder], None]) -> None:
        def on_state(entry: _E, state: State) -> State:
            builder = StateBuilder(state)
            builder.thaw()
            building(entry, builder)
            return builder.freeze()

        on_state.__doc__ = building.__doc__
        rule.register(cls, on_state)
        _BUILDING[on_state] = building

    return register


def apply(state: State, entry: Entry) -> State:
    """Fold one entry into the state of its dyad.

    A second report of an occurrence already applied (same :meth:`Entry.occurrence`) only adds
    its sources, expectations, stances and cooperation notes: it never counts twice.
    """
    builder = StateBuilder(state)
    _step(builder, entry)
    return builder.freeze()


def fold(entries: Iterable[Entry], state: State, *, strict: bool = False) -> State:
    """Apply ``entries`` in turn; with ``strict`` the first anomaly raises :class:`AnomalyError`.

    The same state as applying them one by one, through one builder frozen at the end."""
    builder = StateBuilder(state)
    for entry in entries:
        _strict_step(builder, entry, strict=strict)
    return builder.freeze()


def checkpoints(
    entries: Iterable[Entry], state: State, every: int, *, strict: bool = False
) -> Iterator[State]:
    """The state after each ``every`` entries of ``entries`` folded from ``state`` (entries
    after the last whole ``every`` are folded, not yielded): one builder, frozen at each."""
    builder = StateBuilder(state)
    for number, entry in enumerate(entries, 1):
        _strict_step(builder, entry, strict=strict)
        if number % every == 0:
            yield builder.freeze()


def _strict_step(builder: StateBuilder, entry: Entry, *, strict: bool) -> None:
    known = len(builder.state.anomalies)
    _step(builder, entry)
    if strict and len(builder.state.anomalies) > known:
        raise AnomalyError(builder.state.anomalies[known])


def _step(builder: StateBuilder, entry: Entry) -> None:
    """What :func:`apply` does, on a builder."""
    _check_dyad(builder.state, entry)
    builder.thaw()
    if entry.CURATED:
        _curated_step(builder, entry)
    else:
        _evidence(builder, entry)


def _curated_step(builder: StateBuilder, entry: Entry) -> None:
    """A curated fact: its type's rule, and what every such entry does."""
    _resolve_follow_ups(builder, entry)
    key = entry.occurrence()
    first = builder.state.occurrences.get(key)
    if first is None:
        _rule(builder, entry)
        state = builder.state
        occurrences = state.occurrences.set(key, entry.id)
        goldstein = entry.event_code().goldstein
        score = state.score + goldstein
        month = _month(entry)
        activity = state.activity.set(month, state.activity.get(month, _NO_ACTIVITY).add(goldstein))
        meetings = state.meetings
    else:
        state = builder.state
        occurrences, score, activity = state.occurrences, state.score, state.activity
        meetings = _add_report(state, entry, first)
    provenance = state.provenance.mutate()
    if builder.phase_moved():
        provenance["phase"] = entry.id
    if score != state.score:
        provenance["score"] = entry.id
    if activity is not state.activity:  # the month's tone, and so the level, moved
        provenance["level"] = entry.id
    if meetings is not state.meetings:
        provenance["meetings"] = entry.id
    changes: dict[str, Any] = {}
    expectations = entry.expectations()
    unlapsed, since = state.unlapsed, state.unlapsed_from
    if expectations:
        changes["pending"], unlapsed = _expected(state, entry, expectations)
        for follow_up in expectations:
            provenance[f"pending.{follow_up.kind}"] = entry.id
    lapsed_last = state.lapsed_last
    if entry.on > since:  # what lapsed by this day leaves the index
        unlapsed, lapsed_last = _lapsing(unlapsed, entry.on, lapsed_last)
        since = entry.on
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
    builder.update(
        occurrences=occurrences,
        score=score,
        activity=activity,
        meetings=meetings,
        provenance=provenance.finish(),
        applied=state.applied + 1,
        unlapsed=unlapsed,
        unlapsed_from=since,
        lapsed_last=lapsed_last,
        **changes,
    )


def _check_dyad(state: State, entry: Entry) -> None:
    if entry.parties != state.dyad:
        msg = f"entry {entry.id!r} is of dyad {entry.parties}, not of this state's {state.dyad}"
        raise ValueError(msg)


def _rule(builder: StateBuilder, entry: Entry) -> None:
    """The entry's type's rule: on the builder when written against one, else on its state."""
    found = rule.dispatch(type(entry))
    building = _BUILDING.get(found)
    if building is not None:
        building(entry, builder)
        return
    builder.replace(found(entry, builder.freeze()))
    builder.thaw()


_NO_ACTIVITY = Activity()
_NO_CODED_ACTIVITY = CodedActivity()


def _evidence(builder: StateBuilder, entry: Entry) -> None:
    """Machine-coded evidence: its rule keeps its own record, once per occurrence; nothing
    curated (level, score, expectations, stances, cooperation) reads it."""
    key = entry.occurrence()
    if key not in builder.state.occurrences:
        _rule(builder, entry)
        builder.update(occurrences=builder.state.occurrences.set(key, entry.id))
    builder.update(applied=builder.state.applied + 1)


def _month(entry: Entry) -> str:
    return f"{entry.on.year:04d}-{entry.on.month:02d}"


def _add_report(state: State, entry: Entry, first: str) -> Map[str, Meeting]:
    """A second report of one occurrence: the meeting it reports gains a report."""
    meeting = state.meetings.get(first)
    if meeting is None:
        return state.meetings
    return state.meetings.set(first, evolve(meeting, reports=(*meeting.reports, entry.id)))


def _resolve_follow_ups(builder: StateBuilder, entry: Entry) -> None:
    """Fulfil the expectations that the entry answers: of its type and what they say of it
    (forum, level, formality), announced on or before the day it happened, not yet lapsed."""
    state = builder.state
    done = [
        item
        for item in state.may_await(entry.on)
        if item.kind == entry.TYPE
        and item.announced <= entry.on
        and not item.lapsed(entry.on)
        and entry.fulfils(item)
    ]
    if not done:
        return
    fulfilled = state.fulfilled.mutate()
    provenance = state.provenance.mutate()
    for item in done:
        fulfilment = Fulfilment(item, entry.id, entry.on)
        fulfilled[fulfilment.key] = fulfilment
        provenance[f"pending.{item.kind}"] = entry.id
    answered = {id(item) for item in done}  # by identity: equal items are all answered alike
    builder.update(
        pending=tuple(item for item in state.pending if id(item) not in answered),
        unlapsed=tuple(item for item in state.unlapsed if id(item) not in answered),
        fulfilled=fulfilled.finish(),
        provenance=provenance.finish(),
    )


def _expected(
    state: State, entry: Entry, expectations: Iterable[FollowUp]
) -> tuple[tuple[Pending, ...], tuple[Pending, ...]]:
    """The pending items with the entry's ``expectations`` added, and the index of those that
    may still be awaited or restated (:meth:`State.may_await`) kept with them."""
    pending, unlapsed = list(state.pending), list(state.unlapsed)
    for follow_up in expectations:
        # Outside the index, every window ended by lapsed_last: one starting later meets none.
        pool = unlapsed if follow_up.expected.start > state.lapsed_last else pending
        was = next((item for item in pool if _same_expectation(item, follow_up)), None)
        if was is None:
            now = _new_expectation(follow_up, entry)
            pending.append(now)
            unlapsed.append(now)
            continue
        now = evolve(
            was,
            expected=was.expected.narrower(follow_up.expected),
            phrases=_unique((*was.phrases, follow_up.phrase)),
            reports=_unique((*was.reports, entry.id)),
            detail=was.detail or follow_up.detail,
        )
        pending[_place(pending, was)] = now
        if any(item is was for item in unlapsed):
            unlapsed[_place(unlapsed, was)] = now
        else:  # a lapsed expectation restated: every item joins the index, in order, until
            unlapsed = list(pending)  # the next day that comes prunes it
    return tuple(pending), tuple(unlapsed)


def _lapsing(
    unlapsed: tuple[Pending, ...], day: date, lapsed_last: date
) -> tuple[tuple[Pending, ...], date]:
    """The index without what lapsed by ``day``, and the last day of the windows left out."""
    kept = []
    for item in unlapsed:
        if _may_be_restated(item, day):
            kept.append(item)
        elif item.expected.last > lapsed_last:
            lapsed_last = item.expected.last
    return tuple(kept), lapsed_last


def _place(items: list[Pending], item: Pending) -> int:
    """Where ``item`` itself stands in ``items`` (by identity, never comparing the others)."""
    return next(compress(count(), map(is_, items, repeat(item))))


def _may_be_restated(item: Pending, day: date) -> bool:
    """Whether an expectation belongs in the index on ``day``: not lapsed, or open-ended (its
    window meets every later one)."""
    return item.lapses > day or item.expected.end is None


def _new_expectation(follow_up: FollowUp, entry: Entry) -> Pending:
    """An expectation of its own. A second statement of one expectation (same kind, forum,
    level and formality, an overlapping window) narrows its window instead, so several of one
    kind may be pending at once only when they differ."""
    return Pending(
        kind=follow_up.kind,
        expected=follow_up.expected,
        announced=entry.on,
        source=entry.id,
        phrases=(follow_up.phrase,),
        reports=(entry.id,),
        detail=follow_up.detail,
        forum=follow_up.forum,
        level=level_of(follow_up.level),
        formal=follow_up.formal,
    )


def _same_expectation(item: Pending, follow_up: FollowUp) -> bool:
    return (
        item.kind == follow_up.kind
        and item.forum == follow_up.forum
        and item.level == level_of(follow_up.level)
        and item.formal == follow_up.formal
        and item.expected.overlaps(follow_up.expected)
    )


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _anomaly(builder: StateBuilder, entry: Entry, name: str, message: str) -> None:
    state = builder.state
    builder.update(
        anomalies=(*state.anomalies, Anomaly(entry.id, name, message)),
        provenance=state.provenance.set("anomalies", entry.id),
    )


def _know_channel(
    builder: StateBuilder, entry: Entry, channel: str, role: Role | None = None
) -> None:
    """Name a channel in the state, with the role its name implies unless one is given."""
    state = builder.state
    if channel in state.roles and role is None:
        return
    builder.update(
        roles=state.roles.set(channel, role or channel_role(channel)),
        provenance=state.provenance.set(f"channels.{channel}", entry.id),
    )


def _know_mission(builder: StateBuilder, entry: Entry, mission: str, owner: str) -> None:
    state = builder.state
    if state.missions.get(mission) == owner:
        return
    builder.update(
        missions=state.missions.set(mission, owner),
        provenance=state.provenance.set(f"missions.{mission}", entry.id),
    )


def _put_measure(builder: StateBuilder, entry: Entry, measure: Measure) -> None:
    """Add or replace a measure; the part of the state it bears on records the entry."""
    state = builder.state
    provenance = state.provenance.mutate()
    provenance["measures"] = entry.id
    if measure.role != MISSION:
        provenance[f"channels.{measure.target}"] = entry.id
    builder.update(provenance=provenance.finish(), **state.with_measure(measure))


def _impose(
    builder: StateBuilder,
    entry: Entry,
    target: str,
    effect: Effect,
    *,
    effective: date | None = None,
    levels: tuple[str, ...] = (),
    formal: bool = True,
    weight: float | None = None,
) -> None:
    """A measure of the entry's party on ``target``, in force from ``effective``, weighing
    the entry's Goldstein value unless ``weight`` says otherwise."""
    state = builder.state
    role = MISSION if target in state.missions else str(state.roles.get(target, MISSION))
    measure = Measure(
        entry=entry.id,
        by=entry.actor,
        target=target,
        effect=effect,
        role=role,
        announced=entry.on,
        effective=effective or entry.on,
        weight=entry.event_code().goldstein if weight is None else weight,
        levels=tuple(level_of(level) for level in levels),
        formal=formal,
    )
    _put_measure(builder, entry, measure)


def _standing(
    state: State, target: str, by: str | None, on: date, levels: tuple[str, ...] = ()
) -> list[Measure]:
    """The measures on ``target`` not wholly lifted by ``on``, of party ``by`` (any party when
    ``None``), that apply at one of ``levels`` (any level when empty)."""
    return [
        measure
        for measure in state.may_stand(on)
        if measure.target == target
        and (by is None or measure.by == by)
        and measure.standing(on)
        and (
            not levels or not measure.levels or {level_of(x) for x in levels} & set(measure.levels)
        )
    ]


def _hold_meeting(
    builder: StateBuilder,
    entry: Entry,
    channel: str,
    *,
    council: bool,
    formal: bool,
    level: str = "",
) -> None:
    state = builder.state
    meeting = Meeting(
        entry.id,
        entry.TYPE,
        entry.on,
        channel,
        formal,
        (entry.id,),
        level=level_of(level),
        precision=entry.on.precision,
    )
    sorts = [MEETING, channel]
    if council:
        sorts.append(COUNCIL)
    if formal:
        sorts += [FORMAL_COUNCIL, f"{channel}.formal"]
    latest = state.latest.mutate()
    for sort in sorts:
        latest[sort] = max(entry.on, latest.get(sort, entry.on))
    provenance = state.provenance.mutate()
    provenance["meetings"] = entry.id
    provenance[f"channels.{channel}"] = entry.id  # a meeting on it moves its status
    builder.update(
        meetings=state.meetings.set(entry.id, meeting),
        latest=latest.finish(),
        provenance=provenance.finish(),
    )


def _lift(builder: StateBuilder, entry: Entry, measures: list[Measure], lift: Lift) -> None:
    lifting = Lifting(
        entry.id, lift.effective or entry.on, tuple(level_of(level) for level in lift.levels)
    )
    for measure in measures:
        _put_measure(builder, entry, evolve(measure, liftings=(*measure.liftings, lifting)))


@_builds(ChannelEstablished)
def _established(entry: ChannelEstablished, builder: StateBuilder) -> None:
    state = builder.state
    dissolved = [
        m for m in _standing(state, entry.channel, None, entry.on) if m.effect is Effect.DISSOLVE
    ]
    if dissolved:
        _lift(builder, entry, dissolved, Lift(entry.channel))
    elif entry.channel in state.roles:
        message = f"establishes channel {entry.channel!r}, which exists already"
        _anomaly(builder, entry, "channel_exists", message)
    _know_channel(builder, entry, entry.channel, Role(entry.role) if entry.role else None)


@_builds(Suspension)
def _suspension(entry: Suspension, builder: StateBuilder) -> None:
    state = builder.state
    for channel in entry.channels:
        _know_channel(builder, entry, channel)
        standing = _standing(state, channel, entry.by, entry.on, entry.levels)
        if any(not measure.eased(entry.on) for measure in standing):
            message = f"{entry.by} suspends channel {channel!r}, which it suspended already"
            _anomaly(builder, entry, "already_suspended", message)
            continue
        _impose(
            builder,
            entry,
            channel,
            Effect.SUSPEND,
            effective=entry.effective,
            levels=entry.levels,
            formal=not entry.de_facto,
        )


@_builds(MinisterialDecision)
def _decision(entry: MinisterialDecision, builder: StateBuilder) -> None:
    state = builder.state
    party = None if entry.jointly else entry.by
    for channel in entry.resumes:
        measures = _standing(state, channel, party, entry.on)
        if not measures and channel not in state.roles:
            # The log may begin mid-story: a channel never named before was under a measure.
            _know_channel(builder, entry, channel)
            weight = Suspension.CODE.goldstein
            _impose(builder, entry, channel, Effect.SUSPEND, weight=weight)
            measures = _standing(state, channel, party, entry.on)
        if not measures:
            message = f"decides to resume channel {channel!r}, where no measure is in force"
            _anomaly(builder, entry, "not_suspended", message)
        for measure in measures:
            if measure.relaxed is None:
                _put_measure(builder, entry, evolve(measure, relaxed=entry.on))
    for lift in entry.lifts:
        measures = _standing(state, lift.target, party, entry.on, lift.levels)
        known = lift.target in state.roles or lift.target in state.missions
        if not measures and known:
            message = f"lifts a measure on {lift.target!r}, where none is in force"
            _anomaly(builder, entry, "not_suspended", message)
        _lift(builder, entry, measures, lift)


@_builds(InformalMeeting)
def _informal_meeting(entry: InformalMeeting, builder: StateBuilder) -> None:
    _know_channel(builder, entry, entry.channel)
    _hold_meeting(builder, entry, entry.channel, council=False, formal=False)


@_builds(CouncilMeeting)
def _council_meeting(entry: CouncilMeeting, builder: StateBuilder) -> None:
    state = builder.state
    if entry.council not in state.roles:
        _know_channel(builder, entry, entry.council, Role.FORUM)
    level = level_of(entry.level)
    blocking = [
        m
        for m in state.may_stand(entry.on)
        if m.target == entry.council
        and m.effect is Effect.SUSPEND
        and m.covers(level, entry.on)
        and (m.relaxed is None or m.relaxed > entry.on)
    ]
    if entry.formal and blocking:
        message = f"holds a formal meeting of {entry.council!r} while it is suspended"
        _anomaly(builder, entry, "formal_while_suspended", message)
    _hold_meeting(
        builder, entry, entry.council, council=True, formal=entry.formal, level=entry.level
    )


def _other(state: State, party: str) -> str:
    return state.dyad.second if party == state.dyad.first else state.dyad.first


@_builds(Expulsion)
def _expulsion(entry: Expulsion, builder: StateBuilder) -> None:
    if entry.mission not in builder.state.missions:
        _know_mission(builder, entry, entry.mission, _other(builder.state, entry.by))
    _impose(builder, entry, entry.mission, Effect.RESTRICT, effective=entry.effective)


_PRESENCE_EFFECTS = {
    PresenceAction.CAPPED: Effect.RESTRICT,
    PresenceAction.RESTRICTED: Effect.RESTRICT,
    PresenceAction.SUSPENDED: Effect.CLOSE,
    PresenceAction.CLOSED: Effect.CLOSE,
}


@_builds(PresenceMeasure)
def _presence(entry: PresenceMeasure, builder: StateBuilder) -> None:
    if not entry.consular:
        _know_mission(builder, entry, entry.mission, entry.of)
    if entry.action is PresenceAction.OPENED:
        closures = [
            m
            for m in _standing(builder.state, entry.mission, None, entry.on)
            if m.effect is Effect.CLOSE
        ]
        _lift(builder, entry, closures, Lift(entry.mission, effective=entry.effective))
        return
    effect = _PRESENCE_EFFECTS[entry.action]
    _impose(builder, entry, entry.mission, effect, effective=entry.effective)


@_builds(BodyDefunct)
def _defunct(entry: BodyDefunct, builder: StateBuilder) -> None:
    _know_channel(builder, entry, entry.channel)
    _impose(builder, entry, entry.channel, Effect.DISSOLVE)


@_builds(CodedEvent)
def _coded(entry: CodedEvent, builder: StateBuilder) -> None:
    state = builder.state
    month = _month(entry)
    bucket = state.coded.get(month, _NO_CODED_ACTIVITY).add(entry.quad_class, entry.goldstein)
    builder.update(
        coded=state.coded.set(month, bucket),
        provenance=state.provenance.set("coded", entry.id),
    )
