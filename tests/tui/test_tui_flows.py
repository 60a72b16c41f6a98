"""Every binding and flow of the terminal UI, driven with a Pilot on real logs."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pilots import scenario, search_palette, settle, until
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

import tracker
from tracker.tui import TrackerApp, _story
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.main import MainScreen
from tracker.tui.screens.problems import ProblemsScreen
from tracker.tui.widgets.timeline import Timeline


def day(text: str) -> date:
    return tracker.parse_day(text)


def shown(main: MainScreen) -> tracker.Entry:
    """The entry the panes show."""
    assert main.details is not None
    assert main.details.index == main.cursor
    return main.details.entry


class Gate:
    """Holds the computation of details until opened, so a test can act while it runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.entered = threading.Event()
        self.opened = threading.Event()
        monkeypatch.setattr("tracker.tui.screens.main.details_at", self.details_at)

    def details_at(self, replay: tracker.Replay, index: int, **moment: Any) -> _story.Details:
        self.entered.set()
        self.opened.wait(timeout=10)
        return _story.details_at(replay, index, **moment)

    async def wait_until_entered(self, pilot: Pilot[object]) -> None:
        await until(pilot, self.entered.is_set, "a computation of details")


@scenario
async def test_opens_on_the_last_crisis_of_the_default_dyad(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        assert main.story is not None
        assert main.story.dyad == tracker.DEFAULT_DYAD
        # The suspension after the Georgia war moved the phase out of normal.
        assert shown(main).id == "nato-suspends-nrc-2008-08"
        assert main.details.state.phase is tracker.Phase.SUSPENDED
        assert main.details.day is None
        assert main.details.index == main.crisis
        assert main.query_one(Timeline).rows == tuple(range(8))


@scenario
async def test_down_and_up_step_and_stop_at_the_ends(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("g")
        assert main.check_action("previous", ()) is None
        await pilot.press("up")
        assert main.cursor == 0
        await pilot.press("down", "j", "down")
        await settle(pilot)
        assert shown(main).id == "nato-ministers-reengage-2008-12-02"
        assert main.details.state.phase is tracker.Phase.REENGAGEMENT_DECIDED
        assert {change.path for change in main.details.changes} >= {"phase", "channels.nrc"}
        await pilot.press("k")
        await settle(pilot)
        assert shown(main).id == "nato-suspends-nrc-2008-08"
        await pilot.press(*["down"] * 10)
        assert main.cursor == 7
        assert main.check_action("next", ()) is None
        assert main.check_action("play", ()) is None


@scenario
async def test_first_and_last(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        for last, first in (("end", "home"), ("G", "g")):
            await pilot.press(last)
            await settle(pilot)
            assert shown(main).id == "informal-nrc-2009-01-26"
            assert main.details.state.phase is tracker.Phase.INFORMAL_COUNCIL
            await pilot.press(first)
            assert main.cursor == 0


@scenario
async def test_month_jumps(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        main.go_to_date(day("2008-12-19"))
        await pilot.press("right_square_bracket")
        assert main.entries[main.cursor].id == "informal-nrc-2009-01-26"
        assert main.check_action("next_month", ()) is None
        await pilot.press("left_square_bracket")
        assert main.entries[main.cursor].id == "nato-ministers-reengage-2008-12-02"
        await pilot.press("left_square_bracket")
        assert main.entries[main.cursor].id == "nato-suspends-nrc-2008-08"


@scenario
async def test_jump_to_date_lands_on_the_last_entry_on_or_before(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("d")
        await pilot.press("ctrl+a", "ctrl+k", *"2009-01-25", "enter")
        await settle(pilot)
        assert shown(main).id == "sg-rogozin-lunch-2008-12-19-rferl"
        assert main.details.state.phase is tracker.Phase.CONTACTS_RESUMED
        assert [item.kind for item in main.details.state.pending] == ["council_meeting"]


@scenario
async def test_jump_to_a_bad_date_keeps_the_cursor(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("g", "down", "d", "ctrl+a", "ctrl+k", *"2009-02-30", "enter")
        await settle(pilot)
        assert (app.main.cursor, app.main.day) == (1, None)
        assert isinstance(app.screen, MainScreen)


@scenario
async def test_filter_by_type_party_and_text(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("slash", *"type:informal_meeting", "enter")
        await settle(pilot)
        assert [main.entries[row].TYPE for row in main.rows] == ["informal_meeting"] * 2
        assert main.cursor == main.rows[0]
        assert main.query_one(Timeline).rows == main.rows
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"party:ITA", "enter")
        assert [main.entries[row].id for row in main.rows] == ["nato-ministers-reengage-2008-12-02"]
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"no such words", "enter")
        assert [main.entries[row].id for row in main.rows] == ["nato-ministers-reengage-2008-12-02"]
        await pilot.press("slash", "ctrl+a", "ctrl+k", "enter")
        assert len(main.rows) == 8


@scenario
async def test_space_plays_and_pauses(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    app.main.PLAY_INTERVAL = 60
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("g", "space")
        assert main.playing
        main._tick()
        assert main.cursor == 1
        await pilot.press("space")
        assert not main.playing


@scenario
async def test_play_runs_to_the_last_entry_and_stops(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    app.main.PLAY_INTERVAL = 60
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("g", "space")
        for step in range(1, 8):
            main._tick()
            assert (main.cursor, main.playing) == (step, True)
        main._tick()
        assert (main.cursor, main.playing) == (7, False)
        await settle(pilot)
        assert shown(main).id == "informal-nrc-2009-01-26"


@scenario
async def test_toggle_known_then(late_log: Path) -> None:
    app = TrackerApp(late_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        ap, rferl = "sg-rogozin-lunch-2008-12-19-ap", "sg-rogozin-lunch-2008-12-19-rferl"
        main.go_to(main.entries.index(main.story.replay.entry(ap)))
        await settle(pilot)
        as_it_was = main.details.state
        await pilot.press("t")
        await settle(pilot)
        known = main.details.state
        assert main.details.known_then
        assert known.known_at == day("2008-12-19")
        assert main.query_one(Timeline).known_at == day("2008-12-19")
        # At the first report of the lunch, no later report is applied in either mode.
        assert str(as_it_was.pending[0].expected) == "2009-01-01..2009-01-31"
        assert known.pending == as_it_was.pending
        await pilot.press("down")
        await settle(pilot)
        assert shown(main).id == rferl
        known = main.details.state
        await pilot.press("t")
        await settle(pilot)
        as_it_was = main.details.state
        assert not main.details.known_then
        assert main.query_one(Timeline).known_at is None
        # The second report, published on the 22nd, narrowed "next month" only as it was.
        assert (known.pending[0].reports, str(known.pending[0].expected)) == (
            (ap,),
            "2009-01-01..2009-01-31",
        )
        assert (as_it_was.pending[0].reports, str(as_it_was.pending[0].expected)) == (
            (ap, rferl),
            "2009-01-11..2009-01-20",
        )


@scenario
async def test_help_opens_and_closes(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=80, color_system=None)
        with console.capture() as keys:
            console.print(app.screen.query_one("#help-keys", Static).content)
        listed = [line.split() for line in keys.get().splitlines()]
        # Every key of a binding, each named as Textual names it (not by the Footer's one name).
        for row in (["↓", "j", "Next"], ["home", "g", "First"], ["space", "Play"], ["?", "Help"]):
            assert row in listed
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@scenario
async def test_quit(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("q")
    assert app.return_code == 0


@scenario
async def test_click_on_the_timeline_moves_the_cursor(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.click(Timeline, offset=(5, 3))
        await settle(pilot)
        assert shown(app.main).id == "nato-ministers-reengage-2008-12-02"


@scenario
async def test_a_log_with_bad_lines_opens_on_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = tracker.dumps_entry(tracker.read_log(tracker.bundled_log()).entries[0]).decode()
    path.write_text(f'{good}\n{{"type": "suspension"}}\nnot json\n', encoding="utf-8")
    app = TrackerApp(path)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        listed = [str(widget.render()) for widget in app.screen.query(".problem")]
        assert len(listed) == 2
        assert listed[0].startswith(f"{path}:2: ")
        assert listed[1].startswith(f"{path}:3: not valid JSON")


@scenario
async def test_an_empty_log_opens_on_an_empty_state(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    app = TrackerApp(path)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        assert main.has_class("-empty")
        assert "has no entries" in str(main.query_one("#empty").render())
        assert main.check_action("next", ()) is None
        await pilot.press("down", "end", "space")
        assert not main.playing


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("2008-12-18", "sg-rogozin-lunch-announced-2008-12-18"),
        ("Bucharest summit", "bucharest-summit-2008"),
    ],
    ids=["date", "entry"],
)
@scenario
async def test_command_palette_goes_to_a_date_or_an_entry(
    nato_log: Path, query: str, entry_id: str
) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        await search_palette(pilot, query)
        await pilot.press("enter")
        await settle(pilot)
        assert shown(app.main).id == entry_id


@scenario
async def test_command_palette_filters_by_type(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        await search_palette(pilot, "Filter by type: suspension")
        await pilot.press("enter")
        await settle(pilot)
        main = app.main
        assert [main.entries[row].id for row in main.rows] == ["nato-suspends-nrc-2008-08"]


@scenario
async def test_command_palette_switches_dyad(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        await search_palette(pilot, "Show dyad EU-RUS")
        await pilot.press("enter")
        await settle(pilot)
        main = app.main
        assert main.story is not None
        assert main.story.dyad == tracker.Dyad("EU", "RUS")
        assert shown(main).id == "eu-resumes-partnership-talks-2008-12-02"


@scenario
async def test_switching_dyad_while_details_compute_shows_the_new_dyad(
    nato_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    app = TrackerApp(nato_log)
    app.main.SLOW = 60  # held details are not slow ones: ask again at once, not at rest
    async with app.run_test() as pilot:
        await settle(pilot)  # the crisis shown, its details computed with the story
        main = app.main
        await pilot.press("home")
        await gate.wait_until_entered(pilot)
        eu = tracker.Dyad("EU", "RUS")
        main.ask_for_dyad(eu)
        await until(pilot, lambda: main.story is not None and main.story.dyad == eu, "the EU dyad")
        assert main.details is None or main.details.entry.parties == eu
        gate.opened.set()
        await settle(pilot)
        assert shown(main).id == "eu-resumes-partnership-talks-2008-12-02"


@scenario
async def test_cancelled_details_are_computed_again(
    nato_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    app = TrackerApp(nato_log)
    app.main.SLOW = 60  # held details are not slow ones: ask again at once, not at rest
    async with app.run_test() as pilot:
        await settle(pilot)  # the crisis shown, its details computed with the story
        main = app.main
        await pilot.press("home")
        await gate.wait_until_entered(pilot)
        app.workers.cancel_group(main, "details")
        await pilot.pause()
        gate.opened.set()
        await settle(pilot)
        assert shown(main).id == main.entries[main.rows[0]].id
        assert main.details.index == main.rows[0] != main.crisis


@scenario
async def test_the_first_state_is_shown_as_folded_with_the_story_not_folded_again(
    nato_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    gate.opened.set()  # nothing held: the gate only tells whether details were computed
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        assert shown(main).id == "nato-suspends-nrc-2008-08"
        assert not gate.entered.is_set()
        await pilot.press("up")
        await settle(pilot)
        assert gate.entered.is_set()
        assert main.details.index == main.rows[main.rows.index(main.crisis) - 1]
