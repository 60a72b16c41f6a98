"""The kit catches real faults: broken reducers and replays, plugged in, break a law on a log
that Hypothesis finds with its default number of examples and shrinks to a few entries."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from random import Random

import pytest
from attrs import evolve
from hypothesis import Phase, find, settings
from hypothesis.stateful import run_state_machine_as_test

from tracker import (
    DEFAULT_DYAD,
    NRC,
    Activity,
    CouncilMeeting,
    DateWindow,
    Declaration,
    Dyad,
    Entry,
    FollowUp,
    Fulfilment,
    InformalMeeting,
    Lift,
    Lifting,
    MinisterialDecision,
    Pending,
    Replay,
    State,
    Suspension,
    UseOfForce,
    apply,
    checkpoints,
    level_of,
    rule,
)
from tracker.strategies import BUILT_IN, logs
from tracker.strategies._entries import PLAIN_SOURCE
from tracker.testing import (
    DEFAULT_SETTINGS,
    Law,
    LawViolation,
    ReplayMachine,
    check_accumulator,
    check_anomalies,
    check_duplicates,
    check_fold,
    check_follow_ups_resolved,
    check_known_at,
    check_level,
    check_measures,
    check_replay_laws,
    check_state_at,
    check_strict,
)

#: Hypothesis's defaults (a hundred examples), kept out of the database. Searches are made
#: repeatable with a seeded ``random``: derandomizing seeds from a digest of the search that
#: changes with whatever else the process has loaded.
DEFAULTS = settings(database=None)

#: The state machine's own defaults, made repeatable, without the (slow) shrinking of a run.
MACHINE = settings(DEFAULT_SETTINGS, database=None, derandomize=True, phases=[Phase.generate])

MEETINGS = (InformalMeeting.TYPE, CouncilMeeting.TYPE)


def counts_second_reports(state: State, entry: Entry) -> State:
    """Applies the type's rule to every report, so a second report holds a second meeting."""
    after = apply(state, entry)
    return rule(entry, after) if entry.occurrence() in state.occurrences else after


def any_meeting_fulfils_any_meeting(state: State, entry: Entry) -> State:
    """Takes a meeting of one sort for the meeting of another sort that was expected."""
    after = apply(state, entry)
    if entry.TYPE not in MEETINGS:
        return after
    wrong = [item for item in after.pending if item.kind in MEETINGS and item.kind != entry.TYPE]
    return fulfilled_by(after, entry, wrong)


def fulfils_lapsed_expectations(state: State, entry: Entry) -> State:
    """Fulfils what the entry matches even once lapsed: a council met years later "fulfils"
    the council expected for a month long past."""
    after = apply(state, entry)
    late = [
        item
        for item in after.pending
        if item.kind == entry.TYPE
        and item.announced <= entry.on
        and item.lapsed(entry.on)
        and entry.fulfils(item)
    ]
    return fulfilled_by(after, entry, late)


def fulfilled_by(state: State, entry: Entry, items: list[Pending]) -> State:
    """``state`` with ``items`` taken from the pending ones as fulfilled by ``entry``."""
    fulfilled = {**state.fulfilled}
    for item in items:
        done = Fulfilment(item, entry.id, entry.on)
        fulfilled[done.key] = done
    return evolve(
        state, pending=[item for item in state.pending if item not in items], fulfilled=fulfilled
    )


def lifts_every_partys_measures(state: State, entry: Entry) -> State:
    """Lets one party's decision lift the other party's measures on the targets it names."""
    after = apply(state, entry)
    if not isinstance(entry, MinisterialDecision) or entry.jointly:
        return after
    if entry.occurrence() in state.occurrences:
        return after
    measures = dict(after.measures)
    for lift in entry.lifts:
        lifting = Lifting(entry.id, lift.effective or entry.on, tuple(map(level_of, lift.levels)))
        for key, measure in after.measures.items():
            if (
                measure.target == lift.target
                and measure.by != entry.by
                and measure.standing(entry.on)
            ):
                measures[key] = evolve(measure, liftings=(*measure.liftings, lifting))
    return evolve(after, measures=measures)


def withdraws_from_every_territory(state: State, entry: Entry) -> State:
    """Takes a party's lift of its use of force as a whole for a withdrawal from every
    territory it holds, named or not."""
    after = apply(state, entry)
    if not isinstance(entry, MinisterialDecision) or entry.occurrence() in state.occurrences:
        return after
    if not any(lift.target == "force" for lift in entry.lifts):
        return after
    lifting = Lifting(entry.id, entry.on)
    measures = dict(after.measures)
    for key, measure in after.measures.items():
        held = measure.role == "force" and measure.by == entry.actor
        lifted = any(done.entry == entry.id for done in measure.liftings)
        if held and measure.standing(entry.on) and not lifted:
            measures[key] = evolve(measure, liftings=(*measure.liftings, lifting))
    return evolve(after, measures=measures)


def never_lifts(state: State, entry: Entry) -> State:
    """Takes a decision's resumptions, and none of its lifts."""
    if isinstance(entry, MinisterialDecision):
        entry = evolve(entry, lifts=())
    return apply(state, entry)


def averages_the_months_tone(state: State, entry: Entry) -> State:
    """Keeps each month's tone as the average of its acts so far, not their sum."""
    after = apply(state, entry)
    month = f"{entry.on:%Y-%m}"
    bucket = after.activity.get(month)
    if bucket is None or bucket == state.activity.get(month):
        return after
    averaged = Activity(bucket.total / bucket.count, 1)
    return evolve(after, activity=after.activity.set(month, averaged))


def blames_the_previous_entry(state: State, entry: Entry) -> State:
    """Names the entry applied before as the cause of an anomaly."""
    after = apply(state, entry)
    new = after.anomalies[len(state.anomalies) :]
    previous = state.provenance.get("score", entry.id)
    return evolve(after, anomalies=(*state.anomalies, *(evolve(a, entry=previous) for a in new)))


def forgets_stated_expectations(
    entries: Sequence[Entry], state: State, every: int
) -> Iterable[State]:
    """An accumulator that leaves out one kind of update: the follow-ups entries expect."""
    return checkpoints([evolve(entry, follow_ups=()) for entry in entries], state, every)


def hands_out_one_state(entries: Sequence[Entry], state: State, every: int) -> Iterable[State]:
    """An accumulator that hands out the state it goes on updating: once the fold is over,
    every checkpoint reads as the last."""
    states = list(checkpoints(entries, state, every))
    return [states[-1] for _ in states]


def shares_one_part(entries: Sequence[Entry], state: State, every: int) -> Iterable[State]:
    """An accumulator whose states share one part it goes on writing, the others frozen as
    they should be: once the fold is over, every checkpoint's provenance reads as the last."""
    states = list(checkpoints(entries, state, every))
    return [evolve(handed, provenance=states[-1].provenance) for handed in states]


@pytest.mark.parametrize(
    "fault",
    [forgets_stated_expectations, hands_out_one_state, shares_one_part],
    ids=["forgets", "aliases", "shares-a-part"],
)
def test_a_broken_accumulator_breaks_its_law_on_a_small_log(
    fault: Callable[[Sequence[Entry], State, int], Iterable[State]],
) -> None:
    log = smallest_breaking_log(lambda log: check_accumulator(log, fold=fault))
    with pytest.raises(LawViolation) as caught:
        check_accumulator(log, fold=fault)
    assert caught.value.law is Law.ACCUMULATOR
    assert len(log) <= 3
    check_accumulator(log)  # the same log keeps the law with tracker's accumulator


class ExcludesTheDayItself(Replay):
    """Replays at a day the entries that happened before it, not those on it."""

    __slots__ = ()

    def at(self, day: date | None = None, *, known_at: date | None = None) -> State:
        before = None if day is None else day - timedelta(1)
        return evolve(super().at(before, known_at=known_at), at=day)


class IgnoresWhenEntriesWereReported(Replay):
    """Replays as known on a day everything that happened, reported by then or not."""

    __slots__ = ()

    def at(self, day: date | None = None, *, known_at: date | None = None) -> State:
        return evolve(super().at(day), known_at=known_at)


class NeverStrict(Replay):
    """Replays in strict mode as in lenient mode: never refuses a log."""

    __slots__ = ()

    def __init__(
        self,
        entries: Iterable[Entry] = (),
        *,
        dyad: Dyad = DEFAULT_DYAD,
        strict: bool = False,
        every: int = 16,
    ) -> None:
        super().__init__(entries, dyad=dyad, every=every)
        self.strict = strict


def smallest_breaking_log(
    breaks: Callable[[tuple[Entry, ...]], None], *, nonsense: bool = False
) -> tuple[Entry, ...]:
    """The minimal log Hypothesis finds on which ``breaks`` raises a law violation."""

    def violated(log: tuple[Entry, ...]) -> bool:
        try:
            breaks(log)
        except LawViolation:
            return True
        return False

    # Built-in types only: what other tests declare must not change what is drawn and shrunk.
    drawn = logs(nonsense=nonsense, foreign=False, plain=True, max_size=6, types=BUILT_IN)
    return find(drawn, violated, settings=DEFAULTS, random=Random(0))


@pytest.mark.parametrize(
    ("check", "reducer", "law", "nonsense"),
    [
        (check_duplicates, counts_second_reports, Law.DUPLICATES, False),
        (
            check_follow_ups_resolved,
            any_meeting_fulfils_any_meeting,
            Law.FOLLOW_UPS_RESOLVED,
            False,
        ),
        (check_measures, never_lifts, Law.MEASURES, False),
        (check_anomalies, blames_the_previous_entry, Law.ANOMALIES, True),
        (check_level, averages_the_months_tone, Law.LEVEL, False),
        (check_fold, averages_the_months_tone, Law.LEVEL, False),
    ],
    ids=[
        "second-report-counted",
        "wrong-meeting-fulfils",
        "lift-never-applied",
        "anomaly-blames-another",
        "tone-averaged",
        "tone-averaged-in-fold",
    ],
)
def test_a_broken_reducer_breaks_its_law_on_a_small_log(
    check: Callable[..., State],
    reducer: Callable[[State, Entry], State],
    law: Law,
    nonsense: bool,
) -> None:
    log = smallest_breaking_log(lambda log: check(log, reducer=reducer), nonsense=nonsense)
    with pytest.raises(LawViolation) as caught:
        check(log, reducer=reducer)
    assert caught.value.law is law
    assert len(log) <= 3
    check(log)  # the same log keeps the law with tracker's reducer


def plain(cls: type[Entry], id: str, on: date, **fields: object) -> Entry:
    return cls(
        id=id,
        on=on,
        reported=on,
        parties=DEFAULT_DYAD,
        title="plain",
        sources=[PLAIN_SOURCE],
        **fields,
    )


def counter_measures_then_a_lift() -> tuple[Entry, ...]:
    """NATO suspends the council, Russia answers in kind, NATO lifts its own measure."""
    day = date(2014, 4, 1)
    return (
        plain(Suspension, "nato-suspends", day, by="NATO", channels=[NRC], reason="war"),
        plain(Suspension, "rus-answers", day, by="RUS", channels=[NRC], reason="reply"),
        plain(
            MinisterialDecision,
            "nato-lifts",
            day + timedelta(30),
            by="NATO",
            body="ministers",
            decision="lift",
            lifts=[Lift(NRC)],
        ),
    )


def a_territory_held_and_an_invasion_ended() -> tuple[Entry, ...]:
    """Russia holds a territory and invades; it ends the invasion, and keeps the territory."""
    day = date(2014, 3, 1)
    return (
        plain(UseOfForce, "rus-holds", day, by="RUS", action="occupation", territory="peninsula"),
        plain(UseOfForce, "rus-invades", day + timedelta(10), by="RUS", action="invasion"),
        plain(
            MinisterialDecision,
            "rus-withdraws",
            day + timedelta(60),
            by="RUS",
            body="ministers",
            decision="withdraw",
            lifts=[Lift("force")],
        ),
    )


def an_expectation_then_a_meeting_years_later() -> tuple[Entry, ...]:
    """A council expected within a week, held three years later."""
    day = date(2009, 5, 1)
    expected = FollowUp(
        kind=CouncilMeeting.TYPE,
        expected=DateWindow(day, day + timedelta(7)),
        phrase="plain",
        quote="plain",
    )
    return (
        plain(
            Declaration,
            "council-expected",
            day,
            by="NATO",
            body="b",
            statement="s",
            follow_ups=[expected],
        ),
        plain(
            CouncilMeeting, "council-met", day + timedelta(3 * 365), level="ministers", formal=True
        ),
    )


@pytest.mark.parametrize(
    ("check", "reducer", "log", "law", "said"),
    [
        (
            check_measures,
            lifts_every_partys_measures,
            counter_measures_then_a_lift(),
            Law.MEASURES,
            "lifted rus-answers.nrc, a measure of RUS, not of NATO",
        ),
        (
            check_measures,
            withdraws_from_every_territory,
            a_territory_held_and_an_invasion_ended(),
            Law.MEASURES,
            "lifted rus-holds.peninsula, which none of its lifts names",
        ),
        (
            check_follow_ups_resolved,
            fulfils_lapsed_expectations,
            an_expectation_then_a_meeting_years_later(),
            Law.LAPSE,
            "fulfilled council_meeting expected 2009-05-01..2009-05-08, lapsed on",
        ),
    ],
    ids=["lift-of-every-party", "withdrawal-from-everywhere", "lapsed-expectation-fulfilled"],
)
def test_a_broken_lift_or_lapse_breaks_its_law(
    check: Callable[..., State],
    reducer: Callable[[State, Entry], State],
    log: tuple[Entry, ...],
    law: Law,
    said: str,
) -> None:
    with pytest.raises(LawViolation) as caught:
        check(log, reducer=reducer)
    assert caught.value.law is law
    assert said in str(caught.value)
    check(log)  # the same log keeps the law with tracker's reducer


def test_a_replay_that_leaves_out_the_day_itself_breaks_the_state_at_a_day() -> None:
    def breaks(log: tuple[Entry, ...]) -> None:
        for entry in log:
            check_state_at(ExcludesTheDayItself(log), log, entry.on)

    log = smallest_breaking_log(breaks)
    assert len(log) <= 3
    with pytest.raises(LawViolation, match="state_at_date"):
        breaks(log)


def test_a_replay_that_knows_too_early_breaks_known_at() -> None:
    def breaks(log: tuple[Entry, ...]) -> None:
        for entry in log:
            check_known_at(IgnoresWhenEntriesWereReported(log), log, None, entry.on)

    log = smallest_breaking_log(breaks)
    assert len(log) <= 3
    with pytest.raises(LawViolation, match="known_at"):
        breaks(log)


def test_a_replay_that_is_never_strict_breaks_the_anomalies_law() -> None:
    def breaks(log: tuple[Entry, ...]) -> None:
        check_strict(NeverStrict(log), log)

    log = smallest_breaking_log(breaks, nonsense=True)
    assert len(log) <= 3
    with pytest.raises(LawViolation, match="accepted a log with the anomaly"):
        breaks(log)


def test_the_state_machine_catches_a_second_report_counted() -> None:
    # Found within the machine's own default settings; shrinking a whole run of the machine
    # is left out (it takes a minute: the shrinking is shown by the tests above).
    with pytest.raises(LawViolation) as caught:
        check_replay_laws(
            logs=logs(foreign=False, plain=True, max_size=8),
            reducer=counts_second_reports,
            settings=MACHINE,
        )
    assert caught.value.law is Law.DUPLICATES


EU_RUS = Dyad("EU", "RUS")


class EuropeanMachine(ReplayMachine):
    """The kit's state machine on another relationship, with the reducer that counts twice."""

    dyad = EU_RUS
    reducer = staticmethod(counts_second_reports)


@pytest.mark.parametrize(
    "run",
    [
        lambda: check_replay_laws(reducer=counts_second_reports, dyad=EU_RUS, settings=MACHINE),
        lambda: run_state_machine_as_test(EuropeanMachine, settings=MACHINE),
    ],
    ids=["check_replay_laws", "subclass"],
)
def test_the_state_machine_draws_logs_of_the_dyad_it_is_given(run: Callable[[], None]) -> None:
    with pytest.raises(LawViolation) as caught:
        run()
    assert caught.value.law is Law.DUPLICATES
