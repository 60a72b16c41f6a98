"""Strategies for the values entries are made of: actors, days, windows, sources, stances."""

from __future__ import annotations

import operator
import string
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from tracker._dates import DateWindow
from tracker._entries import (
    HIGH_LEVEL,
    MILITARY,
    NRC,
    CooperationNote,
    CooperationStatus,
    Dyad,
    FollowUp,
    Participant,
    Source,
    Stance,
    entry_types,
)

__all__ = [
    "DEFAULT_WINDOW",
    "actors",
    "channels",
    "cooperation_notes",
    "date_windows",
    "days",
    "dyads",
    "follow_ups",
    "ids",
    "names",
    "participants",
    "sources",
    "stances",
    "texts",
]

#: The days drawn when no window is given: the years around the NATO–Russia log.
DEFAULT_WINDOW = DateWindow(date(2008, 1, 1), date(2009, 12, 31))

#: Actors that read well in a counterexample; any actor code may be drawn besides.
KNOWN_ACTORS = ("NATO", "RUS", "EU", "USA", "GEO", "UKR")

#: Cooperation areas of the NATO–Russia log; any snake_case name may be drawn besides.
KNOWN_AREAS = ("afghanistan_transit", "counter_piracy", "counter_terrorism", "counter_narcotics")

_LOWER = string.ascii_lowercase + string.digits


@cache
def texts() -> SearchStrategy[str]:
    """Non-blank text of any Unicode letters, as titles, quotes and reasons are.

    Shrinks towards ``"0"``.
    """
    return st.text(min_size=1, max_size=16).filter(str.strip)


def _words(first: str, rest: str, longest: int) -> SearchStrategy[str]:
    return st.builds(
        operator.add, st.sampled_from(first), st.text(alphabet=rest, max_size=longest - 1)
    )


@cache
def ids() -> SearchStrategy[str]:
    """Entry ids (lowercase letters, digits, ``.``, ``_``, ``-``). Shrinks towards ``"e"``."""
    return _words("e" + string.ascii_lowercase + string.digits, _LOWER + "._-", 12)


@cache
def names() -> SearchStrategy[str]:
    """snake_case names, as of issues, channels and areas. Shrinks towards ``"a"``."""
    return _words(string.ascii_lowercase, _LOWER + "_", 16)


@cache
def actors() -> SearchStrategy[str]:
    """Actor codes (2-12 capitals or digits): NATO, RUS... first, any code besides.

    Shrinks towards ``"NATO"``.
    """
    codes = st.builds(
        operator.add,
        st.sampled_from(string.ascii_uppercase),
        st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=11),
    )
    return st.sampled_from(KNOWN_ACTORS) | codes


@cache
def dyads() -> SearchStrategy[Dyad]:
    """Pairs of two different actors. Shrinks towards NATO-RUS."""
    return st.lists(actors(), min_size=2, max_size=2, unique=True).map(lambda pair: Dyad(*pair))


@cache
def channels() -> SearchStrategy[str]:
    """Channels of a relationship: the NRC, high-level and military ones first, any name besides.

    Shrinks towards ``"nrc"``.
    """
    return st.sampled_from((NRC, HIGH_LEVEL, MILITARY)) | names()


@cache
def days(between: DateWindow = DEFAULT_WINDOW) -> SearchStrategy[date]:
    """Days within ``between``. Shrinks towards its first day."""
    return st.integers(0, between.days - 1).map(lambda offset: between.start + timedelta(offset))


@cache
def date_windows(
    between: DateWindow = DEFAULT_WINDOW, *, max_days: int = 45
) -> SearchStrategy[DateWindow]:
    """Windows of at most ``max_days`` days that start within ``between`` (and may end after it).

    Shrinks towards the single first day of ``between``.
    """
    return st.builds(
        lambda start, length: DateWindow(start, start + timedelta(length)),
        days(between),
        st.integers(0, max_days - 1),
    )


_ZONES = st.just(UTC) | st.integers(-12 * 4, 14 * 4).map(
    lambda quarter_hours: timezone(timedelta(minutes=15 * quarter_hours))
)
_ARTICLES = st.integers(0, 999).map(
    lambda number: f"{number:03d}_{number * 0x9E3779B97F4A7C15 % 2**64:016x}.txt"
)


def sources(*, published_after: date | None = None, max_delay: int = 30) -> SearchStrategy[Source]:
    """Reports in an outlet, with their quoted sentences.

    Published (when they say so) as a day or a timestamp, at most ``max_delay`` days after
    ``published_after`` (after any day of :data:`DEFAULT_WINDOW` when ``None``). Shrinks
    towards a source with no headline, no publication date and no quote.
    """
    return _sources(published_after, max_delay)


@cache
def _up_to(most: int) -> SearchStrategy[int]:
    return st.integers(0, most)


@cache
def _optional_texts() -> SearchStrategy[str]:
    return st.just("") | texts()


_PRECISIONS = st.sampled_from(("unknown", "day", "timestamp"))
_TIMES = st.times()


@cache
def _sources(published_after: date | None, max_delay: int) -> SearchStrategy[Source]:
    @st.composite
    def draw_source(draw: st.DrawFn) -> Source:
        published: date | datetime | None = None
        precision = draw(_PRECISIONS)
        if precision != "unknown":
            after = draw(days()) if published_after is None else published_after
            published = after + timedelta(draw(_up_to(max_delay)))
            if precision == "timestamp":
                published = datetime.combine(published, draw(_TIMES), draw(_ZONES))
        return Source(
            outlet=draw(texts()),
            article=draw(_ARTICLES),
            headline=draw(_optional_texts()),
            published=published,
            quotes=draw(_quote_lists()),
        )

    return draw_source()


@cache
def _quote_lists() -> SearchStrategy[list[str]]:
    return st.lists(texts(), max_size=1)


def participants(sides: Sequence[str] | None = None) -> SearchStrategy[Participant]:
    """People taking part, for one of ``sides`` (any actor when ``None``).

    Shrinks towards a participant for the first side.
    """
    return _participants(None if sides is None else tuple(sides))


@cache
def _participants(sides: tuple[str, ...] | None) -> SearchStrategy[Participant]:
    side = actors() if sides is None else st.sampled_from(sides)
    return st.builds(Participant, name=texts(), role=texts(), side=side)


def stances(actors_: Sequence[str] | None = None) -> SearchStrategy[Stance]:
    """Stated positions of one of ``actors_`` (any actor when ``None``) on an issue.

    Shrinks towards a stance of the first actor with no speaker.
    """
    return _stances(None if actors_ is None else tuple(actors_))


@cache
def _stances(actors_: tuple[str, ...] | None) -> SearchStrategy[Stance]:
    actor = actors() if actors_ is None else st.sampled_from(actors_)
    return st.builds(
        Stance,
        actor=actor,
        issue=names(),
        position=texts(),
        quote=texts(),
        speaker=_optional_texts(),
    )


@st.composite
def _declared_kinds(draw: st.DrawFn) -> str:
    """A type name declared at the time of the draw, so also one declared after import."""
    return draw(st.sampled_from(tuple(entry_types())))


def follow_ups(
    kinds: Sequence[str] | None = None,
    *,
    between: DateWindow = DEFAULT_WINDOW,
    max_days: int = 45,
) -> SearchStrategy[FollowUp]:
    """Expected events of one of ``kinds`` (entry type names; when ``None``, every type declared
    at the time of the draw), in a window of at most ``max_days`` days that starts within
    ``between``.

    Shrinks towards the first kind, on the first day of ``between``, with no detail.
    """
    return _follow_ups(None if kinds is None else tuple(kinds), between, max_days)


@cache
def _follow_ups(
    kinds: tuple[str, ...] | None, between: DateWindow, max_days: int
) -> SearchStrategy[FollowUp]:
    kind = _declared_kinds() if kinds is None else st.sampled_from(kinds)

    @st.composite
    def draw_follow_up(draw: st.DrawFn) -> FollowUp:
        start = between.start + timedelta(draw(_up_to(between.days - 1)))
        end = start + timedelta(draw(_up_to(max_days - 1)))
        return FollowUp(
            kind=draw(kind),
            expected=DateWindow(start, end),
            phrase=draw(texts()),
            quote=draw(texts()),
            detail=draw(_optional_texts()),
        )

    return draw_follow_up()


@cache
def cooperation_notes() -> SearchStrategy[CooperationNote]:
    """What an entry says of cooperation in an area.

    Shrinks towards ``afghanistan_transit``, ``continuing``.
    """
    return st.builds(
        CooperationNote,
        area=st.sampled_from(KNOWN_AREAS) | names(),
        status=st.sampled_from(CooperationStatus),
        quote=texts(),
    )
