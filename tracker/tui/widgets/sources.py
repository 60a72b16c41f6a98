"""The sources of an entry: who reported it, and the article with its quoted sentences lit."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from rich.text import Text
from textual import work
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static
from textual.worker import get_current_worker

from tracker._articles import ArticleError, read_article
from tracker._entries import Entry, Source
from tracker._text import printable

__all__ = ["SourcesView", "highlight"]

_QUOTE = "bold black on yellow"


@lru_cache(maxsize=64)
def _article(folder: Path, name: str) -> str | ArticleError:
    """The text of an article, or why it is not shown (missing, refused, too large...)."""
    try:
        return read_article(folder, name)
    except ArticleError as error:
        return error


def highlight(text: str, quotes: tuple[str, ...]) -> Text:
    """``text`` made printable (its line breaks kept), every occurrence of each quote lit."""
    spans = []
    for quote in filter(None, quotes):
        start = text.find(quote)
        while start != -1:
            spans.append((start, start + len(quote)))
            start = text.find(quote, start + len(quote))
    lit, shown = Text(), 0
    for start, end in sorted(spans):
        if end > shown:
            lit.append(printable(text[shown:start], lines=True))
            lit.append(printable(text[max(start, shown) : end], lines=True), style=_QUOTE)
            shown = end
    lit.append(printable(text[shown:], lines=True))
    return lit


def _heading(number: int, source: Source) -> Text:
    published = source.published_on.isoformat() if source.published_on else "undated"
    outlet = printable(source.outlet)
    heading = Text.assemble((f"[{number}] {outlet}", "bold cyan"), f" · {published}")
    if source.headline:
        heading.append(f" · {printable(source.headline)}", style="bold")
    return heading


class SourcesView(VerticalScroll, can_focus=False):
    """Each source's outlet, date and headline, then its article paragraph by paragraph with
    the entry's evidence lit, scrolled to the first quoted paragraph."""

    entry: reactive[Entry | None] = reactive(None)
    articles: Path = Path()

    def watch_entry(self, entry: Entry | None) -> None:
        self._read(entry)

    @work(thread=True, exclusive=True, group="sources")
    def _read(self, entry: Entry | None) -> None:
        """Read the entry's articles and lay out its paragraphs off the UI thread, which a slow
        file must never hold up; show them unless another entry was asked for meanwhile."""
        paragraphs = list(self._paragraphs(entry)) if entry is not None else []
        if not get_current_worker().is_cancelled:
            # Textual types the callback as returning ``R | Awaitable[R]``, which mypy cannot
            # solve for a coroutine function (it infers ``Awaitable[Never]``).
            self.app.call_from_thread(self._show, entry, paragraphs)  # type: ignore[arg-type]

    async def _show(self, entry: Entry | None, paragraphs: list[tuple[Text, str]]) -> None:
        """Show the paragraphs, reusing the widgets already there (stepping is fast)."""
        if entry != self.entry:
            return
        shown = list(self.query_children(Static))
        for widget, (content, classes) in zip(shown, paragraphs, strict=False):
            widget.update(content)
            widget.set_classes(classes)
        if len(shown) > len(paragraphs):
            await self.remove_children(shown[len(paragraphs) :])
        else:
            extra = paragraphs[len(shown) :]
            await self.mount_all(Static(content, classes=classes) for content, classes in extra)
        self.call_after_refresh(self._show_first_quote)

    def _paragraphs(self, entry: Entry) -> Iterator[tuple[Text, str]]:
        quotes = entry.quotes()
        for number, source in enumerate(entry.sources, start=1):
            yield _heading(number, source), "source-heading"
            text = _article(self.articles, source.article)
            if isinstance(text, ArticleError):
                note = Text(printable(f"(article not shown: {text.reason})"), style="dim")
                yield note, "source-missing"
                for quote in source.quotes:
                    yield Text(printable(f"“{quote}”"), style=_QUOTE), "paragraph -quoted"
                continue
            for paragraph in text.split("\n\n"):
                if not paragraph.strip():
                    continue
                quoted = any(quote in paragraph for quote in quotes)
                yield (
                    highlight(paragraph.strip(), quotes),
                    "paragraph -quoted" if quoted else "paragraph",
                )

    def _show_first_quote(self) -> None:
        first = next(iter(self.query(".-quoted")), None)
        if first is None:
            self.scroll_home(animate=False)
        else:
            self.scroll_to_widget(first, animate=False, top=True)
