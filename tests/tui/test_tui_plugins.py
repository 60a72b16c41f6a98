"""The terminal UI on a log that uses a plug-in's type: listed with the label and colour its
declaration gives, stepped through with the plug-in's rule."""

from __future__ import annotations

from pathlib import Path

from pilots import scenario, settle
from plugin_logs import EASED, SUSPENDED, write_log
from rich.style import Style

import tracker
from tracker._plugins import load_plugins
from tracker.tui import TrackerApp
from tracker.tui.widgets.panes import StateView
from tracker.tui.widgets.timeline import Timeline, type_label


def line(timeline: Timeline, y: int) -> tuple[str, dict[str, Style]]:
    """The text of a timeline's line, and the style of each of its segments by text."""
    strip = timeline.render_line(y)
    return "".join(s.text for s in strip), {s.text.strip(): s.style or Style() for s in strip}


@scenario
async def test_the_ui_lists_and_replays_a_plugin_type(tmp_path: Path) -> None:
    load_plugins(["tracker_example_plugin"])  # what `tracker tui --plugin ...` does first
    path = write_log(tmp_path / "eased.jsonl", SUSPENDED, EASED)
    app = TrackerApp(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        timeline = app.main.query_one(Timeline)
        assert timeline.rows == (0, 1)
        text, styles = line(timeline, 1)
        assert "2015-06    EASE NATO eases its sanctions" in text  # days aligned as stated
        eased = timeline.entries[1]
        assert type_label(eased) == ("EASE", "bright_green")  # CONCEDE, as declared
        assert styles["EASE"].color is not None
        assert styles["EASE"].color.name == "bright_green"
        await pilot.press("down")
        await settle(pilot)
        state = app.main.query_one(StateView).state
        assert state is not None
        assert dict(state.cooperation) == {
            "military_cooperation": tracker.CooperationStatus.RESUMED
        }
        assert state.anomalies == ()
