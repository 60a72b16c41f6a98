"""SVG snapshots of the main screen at a moment and of a comparison, at the smallest and a
large terminal, on a dark and a light theme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pilots import settle, until
from textual.pilot import Pilot

import tracker
from tracker.tui import TrackerApp
from tracker.tui.screens.compare import CompareScreen

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
THEMES = pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])


def at_moment(theme: str, *, compare: bool = False) -> Callable[[Pilot[object]], object]:
    """On ``theme``, show 2008-12-31 as known on 2008-12-18 (the lunch overdue), or compare
    2008-12-18 with 2009-01-26."""

    async def before(pilot: Pilot[object]) -> None:
        app = pilot.app
        assert isinstance(app, TrackerApp)
        app.theme = theme
        await settle(pilot)
        main = app.main
        if compare:
            main.go_to_date(tracker.parse_day("2008-12-18"))
            await settle(pilot)
            main.compare_with_day(tracker.parse_day("2009-01-26"))
            await until(
                pilot,
                lambda: isinstance(app.screen, CompareScreen) and app.screen.second is not None,
                "the comparison",
            )
        else:
            main.go_to_date(tracker.parse_day("2008-12-31"))
            main.see_as_known_on(tracker.parse_day("2008-12-18"))
            await settle(pilot)
            await until(pilot, lambda: bool(main.query(".-quoted")), "the quoted sentences")
        await pilot.pause()

    return before


@SIZES
@THEMES
def test_main_screen(
    snap_compare: Callable[..., bool], nato_log: Path, theme: str, size: tuple[int, int]
) -> None:
    app = TrackerApp(nato_log)
    assert snap_compare(app, terminal_size=size, run_before=at_moment(theme))


@SIZES
@THEMES
def test_comparison(
    snap_compare: Callable[..., bool], nato_log: Path, theme: str, size: tuple[int, int]
) -> None:
    app = TrackerApp(nato_log)
    assert snap_compare(app, terminal_size=size, run_before=at_moment(theme, compare=True))
