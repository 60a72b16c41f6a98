"""The command palette: go to an entry or a date, filter by type, show or compare another
dyad, index the log."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tracker._dates import parse_day
from tracker._entries import entry_types
from tracker._text import printable
from tracker.tui._story import Filter, Story
from tracker.tui.screens.main import MainScreen

__all__ = ["TrackerCommands"]

#: At most this many entries are offered for one query: the palette stays quick on long logs.
MOST_ENTRIES = 40
#: The search lets the app draw and take keys after this many entries (a log read through its
#: index decodes them as the search goes).
BATCH = 256


def _lit(matcher: Matcher, text: str) -> Content:
    """``text`` as plain content (never read as markup), the letters the query matched lit."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class TrackerCommands(Provider):
    """Commands on the log shown by the main screen."""

    def _loaded(self) -> tuple[MainScreen, Story] | None:
        """The main screen and the story it shows, once its log is loaded."""
        main = getattr(self.app, "main", None)
        if isinstance(main, MainScreen) and main.story is not None:
            return main, main.story
        return None

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """The fixed commands: filters by type, clearing the filter, switching dyads."""
        loaded = self._loaded()
        if loaded is None:
            return []
        main, story = loaded
        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                f"Filter by type: {name}",
                partial(main.apply_filter, Filter(types=(name,))),
                f"List only the {name.replace('_', ' ')} entries",
            )
            for name in entry_types()
        ]
        commands.append(
            ("Clear the filter", partial(main.apply_filter, Filter()), "List every entry")
        )
        if not story.indexed and story.path.suffix == ".jsonl":
            commands.append(
                (
                    "Build the index of the log",
                    main.build_index,
                    f"Index {story.path.name} so that it opens without reading it whole",
                )
            )
        commands.extend(
            (
                f"Show dyad {dyad}",
                partial(main.ask_for_dyad, dyad),
                f"Replay the {dyad} relationship",
            )
            for dyad in story.dyads
            if dyad != story.dyad
        )
        commands.extend(
            (
                f"Compare with dyad {dyad}",
                partial(main.compare_with_dyad, dyad),
                f"The {story.dyad} state shown beside the {dyad} state on the same day",
            )
            for dyad in story.dyads
            if dyad != story.dyad
        )
        return commands

    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        loaded = self._loaded()
        if loaded is None:
            return
        main, story = loaded
        matcher = self.matcher(query)
        words = query.split()
        if words and words[-1][:4].isdigit():
            try:
                day = parse_day(words[-1])
            except ValueError:
                pass
            else:
                yield Hit(
                    1.0,
                    f"Go to date {day}",
                    partial(main.go_to_date, day),
                    help="The last entry on or before that day",
                )
        for text, command, help_text in self._commands():
            if (score := matcher.match(text)) > 0:
                yield Hit(score, _lit(matcher, text), command, text=text, help=help_text)
        offered = 0
        for index, entry in enumerate(story.entries):
            if index and not index % BATCH:
                await asyncio.sleep(0)
            text = printable(f"Go to {entry.on} {entry.title}")
            if (score := matcher.match(text)) > 0:
                yield Hit(
                    score,
                    _lit(matcher, text),
                    partial(main.go_to, index),
                    text=text,
                    help=entry.id,
                )
                offered += 1
                if offered == MOST_ENTRIES:
                    return
