"""Replay's bookkeeping: checkpoints, back-dated appends, as-known-then, steps and explanations."""

from __future__ import annotations

import gc
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from builders import NATO_RUS, council, decision, lunch, suspension
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker._synth import synthesize
from tracker.strategies import dyads, logs


def _naive(entries: list[tracker.Entry], day: date | None, known_at: date | None) -> tracker.State:
    chosen = [
        e
        for e in sorted(entries, key=lambda e: e.on)
        if (day is None or e.on <= day) and (known_at is None or e.reported <= known_at)
    ]
    return tracker.fold(chosen, tracker.State(entries[0].parties))


@pytest.fixture(scope="module")
def synthetic() -> list[tracker.Entry]:
    """Six hundred synthetic entries of one dyad, some reported days after they happened."""
    entries = list(synthesize(600, dyads=1, seed=7))
    assert sum((e.reported - e.on).days > 2 for e in entries) > 20
    return entries


@pytest.mark.parametrize("every", [1, 5, 64, 1000])
def test_every_date_agrees_with_a_fold_from_scratch(
    synthetic: list[tracker.Entry], every: int
) -> None:
    replay = tracker.Replay(synthetic, dyad=synthetic[0].parties, every=every)
    days = sorted({e.on for e in synthetic})
    for day in [days[0] - timedelta(1), *days[::37], days[-1]]:
        assert replay.state(replay.count_at(day)) == _naive(synthetic, day, None)
        assert replay.at(day).applied == replay.count_at(day)


def test_as_known_then_agrees_with_a_fold_from_scratch(synthetic: list[tracker.Entry]) -> None:
    replay = tracker.Replay(synthetic, dyad=synthetic[0].parties, every=16)
    pick = random.Random(3)
    days = sorted({e.on for e in synthetic} | {e.reported for e in synthetic})
    for _ in range(40):
        day, known_at = pick.sample(days, 2)
        state = replay.at(day, known_at=known_at)
        assert (state.at, state.known_at) == (day, known_at)
        assert attrs.evolve(state, at=None, known_at=None) == _naive(synthetic, day, known_at)


def test_appending_in_the_order_written_gives_the_same_replay(
    synthetic: list[tracker.Entry],
) -> None:
    written = sorted(synthetic, key=lambda e: e.reported)  # back-dated entries arrive late
    whole = tracker.Replay(written, dyad=synthetic[0].parties, every=8)
    grown = tracker.Replay(dyad=synthetic[0].parties, every=8)
    for entry in written:
        grown.append(entry)
    assert grown.entries == whole.entries
    assert grown.verify() == ()
    assert grown.final == whole.final
    assert all(grown.state(n) == whole.state(n) for n in range(0, len(whole), 50))


def test_a_back_dated_entry_drops_exactly_the_later_checkpoints() -> None:
    entries = [lunch(f"2009-01-{day:02d}", id=f"lunch-{day}") for day in range(1, 29)]
    replay = tracker.Replay(entries, every=4)
    kept = list(replay._checkpoints)
    place = replay.append(suspension("2009-01-10", id="late"))
    assert place == 10
    assert replay._checkpoints == kept[: 10 // 4 + 1]
    assert {m.effective for m in replay.final.in_force()} == {date(2009, 1, 10)}
    assert replay.verify() == ()
    assert replay._checkpoints[:3] == kept[:3]


def test_append_refuses_another_dyad_and_a_known_id() -> None:
    replay = tracker.Replay([lunch()])
    with pytest.raises(ValueError, match="is in the replay already"):
        replay.append(lunch())
    other = lunch(id="eu", parties=tracker.Dyad("EU", "RUS"))
    with pytest.raises(ValueError, match="not of this replay's NATO-RUS"):
        replay.append(other)


def test_strict_replay_raises_on_the_anomaly() -> None:
    with pytest.raises(tracker.AnomalyError, match="formal_while_suspended"):
        tracker.Replay([suspension(), council(formal=True)], strict=True)
    replay = tracker.Replay([suspension()], strict=True)
    with pytest.raises(tracker.AnomalyError):
        replay.append(council(formal=True))


def test_steps_and_step_agree(replay: tracker.Replay) -> None:
    for step in replay.steps():
        again = replay.step(step.index)
        assert (again.before, again.after, again.entry) == (step.before, step.after, step.entry)
        assert step.after == tracker.apply(step.before, step.entry)


def test_explain_follows_provenance_to_the_quotes(replay: tracker.Replay) -> None:
    (stance,) = replay.explain("stances.RUS.georgia_war_causes", date(2009, 1, 26))
    assert stance.entries == ("sg-rogozin-lunch-2008-12-19-rferl",)
    (quote,) = stance.quotes
    assert quote.text.startswith('"But we need to build a bridge from August')
    (meeting,) = replay.explain("meetings", date(2008, 12, 31))
    assert meeting.entries == (
        "sg-rogozin-lunch-2008-12-19-ap",
        "sg-rogozin-lunch-2008-12-19-rferl",
    )
    assert replay.explain("channels", date(2000, 1, 1)) == ()  # a part can be empty
    with pytest.raises(KeyError, match=r"nothing at 'channels\.nrc'"):  # a fact is there or not
        replay.explain("channels.nrc", date(2000, 1, 1))


def test_a_fresh_replay_is_empty_and_normal() -> None:
    replay = tracker.Replay()
    assert len(replay) == 0
    assert replay.at(date(2009, 1, 1)).phase is tracker.Phase.NORMAL
    assert replay.dyad == NATO_RUS
    replay.append(decision())
    assert replay.at(date(2009, 1, 1)).applied == 1


def _flat_diff(
    before: tracker.State, after: tracker.State
) -> set[tuple[str, str | None, str | None]]:
    old, new = tracker.flatten(before), tracker.flatten(after)
    return {
        (p, old.get(p), new.get(p)) for p in old.keys() | new.keys() if old.get(p) != new.get(p)
    }


def test_diff_is_the_difference_of_the_flattened_states(synthetic: list[tracker.Entry]) -> None:
    replay = tracker.Replay(synthetic, dyad=synthetic[0].parties)
    for step in replay.steps():
        changes = step.changes
        assert {(c.path, c.before, c.after) for c in changes} == _flat_diff(step.before, step.after)
        assert len({c.path for c in changes}) == len(changes)
    far = tracker.diff(replay.state(10), replay.final)
    assert {(c.path, c.before, c.after) for c in far} == _flat_diff(replay.state(10), replay.final)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(logs(dyad=tracker.Dyad("EU", "RUS"), max_size=6, plain=True), min_size=1, max_size=3)
)
def test_replays_give_each_dyad_the_replay_of_its_own_entries(
    stories: list[tuple[tracker.Entry, ...]],
) -> None:
    entries = [entry for story in stories for entry in story]
    mixed = entries + list(synthesize(40, dyads=3, seed=2))
    found = tracker.replays(mixed, every=3)
    assert list(found) == list(dict.fromkeys(entry.parties for entry in mixed))
    for dyad, replay in found.items():
        assert replay.every == 3
        assert replay.final == tracker.Replay(mixed, dyad=dyad).final


def test_replays_leave_the_collector_as_they_found_it() -> None:
    entries = list(synthesize(50, dyads=2, seed=3))
    try:
        for running in (True, False):
            (gc.enable if running else gc.disable)()
            tracker.replays(entries)
            assert gc.isenabled() is running
    finally:
        gc.enable()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dyads().flatmap(lambda pair: st.tuples(st.just(pair), logs(dyad=pair, foreign=False))))
def test_a_replay_without_a_dyad_is_of_the_one_dyad_of_its_entries(
    drawn: tuple[tracker.Dyad, tuple[tracker.Entry, ...]],
) -> None:
    pair, log = drawn
    named = tracker.Replay(log, dyad=pair if log else tracker.DEFAULT_DYAD, every=3)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.jsonl"
        tracker.append_entries(path, log)
        stored = tracker.read_log(path, held=False).entries
        for entries in (log, list(log), iter(log), stored):
            replay = tracker.Replay(entries, every=3)
            assert (replay.dyad, replay.entries) == (named.dyad, named.entries)
            assert replay.final == named.final


def test_a_replay_of_no_entries_is_of_the_default_dyad(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.touch()
    empty = tracker.read_log(path, held=False).entries
    for entries in ((), [], iter(()), empty):
        replay = tracker.Replay(entries)
        assert (replay.dyad, len(replay)) == (tracker.DEFAULT_DYAD, 0)
    assert tracker.Replay().final == tracker.State(tracker.DEFAULT_DYAD)


def test_a_replay_of_several_dyads_names_them_and_how_to_choose(tmp_path: Path) -> None:
    india_pakistan, cuba_usa = tracker.Dyad("IND", "PAK"), tracker.Dyad("CUB", "USA")
    entries = [
        lunch(id="talks", parties=india_pakistan),
        suspension(id="embargo", parties=cuba_usa, by="USA"),
        lunch("2008-12-20", id="more-talks", parties=india_pakistan),
    ]
    said = r"of 2 dyads \(IND-PAK, CUB-USA\): name one with dyad=, or .*tracker\.replays"
    for given_as in (entries, iter(entries)):
        with pytest.raises(ValueError, match=said):
            tracker.Replay(given_as)
    with pytest.raises(ValueError, match=r"of 2 dyads \(NATO-RUS, EU-RUS\)"):
        tracker.Replay(tracker.read_log(tracker.bundled_log()).entries)
    # A log read without its entries is refused from what is kept of them: none is read again.
    path = tmp_path / "log.jsonl"
    tracker.append_entries(path, entries)
    stored = tracker.read_log(path, held=False).entries
    path.write_text("not a log any more\n")
    with pytest.raises(ValueError, match=said):
        tracker.Replay(stored)
    assert len(tracker.Replay(entries, dyad=india_pakistan)) == 2
