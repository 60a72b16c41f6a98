"""Entries read from a log share their short texts (names), so that what a replay keeps of them
(forums, levels, parties named, outlets...) is held once, whatever the number of entries; and
sharing changes nothing an entry reads as."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings

import tracker
from tracker._codec import _parsed_day, _parsed_stated_day
from tracker._log import StoredEntries, share_text
from tracker._synth import synthesize
from tracker.strategies import entries


def _texts(value: Any) -> Iterator[str]:
    """Every text an entry holds, its records' and tuples' included, in field order."""
    if type(value) is str:
        yield value
    elif type(value) is tuple:
        for item in value:
            yield from _texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_two_reads_of_an_entry_share_its_short_texts_and_read_as_it(entry: tracker.Entry) -> None:
    line = tracker.dumps_entry(entry)
    # Two reads from fresh bytes, so that no text of one is the other's by chance.
    first = share_text(tracker.loads_entry(bytes(bytearray(line))))
    second = share_text(tracker.loads_entry(bytes(bytearray(line))))
    assert first == entry == second
    assert tracker.dumps_entry(first) == line == tracker.dumps_entry(second)
    assert hash(first) == hash(entry)
    pairs = list(zip(_texts(first), _texts(second), strict=True))
    assert pairs == [(text, text) for text in _texts(entry)]
    for mine, theirs in pairs:
        if len(mine) <= 40 and mine is not first.id:
            assert mine is theirs, mine


def test_an_entry_read_again_holds_the_id_object_kept_for_it() -> None:
    written = list(synthesize(40, dyads=2, seed=4))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.jsonl"
        tracker.append_entries(path, written)
        log = tracker.read_log(path, held=False)
        stored = log.entries
        assert isinstance(stored, StoredEntries)
        # The decoder remembers the days it read last; a long log outgrows what it remembers.
        _parsed_day.cache_clear()
        _parsed_stated_day.cache_clear()
        again = stored.fetch(range(len(stored)))
        assert again == written
        for index, entry in enumerate(again):
            assert entry.id is stored.ids[index]
            assert entry.on is stored.days[index]
            assert entry.reported is stored.reported[index]
        held = tracker.read_log(path).entries
        outlets = {id(source.outlet) for entry in held for source in entry.sources}
        assert len(outlets) == len({source.outlet for entry in held for source in entry.sources})


def test_a_fold_keeps_one_tuple_of_each_phrasing_and_of_each_set_of_levels() -> None:
    state = tracker.Replay(list(synthesize(3000, dyads=1, seed=6))).final
    phrasings = [pending.phrases for pending in state.pending if len(pending.phrases) == 1]
    levels = [m.levels for m in state.measures.values() if m.levels]
    levels += [lifting.levels for m in state.measures.values() for lifting in m.liftings]
    for tuples in (phrasings, levels):
        assert len(tuples) > len(set(tuples)) > 1
        assert len({id(t) for t in tuples}) == len(set(tuples))
