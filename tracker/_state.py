"""The state of a relationship at a date: what replaying its log up to then gives."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from enum import StrEnum
from operator import attrgetter
from typing import Any

from attrs import Factory, field, fields, frozen
from immutables import Map, MapMutation

from tracker._dates import DateWindow, Day, Precision, plain
from tracker._entries import (
    CooperationStatus,
    Dyad,
    EconomicKind,
    Role,
    Stance,
    Suspension,
    UseOfForce,
    occurrence_code,
    occurrence_text,
)
from tracker._table import KeyedTable, Table, table
from tracker._vector import Vector, vector


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


__all__ = [
    "ATTACK",
    "ATTACK_WEIGHT",
    "CLOSURE_WEIGHT",
    "CODED_WINDOW",
    "CONSULAR",
    "COUNCIL",
    "ECONOMIC",
    "ECONOMIC_WEIGHTS",
    "FORCE",
    "FORMAL_COUNCIL",
    "LAPSE_AFTER",
    "MEETING",
    "OPEN_LAPSE_AFTER",
    "SEVERED_AFTER",
    "Activity",
    "Anomaly",
    "ChannelStatus",
    "CodedActivity",
    "Effect",
    "Fulfilment",
    "Lifting",
    "Measure",
    "Meeting",
    "Pending",
    "Phase",
    "State",
    "coded_activity",
]


#: The sorts of meeting whose latest day :attr:`State.latest` keeps.
MEETING = "meeting"
COUNCIL = "council"
FORMAL_COUNCIL = "formal_council"
#: The latest day :attr:`State.latest` keeps of an armed attack of a party on the other, under
#: ``attack.<party>``.
ATTACK = "attack"
#: What an armed attack weighs on the pressure while it is recent: its act's value (CAMEO 190).
ATTACK_WEIGHT = UseOfForce.CODE.goldstein


class Phase(StrEnum):
    """The headline of a relationship, from worst to best; :attr:`State.phase` derives it."""

    SEVERED = "severed"
    SUSPENDED = "suspended"
    REENGAGEMENT_DECIDED = "reengagement_decided"
    CONTACTS_RESUMED = "contacts_resumed"
    INFORMAL_COUNCIL = "informal_council"
    COOPERATION_SUSPENDED = "cooperation_suspended"
    STRAINED = "strained"
    NORMALIZED = "normalized"
    NORMAL = "normal"


class ChannelStatus(StrEnum):
    """Where one channel of the relationship stands, from the measures on it and the
    meetings held on it since."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    RESUMPTION_DECIDED = "resumption_decided"
    INFORMAL = "informal"
    DEFUNCT = "defunct"


class Effect(StrEnum):
    """What a measure does to its target."""

    SUSPEND = "suspend"  #: a channel suspended
    RESTRICT = "restrict"  #: a mission's access restricted, its members expelled
    CAP = "cap"  #: a mission's size capped (a new cap of its party replaces it)
    CLOSE = "close"  #: a mission or office suspended or closed
    DISSOLVE = "dissolve"  #: a body declared defunct
    SANCTION = "sanction"  #: an economic measure: trade, finance or listed persons
    FORCE = "force"  #: armed force that stands: an invasion, an occupation, a blockade


#: What a measure's target is when it is a mission or an office, not a channel.
MISSION = "mission"
#: What it is when it is a consular post or a property: no mission, a lighter weight.
CONSULAR = "consular"
#: What a mission closed or suspended weighs: its whole presence ended, heavier than the
#: expulsion of some of its staff (-5), which thins it.
CLOSURE_WEIGHT = -6.0
#: What a measure's target is when it is an economic measure (sanctions): a kind of its own.
ECONOMIC = "economic"
#: What an economic measure weighs, by what it does: a ban stops the trade it names (the
#: act's value, -8); duties, export controls and financial restrictions let it go on at a
#: cost (-6); listings freeze the assets of, or bar, named persons and firms, and leave the
#: other party's trade alone (-4).
ECONOMIC_WEIGHTS: Mapping[EconomicKind, float] = {
    EconomicKind.EMBARGO: -8.0,
    EconomicKind.DUTIES: -6.0,
    EconomicKind.EXPORT_CONTROLS: -6.0,
    EconomicKind.FINANCIAL: -6.0,
    EconomicKind.ASSET_FREEZE: -4.0,
    EconomicKind.TRAVEL_BAN: -4.0,
}
#: What a measure is (its role) when it is armed force standing (an invasion, an occupation, a
#: blockade): a kind of its own, the heaviest of all, weighing the act's value (-10 or -9.5).
FORCE = "force"


@frozen
class Lifting:
    """Part of a measure lifted: by which entry, from which day, at which levels (empty: all),
    and the day that was decided (by default the day it takes effect)."""

    entry: str
    on: date
    levels: tuple[str, ...] = field(default=(), converter=_texts)
    decided: date = field(default=Factory(lambda self: self.on, takes_self=True))


def _liftings(values: Iterable[Lifting]) -> tuple[Lifting, ...]:
    return tuple(values)


@frozen
class Measure:
    """A measure one party took against the other, in force from ``effective`` until lifted.

    ``target`` is a channel, a mission or a consular post (``role`` says which, and what the
    channel is for); ``levels`` are those it applies at (empty: all); ``relaxed`` the day its
    party decided to resume contacts under it; ``liftings`` what has been lifted of it, and
    from when. ``weight`` is what it weighs on the level every day it is in force: the
    Goldstein value of the act, :data:`CLOSURE_WEIGHT` for a mission closed, half as much on
    a consular post, nothing for a measure no entry recorded (inferred from its easing).
    """

    entry: str
    by: str
    target: str
    effect: Effect
    role: str
    announced: date
    effective: date
    weight: float
    levels: tuple[str, ...] = field(default=(), converter=_texts)
    formal: bool = True
    relaxed: date | None = None
    liftings: tuple[Lifting, ...] = field(default=(), converter=_liftings)

    @property
    def key(self) -> str:
        """``entry.target``: unique among the measures of a state."""
        return f"{self.entry}.{self.target}"

    def _lifted(self, at: date) -> set[str] | None:
        """The levels lifted by ``at``; ``None`` when the whole measure is."""
        levels: set[str] = set()
        for lifting in self.liftings:
            if lifting.on <= at:
                if not lifting.levels:
                    return None
                levels.update(lifting.levels)
        if self.levels and levels.issuperset(self.levels):
            return None
        return levels

    def standing(self, at: date | None) -> bool:
        """Whether the measure has been taken and not wholly lifted by ``at``, in force yet
        or announced for later."""
        return self._lifted(date.max if at is None else at) is not None

    def in_force(self, at: date | None) -> bool:
        """Whether some part of the measure is in force on ``at`` (``None``: after every day)."""
        day = date.max if at is None else at
        return self.effective <= day and self._lifted(day) is not None

    def covers(self, level: str, at: date | None) -> bool:
        """Whether the measure is in force at ``level`` on ``at``, and not relaxed."""
        day = date.max if at is None else at
        lifted = self._lifted(day)
        return (
            self.effective <= day
            and lifted is not None
            and level not in lifted
            and (not self.levels or level in self.levels)
        )

    def eased(self, at: date | None, since: date = date.min) -> bool:
        """Whether, between ``since`` and ``at``, its party decided to resume contacts under
        it or to lift it, in part or from a later day."""
        day = date.max if at is None else at
        return (self.relaxed is not None and since <= self.relaxed <= day) or any(
            since <= lifting.decided <= day for lifting in self.liftings
        )

    @property
    def order(self) -> tuple[int, str]:
        """Where it stands among measures: by the day it takes force, then key (the day by its
        ordinal, as for meetings: days of other precisions placed on one day are neither equal
        nor in order)."""
        return (self.effective.toordinal(), self.key)

    def lifted_on(self, at: date | None) -> date | None:
        """The day the whole measure was lifted, if it was by ``at``."""
        day = date.max if at is None else at
        if self._lifted(day) is not None:
            return None
        return max((lifting.on for lifting in self.liftings if lifting.on <= day), default=None)


@frozen
class Activity:
    """The Goldstein values of the distinct occurrences of one month: their sum and count."""

    total: float = 0.0
    count: int = 0

    def add(self, goldstein: float) -> Activity:
        """This month with one more occurrence."""
        return Activity(self.total + goldstein, self.count + 1)


@frozen
class CodedActivity:
    """The machine-coded events of one month: how many of each quad class, and the sum of the
    values their datasets give on their own scales (``scored`` of them gave one)."""

    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    goldstein_total: float = 0.0
    scored: int = 0

    @property
    def events(self) -> int:
        """The events of the month, of every quad class."""
        return (
            self.verbal_cooperation
            + self.material_cooperation
            + self.verbal_conflict
            + self.material_conflict
        )

    @property
    def goldstein_mean(self) -> float | None:
        """The mean value of the events that gave one; ``None`` when none did."""
        return self.goldstein_total / self.scored if self.scored else None

    def add(self, quad_class: int, goldstein: float | None) -> CodedActivity:
        """This month with one more event of ``quad_class`` (1-4)."""
        counts = [
            self.verbal_cooperation,
            self.material_cooperation,
            self.verbal_conflict,
            self.material_conflict,
        ]
        counts[quad_class - 1] += 1
        one, two, three, four = counts
        if goldstein is None:
            return CodedActivity(one, two, three, four, self.goldstein_total, self.scored)
        total = self.goldstein_total + goldstein
        return CodedActivity(one, two, three, four, total, self.scored + 1)


#: How long without any meeting after relations broke before they count as severed again,
#: although the parties met once since.
SEVERED_AFTER = timedelta(days=365)

#: How long after its window an expectation lapses: as long again as the window lasted, and
#: never sooner than this.
LAPSE_AFTER = timedelta(days=90)
#: How long after it opens an open-ended expectation ("after the summit") lapses.
OPEN_LAPSE_AFTER = timedelta(days=365)


_ONE_DAY = timedelta(days=1)


def _lapse_day(item: Pending) -> date:
    window = item.expected
    if window.end is None:
        lapses = window.start + OPEN_LAPSE_AFTER
    else:
        lapses = window.end + max(LAPSE_AFTER, window.end - window.start + _ONE_DAY)
    return lapses if item.stands_until is None else max(lapses, item.stands_until)


@frozen
class Pending:
    """An expected event not yet fulfilled: its kind (an entry type), what it should be
    (``forum``, ``level``, ``formal``, ``actor``, ``mission``, ``restores``, where stated, as
    :class:`~tracker.FollowUp` says them) and its window.

    ``source`` is the entry that first announced it; ``reports`` every entry that stated it;
    ``stands_until`` the day it would have lapsed as stated before a narrower window was set
    for it: a date set for a promised meeting, then missed, leaves the promise standing.
    """

    kind: str
    expected: DateWindow
    announced: date
    source: str
    phrases: tuple[str, ...] = field(converter=_texts)
    reports: tuple[str, ...] = field(converter=_texts)
    detail: str = ""
    forum: str = ""
    level: str = ""
    formal: bool | None = None
    actor: str = ""
    mission: str = ""
    restores: bool | None = None
    stands_until: date | None = None

    def overdue(self, at: date | None) -> bool:
        """Whether, on day ``at``, the window has passed with the event still pending."""
        return at is not None and self.expected.end is not None and at > self.expected.end

    #: The first day on which the expectation is lapsed: no longer awaited, and never
    #: fulfilled by a later event. Derived from the window, once: a fold asks it of every
    #: expectation at every step.
    lapses: date = field(
        init=False, eq=False, repr=False, default=Factory(_lapse_day, takes_self=True)
    )

    def lapsed(self, at: date | None) -> bool:
        """Whether, on day ``at``, the expectation is long past its window."""
        return at is not None and at >= self.lapses


@frozen
class Fulfilment:
    """An expectation that an entry fulfilled."""

    pending: Pending
    by: str
    on: date

    @property
    def key(self) -> str:
        """``kind.source.start[.forum][.level][.formal][.actor][.mission][.restores].by``:
        unique among the fulfilments of a state, even when one entry fulfils several
        expectations one source stated."""
        item = self.pending
        said = "".join(f".{part}" for part in (item.forum, item.level) if part)
        formality = "" if item.formal is None else (".formal" if item.formal else ".informal")
        acting = "".join(f".{part}" for part in (item.actor, item.mission) if part)
        direction = {None: "", True: ".restores", False: ".reduces"}[item.restores]
        return (
            f"{item.kind}.{item.source}.{item.expected.start}{said}{formality}{acting}"
            f"{direction}.{self.by}"
        )

    @property
    def order(self) -> tuple[int, str]:
        """Where it stands among fulfilments: by day, then key (the day by its ordinal: days
        of other precisions placed on one day are neither equal nor in order)."""
        return (self.on.toordinal(), self.key)


class FulfilmentKey:
    """A fulfilment's :attr:`~Fulfilment.key` as a state keeps it: the fulfilment itself, which
    writes its key when asked, and the key's hash. It hashes and compares as the key (a table
    holding it is read by the key), and takes less room than the text (about 100 characters)."""

    __slots__ = ("done", "hash")

    def __init__(self, done: Fulfilment) -> None:
        self.done = done
        self.hash = hash(done.key)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        if type(other) is FulfilmentKey:
            if other.hash != self.hash:
                return False
            mine, theirs = self.done, other.done
            return mine is theirs or _same_parts(mine, theirs) or mine.key == theirs.key
        if isinstance(other, str):
            return self.done.key == other
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self.done.key)


def _same_parts(mine: Fulfilment, theirs: Fulfilment) -> bool:
    """Whether two fulfilments have their key's parts alike, each of one type and equal (so
    written alike: a refold writes again the fulfilments it wrote, and comparing the parts
    spares writing out both keys)."""
    one, other = mine.pending, theirs.pending
    if one is not other:
        start, again = one.expected.start, other.expected.start
        if not (
            one.kind == other.kind
            and one.source == other.source
            and type(start) is type(again)
            and start == again
            and one.forum == other.forum
            and one.level == other.level
            and one.formal is other.formal
            and one.actor == other.actor
            and one.mission == other.mission
            and one.restores is other.restores
        ):
            return False
    return mine.by == theirs.by


def _fulfilment_code(key: FulfilmentKey | str) -> FulfilmentKey | str:
    return key


def _fulfilment_key(code: FulfilmentKey | str) -> str:
    return code.done.key if isinstance(code, FulfilmentKey) else code


class Fulfilments(KeyedTable[str, "Fulfilment"]):
    """The expectations a state has seen fulfilled, each key kept as a :class:`FulfilmentKey`
    by a fold (a key given as text is kept as it is), and read back as the key."""

    __slots__ = ()
    _code = staticmethod(_fulfilment_code)
    _key = staticmethod(_fulfilment_key)


@frozen
class Meeting:
    """A meeting held, at a level (``""`` when not said), with every entry that reported it;
    ``precision`` says how much of its day is known."""

    entry: str
    kind: str
    on: date
    channel: str
    formal: bool
    reports: tuple[str, ...] = field(converter=_texts)
    level: str = ""
    precision: Precision = Precision.DAY

    @property
    def order(self) -> tuple[int, str]:
        """Where it stands among meetings: by day, then first report (the day by its ordinal,
        as for fulfilments)."""
        return (self.on.toordinal(), self.entry)

    @property
    def stated(self) -> Day:
        """The day as its reports state it (``2014-06`` for a meeting known to the month)."""
        return Day.of(self.on, self.precision)


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
    if type(mapping) is Map:
        return mapping
    if mapping is None or type(mapping) is dict:
        return Map(mapping or {})
    return Map(dict(mapping.items()))  # a map read lazily from the index: decoded whole


class Occurrences(KeyedTable[str, str]):
    """The occurrences of a state, each key (:meth:`Entry.occurrence`) kept as
    :func:`~tracker._entries.occurrence_code` gives it, and read back as the key."""

    __slots__ = ()
    _code = staticmethod(occurrence_code)
    _key = staticmethod(occurrence_text)


def _occurrences(items: Mapping[str, str] | Iterable[tuple[str, str]]) -> Table[str, str]:
    return items if type(items) is Occurrences else Occurrences(items)


def _activity(
    months: Mapping[str, Activity] | Iterable[tuple[str, Activity]],
) -> Table[str, Activity]:
    return table(months)


def _persistent_stances(stances: Mapping[str, Mapping[str, Stance]]) -> Map[str, Map[str, Stance]]:
    if type(stances) is Map:  # built by the reducer: a map of maps already
        return stances
    return Map({actor: persistent(issues) for actor, issues in stances.items()})


def _keyed_meetings(meetings: Mapping[str, Meeting] | Iterable[Meeting]) -> Table[str, Meeting]:
    if isinstance(meetings, Mapping):
        return table(meetings)
    return Table((meeting.entry, meeting) for meeting in meetings)


def _keyed_measures(measures: Mapping[str, Measure] | Iterable[Measure]) -> Table[str, Measure]:
    if isinstance(measures, Mapping):
        return table(measures)
    return Table((measure.key, measure) for measure in measures)


def _keyed_fulfilments(
    fulfilled: Mapping[str, Fulfilment] | Iterable[Fulfilment],
) -> Table[str, Fulfilment]:
    if type(fulfilled) is Fulfilments:
        return fulfilled
    if isinstance(fulfilled, Mapping):
        return Fulfilments(fulfilled)
    return Fulfilments((FulfilmentKey(done), done) for done in fulfilled)  # type: ignore[misc]


def _months_back(day: date, months: int) -> str:
    index = day.year * 12 + day.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def last_lifting(measure: Measure) -> date:
    """The last day a lifting of ``measure`` takes effect (``date.min`` with none)."""
    return max((lifting.on for lifting in measure.liftings), default=date.min)


def _unlifted(state: State) -> Map[str, Measure]:
    return Map({key: m for key, m in state.measures.items() if m.standing(None)})


def _lifted_until(state: State) -> date:
    lifted = (m for m in state.measures.values() if not m.standing(None))
    return max(map(last_lifting, lifted), default=date.min)


def _first_effective(state: State) -> date:
    return plain(min((m.effective for m in state.measures.values()), default=date.max))


@frozen
class State:
    """Where a relationship stood: measures in force, channels, cooperation, stances,
    expectations, meetings, and the level of relations they give.

    ``at`` and ``known_at`` say which replay it answers; ``provenance`` maps each part of the
    state (``measures``, ``channels.nrc``, ``stances.RUS.georgia_war``, ``phase``...) to the
    id of the entry that last changed it. The phase, the channels' statuses and the level are
    derived, never stored. Mappings are immutable (``immutables.Map``); ``measures`` are keyed
    by :attr:`Measure.key`, ``meetings`` by their first report, ``fulfilled`` by
    :attr:`Fulfilment.key`, and all three also take an iterable of records. ``roles`` holds
    each channel the log has named and what it is for; ``missions`` each mission or office and
    whose it is; ``latest`` the day of the latest meeting of each sort (``meeting``,
    ``council``, ``formal_council``, and per channel ``CHANNEL`` and ``CHANNEL.formal``);
    ``activity`` the Goldstein values per month (``YYYY-MM``); ``score`` their running sum;
    ``coded`` the machine-coded events per month, kept apart from both. ``pending`` and
    ``anomalies`` are vectors (:class:`~tracker.Vector`): read, compared and hashed as the
    tuples of their items, and stored in blocks that the states of one fold share;
    ``measures``, ``fulfilled``, ``meetings``, ``activity`` and ``occurrences`` are tables
    (:class:`~tracker._table.Table`): read, compared and hashed as immutable maps, each the
    first rows of a table of rows that the states of one fold share.
    """

    dyad: Dyad
    at: date | None = None
    known_at: date | None = None
    roles: Map[str, Role] = field(factory=Map, converter=persistent)
    measures: Table[str, Measure] = field(factory=Table, converter=_keyed_measures)
    missions: Map[str, str] = field(factory=Map, converter=persistent)
    cooperation: Map[str, CooperationStatus] = field(factory=Map, converter=persistent)
    stances: Map[str, Map[str, Stance]] = field(factory=Map, converter=_persistent_stances)
    pending: Vector[Pending] = field(default=(), converter=vector)
    fulfilled: Table[str, Fulfilment] = field(factory=Table, converter=_keyed_fulfilments)
    meetings: Table[str, Meeting] = field(factory=Table, converter=_keyed_meetings)
    score: float = 0.0
    activity: Table[str, Activity] = field(factory=Table, converter=_activity)
    coded: Map[str, CodedActivity] = field(factory=Map, converter=persistent)
    anomalies: Vector[Anomaly] = field(default=(), converter=vector)
    occurrences: Table[str, str] = field(factory=Table, converter=_occurrences)
    latest: Map[str, date] = field(factory=Map, converter=persistent)
    provenance: Map[str, str] = field(factory=Map, converter=persistent)
    applied: int = 0
    #: An index of :attr:`measures`, derived from them (see :meth:`may_stand`): the measures
    #: not wholly lifted, and the last day a lifting of the others took effect.
    unlifted: Map[str, Measure] = field(
        init=False, eq=False, repr=False, default=Factory(_unlifted, takes_self=True)
    )
    lifted_until: date = field(
        init=False, eq=False, repr=False, default=Factory(_lifted_until, takes_self=True)
    )
    #: An index of :attr:`pending` (see :meth:`may_await`): those of its items, in its order,
    #: not lapsed by ``unlapsed_from``; every other item had lapsed by then.
    unlapsed: Sequence[Pending] = field(
        init=False, eq=False, repr=False, default=Factory(lambda state: state.pending, True)
    )
    unlapsed_from: date = field(init=False, eq=False, repr=False, default=date.min)
    #: Derived from :attr:`measures`: the earliest day a measure takes force (``date.max``
    #: with none), which tells a normalized relationship from a normal one without reading
    #: every measure.
    first_effective: date = field(
        init=False, eq=False, repr=False, default=Factory(_first_effective, takes_self=True)
    )

    def as_of(self, at: date | None, known_at: date | None = None) -> State:
        """This state as a replay answers it on ``at``, as known on ``known_at``: every part
        shared with this one, so that asking costs the same however large the state."""
        new = object.__new__(State)
        for name in _STATE_FIELDS:
            object.__setattr__(new, name, getattr(self, name))
        object.__setattr__(new, "at", at)
        object.__setattr__(new, "known_at", known_at)
        return new

    # -- what is in force -------------------------------------------------------------------

    def may_stand(self, at: date | None) -> Iterable[Measure]:
        """The measures that may stand (or be in force) on ``at``: those not wholly lifted,
        and the others too when ``at`` is before the last of their liftings took effect. A
        fold looks at the few measures still open, however many the log has lifted."""
        day = date.max if at is None else at
        return (self.unlifted if day >= self.lifted_until else self.measures).values()

    def may_await(self, at: date) -> Sequence[Pending]:
        """The pending items that may still be awaited on ``at``, in order: the others lapsed
        before it. A fold looks at the few not lapsed, however many the log has seen lapse."""
        return self.unlapsed if at >= self.unlapsed_from else self.pending

    def in_force(self) -> list[Measure]:
        """The measures in force on ``at`` (wholly or in part), earliest first."""
        return sorted(
            (m for m in self.may_stand(self.at) if m.in_force(self.at)),
            key=attrgetter("order"),
        )

    def lifted(self) -> list[Measure]:
        """The measures wholly lifted by ``at``, earliest lifted first."""
        done = [(day, m) for m in self.measures.values() if (day := m.lifted_on(self.at))]
        return [m for _, m in sorted(done, key=lambda pair: (pair[0].toordinal(), pair[1].key))]

    def count_lifted(self) -> int:
        """How many measures :meth:`lifted` lists: counted without reading them once every
        lifting has taken effect (the others are those not wholly lifted)."""
        if (date.max if self.at is None else self.at) >= self.lifted_until:
            return len(self.measures) - len(self.unlifted)
        return len(self.lifted())

    @property
    def channels(self) -> Map[str, ChannelStatus]:
        """Each channel's status: ``suspended`` under a measure in force, ``resumption_decided``
        once its party eased it, ``informal``/``active`` once met informally/formally since,
        ``defunct`` while declared so; ``active`` with no measure in force."""
        force = [m for m in self.in_force() if m.effect in (Effect.SUSPEND, Effect.DISSOLVE)]
        statuses: dict[str, ChannelStatus] = {}
        for channel in self.roles:
            on_it = [m for m in force if m.target == channel]
            statuses[channel] = self._status(channel, on_it)
        return Map(statuses)

    def _status(self, channel: str, measures: list[Measure]) -> ChannelStatus:
        if not measures:
            return ChannelStatus.ACTIVE
        if any(m.effect is Effect.DISSOLVE for m in measures):
            return ChannelStatus.DEFUNCT
        since = max(m.effective for m in measures)
        # Meeting on a channel of cooperation is not cooperating: its formal suspension
        # stands until lifted, whoever meets (a de facto one ends with the meeting).
        met = self.roles.get(channel) is not Role.COOPERATION or not any(m.formal for m in measures)
        if met and self.latest.get(f"{channel}.formal", date.min) >= since:
            return ChannelStatus.ACTIVE
        if met and self.latest.get(channel, date.min) >= since:
            return ChannelStatus.INFORMAL
        # A party may reconsider a measure before it takes force: easing counts from the
        # latest decision, as a meeting does from the latest measure in force.
        decided = max(m.announced for m in measures)
        if any(m.eased(self.at, decided) for m in measures):
            return ChannelStatus.RESUMPTION_DECIDED
        return ChannelStatus.SUSPENDED

    # -- the headline ------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        """The phase, by the first row of the README's phase table that holds on ``at``."""
        force = [m for m in self.may_stand(self.at) if m.in_force(self.at)]
        phase = phase_in_force(force, self.latest, self.missions, self.dyad, self.at)
        if phase is not None:
            return phase
        if self.measures and self.first_effective <= (date.max if self.at is None else self.at):
            return Phase.NORMALIZED
        return Phase.NORMAL

    # -- the level of relations --------------------------------------------------------------

    @property
    def pressure(self) -> float:
        """The weight of the measures in force on ``at``: one per party and kind of measure
        (:func:`_kind`), the heaviest of that kind, half of it once its party eased it;
        relations broken off weigh as every diplomatic kind at its heaviest."""
        heaviest: dict[tuple[str, str], float] = {}
        for m in self.in_force():
            half = m.eased(self.at)
            kind = _kind(m, self.missions)
            weights = [(kind, m.weight)]
            if kind == Role.RELATIONS and not m.levels:
                weights += _BROKEN_OFF
            for part, weight in weights:
                key = (m.by, part)
                heaviest[key] = min(heaviest.get(key, 0.0), weight / 2 if half else weight)
        for party in (self.dyad.first, self.dyad.second):
            if _recent(self.latest.get(f"{ATTACK}.{party}"), self.at):
                key = (party, FORCE)
                heaviest[key] = min(heaviest.get(key, 0.0), ATTACK_WEIGHT)
        return sum(heaviest.values())

    @property
    def recent_activity(self) -> float:
        """The sum of the Goldstein values of the occurrences of ``at``'s month and the month
        before (of the latest month applied, without ``at``), within the scale's -10..10; 0
        when there were none."""
        if self.at is not None:
            months = (_months_back(self.at, 0), _months_back(self.at, 1))
        elif self.activity:
            latest = max(self.activity)
            year, month = int(latest[:4]), int(latest[5:])
            months = (latest, _months_back(date(year, month, 1), 1))
        else:
            return 0.0
        total = sum(self.activity[month].total for month in months if month in self.activity)
        return max(-_SCALE, min(_SCALE, total))

    @property
    def level(self) -> float:
        """The level of relations: the pressure of the measures in force plus the tone of the
        last two months, in Goldstein units (0 with nothing in force and nothing happening).

        While a measure stands, good tone offsets at most half its pressure: a standing
        suspension is not outweighed by talk around it. With ``p < 0`` the level is
        ``p + min(a, -p/2)``, at most ``p + a < a`` (what it is with none in force) and
        ``p/2 < 0``. It is monotone in both: in ``a`` plainly; in ``p`` each branch rises with it
        (``p + a`` and ``p/2``), and at ``p = 0`` it steps up to ``a``. So a hostile entry
        (lowering ``p`` or ``a``) never raises it, a cooperative one never lowers it."""
        pressure, activity = self.pressure, self.recent_activity
        if pressure < 0:
            activity = min(activity, -pressure / 2)
        return round(pressure + activity, 2)

    # -- lists -------------------------------------------------------------------------------

    def meetings_in_order(self) -> list[Meeting]:
        """The meetings held, earliest first."""
        return sorted(self.meetings.values(), key=lambda meeting: meeting.order)

    def fulfilled_in_order(self) -> list[Fulfilment]:
        """The expectations fulfilled, earliest first."""
        return sorted(self.fulfilled.values(), key=lambda done: done.order)

    def overdue(self) -> tuple[Pending, ...]:
        """The expectations whose window has passed by ``at`` and that have not lapsed."""
        return tuple(
            item for item in self.pending if item.overdue(self.at) and not item.lapsed(self.at)
        )

    def lapsed(self) -> tuple[Pending, ...]:
        """The expectations long past their window on ``at``: no longer awaited."""
        return tuple(item for item in self.pending if item.lapsed(self.at))

    def awaited(self) -> tuple[Pending, ...]:
        """The expectations still awaited on ``at`` (overdue ones included, lapsed ones not)."""
        return tuple(item for item in self.pending if not item.lapsed(self.at))


#: The bound of the Goldstein scale, which bounds the recent activity too.
_SCALE = 10.0
#: What relations broken off weigh beyond their own measure: the dialogue suspended, the
#: missions of both parties closed and the consular posts with them, each at its heaviest.
_BROKEN_OFF = (
    (Role.DIALOGUE.value, Suspension.CODE.goldstein),
    (f"{MISSION}.own", CLOSURE_WEIGHT),
    (f"{MISSION}.other", CLOSURE_WEIGHT),
    (CONSULAR, CLOSURE_WEIGHT / 2),
)


def _kind(measure: Measure, missions: Map[str, str]) -> str:
    """The kind of a measure, of which the level counts one per party: relations, the
    dialogue (a forum or talks), cooperation, the party's own missions (an envoy recalled),
    the other's (its diplomats expelled), consular posts."""
    if measure.role == MISSION:
        whose = "own" if missions.get(measure.target) == measure.by else "other"
        return f"{MISSION}.{whose}"
    return Role.DIALOGUE.value if measure.role == Role.FORUM else measure.role


#: The fields of a state, those derived from the others included.
_STATE_FIELDS = tuple(attribute.name for attribute in fields(State))
#: The roles of the channels whose suspension suspends the dialogue.
_DIALOGUE_ROLES = frozenset((Role.FORUM, Role.DIALOGUE, Role.RELATIONS))
#: The members the phase compares measures with, read from their classes once: in Python 3.11
#: reading a member from its enum's class calls the class's attribute hook, and the phase is
#: derived after most steps of a fold, each measure in force compared several times.
_SUSPEND, _DISSOLVE, _CLOSE = Effect.SUSPEND, Effect.DISSOLVE, Effect.CLOSE
_SUSPENDING = (Effect.SUSPEND, Effect.DISSOLVE)
_RELATIONS, _FORUM = Role.RELATIONS, Role.FORUM


def phase_in_force(
    force: list[Measure],
    latest: Map[str, date] | MapMutation[str, date],
    missions: Map[str, str],
    dyad: Dyad,
    at: date | None,
) -> Phase | None:
    """The phase on ``at`` of a state whose measures in force are ``force`` (in any order),
    by the rows of the phase table above its last two; ``None`` when none of them holds."""
    met = latest.get(MEETING, date.min)
    # Relations suspended at some levels only are downgraded, not broken off: the missions stay,
    # headed by charges d'affaires, and the sides go on talking. Such a measure strains them.
    downgrades = [m for m in force if _downgrades(m)]
    force = [m for m in force if not _downgrades(m)]
    relations = [m for m in force if m.effect is _SUSPEND and m.role == _RELATIONS]
    if any(not m.eased(at) for m in relations):
        # Relations broken off stay broken, whatever meetings are held (delegates may meet in
        # another's forum), until a party decides to restore them.
        return Phase.SEVERED
    rupture = None if relations else _rupture(force, missions, dyad)
    if rupture is not None:
        silent = at is not None and at - met >= SEVERED_AFTER
        if met < rupture or silent:
            return Phase.SEVERED
    dialogue = [m for m in force if m.effect in _SUSPENDING and m.role in _DIALOGUE_ROLES]
    if dialogue:
        since = max(m.effective for m in dialogue)
        decided = max(m.announced for m in dialogue)  # easing may come before a measure's day
        if latest.get(FORMAL_COUNCIL, date.min) < since:
            if latest.get(COUNCIL, date.min) >= since:
                return Phase.INFORMAL_COUNCIL
            if met >= since:
                return Phase.CONTACTS_RESUMED
            if any(m.eased(at, decided) for m in dialogue):
                return Phase.REENGAGEMENT_DECIDED
            return Phase.SUSPENDED
        # The council meets formally again: what its parties eased on the dialogue has
        # ended in practice, whether or not they lifted it in form.
        ended = {m.key for m in dialogue if m.eased(at)}
        force = [m for m in force if m.key not in ended]
    if any(m.effect in _SUSPENDING for m in force):
        # Cooperation suspended, or ended with its treaty or body, and the dialogue open.
        return Phase.COOPERATION_SUSPENDED
    if force or downgrades or _attacked(latest, dyad, at):
        return Phase.STRAINED
    return None


def _attacked(latest: Map[str, date] | MapMutation[str, date], dyad: Dyad, at: date | None) -> bool:
    """Whether an armed attack of either party is recent on ``at``."""
    return any(_recent(latest.get(f"{ATTACK}.{party}"), at) for party in (dyad.first, dyad.second))


def _recent(attacked: date | None, at: date | None) -> bool:
    """Whether an attack of ``attacked`` is recent on ``at``: of its month or the month before,
    as long as it counts in the recent activity (after every day, every attack is past)."""
    if attacked is None or at is None:
        return False
    return f"{attacked:%Y-%m}" >= _months_back(at, 1)


def _downgrades(measure: Measure) -> bool:
    """Whether ``measure`` downgrades relations (suspends them at some levels, not all)."""
    return measure.role == _RELATIONS and measure.effect is _SUSPEND and bool(measure.levels)


def _rupture(force: list[Measure], missions: Map[str, str], dyad: Dyad) -> date | None:
    """The day relations broke, if the measures in force break them short of breaking off
    relations: a forum declared defunct, or every mission and office of both parties closed
    (consular posts aside)."""
    days = [m.effective for m in force if m.effect is _DISSOLVE and m.role == _FORUM]
    closures: dict[str, date] = {}  # the latest closure of each target
    for m in force:
        if m.effect is _CLOSE and m.effective >= closures.get(m.target, m.effective):
            closures[m.target] = m.effective
    if closures and missions and all(mission in closures for mission in missions):
        owners = set(missions.values())
        if owners >= {dyad.first, dyad.second}:
            days.append(max(closures[mission] for mission in missions))
    return max(days, default=None)


#: How many months, up to the replay's, :func:`coded_activity` gives by default.
CODED_WINDOW = 12


def coded_activity(state: State, months: int = CODED_WINDOW) -> dict[str, CodedActivity]:
    """The coded activity of the trailing ``months`` up to the month of ``at`` (of the latest
    coded month, without ``at``), every month of the window present, oldest first."""
    if months < 1:
        msg = f"a window of coded activity has one month or more, not {months}"
        raise ValueError(msg)
    if state.at is not None:
        end = state.at
    elif state.coded:
        latest = max(state.coded)
        end = date(int(latest[:4]), int(latest[5:]), 1)
    else:
        return {}
    window = [_months_back(end, back) for back in range(months - 1, -1, -1)]
    return {month: state.coded.get(month, CodedActivity()) for month in window}
