"""The sources of an entry: who reported it, and the article with its quoted sentences lit."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rich.console import Group, RenderableType
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tracker._entries import Entry, Source

__all__ = ["SourcesView", "highlight"]

_QUOTE = "bold black on yellow"


@lru_cache(maxsize=64)
def _article(path: Path) -> str | None:
    """The text of an article, or ``None`` when the file is missing."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def highlight(text: str, quotes: tuple[str, ...]) -> Text:
    """``text`` with every occurrence of each quote highlighted."""
    lit = Text(text)
    for quote in quotes:
        start = text.find(quote)
        while start != -1:
            lit.stylize(_QUOTE, start, start + len(quote))
            start = text.find(quote, start + len(quote))
    return lit


class SourcesView(Static):
    """Outlet, date and headline of each source, then its article with the evidence lit."""

    entry: reactive[Entry | None] = reactive(None, layout=True)
    articles: Path = Path()

    def render(self) -> RenderableType:
        if self.entry is None:
            return Text("")
        quotes = self.entry.quotes()
        parts: list[RenderableType] = []
        for number, source in enumerate(self.entry.sources, start=1):
            parts.append(self._heading(number, source))
            text = _article(self.articles / source.article)
            if text is None:
                parts.append(Text(f"(no article {source.article} beside the log)", style="dim"))
                parts.extend(Text(f"“{quote}”", style=_QUOTE) for quote in source.quotes)
            else:
                parts.append(highlight(text.strip(), quotes))
            parts.append(Text(""))
        return Group(*parts)

    @staticmethod
    def _heading(number: int, source: Source) -> Text:
        published = source.published_on.isoformat() if source.published_on else "undated"
        heading = Text.assemble((f"[{number}] {source.outlet}", "bold cyan"), f" · {published}")
        if source.headline:
            heading.append(f"\n{source.headline}", style="bold")
        return heading
