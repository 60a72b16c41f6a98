"""The terminal UI lists armed force in the colour of its category: an attack or an invasion
(an assault) in magenta, above the reds of coercion, and replays it as a measure standing."""

from __future__ import annotations

from pathlib import Path

from pilots import scenario, settle
from plugin_logs import write_log
from rich.style import Style

import tracker
from tracker.tui import TrackerApp
from tracker.tui.widgets.panes import StateView
from tracker.tui.widgets.timeline import CATEGORY_COLOURS, Timeline, type_label

SOURCE = {"outlet": "Wire", "published": "2014-03-02", "url": "https://news.example.org/a"}


def used(id: str, on: str, action: str, **fields: str) -> dict[str, object]:
    return {
        "type": "use_of_force",
        "v": 1,
        "id": id,
        "on": on,
        "parties": "RUS-UKR",
        "title": f"Russian forces: {action}",
        "by": "RUS",
        "action": action,
        "sources": [SOURCE],
        **fields,
    }


def line(timeline: Timeline, y: int) -> tuple[str, dict[str, Style]]:
    strip = timeline.render_line(y)
    return "".join(s.text for s in strip), {s.text.strip(): s.style or Style() for s in strip}


def test_an_assault_has_a_colour_of_its_own_beside_coercion() -> None:
    assert CATEGORY_COLOURS["ASSAULT"] not in {
        colour for category, colour in CATEGORY_COLOURS.items() if category != "ASSAULT"
    }


@scenario
async def test_the_ui_lists_force_and_replays_what_stands(tmp_path: Path) -> None:
    path = write_log(
        tmp_path / "force.jsonl",
        used("rus-shells-2014-03-01", "2014-03-01", "attack"),
        used("rus-holds-2014-03-02", "2014-03-02", "occupation", territory="peninsula"),
    )
    app = TrackerApp(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        timeline = app.main.query_one(Timeline)
        assert timeline.rows == (0, 1)
        attack, occupation = timeline.entries
        assert type_label(attack) == ("FRCE", "bright_magenta")  # ASSAULT
        assert type_label(occupation) == ("FRCE", "bright_red")  # COERCE: territory seized
        text, styles = line(timeline, 0)
        assert "FRCE" in text
        assert styles["FRCE"].color is not None
        assert styles["FRCE"].color.name == "bright_magenta"
        await pilot.press("down")
        await settle(pilot)
        state = app.main.query_one(StateView).state
        assert state is not None
        assert [(m.by, m.target) for m in state.in_force()] == [("RUS", "peninsula")]
        assert state.phase is tracker.Phase.STRAINED
