"""One dyad of an indexed log, as a reader that shows one moment at a time needs it: its
entries as rows read from the index, each entry decoded from its line only when asked for, and
the state after any of them from the nearest stored checkpoint and the few entries after it.

Opening a view reads no row: only how many entries the dyad holds. A row is read from the index
with the block of rows around it when one of them is first asked for, how many entries happened
by a day is counted by the index, and the types or report days of every entry are read only when
a question needs them all.

A view answers from any thread, one read of the log or the index at a time: a reader may draw
rows on one thread while it computes states on another.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple, overload

from tracker._entries import Dyad, Entry
from tracker._index import (
    EVERY,
    IndexedReplay,
    count_on_or_before,
    nearest_checkpoint,
    replay_block,
    replay_column,
    replay_types,
    shared_replay,
)
from tracker._log import Decoding
from tracker._reducer import apply, fold
from tracker._replay import Replay, Step
from tracker._state import State

__all__ = ["IndexView", "Row", "Rows", "open_view"]

#: How many decoded entries, and how many states, a view keeps for the moments asked again.
ENTRIES_KEPT = 4096
STATES_KEPT = 32
#: How many rows are read from the index together, when one of them is asked for.
BLOCK = 256


class Row(NamedTuple):
    """An entry as the index lists it, enough to place it without decoding it: its id and type,
    the day it happened and the day it was reported, and where its line lies in the log (a
    tuple: the rows of a view are read a block at a time and kept)."""

    id: str
    type: str
    day: date
    reported: date
    line: int
    start: int
    length: int


def open_view(path: Path, dyad: Dyad, every: int = EVERY) -> IndexView | None:
    """The view of ``dyad`` in the JSONL log at ``path`` through its index (of checkpoints every
    ``every`` entries), brought up to date first; ``None`` when the log cannot be indexed or
    holds no entry of ``dyad``."""
    replay = shared_replay(path, dyad, every)
    if replay is None:
        return None
    return IndexView(path, replay)


class IndexView:
    """The entries of one dyad of an indexed log (``rows``, in the order they are folded) and
    its states, as :class:`~tracker.Replay` gives them, computed from the index."""

    __slots__ = (
        "_counts",
        "_decoded",
        "_lock",
        "_reach",
        "_replay",
        "_states",
        "_types",
        "_whole",
        "_whole_lock",
        "dyad",
        "every",
        "path",
        "rows",
    )

    def __init__(self, path: Path, replay: IndexedReplay) -> None:
        self.path = path
        self.dyad = replay.dyad
        self.every = replay.every
        self._replay = replay
        #: One lock for the index and the log, which the view reads from any thread.
        self._lock = threading.RLock()
        self.rows = Rows(self, len(replay))
        self._reach: list[int] | None = None
        self._types: tuple[str, ...] | None = None
        self._counts: dict[str, int] | None = None
        self._decoded: OrderedDict[int, Entry] = OrderedDict()
        self._states: OrderedDict[int, State] = OrderedDict()
        self._whole: Replay | None = None
        self._whole_lock = threading.Lock()

    @property
    def types(self) -> tuple[str, ...]:
        """The type of each entry, in the order they are folded (read once, when first asked)."""
        with self._lock:
            if self._types is None:
                self._types = tuple(replay_column(self._replay, "type"))
            return self._types

    def type_counts(self) -> dict[str, int]:
        """How many entries of each type the dyad holds (without reading the type of each)."""
        with self._lock:
            if self._counts is None:
                if self._types is not None:
                    counts: dict[str, int] = {}
                    for kind in self._types:
                        counts[kind] = counts.get(kind, 0) + 1
                    self._counts = counts
                else:
                    self._counts = replay_types(self._replay)
            return dict(self._counts)

    def _reached(self) -> list[int]:
        """The latest report day (as an ordinal) among the first ``n + 1`` entries, for each
        ``n`` (read once, when a state as known on a day is first asked for)."""
        with self._lock:
            if self._reach is None:
                self._reach = list(accumulate(replay_column(self._replay, "reported"), max))
            return self._reach

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def entries(self) -> Sequence[Entry]:
        """The entries in the order they are folded, each decoded when it is read."""
        return _Entries(self)

    def entry(self, index: int) -> Entry:
        """Entry ``index`` of the fold, decoded from its line."""
        return self._between(index, index + 1)[0]

    def _between(self, start: int, stop: int) -> list[Entry]:
        """Entries ``start`` to ``stop`` of the fold, those not kept decoded from their lines."""
        with self._lock:
            found = {index: self._decoded.get(index) for index in range(start, stop)}
        missing = [index for index, entry in found.items() if entry is None]
        if missing:
            fresh = dict(zip(missing, self._decode(missing), strict=True))
            found.update(fresh)
            with self._lock:
                self._decoded.update(fresh)
                while len(self._decoded) > ENTRIES_KEPT:
                    self._decoded.popitem(last=False)
        return [entry for entry in found.values() if entry is not None]

    def _decode(self, indices: Sequence[int]) -> list[Entry]:
        """The entries of the fold at ``indices``, read from the log and decoded."""
        with self._lock:
            log = self._replay._log  # the view shares the replay's open log
            lines = []
            for index in indices:
                row = self.rows[index]
                log.seek(row.start)
                lines.append((row.line, log.read(row.length)))
        decoding = Decoding(self.path)
        entries = []
        for number, line in lines:
            entry = decoding.decode(number, line)
            if entry is None:
                decoding.done()  # the log changed under its index: say where
            assert entry is not None
            entries.append(entry)
        return entries

    def stream(self) -> Iterator[Entry]:
        """Every entry in the order they are folded, decoded a batch at a time and not kept."""
        self.rows.fill()
        for start in range(0, len(self.rows), self.every):
            yield from self._decode(range(start, min(start + self.every, len(self.rows))))

    def state(self, count: int) -> State:
        """The state after the first ``count`` entries (``0 <= count <= len(self)``): from the
        nearest state kept or stored before them, folding the entries between; the stored
        state is kept too, so that a step back within its span folds from it."""
        if not 0 <= count <= len(self.rows):
            msg = f"a view of {len(self.rows)} entries has no state after {count} of them"
            raise IndexError(msg)
        stored = count // self.every * self.every
        with self._lock:
            kept = max((n for n in self._states if stored <= n <= count), default=-1)
            if kept < 0:
                kept, base = nearest_checkpoint(self._replay, count)
            else:
                base = self._states[kept]
        state = fold(self._between(kept, count), base)
        with self._lock:
            for number, known in ((kept, base), (count, state)):  # the stored one is dear
                self._states[number] = known
                self._states.move_to_end(number)
            while len(self._states) > STATES_KEPT:
                self._states.popitem(last=False)
        return state

    def step(self, index: int) -> Step:
        """Folding entry ``index``: the state before and after it."""
        before = self.state(index)
        entry = self.entry(index)
        return Step(index, entry, before, apply(before, entry))

    def count_at(self, day: date) -> int:
        """How many entries happened on or before ``day``."""
        with self._lock:
            return count_on_or_before(self._replay, day.toordinal())

    def at(self, day: date | None = None, *, known_at: date | None = None) -> State:
        """The state on ``day`` (after every entry when ``None``), as it was, or as known on
        ``known_at``: from only the entries reported by then."""
        count = len(self.rows) if day is None else self.count_at(day)
        if (
            known_at is None
            or (first_late := bisect_right(self._reached(), known_at.toordinal())) >= count
        ):
            state = self.state(count)
        else:
            known = (e for e in self._between(first_late, count) if e.reported <= known_at)
            state = fold(known, self.state(first_late))
        return state.as_of(day, known_at)

    def replay(self) -> Replay:
        """A replay of every entry, folded at once when first asked for: for the questions
        about the whole story (its chronology), the view keeping it."""
        with self._whole_lock:
            if self._whole is None:
                self._whole = Replay(self.stream(), dyad=self.dyad)
            return self._whole


class Rows(Sequence[Row]):
    """The rows of a view, in the order they are folded: each block of :data:`BLOCK` rows read
    from the index when one of its rows is first asked for, then kept."""

    __slots__ = ("_blocks", "_count", "_view")

    def __init__(self, view: IndexView, count: int) -> None:
        self._view = view
        self._count = count
        self._blocks: dict[int, tuple[Row, ...]] = {}

    def __len__(self) -> int:
        return self._count

    def _block(self, number: int) -> tuple[Row, ...]:
        block = self._blocks.get(number)
        if block is not None:
            return block
        view = self._view
        with view._lock:
            block = self._blocks.get(number)
            if block is None:
                start = number * BLOCK
                read = replay_block(view._replay, start, min(start + BLOCK, self._count))
                day = date.fromordinal
                block = tuple(
                    Row(entry_id, kind, day(on), day(reported), line, first, length)
                    for entry_id, kind, on, reported, line, first, length in read
                )
                self._blocks[number] = block
            return block

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self[place] for place in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            msg = f"no row {index} among {len(self)}"
            raise IndexError(msg)
        index %= len(self)
        return self._block(index // BLOCK)[index % BLOCK]

    def fill(self) -> None:
        """Read every row not read yet, in one pass over the index (each block read apart
        would skip over the rows before it again)."""
        blocks = (self._count + BLOCK - 1) // BLOCK
        if len(self._blocks) == blocks:
            return
        view = self._view
        with view._lock:
            read = replay_block(view._replay, 0, self._count)
            day = date.fromordinal
            for number in range(blocks):
                if number not in self._blocks:
                    self._blocks[number] = tuple(
                        Row(entry_id, kind, day(on), day(reported), line, first, length)
                        for entry_id, kind, on, reported, line, first, length in read[
                            number * BLOCK : (number + 1) * BLOCK
                        ]
                    )

    def __iter__(self) -> Iterator[Row]:
        self.fill()
        for number in range((len(self) + BLOCK - 1) // BLOCK):
            yield from self._block(number)


class _Entries(Sequence[Entry]):
    """The entries of a view as a sequence, each decoded when it is read."""

    __slots__ = ("_view",)

    def __init__(self, view: IndexView) -> None:
        self._view = view

    def __len__(self) -> int:
        return len(self._view)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | Sequence[Entry]:
        if isinstance(index, slice):
            start, stop, stride = index.indices(len(self))
            if stride == 1:
                return self._view._between(start, stop)  # one batch
            return [self._view.entry(place) for place in range(start, stop, stride)]
        if not -len(self) <= index < len(self):
            msg = f"no entry {index} among {len(self)}"
            raise IndexError(msg)
        return self._view.entry(index % len(self))

    def __iter__(self) -> Iterator[Entry]:
        return self._view.stream()
