"""The replay laid on a calendar: the level and phase each day, the bands, the marks, the ticks."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
from tracker._chronology import (
    NARROWEST,
    NEARLY_ALL,
    chronology,
    day_ticks,
    fitted,
    label_start,
    zoomed,
)
from tracker.strategies import logs

NATO_RUS = tracker.DEFAULT_DYAD
#: Logs of one dyad with at least one entry.
STORIES = logs(max_size=10, foreign=False).filter(bool)


@pytest.fixture(scope="module")
def bundled() -> tracker.Replay:
    return tracker.Replay(tracker.read_log(tracker.bundled_log()).entries, dyad=NATO_RUS)


@settings(max_examples=40, deadline=None)
@given(STORIES)
def test_every_point_is_the_state_replayed_on_its_day(entries: tuple[tracker.Entry, ...]) -> None:
    replay = tracker.Replay(entries, dyad=NATO_RUS)
    chart = chronology(replay, resolution=30)
    days = [point.day for point in chart.points]
    assert days == sorted(set(days))
    assert (days[0], days[-1]) == (chart.start, chart.end)
    for point in chart.points:
        state = replay.at(point.day)
        assert (point.level, point.phase) == (state.level, state.phase)
    assert {mark.day for mark in chart.marks} <= set(days)


@settings(max_examples=40, deadline=None)
@given(STORIES)
def test_bands_tile_the_span_one_phase_after_another(entries: tuple[tracker.Entry, ...]) -> None:
    chart = chronology(tracker.Replay(entries, dyad=NATO_RUS), resolution=30)
    bands = chart.bands
    assert bands[0].start == chart.start
    assert bands[-1].end == chart.end
    for before, after in pairwise(bands):
        assert before.end == after.start
        assert before.phase is not after.phase
    for point in chart.points:
        (band,) = [b for b in bands if b.start <= point.day < b.end] or [bands[-1]]
        assert band.phase is point.phase


@settings(max_examples=40, deadline=None)
@given(STORIES, st.data())
def test_marks_are_the_entries_of_the_span_known_by_then(
    entries: tuple[tracker.Entry, ...], data: st.DataObject
) -> None:
    replay = tracker.Replay(entries, dyad=NATO_RUS)
    days = sorted({entry.on for entry in replay.entries} | {entry.reported for entry in entries})
    start, end = sorted(data.draw(st.lists(st.sampled_from(days), min_size=2, max_size=2)))
    known_at = data.draw(st.none() | st.sampled_from(days))
    chart = chronology(replay, start, end, known_at=known_at, resolution=20)
    expected = [
        index
        for index, entry in enumerate(replay.entries)
        if start <= entry.on <= end and (known_at is None or entry.reported <= known_at)
    ]
    assert [mark.index for mark in chart.marks] == expected
    sampled = {point.day for point in chart.points}
    assert {mark.day for mark in chart.marks} <= sampled
    for point in chart.points:
        state = replay.at(point.day, known_at=known_at)
        assert (point.level, point.phase) == (state.level, state.phase)


@settings(max_examples=20, deadline=None)
@given(STORIES, st.integers(1, 4))
def test_a_span_denser_than_the_resolution_is_sampled_evenly(
    entries: tuple[tracker.Entry, ...], resolution: int
) -> None:
    replay = tracker.Replay(entries, dyad=NATO_RUS)
    chart = chronology(replay, resolution=resolution)
    if len(chart.marks) > resolution:
        assert len(chart.points) <= resolution + 1
    for point in chart.points:
        assert point.level == replay.at(point.day).level


def test_the_bundled_story_on_the_calendar(bundled: tracker.Replay) -> None:
    chart = chronology(bundled)
    assert chart.start == date(2002, 5, 28)
    assert chart.end > date(2009, 1, 26)
    phases = [(band.phase, band.start) for band in chart.bands]
    assert phases == [
        (tracker.Phase.NORMAL, date(2002, 5, 28)),
        (tracker.Phase.SUSPENDED, date(2008, 8, 19)),
        (tracker.Phase.REENGAGEMENT_DECIDED, date(2008, 12, 2)),
        (tracker.Phase.CONTACTS_RESUMED, date(2008, 12, 19)),
        (tracker.Phase.INFORMAL_COUNCIL, date(2009, 1, 26)),
    ]
    level = {point.day: point.level for point in chart.points}
    assert level[date(2008, 8, 18)] > level[date(2008, 8, 19)]  # the suspension is a step down
    assert [mark.label for mark in chart.marks][2:4] == ["SUSP", "DECN"]


def test_a_span_cut_to_december_keeps_the_phase_it_opens_in(bundled: tracker.Replay) -> None:
    chart = chronology(bundled, date(2008, 12, 1), date(2008, 12, 31))
    assert chart.bands[0].phase is tracker.Phase.SUSPENDED
    assert [mark.index for mark in chart.marks] == [3, 4, 5, 6]
    assert chart.days == 30


def test_a_span_that_ends_before_it_starts_is_refused(bundled: tracker.Replay) -> None:
    with pytest.raises(ValueError, match="ends on 2008-12-01, before it starts on 2009-01-01"):
        chronology(bundled, date(2009, 1, 1), date(2008, 12, 1))


@given(
    st.dates(date(1800, 1, 1), date(2200, 1, 1)),
    st.integers(0, 100_000),
    st.integers(20, 400),
)
def test_ticks_are_round_days_of_the_span_whose_labels_never_touch(
    start: date, days: int, width: int
) -> None:
    end = min(start + timedelta(days=days), date(2200, 1, 1))
    ticks = day_ticks(start, end, width)
    assert ticks, "every span gets a label"
    span = max((end - start).days, 1)
    right = -2
    for day, label in ticks:
        assert start <= day <= end
        assert day.isoformat().startswith(label)
        left = label_start(day, label, start, span, width)
        assert left >= 0
        assert left > right + 1
        assert left + len(label) <= width
        right = left + len(label) - 1


def test_ticks_go_from_days_to_months_to_years_as_the_span_grows() -> None:
    start = date(2008, 12, 1)
    assert day_ticks(start, date(2008, 12, 10), 120)[0][1] == "2008-12-01"
    assert [label for _, label in day_ticks(start, date(2009, 6, 1), 80)][:2] == [
        "2008-12",
        "2009-01",
    ]
    assert [label for _, label in day_ticks(date(2002, 5, 28), date(2009, 1, 26), 60)] == [
        str(year) for year in range(2003, 2010)
    ]


WHOLES = st.tuples(st.dates(date(1990, 1, 1), date(2030, 1, 1)), st.integers(30, 20_000)).map(
    lambda pair: (pair[0], pair[0] + timedelta(days=pair[1]))
)


@given(WHOLES, st.integers(-30_000, 30_000), st.integers(0, 30_000))
def test_a_fitted_window_keeps_its_length_inside_the_whole_span(
    whole: tuple[date, date], offset: int, days: int
) -> None:
    window = fitted(whole, whole[0] + timedelta(days=offset), timedelta(days=days))
    if window is None:
        assert days >= (whole[1] - whole[0]).days * NEARLY_ALL
        return
    start, end = window
    assert whole[0] <= start <= end <= whole[1]
    assert (end - start).days == days
    if whole[0] + timedelta(days=offset) >= whole[0] and end < whole[1]:
        assert start == whole[0] + timedelta(days=offset)


@given(WHOLES, st.floats(0.25, 8), st.floats(0, 1))
def test_zooming_keeps_the_day_pointed_at_in_place(
    whole: tuple[date, date], factor: float, share: float
) -> None:
    around = whole[0] + (whole[1] - whole[0]) * share
    window = zoomed(whole, whole, factor, around)
    if window is None:
        assert factor <= 1 / NEARLY_ALL
        return
    start, end = window
    assert (end - start).days == max(round((whole[1] - whole[0]).days / factor), NARROWEST.days)
    assert start <= around <= end
    if whole[0] < start and end < whole[1]:  # not pushed back inside at an edge
        assert abs((around - start) / (end - start) - share) <= 2 / (end - start).days
    assert zoomed(whole, window, 1 / factor, around) is None  # and back out: the whole span
