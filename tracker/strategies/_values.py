"""Strategies for the values entries are made of: actors, days and their precision, windows,
levels, lifts, sources, stances."""

from __future__ import annotations

import operator
import string
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from tracker._dates import DateWindow, Day, Precision
from tracker._entries import (
    HIGH_LEVEL,
    LEVELS,
    MILITARY,
    NRC,
    CooperationNote,
    CooperationStatus,
    Dyad,
    FollowUp,
    Lift,
    Participant,
    PresenceMeasure,
    Role,
    Source,
    Stance,
    entry_types,
)

__all__ = [
    "DEFAULT_WINDOW",
    "actors",
    "cameo_codes",
    "channels",
    "cooperation_notes",
    "date_windows",
    "days",
    "dyads",
    "follow_ups",
    "goldstein_values",
    "ids",
    "levels",
    "lifts",
    "missions",
    "names",
    "participants",
    "precisions",
    "roles",
    "sources",
    "stances",
    "stated_days",
    "texts",
    "urls",
]

#: The days drawn when no window is given: the years around the NATO–Russia log.
DEFAULT_WINDOW = DateWindow(date(2008, 1, 1), date(2009, 12, 31))

#: Actors that read well in a counterexample; any actor code may be drawn besides.
KNOWN_ACTORS = ("NATO", "RUS", "EU", "USA", "GEO", "UKR")

#: Cooperation areas of the NATO–Russia log; any snake_case name may be drawn besides.
KNOWN_AREAS = ("afghanistan_transit", "counter_piracy", "counter_terrorism", "counter_narcotics")

#: Missions and offices of the NATO–Russia log; any snake_case name may be drawn besides.
KNOWN_MISSIONS = ("russian_mission_to_nato", "nato_information_office", "nato_liaison_mission")

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
def missions() -> SearchStrategy[str]:
    """Missions and offices of one party to the other: known ones first, any name besides.

    Shrinks towards ``"russian_mission_to_nato"``.
    """
    return st.sampled_from(KNOWN_MISSIONS) | names()


@cache
def roles() -> SearchStrategy[Role]:
    """What a channel is for. Shrinks towards :attr:`Role.FORUM`."""
    return st.sampled_from(Role)


@cache
def levels(*, words: bool = True) -> SearchStrategy[str]:
    """Levels at which a forum meets or a measure applies: the names of :data:`LEVELS`, and
    with ``words`` the words sources use for them (``"ambassadorial"``) and any snake_case name.

    Shrinks towards ``"ambassadors"``.
    """
    named = st.sampled_from(tuple(LEVELS))
    if not words:
        return named
    spoken = st.sampled_from(tuple(word for said in LEVELS.values() for word in said))
    return named | spoken | names()


@cache
def days(between: DateWindow = DEFAULT_WINDOW) -> SearchStrategy[date]:
    """Days within ``between`` (an open-ended window: up to 20 years after its first day).

    Shrinks towards its first day.
    """
    count = between.days if between.end is not None else 20 * 366
    return st.integers(0, count - 1).map(timedelta).map(between.start.__add__)


@cache
def precisions() -> SearchStrategy[Precision]:
    """How much of a day a source gives: mostly the day itself, else its month or its year.

    Shrinks towards :attr:`Precision.DAY`.
    """
    return st.sampled_from((Precision.DAY,) * 3 + (Precision.MONTH, Precision.YEAR))


@cache
def stated_days(between: DateWindow = DEFAULT_WINDOW) -> SearchStrategy[Day]:
    """Days of ``between`` as a log states them: the day, or the month or year it falls in
    (an entry places a coarse day within that period, see :class:`~tracker.Entry`).

    Shrinks towards the first day of ``between``, stated exactly.
    """
    return st.builds(Day.of, days(between), precisions())


@cache
def date_windows(
    between: DateWindow = DEFAULT_WINDOW, *, max_days: int = 45, open_ended: bool = False
) -> SearchStrategy[DateWindow]:
    """Windows of at most ``max_days`` days that start within ``between`` (and may end after
    it); with ``open_ended``, also windows with no last day ("after the summit").

    Shrinks towards the single first day of ``between``.
    """
    lengths = st.integers(0, max_days - 1).map(timedelta)
    ends = (lengths | st.none()) if open_ended else lengths
    return st.builds(_window, days(between), ends)


def _window(start: date, length: timedelta | None) -> DateWindow:
    return DateWindow(start, None if length is None else start + length)


@cache
def lifts(
    targets: SearchStrategy[str] | None = None, *, between: DateWindow = DEFAULT_WINDOW
) -> SearchStrategy[Lift]:
    """What a decision lifts: a channel or a mission of ``targets`` (by default any channel or
    mission), whole or at some levels (of :data:`LEVELS`), from its day or from a day of
    ``between``.

    Shrinks towards a whole lift of the first target, from the day of the decision.
    """
    return st.builds(
        Lift,
        target=channels() | missions() if targets is None else targets,
        levels=st.lists(levels(words=False), max_size=2, unique=True).map(tuple),
        effective=st.none() | days(between),
    )


_ZONES = st.just(UTC) | st.integers(-12 * 4, 14 * 4).map(
    lambda quarter_hours: timezone(timedelta(minutes=15 * quarter_hours))
)
_ARTICLES = st.integers(0, 999).map(
    lambda number: f"{number:03d}_{number * 0x9E3779B97F4A7C15 % 2**64:016x}.txt"
)


@cache
def cameo_codes() -> SearchStrategy[str]:
    """CAMEO event codes as text, their leading zeros kept: a root (``"04"``), a code
    (``"042"``) or a sub-code (``"0421"``). Shrinks towards ``"01"``."""
    return st.builds(
        "{:02d}{}".format,
        st.integers(1, 20),
        st.sampled_from(("", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))
        | st.integers(0, 9).map(lambda digit: f"1{digit}"),
    )


@cache
def goldstein_values() -> SearchStrategy[float]:
    """Values on a Goldstein-like scale, -10 to 10 in tenths as datasets write them.
    Shrinks towards ``0.0``."""
    return st.integers(-100, 100).map(lambda tenths: tenths / 10)


@cache
def urls() -> SearchStrategy[str]:
    """Addresses of published articles. Shrinks towards ``"https://a.example/0"``."""
    return st.builds(
        "https://{}.example/{}".format,
        names().map(lambda name: name.replace("_", "-")),
        st.integers(0, 10**6),
    )


def sources(*, published_after: date | None = None, max_delay: int = 30) -> SearchStrategy[Source]:
    """Reports in an outlet: a bundled article with the sentences it quotes, an article cited
    by its address alone (no quotes), or both.

    Published (when they say so) as a day or a timestamp, at most ``max_delay`` days after
    ``published_after`` (after any day of :data:`DEFAULT_WINDOW` when ``None``). Shrinks
    towards a bundled article with no headline, address, publication date or quote.
    """
    return _sources(published_after, max_delay)


@cache
def _up_to(most: int) -> SearchStrategy[int]:
    return st.integers(0, most)


@cache
def _optional_texts() -> SearchStrategy[str]:
    return st.just("") | texts()


_PRECISIONS = st.sampled_from(("unknown", "day", "timestamp"))
_CITATIONS = st.sampled_from(("article", "address", "both"))
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
        cited = draw(_CITATIONS)
        bundled = cited != "address"
        return Source(
            outlet=draw(texts()),
            article=draw(_ARTICLES) if bundled else "",
            headline=draw(_optional_texts()),
            published=published,
            url=draw(urls()) if cited != "article" else "",
            quotes=draw(_quote_lists()) if bundled else (),
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


def _expectable(kinds: Iterable[str]) -> tuple[str, ...]:
    """The names among ``kinds`` a follow-up may await: any but machine-coded evidence, which
    resolves no expectation."""
    declared = entry_types()
    return tuple(kind for kind in kinds if kind not in declared or declared[kind].CURATED)


def _kinds_of(kinds: tuple[str, ...] | None) -> SearchStrategy[str]:
    """A kind to await: one of ``kinds`` that may be awaited (nothing when none may), or with
    ``None`` one declared at the time of the draw, so also one declared after import."""
    if kinds is None:
        return _declared_kinds()
    awaited = _expectable(kinds)
    return st.sampled_from(awaited) if awaited else st.nothing()


@st.composite
def _declared_kinds(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(_expectable(entry_types())))


def follow_ups(
    kinds: Sequence[str] | None = None,
    *,
    between: DateWindow = DEFAULT_WINDOW,
    max_days: int = 45,
    parties: Dyad | None = None,
) -> SearchStrategy[FollowUp]:
    """Expected events of one of ``kinds`` (entry type names, machine-coded evidence left out;
    when ``None``, every curated type declared at the time of the draw), in a window of at
    most ``max_days`` days, or open-ended, that starts within ``between``; perhaps saying on
    which forum, at which level, whether formal, which party is to act (one of ``parties``
    when given), on which mission, and whether to restore the presence there or reduce it.

    Shrinks towards the first kind, on the first day of ``between`` only, with no detail and
    nothing said of forum, level, formality, party, mission or direction.
    """
    return _follow_ups(None if kinds is None else tuple(kinds), between, max_days, parties)


#: A flag stated or not (``None``): a formality, a direction.
_FLAGS = st.none() | st.booleans()


@cache
def _follow_ups(
    kinds: tuple[str, ...] | None, between: DateWindow, max_days: int, parties: Dyad | None
) -> SearchStrategy[FollowUp]:
    kind = _kinds_of(kinds)
    windows = date_windows(between, max_days=max_days, open_ended=True)
    acting = actors() if parties is None else st.sampled_from((parties.first, parties.second))

    @st.composite
    def draw_follow_up(draw: st.DrawFn) -> FollowUp:
        drawn = draw(kind)
        return FollowUp(
            kind=drawn,
            expected=draw(windows),
            phrase=draw(texts()),
            quote=draw(texts()),
            detail=draw(_optional_texts()),
            forum=draw(_optional(channels())),
            level=draw(_optional(levels())),
            formal=draw(_FLAGS),
            **_acted(drawn, draw(_optional(acting)), draw(_optional(missions())), draw(_FLAGS)),
        )

    return draw_follow_up()


def _acted(kind: str, actor: str, mission: str, restores: bool | None) -> dict[str, Any]:
    """What a follow-up of ``kind`` says of the party to act, the mission and the direction, of
    what was drawn: only what an entry of the kind can say (its ``by``, its ``mission``, and
    for a measure on a presence, whether it restores it), so that one may fulfil it."""
    cls = entry_types().get(kind)
    own = attrs.fields_dict(cls) if cls is not None else {}
    return {
        "actor": actor if "by" in own else "",
        "mission": mission if "mission" in own else "",
        "restores": restores if cls is not None and issubclass(cls, PresenceMeasure) else None,
    }


@cache
def _optional(names_: SearchStrategy[str]) -> SearchStrategy[str]:
    return st.just("") | names_


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
