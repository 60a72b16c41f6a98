"""With an index beside the log, the terminal UI reads the dyad shown through it, and shows
what it shows from the whole log: the same title, timeline, phase, state, changes and
sources at every step; without one, it reads the whole log and builds none."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest
from pilots import scenario, search_palette, settle, until
from rich.console import Console, RenderableType

import tracker
from tracker import dumps_entry
from tracker._index import build_index, index_path
from tracker._synth import synthesize
from tracker.tui import TrackerApp
from tracker.tui.widgets.chart import TimelineChart
from tracker.tui.widgets.panes import ChangesView, PhaseBanner, StateView
from tracker.tui.widgets.sources import SourcesView
from tracker.tui.widgets.timeline import Timeline

SIZE = (160, 48)
#: Keys that step, jump to the ends and by month, and see the state as known then.
KEYS = ("down", "down", "up", "G", "up", "[", "[", "]", "t", "down", "t", "g", "down")


def _text(renderable: RenderableType) -> str:
    console = Console(width=400, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def screen_text(app: TrackerApp) -> dict[str, object]:
    """What the main screen shows of the moment, but the chart (laid out on its own worker)."""
    main = app.main
    timeline = main.query_one(Timeline)
    sources = main.query_one(SourcesView)
    return {
        "title": _text(main.query_one("#title").render()),
        "rows": timeline.rows,
        "timeline": [timeline.render_line(y).text for y in range(timeline.size.height)],
        "banner": _text(main.query_one(PhaseBanner).render()),
        "state": _text(main.query_one(StateView).render()),
        "changes": _text(main.query_one(ChangesView).render()),
        "source": (sources.entry.id if sources.entry else None, sources.source),
    }


async def walk(
    path: Path, keys: Sequence[str], query: str | None = None
) -> list[dict[str, object]]:
    """The screen at opening and after each key (after the filter ``query`` first, if any)."""
    app = TrackerApp(path)
    seen = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.story is not None
        indexed = app.main.story.indexed
        if query is not None:
            app.main.apply_filter(tracker.tui._story.Filter.parse(query))
            await settle(pilot)
        seen.append(screen_text(app))
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
            seen.append(screen_text(app))
    return [{"indexed": indexed}, *seen]


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    """A log long enough to hold stored checkpoints, of two dyads."""
    path = tmp_path / "synthetic.jsonl"
    entries = synthesize(2600, dyads=2, seed=3)
    path.write_bytes(b"".join(dumps_entry(entry) + b"\n" for entry in entries))
    return path


def _same_but_indexed(cold: list[dict[str, object]], warm: list[dict[str, object]]) -> None:
    assert cold[0] == {"indexed": False}
    assert warm[0] == {"indexed": True}
    assert warm[1:] == cold[1:]


@scenario
async def test_stepping_an_indexed_log_shows_what_the_whole_log_shows(nato_log: Path) -> None:
    cold = await walk(nato_log, KEYS)
    assert not index_path(nato_log).exists()  # the UI builds no index unasked
    assert build_index(nato_log) is not None
    _same_but_indexed(cold, await walk(nato_log, KEYS))


@scenario
async def test_a_long_indexed_log_steps_across_its_checkpoints_as_the_whole_log(
    synthetic: Path,
) -> None:
    keys = (*KEYS, "]", "]", "]", "G", *["up"] * 3)
    cold = await walk(synthetic, keys)
    assert build_index(synthetic) is not None
    _same_but_indexed(cold, await walk(synthetic, keys))


@scenario
async def test_a_filter_lists_the_same_entries_through_the_index(nato_log: Path) -> None:
    for query in ("type:council_meeting", "party:EU", "lunch"):
        cold = await walk(nato_log, ("down", "up"), query)
        build_index(nato_log)
        _same_but_indexed(cold, await walk(nato_log, ("down", "up"), query))
        index_path(nato_log).unlink()


@scenario
async def test_an_append_after_the_index_was_built_is_shown(nato_log: Path) -> None:
    assert build_index(nato_log) is not None
    entries = tracker.read_log(nato_log).entries
    last = max((e for e in entries if e.parties == tracker.DEFAULT_DYAD), key=lambda e: e.on)
    tracker.JsonlStore(nato_log).append([attrs.evolve(last, id=f"{last.id}-again")])
    warm = await walk(nato_log, ("G",))
    index_path(nato_log).unlink()
    cold = await walk(nato_log, ("G",))
    _same_but_indexed(cold, warm)


@scenario
async def test_the_chart_of_an_indexed_log_is_the_whole_logs(synthetic: Path) -> None:
    async def chart(path: Path) -> object:
        app = TrackerApp(path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.main.query_one(TimelineChart)
            await until(pilot, lambda: timeline.chronology is not None, "the chart")
            return timeline.chronology

    cold = await chart(synthetic)
    build_index(synthetic)
    assert await chart(synthetic) == cold


@scenario
async def test_the_palette_goes_to_the_same_entries_through_the_index(nato_log: Path) -> None:
    async def went(query: str) -> tuple[bool, str]:
        app = TrackerApp(nato_log)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await search_palette(pilot, query)
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.story is not None
            assert app.main.details is not None
            return app.main.story.indexed, app.main.details.entry.id

    for query in ("Go to lunch", "Go to Bucharest"):
        cold = await went(query)
        build_index(nato_log)
        warm = await went(query)
        index_path(nato_log).unlink()
        assert (cold[0], warm[0]) == (False, True)
        assert warm[1] == cold[1]


@scenario
async def test_the_palette_builds_the_index_and_the_story_is_then_read_through_it(
    nato_log: Path,
) -> None:
    app = TrackerApp(nato_log)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.story is not None
        before = (app.main.story.indexed, screen_text(app))
        await search_palette(pilot, "Build the index")
        await pilot.press("enter")

        def reread() -> bool:
            story = app.main.story
            return (
                story is not None
                and story.indexed
                and not any(not worker.is_finished for worker in app.workers)
            )

        await until(pilot, reread, "the story read through the new index")
        await settle(pilot)
        assert index_path(nato_log).exists()
        assert (app.main.story.indexed, screen_text(app)) == (True, before[1])
        assert before[0] is False
