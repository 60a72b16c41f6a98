"""A Hypothesis state machine that grows a log and checks the laws of replay after every step."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any, ClassVar

import attrs
from attrs import evolve
from hypothesis import settings as Settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from hypothesis.strategies import SearchStrategy

from tracker._dates import DateWindow
from tracker._entries import Dyad, Entry, PresenceAction, PresenceMeasure, entry_types
from tracker._reducer import apply
from tracker._replay import DEFAULT_DYAD, Replay
from tracker._state import Pending
from tracker.strategies._entries import drawable_types, entries, entries_on
from tracker.strategies._laws import (
    Reducer,
    check_codec,
    check_fold,
    check_precision,
    check_replay,
    check_steps,
)
from tracker.strategies._logs import corroborations, logs
from tracker.strategies._values import days

__all__ = ["ReplayMachine", "check_replay_laws"]


class ReplayMachine(RuleBasedStateMachine):
    """Starts from a log, appends entries (new ones, second reports, fulfilments), replays at
    random days and as known on random days, steps forwards and backwards, and checks the laws
    of replay after every step against the naive fold.

    Subclass it to check your own event types: set ``entries`` to a strategy that draws them
    (``tracker.strategies.entries()`` draws every type the kit knows), and take
    ``TestCase``. ``reducer`` is the reducer the fold laws check; :class:`~tracker.Replay`
    always folds with ``tracker.apply``, against whose naive fold the replay laws check it.
    """

    #: The relationship the log and its replays are of; entries of other dyads are ignored.
    dyad: ClassVar[Dyad] = DEFAULT_DYAD
    #: The logs the machine starts from; ``None``: logs of ``dyad``, with or without nonsense.
    logs: ClassVar[SearchStrategy[tuple[Entry, ...]] | None] = None
    #: The entries it appends (their ids are made unique within the log); ``None``: entries
    #: of every type the kit draws, of ``dyad``. Strategies you set must draw entries of ``dyad``.
    entries: ClassVar[SearchStrategy[Entry] | None] = None
    #: The reducer the fold laws check: ``tracker.apply``, or a function of your own.
    reducer: ClassVar[Reducer] = staticmethod(apply)
    #: The replay checked against the naive fold.
    replay: ClassVar[type[Replay]] = Replay

    def __init__(self) -> None:
        super().__init__()
        self.log: list[Entry] = []
        self.every = 1
        self.cursor = 0
        self._replayed: Replay | None = None
        self._checked = -1

    @property
    def replayed(self) -> Replay:
        """The replay of the log as it is now."""
        if self._replayed is None:
            self._replayed = self.replay(self.log, dyad=self.dyad, every=self.every)
        return self._replayed

    def _append(self, entry: Entry) -> None:
        taken = {known.id for known in self.log}
        if entry.id in taken:
            entry = evolve(entry, id=self._fresh_id(entry.id))
        check_codec(entry)
        check_precision(entry)
        self.log.append(entry)
        self._replayed = None

    def _fresh_id(self, stem: str) -> str:
        taken = {known.id for known in self.log}
        return next(f"{stem}.{n}" for n in range(1, len(taken) + 2) if f"{stem}.{n}" not in taken)

    @initialize(data=st.data(), every=st.integers(1, 4))
    def start(self, data: st.DataObject, every: int) -> None:
        """Start from a log, replayed with a checkpoint every ``every`` entries."""
        self.every = every
        drawn = _default_logs(self.dyad) if self.logs is None else self.logs
        for entry in data.draw(drawn, label="log"):
            self._append(entry)

    @rule(data=st.data())
    def append_entry(self, data: st.DataObject) -> None:
        """Append an entry drawn from ``entries``."""
        drawn = _default_entries(self.dyad) if self.entries is None else self.entries
        self._append(data.draw(drawn, label="entry"))

    @precondition(lambda self: self.log)
    @rule(data=st.data())
    def append_second_report(self, data: st.DataObject) -> None:
        """Append a second report of an entry of the log."""
        original = data.draw(st.sampled_from(self.log), label="reported again")
        self._append(data.draw(corroborations(original, id=self._fresh_id(original.id))))

    @precondition(lambda self: self._fulfillable())
    @rule(data=st.data())
    def append_fulfilment(self, data: st.DataObject) -> None:
        """Append an entry of a pending kind, as expected where the type's fields say it
        (forum, level, formality), on a day from its announcement to just after it lapses."""
        item = data.draw(st.sampled_from(self._fulfillable()), label="expected")
        cls = entry_types()[item.kind]
        window = DateWindow(item.announced, item.lapses + timedelta(10))
        on = data.draw(days(window), label="on")
        stem = cls.TYPE.replace("_", "-")
        fields = (
            _as_expected(cls, item, self.dyad)
            if data.draw(st.booleans(), label="as expected")
            else {}
        )
        self._append(
            data.draw(entries_on(cls, id=self._fresh_id(stem), parties=self.dyad, on=on, **fields))
        )

    def _fulfillable(self) -> list[Pending]:
        drawable = {cls.TYPE for cls in drawable_types()}
        return [item for item in self.replayed.final.pending if item.kind in drawable]

    @rule(data=st.data())
    def replay_at(self, data: st.DataObject) -> None:
        """Replay at a day of the log (or any day, or after every entry), as it was or as it
        was known on a day."""
        moments = self._moments()
        day = data.draw(moments, label="at")
        known_at = data.draw(st.none() | moments.filter(bool), label="known_at")
        state = check_replay(self.replayed, self.log, day=day, known_at=known_at)
        check_codec(state)

    def _moments(self) -> SearchStrategy[date | None]:
        seen = sorted({day for entry in self.log for day in (entry.on, entry.reported)})
        near = [day + timedelta(shift) for day in seen for shift in (-1, 1)]
        return st.none() | st.sampled_from(seen + near or [date(2008, 1, 1)]) | days()

    @precondition(lambda self: len(self.replayed) > 0)
    @rule()
    def step_forward(self) -> None:
        """Step to the next entry of the replay (staying on the last)."""
        self.cursor = min(self.cursor + 1, len(self.replayed) - 1)
        check_steps(self.replayed, self.log, self.cursor)

    @precondition(lambda self: len(self.replayed) > 0)
    @rule()
    def step_backward(self) -> None:
        """Step to the previous entry of the replay (staying on the first)."""
        self.cursor = max(min(self.cursor, len(self.replayed) - 1) - 1, 0)
        check_steps(self.replayed, self.log, self.cursor)

    @invariant()
    def laws_hold(self) -> None:
        """The fold laws and the replay's final state, checked whenever the log has grown."""
        if self._checked == len(self.log):
            return
        self._checked = len(self.log)
        check_fold(self.log, dyad=self.dyad, reducer=type(self).reducer)
        check_replay(self.replayed, self.log)


def _as_expected(cls: type[Entry], item: Pending, dyad: Dyad) -> dict[str, Any]:
    """The fields of ``cls`` that say what ``item`` expects: its forum (as the type's
    ``council`` or ``channel``), its level and formality, the party to act (``by``, when one
    of ``dyad``), the mission, and for a measure on a presence its direction (opening it, or
    closing it), where it states them."""
    own = attrs.fields_dict(cls)
    fields: dict[str, Any] = {}
    forum = next((name for name in ("council", "channel") if name in own), None)
    if item.forum and forum:
        fields[forum] = item.forum
    if item.level and "level" in own:
        fields["level"] = item.level
    if item.formal is not None and "formal" in own:
        fields["formal"] = item.formal
    if item.actor in dyad and "by" in own:
        fields["by"] = item.actor
    if item.mission and "mission" in own:
        fields["mission"] = item.mission
    if item.restores is not None and issubclass(cls, PresenceMeasure):
        fields["action"] = PresenceAction.OPENED if item.restores else PresenceAction.CLOSED
    return fields


@cache
def _default_logs(dyad: Dyad) -> SearchStrategy[tuple[Entry, ...]]:
    return logs(dyad=dyad) | logs(dyad=dyad, nonsense=True)


@cache
def _default_entries(dyad: Dyad) -> SearchStrategy[Entry]:
    return entries(parties=dyad)


#: The state machine runs, by default: fewer and shorter than Hypothesis's, each checking a lot.
DEFAULT_SETTINGS = Settings(max_examples=30, stateful_step_count=20, deadline=None)


def check_replay_laws(
    *,
    entries: SearchStrategy[Entry] | None = None,
    logs: SearchStrategy[tuple[Entry, ...]] | None = None,
    reducer: Reducer = apply,
    replay: type[Replay] = Replay,
    dyad: Dyad = DEFAULT_DYAD,
    settings: Settings | None = None,
) -> None:
    """Run :class:`ReplayMachine` on ``dyad`` with these entries and starting logs (by default,
    of ``dyad``), reducer and replay; raise :class:`~tracker.testing.LawViolation` (after
    shrinking) if a law does not hold."""
    overrides: dict[str, object] = {
        "dyad": dyad,
        "reducer": staticmethod(reducer),
        "replay": replay,
    }
    if entries is not None:
        overrides["entries"] = entries
    if logs is not None:
        overrides["logs"] = logs
    machine = type("CheckedReplayMachine", (ReplayMachine,), overrides)
    run_state_machine_as_test(machine, settings=settings or DEFAULT_SETTINGS)
