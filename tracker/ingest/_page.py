"""A news page as copied from the web: its article (headline, body sentences), its outlet, and
the day it was published, told apart from the site's boilerplate."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from functools import cache

from attrs import frozen

from tracker.ingest._data import load, pattern
from tracker.ingest._parties import membership_periods
from tracker.ingest._stamps import Stamp, Trust, find_stamps, stamp_like

__all__ = ["Page", "Publication", "Sentence", "UndatedPageError", "publication", "read_page"]


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
class Page:
    """The parts of a page that matter to a draft."""

    name: str
    text: str
    headline: str
    outlet: str
    city: str
    stamps: tuple[Stamp, ...]
    sentences: tuple[Sentence, ...]
    opening_day: str = ""
    header: tuple[str, ...] = ()

    def with_headline(self) -> tuple[Sentence, ...]:
        """The headline, as a sentence of its own, then the body."""
        if not self.headline:
            return self.sentences
        return (Sentence(self.headline, -1, -1, headline=True), *self.sentences)


@cache
def _boilerplate() -> tuple[re.Pattern[str], ...]:
    return tuple(pattern(source) for source in load("pages")["boilerplate"])


def _outlet(text: str) -> str:
    found: dict[str, str] = {}
    for spec in load("pages")["outlets"]:
        if pattern(spec["pattern"], re.MULTILINE).search(text):
            found.setdefault(spec["kind"], spec["name"])
    site, wire = found.get("site"), found.get("wire")
    if site and wire:
        return f"{site} ({wire})"
    return site or wire or ""


def _named_wire(text: str) -> str:
    """The first wire service the page names as its source."""
    names: list[str] = load("pages")["wires"]
    for name in names:
        source = (
            rf"(?:\(|\[|^|Source: |reported |\(MENAFN- ){re.escape(name)}(?:\)|\]|,| -|\.| /|$)"
        )
        if pattern(source, re.MULTILINE).search(text):
            return name
    return ""


def _wire(agency: str | None) -> str:
    """The agency a wire opening names, without the day or a second source it may add
    ("UrduPoint News / Sputnik - 01st June, 2023" is UrduPoint News)."""
    if not agency:
        return ""
    name = re.split(r" / | - |, ", agency)[0].strip()
    return "" if stamp_like(agency) and not name else name


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
        # A short abbreviation before a last word that ends the sentence is inside a name
        # ("... ambassador Jose Sta. Romana."), not the end of a sentence.
        if re.fullmatch(r"[A-Z][a-z]{1,2}\.", last_word) and re.match(
            r"\s+[A-Z][\w'’-]*[.!?][\"”’)]*(?:\s|$)", paragraph[end:]
        ):
            continue
        pieces.append(candidate.strip())
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        pieces.append(rest)
    return [piece for piece in pieces if piece]


def _is_headline(line: str) -> bool:
    return len(line.split()) <= 20 and not re.search(r"[.!?\"”]$", line)


def _is_title(line: str) -> bool:
    """Whether a header line can be the article's headline: no section label or site name."""
    return _is_headline(line) and len(line.split()) >= load("pages")["headline_words"]


_CLOSED = re.compile(r"[.!?:;\"”’')\]]$")


def _joined(block: list[str]) -> list[str]:
    """The lines of a paragraph block with hard-wrapped lines joined: a line that ends with no
    closing punctuation runs on when the next starts in lower case, or when it is nearly as
    wide as the block and the block is no wider than a printed page."""
    rules = load("pages")
    body_start = pattern(rules["body_start"])
    width = max(len(line) for line in block)
    joined: list[str] = []
    for line in block:
        if (
            joined
            and not _CLOSED.search(joined[-1])
            and not body_start.match(line)
            and not stamp_like(line)
            and not stamp_like(joined[-1])
        ):
            last = joined[-1]
            wrapped = width <= rules["wrap_width"] and len(last) >= rules["wrap_share"] * width
            if line[:1].islower() or wrapped:
                hyphen = last.endswith("-") and last[-2:-1].isalpha() and line[:1].islower()
                joined[-1] = last + line if hyphen else f"{last} {line}"
                continue
        joined.append(line)
    return joined


@frozen
class PageLines:
    """The lines of the article a page holds, and those of them the page shows twice (a title
    repeated as the article's heading)."""

    lines: tuple[str, ...]
    repeated: frozenset[str]


def page_lines(text: str) -> PageLines:
    """The lines of the article a page holds: site chrome, related-article teasers, captions
    and repeats dropped, hard-wrapped lines joined into the paragraphs they were."""
    rules = load("pages")
    teaser = pattern(rules["teaser"])
    blocks: list[list[str]] = [[]]
    dropped: list[str] = []
    text = pattern(rules["stamps"]["leading"]).sub("", text.lstrip(), count=1)
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            blocks.append([])
        elif teaser.match(line):
            _drop_last(blocks)
        elif any(boilerplate.search(line) for boilerplate in _boilerplate()):
            dropped.append(line)
        else:
            blocks[-1].append(line)
    lines: list[str] = []
    repeated: set[str] = set()
    for block in blocks:
        for line in _joined(block) if block else ():
            if line in lines:
                repeated.add(line)
            # A caption shown again with its credit is a caption in both places.
            elif not any(_shown_again(line, other) for other in dropped):
                lines.append(line)
    kept = tuple(line for line in lines if not _banner(line, lines))
    return PageLines(kept, frozenset(repeated))


def _shown_again(line: str, dropped: str) -> bool:
    """Whether a line is shown again in a line dropped as a caption (whole, or from its first
    eight words on, the credit put before it and a word or two changed after)."""
    opening = " ".join(line.split()[:8])
    return line in dropped or (len(line.split()) >= 8 and opening in dropped)


def _drop_last(blocks: list[list[str]]) -> None:
    """Drop the last line kept: the title of a related article its teaser link follows."""
    for block in reversed(blocks):
        if block:
            block.pop()
            return


def _banner(line: str, lines: list[str]) -> bool:
    """Whether a short line is a site's banner run into a title that stands on a line of its
    own ("Metro News US expels ..." above "US expels ...")."""
    return _is_headline(line) and any(
        other != line and _is_headline(other) and line.endswith(" " + other) for other in lines
    )


def _headline(line: str) -> str:
    """A headline without what the site adds around it (``| Site``, "Story highlights", a stamp
    run into its end)."""
    for affix in (*load("pages")["headline_affixes"], load("pages")["stamps"]["run_in"]):
        line = pattern(affix).sub("", line)
    return line.strip()


def read_page(name: str, text: str) -> Page:
    """Split a page into its dateline, headline and body sentences, dropping boilerplate."""
    read = page_lines(text)
    lines = [line for line in read.lines if not stamp_like(line)]
    body_start = pattern(load("pages")["body_start"])
    first = next((at for at, line in enumerate(lines) if body_start.match(line)), None)
    if first is None:
        first = next((at for at, line in enumerate(lines) if not _is_headline(line)), len(lines))
    header, body = lines[:first], lines[first:]
    titles = sorted(
        (line for line in header if _is_title(line)), key=lambda line: line not in read.repeated
    )
    headline = _headline(titles[0]) if titles else ""
    city = opening_day = wire = ""
    if body and (opening := body_start.match(body[0])):
        city = (opening.group("city") or opening.group("town") or "").strip().title()
        opening_day = opening.group("when") or ""
        wire = _wire(opening.group("agency") or opening.group("wire") or opening.group("network"))
        body[0] = body[0][opening.end() :]
    label = pattern(load("pages")["background_label"])
    body = body[:1] + list(itertools.takewhile(lambda line: not label.match(line), body[1:]))
    # Past the opening, a line with no closing punctuation is a subheading or a related link.
    body = body[:1] + [line for line in body[1:] if not _is_headline(line)]
    sentences = [
        Sentence(sentence, 0, paragraph)
        for paragraph, line in enumerate(body)
        for sentence in split_sentences(line)
    ]
    numbered = tuple(
        Sentence(sentence.text, index, sentence.paragraph)
        for index, sentence in enumerate(sentences)
    )
    suffix = pattern(load("pages")["site_suffix"]).search(titles[0]) if titles else None
    return Page(
        name,
        text,
        headline,
        _outlet(text) or wire or _named_wire(text) or (suffix.group("site") if suffix else ""),
        city,
        find_stamps(text),
        numbered,
        opening_day,
        tuple(header),
    )


@frozen
class Publication:
    """The publication date of a page, how it was found, and the page's stamp behind it (or the
    one ``--published`` overrode)."""

    published: date | datetime
    note: str
    stamp: Stamp | None
    overridden: bool = False

    @property
    def day(self) -> date:
        """The day of publication."""
        return self.published.date() if isinstance(self.published, datetime) else self.published


def publication(page: Page, given: date | None) -> Publication:
    """The publication date of the page and the evidence of how it was found.

    The page's own stamp at the top wins; else a "last updated" line the text does not
    contradict; else a date at its foot the text does not contradict; else a site banner's
    "Today" line, which shows the day the page was read rather than its article's. ``given``
    (``--published``) overrides them all, and the evidence says so and what the page showed.
    Raises :class:`UndatedPageError` when there is neither.
    """
    chosen, refused = _chosen(page)
    if given is not None:
        if chosen is None:
            return Publication(
                given, "given with --published; the page shows no trustworthy date", None
            )
        agree = "agrees with" if chosen.day == given else "overrides"
        note = f"given with --published, which {agree} {chosen.describe()}"
        return Publication(given, note, chosen, overridden=chosen.day != given)
    if chosen is None:
        why = "; ".join(refused) or "no publication date on the page"
        if page.opening_day and not refused:
            why = f"the dateline says {page.opening_day!r} without its year"
        msg = f"{page.name}: {why}; give it with --published YYYY-MM-DD"
        raise UndatedPageError(msg)
    how = chosen.describe()
    if chosen.trust is not Trust.PAGE:
        how += ", which the text does not contradict"
    return Publication(chosen.published, how, chosen)


def _chosen(page: Page) -> tuple[Stamp | None, list[str]]:
    """The stamp to trust, by the rules of trust, and why the others were refused."""
    refused: list[str] = []
    for trust in (Trust.PAGE, Trust.UPDATED, Trust.FOOTER, Trust.BANNER):
        for stamp in page.stamps:
            if stamp.trust is not trust:
                continue
            if stamp.readings:
                refused.append(f"{stamp.describe()}; it is not guessed")
                continue
            contradiction = None if trust is Trust.PAGE else _contradiction(page, stamp.day)
            if contradiction is None:
                return stamp, refused
            refused.append(f"its line {stamp.line!r} is no publication date: {contradiction}")
    return None, refused


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
