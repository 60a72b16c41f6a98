"""The evidence of an entry, computed without Textual: an article's body, its quotes lit, and
the citation of a quoted sentence."""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style
from rich.text import Text

from tracker._entries import Entry, Source
from tracker._text import printable

__all__ = ["body", "citation", "highlight", "source_heading"]


def body(name: str, text: str, quotes: tuple[str, ...]) -> list[str]:
    """The paragraphs of the article's body, without the site's boilerplate (menus, headline,
    bylines, copyright, comments), as the ingest reads a page; a paragraph that holds a quote
    is always kept, and an article with no body found is shown whole."""
    paragraphs = [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]
    firsts = _first_sentences(name, text)
    kept, wanted = [], 0
    for paragraph in paragraphs:
        starts_body = wanted < len(firsts) and firsts[wanted] in paragraph
        while wanted < len(firsts) and firsts[wanted] in paragraph:
            wanted += 1  # a paragraph of several lines holds several lines of the body
        if starts_body or any(quote and quote in paragraph for quote in quotes):
            kept.append(paragraph)
    return kept or paragraphs


@lru_cache(maxsize=16)
def _first_sentences(name: str, text: str) -> tuple[str, ...]:
    """The first sentence of each line of the body, in order (kept for the articles read
    last: stepping back and forth reads them again)."""
    from tracker.ingest._page import read_page  # noqa: PLC0415 - not on the way to the first state

    firsts: dict[int, str] = {}
    for sentence in read_page(name, text).sentences:
        firsts.setdefault(sentence.paragraph, sentence.text)
    return tuple(firsts[line] for line in sorted(firsts))


def highlight(text: str, quotes: tuple[str, ...], style: Style | str = "reverse") -> Text:
    """``text`` made printable (its line breaks kept), every occurrence of each quote in
    ``style``."""
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
            lit.append(printable(text[max(start, shown) : end], lines=True), style=style)
            shown = end
    lit.append(printable(text[shown:], lines=True))
    return lit


def source_heading(number: int, count: int, source: Source) -> Text:
    """``source k of N · outlet · date · headline``, as text."""
    published = source.published_on.isoformat() if source.published_on else "undated"
    heading = Text.assemble(
        (f"source {number} of {count}", "bold"),
        " · ",
        (printable(source.outlet), "bold"),
        f" · {published}",
    )
    if source.headline:
        heading.append(f" · {printable(source.headline)}", style="italic")
    return heading


def citation(entry: Entry, source: Source) -> str:
    """A citation of the source's evidence: each quote, then outlet, date and the entry's id."""
    published = source.published_on.isoformat() if source.published_on else "undated"
    said = " ".join(f"“{quote}”" for quote in dict.fromkeys(source.quotes))
    cited = f"{source.outlet}, {published}"
    if source.headline:
        cited += f", “{source.headline}”"
    if source.url:
        cited += f", {source.url}"
    parts = [said, f"— {cited} (entry {entry.id})"] if said else [f"{cited} (entry {entry.id})"]
    return printable(" ".join(parts))
