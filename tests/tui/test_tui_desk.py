"""The analyst's desk, driven with a Pilot on the bundled log: panes read by keyboard, sources
stepped through, any day as known on any day, comparisons, exports, citations, settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest
from pilots import scenario, search_palette, settle, until
from rich.color import Color
from rich.segment import Segment
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

import tracker
from tracker import _usage
from tracker._codec import encode_state
from tracker._palette import PHASE_COLOURS, ink
from tracker.tui import TrackerApp
from tracker.tui._evidence import citation
from tracker.tui._export import comparison_text, state_text
from tracker.tui.screens.compare import CompareScreen
from tracker.tui.screens.main import MainScreen
from tracker.tui.widgets.panes import Pane, PhaseBanner
from tracker.tui.widgets.sources import SourcesView

LUNCH_AP = "sg-rogozin-lunch-2008-12-19-ap"


def day(text: str) -> date:
    return tracker.parse_day(text)


def screen_text(pilot: Pilot[object]) -> str:
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def banner(main: MainScreen) -> str:
    return str(main.query_one(PhaseBanner).render())


async def answer(pilot: Pilot[object], key: str, text: str) -> None:
    """Press ``key``, replace the prompt's answer with ``text`` and submit it."""
    await pilot.press(key, "ctrl+a", "ctrl+k", *text, "enter")
    await settle(pilot)


@scenario
async def test_tab_focuses_a_pane_that_the_page_keys_scroll(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        assert main.focused is None
        start = main.cursor
        await pilot.press("tab")
        state = main.query_one("#state-pane", Pane)
        assert main.focused is state
        assert state.styles.border_top[0] == "heavy"  # the focused pane is marked
        assert main.query_one("#changes-pane", Pane).styles.border_top[0] == "solid"
        assert state.max_scroll_y > 0
        await pilot.press("pagedown")
        await until(pilot, lambda: state.scroll_y > 0, "the state pane scrolled down a page")
        await pilot.press("end")
        await until(pilot, lambda: state.scroll_y == state.max_scroll_y, "the pane's end")
        await pilot.press("home")
        await until(pilot, lambda: state.scroll_y == 0, "the pane's top")
        assert main.cursor == start  # Home scrolled the pane, not the timeline
        await pilot.press("down")  # the arrows still step the timeline
        assert main.cursor == start + 1
        await pilot.press("tab", "tab")
        assert main.focused is main.query_one("#source-body", Pane)
        await pilot.press("escape")
        assert main.focused is None
        await pilot.press("home")
        assert main.cursor == 0


@scenario
async def test_sources_are_stepped_through_under_a_pinned_heading(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        entry = main.details.entry
        assert len(entry.sources) > 1
        sources = main.query_one(SourcesView)
        heading = sources.query_one("#source-heading", Static)

        def headed(number: int) -> bool:
            source = entry.sources[number - 1]
            text = str(heading.render())
            return text.startswith(f"source {number} of {len(entry.sources)} · {source.outlet}")

        await until(pilot, lambda: headed(1), "the first source's heading")
        for number in range(2, len(entry.sources) + 1):
            await pilot.press("n")
            await until(pilot, lambda n=number: headed(n), f"source {number}'s heading")
        await pilot.press("n")  # no source after the last
        assert sources.number == len(entry.sources) - 1
        await pilot.press("p")
        await until(pilot, lambda: headed(len(entry.sources) - 1), "the previous source")
        body = sources.query_one("#source-body", Pane)
        await pilot.press("tab", "tab", "tab", "pagedown", "pagedown")
        await until(pilot, lambda: body.scroll_y > 0, "the article scrolled")
        # The heading is not part of what scrolls: it stays above the article.
        assert heading not in body.walk_children()
        assert heading.region.y < body.region.y
        assert heading.region.height >= 1


@scenario
async def test_the_article_shows_its_body_and_lights_only_the_quotes(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        main.go_to(main.entries.index(main.story.replay.entry(LUNCH_AP)))
        await settle(pilot)
        sources = main.query_one(SourcesView)
        await until(pilot, lambda: bool(sources.query(".-quoted")), "the quoted paragraphs")
        paragraphs = [widget.render() for widget in sources.query(".paragraph")]
        texts = [str(paragraph) for paragraph in paragraphs]
        assert not any(text.startswith(("Copyright", "Discussion comments")) for text in texts)
        quotes = main.details.entry.quotes()
        quote_style = sources.get_component_rich_style("sources--quote")
        lit = [
            text.plain[span.start : span.end]
            for text in paragraphs
            for span in getattr(text, "spans", [])
        ]
        assert lit
        assert all(any(piece in quote for quote in quotes) for piece in lit)
        assert quote_style.bgcolor is not None
        cursor = main.query_one("Timeline").get_component_rich_style("timeline--cursor")
        assert quote_style.bgcolor != cursor.bgcolor


@scenario
async def test_any_day_as_known_on_any_day(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        replay = main.story.replay
        await answer(pilot, "d", "2008-12-31")
        assert main.details.day == day("2008-12-31")
        assert main.details.entry.id == "sg-rogozin-lunch-2008-12-19-rferl"
        assert main.details.state == replay.at(day("2008-12-31"))
        assert "2008-12-31 · as it was" in banner(main)
        await answer(pilot, "a", "2008-12-18")
        state = main.details.state
        assert state == replay.at(day("2008-12-31"), known_at=day("2008-12-18"))
        assert "2008-12-31 · as known on 2008-12-18" in banner(main)
        # The lunch announced for the 19th is overdue: paging down the state pane shows it.
        main.query_one("#state-pane").focus()
        seen = []
        for _ in range(12):
            await pilot.pause()
            seen.append("OVERDUE" in screen_text(pilot))
            await pilot.press("pagedown")
        assert any(seen)
        await pilot.press("escape")
        await answer(pilot, "a", "")  # an empty answer: as it was again
        assert main.details.known_at is None
        await answer(pilot, "d", "1999-01-01")  # before every entry: the state before them
        assert main.details.state.applied == 0
        assert "before entry 1" in banner(main)
        await pilot.press("down")
        await settle(pilot)
        assert (main.cursor, main.details.day) == (1, None)  # a step goes back to entries


@scenario
async def test_tui_at_opens_on_that_day(nato_log: Path) -> None:
    app = TrackerApp(nato_log, at=day("2008-12-25"))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.main.details.day == day("2008-12-25")
        assert app.main.details.entry.id == "sg-rogozin-lunch-2008-12-19-rferl"


def test_the_tui_command_takes_a_day() -> None:
    parser = _usage.parser()
    args = parser.parse_args(["tui", "--at", "2008-12-31"])
    assert args.at == day("2008-12-31")
    with pytest.raises(SystemExit):
        parser.parse_args(["tui", "--at", "2008-12-32"])


@scenario
async def test_compare_two_days(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        replay = app.main.story.replay
        await answer(pilot, "d", "2008-12-18")
        await pilot.press("c", "ctrl+a", "ctrl+k", *"2009-01-26", "enter")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await until(pilot, lambda: compare.second is not None, "state B")
        assert compare.first == replay.at(day("2008-12-18"))
        assert compare.second == replay.at(day("2009-01-26"))
        await pilot.pause()
        text = screen_text(pilot)
        assert "A: NATO-RUS · 2008-12-18 · as it was" in text
        assert "B: NATO-RUS · 2009-01-26 · as it was" in text
        assert "~ phase: reengagement_decided → informal_council" in text
        await pilot.press("escape")
        assert app.screen is app.main


@scenario
async def test_compare_two_dyads(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot, "d", "2008-12-31")
        await search_palette(pilot, "Compare with dyad EU-RUS")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await until(pilot, lambda: compare.second is not None, "state B")
        eu = tracker.Replay(tracker.read_log(nato_log), dyad=tracker.Dyad("EU", "RUS"))
        assert compare.second == eu.at(day("2008-12-31"))
        assert compare.first.dyad == tracker.DEFAULT_DYAD


@scenario
async def test_export_the_state_and_the_comparison(
    nato_log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = TrackerApp(nato_log)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        await answer(pilot, "d", "2008-12-31")
        await answer(pilot, "a", "2008-12-18")
        state = main.details.state
        await pilot.press("x", "enter")  # the name offered, Markdown
        markdown = work / "NATO-RUS-2008-12-31-known-2008-12-18.md"
        await until(pilot, markdown.exists, "the Markdown export")
        await until(pilot, lambda: markdown.read_text() == state_text(state, ".md"), "its text")
        await answer(pilot, "x", "state.json")
        exported = work / "state.json"
        await until(pilot, lambda: exported.exists() and exported.stat().st_size > 0, "JSON")
        await until(
            pilot,
            lambda: (
                orjson.loads(exported.read_bytes())
                == orjson.loads(orjson.dumps(encode_state(state)))
            ),
            "the whole state in JSON",
        )
        await answer(pilot, "x", "../outside.md")
        assert not (tmp_path / "outside.md").exists()
        await answer(pilot, "x", "state.json")  # taken: refused, the first kept
        assert orjson.loads(exported.read_bytes())["known_at"] == "2008-12-18"
        await pilot.press("c", "ctrl+a", "ctrl+k", *"2009-01-26", "enter")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await until(pilot, lambda: compare.second is not None, "state B")
        await pilot.press("x", "ctrl+a", "ctrl+k", *"both.md", "enter")
        both = work / "both.md"
        expected = comparison_text(compare.first, compare.second, ".md")
        await until(pilot, lambda: both.exists() and both.read_text() == expected, "comparison")


@scenario
async def test_copy_the_citation_of_the_source_shown(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        main = app.main
        main.go_to(main.entries.index(main.story.replay.entry(LUNCH_AP)))
        await settle(pilot)
        await pilot.press("y")
        entry = main.details.entry
        assert app.clipboard == citation(entry, entry.sources[0])
        assert entry.sources[0].quotes[0] in app.clipboard
        assert app.clipboard.endswith(f"(entry {LUNCH_AP})")


@scenario
async def test_a_screenshot_is_saved_in_the_working_folder(
    nato_log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home-without-downloads"))
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        app.action_screenshot()
        await until(pilot, lambda: any(tmp_path.glob("*.svg")), "the screenshot")
        # The file is written on a thread that then reports back: wait for its notice, so the
        # app does not stop with the report still on its way.
        await until(pilot, lambda: len(app._notifications) > 0, "the notice of the screenshot")


@scenario
async def test_the_theme_chosen_is_kept_for_the_next_run(
    nato_log: Path, settings_home: Path
) -> None:
    default = TrackerApp(nato_log).theme
    assert default != "textual-light"
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await pilot.pause()
    saved = settings_home / "tracker" / "settings.json"
    assert orjson.loads(saved.read_bytes()) == {"theme": "textual-light"}
    again = TrackerApp(nato_log)
    async with again.run_test() as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"
    saved.write_text("not json")  # a damaged file: the default theme, and no failure
    third = TrackerApp(nato_log)
    async with third.run_test() as pilot:
        await settle(pilot)
        assert third.theme == default


@scenario
async def test_space_reads_play_then_pause(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    app.main.PLAY_INTERVAL = 60
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        footer = screen_text(pilot).splitlines()[-1]
        assert "␣ Play" in footer
        assert "Pause" not in footer
        await pilot.press("space")
        await pilot.pause()
        footer = screen_text(pilot).splitlines()[-1]
        assert "␣ Pause" in footer
        assert "Play" not in footer
        await pilot.press("space")
        assert not app.main.playing


@scenario
async def test_the_title_counts_the_entries_the_filter_lists(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await answer(pilot, "slash", "lunch")
        title = str(app.main.query_one("#title", Static).render())
        assert len(app.main.rows) == 3
        assert "3 of 8 entries listed (filter: lunch)" in title


@scenario
async def test_without_colours_the_phase_is_reversed(
    nato_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        phase = app.main.query_one(PhaseBanner)
        rendered = phase.render()
        assert isinstance(rendered, Text)
        assert rendered.plain.startswith("SUSPENDED ")
        assert phase.styles.text_style.reverse


@scenario
async def test_the_phase_is_a_bar_of_its_colour(nato_log: Path) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test() as pilot:
        await settle(pilot)
        phase = app.main.query_one(PhaseBanner)
        colour = PHASE_COLOURS[tracker.Phase.SUSPENDED]
        assert phase.styles.background.hex == colour.upper()
        assert phase.styles.color.hex == ink(colour).upper()
        await answer(pilot, "d", "2009-01-26")
        assert phase.styles.background.hex == PHASE_COLOURS[tracker.Phase.INFORMAL_COUNCIL].upper()


@scenario
async def test_a_log_that_cannot_be_read_fails_the_run(tmp_path: Path) -> None:
    app = TrackerApp(tmp_path / "missing.jsonl")
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.failed


def _luminance(colour: Color) -> float:
    def linear(value: int) -> float:
        channel = value / 255
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.get_truecolor()
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def _label_contrast(segment: Segment) -> float:
    """The contrast of a type label's text with the cell under it, as drawn."""
    style = segment.style
    assert style is not None
    assert style.color is not None
    assert style.bgcolor is not None
    ink, paper = (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
    first, second = _luminance(ink), _luminance(paper)
    return (max(first, second) + 0.05) / (min(first, second) + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@scenario
async def test_the_cursor_row_keeps_its_type_label_readable(nato_log: Path, theme: str) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=(120, 30)) as pilot:
        app.theme = theme
        await settle(pilot)
        main = app.main
        for index in range(len(main.entries)):
            main.go_to(index)
            await pilot.pause()
            rows = [list(strip) for strip in app.screen._compositor.render_strips()[1:10]]
            cursor = next(row for row in rows if row[0].text == "▶")
            label = cursor[2]
            # As readable as on a row off the cursor (the same pair of colours), and readable.
            plain = [row[2] for row in rows if row[0].text == " " and row[2].text == label.text]
            assert _label_contrast(label) >= 2.5, (theme, label)
            for same in plain:
                assert _label_contrast(label) >= _label_contrast(same) - 0.01, (theme, label)
