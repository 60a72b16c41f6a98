"""What the terminal UI shows, computed without Textual: the loaded log, filters, details."""

from __future__ import annotations

import contextlib
import os
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TypeAlias

from attrs import field, frozen

from tracker._articles import ARTICLES
from tracker._entries import Dyad, Entry, entry_types
from tracker._index import index_path, indexed_dyads
from tracker._reducer import checkpoints
from tracker._replay import DEFAULT_DYAD, Change, Replay, Step, implied_dyad
from tracker._state import Phase, State
from tracker._store import read_log
from tracker._views import IndexView, open_view

__all__ = [
    "Details",
    "Filter",
    "Replayed",
    "Story",
    "choose_dyad",
    "details_at",
    "last_crisis",
    "last_on_or_before",
    "load_story",
    "opening",
    "row_at_or_before",
]


#: A dyad's entries and states: folded from the whole log, or read through its index.
Replayed: TypeAlias = Replay | IndexView


@frozen
class Story:
    """A log read and replayed for one of its dyads (``replay`` is ``None`` for an empty log)."""

    path: Path
    dyads: tuple[Dyad, ...]
    replay: Replayed | None

    @property
    def dyad(self) -> Dyad | None:
        return self.replay.dyad if self.replay is not None else None

    @property
    def entries(self) -> Sequence[Entry]:
        return self.replay.entries if self.replay is not None else ()

    @property
    def indexed(self) -> bool:
        """Whether the story is read through the log's index."""
        return isinstance(self.replay, IndexView)

    def listed(self, query: Filter) -> tuple[int, ...]:
        """The indices of the entries ``query`` lists (see :meth:`Filter.rows`)."""
        view = self.replay
        if isinstance(view, IndexView):
            if not query and all(entry_types()[kind].CURATED for kind in view.type_counts()):
                return tuple(range(len(view)))  # the same, without reading each entry's type
            return query.rows(self.entries, view.types)
        return query.rows(self.entries)

    @property
    def articles(self) -> Path:
        """The folder of the articles the log's sources cite."""
        return self.path.parent / ARTICLES


def choose_dyad(dyads: tuple[Dyad, ...]) -> Dyad | None:
    """The dyad shown first: the one the command line replays (:func:`implied_dyad`: the log's
    only one, the default one among others), else the log's first; none of an empty log."""
    if not dyads:
        return None
    with contextlib.suppress(ValueError):  # several, none of them the default: any will do
        return implied_dyad(dyads, among=DEFAULT_DYAD)
    return dyads[0]


def load_story(path: Path, dyad: Dyad | None = None) -> Story:
    """Read the log at ``path`` and replay ``dyad`` (by default :func:`choose_dyad`'s): through
    its index when it has one (``tracker index`` builds it), else from the whole log.

    Raises :class:`~tracker.LogError` when the log has bad lines.
    """
    if os.path.lexists(index_path(path)):
        indexed = _indexed_story(path, dyad)
        if indexed is not None:
            return indexed
    log = read_log(path)
    dyads = log.dyads()
    dyad = dyad if dyad in dyads else choose_dyad(dyads)
    if dyad is None:
        return Story(path, dyads, None)
    replay = Replay(log.entries, dyad=dyad)
    return Story(path, dyads, replay)


def _indexed_story(path: Path, dyad: Dyad | None) -> Story | None:
    """The story of ``dyad`` read through the index of the log at ``path``, brought up to date
    first; ``None`` when the log cannot be indexed (the whole log read says why)."""
    dyads = indexed_dyads(path)
    if dyads is None:
        return None
    dyad = dyad if dyad in dyads else choose_dyad(dyads)
    if dyad is None:
        return Story(path, dyads, None)
    view = open_view(path, dyad)
    return None if view is None else Story(path, dyads, view)


def _lowered(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.lower() for word in words)


@frozen
class Filter:
    """Which entries the timeline lists: by type, by party, and by text in the id or title.

    Written as a query: ``type:suspension party:EU lunch`` (each kind of term must match).
    Entries that are evidence rather than curated facts (coded events) are listed only when the
    query names their type, so that thousands of them never bury the story.
    """

    types: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    words: tuple[str, ...] = field(default=(), converter=_lowered)

    @classmethod
    def parse(cls, query: str) -> Filter:
        types, parties, words = [], [], []
        for term in query.split():
            name, colon, value = term.partition(":")
            if colon and name.lower() == "type" and value:
                types.append(value.lower())
            elif colon and name.lower() == "party" and value:
                parties.append(value.upper())
            else:
                words.append(term)
        return cls(tuple(types), tuple(parties), tuple(words))

    def __bool__(self) -> bool:
        return bool(self.types or self.parties or self.words)

    def __str__(self) -> str:
        terms = [f"type:{name}" for name in self.types]
        terms += [f"party:{name}" for name in self.parties]
        return " ".join([*terms, *self.words])

    def matches(self, entry: Entry) -> bool:
        if not entry.CURATED and entry.TYPE not in self.types:
            return False
        if self.types and entry.TYPE not in self.types:
            return False
        if self.parties and not any(party in _actors(entry) for party in self.parties):
            return False
        text = f"{entry.id} {entry.title}".lower()
        return all(word in text for word in self.words)

    def rows(self, entries: Sequence[Entry], kinds: Sequence[str] | None = None) -> tuple[int, ...]:
        """The indices of the entries that match, in order; with no term, every curated entry
        (every entry of a log that holds nothing else). Given the type of every entry
        (``kinds``), a query of types only decodes none of them."""
        if kinds is not None and not (self.parties or self.words):
            if self.types:
                return tuple(index for index, kind in enumerate(kinds) if kind in self.types)
            types = entry_types()
            listed = tuple(index for index, kind in enumerate(kinds) if types[kind].CURATED)
            return listed or tuple(range(len(kinds)))
        if not self:
            curated_rows = tuple(index for index, entry in enumerate(entries) if entry.CURATED)
            return curated_rows or tuple(range(len(entries)))
        return tuple(index for index, entry in enumerate(entries) if self.matches(entry))


def _actors(entry: Entry) -> set[str]:
    """Every actor an entry involves: its dyad, its participants' sides, its speakers."""
    actors = {entry.parties.first, entry.parties.second}
    actors.update(participant.side for participant in entry.participants)
    actors.update(stance.actor for stance in entry.stances)
    by = getattr(entry, "by", None)
    if isinstance(by, str):
        actors.add(by)
    return actors


@frozen
class Details:
    """What the panes show for the entry at ``index``: its step and the state to display
    (both computed once, off the UI thread).

    ``state`` is the state just after the entry, or on ``day`` when one was chosen (the state
    between two entries); as it was, or from only the entries reported by ``known_at``.
    """

    index: int
    step: Step
    state: State
    day: date | None = None
    known_at: date | None = None

    @property
    def entry(self) -> Entry:
        return self.step.entry

    @property
    def known_then(self) -> bool:
        """Whether the state is as known on a day rather than as it was."""
        return self.known_at is not None

    @property
    def on(self) -> date:
        """The day the state is on: the day chosen, else the entry's."""
        return self.day or self.entry.on

    @property
    def changes(self) -> tuple[Change, ...]:
        """What the entry changed in the state as it was."""
        return self.step.changes


def details_at(
    replay: Replayed,
    index: int,
    *,
    known_then: bool = False,
    day: date | None = None,
    known_at: date | None = None,
) -> Details:
    """Compute the :class:`Details` of entry ``index`` of ``replay``, on ``day`` (by default
    just after the entry), as known on ``known_at`` (or, when ``known_then``, on the day shown).
    """
    step = replay.step(index)
    on = day or step.entry.on
    if known_at is None and known_then:
        known_at = on
    if day is None and known_at is None:
        state = step.after.as_of(on)
    else:
        state = replay.at(on, known_at=known_at)
    return Details(index, step, state, day, known_at)


#: The phases a relationship is settled in: a step out of them into a worse one opens a crisis.
SETTLED = frozenset({Phase.NORMAL, Phase.NORMALIZED})


def last_crisis(replay: Replayed) -> int:
    """The index of the entry that opened the story's last crisis: the last that moves the
    phase from a settled one to a worse one, else the last that worsens it at all (0 if none).

    Folds the log backwards a checkpoint's span at a time, stopping at the first span that
    holds a step out of a settled phase, so a long log with a late crisis is cheap.
    """
    step = _crisis_step(replay)
    return 0 if step is None else step.index


def opening(replay: Replayed) -> Details:
    """The :class:`Details` a story opens on: those of the entry of its last crisis
    (:func:`last_crisis`), the state just after it, as it was; the step comes from the fold
    that finds the crisis, so the state is not folded a second time to be shown."""
    step = _crisis_step(replay) or replay.step(0)
    return Details(step.index, step, step.after.as_of(step.entry.on))


def _crisis_step(replay: Replayed) -> Step | None:
    """The step of :func:`last_crisis`'s entry; ``None`` when no step worsens the phase."""
    order = {phase: rank for rank, phase in enumerate(Phase)}
    worse: Step | None = None
    entries = replay.entries
    for start in reversed(range(0, len(entries), replay.every)):
        state = replay.state(start)
        settled_out: Step | None = None
        span = entries[start : start + replay.every]
        states = checkpoints(span, state, 1)  # one builder, frozen after each entry
        for index, (entry, after) in enumerate(zip(span, states, strict=True), start):
            if order[after.phase] < order[state.phase]:
                step = Step(index, entry, state, after)
                if worse is None or worse.index < index:
                    worse = step
                if state.phase in SETTLED:
                    settled_out = step
            state = after
        if settled_out is not None:
            return settled_out
    return worse


def row_at_or_before(rows: tuple[int, ...], index: int) -> int:
    """The position in ``rows`` of ``index``, or of the last row before it (0 if none)."""
    position = bisect_left(rows, index)
    if position < len(rows) and rows[position] == index:
        return position
    return max(position - 1, 0)


def last_on_or_before(entries: Sequence[Entry], rows: tuple[int, ...], day: date) -> int | None:
    """The index of the last listed entry that happened on or before ``day``."""
    position = bisect_right(rows, day, key=lambda index: entries[index].on)
    return rows[position - 1] if position else None
