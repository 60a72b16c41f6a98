"""The sources of an entry, one at a time: who reported it, pinned above the article's body
with the entry's quoted sentences lit."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static
from textual.worker import get_current_worker

from tracker._articles import ArticleError, read_article
from tracker._entries import Entry, Source
from tracker._text import printable
from tracker.tui._evidence import body, highlight, source_heading
from tracker.tui.widgets.panes import Pane

__all__ = ["SourcesView"]


@lru_cache(maxsize=64)
def _article(folder: Path, name: str) -> str | ArticleError:
    """The text of an article, or why it is not shown (missing, refused, too large...)."""
    try:
        return read_article(folder, name)
    except ArticleError as error:
        return error


class SourcesView(Vertical):
    """The source ``number`` of ``entry``: its heading pinned, then its article's body
    paragraph by paragraph, scrolled to the first quoted one."""

    COMPONENT_CLASSES = {"sources--quote"}  # noqa: RUF012 - Textual's own declaration style

    entry: reactive[Entry | None] = reactive(None)
    number: reactive[int] = reactive(0)
    articles: Path = Path()

    def compose(self) -> ComposeResult:
        yield Static(id="source-heading")
        yield Pane(id="source-body")

    @property
    def source(self) -> Source | None:
        """The source shown, if the entry has any."""
        entry = self.entry
        if entry is None or not entry.sources:
            return None
        return entry.sources[min(self.number, len(entry.sources) - 1)]

    def step(self, delta: int) -> None:
        """Show the next (``delta`` 1) or previous (-1) source, if there is one."""
        count = len(self.entry.sources) if self.entry is not None else 0
        if 0 <= self.number + delta < count:
            self.number += delta

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._start, init=False)  # the quotes' style follows it

    def watch_entry(self, entry: Entry | None) -> None:
        if self.number:
            self.number = 0  # its watcher reads the first source
        else:
            self._start()

    def watch_number(self) -> None:
        self._start()

    def _start(self) -> None:
        self.query_one("#source-heading", Static).update(self._heading())
        self._read(self.entry, self.source, self.get_component_rich_style("sources--quote"))

    def _heading(self) -> Text:
        entry, source = self.entry, self.source
        if entry is None:
            return Text("")
        if source is None:
            return Text("no source", style="dim")
        return source_heading(self.number + 1, len(entry.sources), source)

    @work(thread=True, exclusive=True, group="sources")
    def _read(self, entry: Entry | None, source: Source | None, quote: Style) -> None:
        """Read the article and lay out its paragraphs off the UI thread, which a slow file must
        never hold up; show them unless another source was asked for meanwhile."""
        paragraphs = self._paragraphs(entry, source, quote) if entry and source else []
        if not get_current_worker().is_cancelled:
            # Textual types the callback as returning ``R | Awaitable[R]``, which mypy cannot
            # solve for a coroutine function (it infers ``Awaitable[Never]``).
            self.app.call_from_thread(self._show, source, paragraphs)  # type: ignore[arg-type]

    async def _show(self, source: Source | None, paragraphs: list[tuple[Text, str]]) -> None:
        """Show the paragraphs, reusing the widgets already there (stepping is fast)."""
        if source is not self.source:
            return
        pane = self.query_one("#source-body", Pane)
        shown = list(pane.query_children(Static))
        for widget, (content, classes) in zip(shown, paragraphs, strict=False):
            widget.update(content)
            widget.set_classes(classes)
        if len(shown) > len(paragraphs):
            await pane.remove_children(shown[len(paragraphs) :])
        else:
            extra = paragraphs[len(shown) :]
            await pane.mount_all(Static(content, classes=classes) for content, classes in extra)
        self.call_after_refresh(self._show_first_quote)

    def _paragraphs(self, entry: Entry, source: Source, quote: Style) -> list[tuple[Text, str]]:
        quotes = entry.quotes()
        text = _article(self.articles, source.article) if source.article else None
        if text is None or isinstance(text, ArticleError):
            why = text.reason if text is not None else f"cited by its address: {source.url}"
            shown = [(Text(printable(f"(article not shown: {why})"), style="dim"), "note")]
            return shown + [
                (Text(printable(f"“{said}”"), style=quote), "paragraph -quoted")
                for said in source.quotes
            ]
        return [
            (
                highlight(paragraph, quotes, quote),
                "paragraph -quoted" if any(q and q in paragraph for q in quotes) else "paragraph",
            )
            for paragraph in body(source.article, text, quotes)
        ]

    def _show_first_quote(self) -> None:
        pane = self.query_one("#source-body", Pane)
        first = next(iter(pane.query(".-quoted")), None)
        if first is None:
            pane.scroll_home(animate=False)
        else:
            pane.scroll_to_widget(first, animate=False, top=True)
