"""The laws of replay, each a check that raises :class:`LawViolation`, and the reference model.

The reference model is the naive fold: keep the entries of the dyad (happened by ``day``,
reported by ``known_at``), sort them by day, ``functools.reduce(reducer, ...)``. The
checkpointed :class:`~tracker.Replay` must agree with it; the reducer must keep the laws
at every step.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum

import orjson
from attrs import evolve

from tracker._codec import (
    decode_entry,
    decode_state,
    dumps_entry,
    encode_entry,
    encode_state,
)
from tracker._compiled import loads_entry
from tracker._dates import parse_stated_day
from tracker._entries import Dyad, Entry, Lift, level_of
from tracker._errors import AnomalyError, FieldError
from tracker._reducer import apply, checkpoints
from tracker._replay import DEFAULT_DYAD, Replay
from tracker._state import Measure, Pending, State

__all__ = [
    "Checkpoints",
    "Law",
    "LawViolation",
    "Reducer",
    "check_accumulator",
    "check_anomalies",
    "check_codec",
    "check_determinism",
    "check_duplicates",
    "check_fold",
    "check_follow_ups_resolved",
    "check_in_force",
    "check_known_at",
    "check_lapse",
    "check_level",
    "check_measures",
    "check_overdue",
    "check_precision",
    "check_replay",
    "check_split_fold",
    "check_state_at",
    "check_steps",
    "check_strict",
    "reference_fold",
]

#: A reducer: the state after one more entry. ``tracker.apply`` is the one replay uses.
Reducer = Callable[[State, Entry], State]

#: A fold through one accumulator: the states after each ``every`` entries folded from a state.
#: ``tracker.checkpoints`` is the one replay uses.
Checkpoints = Callable[[Sequence[Entry], State, int], Iterable[State]]


class Law(StrEnum):
    """The laws of replay, by name; :attr:`statement` says each in a sentence."""

    DETERMINISM = "determinism"
    SPLIT_FOLD = "split_fold"
    STATE_AT_DATE = "state_at_date"
    STEPS = "steps"
    KNOWN_AT = "known_at"
    DUPLICATES = "duplicates"
    FOLLOW_UPS_RESOLVED = "follow_ups_resolved"
    FOLLOW_UPS_OVERDUE = "follow_ups_overdue"
    LAPSE = "lapse"
    MEASURES = "measures"
    PRECISION = "precision"
    CODEC = "codec"
    ANOMALIES = "anomalies"
    ACCUMULATOR = "accumulator"
    LEVEL = "level"

    @property
    def statement(self) -> str:
        """The law in one sentence."""
        return _STATEMENTS[self]


_STATEMENTS = {
    Law.DETERMINISM: "folding one log twice gives one state",
    Law.SPLIT_FOLD: "fold(b, fold(a, s)) == fold(a + b, s)",
    Law.STATE_AT_DATE: "the state at a day is the fold of exactly the entries up to that day",
    Law.STEPS: "stepping forwards and backwards through a replay gives the states of the fold",
    Law.KNOWN_AT: "a replay as known on a day never sees an entry reported later",
    Law.DUPLICATES: "a second report of an occurrence changes no measure, channel, phase, "
    "level pressure, meeting count, activity or score: it only adds its evidence",
    Law.FOLLOW_UPS_RESOLVED: "an expectation is resolved only by an entry of its kind that "
    "matches what was expected and happened on or after the day it was announced, and by "
    "every such entry before the expectation lapses",
    Law.FOLLOW_UPS_OVERDUE: "an expectation becomes overdue only after its window, and an "
    "open-ended one never",
    Law.LAPSE: "an expectation lapses only after its window, stays lapsed on every later day, "
    "and once lapsed is never fulfilled",
    Law.MEASURES: "measures are never dropped or rewritten, only eased or lifted; a decision "
    "lifts every standing measure of its party (of either party when joint) on the targets "
    "and levels it names and no other; a measure is in force from its effective day and not "
    "from the day it is wholly lifted",
    Law.PRECISION: "an entry stated to its month or year is placed within that period and not "
    "after its report, and every record of it keeps the precision it was stated with",
    Law.CODEC: "the codec reads back every entry and state it writes, also through JSON bytes",
    Law.ANOMALIES: "each anomaly names the entry that caused it, and strict replay refuses "
    "exactly the logs with an anomaly, naming the first",
    Law.LEVEL: "applying a hostile entry (its Goldstein value below 0) never raises the level "
    "of relations on its day, and a cooperative one (above 0) never lowers it",
    Law.ACCUMULATOR: "a fold through one accumulator gives, at every checkpoint, the state of "
    "reducing the entries up to it one by one, and a state it handed out never changes",
}


class LawViolation(AssertionError):
    """A law of replay that does not hold: which law, what was seen, and the entries involved."""

    def __init__(self, law: Law, message: str, entries: Sequence[Entry] = ()) -> None:
        self.law = law
        self.message = message
        self.entries = tuple(entries)
        ids = ", ".join(entry.id for entry in self.entries)
        where = f" (entries: {ids})" if ids else ""
        super().__init__(f"{law}: {law.statement}; but {message}{where}")


def reference_fold(
    entries: Iterable[Entry],
    *,
    dyad: Dyad = DEFAULT_DYAD,
    day: date | None = None,
    known_at: date | None = None,
    reducer: Reducer = apply,
) -> State:
    """The state a replay of ``dyad`` must give at ``day`` as known on ``known_at``, computed
    the naive way: filter, sort by day (keeping the log's order within a day), reduce."""
    chosen = [
        entry
        for entry in entries
        if entry.parties == dyad
        and (day is None or entry.on <= day)
        and (known_at is None or entry.reported <= known_at)
    ]
    chosen.sort(key=lambda entry: entry.on)
    return evolve(functools.reduce(reducer, chosen, State(dyad)), at=day, known_at=known_at)


StepCheck = Callable[[State, Entry, State], None]


def check_duplicates(
    entries: Sequence[Entry], *, dyad: Dyad = DEFAULT_DYAD, reducer: Reducer = apply
) -> State:
    """Fold ``entries`` in the order given: no second report may count (:attr:`Law.DUPLICATES`)."""
    return _fold_checking(entries, dyad, reducer, (_check_duplicate,))


def check_follow_ups_resolved(
    entries: Sequence[Entry], *, dyad: Dyad = DEFAULT_DYAD, reducer: Reducer = apply
) -> State:
    """Fold ``entries`` in the order given: each step resolves exactly the expectations it
    fulfils (:attr:`Law.FOLLOW_UPS_RESOLVED`)."""
    return _fold_checking(entries, dyad, reducer, (_check_resolution,))


def check_measures(
    entries: Sequence[Entry], *, dyad: Dyad = DEFAULT_DYAD, reducer: Reducer = apply
) -> State:
    """Fold ``entries`` in the order given: each step keeps the measures taken, lifts what its
    decision names and no more, and every state keeps measures in force exactly from their
    effective day to their lifting (:attr:`Law.MEASURES`)."""
    return _fold_checking(entries, dyad, reducer, (_check_measures_step, _check_in_force_step))


def check_anomalies(
    entries: Sequence[Entry], *, dyad: Dyad = DEFAULT_DYAD, reducer: Reducer = apply
) -> State:
    """Fold ``entries`` in the order given: each new anomaly names the entry applied
    (:attr:`Law.ANOMALIES`)."""
    return _fold_checking(entries, dyad, reducer, (_check_anomalies,))


def check_level(
    entries: Sequence[Entry], *, dyad: Dyad = DEFAULT_DYAD, reducer: Reducer = apply
) -> State:
    """Fold ``entries`` in the order given: no step moves the level against its act
    (:attr:`Law.LEVEL`)."""
    return _fold_checking(entries, dyad, reducer, (_check_level_step,))


def _check_level_step(before: State, entry: Entry, after: State) -> None:
    tone, day = entry.event_code().goldstein, entry.on
    was, now = before.as_of(day).level, after.as_of(day).level
    if (tone < 0 and now > was) or (tone > 0 and now < was):
        message = f"{entry.id} (Goldstein {tone}) moves the level on {day} from {was} to {now}"
        raise LawViolation(Law.LEVEL, message, (entry,))


def _fold_checking(
    entries: Sequence[Entry], dyad: Dyad, reducer: Reducer, checks: Iterable[StepCheck]
) -> State:
    state = State(dyad)
    for entry in entries:
        if entry.parties != dyad:
            continue
        after = reducer(state, entry)
        for check in checks:
            try:
                check(state, entry, after)
            except LawViolation as violation:
                raise LawViolation(violation.law, violation.message, entries) from None
        state = after
    return state


def _check_duplicate(before: State, entry: Entry, after: State) -> None:
    first = before.occurrences.get(entry.occurrence())
    if first is None:
        return
    seen = {
        "phase": (before.phase, after.phase),
        "meeting count": (len(before.meetings), len(after.meetings)),
        "channels": (dict(before.channels), dict(after.channels)),
        "measures": (dict(before.measures), dict(after.measures)),
        "level pressure": (before.pressure, after.pressure),
        "activity": (dict(before.activity), dict(after.activity)),
        "score": (before.score, after.score),
    }
    for what, (old, new) in seen.items():
        if old != new:
            message = f"{entry.id}, a second report of {first}, changed the {what}: {old} -> {new}"
            raise LawViolation(Law.DUPLICATES, message, (entry,))
    if first in before.meetings:
        reports = after.meetings[first].reports
        if reports != (*before.meetings[first].reports, entry.id):
            message = f"the meeting {first} lists reports {reports} after {entry.id}"
            raise LawViolation(Law.DUPLICATES, message, (entry,))


def _expectation(item: Pending) -> tuple[object, ...]:
    """What tells one expectation from another: a second statement only narrows its window."""
    return (
        item.kind,
        item.source,
        item.forum,
        item.level,
        item.formal,
        item.actor,
        item.mission,
        item.restores,
    )


def _check_resolution(before: State, entry: Entry, after: State) -> None:
    of_kind = [
        item for item in before.pending if item.kind == entry.TYPE and item.announced <= entry.on
    ]
    matching = {item for item in of_kind if entry.fulfils(item)}
    due = {item for item in matching if not item.lapsed(entry.on)}
    new = [done for key, done in after.fulfilled.items() if key not in before.fulfilled]
    lapsed = [done for done in new if done.pending in matching - due]
    if lapsed:
        shown = ", ".join(
            f"{done.pending.kind} expected {done.pending.expected}, lapsed on {done.pending.lapses}"
            for done in lapsed
        )
        message = f"applying {entry.id} ({entry.TYPE} on {entry.on}) fulfilled {shown}"
        raise LawViolation(Law.LAPSE, message, (entry,))
    wrong = [
        done
        for done in new
        if done.pending not in due or (done.by, done.on) != (entry.id, entry.on)
    ]
    if wrong:
        shown = ", ".join(
            f"{done.pending.kind} (announced {done.pending.announced}) by {done.by}"
            for done in wrong
        )
        message = f"applying {entry.id} ({entry.TYPE} on {entry.on}) fulfilled {shown}"
        raise LawViolation(Law.FOLLOW_UPS_RESOLVED, message, (entry,))
    missed = due - {done.pending for done in new}
    if missed:
        kinds = ", ".join(f"{item.kind} (announced {item.announced})" for item in missed)
        message = f"{entry.id} ({entry.TYPE} on {entry.on}) left {kinds} unfulfilled"
        raise LawViolation(Law.FOLLOW_UPS_RESOLVED, message, (entry,))
    kept = {_expectation(item) for item in after.pending}
    lost = [
        f"{item.kind} from {item.source}"
        for item in before.pending
        if item not in due and _expectation(item) not in kept
    ]
    lost += sorted(set(before.fulfilled) - set(after.fulfilled))
    if lost:
        message = f"applying {entry.id} dropped {', '.join(lost)}"
        raise LawViolation(Law.FOLLOW_UPS_RESOLVED, message, (entry,))


def _check_measures_step(before: State, entry: Entry, after: State) -> None:
    """Measures only grow; those an entry imposes are its party's, from its day; a decision
    lifts exactly the standing measures its lifts name."""
    problems = []
    for key, measure in before.measures.items():
        now = after.measures.get(key)
        if now is None:
            problems.append(f"dropped the measure {key}")
        elif _fixed(now) != _fixed(measure) or now.liftings[: len(measure.liftings)] != (
            measure.liftings
        ):
            problems.append(f"rewrote the measure {key}")
    for key, measure in after.measures.items():
        if key not in before.measures and (measure.entry, measure.announced) != (
            entry.id,
            entry.on,
        ):
            problems.append(f"added the measure {key}, not of this entry on its day")
    lifts: tuple[Lift, ...] = getattr(entry, "lifts", ())
    if lifts and entry.occurrence() not in before.occurrences:
        problems += _wrong_liftings(before, entry, after, lifts)
    if problems:
        message = f"applying {entry.id} ({entry.TYPE} on {entry.on}) " + "; ".join(problems)
        raise LawViolation(Law.MEASURES, message, (entry,))


def _fixed(measure: Measure) -> tuple[object, ...]:
    """What a measure keeps once taken: all but when it was eased and what was lifted of it."""
    return (
        measure.entry,
        measure.by,
        measure.target,
        measure.effect,
        measure.announced,
        measure.effective,
        measure.levels,
        measure.formal,
    )


def _wrong_liftings(
    before: State, entry: Entry, after: State, lifts: tuple[Lift, ...]
) -> list[str]:
    party = entry.actor  # "" for a joint decision: either party's measures
    problems = []
    for key, measure in after.measures.items():
        added = [lifting for lifting in measure.liftings if lifting.entry == entry.id]
        old = before.measures.get(key)
        if not added or old is None:
            continue
        if party and measure.by != party:
            problems.append(f"lifted {key}, a measure of {measure.by}, not of {party}")
        if not any(_lifts(lift, old, entry) for lift in lifts):
            problems.append(f"lifted {key}, which none of its lifts names")
    for lift in lifts:
        for key, measure in before.measures.items():
            named = (not party or measure.by == party) and _lifts(lift, measure, entry)
            if named and not any(
                lifting.entry == entry.id for lifting in after.measures[key].liftings
            ):
                problems.append(f"did not lift {key}, which {lift} names")
    return problems


def _lifts(lift: Lift, measure: Measure, entry: Entry) -> bool:
    """Whether ``lift`` names ``measure``, standing on the day of ``entry``: its target, and a
    level it applies at (any, when either says none)."""
    levels = {level_of(level) for level in lift.levels}
    return (
        measure.target == lift.target
        and measure.standing(entry.on)
        and (not levels or not measure.levels or bool(levels & set(measure.levels)))
    )


def _check_in_force_step(_before: State, entry: Entry, after: State) -> None:
    check_in_force(after, (entry,))


def check_in_force(state: State, entries: Sequence[Entry] = ()) -> None:
    """Each measure of ``state`` is in force from its effective day, not before, and not from
    the day it is wholly lifted; the state lists in force exactly those in force on its day, in
    the state and in its JSON (:attr:`Law.MEASURES`); ``entries`` are named if not."""
    problems = []
    for key, measure in state.measures.items():
        if measure.effective > date.min and measure.in_force(measure.effective - timedelta(1)):
            problems.append(f"{key} is in force before its effective day {measure.effective}")
        lifted = measure.lifted_on(None)
        if lifted is None:
            if not measure.in_force(max([measure.effective, *_lifting_days(measure)])):
                problems.append(f"{key}, never wholly lifted, is not in force")
        elif measure.in_force(lifted) or measure.in_force(None):
            problems.append(f"{key} is in force after it was wholly lifted on {lifted}")
    listed = {measure.key for measure in state.in_force()}
    due = {key for key, measure in state.measures.items() if measure.in_force(state.at)}
    if listed != due:
        problems.append(
            f"on {state.at} the state lists {sorted(listed)} in force, not {sorted(due)}"
        )
    flags = {key: raw["in_force"] for key, raw in encode_state(state)["measures"].items()}
    if flags != {key: key in due for key in state.measures}:
        problems.append(f"on {state.at} the JSON state flags {flags} in force")
    if problems:
        raise LawViolation(Law.MEASURES, "; ".join(problems), entries)


def _lifting_days(measure: Measure) -> list[date]:
    return [lifting.on for lifting in measure.liftings]


def _check_precision_step(_before: State, entry: Entry, after: State) -> None:
    check_precision(entry)
    meeting = after.meetings.get(entry.id)
    if meeting is not None and str(meeting.stated) != str(entry.on):
        message = f"the meeting of {entry.id}, stated {entry.on}, is stated {meeting.stated}"
        raise LawViolation(Law.PRECISION, message, (entry,))


def check_precision(entry: Entry) -> None:
    """An entry's day lies within the period it states and not after its report, and reads
    back as that period (:attr:`Law.PRECISION`)."""
    day, period = entry.on, entry.on.period
    stated = parse_stated_day(str(day))
    problems = []
    if not period.covers(day):
        problems.append(f"is placed on {day.isoformat()}, outside {period}")
    if day > entry.reported:
        problems.append(f"is placed on {day.isoformat()}, after its report ({entry.reported})")
    if (stated.precision, stated.period) != (day.precision, period):
        problems.append(f"reads back as {stated!r}")
    if problems:
        message = f"{entry.id}, stated {day}, " + " and ".join(problems)
        raise LawViolation(Law.PRECISION, message, (entry,))


def _check_anomalies(before: State, entry: Entry, after: State) -> None:
    known = len(before.anomalies)
    if after.anomalies[:known] != before.anomalies:
        message = f"applying {entry.id} rewrote earlier anomalies"
        raise LawViolation(Law.ANOMALIES, message, (entry,))
    for anomaly in after.anomalies[known:]:
        if anomaly.entry != entry.id:
            message = f"applying {entry.id} raised an anomaly that names {anomaly.entry}: {anomaly}"
            raise LawViolation(Law.ANOMALIES, message, (entry,))


def check_determinism(
    entries: Sequence[Entry], *, dyad: Dyad = DEFAULT_DYAD, reducer: Reducer = apply
) -> State:
    """Fold ``entries`` twice: one state (:attr:`Law.DETERMINISM`). Returns it."""
    log = [entry for entry in entries if entry.parties == dyad]
    state = functools.reduce(reducer, log, State(dyad))
    again = functools.reduce(reducer, log, State(dyad))
    if again != state:
        message = "the second fold differs in " + ", ".join(_differences(state, again))
        raise LawViolation(Law.DETERMINISM, message, entries)
    return state


def check_split_fold(
    entries: Sequence[Entry],
    split: int,
    *,
    dyad: Dyad = DEFAULT_DYAD,
    reducer: Reducer = apply,
) -> State:
    """Fold the first ``split`` entries, then the rest from there: the fold of the whole
    (:attr:`Law.SPLIT_FOLD`). Returns it."""
    log = [entry for entry in entries if entry.parties == dyad]
    whole = functools.reduce(reducer, log, State(dyad))
    first = functools.reduce(reducer, log[:split], State(dyad))
    halves = functools.reduce(reducer, log[split:], first)
    if halves != whole:
        message = f"split after {split} entries, the fold differs in " + ", ".join(
            _differences(whole, halves)
        )
        raise LawViolation(Law.SPLIT_FOLD, message, entries)
    return whole


def check_accumulator(
    entries: Sequence[Entry],
    *,
    dyad: Dyad = DEFAULT_DYAD,
    every: int = 1,
    reducer: Reducer = apply,
    fold: Checkpoints = checkpoints,
) -> tuple[State, ...]:
    """Fold ``entries`` (in the order given) through ``fold``, frozen every ``every`` entries,
    and reduce them with ``reducer``: once the fold is over, every state it handed out is the
    reduction up to it (:attr:`Law.ACCUMULATOR`). Returns those states."""
    log = [entry for entry in entries if entry.parties == dyad]
    states = tuple(fold(log, State(dyad), every))
    if len(states) != len(log) // every:
        message = f"{len(states)} states for {len(log)} entries frozen every {every}"
        raise LawViolation(Law.ACCUMULATOR, message, entries)
    state = State(dyad)
    for number, handed in enumerate(states, 1):
        state = functools.reduce(reducer, log[(number - 1) * every : number * every], state)
        if handed != state:
            message = f"after {number * every} entries the accumulator differs in " + ", ".join(
                _differences(state, handed)
            )
            raise LawViolation(Law.ACCUMULATOR, message, entries)
    return states


def check_fold(
    entries: Sequence[Entry],
    *,
    dyad: Dyad = DEFAULT_DYAD,
    reducer: Reducer = apply,
    split: int | None = None,
) -> State:
    """Every law of the fold: fold ``entries`` in the order given checking each step (second
    reports, expectations and their lapse, measures, precision, anomalies, the level's
    direction), twice, and in two parts (at ``split``, by default the middle). Returns the
    state."""
    checks = (
        _check_duplicate,
        _check_resolution,
        _check_measures_step,
        _check_in_force_step,
        _check_precision_step,
        _check_anomalies,
        _check_level_step,
    )
    state = _fold_checking(entries, dyad, reducer, checks)
    check_determinism(entries, dyad=dyad, reducer=reducer)
    middle = sum(entry.parties == dyad for entry in entries) // 2 if split is None else split
    check_split_fold(entries, middle, dyad=dyad, reducer=reducer)
    return state


def check_replay(
    replay: Replay,
    entries: Sequence[Entry],
    *,
    day: date | None = None,
    known_at: date | None = None,
) -> State:
    """Every law of replay at ``day`` as known on ``known_at``: ``replay`` (of ``entries``)
    agrees with the naive fold of ``tracker.apply`` (which it folds with), knows nothing
    reported later, marks overdue and lapsed exactly what is late and long past, lists in
    force exactly the measures in force, and refuses in strict mode exactly the logs with an
    anomaly. Returns the state."""
    state = (
        check_state_at(replay, entries, day)
        if known_at is None
        else check_known_at(replay, entries, day, known_at)
    )
    check_overdue(state, entries)
    check_lapse(state, entries)
    check_in_force(state, entries)
    check_strict(replay, entries)
    return state


def check_state_at(replay: Replay, entries: Sequence[Entry], day: date | None) -> State:
    """``replay.at(day)`` is the naive fold of the entries up to ``day``
    (:attr:`Law.STATE_AT_DATE`). Returns it."""
    return _agree(replay, entries, day, None, Law.STATE_AT_DATE)


def check_known_at(
    replay: Replay, entries: Sequence[Entry], day: date | None, known_at: date
) -> State:
    """``replay.at(day, known_at=known_at)`` is the naive fold of the entries up to ``day``
    reported by ``known_at``, and mentions no entry reported later (:attr:`Law.KNOWN_AT`).
    Returns it."""
    state = _agree(replay, entries, day, known_at, Law.KNOWN_AT)
    reported = {entry.id: entry.reported for entry in entries}
    for entry_id in sorted(_ids_in(state)):
        if reported[entry_id] > known_at:
            message = (
                f"the state as known on {known_at} holds {entry_id}, reported {reported[entry_id]}"
            )
            raise LawViolation(Law.KNOWN_AT, message, entries)
    return state


def _agree(
    replay: Replay, entries: Sequence[Entry], day: date | None, known_at: date | None, law: Law
) -> State:
    state = replay.at(day, known_at=known_at)
    expected = reference_fold(entries, dyad=replay.dyad, day=day, known_at=known_at)
    if state != expected:
        moment = f"on {day or 'the last day'}" + (f" as known on {known_at}" if known_at else "")
        message = f"{moment} the replay differs from the fold in " + ", ".join(
            _differences(expected, state)
        )
        raise LawViolation(law, message, entries)
    return state


def _ids_in(state: State) -> set[str]:
    """Every entry id a state mentions."""
    ids = set(state.provenance.values()) | set(state.occurrences.values())
    ids |= {anomaly.entry for anomaly in state.anomalies}
    for item in state.pending:
        ids |= {item.source, *item.reports}
    for done in state.fulfilled.values():
        ids |= {done.by, done.pending.source, *done.pending.reports}
    for meeting in state.meetings.values():
        ids |= {meeting.entry, *meeting.reports}
    for measure in state.measures.values():
        ids |= {measure.entry, *(lifting.entry for lifting in measure.liftings)}
    return ids


def check_overdue(state: State, entries: Sequence[Entry] = ()) -> None:
    """Each expectation pending in ``state`` is overdue exactly after its window (an open-ended
    one never), in the state and in its JSON, and the state lists as overdue those not lapsed
    yet (:attr:`Law.FOLLOW_UPS_OVERDUE`); ``entries`` are named if not."""
    for item in state.pending:
        window = item.expected
        late = state.at is not None and window.end is not None and state.at > window.end
        after = [] if window.end is None else [window.end + timedelta(1)]
        if (
            item.overdue(state.at) is not late
            or item.overdue(window.start)
            or item.overdue(window.end)
            or not all(item.overdue(day) for day in after)
        ):
            message = (
                f"{item.kind} expected {window} is overdue={item.overdue(state.at)} on {state.at}"
            )
            raise LawViolation(Law.FOLLOW_UPS_OVERDUE, message, entries)
    due = [item for item in state.pending if item.overdue(state.at) and not item.lapsed(state.at)]
    flags = [raw["overdue"] for raw in encode_state(state)["pending"]]
    if flags != [item in due for item in state.pending]:
        message = f"on {state.at} the JSON state flags {flags} as overdue (lapsed ones are not)"
        raise LawViolation(Law.FOLLOW_UPS_OVERDUE, message, entries)
    if list(state.overdue()) != due:
        message = f"on {state.at} the state lists {state.overdue()} as overdue, not {due}"
        raise LawViolation(Law.FOLLOW_UPS_OVERDUE, message, entries)


def check_lapse(state: State, entries: Sequence[Entry] = ()) -> None:
    """Each expectation pending in ``state`` lapses after its window and stays lapsed, and the
    state awaits exactly those not lapsed on its day, in the state and in its JSON
    (:attr:`Law.LAPSE`); ``entries`` are named if not."""
    problems = []
    for item in state.pending:
        lapses, window = item.lapses, item.expected
        if lapses <= window.start or (window.end is not None and lapses <= window.end):
            problems.append(f"{item.kind} expected {window} lapses on {lapses}, within it")
        if item.lapsed(lapses - timedelta(1)) or not item.lapsed(lapses):
            problems.append(f"{item.kind} expected {window} is not lapsed from {lapses} on")
        if lapses < date.max - timedelta(400) and not item.lapsed(lapses + timedelta(400)):
            problems.append(f"{item.kind} expected {window} lapsed on {lapses}, then not")
    lapsed, awaited = set(state.lapsed()), set(state.awaited())
    if lapsed & awaited or lapsed | awaited != set(state.pending):
        problems.append(f"on {state.at} the state awaits {len(awaited)} of {len(state.pending)}")
    if lapsed != {item for item in state.pending if item.lapsed(state.at)}:
        problems.append(f"on {state.at} the state lists lapsed what is not")
    flags = [raw["lapsed"] for raw in encode_state(state)["pending"]]
    if flags != [item.lapsed(state.at) for item in state.pending]:
        problems.append(f"on {state.at} the JSON state flags {flags} as lapsed")
    if problems:
        raise LawViolation(Law.LAPSE, "; ".join(problems), entries)


def check_strict(replay: Replay, entries: Sequence[Entry]) -> None:
    """A strict replay of ``entries``, of the class of ``replay``, refuses them exactly when
    ``replay`` finds an anomaly, naming the first (:attr:`Law.ANOMALIES`)."""
    anomalies = replay.final.anomalies
    try:
        type(replay)(entries, dyad=replay.dyad, strict=True, every=replay.every)
    except AnomalyError as error:
        if not anomalies or error.anomaly != anomalies[0]:
            message = f"strict replay refused the log for {error.anomaly}, not {anomalies[:1]}"
            raise LawViolation(Law.ANOMALIES, message, entries) from None
        return
    if anomalies:
        message = f"strict replay accepted a log with the anomaly {anomalies[0]}"
        raise LawViolation(Law.ANOMALIES, message, entries)


def check_steps(replay: Replay, entries: Sequence[Entry], index: int) -> None:
    """Check step ``index`` of ``replay`` (of ``entries``): its states are those of the fold of
    ``tracker.apply`` (which replays fold with, as in :func:`check_state_at`) over the entries
    before and up to it, and the steps before and after meet it (:attr:`Law.STEPS`)."""
    step = replay.step(index)
    ordered = replay.entries
    before = functools.reduce(apply, ordered[:index], State(replay.dyad))
    problems = []
    if step.entry is not ordered[index]:
        problems.append(f"step {index} is of {step.entry.id}, not {ordered[index].id}")
    if step.before != before or replay.state(index) != before:
        problems.append(f"the state before step {index} is not the fold of the {index} before it")
    if step.after != apply(before, step.entry) or replay.state(index + 1) != step.after:
        problems.append(f"the state after step {index} is not the fold up to it")
    if index > 0 and replay.step(index - 1).after != step.before:
        problems.append(f"step {index - 1} ends where step {index} does not start")
    if problems:
        raise LawViolation(Law.STEPS, "; ".join(problems), entries)


def check_codec(value: Entry | State) -> None:
    """Check the codec reads back ``value`` from its JSON object and from JSON bytes."""
    try:
        _check_codec(value)
    except FieldError as error:
        involved = (value,) if isinstance(value, Entry) else ()
        message = f"reading {type(value).__name__} back fails: {error}"
        raise LawViolation(Law.CODEC, message, involved) from None


def _check_codec(value: Entry | State) -> None:
    readings: dict[str, Entry | State]
    if isinstance(value, State):
        data = encode_state(value)
        readings = {
            "object": decode_state(data),
            "bytes": decode_state(orjson.loads(orjson.dumps(data))),
        }
    else:
        data = encode_entry(value)
        readings = {
            "object": decode_entry(data),
            "bytes": decode_entry(orjson.loads(orjson.dumps(data))),
            "line": loads_entry(dumps_entry(value)),
        }
    for how, read in readings.items():
        if read != value:
            message = (
                f"reading {type(value).__name__} back from its JSON {how} differs in "
                + ", ".join(_differences(value, read))
            )
            raise LawViolation(Law.CODEC, message, (value,) if isinstance(value, Entry) else ())


def _differences(expected: object, seen: object) -> list[str]:
    """The fields two attrs instances differ in, as ``name: expected != seen``."""
    fields = getattr(type(expected), "__attrs_attrs__", ())
    found = [
        f"{field.name}: {getattr(expected, field.name)!r} != {getattr(seen, field.name)!r}"
        for field in fields
        if getattr(expected, field.name) != getattr(seen, field.name)
    ]
    return found or [f"{expected!r} != {seen!r}"]
