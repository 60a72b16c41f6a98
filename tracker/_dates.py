"""Calendar days, the precision a day is known to, and the windows in which an expected event
should happen."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from attrs import field, frozen

from tracker._errors import FieldError, shown

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "DateWindow",
    "Day",
    "Precision",
    "parse_day",
    "parse_stated_day",
    "parse_timestamp",
    "plain",
]

#: The days a log may name: wide enough for any history, with room left for the windows and
#: lapses computed from them.
FIRST_DAY = date(1000, 1, 1)
LAST_DAY = date(8999, 12, 31)

_D = TypeVar("_D", bound=date)

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_STATED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Precision(StrEnum):
    """How much of a day is known: the year, the month, or the day itself."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Day(date):
    """A day as replay places it, with the precision it is known to.

    A fact known only to its month or year is placed on one day of that period (see
    :meth:`Entry.__attrs_post_init__`); ``str()`` gives the period as stated (``2014-06``), so
    every output shows the precision. It compares and hashes as the plain :class:`date`.
    """

    __slots__ = ("precision",)
    precision: Precision

    def __new__(cls, year: int, month: int, day: int, precision: Precision = Precision.DAY) -> Day:
        self = super().__new__(cls, year, month, day)
        self.precision = precision if type(precision) is Precision else Precision(precision)
        return self

    @classmethod
    def of(cls, value: date, precision: Precision | None = None) -> Day:
        """``value`` as a day of the given precision (by default its own, or exact)."""
        if precision is None:
            if isinstance(value, Day):
                return value
            precision = Precision.DAY
        return cls(value.year, value.month, value.day, precision)

    @property
    def period(self) -> DateWindow:
        """The days the stated period spans: the year, the month, or the day itself."""
        first = self.first
        if self.precision is Precision.YEAR:
            return DateWindow(first, date(self.year, 12, 31))
        if self.precision is Precision.MONTH:
            following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return DateWindow(first, following - timedelta(days=1))
        return DateWindow(first, first)

    @property
    def first(self) -> date:
        """The first day of the stated period (``period.start``), without making the window:
        every entry decoded checks its report and effective days against it."""
        if self.precision is Precision.YEAR:
            return date(self.year, 1, 1)
        if self.precision is Precision.MONTH:
            return date(self.year, self.month, 1)
        return date(self.year, self.month, self.day)

    def __str__(self) -> str:
        """The day as stated. Written each time it is asked for, not kept: most days are
        one entry's, and few are asked for their text."""
        if self.precision is Precision.DAY:
            return self.isoformat()
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __repr__(self) -> str:
        return f"Day({self.year}, {self.month}, {self.day}, {self.precision.value!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Day, (self.year, self.month, self.day, self.precision))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Day) and other.precision is not self.precision:
            return False
        return date.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = date.__hash__


def plain(day: date) -> date:
    """``day`` as a plain date, without the precision an entry's day carries: two days of one
    date stated to different precisions are one day to compare and to keep as a bound."""
    return date(day.year, day.month, day.day)


def _in_range(day: date, text: str) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        msg = f"date {shown(text)} lies outside the days tracker reads ({FIRST_DAY} to {LAST_DAY})"
        raise ValueError(msg)
    return day


def parse_day(text: str) -> date:
    """Parse exactly ``YYYY-MM-DD``, with an error message that says what is wrong."""
    return _parsed_as(date, text)


def _parsed_as(cls: type[_D], text: str) -> _D:
    """``YYYY-MM-DD`` read as a day of ``cls`` (made by it directly: a :class:`Day` read
    this way is exact)."""
    if not isinstance(text, str):
        msg = f"expected a date as 'YYYY-MM-DD', got {type(text).__name__}"
        raise TypeError(msg)
    try:
        if not _DAY.fullmatch(text):
            raise ValueError
        day = cls.fromisoformat(text)
    except ValueError:
        msg = f"invalid date {shown(text)}: expected an existing day as 'YYYY-MM-DD'"
        raise ValueError(msg) from None
    _in_range(day, text)
    return day


def parse_stated_day(text: str) -> Day:
    """Parse a day as a log states it: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a coarse one
    comes back as the first day of its period, with its precision."""
    if not isinstance(text, str):
        msg = f"expected a date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got {type(text).__name__}"
        raise TypeError(msg)
    match = _STATED.fullmatch(text)
    if match is not None and match.group(3) is not None:
        return _parsed_as(Day, text)
    try:
        if match is None:
            raise ValueError
        year, month, _ = match.groups()
        first = date(int(year), int(month or 1), 1)
    except ValueError:
        msg = (
            f"invalid date {shown(text)}: expected a year, a month or a day "
            "as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"
        )
        raise ValueError(msg) from None
    precision = Precision.YEAR if month is None else Precision.MONTH
    return Day.of(_in_range(first, text), precision)


def parse_timestamp(text: str) -> date | datetime:
    """Parse a day (``YYYY-MM-DD``) or an ISO 8601 timestamp (``YYYY-MM-DDTHH:MM[:SS][±HH:MM]``)."""
    if not isinstance(text, str):
        msg = f"expected a date or an ISO 8601 timestamp, got {type(text).__name__}"
        raise TypeError(msg)
    if len(text) == 10:
        return parse_day(text)
    try:
        if not _DAY.match(text) or text[10:11] not in ("T", " "):
            raise ValueError
        stamp = datetime.fromisoformat(text)
    except ValueError:
        msg = (
            f"invalid timestamp {shown(text)}: "
            "expected 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM[:SS][+HH:MM]'"
        )
        raise ValueError(msg) from None
    _in_range(stamp.date(), text)
    return stamp


def _check_order(window: DateWindow, _attribute: object, end: date | None) -> None:
    for key, day in (("from", window.start), ("to", end)):
        if day is None and key == "to":
            continue
        if not isinstance(day, date) or isinstance(day, datetime):
            reason = f"must be a date, got {shown(day)}"
            raise FieldError(reason, key)
    if end is not None and end < window.start:
        reason = f"the window ends ({end}) before it starts ({window.start})"
        raise FieldError(reason, "to")


@frozen(order=True)
class DateWindow:
    """The days, both included, within which something is expected to happen; an open-ended
    window (``end`` is ``None``: "after the summit") has a first day and no last."""

    start: date = field(metadata={"key": "from"})
    end: date | None = field(default=None, metadata={"key": "to"}, validator=_check_order)

    @classmethod
    def day(cls, day: date) -> DateWindow:
        """The window of a single named day."""
        return cls(day, day)

    @property
    def last(self) -> date:
        """The last day of the window; ``date.max`` for an open-ended one."""
        return date.max if self.end is None else self.end

    @property
    def days(self) -> int:
        """How many days the window spans (as many as there are, for an open-ended one)."""
        return (self.last - self.start).days + 1

    def covers(self, day: date) -> bool:
        """Whether ``day`` lies within the window."""
        return self.start <= day <= self.last

    def overlaps(self, other: DateWindow) -> bool:
        """Whether the two windows share at least one day."""
        return self.start <= other.last and other.start <= self.last

    def narrower(self, other: DateWindow) -> DateWindow:
        """The more precise of two windows (the earlier one when they are as wide)."""
        return min(self, other, key=lambda window: (window.days, window.start))

    def __str__(self) -> str:
        if self.end is None:
            return f"from {self.start}"
        return str(self.start) if self.start == self.end else f"{self.start}..{self.end}"
