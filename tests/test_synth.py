"""The synthetic log generator: valid, deterministic entries whose replay is consistent."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
from tracker._synth import ANOMALY_RATE, synthesize

seeds = st.integers(min_value=0, max_value=2**32)


@given(seed=seeds, count=st.integers(min_value=0, max_value=120), dyads=st.integers(1, 4))
@settings(max_examples=30)
def test_entries_round_trip_through_the_codec(seed: int, count: int, dyads: int) -> None:
    entries = list(synthesize(count, dyads=dyads, seed=seed))
    assert len(entries) == count
    for entry in entries:
        assert tracker.loads_entry(tracker.dumps_entry(entry)) == entry


@given(seed=seeds)
@settings(max_examples=20)
def test_the_same_seed_gives_the_same_entries(seed: int) -> None:
    assert list(synthesize(80, dyads=2, seed=seed)) == list(synthesize(80, dyads=2, seed=seed))


def test_different_seeds_give_different_entries() -> None:
    assert list(synthesize(50, seed=1)) != list(synthesize(50, seed=2))


@given(seed=seeds, dyads=st.integers(1, 5))
@settings(max_examples=20)
def test_entries_come_as_reported_after_they_happen_and_sourced(seed: int, dyads: int) -> None:
    entries = list(synthesize(150, dyads=dyads, seed=seed))
    assert [entry.reported for entry in entries] == sorted(entry.reported for entry in entries)
    assert len({entry.id for entry in entries}) == len(entries)
    assert len({entry.parties for entry in entries}) == min(dyads, len(entries))
    for entry in entries:
        assert entry.reported >= entry.on
        assert entry.sources
        assert all(source.quotes for source in entry.sources)
        assert entry.quotes()


def test_every_entry_type_appears_and_some_reports_corroborate() -> None:
    entries = list(synthesize(600, seed=0))
    built_in = {
        name for name, cls in tracker.entry_types().items() if cls.__module__ == "tracker._entries"
    }
    assert set(Counter(entry.TYPE for entry in entries)) == built_in
    occurrences = Counter(entry.occurrence() for entry in entries)
    assert any(reports > 1 for reports in occurrences.values())
    replay = tracker.Replay(entries)
    assert any(len(meeting.reports) > 1 for meeting in replay.final.meetings.values())


@given(seed=seeds)
@settings(max_examples=10, deadline=None)
def test_replay_anomalies_are_only_the_repeated_suspensions(seed: int) -> None:
    """Transitions are valid but for a repeated suspension in ``ANOMALY_RATE`` of the crises,
    which flags each channel it suspends again: nothing else may be anomalous."""
    entries = list(synthesize(400, dyads=2, seed=seed))
    for dyad in {entry.parties for entry in entries}:
        replay = tracker.Replay(entries, dyad=dyad)
        anomalies = replay.final.anomalies
        assert {anomaly.rule for anomaly in anomalies} <= {"already_suspended"}
        for anomaly in anomalies:
            assert isinstance(replay.entry(anomaly.entry), tracker.Suspension)


def test_anomalies_stay_rare() -> None:
    """At ``ANOMALY_RATE`` = 2% of crises (one crisis every ~15 entries, up to 3 channels
    each), about 0.4% of entries are anomalous; 1% leaves room for chance on 3,000 entries."""
    assert ANOMALY_RATE == 0.02
    entries = list(synthesize(3000, dyads=6, seed=0))
    flagged = set()
    for dyad in {entry.parties for entry in entries}:
        flagged |= {anomaly.entry for anomaly in tracker.Replay(entries, dyad=dyad).final.anomalies}
    assert len(flagged) <= 0.01 * len(entries)


def test_late_reports_make_back_dated_entries() -> None:
    entries = list(synthesize(2_000, dyads=3, seed=4))
    latest = [max(e.on for e in entries[: index + 1]) for index in range(len(entries))]
    back_dated = [e for e, seen in zip(entries[1:], latest, strict=False) if e.on < seen]
    assert 0.01 * len(entries) < len(back_dated) < 0.5 * len(entries)
    replay = tracker.Replay(dyad=entries[0].parties)
    for entry in entries:
        if entry.parties == replay.dyad:
            replay.append(entry)
    assert replay.verify() == ()
