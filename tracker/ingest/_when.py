"""Time expressions of a news sentence, resolved into date windows against the publication day.

Each phrase keeps its words, its window and its tense: a weekday lies on or before the
publication day when told in the past tense, after it when told in the future tense.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from attrs import frozen

from tracker._dates import DateWindow
from tracker.ingest._data import load, pattern

__all__ = ["DateMention", "Tense", "clause_of", "find_dates", "hedged", "lead_in", "tense_near"]


class Tense(StrEnum):
    """Whether a time expression points ahead of the publication day or behind it."""

    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"


@frozen
class DateMention:
    """A time expression of a sentence: its words, the window they stand for, and their tense."""

    phrase: str
    window: DateWindow
    quote: str
    tense: Tense
    start: int

    @property
    def end(self) -> int:
        """Where the phrase ends in its sentence."""
        return self.start + len(self.phrase)


@frozen
class _Rule:
    name: str
    pattern: re.Pattern[str]


def _names(mapping: Mapping[str, int], *, full: bool = False) -> str:
    words = [
        name for name in mapping if not full or len(name) > 4 or name in ("may", "june", "july")
    ]
    words.sort(key=len, reverse=True)
    return "(?-i:" + "|".join(word.capitalize() for word in words) + ")"


@cache
def _rules() -> tuple[_Rule, ...]:
    data = load("dates")
    fill = {
        "month": _names(data["months"]),
        "month_name": _names(data["months"], full=True),
        "weekday": _names(data["weekdays"]),
        "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
    }
    return tuple(
        _Rule(spec["rule"], pattern(spec["pattern"].format(**fill), re.IGNORECASE))
        for spec in data["phrases"]
    )


#: "to" marks a future only before a verb: not before a name, an article or a possessive
#: ("a visit to Kyiv", "to the council").
_AFTER = {
    "to": r"(?= (?-i:[a-z]))(?! (?:the|a|an|his|her|its|their|our|my|this|that|these|those)\b)"
}


@cache
def _markers() -> tuple[tuple[re.Pattern[str], Tense], ...]:
    tense = load("dates")["tense"]
    words = [(word, Tense.FUTURE) for word in tense["future"]]
    words += [(word, Tense.PAST) for word in tense["past"]]
    markers = [
        (
            pattern(
                rf"(?<![\w'-])(?<!\bbe ){re.escape(word)}\b(?!-){_AFTER.get(word, '')}",
                re.IGNORECASE,
            ),
            kind,
        )
        for word, kind in words
    ]
    # "-ed" after "be" is a passive ("should be followed"), not a past tense.
    suffix = tense["past_suffix"]
    markers.append((pattern(rf"(?<!\bbe )\b[a-z]\w+{suffix}\b"), Tense.PAST))
    return tuple(markers)


_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]| -- | - ")


@cache
def _hedges() -> re.Pattern[str]:
    words = sorted(load("dates")["hedges"]["words"], key=len, reverse=True)
    return pattern(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def hedged(sentence: str, at: int | None = None) -> str | None:
    """The hedge that makes a sentence, or the clause of the words at ``at`` and what leads to
    it, a possibility rather than a plan; ``None`` if there is none."""
    end = len(sentence) if at is None else _clause_end(sentence, at)
    for match in _hedges().finditer(sentence[:end].replace("’", "'")):
        # "May" inside a sentence is the month, not the modal verb.
        if match.group(0) == "May" and match.start() > 0:
            continue
        return match.group(0)
    return None


def lead_in(sentence: str, at: int) -> str:
    """The words before offset ``at``, back to the start of their clause."""
    breaks = [found.end() for found in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    return sentence[max(breaks, default=0) : at]


def clause_of(sentence: str, start: int, end: int) -> str:
    """The clause of the words at ``start:end``: from the start of their clause to its end."""
    return lead_in(sentence, start) + sentence[start : _clause_end(sentence, end)]


def _clause_end(sentence: str, at: int) -> int:
    return min(
        (m.start() for m in _CLAUSE_BREAK.finditer(sentence) if m.start() >= at),
        default=len(sentence),
    )


def tense_near(sentence: str, start: int, end: int) -> Tense:
    """The tense of the marker nearest to the phrase at ``start:end``, looked for in the phrase's
    clause first, then in the whole sentence."""
    sentence = _neutral(sentence)
    own = sentence[start:end].split(maxsplit=1)[0] if sentence[start:end].strip() else ""
    for marker, kind in _markers():
        if kind is Tense.PAST and marker.fullmatch(own):
            return Tense.PAST
    # "That" opens a clause of its own: "told the council on May 2 that it will leave" dates
    # the telling, not the leaving.
    breaks = [match.start() for match in _CLAUSE_BREAK.finditer(sentence)]
    breaks += [match.start() for match in re.finditer(r"\bthat\b", sentence)]
    clause_start = max((at for at in breaks if at < start), default=0)
    clause_end = min((at for at in breaks if at >= end), default=len(sentence))
    for low, high in ((clause_start, clause_end), (0, len(sentence))):
        best: tuple[int, Tense, str] | None = None
        # The marker nearest before the phrase: its verb, if it is one.
        before: tuple[int, Tense] | None = None
        for marker, kind in _markers():
            for match in marker.finditer(sentence, low, high):
                if match.start() >= start and match.end() <= end:
                    continue
                if match.end() <= start and (before is None or match.end() > before[0]):
                    before = (match.end(), kind)
                # On a tie, the word before the phrase (its verb) wins over the word after it.
                distance = (
                    2 * (start - match.end())
                    if match.end() <= start
                    else 2 * (match.start() - end) + 1
                )
                if distance >= 0 and (best is None or distance < best[0]):
                    best = (distance, kind, match.group(0).lower())
        if best:
            # An infinitive after the day tells a purpose of the act told before it ("summoned
            # the envoy on Monday night to protest"): the verb before dates it.
            after = best[0] % 2 == 1
            if before is not None and before[1] is Tense.PAST and after and best[2] == "to":
                return Tense.PAST
            return best[1]
    return Tense.UNKNOWN


@cache
def _neutral_phrases() -> re.Pattern[str]:
    words = load("dates")["tense"]["neutral"]
    return pattern(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _neutral(sentence: str) -> str:
    """The sentence with phrases that mark no tense blanked out, offsets kept."""
    return _neutral_phrases().sub(lambda found: " " * len(found.group(0)), sentence)


_INHERENT = {
    "next": Tense.FUTURE,
    "later": Tense.FUTURE,
    "tomorrow": Tense.FUTURE,
    "last": Tense.PAST,
    "earlier": Tense.PAST,
    "yesterday": Tense.PAST,
    "last night": Tense.PAST,
}
_FUTURE_RULES = frozenset({"coming_weeks", "coming_days", "year_end", "month_deadline"})
_PAST_RULES = frozenset({"attributive_month", "attributive_day"})
#: Spans told by their name, not by their days ("this month", "in October", "by the end of the
#: year"): told in the future on one of their own days, what they announce lies after the
#: telling, so they start the day after it. "In coming weeks" counts from the telling itself.
_SPANS = frozenset(
    {
        "month_year",
        "year",
        "year_end",
        "month_deadline",
        "part_of_month",
        "part_of_relative_month",
        "relative_month",
        "named_month",
        "relative_year",
        "season",
        "relative_week",
    }
)


def find_dates(sentence: str, published: date) -> tuple[DateMention, ...]:
    """Every time expression of the sentence that resolves, longest first where they overlap."""
    found: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for rule in _rules():
        for match in rule.pattern.finditer(sentence):
            found.append((match.start(), match.end(), rule, match))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    mentions: list[DateMention] = []
    taken_until = -1
    for start, end, rule, match in found:
        if start < taken_until:
            continue
        groups = {key: value for key, value in match.groupdict().items() if value}
        # What "since" bounds lies behind: "since a coup attempt in July", "since 2018".
        since = re.search(r"\bsince\b[^,;.]*$", sentence[:start], re.IGNORECASE) or re.match(
            r"since\b", match.group(0), re.IGNORECASE
        )
        tense = (
            _inherent_tense(rule.name, groups)
            or (Tense.PAST if since else None)
            or tense_near(sentence, start, end)
        )
        window = _RESOLVERS[rule.name](groups, published, tense)
        if window is None:
            continue
        taken_until = end
        window = _stay(sentence, start, end, window)
        if rule.name in _SPANS and tense is Tense.FUTURE:
            window = _after(window, published)
        mentions.append(DateMention(match.group(0), window, sentence, tense, start))
    return _told_then(tuple(mentions), sentence)


def _after(window: DateWindow, told: date) -> DateWindow:
    """A span that lies ahead, told on one of its own days: from the day after the telling."""
    if window.start <= told < window.last:
        return DateWindow(told + timedelta(days=1), window.end)
    return window


_QUOTE = re.compile(r"[“\"]([^”\"]+)[”\"]")


def _told_then(mentions: tuple[DateMention, ...], sentence: str) -> tuple[DateMention, ...]:
    """The mentions, with "today", "tomorrow" and "yesterday" said in a quote whose speaking the
    sentence dates to an earlier day ("'Tomorrow there will be a meeting,' the minister said on
    Sunday") counted from the day it was said, not from the publication day."""
    spoken = [
        m
        for m in mentions
        if m.window.days == 1
        and m.tense is Tense.PAST
        and not _inside(_QUOTE, sentence, m.start)
        and re.search(_SAID, sentence[max(0, m.start - 30) : m.start])
    ]
    if not spoken:
        return mentions
    said_on = spoken[0].window.start
    out: list[DateMention] = []
    for m in mentions:
        word = m.phrase.lower()
        if word in _SAID_OFFSETS and _inside(_QUOTE, sentence, m.start):
            day = said_on + timedelta(days=_SAID_OFFSETS[word])
            tense = Tense.FUTURE if _SAID_OFFSETS[word] > 0 else m.tense
            out.append(DateMention(m.phrase, DateWindow.day(day), m.quote, tense, m.start))
        else:
            out.append(m)
    return tuple(out)


_SAID = r"\b(?:said|says|announced|told|stated|declared|added|wrote|tweeted)\b[^,;.]*$"
_SAID_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _inside(quotes: re.Pattern[str], sentence: str, at: int) -> bool:
    return any(found.start() < at < found.end() for found in quotes.finditer(sentence))


_LENGTHS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_LENGTH = "(?P<length>" + "|".join(_LENGTHS) + ")-day"
_STAY_AFTER = re.compile(rf",? for an? {_LENGTH}\b", re.IGNORECASE)
_STAY_BEFORE = re.compile(
    rf"\b{_LENGTH} (?:(?:state|official|working) )?(?:visit|stay|trip|tour|talks|meeting|summit)"
    r"(?: (?:to|in) (?-i:[A-Z])[\w'’-]*(?: (?-i:[A-Z])[\w'’-]*)*(?:, (?-i:[A-Z])[\w'’-]*)?)?"
    r"(?: (?:from|starting|beginning)(?: on)?)? ?$",
    re.IGNORECASE,
)


def _stay(sentence: str, start: int, end: int, window: DateWindow) -> DateWindow:
    """A day that opens a stay of some days ("on Wednesday for a three-day stay", "a two-day
    visit from Monday", "a four-day visit to Hanoi, Vietnam starting today") is the first of the
    stay's window."""
    if window.days != 1:
        return window
    found = _STAY_AFTER.match(sentence, end) or _STAY_BEFORE.search(sentence[:start])
    if found is None:
        return window
    return DateWindow(
        window.start, window.start + timedelta(days=_LENGTHS[found["length"].lower()] - 1)
    )


def _inherent_tense(rule: str, groups: Mapping[str, str]) -> Tense | None:
    if rule in _FUTURE_RULES:
        return Tense.FUTURE
    if rule in _PAST_RULES:
        return Tense.PAST
    for key in ("which", "part"):
        word = groups.get(key, "").strip().lower()
        if word in _INHERENT:
            return _INHERENT[word]
    return None


# -- the calendar ------------------------------------------------------------------------------


def _month(year: int, month: int) -> DateWindow:
    return DateWindow(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _pick(candidates: list[DateWindow], published: date, tense: Tense) -> DateWindow:
    """The candidate window the tense points to: the latest begun by publication for the past,
    the earliest not yet over for the future, else the nearest."""
    if tense is Tense.PAST:
        begun = [window for window in candidates if window.start <= published]
        if begun:
            return max(begun)
    if tense is Tense.FUTURE:
        ahead = [window for window in candidates if window.last >= published]
        if ahead:
            return min(ahead)

    def distance(window: DateWindow) -> int:
        if window.covers(published):
            return 0
        return min(abs((window.start - published).days), abs((window.last - published).days))

    return min(candidates, key=distance)


def _month_number(groups: Mapping[str, str]) -> int:
    months: dict[str, int] = load("dates")["months"]
    return months[groups["month"].lower().rstrip(".")]


def _day_number(groups: Mapping[str, str]) -> int:
    return int(re.sub(r"\D", "", groups["day"]))


def _safe_day(year: int, month: int, day: int) -> DateWindow | None:
    try:
        return DateWindow.day(date(year, month, day))
    except ValueError:
        return None


def _part(window: DateWindow, part: str) -> DateWindow:
    """A part of a month: mid, early, late, a half."""
    spans = load("dates")["windows"]
    start, end = window.start, window.last
    part = part.lower().removeprefix("the ")
    if part in ("mid", "middle of"):
        first, last = spans["mid"]
        return DateWindow(start.replace(day=first), start.replace(day=last))
    if part in ("early", "beginning of", "start of"):
        first, last = spans["early"]
        return DateWindow(start.replace(day=first), start.replace(day=last))
    if part in ("late", "end of"):
        return DateWindow(start.replace(day=spans["late_from"]), end)
    if part == "first half of":
        return DateWindow(start, start.replace(day=spans["second_half_from"] - 1))
    if part == "second half of":
        return DateWindow(start.replace(day=spans["second_half_from"]), end)
    return window


def _full_date(groups: Mapping[str, str], _published: date, _tense: Tense) -> DateWindow | None:
    return _safe_day(int(groups["year"]), _month_number(groups), _day_number(groups))


def _month_year(groups: Mapping[str, str], _published: date, _tense: Tense) -> DateWindow:
    return _month(int(groups["year"]), _month_number(groups))


def _month_day(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow | None:
    month, day = _month_number(groups), _day_number(groups)
    years = (published.year - 1, published.year, published.year + 1)
    candidates = [window for year in years if (window := _safe_day(year, month, day))]
    return _pick(candidates, published, tense) if candidates else None


def _day_span(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow | None:
    """The days of a stay told by its first and last day in one month; ``None`` when the last
    is not after the first."""
    last = _day_number({"day": groups["last"]})
    first = (
        _full_date(groups, published, tense)
        if "year" in groups
        else _month_day(groups, published, tense)
    )
    if first is None or last <= first.start.day:
        return None
    end = _safe_day(first.start.year, first.start.month, last)
    return DateWindow(first.start, end.start) if end else None


def _attributive_day(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow | None:
    """A day naming an act or a document, in either order of its words."""
    day = {
        "month": groups.get("month") or groups["month2"],
        "day": groups.get("day") or groups["day2"],
    }
    return _month_day(day, published, tense)


def _year(groups: Mapping[str, str], _published: date, _tense: Tense) -> DateWindow:
    year = int(groups["year"])
    return DateWindow(date(year, 1, 1), date(year, 12, 31))


def _year_end(_groups: Mapping[str, str], published: date, _tense: Tense) -> DateWindow:
    return DateWindow(published, date(published.year, 12, 31))


def _months_around(month: int, published: date) -> list[DateWindow]:
    return [
        _month(year, month) for year in (published.year - 1, published.year, published.year + 1)
    ]


def _part_of_month(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow:
    candidates = [
        _part(window, groups["part"]) for window in _months_around(_month_number(groups), published)
    ]
    return _pick(candidates, published, tense)


def _relative_month_window(which: str, published: date) -> DateWindow:
    offset = {"this": 0, "next": 1, "last": -1}[which.lower()]
    return _month(*_shift_month(published, offset))


def _part_of_relative_month(
    groups: Mapping[str, str], published: date, _tense: Tense
) -> DateWindow:
    month = _relative_month_window(groups["which"], published)
    part = groups["part"].lower()
    if part == "earlier":
        return DateWindow(month.start, max(month.start, published - timedelta(days=1)))
    if part == "later":
        return DateWindow(min(month.last, published + timedelta(days=1)), month.last)
    return _part(month, part)


def _month_deadline(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow:
    """A deadline at the end of a month ("by the end of October", "by the end of this month"):
    any day up to the month's end, the days already past being behind it."""
    if groups.get("which"):
        month = _relative_month_window(groups["which"], published)
    else:
        month = _pick(_months_around(_month_number(groups), published), published, tense)
    if month.last < published:
        return _part(month, "end of")
    return DateWindow(max(month.start, published), month.last)


def _relative_month(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow:
    month = _relative_month_window(groups["which"], published)
    if groups["which"].lower() == "this" and tense is Tense.PAST:
        return DateWindow(month.start, published)
    if groups["which"].lower() == "this" and tense is Tense.FUTURE:
        return DateWindow(published, month.end)
    return month


def _named_month(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow:
    month = _month_number(groups)
    which = groups.get("which", "").lower()
    candidates = _months_around(month, published)
    this_month = _month(published.year, published.month)
    if which == "next":
        return min(window for window in candidates if window.start > this_month.last)
    if which == "last":
        return max(window for window in candidates if window.last < this_month.start)
    if which == "this":
        return _month(published.year, month)
    return _pick(candidates, published, tense)


def _relative_year(groups: Mapping[str, str], published: date, _tense: Tense) -> DateWindow:
    year = published.year + {"this": 0, "next": 1, "last": -1}[groups["which"].lower()]
    return DateWindow(date(year, 1, 1), date(year, 12, 31))


def _season(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow:
    first, last = load("dates")["seasons"][groups["season"].lower()]
    candidates = [
        DateWindow(_month(year, first).start, _month(year, last).end)
        for year in (published.year - 1, published.year, published.year + 1)
    ]
    which = (groups.get("which") or "").lower()
    if which == "last":
        return max(window for window in candidates if window.last < published)
    if which == "next":
        return min(window for window in candidates if window.start > published)
    if which == "this":
        return candidates[1]
    return _pick(candidates, published, tense)


def _part_of_relative_year(groups: Mapping[str, str], published: date, _tense: Tense) -> DateWindow:
    if groups["part"].lower() == "earlier":
        start = date(published.year, 1, 1)
        return DateWindow(start, max(start, published - timedelta(days=1)))
    end = date(published.year, 12, 31)
    return DateWindow(min(end, published + timedelta(days=1)), end)


def _relative_week(groups: Mapping[str, str], published: date, _tense: Tense) -> DateWindow:
    offset = {"this": 0, "next": 7, "last": -7}[groups["which"].lower()]
    monday = published - timedelta(days=published.weekday()) + timedelta(days=offset)
    return DateWindow(monday, monday + timedelta(days=6))


def _coming(days_key: str) -> Callable[[Mapping[str, str], date, Tense], DateWindow]:
    def resolve(_groups: Mapping[str, str], published: date, _tense: Tense) -> DateWindow:
        return DateWindow(published, published + timedelta(days=load("dates")["windows"][days_key]))

    return resolve


def _relative_day(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow:
    # A night told as past ("last night", "overnight") is the evening before the report.
    which = groups["which"].lower()
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}
    offset = offsets.get(which, -1 if tense is Tense.PAST else 0)
    return DateWindow.day(published + timedelta(days=offset))


def _clock_time(_groups: Mapping[str, str], published: date, _tense: Tense) -> DateWindow:
    return DateWindow.day(published)


def _weekday(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow:
    """A named weekday: the nearest such day on or before publication in the past tense, the
    nearest on or after it in the future tense (a preview's own weekday is the day it is
    published: "will meet on Monday" on a Monday is that day); "last"/"next" make it strictly
    before/after."""
    weekday = load("dates")["weekdays"][groups["weekday"].lower()]
    which = groups.get("which", "").lower()
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if which == "next":
        return DateWindow.day(published + timedelta(days=ahead or 7))
    if which == "last":
        return DateWindow.day(published - timedelta(days=back or 7))
    if which == "this":
        return DateWindow.day(published - timedelta(days=published.weekday() - weekday))
    if tense is Tense.FUTURE:
        return DateWindow.day(published + timedelta(days=ahead))
    return DateWindow.day(published - timedelta(days=back))


def _weekday_span(groups: Mapping[str, str], published: date, tense: Tense) -> DateWindow:
    """Two weekdays joined: from the first to the second, the second on or before publication
    in the past tense, the first resolved as a weekday alone otherwise."""
    weekdays = load("dates")["weekdays"]
    gap = timedelta(
        days=(weekdays[groups["last"].lower()] - weekdays[groups["weekday"].lower()]) % 7
    )
    if tense is Tense.PAST and not groups.get("which"):
        last = _weekday({"weekday": groups["last"]}, published, tense).start
        return DateWindow(last - gap, last)
    first = _weekday(groups, published, tense).start
    return DateWindow(first, first + gap)


_RESOLVERS: dict[str, Callable[[Mapping[str, str], date, Tense], DateWindow | None]] = {
    "full_date": _full_date,
    "month_year": _month_year,
    "month_day": _month_day,
    "day_span": _day_span,
    "year": _year,
    "year_end": _year_end,
    "part_of_month": _part_of_month,
    "part_of_relative_month": _part_of_relative_month,
    "relative_month": _relative_month,
    "month_deadline": _month_deadline,
    "named_month": _named_month,
    "attributive_month": _named_month,
    "attributive_day": _attributive_day,
    "relative_year": _relative_year,
    "season": _season,
    "part_of_relative_year": _part_of_relative_year,
    "relative_week": _relative_week,
    "coming_weeks": _coming("coming_weeks_days"),
    "coming_days": _coming("coming_days_days"),
    "relative_day": _relative_day,
    "clock_time": _clock_time,
    "weekday": _weekday,
    "weekday_span": _weekday_span,
}
