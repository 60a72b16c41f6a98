"""One row of coded event data as read, before its actors are mapped onto parties."""

from __future__ import annotations

import re
from datetime import date, datetime

from attrs import frozen

from tracker.coded._codes import quad_of_cameo

__all__ = ["CodedRow", "RowError", "cameo_code", "day_of", "number", "whole"]


class RowError(ValueError):
    """A row that cannot be read: which column, and what is wrong with it."""

    def __init__(self, *, column: str, reason: str) -> None:
        self.column = column
        self.reason = reason
        super().__init__(f"{column}: {reason}")


@frozen
class CodedRow:
    """What a coded event's row says, its codes as text.

    ``source``/``target`` are the actors as coded (codes or names), with whatever else the
    dataset gives to map them (``*_group``, ``*_country``, ``*_sectors``); ``key`` is what tells
    one event from another, with the mapped parties (in the order of ``mirrored``).
    """

    dataset: str
    record: str
    day: date
    added: date | datetime
    source: str
    target: str
    quad_class: int
    key: tuple[str, ...]
    cameo: str = ""
    goldstein: float | None = None
    plover: str = ""
    mentions: int = 0
    url: str = ""
    story: str = ""
    source_group: str = ""
    target_group: str = ""
    source_country: str = ""
    target_country: str = ""
    source_sectors: tuple[str, ...] = ()
    target_sectors: tuple[str, ...] = ()
    named: bool = False  #: actors named in words (ICEWS), not coded
    mirrored: bool = False  #: keyed target first: the hosting of a visit another row codes
    parties: tuple[str, str] | None = None  #: the parties, when the row says them itself
    outlet: str = ""  #: who published the story, when the row says


_CAMEO = re.compile(r"[0-9]{2,4}")


def cameo_code(value: str, column: str) -> str:
    """A CAMEO code as text, its leading zeros kept; a root outside 01-20 is refused."""
    code = value.strip()
    if not _CAMEO.fullmatch(code):
        raise RowError(column=column, reason=f"{code!r} is not a CAMEO code (2 to 4 digits)")
    try:
        quad_of_cameo(code)
    except ValueError as error:
        raise RowError(column=column, reason=str(error)) from None
    return code


def day_of(value: str, column: str) -> date:
    """A ``YYYYMMDD`` day, or the day of a ``YYYYMMDDHHMMSS`` time."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or len(text) not in (8, 14):
        raise RowError(
            column=column, reason=f"{text!r} is not a day as YYYYMMDD (or YYYYMMDDHHMMSS)"
        )
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as error:
        raise RowError(column=column, reason=f"{text!r}: {error}") from None


def time_of(value: str, column: str) -> datetime:
    """A ``YYYYMMDDHHMMSS`` time (UTC, as GDELT 2.0 writes DATEADDED)."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or len(text) != 14:
        raise RowError(column=column, reason=f"{text!r} is not a time as YYYYMMDDHHMMSS")
    try:
        return datetime(
            int(text[:4]),
            int(text[4:6]),
            int(text[6:8]),
            int(text[8:10]),
            int(text[10:12]),
            int(text[12:14]),
        )
    except ValueError as error:
        raise RowError(column=column, reason=f"{text!r}: {error}") from None


def number(value: str, column: str, *, low: float = -10.0, high: float = 10.0) -> float:
    """A number within ``low``..``high`` (``0`` and ``0.0`` alike)."""
    try:
        result = float(value)
    except ValueError:
        raise RowError(column=column, reason=f"{value!r} is not a number") from None
    if not low <= result <= high:
        raise RowError(column=column, reason=f"{value} lies outside {low:g}..{high:g}")
    return result


def whole(value: str, column: str) -> int:
    """A whole number, 0 or more; empty is 0."""
    text = value.strip()
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()):  # "²" is a digit, not a number
        raise RowError(column=column, reason=f"{text!r} is not a whole number")
    return int(text)
