"""The reducer: a pure function ``(state, entry) -> state``, and replay as a fold of it.

What every entry does (corroboration, follow-ups, stances, cooperation, activity,
provenance) lives in :func:`apply`; what one event type does lives in its :func:`rule`,
dispatched on the entry's class, so that a new event type brings its own rule without editing
this module::

    @tracker.rule.register
    def _(entry: SanctionsEased, state: State) -> State:
        ...

The rules of the built-in types are written once, against a :class:`StateBuilder`: a state's
parts in containers updated in place. :func:`apply` gives each step a builder of its own and
freezes it, so it stays pure; :func:`fold` and :func:`checkpoints` run every entry through one
builder and freeze it only where a state is asked for. States are immutable and share
structure, so each step costs about the same however long the log is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache, singledispatch
from itertools import compress, count, repeat
from operator import is_
from typing import Any, TypeVar

from immutables import Map, MapMutation

from tracker._dates import plain
from tracker._entries import (
    BodyDefunct,
    ChannelEstablished,
    CodedEvent,
    CooperationStatus,
    CouncilMeeting,
    Dyad,
    EconomicMeasure,
    Entry,
    Expulsion,
    FollowUp,
    ForceAction,
    InformalMeeting,
    Lift,
    MinisterialDecision,
    PresenceAction,
    PresenceMeasure,
    Role,
    Stance,
    Suspension,
    UseOfForce,
    channel_role,
    level_of,
    occurrence_key,
    occurrence_text,
)
from tracker._errors import AnomalyError
from tracker._state import (
    ATTACK,
    CLOSURE_WEIGHT,
    CONSULAR,
    COUNCIL,
    ECONOMIC,
    ECONOMIC_WEIGHTS,
    FORCE,
    FORMAL_COUNCIL,
    MEETING,
    MISSION,
    Activity,
    Anomaly,
    CodedActivity,
    Effect,
    Fulfilment,
    FulfilmentKey,
    Lifting,
    Measure,
    Meeting,
    Pending,
    Phase,
    State,
    last_lifting,
    phase_in_force,
)
from tracker._table import KeyedMutation, TableMutation
from tracker._vector import Draft, Vector

__all__ = ["StateBuilder", "apply", "checkpoints", "fold", "rule"]

#: Members of the enums the rules compare with, as names of this module: in Python 3.11
#: reading a member from its class calls the class's attribute hook, each time.
_SUSPEND, _DISSOLVE, _RESTRICT, _CAP, _CLOSE = (
    Effect.SUSPEND,
    Effect.DISSOLVE,
    Effect.RESTRICT,
    Effect.CAP,
    Effect.CLOSE,
)
_SANCTION, _FORCE_EFFECT = Effect.SANCTION, Effect.FORCE
_OPENED, _ATTACK = PresenceAction.OPENED, ForceAction.ATTACK
_FORUM = Role.FORUM
_NORMAL, _NORMALIZED = Phase.NORMAL, Phase.NORMALIZED


_set = object.__setattr__
#: The fields of a state that are immutable maps: a builder writes them through mutations,
#: each finished into a map when a state is frozen and a new mutation of it opened.
_MAPS = (
    "roles",
    "measures",
    "missions",
    "cooperation",
    "stances",
    "fulfilled",
    "meetings",
    "activity",
    "coded",
    "occurrences",
    "latest",
    "provenance",
)
#: The fields of a state that are vectors, which grow with the log: a builder writes them as
#: drafts, so that the states it freezes share their blocks.
_VECTORS = ("pending", "anomalies")
#: The sequences of a state: the vectors, and the index of the expectations not lapsed
#: (short, since lapsed ones leave it), which a builder writes as a list.
_SEQUENCES = (*_VECTORS, "unlapsed")
#: The fields of a state kept as they are.
_VALUES = (
    "dyad",
    "at",
    "known_at",
    "score",
    "applied",
    "lifted_until",
    "unlapsed_from",
    "first_effective",
)


class StateBuilder:
    """A state being built by the reducer's rules, in containers updated in place.

    Each immutable map of the state is here as a mutation of it, each vector as it is or as a
    draft once written, the index of expectations as it is or as a list once written, the
    measures not wholly lifted as a dict. :meth:`freeze` makes a state of them: the maps and
    vectors share their structure with those of the state frozen before (all of it for one not
    written since), and the index not written since is that state's own.
    The phase is derived only after a rule wrote what it is derived from, and from the few
    measures not lifted.
    """

    __slots__ = (
        *_MAPS,
        *_SEQUENCES,
        *_VALUES,
        "_origin",
        "_phase",
        "_stale",
        "_unlifted_map",
        "unlifted",
    )

    roles: MapMutation[str, Role]
    measures: TableMutation[str, Measure]
    missions: MapMutation[str, str]
    cooperation: MapMutation[str, CooperationStatus]
    stances: MapMutation[str, Map[str, Stance]]
    fulfilled: TableMutation[Any, Fulfilment]
    meetings: TableMutation[str, Meeting]
    activity: TableMutation[str, Activity]
    coded: MapMutation[str, CodedActivity]
    occurrences: TableMutation[Any, str]
    latest: MapMutation[str, date]
    provenance: MapMutation[str, str]
    pending: Vector[Pending] | Draft[Pending]
    unlapsed: Sequence[Pending]
    anomalies: Vector[Anomaly] | Draft[Anomaly]
    dyad: Dyad
    at: date | None
    known_at: date | None
    score: float
    applied: int
    lifted_until: date
    unlapsed_from: date
    first_effective: date
    unlifted: dict[str, Measure]

    def __init__(self, state: State) -> None:
        self.load(state)
        self._origin = state
        self._phase: Phase | None = None  # that of _origin, until derived
        self._stale = False  # whether what the phase is derived from was written since

    def load(self, state: State) -> None:
        """Go on from ``state`` (one a rule written against states returned)."""
        for name in _MAPS:
            _set(self, name, getattr(state, name).mutate())
        for name in (*_SEQUENCES, *_VALUES):
            _set(self, name, getattr(state, name))
        self.unlifted = dict(state.unlifted)
        self._unlifted_map: Map[str, Measure] | None = state.unlifted
        self._stale = True

    def freeze(self) -> State:
        """The state so far, never to change again."""
        state = object.__new__(State)
        for name in _MAPS:
            value = getattr(self, name).finish()
            _set(self, name, value.mutate())
            _set(state, name, value)
        for name in _SEQUENCES:
            value = getattr(self, name)
            if type(value) is Draft:
                value = value.freeze()
                _set(self, name, value)
            elif type(value) is list:
                value = tuple(value)
                _set(self, name, value)
            _set(state, name, value)
        for name in _VALUES:
            _set(state, name, getattr(self, name))
        if self._unlifted_map is None:
            self._unlifted_map = Map(self.unlifted)
        _set(state, "unlifted", self._unlifted_map)
        return state

    def listed(self, name: str) -> Any:
        """The sequence field ``name`` to write: a vector as a draft, the index as a list."""
        value = getattr(self, name)
        if name in _VECTORS:
            if type(value) is Vector:
                value = value.draft()
                _set(self, name, value)
        elif type(value) is not list:
            value = list(value)
            _set(self, name, value)
        return value

    def whole(self, name: str) -> Map[str, Any]:
        """The map field ``name`` as an immutable map, to read through (a mutation is not)."""
        value = getattr(self, name).finish()
        _set(self, name, value.mutate())
        return value  # type: ignore[no-any-return]

    def put_measure(self, measure: Measure) -> None:
        """Add or replace a measure, keeping the index of those not wholly lifted."""
        key = measure.key
        was = self.measures.get(key)
        self.measures[key] = measure
        if measure.effective < self.first_effective:
            self.first_effective = plain(measure.effective)
        elif was is not None and was.effective == self.first_effective < measure.effective:
            self.first_effective = plain(min(m.effective for m in self.whole("measures").values()))
        if not measure.liftings or measure.standing(None):  # nothing lifted: it stands
            self.unlifted[key] = measure
        else:
            self.unlifted.pop(key, None)
            self.lifted_until = max(self.lifted_until, last_lifting(measure))
        self._unlifted_map = None
        self._stale = True

    def phase_inputs_written(self) -> None:
        """Say that what the phase is derived from, besides the measures, was written."""
        self._stale = True

    def may_stand(self, at: date | None) -> Iterable[Measure]:
        """:meth:`State.may_stand` of the state so far."""
        day = date.max if at is None else at
        if day >= self.lifted_until:
            return self.unlifted.values()
        return self.whole("measures").values()

    def may_await(self, at: date) -> Sequence[Pending] | Draft[Pending]:
        """:meth:`State.may_await` of the state so far."""
        return self.unlapsed if at >= self.unlapsed_from else self.pending

    def phase_moved(self) -> bool:
        """Whether the phase differs from when this was last asked (or from the state the
        builder began with): derived only when what it is derived from was written since."""
        if not self._stale:
            return False
        self._stale = False
        before = self._origin.phase if self._phase is None else self._phase
        self._phase = self._current_phase()
        return self._phase is not before

    def _current_phase(self) -> Phase:
        at = self.at
        if at is not None:  # a state answering a day: derived as the state derives it
            return self.freeze().phase
        # After every day: the measures in force are those not wholly lifted; with none, no
        # row of the phase table holds.
        force = list(self.unlifted.values())
        if not force:
            return _NORMALIZED if len(self.measures) else _NORMAL
        found = phase_in_force(force, self.latest, self.whole("missions"), self.dyad, at)
        if found is not None:
            return found
        return _NORMALIZED if len(self.measures) else _NORMAL


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
    step = _strict_step if strict else _step
    for entry in entries:
        step(builder, entry)
    return builder.freeze()


def checkpoints(
    entries: Iterable[Entry], state: State, every: int, *, strict: bool = False
) -> Iterator[State]:
    """The state after each ``every`` entries of ``entries`` folded from ``state`` (entries
    after the last whole ``every`` are folded, not yielded): one builder, frozen at each."""
    builder = StateBuilder(state)
    step = _strict_step if strict else _step
    for number, entry in enumerate(entries, 1):
        step(builder, entry)
        if number % every == 0:
            yield builder.freeze()


def _strict_step(builder: StateBuilder, entry: Entry) -> None:
    """:func:`_step`, raising :class:`AnomalyError` for the first anomaly the entry adds."""
    known = len(builder.anomalies)
    _step(builder, entry)
    if len(builder.anomalies) > known:
        raise AnomalyError(builder.anomalies[known])


def _step(builder: StateBuilder, entry: Entry) -> None:
    """What :func:`apply` does, on a builder."""
    if entry.parties is not builder.dyad and entry.parties != builder.dyad:
        msg = f"entry {entry.id!r} is of dyad {entry.parties}, not of this state's {builder.dyad}"
        raise ValueError(msg)
    if entry.CURATED:
        _curated_step(builder, entry)
    else:
        _evidence(builder, entry)


def _curated_step(builder: StateBuilder, entry: Entry) -> None:
    """A curated fact: its type's rule, and what every such entry does."""
    _resolve_follow_ups(builder, entry)
    key = occurrence_key(entry)
    occurrences = builder.occurrences
    if type(occurrences) is not KeyedMutation:  # a map read back from an index: by the text
        key = occurrence_text(key)
    first = occurrences.get(key)
    ident = entry.id
    provenance: MapMutation[str, str]
    if first is None:
        _rule(builder, entry)
        builder.occurrences[key] = ident  # a rule written against states made another
        goldstein = entry.event_code().goldstein
        score = builder.score + goldstein
        month = _month(entry)
        builder.activity[month] = builder.activity.get(month, _NO_ACTIVITY).add(goldstein)
        provenance = builder.provenance
        if score != builder.score:
            provenance["score"] = ident
            builder.score = score
        provenance["level"] = ident  # the month's tone, and so the level, moved
    else:
        provenance = builder.provenance
        if _add_report(builder, entry, first):
            provenance["meetings"] = ident
    if builder.phase_moved():
        provenance["phase"] = ident
    expectations = entry.expectations()
    if expectations:
        _expected(builder, entry, expectations)
        for follow_up in expectations:
            provenance[f"pending.{follow_up.kind}"] = ident
    on = entry.on
    if on > builder.unlapsed_from:  # what lapsed by this day leaves the index
        if builder.unlapsed:
            _lapsing(builder, on)
        builder.unlapsed_from = on
    if entry.stances:
        stances = builder.stances
        for stance in entry.stances:
            stances[stance.actor] = stances.get(stance.actor, Map()).set(stance.issue, stance)
            provenance[f"stances.{stance.actor}.{stance.issue}"] = ident
    if entry.cooperation:
        cooperation = builder.cooperation
        for note in entry.cooperation:
            cooperation[note.area] = note.status
            provenance[f"cooperation.{note.area}"] = ident
    builder.applied += 1


def _rule(builder: StateBuilder, entry: Entry) -> None:
    """The entry's type's rule: on the builder when written against one, else on its state."""
    cls = type(entry)
    found = rule.registry.get(cls) or rule.dispatch(cls)  # its own rule is found in C
    building = _BUILDING.get(found)
    if building is not None:
        building(entry, builder)
        return
    builder.load(found(entry, builder.freeze()))


_NO_ACTIVITY = Activity()
_NO_CODED_ACTIVITY = CodedActivity()


def _evidence(builder: StateBuilder, entry: Entry) -> None:
    """Machine-coded evidence: its rule keeps its own record, once per occurrence; nothing
    curated (level, score, expectations, stances, cooperation) reads it."""
    key = _occurrence(builder, entry)
    if key not in builder.occurrences:
        _rule(builder, entry)
        builder.occurrences[key] = entry.id
    builder.applied += 1


def _occurrence(builder: StateBuilder, entry: Entry) -> int | str:
    """The entry's occurrence key as the state's map of occurrences keeps it: as a code (a
    fold's table), or written out (the map of a state read back from an index)."""
    key = occurrence_key(entry)
    if type(builder.occurrences) is KeyedMutation:
        return key
    return occurrence_text(key)


def _month(entry: Entry) -> str:
    on = entry.on
    return _month_of(on.year, on.month)


@lru_cache(maxsize=1 << 16)
def _month_of(year: int, month: int) -> str:
    """``YYYY-MM``, written once per month: every entry asks for its month."""
    return f"{year:04d}-{month:02d}"


def _add_report(builder: StateBuilder, entry: Entry, first: str) -> bool:
    """A second report of one occurrence: the meeting it reports, if any, gains a report."""
    meeting = builder.meetings.get(first)
    if meeting is None:
        return False
    builder.meetings[first] = Meeting(
        meeting.entry,
        meeting.kind,
        meeting.on,
        meeting.channel,
        meeting.formal,
        (*meeting.reports, entry.id),
        meeting.level,
        meeting.precision,
    )
    return True


def _resolve_follow_ups(builder: StateBuilder, entry: Entry) -> None:
    """Fulfil the expectations that the entry answers: of its type and what they say of it
    (forum, level, formality, party, mission, direction), announced on or before the day it
    happened, not yet lapsed."""
    on, kind = entry.on, entry.TYPE
    awaited = builder.may_await(on)
    if not awaited:  # most entries come when nothing is awaited
        return
    done = [
        item
        for item in awaited
        if item.kind == kind
        and item.announced <= on
        and not item.lapsed(on)
        and entry.fulfils(item)
    ]
    if not done:
        return
    fulfilled = builder.fulfilled
    provenance = builder.provenance
    pending, unlapsed = builder.listed("pending"), builder.listed("unlapsed")
    coded = type(fulfilled) is KeyedMutation  # else a map read back from an index
    for item in done:  # by identity: equal items are all answered alike
        fulfilment = Fulfilment(item, entry.id, on)
        fulfilled[FulfilmentKey(fulfilment) if coded else fulfilment.key] = fulfilment
        provenance[f"pending.{item.kind}"] = entry.id
        _replace(pending, item)
        _replace(unlapsed, item)


def _expected(builder: StateBuilder, entry: Entry, expectations: Iterable[FollowUp]) -> None:
    """Add the entry's ``expectations`` to the pending items, and to the index of those that
    may still be awaited or restated (:meth:`State.may_await`)."""
    pending, unlapsed = builder.listed("pending"), builder.listed("unlapsed")
    on = entry.on
    for follow_up in expectations:
        # Outside the index, every item had lapsed by a day not after this entry's.
        pool = unlapsed if on >= builder.unlapsed_from else pending
        # One that lapsed before this statement was given up: the statement is a new promise.
        was = next(
            (item for item in pool if _same_expectation(item, follow_up) and not item.lapsed(on)),
            None,
        )
        if was is None:
            now = _new_expectation(follow_up, entry)
            pending.append(now)
            unlapsed.append(now)
            continue
        now = Pending(
            was.kind,
            was.expected.narrower(follow_up.expected),
            was.announced,
            was.source,
            _added(was.phrases, follow_up.phrase),
            _added(was.reports, entry.id),
            was.detail or follow_up.detail,
            was.forum,
            was.level,
            was.formal,
            was.actor,
            was.mission,
            was.restores,
            # A day set for it and missed gives nothing up: it stands while any statement does.
            stands_until=max(was.lapses, _new_expectation(follow_up, entry).lapses),
        )
        _replace(pending, was, now)
        if not _replace(unlapsed, was, now):  # a lapsed expectation restated: every item
            unlapsed = builder.unlapsed = list(pending)  # joins the index, in order, until
            # the next day that comes prunes it


def _lapsing(builder: StateBuilder, day: date) -> None:
    """Leave out of the index what lapsed by ``day``: no entry of that day or later awaits or
    restates it, open-ended or not."""
    unlapsed = builder.unlapsed
    kept = [item for item in unlapsed if item.lapses > day]
    if len(kept) < len(unlapsed):
        builder.unlapsed = kept


def _replace(
    items: list[Pending] | Draft[Pending], item: Pending, by: Pending | None = None
) -> bool:
    """Replace ``item`` itself in ``items`` (found by identity, never comparing the others)
    by ``by``, or remove it; whether it was there. Sought from the end: what is answered or
    restated is mostly recent, and the expectations that lapsed long ago, which stay listed,
    are at the front, so the cost does not grow with the log."""
    found = next(compress(count(1), map(is_, reversed(items), repeat(item))), None)
    if found is None:
        return False
    place = len(items) - found
    if by is None:
        del items[place]
    else:
        items[place] = by
    return True


@lru_cache(maxsize=4096)
def _alone(text: str) -> tuple[str]:
    """``(text,)``, one tuple for every expectation stated in these words (``by spring``)."""
    return (text,)


@lru_cache(maxsize=4096)
def _level(text: str) -> str:
    """:func:`level_of`, worked out once per text: expectations, meetings and lookups of
    measures name a few levels again and again, and each reading is a regular expression's."""
    return level_of(text)


@lru_cache(maxsize=4096)
def _levels(levels: tuple[str, ...]) -> tuple[str, ...]:
    """The levels named, each as :func:`level_of` gives it: one tuple for every measure or
    lifting of the same levels."""
    return tuple(map(_level, levels))


def _new_expectation(follow_up: FollowUp, entry: Entry) -> Pending:
    """An expectation of its own. A second statement of one expectation (the same kind and
    the same said of it, an overlapping window) narrows its window instead, so several of one
    kind may be pending at once only when they differ."""
    return Pending(
        kind=follow_up.kind,
        expected=follow_up.expected,
        announced=entry.on,
        source=entry.id,
        phrases=_alone(follow_up.phrase),
        reports=(entry.id,),
        detail=follow_up.detail,
        forum=follow_up.forum,
        level=_level(follow_up.level),
        formal=follow_up.formal,
        actor=follow_up.actor,
        mission=follow_up.mission,
        restores=follow_up.restores,
    )


def _same_expectation(item: Pending, follow_up: FollowUp) -> bool:
    return (
        item.kind == follow_up.kind
        and item.forum == follow_up.forum
        and item.level == _level(follow_up.level)
        and item.formal == follow_up.formal
        and item.actor == follow_up.actor
        and item.mission == follow_up.mission
        and item.restores == follow_up.restores
        and item.expected.overlaps(follow_up.expected)
    )


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _added(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    """``items`` and ``item``, each once: ``items`` itself when that is what they are (an
    expectation restated in words it was stated in keeps its tuple, shared)."""
    added = _unique((*items, item))
    return items if added == items else added


def _anomaly(builder: StateBuilder, entry: Entry, name: str, message: str) -> None:
    builder.listed("anomalies").append(Anomaly(entry.id, name, message))
    builder.provenance["anomalies"] = entry.id


def _know_channel(
    builder: StateBuilder, entry: Entry, channel: str, role: Role | None = None
) -> None:
    """Name a channel in the state, with the role its name implies unless one is given."""
    if role is None and channel in builder.roles:
        return
    builder.roles[channel] = role or channel_role(channel)
    builder.provenance[f"channels.{channel}"] = entry.id


def _know_mission(builder: StateBuilder, entry: Entry, mission: str, owner: str) -> None:
    if builder.missions.get(mission) == owner:
        return
    builder.missions[mission] = owner
    builder.provenance[f"missions.{mission}"] = entry.id
    builder.phase_inputs_written()


def _put_measure(builder: StateBuilder, entry: Entry, measure: Measure) -> None:
    """Add or replace a measure; the part of the state it bears on records the entry."""
    provenance = builder.provenance
    provenance["measures"] = entry.id
    if measure.role not in (MISSION, CONSULAR, ECONOMIC, FORCE):
        provenance[f"channels.{measure.target}"] = entry.id
    builder.put_measure(measure)


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
    consular: bool = False,
) -> None:
    """A measure of the entry's party on ``target``, in force from ``effective``, weighing
    the entry's Goldstein value unless ``weight`` says otherwise, half as much on a
    ``consular`` post, which serves its region rather than the relationship."""
    if consular:
        role = CONSULAR
    elif target in builder.missions:
        role = MISSION
    else:
        role = str(builder.roles.get(target, MISSION))
    weight = entry.event_code().goldstein if weight is None else weight
    measure = Measure(
        entry=entry.id,
        by=entry.actor,
        target=target,
        effect=effect,
        role=role,
        announced=entry.on,
        effective=effective or entry.on,
        weight=weight / 2 if consular else weight,
        levels=_levels(levels),
        formal=formal,
    )
    _put_measure(builder, entry, measure)


def _standing(
    builder: StateBuilder, target: str, by: str | None, on: date, levels: tuple[str, ...] = ()
) -> list[Measure]:
    """The measures on ``target`` not wholly lifted by ``on``, of party ``by`` (any party when
    ``None``), that apply at one of ``levels`` (any level when empty)."""
    named = set(_levels(levels)) if levels else None
    return [
        measure
        for measure in builder.may_stand(on)
        if measure.target == target
        and (by is None or measure.by == by)
        and measure.standing(on)
        and (named is None or not measure.levels or not named.isdisjoint(measure.levels))
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
    meeting = Meeting(
        entry.id,
        entry.TYPE,
        entry.on,
        channel,
        formal,
        (entry.id,),
        level=_level(level),
        precision=entry.on.precision,
    )
    sorts = [MEETING, channel]
    if council:
        sorts.append(COUNCIL)
    if formal:
        sorts += [FORMAL_COUNCIL, f"{channel}.formal"]
    latest = builder.latest
    for sort in sorts:
        latest[sort] = max(entry.on, latest.get(sort, entry.on))
    boycotts = [
        m
        for m in _standing(builder, channel, None, entry.on)
        if m.effect is _SUSPEND and not m.formal
    ]
    if boycotts:  # a measure never decided ends when its party sits at the table again
        _lift(builder, entry, boycotts, Lift(channel))
    if builder.unlifted or builder.at is not None:  # after every day, the phase reads
        builder.phase_inputs_written()  # meetings only while some measure stands
    provenance = builder.provenance
    provenance["meetings"] = entry.id
    provenance[f"channels.{channel}"] = entry.id  # a meeting on it moves its status
    builder.meetings[entry.id] = meeting


def _changed(
    measure: Measure,
    *,
    relaxed: date | None = None,
    liftings: tuple[Lifting, ...] | None = None,
) -> Measure:
    """``measure`` relaxed on a day or with other liftings, the rest as it was."""
    return Measure(
        measure.entry,
        measure.by,
        measure.target,
        measure.effect,
        measure.role,
        measure.announced,
        measure.effective,
        measure.weight,
        measure.levels,
        measure.formal,
        measure.relaxed if relaxed is None else relaxed,
        measure.liftings if liftings is None else liftings,
    )


def _lift(builder: StateBuilder, entry: Entry, measures: list[Measure], lift: Lift) -> None:
    levels = _levels(lift.levels)
    lifting = Lifting(entry.id, lift.effective or entry.on, levels, decided=entry.on)
    for measure in measures:
        _put_measure(builder, entry, _changed(measure, liftings=(*measure.liftings, lifting)))


@_builds(ChannelEstablished)
def _established(entry: ChannelEstablished, builder: StateBuilder) -> None:
    dissolved = [
        m for m in _standing(builder, entry.channel, None, entry.on) if m.effect is _DISSOLVE
    ]
    if dissolved:
        _lift(builder, entry, dissolved, Lift(entry.channel))
    elif entry.channel in builder.roles:
        message = f"establishes channel {entry.channel!r}, which exists already"
        _anomaly(builder, entry, "channel_exists", message)
    _know_channel(builder, entry, entry.channel, Role(entry.role) if entry.role else None)


@_builds(Suspension)
def _suspension(entry: Suspension, builder: StateBuilder) -> None:
    for channel in entry.channels:
        _know_channel(builder, entry, channel)
        standing = _standing(builder, channel, entry.by, entry.on, entry.levels)
        if any(not measure.eased(entry.on) for measure in standing):
            message = f"{entry.by} suspends channel {channel!r}, which it suspended already"
            _anomaly(builder, entry, "already_suspended", message)
            continue
        _impose(
            builder,
            entry,
            channel,
            _SUSPEND,
            effective=entry.effective,
            levels=entry.levels,
            formal=not entry.de_facto,
        )


@_builds(MinisterialDecision)
def _decision(entry: MinisterialDecision, builder: StateBuilder) -> None:
    party = None if entry.jointly else entry.by
    for channel in entry.resumes:
        measures = _standing(builder, channel, party, entry.on)
        if not measures and channel not in builder.roles:
            # The log may begin mid-story: a channel never named before was under a measure,
            # which no entry recorded and so weighs nothing: easing it never lowers the level.
            _know_channel(builder, entry, channel)
            _impose(builder, entry, channel, _SUSPEND, weight=0.0)
            measures = _standing(builder, channel, party, entry.on)
        if not measures:
            message = f"decides to resume channel {channel!r}, where no measure is in force"
            _anomaly(builder, entry, "not_suspended", message)
        for measure in measures:
            if measure.relaxed is None:
                _put_measure(builder, entry, _changed(measure, relaxed=entry.on))
    for lift in entry.lifts:
        measures = _standing(builder, lift.target, party, entry.on, lift.levels)
        if not measures and _named(builder, lift.target):
            message = f"lifts a measure on {lift.target!r}, where none is in force"
            _anomaly(builder, entry, "not_suspended", message)
        _lift(builder, entry, measures, lift)


def _named(builder: StateBuilder, target: str) -> bool:
    """Whether the log named ``target`` before: a channel or mission of the state, or the
    target of a measure since lifted (sanctions are named by their measure alone). A lift of a
    target never named may close a story begun before the log, and is no anomaly."""
    if target in builder.roles or target in builder.missions:
        return True
    return any(m.target == target for m in builder.whole("measures").values())


@_builds(InformalMeeting)
def _informal_meeting(entry: InformalMeeting, builder: StateBuilder) -> None:
    _know_channel(builder, entry, entry.channel)
    _hold_meeting(builder, entry, entry.channel, council=False, formal=False)


@_builds(CouncilMeeting)
def _council_meeting(entry: CouncilMeeting, builder: StateBuilder) -> None:
    if entry.council not in builder.roles:
        _know_channel(builder, entry, entry.council, _FORUM)
    level = _level(entry.level)
    blocking = [
        m
        for m in builder.may_stand(entry.on)
        if m.target == entry.council
        and m.effect is _SUSPEND
        and m.formal  # a de facto measure ends with the meeting instead
        and m.covers(level, entry.on)
        and (m.relaxed is None or m.relaxed > entry.on)
    ]
    if entry.formal and blocking:
        message = f"holds a formal meeting of {entry.council!r} while it is suspended"
        _anomaly(builder, entry, "formal_while_suspended", message)
    _hold_meeting(
        builder, entry, entry.council, council=True, formal=entry.formal, level=entry.level
    )


def _other(dyad: Dyad, party: str) -> str:
    return dyad.second if party == dyad.first else dyad.first


@_builds(Expulsion)
def _expulsion(entry: Expulsion, builder: StateBuilder) -> None:
    """Persons declared non grata (or stripped of their accreditation) are out of their
    functions once the declaration is notified: the measure stands from that day, and the
    time they are given to leave (``effective``) only says when they are gone."""
    if not entry.consular and entry.mission not in builder.missions:
        _know_mission(builder, entry, entry.mission, _other(builder.dyad, entry.by))
    _impose(builder, entry, entry.mission, _RESTRICT, consular=entry.consular)


_PRESENCE_EFFECTS = {
    PresenceAction.CAPPED: Effect.CAP,
    PresenceAction.RESTRICTED: Effect.RESTRICT,
    PresenceAction.SUSPENDED: Effect.CLOSE,
    PresenceAction.CLOSED: Effect.CLOSE,
}


#: What a mission opened again (staffed, its head back) ends of the measures on it.
_REOPENING_ENDS = frozenset((Effect.CLOSE, Effect.RESTRICT))


@_builds(PresenceMeasure)
def _presence(entry: PresenceMeasure, builder: StateBuilder) -> None:
    if not entry.consular:
        _know_mission(builder, entry, entry.mission, entry.of)
    if entry.action is _OPENED:
        # The mission works in full again: its closure, a recall of its head, the expulsion
        # of its staff and any limit on its access end; a cap on its size does not.
        reduced = [
            m
            for m in _standing(builder, entry.mission, None, entry.on)
            if m.effect in _REOPENING_ENDS
        ]
        _lift(builder, entry, reduced, Lift(entry.mission, effective=entry.effective))
        return
    effect = _PRESENCE_EFFECTS[entry.action]
    if effect is _CAP:  # a mission has one size: a new cap replaces its party's last
        caps = [
            m for m in _standing(builder, entry.mission, entry.by, entry.on) if m.effect is effect
        ]
        _lift(builder, entry, caps, Lift(entry.mission, effective=entry.effective))
    # A mission closed ends its whole presence: it weighs more than staff expelled from it.
    weight = CLOSURE_WEIGHT if effect is _CLOSE else None
    _impose(
        builder,
        entry,
        entry.mission,
        effect,
        effective=entry.effective,
        weight=weight,
        consular=entry.consular,
    )


@_builds(BodyDefunct)
def _defunct(entry: BodyDefunct, builder: StateBuilder) -> None:
    _know_channel(builder, entry, entry.channel)
    _impose(builder, entry, entry.channel, _DISSOLVE, effective=entry.effective)


@_builds(EconomicMeasure)
def _economic(entry: EconomicMeasure, builder: StateBuilder) -> None:
    """A measure of its own on the economic relationship, weighing what it does: a new round
    under the same name widens the sanctions (the pressure counts one weight per party and
    kind, so rounds never stack), and a lift naming it ends every round."""
    measure = Measure(
        entry=entry.id,
        by=entry.by,
        target=entry.measure,
        effect=_SANCTION,
        role=ECONOMIC,
        announced=entry.on,
        effective=entry.effective or entry.on,
        weight=ECONOMIC_WEIGHTS[entry.kind],
        formal=not entry.de_facto,
    )
    _put_measure(builder, entry, measure)


@_builds(UseOfForce)
def _force(entry: UseOfForce, builder: StateBuilder) -> None:
    """An invasion, an occupation or a blockade stands until its party (or both, jointly)
    lifts it, on the territory it names, or on its party's use of force as a whole; it weighs
    the act's value, the heaviest there is. An attack is an act, not a condition: while it
    counts in the recent activity (its month and the next) it strains the relationship and
    weighs as its party's force, and it ages out with the activity."""
    if entry.action is _ATTACK:
        latest, key = builder.latest, f"{ATTACK}.{entry.by}"
        latest[key] = max(entry.on, latest.get(key, entry.on))
        builder.phase_inputs_written()
        return
    measure = Measure(
        entry=entry.id,
        by=entry.by,
        target=entry.territory or FORCE,
        effect=_FORCE_EFFECT,
        role=FORCE,
        announced=entry.on,
        effective=entry.on,
        weight=entry.event_code().goldstein,
    )
    _put_measure(builder, entry, measure)


@_builds(CodedEvent)
def _coded(entry: CodedEvent, builder: StateBuilder) -> None:
    month = _month(entry)
    bucket = builder.coded.get(month, _NO_CODED_ACTIVITY).add(entry.quad_class, entry.goldstein)
    builder.coded[month] = bucket
    builder.provenance["coded"] = entry.id
