"""A replay laid on a calendar: the level of relations day by day, the phases as spans of
days, the entries as marks. What the timeline of the terminal UI and ``tracker plot`` draw."""

from __future__ import annotations

from datetime import date, timedelta

from attrs import frozen

from tracker._dates import plain
from tracker._replay import Replay
from tracker._state import CodedActivity, Phase

__all__ = [
    "Band",
    "Chronology",
    "CodedMonth",
    "Mark",
    "Point",
    "chronology",
    "day_ticks",
    "fitted",
    "label_start",
    "whole_span",
    "zoomed",
]

#: By default the span ends after the last entry by this fraction of the span (a day at least).
MARGIN = 40
#: A window this share of the whole span or wider is the whole span.
NEARLY_ALL = 0.95
#: The narrowest window :func:`zoomed` gives.
NARROWEST = timedelta(days=7)
#: At most this many days are sampled between the first and the last day, beside the entries'.
RESOLUTION = 480


@frozen
class Point:
    """The level of relations on ``day``, and the phase that day."""

    day: date
    level: float
    phase: Phase


@frozen
class Band:
    """A phase from ``start`` up to ``end`` (the first day of the next band, or the last day)."""

    phase: Phase
    start: date
    end: date


@frozen
class Mark:
    """Entry ``index`` of the replay: its day and its type's label."""

    index: int
    day: date
    label: str


@frozen
class CodedMonth:
    """The machine-coded events of the month that starts on ``start``."""

    start: date
    activity: CodedActivity

    @property
    def middle(self) -> date:
        """The month's 15th, where a chart puts its bar."""
        return self.start.replace(day=15)


@frozen
class Chronology:
    """The level as a line of :class:`Point`, the phases as :class:`Band`, the curated entries
    of the span ``start``..``end`` as :class:`Mark`, and the coded events of the months it
    touches as :class:`CodedMonth` (none when the log holds no coded event data)."""

    start: date
    end: date
    points: tuple[Point, ...]
    bands: tuple[Band, ...]
    marks: tuple[Mark, ...]
    coded: tuple[CodedMonth, ...] = ()

    @property
    def days(self) -> int:
        """The days from ``start`` to ``end`` (0 for a span of one day)."""
        return (self.end - self.start).days


def chronology(
    replay: Replay,
    start: date | None = None,
    end: date | None = None,
    *,
    known_at: date | None = None,
    resolution: int = RESOLUTION,
) -> Chronology:
    """Lay ``replay`` on the days ``start``..``end`` (by default its :func:`whole_span`).

    The level is sampled on ``resolution`` evenly spread days, and, unless the span holds more
    entries than that, on every entry's day and the day before it (so that a step stays a
    step); each state is replayed as on that day, or as known on ``known_at``. Raises
    :class:`ValueError` for an empty replay without a span, or a span that ends before it starts.
    Coded events, evidence rather than curated facts, are no marks: they are counted by month.
    """
    entries = replay.entries
    if start is None or end is None:
        whole = whole_span(replay)
        start, end = start or whole[0], end or whole[1]
    first, last = plain(start), plain(end)
    if last < first:
        msg = f"the span ends on {last}, before it starts on {first}"
        raise ValueError(msg)
    span = (last - first).days
    steps = max(1, min(resolution, span))
    days = {first + timedelta(days=round(span * number / steps)) for number in range(steps + 1)}
    known = [
        (index, entry)
        for index, entry in enumerate(entries)
        if entry.CURATED
        and first <= entry.on <= last
        and (known_at is None or entry.reported <= known_at)
    ]
    if len(known) <= resolution:
        for _, entry in known:
            day = plain(entry.on)
            days.update((day, day - timedelta(days=1)) if day > first else (day,))
    points = []
    for day in sorted(days):
        state = replay.at(day, known_at=known_at)
        points.append(Point(day, state.level, state.phase))
    marks = tuple(Mark(index, plain(entry.on), entry.LABEL) for index, entry in known)
    coded = _coded_months(replay, first, last, known_at)
    return Chronology(first, last, tuple(points), _bands(points, last), marks, coded)


def _coded_months(
    replay: Replay, first: date, last: date, known_at: date | None
) -> tuple[CodedMonth, ...]:
    """The coded activity of every month from ``first``'s to ``last``'s, as known on
    ``known_at``; none when the log holds no coded event up to ``last``."""
    coded = replay.at(last, known_at=known_at).coded
    if not coded:
        return ()
    months = []
    month = first.replace(day=1)
    while month <= last:
        months.append(CodedMonth(month, coded.get(f"{month:%Y-%m}", CodedActivity())))
        month = (month + timedelta(days=32)).replace(day=1)
    return tuple(months)


def whole_span(replay: Replay) -> tuple[date, date]:
    """The days a chronology of all of ``replay`` spans: from its first entry's day to a little
    after its last one's, so that the last phase shows. Raises :class:`ValueError` when empty."""
    entries = replay.entries
    if not entries:
        msg = "an empty replay has no span of days: give its start and end"
        raise ValueError(msg)
    first, latest = plain(entries[0].on), plain(entries[-1].on)
    return first, latest + max((latest - first) / MARGIN, timedelta(days=1))


def fitted(whole: tuple[date, date], start: date, length: timedelta) -> tuple[date, date] | None:
    """The window of ``length`` (in whole days) from ``start``, moved inside ``whole``; ``None``
    (all of ``whole``) when it would show nearly all of it."""
    days = round(length / timedelta(days=1))
    if days >= (whole[1] - whole[0]).days * NEARLY_ALL:
        return None
    start = min(max(start, whole[0]), whole[1] - timedelta(days=days))
    return start, start + timedelta(days=days)


def zoomed(
    whole: tuple[date, date], shown: tuple[date, date], factor: float, around: date
) -> tuple[date, date] | None:
    """The window of ``whole`` that shows ``factor`` times fewer days than ``shown`` (more when
    below 1, :data:`NARROWEST` at least), ``around`` as far into it as it was into ``shown``."""
    start, end = shown
    length = max((end - start) / factor, NARROWEST)
    share = (around - start) / (end - start) if end > start else 0.5
    return fitted(whole, around - timedelta(days=round(length * share / timedelta(days=1))), length)


def _bands(points: list[Point], last: date) -> tuple[Band, ...]:
    """The runs of one phase among ``points``, each up to where the next one starts."""
    bands: list[Band] = []
    for point in points:
        if bands and bands[-1].phase is point.phase:
            continue
        if bands:
            bands[-1] = Band(bands[-1].phase, bands[-1].start, point.day)
        bands.append(Band(point.phase, point.day, last))
    return tuple(bands)


#: The steps between ticks, finest first: in days, then in months (whole years by year).
_STEPS = (
    ("day", 1),
    ("day", 2),
    ("day", 7),
    ("day", 14),
    *(("month", months) for months in (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)),
)


def day_ticks(start: date, end: date, width: int) -> tuple[tuple[date, str], ...]:
    """Days to label on an axis ``width`` cells wide from ``start`` to ``end``, with the finest
    step whose labels keep a cell between them (every day, week, month, year...), each label as
    short as its step allows (``2009-03-14``, ``2009-03``, ``2009``)."""
    span = max((end - start).days, 1)
    fallback: tuple[tuple[date, str], ...] = ()
    for unit, step in _STEPS:
        if unit == "day" and span / step > width:
            continue
        if unit == "day":
            offsets = range(0, (end - start).days + 1, step)
            days = (start + timedelta(days=offset) for offset in offsets)
            ticks = tuple((day, day.isoformat()) for day in days)
        else:
            ticks = _month_ticks(start, end, step)
        shown = _on_axis(ticks, start, span, width)
        if shown is not None and len(shown) >= 2:
            return shown
        fallback = fallback or shown or _on_axis(ticks[:1], start, span, width) or ()
    return fallback


def _month_ticks(start: date, end: date, months: int) -> tuple[tuple[date, str], ...]:
    """The first days of every ``months``-th month in the span (counted from year 0, so that
    yearly steps fall on January), labelled by year alone when the step is whole years."""
    ticks = []
    number = start.year * 12 + start.month - 1 + (start.day > 1)
    number += -number % months
    while (day := date(number // 12, number % 12 + 1, 1)) <= end:
        label = str(day.year) if months % 12 == 0 else f"{day.year:04d}-{day.month:02d}"
        ticks.append((day, label))
        number += months
    return tuple(ticks)


def _on_axis(
    ticks: tuple[tuple[date, str], ...], start: date, span: int, width: int
) -> tuple[tuple[date, str], ...] | None:
    """The ticks, each label centred on its day's cell but kept on the axis; ``None`` when
    two labels would touch or one is wider than the axis."""
    right = -2
    for day, label in ticks:
        left = label_start(day, label, start, span, width)
        if left <= right + 1 or len(label) > width:
            return None
        right = left + len(label) - 1
    return ticks


def label_start(day: date, label: str, start: date, span: int, width: int) -> int:
    """The first cell of ``label``, centred on ``day`` of an axis ``width`` cells wide for the
    ``span`` days from ``start``, moved in to stay on the axis."""
    centre = round((day - start).days / span * (width - 1))
    return min(max(centre - len(label) // 2, 0), width - len(label))
