"""Replay: a log folded into the state of one dyad at any date, step by step, explained.

A :class:`Replay` folds its entries once, keeping a checkpoint state every few entries, so the
state at a date costs a binary search and at most ``every - 1`` reducer steps. Given the
entries of a log read without holding them (:class:`~tracker._log.StoredEntries`), it keeps
where each lies and reads again only those a fold or a question needs.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import chain
from operator import attrgetter
from typing import Any, Protocol, cast

from attrs import frozen

from tracker._bulk import collector_paused
from tracker._entries import Dyad, Entry
from tracker._lazy import LazyMap
from tracker._log import StoredEntries
from tracker._reducer import apply, checkpoints, fold
from tracker._state import Fulfilment, Measure, Meeting, Pending, Phase, State

__all__ = [
    "DEFAULT_DYAD",
    "EVERY",
    "EVERY_STORED",
    "Change",
    "Explanation",
    "Quote",
    "Replay",
    "Step",
    "diff",
    "flatten",
    "implied_dyad",
    "replays",
]

#: The dyad of a replay of no entries, and the one the command line and the terminal UI take
#: among others (the bundled log is of NATO-RUS, with an EU-RUS entry).
DEFAULT_DYAD = Dyad("NATO", "RUS")

#: How many entries apart a replay keeps its checkpoint states, unless told: the state at a date
#: folds fewer than this many entries onto the checkpoint before it.
EVERY = 16

#: The same, for entries read again from the log (``read_log(path, held=False)``): the state at
#: a date decodes again each entry it folds, which costs nearly what folding it does, so
#: the checkpoints are kept twice as close; that costs such a replay 17 to 19% more
#: memory, far less than holding the entries would (see the README's figures).
EVERY_STORED = 8

#: What a refusal of entries of several dyads tells a caller of the Python API to do.
_NAME_ONE = "name one with dyad=, or replay each with tracker.replays(...)"


def implied_dyad(
    dyads: Iterable[Dyad], *, among: Dyad | None = None, advice: str = _NAME_ONE
) -> Dyad:
    """The dyad of a replay of entries of ``dyads`` when none is named: their only one,
    :data:`DEFAULT_DYAD` when there is none, ``among`` when it is one of several; else which
    one is unsaid, and a :class:`ValueError` names them with ``advice``."""
    found = tuple(dict.fromkeys(dyads))
    if len(found) == 1:
        return found[0]
    if not found:
        return DEFAULT_DYAD
    if among in found:
        return among
    named = ", ".join(map(str, found))
    msg = f"the entries are of {len(found)} dyads ({named}): {advice}"
    raise ValueError(msg)


#: The parts of a state that :func:`flatten`, :func:`diff` and :meth:`Replay.explain` know.
FIELDS = (
    "phase",
    "level",
    "measures",
    "channels",
    "cooperation",
    "stances",
    "pending",
    "fulfilled",
    "meetings",
    "score",
    "anomalies",
)


def _phase(state: State) -> dict[str, str]:
    return {"phase": state.phase.value}


def _level(state: State) -> dict[str, str]:
    return {"level": f"{state.level:+.2f}"}


def measure_easing(measure: Measure, at: date | None) -> str:
    """How a measure in force has been eased by ``at``: the levels lifted from it, else
    ``contacts resumed`` once its party decided so; then each lift decided by ``at`` for a
    later day (``lift decided for DAY``, ``lift at ministers decided for DAY``), until that
    day; ``""`` when it has not been eased."""
    day = date.max if at is None else at
    lifted = sorted({level for x in measure.liftings if x.on <= day for level in x.levels})
    if lifted:
        said = [f"lifted at {', '.join(lifted)}"]
    else:
        resumed = measure.relaxed is not None and measure.relaxed <= day
        said = ["contacts resumed"] if resumed else []
    for lifting in measure.liftings:
        if lifting.decided <= day < lifting.on:
            levels = f" at {', '.join(lifting.levels)}" if lifting.levels else ""
            said.append(f"lift{levels} decided for {lifting.on}")
    return ", ".join(said)


def measure_text(measure: Measure, at: date | None) -> str:
    """One line on a measure: who did what to which target, since when, and how it stands."""
    levels = f" at {', '.join(measure.levels)}" if measure.levels else ""
    formal = "" if measure.formal else " (de facto)"
    text = f"{measure.by or 'both'} {measure.effect} {measure.target}{levels}{formal}"
    if not measure.in_force(at):
        lifted = measure.lifted_on(at)
        status = f"lifted {lifted}" if lifted else f"in force from {measure.effective}"
    else:
        eased = measure_easing(measure, at)
        status = f"in force since {measure.effective}{', ' if eased else ''}{eased}"
    return f"{text}: {status}"


def expected_text(item: Pending) -> str:
    """What an expectation awaits: its kind, and the party, direction, mission, forum, level
    and formality it states (``presence_measure by FRA restoring fra_embassy_canberra``)."""
    formality = {True: "formal", False: "informal", None: ""}[item.formal]
    direction = {True: "restoring", False: "reducing", None: ""}[item.restores]
    by = f"by {item.actor}" if item.actor else ""
    parts = (item.kind, by, direction, item.mission, item.forum, item.level, formality)
    return " ".join(part for part in parts if part)


def level_text(state: State) -> str:
    """The level of relations with its two terms: the pressure and the recent activity."""
    return (
        f"{state.level:+.2f} (pressure {state.pressure:+.2f}, "
        f"recent activity {state.recent_activity:+.2f})"
    )


def _measures(state: State) -> dict[str, str]:
    standing = [m for m in state.may_stand(state.at) if m.standing(state.at)]
    # By ordinal: days of other precisions placed on one day are not equal, nor in order.
    standing.sort(key=attrgetter("order"))
    return {f"measures.{m.key}": measure_text(m, state.at) for m in standing}


def _channels(state: State) -> dict[str, str]:
    return {f"channels.{name}": status.value for name, status in sorted(state.channels.items())}


def _cooperation(state: State) -> dict[str, str]:
    return {
        f"cooperation.{area}": status.value for area, status in sorted(state.cooperation.items())
    }


def _stances(state: State) -> dict[str, str]:
    return {
        f"stances.{actor}.{issue}": stance.position
        for actor, issues in sorted(state.stances.items())
        for issue, stance in sorted(issues.items())
    }


def _pending(state: State) -> dict[str, str]:
    return {
        f"pending.{item.kind}.{item.source}": f"{item.expected}{_pending_status(item, state.at)}"
        for item in state.pending
    }


def _pending_status(item: Pending, at: date | None) -> str:
    if item.lapsed(at):
        return " (lapsed)"
    return " (overdue)" if item.overdue(at) else ""


def _score(state: State) -> dict[str, str]:
    return {"score": f"{state.score:+.1f}"}


def _anomalies(state: State) -> dict[str, str]:
    return {f"anomalies.{index}": str(anomaly) for index, anomaly in enumerate(state.anomalies)}


def meeting_text(meeting: Meeting) -> str:
    """One line on a meeting: its kind, level and formality, its day as stated, its reports."""
    reports = len(meeting.reports)
    level = f" of {meeting.level}" if meeting.level else ""
    formal = " (formal)" if meeting.formal else ""
    plural = "s" if reports > 1 else ""
    return f"{meeting.kind}{level}{formal} on {meeting.stated} ({reports} report{plural})"


def _fulfilment(done: Fulfilment) -> str:
    return f"{done.pending.expected}, met {done.on}"


#: The parts of a state that are small: flattened whole.
_SMALL: dict[str, Callable[[State], dict[str, str]]] = {
    "phase": _phase,
    "level": _level,
    "measures": _measures,
    "channels": _channels,
    "cooperation": _cooperation,
    "stances": _stances,
    "pending": _pending,
    "score": _score,
    "anomalies": _anomalies,
}

#: The parts that grow with the log, maps of items that know their order: how to read one and
#: how to show an item.
_KEYED: dict[str, tuple[Callable[[State], Mapping[str, Any]], Callable[[Any], str]]] = {
    "meetings": (lambda state: state.meetings, meeting_text),
    "fulfilled": (lambda state: state.fulfilled, _fulfilment),
}


def flatten(state: State) -> dict[str, str]:
    """The state as ``path -> value`` text, one path per fact (``channels.nrc -> suspended``)."""
    flat: dict[str, str] = {}
    for part in FIELDS:
        if part in _KEYED:
            read, show = _KEYED[part]
            items = read(state)
            for key in sorted(items, key=lambda key: items[key].order):
                flat[f"{part}.{key}"] = show(items[key])
        else:
            flat |= _SMALL[part](state)
    return flat


@frozen
class Change:
    """One path of the state that differs between two states."""

    path: str
    before: str | None
    after: str | None

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"


def diff(before: State, after: State) -> tuple[Change, ...]:
    """What differs from ``before`` to ``after``, path by path, in the order of :data:`FIELDS`.

    The parts that grow with the log are compared item by item by identity, which states that
    share structure make cheap: a step's diff costs little however long the log.
    """
    changes: list[Change] = []
    for part in FIELDS:
        if part in _KEYED:
            read, show = _KEYED[part]
            old, new = read(before), read(after)
            if old is new:
                continue
            keys = _differing(old, new)
            keys.sort(key=lambda key: (new.get(key) or old[key]).order)
            for key in keys:
                was, now = old.get(key), new.get(key)
                was_text = None if was is None else show(was)
                now_text = None if now is None else show(now)
                if was_text != now_text:
                    changes.append(Change(f"{part}.{key}", was_text, now_text))
        else:
            was_flat, now_flat = _SMALL[part](before), _SMALL[part](after)
            for path in [*was_flat, *(path for path in now_flat if path not in was_flat)]:
                if was_flat.get(path) != now_flat.get(path):
                    changes.append(Change(path, was_flat.get(path), now_flat.get(path)))
    return tuple(changes)


def _differing(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The keys whose items are not the same objects in ``old`` and ``new``: found among those
    either changed since they were read back from the index, when both were (a late state's
    history is then never read whole), else by reading both."""
    if isinstance(old, LazyMap) and isinstance(new, LazyMap):
        found = new.differing(old)
        if found is not None:
            return found
    keys = [key for key, item in new.items() if old.get(key) is not item]
    return keys + [key for key in old if key not in new]


@frozen
class Step:
    """One entry folded: the state before and after it, and what it changed."""

    index: int
    entry: Entry
    before: State
    after: State

    @property
    def changes(self) -> tuple[Change, ...]:
        return diff(self.before, self.after)


@frozen
class Quote:
    """A sentence, quoted by an entry from its sources, that backs a part of the state."""

    entry: str
    text: str


@frozen
class Explanation:
    """A part of the state, its value, and the entries and sentences behind it."""

    path: str
    value: str
    entries: tuple[str, ...]
    quotes: tuple[Quote, ...]


class Replay:
    """The entries of one dyad in the order they happened, folded once, queried at any date.

    Without ``dyad``, a replay is of the one dyad of its entries (:func:`implied_dyad`): of
    :data:`DEFAULT_DYAD` when there are none, and entries of several are refused with a
    :class:`ValueError` naming them. Entries are ordered by the day they happened, and by the
    order they were added within a day. A checkpoint state is kept every ``every`` entries
    (:data:`EVERY`, or :data:`EVERY_STORED` for entries read again from a log, unless given), so
    the state at a date costs a binary search and fewer than ``every`` reducer steps.
    :meth:`append` takes entries one at a time, back-dated ones too: it drops exactly the
    checkpoints after the new entry's place, and they are folded again when next needed. With
    ``strict``, folding raises :class:`~tracker.AnomalyError` at the first anomaly. Entries of a
    log read without holding them (``read_log(path, held=False)``) are read again from it when
    folded or asked for: the replay holds its checkpoints and where each entry lies, not the
    entries.
    """

    __slots__ = (
        "_by_id",
        "_checkpoints",
        "_days",
        "_entries",
        "_final",
        "_reach",
        "_reports",
        "_stored",
        "_view",
        "dyad",
        "every",
        "strict",
    )

    def __init__(
        self,
        entries: Iterable[Entry] = (),
        *,
        dyad: Dyad | None = None,
        strict: bool = False,
        every: int | None = None,
    ) -> None:
        if every is None:
            every = EVERY_STORED if isinstance(entries, StoredEntries) else EVERY
        if every < 1:
            msg = f"checkpoints are kept every 1 or more entries, not {every}"
            raise ValueError(msg)
        if dyad is None:
            entries = entries if isinstance(entries, Sequence) else tuple(entries)
            dyad = implied_dyad(
                entries.parties
                if isinstance(entries, StoredEntries)
                else (entry.parties for entry in entries)
            )
        self.dyad = dyad
        self.strict = strict
        self.every = every
        # Each entry in fold order: the entry, or its place in the stored entries it is read
        # from (while they are all stored, the places as machine integers, not an object each).
        self._entries: list[Entry | int] | array[int] = []
        self._stored = entries if isinstance(entries, StoredEntries) else None
        self._days: list[date] = []
        self._reports: list[date] = []
        self._reach: list[date] = []  # the latest report among the first i + 1 entries
        self._by_id: dict[str, Entry | int] | None = None  # made when first asked (_ids)
        self._checkpoints = [State(dyad)]
        self._final: State | None = None
        self._view: tuple[Entry, ...] | None = None
        with collector_paused():
            if self._stored is not None:
                self._insert_stored(self._stored)
            else:
                mine = sorted(
                    (entry for entry in entries if entry.parties == dyad), key=attrgetter("on")
                )
                self._entries.extend(mine)
                self._days.extend(entry.on for entry in mine)
                self._reports.extend(entry.reported for entry in mine)
            self._reach_from(0)
            self.final  # noqa: B018 - fold now, so that strict mode raises here

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The entries, in the order they are folded."""
        if self._view is None:
            self._view = tuple(self._read(0, len(self._entries)))
        return self._view

    @property
    def final(self) -> State:
        """The state after every entry."""
        if self._final is None:
            self._final = self.state(len(self._entries))
        return self._final

    def append(self, entry: Entry) -> int:
        """Add an entry (back-dated or not); return its place in the fold."""
        if entry.parties != self.dyad:
            msg = f"entry {entry.id!r} is of dyad {entry.parties}, not of this replay's {self.dyad}"
            raise ValueError(msg)
        if entry.id in self._ids():
            msg = f"entry {entry.id!r} is in the replay already"
            raise ValueError(msg)
        index = bisect_right(self._days, entry.on)
        self._insert(index, entry)
        self._reach_from(index)
        del self._checkpoints[index // self.every + 1 :]
        self._final = None
        if self.strict:
            self.final  # noqa: B018 - fold now, so that strict mode raises here
        return index

    def _insert(self, index: int, entry: Entry) -> None:
        if not isinstance(self._entries, list):
            self._entries = list(self._entries)
        self._entries.insert(index, entry)
        self._days.insert(index, entry.on)
        self._reports.insert(index, entry.reported)
        if self._by_id is not None:
            self._by_id[entry.id] = entry
        self._view = None

    def _insert_stored(self, stored: StoredEntries) -> None:
        """Take this dyad's stored entries, in the order they are folded, by their places."""
        mine = sorted(stored.of(self.dyad), key=stored.days.__getitem__)
        self._entries = array("q", mine)
        self._days.extend(stored.days[place] for place in mine)
        self._reports.extend(stored.reported[place] for place in mine)

    def _ids(self) -> dict[str, Entry | int]:
        """Each entry by its id (the entry, or its place in the stored entries): made the first
        time an entry is looked up by its id or appended, not for every replay (a replay of a
        large log that is never asked would hold it for nothing)."""
        if self._by_id is None:
            ids = None if self._stored is None else self._stored.ids
            self._by_id = {
                item.id if isinstance(item, Entry) else cast(list[str], ids)[item]: item
                for item in self._entries
            }
        return self._by_id

    def _read(self, start: int, stop: int, *, share: bool = True) -> list[Entry]:
        """The entries ``start`` to ``stop`` of the fold, those stored read again at once (their
        texts shared unless not ``share``: for a fold whose states are not kept)."""
        items = self._entries[start:stop]
        places = [item for item in items if isinstance(item, int)]
        if self._stored is None or not places:
            return cast(list[Entry], items)
        fetched = iter(self._stored.fetch(places, share=share))
        return [next(fetched) if isinstance(item, int) else item for item in items]

    def _stream(self, start: int, stop: int) -> Iterator[Entry]:
        """The entries ``start`` to ``stop`` of the fold, read again a batch at a time."""
        for first in range(start, stop, _BATCH):
            yield from self._read(first, min(first + _BATCH, stop))

    def _reach_from(self, index: int) -> None:
        del self._reach[index:]
        latest = self._reach[-1] if self._reach else date.min
        for reported in self._reports[index:]:
            latest = max(latest, reported)
            self._reach.append(latest)

    def _checkpoint(self, number: int) -> State:
        """The state after the first ``number * every`` entries, folding what is missing through
        one builder frozen at each checkpoint."""
        if len(self._checkpoints) <= number:
            done = (len(self._checkpoints) - 1) * self.every
            missing = self._stream(done, number * self.every)
            states = checkpoints(missing, self._checkpoints[-1], self.every, strict=self.strict)
            self._checkpoints.extend(states)
        return self._checkpoints[number]

    def state(self, count: int) -> State:
        """The state after the first ``count`` entries (``0 <= count <= len(self)``)."""
        if not 0 <= count <= len(self._entries):
            msg = f"a replay of {len(self._entries)} entries has no state after {count} of them"
            raise IndexError(msg)
        start = count // self.every
        base = self._checkpoint(start)
        # Fewer than ``every`` entries, let go after the fold: not worth sharing their texts.
        return fold(self._read(start * self.every, count, share=False), base, strict=self.strict)

    def count_at(self, day: date) -> int:
        """How many entries happened on or before ``day``."""
        return bisect_right(self._days, day)

    def at(self, day: date | None = None, *, known_at: date | None = None) -> State:
        """The state on ``day`` (after every entry when ``None``), as it was, or as known on
        ``known_at``: from only the entries reported by then.

        As known then costs what as it was costs, plus one step for each entry after the
        first one reported later than ``known_at``.
        """
        count = len(self._entries) if day is None else self.count_at(day)
        if known_at is None or (first_late := bisect_right(self._reach, known_at)) >= count:
            state = self.final if count == len(self._entries) else self.state(count)
        else:
            known = (e for e in self._stream(first_late, count) if e.reported <= known_at)
            state = fold(known, self.state(first_late), strict=self.strict)
        return state.as_of(day, known_at)

    def verify(self) -> tuple[int, ...]:
        """The checkpoints that differ from a fold of the entries from scratch (none, when all
        is well): a check of the incremental bookkeeping of :meth:`append`."""
        self.final  # noqa: B018 - every checkpoint is folded
        state, wrong = State(self.dyad), []
        for number, kept in enumerate(self._checkpoints):
            if number:
                chunk = self._read((number - 1) * self.every, number * self.every)
                state = fold(chunk, state)
            if kept != state:
                wrong.append(number)
        return tuple(wrong)

    def step(self, index: int) -> Step:
        """Folding entry ``index``: the state before and after it."""
        before = self.state(index)
        entry = self._read(index, index + 1)[0]
        return Step(index, entry, before, apply(before, entry))

    def steps(self) -> Iterator[Step]:
        """Every step of the fold, in order."""
        state = self._checkpoints[0]
        for index, entry in enumerate(self._stream(0, len(self._entries))):
            after = apply(state, entry)
            yield Step(index, entry, state, after)
            state = after

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id."""
        try:
            found = self._ids()[entry_id]
        except KeyError:
            msg = f"no entry {entry_id!r} in the {self.dyad} replay"
            raise KeyError(msg) from None
        if isinstance(found, int):
            assert self._stored is not None  # a place is only ever of stored entries
            return self._stored.fetch([found])[0]
        return found

    def explain(
        self, path: str, day: date | None = None, *, known_at: date | None = None
    ) -> tuple[Explanation, ...]:
        """The entries and quoted sentences behind a part of the state on ``day``.

        ``path`` is a part (``channels``) or one fact (``channels.nrc``) of :func:`flatten`.
        """
        return explanations(self, path, day, known_at=known_at)

    def spans_back(
        self, day: date | None = None, *, known_at: date | None = None
    ) -> Iterator[Span]:
        """The states on the way to :meth:`at` ``(day, known_at=known_at)``, latest first: the
        checkpoint before it with the entries known by then folded onto it to reach it, then
        each checkpoint before with the entries between it and the next."""
        count = len(self._entries) if day is None else self.count_at(day)
        known = count if known_at is None else min(count, bisect_right(self._reach, known_at))
        number = known // self.every
        start = number * self.every
        tail = self._read(start, count, share=False)
        if known < count:
            assert known_at is not None  # only a report day makes a later entry unknown
            late = tail[known - start :]
            tail = tail[: known - start] + [e for e in late if e.reported <= known_at]
        yield self._checkpoint(number), tail
        for earlier in range(number - 1, -1, -1):
            first = earlier * self.every
            yield self._checkpoint(earlier), self._read(first, first + self.every, share=False)


#: How many stored entries a fold reads again at a time.
_BATCH = 1024

#: A state a replay holds, and the entries that fold it into the next one it holds (or into the
#: state asked about): what :meth:`Replay.spans_back` walks through.
Span = tuple[State, Sequence[Entry]]


class Explained(Protocol):
    """What :func:`explanations` reads: states at dates, the states on the way to one, latest
    first (:meth:`Replay.spans_back`), and entries by id."""

    def at(self, day: date | None = None, *, known_at: date | None = None) -> State: ...

    def spans_back(
        self, day: date | None = None, *, known_at: date | None = None
    ) -> Iterator[Span]: ...

    def entry(self, entry_id: str) -> Entry: ...


def phase_rests_on(
    states: Explained, phase: Phase, day: date | None, known_at: date | None = None
) -> str | None:
    """The entry that ``phase``, the phase on ``day`` as known on ``known_at``, rests on: the
    latest of the entries known then whose folding changed the phase read on ``day`` (the state
    before it and the state after it each read on that day); ``None`` when none did, the phase
    being that of a state of no entries.

    Read on ``day``, a measure decided for a later day has not yet moved the phase, and an
    attack strains the pair while it is recent: the denunciation that suspended a cooperation
    is what the phase rests on until a withdrawal decided before it takes force, and an attack
    that alone strains the pair is what it rests on while it is recent. Derived from the
    replay, latest first, through the states it holds (:meth:`Replay.spans_back`): each span is
    folded again until one holds a state with another phase on ``day``, so a phase moved lately
    costs a span or two.
    """
    for base, entries in states.spans_back(day, known_at=known_at):
        if not entries:
            continue
        # The states of the span but its last (the next span's first, or the one asked about).
        moved = None
        for offset, state in enumerate(chain((base,), checkpoints(entries[:-1], base, 1))):
            if state.as_of(day, known_at).phase is not phase:
                moved = offset
        if moved is not None:
            return entries[moved].id
    return None


def explanations(
    states: Explained, path: str, day: date | None = None, *, known_at: date | None = None
) -> tuple[Explanation, ...]:
    """The entries and quoted sentences behind a part of the state of ``states`` on ``day``."""
    root = path.split(".", 1)[0]
    if root not in FIELDS:
        msg = f"unknown field {path!r}: a field starts with one of {', '.join(FIELDS)}"
        raise ValueError(msg)
    state = states.at(day, known_at=known_at)
    flat = flatten(state)
    paths = [key for key in flat if key == path or key.startswith(f"{path}.")]
    if not paths and path != root:  # a whole part may be empty (no anomalies), not a fact
        msg = f"the state on {day or 'the last day'} has nothing at {path!r}"
        raise KeyError(msg)
    return tuple(_explain_one(states, state, key, flat[key]) for key in paths)


def _explain_one(states: Explained, state: State, path: str, value: str) -> Explanation:
    if path == "phase":  # read on its day, not after every day: phase_rests_on
        cause = phase_rests_on(states, state.phase, state.at, state.known_at)
        ids: tuple[str, ...] = () if cause is None else (cause,)
    else:
        ids = _entries_behind(state, path)
    quotes = tuple(quote for entry_id in ids for quote in _quotes_for(states.entry(entry_id), path))
    return Explanation(path, value, ids, quotes)


def replays(
    entries: Iterable[Entry], *, strict: bool = False, every: int | None = None
) -> dict[Dyad, Replay]:
    """A :class:`Replay` of each dyad of ``entries``, in the order the dyads first appear.

    The entries are read once and sorted out by dyad, so a log of many dyads costs what one
    replay of all its entries would; stored entries are sorted out by what is kept of them.
    """
    if isinstance(entries, StoredEntries):
        return {
            dyad: Replay(entries, dyad=dyad, strict=strict, every=every)
            for dyad in dict.fromkeys(entries.parties)
        }
    groups: dict[Dyad, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.parties, []).append(entry)
    return {
        dyad: Replay(group, dyad=dyad, strict=strict, every=every) for dyad, group in groups.items()
    }


def _entries_behind(state: State, path: str) -> tuple[str, ...]:
    root, _, rest = path.partition(".")
    if root == "pending":
        kind, _, source = rest.partition(".")
        return next(
            item.reports for item in state.pending if (item.kind, item.source) == (kind, source)
        )
    if root == "measures":
        measure = state.measures[rest]
        return (measure.entry, *(m.entry for m in measure.liftings))
    if root == "fulfilled":
        done = state.fulfilled[rest]
        return (*done.pending.reports, done.by)
    if root == "meetings":
        return state.meetings[rest].reports
    if root == "anomalies":
        return (state.anomalies[int(rest)].entry,)
    return (state.provenance[path],) if path in state.provenance else ()


def _quotes_for(entry: Entry, path: str) -> tuple[Quote, ...]:
    """The entry's sentences that back ``path``: an item's own quote where it has one."""
    root, _, rest = path.partition(".")
    own: Mapping[str, Any] = {}
    if root == "stances":
        actor, _, issue = rest.partition(".")
        own = {s.quote: s for s in entry.stances if (s.actor, s.issue) == (actor, issue)}
    elif root == "cooperation":
        own = {note.quote: note for note in entry.cooperation if note.area == rest}
    elif root in ("pending", "fulfilled"):
        kind = rest.partition(".")[0]
        own = {f.quote: f for f in entry.expectations() if f.kind == kind}
    texts = list(own) or [quote for source in entry.sources for quote in source.quotes]
    return tuple(Quote(entry.id, text) for text in texts)
