"""The state pane shows the model's state: the level of relations, the measures in
force and lifted, expectations pending and lapsed, meetings on their day as stated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pilots import scenario, settle
from rich.console import Console
from textual.pilot import Pilot

import tracker
from tracker._replay import level_text, measure_text
from tracker.tui import TrackerApp
from tracker.tui.widgets.panes import RECENT, StateView

EVENTS = Path(__file__).parent.parent.parent / "events"
SIZE = (160, 48)


@pytest.fixture
def both(tmp_path: Path) -> Path:
    """The two bundled NATO–Russia logs as one, with the articles beside them."""
    shutil.copytree(EVENTS / "articles", tmp_path / "articles")
    path = tmp_path / "nato-russia-1998-2016.jsonl"
    names = ("nato-russia.jsonl", "nato-russia-2009-2014.jsonl")
    path.write_bytes(b"".join((EVENTS / name).read_bytes() for name in names))
    return path


def pane_lines(app: TrackerApp) -> list[str]:
    """The state pane's text, line by line, each whole (wider than any pane is drawn)."""
    view = app.main.query_one(StateView)
    console = Console(width=400, color_system=None)
    with console.capture() as captured:
        console.print(view.render())
    return [line.rstrip() for line in captured.get().splitlines()]


async def on(pilot: Pilot[object], day: str) -> tracker.State:
    """Put the cursor on the last entry on or before ``day``; the state the panes show."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, TrackerApp)
    app.main.go_to_date(tracker.parse_day(day))
    await settle(pilot)
    assert app.main.details is not None
    return app.main.details.state


@scenario
async def test_the_state_pane_shows_the_level_and_the_measures_in_force(both: Path) -> None:
    app = TrackerApp(both)
    async with app.run_test(size=SIZE) as pilot:
        state = await on(pilot, "2014-04-09")
        lines = pane_lines(app)
        assert lines[0] == f"level {level_text(state)}"
        assert lines[0] == "level -18.00 (pressure -9.00, recent activity -9.00)"
        start = lines.index("measures in force")
        shown = lines[start + 1 : start + 4]
        assert shown == [f" {measure_text(m, state.at)}" for m in state.in_force()]
        assert " NATO suspend military: in force since 2014-04-01" in shown
        lifted = lines[lines.index("measures lifted") + 1 :][:3]
        assert lifted[-1] == " NATO suspend nrc: lifted 2009-12-04"
        assert " civilian cooperation (cooperation): suspended" in lines
        assert " rus mission to nato (RUS)" in lines


@scenario
async def test_a_measure_eased_or_partly_lifted_says_so(both: Path) -> None:
    app = TrackerApp(both)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "2009-03-06")
        lines = pane_lines(app)
        assert (
            " NATO suspend nrc: in force since 2008-08-19, lifted at ambassadors,"
            " lift at ministers decided for 2009-04-05" in lines
        )
        assert (
            " NATO suspend high_level_political: in force since 2008-08-19, contacts resumed"
            in lines
        )


@scenario
async def test_lapsed_expectations_stand_apart_from_pending_ones(both: Path) -> None:
    app = TrackerApp(both)
    async with app.run_test(size=SIZE) as pilot:
        state = await on(pilot, "2009-12-05")
        assert state.lapsed()
        assert not state.awaited()
        lines = pane_lines(app)
        pending = lines.index("pending")
        assert lines[pending + 1] == " none"
        lapsed = lines.index("lapsed")
        assert lines[lapsed + 1] == " informal meeting 2009-01-26..2009-03-09, lapsed 2009-06-07"
        assert "OVERDUE" not in "\n".join(lines)


@scenario
async def test_meetings_are_shown_on_their_day_as_stated(both: Path) -> None:
    app = TrackerApp(both)
    async with app.run_test(size=SIZE) as pilot:
        state = await on(pilot, "2014-07-01")
        lines = pane_lines(app)
        meetings = lines[lines.index("meetings") + 1 :]
        earlier = len(state.meetings) - RECENT
        assert meetings[0] == f" {earlier} earlier"
        assert " nrc: council_meeting of ambassadors (formal) on 2014-06 (1 report)" in meetings
        assert len(meetings) == RECENT + 1


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
@scenario
async def test_the_state_pane_draws_on_screen_what_the_whole_pane_holds(
    both: Path, size: tuple[int, int]
) -> None:
    """Only the lines on screen are drawn; scrolled through, they are the whole pane's."""
    app = TrackerApp(both)
    async with app.run_test(size=size) as pilot:
        for moment in ("2008-12-31", "2014-04-09", "2016-04-20"):
            await on(pilot, moment)
            view = app.main.query_one(StateView)
            width = view.size.width
            console = Console(width=width, color_system=None)
            with console.capture() as captured:
                console.print(view.render())
            whole = [line.rstrip() for line in captured.get().splitlines()]
            assert view.size.height == len(whole)
            drawn = [view.render_line(y).text.rstrip() for y in range(view.size.height)]
            assert drawn == whole
