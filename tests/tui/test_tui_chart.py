"""The timeline chart: the level of relations on a time axis, the phases as bands, the entries
as marks, the cursor's day, a legend; a click seeks to the day clicked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pilots import scenario, settle, until
from rich.console import Console
from rich.text import Text
from textual import events
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Static

import tracker
from tests.coded.rows import CODED, with_coded_events
from tracker._chronology import chronology
from tracker._palette import phase_rgb
from tracker.tui import TrackerApp
from tracker.tui._story import Filter
from tracker.tui.widgets.chart import CodedPlot, DayPlot, LevelPlot, TimelineChart
from tracker.tui.widgets.panes import PhaseBanner

WIDE = (160, 48)


def day(text: str) -> date:
    return tracker.parse_day(text)


def lines(plot: DayPlot) -> list[Text]:
    """The plot as drawn, line by line."""
    rendered = plot.render()
    assert isinstance(rendered, Text)
    return rendered.split("\n")


def frame(plot: DayPlot) -> tuple[int, int, int, int]:
    """The rows of the frame's top and bottom, and the first column and width of the plot area,
    read off the drawing."""
    plain = [line.plain for line in lines(plot)]
    top = next(row for row, line in enumerate(plain) if "┌" in line)
    bottom = next(row for row, line in enumerate(plain) if "└" in line)
    left, right = plain[bottom].index("└"), plain[bottom].rindex("┘")
    return top, bottom, left + 1, right - left - 1


def column_of(plot: DayPlot, when: date) -> int:
    chart = plot.chronology
    assert chart is not None
    _, _, left, width = frame(plot)
    return left + round((when - chart.start).days / chart.days * (width - 1))


def colour_at(line: Text, column: int) -> tuple[int, int, int] | None:
    colour = line.get_style_at_offset(Console(), column).color
    if colour is None:
        return None
    triplet = colour.get_truecolor()
    return triplet.red, triplet.green, triplet.blue


@scenario
async def test_the_chart_lays_the_story_on_its_days(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        story = app.main.story
        assert story is not None
        assert story.replay is not None
        plot = app.main.query_one(LevelPlot)
        # The level sampled on two days a column of the terminal (a braille cell's two dots).
        assert plot.chronology == chronology(story.replay, resolution=2 * WIDE[0])
        drawn = lines(plot)
        axis = drawn[-1].plain
        for label in ("2003-01", "2005-07", "2008-07", "2009-01"):
            assert label in axis
        top, bottom, _, _ = frame(plot)
        labels = [line.plain.split("┤")[0].strip() for line in drawn[top + 1 : bottom]]
        # The level's highest value, 0 and its lowest, top down.
        assert [label for label in labels if label and "│" not in label] == ["+8.0", "0", "-12.0"]
        band_row = drawn[bottom - 1]
        for band in plot.chronology.bands:
            middle = column_of(plot, band.start + (band.end - band.start) / 2)
            assert band_row.plain[middle] == "█"
            # A band narrower than a column shares its cell with a neighbour: it is drawn in
            # the cell of its middle day or in one next to it.
            near = {colour_at(band_row, column) for column in (middle - 1, middle, middle + 1)}
            assert phase_rgb(band.phase) in near
        legend = str(app.main.query_one("#chart-legend", Static).render())
        for phase in ("normal", "suspended", "reengagement_decided", "informal_council"):
            assert phase in legend
        assert "level of relations" in legend


@scenario
async def test_the_chart_marks_the_cursor_s_day_in_either_mode(late_log: Path) -> None:
    app = TrackerApp(late_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        main = app.main
        assert main.story is not None
        assert main.story.replay is not None
        main.go_to(main.entries.index(main.story.replay.entry("sg-rogozin-lunch-2008-12-19-rferl")))
        await settle(pilot)
        chart = main.query_one(TimelineChart)
        plot = main.query_one(LevelPlot)
        warning = app.theme_variables["warning"]
        assert chart.cursor == plot.cursor == day("2008-12-19")
        top, _, _, _ = frame(plot)
        column = column_of(plot, day("2008-12-19"))
        cursor_line = lines(plot)[top + 2]  # under the entries' marks, along the top
        assert cursor_line.plain[column] == "│"
        assert "#{:02X}{:02X}{:02X}".format(*colour_at(cursor_line, column)) == warning.upper()
        assert "2008-12-19" in str(main.query_one("#chart-legend", Static).render())
        await pilot.press("t")
        await settle(pilot)
        # Known on its day, the entry's own report was not yet published: one entry less applied,
        # and the chart still marks the entry's day.
        assert main.details is not None
        assert main.details.state.applied == main.cursor
        assert plot.cursor == day("2008-12-19")


async def click_day(pilot: Pilot[object], plot: LevelPlot, column: int) -> None:
    top, bottom, _, _ = frame(plot)
    assert await pilot.click(LevelPlot, offset=(column, (top + bottom) // 2))
    await settle(pilot)


@scenario
async def test_a_click_on_the_chart_seeks_to_the_last_entry_by_that_day(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        main = app.main
        plot = main.query_one(LevelPlot)
        axis = lines(plot)[-1].plain
        # Under the label of July 2008, the last entry before it: the Bucharest summit of April.
        label = axis.index("2008-07")
        await click_day(pilot, plot, label + len("2008-07") // 2)
        assert main.entries[main.cursor].on == day("2008-04-03")
        # Right of the last entry: the last entry.
        _, _, left, width = frame(plot)
        await click_day(pilot, plot, left + width - 1)
        await until(pilot, lambda: main.cursor == len(main.entries) - 1, "the last entry")
        # On the level's labels, left of the plot area: nothing moves.
        await click_day(pilot, plot, 1)
        assert main.cursor == len(main.entries) - 1


async def wheel(
    pilot: Pilot[object], turn: type[events.MouseEvent], offset: tuple[int, int]
) -> bool:
    """Turn the mouse wheel over the plot, as the driver would (Pilot has no verb for it)."""
    return await pilot._post_mouse_events([turn], LevelPlot, offset=offset)


@scenario
async def test_the_wheel_zooms_around_the_day_under_the_pointer(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        chart = app.main.query_one(TimelineChart)
        plot = app.main.query_one(LevelPlot)
        whole = plot.chronology
        assert whole is not None
        top, bottom, _, _ = frame(plot)
        column = column_of(plot, day("2008-12-01"))
        pointed = plot.day_at(column)
        assert pointed is not None
        for _ in range(4):
            assert await wheel(pilot, events.MouseScrollUp, (column, (top + bottom) // 2))
            await settle(pilot)
        assert chart.window is not None
        start, end = chart.window
        assert abs((end - start).days - whole.days / 16) <= 1  # halved four times
        assert plot.chronology is not None
        assert (plot.chronology.start, plot.chronology.end) == chart.window
        # The day under the pointer stays under it, give or take a column of the new scale.
        assert abs((plot.day_at(column) - pointed).days) <= (end - start).days / 100
        axis = lines(plot)[-1].plain
        assert "2008-12" in axis
        assert "2003" not in axis
        for _ in range(4):
            assert await wheel(pilot, events.MouseScrollDown, (column, (top + bottom) // 2))
            await settle(pilot)
        assert chart.window is None
        assert plot.chronology == whole


@scenario
async def test_keys_zoom_around_the_cursor_which_the_window_follows(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        main = app.main
        main.go_to_date(day("2008-12-19"))
        await settle(pilot)
        chart = main.query_one(TimelineChart)
        chart.focus()
        await pilot.press(*"+" * 6)
        await settle(pilot)
        assert chart.window is not None
        start, end = chart.window
        assert start <= day("2008-12-19") <= end
        assert (end - start).days < 60
        # The cursor moves back to the Bucharest summit of April: the window follows it.
        main.go_to_date(day("2008-04-03"))
        await settle(pilot)
        start, end = chart.window
        assert start <= day("2008-04-03") <= end
        await pilot.press("left")
        await settle(pilot)
        assert chart.window[0] < start
        await pilot.press("0")
        await settle(pilot)
        assert chart.window is None


def on_lunch(theme: str) -> Callable[[Pilot[object]], object]:
    """Open the log in ``theme``, then put the cursor on the 19 December lunch."""

    async def before(pilot: Pilot[object]) -> None:
        app = pilot.app
        assert isinstance(app, TrackerApp)
        app.theme = theme
        await settle(pilot)
        app.main.go_to_date(day("2008-12-19"))
        await settle(pilot)

    return before


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_timeline_snapshot(
    snap_compare: Callable[..., bool], nato_log: Path, size: tuple[int, int], theme: str
) -> None:
    app = TrackerApp(nato_log)
    assert snap_compare(app, terminal_size=size, run_before=on_lunch(theme))


@pytest.fixture
def coded_log(nato_log: Path) -> Path:
    """The bundled story with GDELT 2.0 events of its months imported beside it."""
    return with_coded_events(nato_log)


def test_the_chronology_counts_coded_events_by_month_and_marks_only_curated_entries(
    coded_log: Path,
) -> None:
    replay = tracker.Replay(tracker.read_log(coded_log).entries, dyad=tracker.Dyad("NATO", "RUS"))
    chart = chronology(replay)
    months = {month.start: month.activity for month in chart.coded}
    assert list(months) == sorted(months)
    assert min(months) == chart.start.replace(day=1)
    assert max(months) == chart.end.replace(day=1)
    assert months[day("2008-12-01")].verbal_cooperation == 3
    assert months[day("2009-01-01")].verbal_conflict == 2
    assert sum(activity.events for activity in months.values()) == len(CODED)
    assert all(replay.entries[mark.index].CURATED for mark in chart.marks)
    assert len(chart.marks) == sum(1 for entry in replay.entries if entry.CURATED)
    # As known before January's events were recorded, they are not counted.
    earlier = chronology(replay, known_at=day("2009-01-15"))
    counted = {month.start: month.activity for month in earlier.coded}
    assert counted[day("2009-01-01")].events == 1
    assert counted[day("2008-12-01")].events == 3


@scenario
async def test_coded_events_show_under_the_level_as_bars_up_and_down(coded_log: Path) -> None:
    app = TrackerApp(coded_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        chart = app.main.query_one(TimelineChart)
        plot = app.main.query_one(CodedPlot)
        await until(pilot, lambda: chart.has_class("-coded"), "the coded events' plot")
        assert plot.display
        assert plot.chronology is not None
        assert plot.chronology.coded
        drawn = lines(plot)
        top, bottom, _, _ = frame(plot)
        rows = drawn[top + 1 : bottom]
        labels = [line.plain.split("┤")[0].strip() for line in rows]
        assert [label for label in labels if label and "│" not in label] == ["+3", "0", "-2"]
        success = Color.parse(app.theme_variables["success"]).rgb
        error = Color.parse(app.theme_variables["error"]).rgb
        december, january = column_of(plot, day("2008-12-15")), column_of(plot, day("2009-01-15"))
        assert colour_at(rows[0], december) == success
        assert colour_at(rows[-1], january) == error
        legend = str(app.main.query_one("#chart-legend", Static).render())
        assert "coded events a month" in legend


@scenario
async def test_a_log_without_coded_events_shows_no_coded_plot(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        chart = app.main.query_one(TimelineChart)
        assert chart.chronology is not None
        assert not chart.has_class("-coded")
        assert not app.main.query_one(CodedPlot).display
        assert "coded events" not in str(app.main.query_one("#chart-legend", Static).render())


@scenario
async def test_coded_events_are_listed_only_when_the_filter_names_their_type(
    coded_log: Path,
) -> None:
    app = TrackerApp(coded_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        main = app.main
        curated = [index for index, entry in enumerate(main.entries) if entry.CURATED]
        assert len(curated) == len(main.entries) - len(CODED)
        assert main.rows == tuple(curated)
        title = str(main.query_one("#title", Static).render())
        assert f"{len(curated)} entries, {len(CODED)} coded events" in title
        # The banner counts the entries listed, not the coded events hidden among them.
        main.go_to(curated[-1])
        await settle(pilot)
        banner = str(main.query_one(PhaseBanner).render())
        assert f"entry {len(curated)} of {len(curated)}" in banner
        main.apply_filter(Filter.parse("type:coded_event"))
        await settle(pilot)
        assert [main.entries[row].TYPE for row in main.rows] == ["coded_event"] * len(CODED)
        # Going to a coded event by its index lists what it needs to be seen.
        main.apply_filter(Filter())
        await settle(pilot)
        coded = next(index for index, entry in enumerate(main.entries) if not entry.CURATED)
        main.go_to(coded)
        await settle(pilot)
        assert main.cursor == coded
        assert coded in main.rows


@scenario
async def test_the_chart_shows_the_log_as_known_on_the_day_chosen(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        main = app.main
        replay = main.story.replay
        chart = main.query_one(TimelineChart)
        plot = main.query_one(LevelPlot)
        main.see_as_known_on(day("2008-12-18"))
        await settle(pilot)
        await until(pilot, lambda: plot.chronology is not None, "the chart")
        seen = chronology(replay, known_at=day("2008-12-18"), resolution=2 * WIDE[0])
        assert plot.chronology == seen
        assert all(replay.entries[mark.index].reported <= day("2008-12-18") for mark in seen.marks)
        assert len(seen.marks) < sum(1 for entry in replay.entries if entry.CURATED)
        assert "as known on 2008-12-18" in str(chart.border_title)
        main.see_as_known_on(None)
        await settle(pilot)
        await until(pilot, lambda: plot.chronology is not None, "the chart")
        assert plot.chronology == chronology(replay, resolution=2 * WIDE[0])
        assert "as known on" not in str(chart.border_title)
