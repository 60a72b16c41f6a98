"""The synthetic log generator: valid, deterministic entries whose replay is consistent."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
from tracker._synth import synthesize

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
        assert entry.sources[0].quotes
        assert all(source.quotes or source.url for source in entry.sources)
        assert entry.quotes()


def test_every_entry_type_appears_and_some_reports_corroborate() -> None:
    entries = list(synthesize(600, seed=0))
    # Curated types only: coded events come from coded data (tracker import), not from stories.
    built_in = {
        name
        for name, cls in tracker.entry_types().items()
        if cls.__module__ == "tracker._entries" and cls.CURATED
    }
    assert set(Counter(entry.TYPE for entry in entries)) == built_in
    occurrences = Counter(entry.occurrence() for entry in entries)
    assert any(reports > 1 for reports in occurrences.values())
    replay = tracker.Replay(entries)
    assert any(len(meeting.reports) > 1 for meeting in replay.final.meetings.values())


@given(seed=seeds, dyads=st.integers(1, 3))
@settings(max_examples=10, deadline=None)
def test_synthetic_logs_replay_with_no_anomaly(seed: int, dyads: int) -> None:
    entries = list(synthesize(400, dyads=dyads, seed=seed))
    for dyad in {entry.parties for entry in entries}:
        assert tracker.Replay(entries, dyad=dyad).final.anomalies == ()


def test_long_synthetic_logs_replay_with_no_anomaly() -> None:
    """Many cycles of each story, ruptures and all, by a plain fold in the order of events."""
    for seed in (0, 1, 2):
        entries = list(synthesize(3000, dyads=3, seed=seed))
        for dyad in {entry.parties for entry in entries}:
            own = sorted((e for e in entries if e.parties == dyad), key=lambda e: e.on)
            assert tracker.fold(own, tracker.State(dyad)).anomalies == ()


def test_stories_pass_through_every_phase_and_end_cycles_with_nothing_in_force() -> None:
    entries = list(synthesize(1500, seed=1))
    replay = tracker.Replay(entries, dyad=entries[0].parties)
    joint = [e for e in entries if isinstance(e, tracker.MinisterialDecision) and e.jointly]
    assert len(joint) > 5
    phases = {replay.at(day).phase for day in sorted({e.on for e in entries})}
    assert {"severed", "suspended", "reengagement_decided", "contacts_resumed"} <= phases
    assert {"informal_council", "normalized"} <= phases
    for decision in joint:
        assert replay.at(decision.on).in_force() == []


def test_the_new_measures_and_coarse_days_appear() -> None:
    entries = list(synthesize(2000, dyads=2, seed=3))
    actions = {e.action for e in entries if isinstance(e, tracker.PresenceMeasure)}
    assert actions == {"opened", "capped", "restricted", "closed"}
    assert any(e.count > 0 for e in entries if isinstance(e, tracker.Expulsion))
    lifts = [
        lift for e in entries if isinstance(e, tracker.MinisterialDecision) for lift in e.lifts
    ]
    assert any(lift.levels and lift.effective for lift in lifts)
    assert any(not lift.levels for lift in lifts)
    assert any(s.url and not s.article for e in entries for s in e.sources)
    coarse = [e for e in entries if e.on.precision is not tracker.Precision.DAY]
    assert {str(e.on.precision) for e in coarse} == {"month", "year"}
    for entry in coarse:
        assert entry.on.period.covers(entry.on)
        assert entry.on <= entry.reported


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
