"""A news page as copied from the web: its article (headline, body sentences), its outlet, and
the day it was published, told apart from the site's boilerplate."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import cache

from attrs import frozen

from tracker.ingest._data import load, pattern
from tracker.ingest._parties import membership_periods

__all__ = ["Page", "Sentence", "UndatedPageError", "publication", "read_page"]


class UndatedPageError(ValueError):
    """A page whose publication date cannot be trusted, and why."""


@frozen
class Sentence:
    """A sentence of the article, verbatim, with where it stands (paragraph 0 is the lead)."""

    text: str
    index: int
    paragraph: int
    headline: bool = False


@frozen
class Dateline:
    """A line that dates the page, and how far to trust it ("page" or "site")."""

    line: str
    published: date | datetime
    trust: str

    @property
    def day(self) -> date:
        """The day of the stamp."""
        return self.published.date() if isinstance(self.published, datetime) else self.published


@frozen
class Page:
    """The parts of a page that matter to a draft."""

    name: str
    text: str
    headline: str
    outlet: str
    city: str
    dateline: Dateline | None
    sentences: tuple[Sentence, ...]

    def with_headline(self) -> tuple[Sentence, ...]:
        """The headline, as a sentence of its own, then the body."""
        if not self.headline:
            return self.sentences
        return (Sentence(self.headline, -1, -1, headline=True), *self.sentences)


@cache
def _boilerplate() -> tuple[re.Pattern[str], ...]:
    return tuple(pattern(source) for source in load("pages")["boilerplate"])


def _dateline(line: str) -> Dateline | None:
    for spec in load("pages")["datelines"]:
        match = pattern(spec["pattern"]).search(line)
        if match:
            return Dateline(line, _stamp(match.groupdict()), spec["trust"])
    return None


def _stamp(groups: dict[str, str | None]) -> date | datetime:
    if groups.get("utc"):
        return datetime.fromisoformat(groups["utc"] or "").replace(tzinfo=UTC)
    month_text = groups["month"] or ""
    months = load("dates")["months"]
    month = int(month_text) if month_text.isdigit() else months[month_text.lower()]
    day = date(int(groups["year"] or 0), month, int(groups["day"] or 0))
    if groups.get("hour"):
        hour = int(groups["hour"] or 0) % 12 + (12 if groups.get("ampm") == "PM" else 0)
        return datetime(day.year, day.month, day.day, hour, int(groups["minute"] or 0))
    return day


def _outlet(text: str) -> str:
    found: dict[str, str] = {}
    for spec in load("pages")["outlets"]:
        if pattern(spec["pattern"], re.MULTILINE).search(text):
            found.setdefault(spec["kind"], spec["name"])
    site, wire = found.get("site"), found.get("wire")
    if site and wire:
        return f"{site} ({wire})"
    return site or wire or ""


_SPLIT = re.compile(r"(?<=[.!?])([\"\u201d\u2019')\]]*)\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load("pages")["abbreviations"])


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, each a verbatim slice of it."""
    pieces: list[str] = []
    start = 0
    for match in _SPLIT.finditer(paragraph):
        end = match.end(1)
        candidate = paragraph[start:end]
        last_word = candidate.rsplit(maxsplit=1)[-1] if candidate.strip() else ""
        if last_word in _abbreviations() or re.fullmatch(r"[A-Z]\.", last_word):
            continue
        pieces.append(candidate.strip())
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        pieces.append(rest)
    return [piece for piece in pieces if piece]


def _is_headline(line: str) -> bool:
    return len(line.split()) <= 20 and not re.search(r"[.!?\"”]$", line)


def read_page(name: str, text: str) -> Page:
    """Split a page into its dateline, headline and body sentences, dropping boilerplate."""
    dateline: Dateline | None = None
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or any(boilerplate.search(line) for boilerplate in _boilerplate()):
            continue
        stamp = _dateline(line) if dateline is None else None
        if stamp:
            dateline = stamp
            continue
        lines.append(line)
    body_start = pattern(load("pages")["body_start"])
    first = next((at for at, line in enumerate(lines) if body_start.match(line)), None)
    if first is None:
        first = next((at for at, line in enumerate(lines) if not _is_headline(line)), len(lines))
    header, body = lines[:first], lines[first:]
    headline = next((line for line in header if _is_headline(line)), "")
    city = ""
    if body and (opening := body_start.match(body[0])):
        city = opening.group("city").strip().title()
        body[0] = body[0][opening.end() :]
    sentences = [
        Sentence(sentence, 0, paragraph)
        for paragraph, line in enumerate(body)
        for sentence in split_sentences(line)
    ]
    numbered = tuple(
        Sentence(sentence.text, index, sentence.paragraph)
        for index, sentence in enumerate(sentences)
    )
    return Page(name, text, headline, _outlet(text), city, dateline, numbered)


def publication(page: Page, given: date | None) -> tuple[date | datetime, str]:
    """The publication date of the page and how it was found.

    ``given`` (``--published``) wins; else a page stamp; else a site's "last updated" line
    that the text does not contradict. Raises :class:`UndatedPageError` otherwise.
    """
    if given is not None:
        return given, "given with --published"
    dateline = page.dateline
    if dateline is None:
        msg = f"{page.name}: no publication date on the page; give it with --published YYYY-MM-DD"
        raise UndatedPageError(msg)
    if dateline.trust == "page":
        return dateline.published, f"dateline {dateline.line!r}"
    contradiction = _contradiction(page, dateline.day)
    if contradiction:
        msg = (
            f"{page.name}: its line {dateline.line!r} is no publication date: {contradiction}; "
            "give the date with --published YYYY-MM-DD"
        )
        raise UndatedPageError(msg)
    return dateline.published, f"site line {dateline.line!r}, which the text does not contradict"


def _contradiction(page: Page, day: date) -> str | None:
    """Why the text cannot have been current on ``day``, if it cannot."""
    rules = load("pages")["anachronisms"]
    for sentence in page.sentences:
        for membership in rules["membership"]:
            for match in pattern(membership).finditer(sentence.text):
                party, count = match.group("party"), int(match.group("count"))
                party = "EU" if party == "European Union" else party
                periods = membership_periods(party, count)
                if periods and not any(start <= day <= end for start, end in periods):
                    spans = ", ".join(f"{start} to {end}" for start, end in periods)
                    return (
                        f"the text speaks of {party} with {count} members, as from {spans} "
                        f"({match.group(0)!r})"
                    )
        if re.search(r"\b(?:19|20)\d\d\b", sentence.text):
            continue
        for episode in rules["episodes"]:
            found = pattern(episode["pattern"]).search(sentence.text)
            if found and day.year - episode["year"] > 1:
                return (
                    f"the text speaks of {found.group(0)!r} ({episode['year']}) without its year, "
                    f"as a recent event"
                )
    return None
