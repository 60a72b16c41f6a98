"""The dates a page shows of itself: publication stamps, "last updated" lines, footers.

Our own patterns read the stamps whose meaning they know; any other short line holding a year
is read with ``dateparser``, which knows the date formats of web pages in many languages. Each
stamp keeps its line and its place on the page, for the rules of trust that choose among them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache

from attrs import frozen

from tracker.ingest._data import load, pattern

__all__ = ["Stamp", "Trust", "find_stamps", "stamp_like"]


class Trust(StrEnum):
    """How far a stamp is trusted: a stamp at the top, a "last updated" line (which a site
    migration may have rewritten), a date at the foot of the page, or a site banner's "Today"
    line (the day the page was read)."""

    PAGE = "page"
    UPDATED = "updated"
    FOOTER = "footer"
    BANNER = "banner"


@frozen
class Stamp:
    """A date the page shows: the day (with its time when shown), its line, where it stands;
    ``readings`` are the two days an all-numeric date may be (``05-08-2022``) when the page
    does not show whether it writes the day or the month first, and then ``published`` is
    neither."""

    published: date | datetime
    line: str
    number: int
    trust: Trust
    readings: tuple[date, ...] = ()

    @property
    def day(self) -> date:
        """The day of the stamp."""
        return self.published.date() if isinstance(self.published, datetime) else self.published

    def describe(self) -> str:
        """The stamp as evidence: its kind, its line and line number, its day."""
        kind = {
            Trust.PAGE: "the page's stamp",
            Trust.UPDATED: "a 'last updated' line",
            Trust.FOOTER: "a date at the foot of the page",
            Trust.BANNER: "a site banner's day, the day the page was read",
        }[self.trust]
        if self.readings:
            days = " or ".join(map(str, self.readings))
            return (
                f"{kind} {self.line!r} (line {self.number}): {days}, as the page does not show "
                f"whether it writes the day or the month first"
            )
        return f"{kind} {self.line!r} (line {self.number}): {self.day}"


def stamp_like(line: str) -> bool:
    """Whether a line is short (separators such as "|" are no words) and holds a year: a
    candidate stamp, never part of a sentence."""
    rules = load("pages")["stamps"]
    words = [word for word in line.split() if any(char.isalnum() for char in word)]
    return len(words) <= rules["max_words"] and bool(pattern(rules["year"]).search(line))


def find_stamps(text: str) -> tuple[Stamp, ...]:
    """Every stamp of the page, in the order of its lines: the page's own before its first
    paragraph (or in its first lines), a footer's after its last."""
    rules = load("pages")["stamps"]
    lines = [line.strip() for line in text.splitlines()]
    numbered = [(number, line) for number, line in enumerate(lines, 1) if line]
    opening = pattern(load("pages")["body_start"])
    paragraphs = [
        at for at, (_, line) in enumerate(numbered) if len(line.split()) > rules["max_words"]
    ]
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (len(numbered), -1)
    day_first = _day_first(text)
    stamps = []
    for at, (number, line) in enumerate(numbered):
        candidate = shown = line
        if at == 0 and (leading := pattern(rules["leading"]).match(line)):
            candidate = shown = leading.group(0)
        elif not stamp_like(line):
            # A wire opening may carry the day in its agency's brackets, or open on a dateline;
            # a label may be run into the end of the line before it.
            found = opening.match(line) or pattern(rules["dateline"]).match(line)
            candidate = (found.group("agency") or "") if found else ""
            if run_in := pattern(rules["run_in"]).search(line):
                candidate = run_in.group(0)
            if not pattern(rules["year"]).search(candidate):
                continue
        # A banner's label is no part of its day: read as a word, "Today" is the clock's day.
        banner = pattern(rules["banner_today"], re.IGNORECASE).match(candidate)
        if banner:
            candidate = candidate[banner.end() :]
        known, trust_of_known = _known(candidate)
        published = known or _parsed(_tidy(candidate)) or _numeric_day(candidate)
        if published is None:
            continue
        readings: tuple[date, ...] = ()
        if known is None:
            order = day_first if day_first is not None else _day_first_by_zone(candidate)
            published, readings = _numeric(candidate, published, order)
        if trust_of_known is not None:
            trust = trust_of_known
        elif banner:
            trust = Trust.BANNER
        elif pattern(rules["updated"], re.IGNORECASE).search(candidate):
            trust = Trust.UPDATED
        elif at <= first or (at < last and at < rules["top_lines"]):
            trust = Trust.PAGE
        else:
            trust = Trust.FOOTER
        stamps.append(Stamp(published, shown, number, trust, readings))
    return tuple(stamps)


def _tidy(line: str) -> str:
    """The line as a date parser reads it: a label's colon against its word ("Published :"),
    a date apart from a word run into it ("2017Moscow")."""
    line = re.sub(r"(?<=\w) +:", ":", line)
    return re.sub(r"(?<=\d)(?=[A-Z][a-z])", " ", line)


#: An all-numeric date: two numbers of one or two digits and a year, one separator.
_NUMERIC = (
    r"(?<![\d./-])(?P<first>\d{1,2})(?P<sep>[-/.])(?P<second>\d{1,2})(?P=sep)"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def _numeric_day(line: str) -> date | None:
    """The first all-numeric date of a line the date parser could not read, day first (the
    order is settled afterwards, as the page shows it)."""
    match = pattern(_NUMERIC).search(line)
    if match is None:
        return None
    day, month, year = (int(match.group(key)) for key in ("first", "second", "year"))
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, day, month) if day <= 12 else None


def _day_first(text: str) -> bool | None:
    """Whether the page writes its all-numeric dates day first, as one of them shows by a number
    above 12 in first place (or second place for month first); None when none shows it, or when
    they disagree."""
    orders = {
        int(match.group("first")) > 12
        for match in pattern(_NUMERIC).finditer(text)
        if (int(match.group("first")) > 12) != (int(match.group("second")) > 12)
    }
    return orders.pop() if len(orders) == 1 else None


def _day_first_by_zone(line: str) -> bool | None:
    """Whether the time zone the line shows is of a country that writes the day first, or of
    one that writes the month first; None when it shows none of them."""
    rules = load("pages")["stamps"]
    zones = set(re.findall(r"\b[A-Z]{2,4}\b", line))
    if zones & set(rules["month_first_zones"]):
        return False
    return True if zones & set(rules["day_first_zones"]) else None


def _numeric(
    line: str, parsed: date | datetime, day_first: bool | None
) -> tuple[date | datetime, tuple[date, ...]]:
    """The day of an all-numeric date in the order the page writes them; both readings when
    the order is unknown and each number could be the month."""
    match = pattern(_NUMERIC).search(line)
    if match is None:
        return parsed, ()
    first, second, year = (int(match.group(key)) for key in ("first", "second", "year"))
    if day_first is None and first != second and max(first, second) <= 12:
        return parsed, (date(year, second, first), date(year, first, second))
    if day_first is None:
        day_first = first > 12
    day, month = (first, second) if day_first else (second, first)
    try:
        shown = date(year, month, day)
    except ValueError:
        return parsed, ()
    if isinstance(parsed, datetime):
        return parsed.replace(year=shown.year, month=shown.month, day=shown.day), ()
    return shown, ()


def _known(line: str) -> tuple[date | datetime | None, Trust | None]:
    """A stamp in one of the formats our own patterns read (such as a UTC time after a local
    one, which a general parser would not prefer), and the trust its format deserves."""
    for spec in load("pages")["datelines"]:
        match = pattern(spec["pattern"]).search(line)
        if match:
            return _stamp(match.groupdict()), Trust(spec["trust"])
    return None, None


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


@cache
def _parsed(line: str) -> date | datetime | None:
    """The first full date (day, month and year) ``dateparser`` finds in the line."""
    # Imported on first use: it takes a while to load, and most pages never need it.
    from dateparser import parse  # noqa: PLC0415
    from dateparser.search import search_dates  # noqa: PLC0415

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
    }
    # Searching a line misses some languages' forms that reading it whole knows (the Serbian
    # "14. septembar 2023 11:29"), so a line that is all one date is read whole as well.
    found = search_dates(line, settings=settings)
    whole = None if found else parse(line, settings=settings)
    if whole is not None:
        found = [(line, whole)]
    if not found:
        return None
    phrase, when = found[0]
    shows_time = bool(re.search(r"\d:\d\d", phrase))
    return when if shows_time else when.date()
