"""Calendar days and the windows in which an expected event should happen."""

from __future__ import annotations

from datetime import date, datetime

from attrs import field, frozen

from tracker._errors import FieldError

__all__ = ["DateWindow", "parse_day", "parse_timestamp"]


def parse_day(text: str) -> date:
    """Parse a ``YYYY-MM-DD`` day, with an error message that says what is wrong."""
    if not isinstance(text, str):
        msg = f"expected a date as 'YYYY-MM-DD', got {type(text).__name__}"
        raise TypeError(msg)
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        msg = f"invalid date {text!r}: expected an existing day as 'YYYY-MM-DD'"
        raise ValueError(msg) from None


def parse_timestamp(text: str) -> date | datetime:
    """Parse a day (``YYYY-MM-DD``) or an ISO 8601 timestamp (``YYYY-MM-DDTHH:MM[:SS][±HH:MM]``)."""
    if not isinstance(text, str):
        msg = f"expected a date or an ISO 8601 timestamp, got {type(text).__name__}"
        raise TypeError(msg)
    if len(text) == 10:
        return parse_day(text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        msg = (
            f"invalid timestamp {text!r}: expected 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM[:SS][+HH:MM]'"
        )
        raise ValueError(msg) from None


def _check_order(window: DateWindow, _attribute: object, end: date) -> None:
    for key, day in (("from", window.start), ("to", end)):
        if not isinstance(day, date) or isinstance(day, datetime):
            reason = f"must be a date, got {day!r}"
            raise FieldError(reason, key)
    if end < window.start:
        reason = f"the window ends ({end}) before it starts ({window.start})"
        raise FieldError(reason, "to")


@frozen(order=True)
class DateWindow:
    """The days, both included, within which something is expected to happen."""

    start: date = field(metadata={"key": "from"})
    end: date = field(metadata={"key": "to"}, validator=_check_order)

    @classmethod
    def day(cls, day: date) -> DateWindow:
        """The window of a single named day."""
        return cls(day, day)

    @property
    def days(self) -> int:
        """How many days the window spans."""
        return (self.end - self.start).days + 1

    def covers(self, day: date) -> bool:
        """Whether ``day`` lies within the window."""
        return self.start <= day <= self.end

    def overlaps(self, other: DateWindow) -> bool:
        """Whether the two windows share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def narrower(self, other: DateWindow) -> DateWindow:
        """The more precise of two windows (the earlier one when they are as wide)."""
        return min(self, other, key=lambda window: (window.days, window.start))

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}..{self.end}"
