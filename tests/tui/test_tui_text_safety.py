"""Data is text in the terminal UI: what a log or an article holds never reaches the screen as
a control sequence, and is never read as markup (a style, a link, an action)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hostile import broken, hostile_texts, unsafe, write_log
from hypothesis import given, settings
from hypothesis import strategies as st
from pilots import scenario, search_palette, settle, until
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from tracker._text import printable
from tracker.tui import TrackerApp
from tracker.tui._story import Filter
from tracker.tui.widgets.sources import highlight

SHORT = "T [b]x[/b] \x1b[2J [/] \u202eend"
#: Wide enough that the state pane shows a stance on one line.
SIZE = (240, 48)


def screen_text(app: App[object]) -> str:
    """The text of the screen as it is drawn, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def made_by_markup(style: Style) -> bool:
    """Whether ``style`` holds what only markup in :data:`hostile.FRAGMENTS` makes:
    a link, a click action, blinking, or the colours #123456 on #abcdef."""
    colours = {
        colour.get_truecolor().hex
        for colour in (style.color, style.bgcolor)
        if colour is not None and not colour.is_default
    }
    clicks = style.meta.get("@click") if style.meta else None
    return bool(style.link or clicks or style.blink or colours & {"#123456", "#abcdef"})


def markup_styles(app: App[object]) -> set[Style]:
    """The styles on the screen that markup made."""
    strips = app.screen._compositor.render_strips()
    return {
        segment.style
        for strip in strips
        for segment in strip
        if segment.style is not None and made_by_markup(segment.style)
    }


def assert_safe(app: App[object]) -> None:
    assert unsafe(screen_text(app)) == set()
    assert markup_styles(app) == set()


def lit(text: Text) -> list[str]:
    """The parts of ``text`` that are lit as quotes."""
    return [text.plain[span.start : span.end] for span in text.spans if span.style]


def test_highlight_lights_quotes_in_the_text_made_printable() -> None:
    text = highlight("a\x1b[2J said: one two\tthree.\r\nNext", ("one two", "two\tthree", "Next"))
    assert text.plain == "a\\x1b[2J said: one two\tthree.\nNext"
    assert "".join(lit(text)) == "one two\tthreeNext"  # overlapping quotes lit once


class Marked(App[None]):
    """Markup shown as markup, to show that :func:`markup_styles` sees it."""

    def compose(self) -> ComposeResult:
        yield Static('[link="https://example.org"]l[/link] [blink]b[/blink] [#123456]c[/]')
        yield Static("[@click=app.bell]q[/] [on #abcdef]d[/]")


@scenario
async def test_markup_styles_are_seen_when_markup_is_read() -> None:
    app = Marked()
    async with app.run_test() as pilot:
        await pilot.pause()
        seen = markup_styles(app)
        assert any(style.link for style in seen)
        assert any(style.blink for style in seen)
        assert any(style.meta.get("@click") for style in seen if style.meta)
        assert len(seen) >= 4


@scenario
async def test_the_timeline_shows_a_title_as_text(tmp_path: Path) -> None:
    app = TrackerApp(write_log(tmp_path, SHORT, "A sentence.", "Text."))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert f"MEET {printable(SHORT)}" in screen_text(app)
        assert_safe(app)


@scenario
async def test_the_state_and_changes_panes_show_a_stance_as_text(tmp_path: Path) -> None:
    app = TrackerApp(write_log(tmp_path, SHORT, "A sentence.", "Text."))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        text = screen_text(app)
        assert f"RUS georgia war {printable(SHORT)}" in text
        assert f"+ stances.RUS.georgia_war: {printable(SHORT)}" in text
        assert_safe(app)


@scenario
async def test_the_sources_pane_shows_outlet_headline_and_article_as_text(tmp_path: Path) -> None:
    app = TrackerApp(write_log(tmp_path, SHORT, SHORT, f"Before {SHORT}\x07 after."))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        heading = f"source 1 of 1 · {printable(SHORT)} · 2008-12-19 · {printable(SHORT)}"
        await until(pilot, lambda: heading in screen_text(app), "the source's heading")
        assert f"Before {printable(SHORT)}\\x07 after." in screen_text(app)
        assert_safe(app)


@scenario
async def test_the_problems_screen_shows_problems_as_text(tmp_path: Path) -> None:
    app = TrackerApp(broken(write_log(tmp_path, "A title.", "A sentence.", "Text."), SHORT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await until(pilot, lambda: "2 problems" in screen_text(app), "the problems screen")
        assert "[b]x[/b] \\x1b[2J [/]" in screen_text(app)
        assert_safe(app)


@scenario
async def test_notifications_and_the_title_show_a_query_as_text(tmp_path: Path) -> None:
    app = TrackerApp(write_log(tmp_path, SHORT, "A sentence.", "Text."))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.main.apply_filter(Filter.parse("[/]\x1b[2J"))
        await until(pilot, lambda: "No entry matches" in screen_text(app), "the notification")
        assert "No entry matches “[/]\\x1b[2j”." in screen_text(app)
        app.main.apply_filter(Filter.parse("[b]x[/b]"))
        await pilot.pause()
        assert "1 of 2 entries listed (filter: [b]x[/b])" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one(Input).value = "[/]"
        await pilot.press("enter")
        await until(pilot, lambda: "'[/]'" in screen_text(app), "the date's error")
        assert_safe(app)


@scenario
async def test_the_palette_shows_titles_as_text(tmp_path: Path) -> None:
    app = TrackerApp(write_log(tmp_path, SHORT, "A sentence.", "Text."))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_palette(pilot, "x1b")
        assert f"Go to 2008-12-19 {printable(SHORT)}" in screen_text(app)
        assert_safe(app)


@settings(max_examples=25, deadline=None)
@given(
    text=hostile_texts(),
    quote=hostile_texts(returns=False),
    article=hostile_texts(),
    bad=st.booleans(),
)
@scenario
async def test_no_data_acts_on_the_terminal_or_is_read_as_markup_in_the_ui(
    text: str, quote: str, article: str, bad: bool
) -> None:
    """The main screen on the entry (its panes, its article, a notification, the title with a
    filter), or the problems screen of the log with two bad lines."""
    with tempfile.TemporaryDirectory() as folder:
        log = write_log(Path(folder), text, quote, article)
        app = TrackerApp(broken(log, text) if bad else log)
        async with app.run_test(size=(200, 60), notifications=True) as pilot:
            if bad:
                await until(pilot, lambda: "2 problems" in screen_text(app), "the problems screen")
                assert_safe(app)
                return
            await settle(pilot)
            await pilot.press("down")
            await settle(pilot)
            await until(pilot, lambda: bool(app.main.query(".paragraph")), "the paragraphs")
            assert_safe(app)
            app.main.apply_filter(Filter.parse(text))
            await pilot.pause()
            assert_safe(app)
