"""SVG snapshots of the main screen on two key dates, at the smallest and a large terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pilots import settle
from textual.pilot import Pilot

import tracker
from tracker.tui import TrackerApp


def on(day: date) -> Callable[[Pilot[object]], object]:
    """Open the log, then put the cursor on the last entry on or before ``day``."""

    async def before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, TrackerApp)
        app.main.go_to_date(day)
        await settle(pilot)

    return before


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("day", ["2008-12-19", "2009-01-26"])
def test_main_screen(
    snap_compare: Callable[..., bool], nato_log: Path, day: str, size: tuple[int, int]
) -> None:
    app = TrackerApp(nato_log)
    assert snap_compare(app, terminal_size=size, run_before=on(tracker.parse_day(day)))
