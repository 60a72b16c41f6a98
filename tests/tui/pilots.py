"""Running Pilot scenarios and waiting for the app to settle or for a condition to hold."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

#: How many short pauses :func:`until` waits at most (about five seconds on an idle machine).
TRIES = 500


def scenario(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test (a Pilot scenario) to completion in its own event loop."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the log is loaded and the panes show the cursor's details (slow details are
    computed only once the cursor has rested: no worker may be running in the meantime)."""

    def settled() -> bool:
        if any(not worker.is_finished for worker in pilot.app.workers):
            return False
        main = getattr(pilot.app, "main", None)
        if main is None or main.story is None or main.story.replay is None:
            return True
        details = main.details
        return details is not None and (details.index, details.day, details.known_at) == (
            main.moment
        )

    await pilot.pause()
    await until(pilot, settled, "the details of the cursor")
    await pilot.pause()


async def until(pilot: Pilot[object], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition`` holds; fail, saying ``what`` never came, if it does not
    within :data:`TRIES` pauses."""
    for _ in range(TRIES):
        if condition():
            return
        await pilot.pause(0.01)
    msg = f"{what} never came"
    raise AssertionError(msg)


async def search_palette(pilot: Pilot[object], query: str) -> None:
    """Open the command palette, type ``query``, and wait until the search has listed its hits."""
    await pilot.press("ctrl+p", *query)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)

    def listed() -> bool:
        searching = any(
            worker.node is palette and not worker.is_finished for worker in pilot.app.workers
        )
        return not searching and palette.query_one(CommandList).option_count > 0

    await until(pilot, listed, f"a hit in the command palette for {query!r}")
