"""Strategies for whole logs, told as a story, for second reports, and for replayed states."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import date, timedelta

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from tracker._dates import DateWindow
from tracker._entries import (
    HIGH_LEVEL,
    MILITARY,
    NRC,
    ChannelEstablished,
    CouncilMeeting,
    Declaration,
    Dyad,
    Entry,
    FollowUp,
    InformalMeeting,
    MeetingAnnouncement,
    MinisterialDecision,
    Suspension,
)
from tracker._replay import DEFAULT_DYAD, Replay
from tracker._state import State
from tracker.strategies._entries import drawable_types, entries_on
from tracker.strategies._values import DEFAULT_WINDOW, days, dyads, sources

__all__ = ["corroborations", "logs", "states"]

#: The channels a story suspends, resumes and meets on.
STORY_CHANNELS = (NRC, HIGH_LEVEL, MILITARY)

#: What may happen after the suspension and the decision, besides types users declare.
STORY_EVENTS = (InformalMeeting, CouncilMeeting, MeetingAnnouncement, Declaration)

#: The built-in types, which the story tells; types declared elsewhere are drawn as events.
BUILT_IN = frozenset((ChannelEstablished, Suspension, MinisterialDecision, *STORY_EVENTS))


def corroborations(
    entry: Entry, *, id: str | None = None, plain: bool = False
) -> SearchStrategy[Entry]:
    """Second reports of ``entry``'s occurrence: same type, parties, day and fields, another id
    (``id``, or the entry's own with a suffix), other sources, reported on another day, and
    perhaps narrower windows for what it expects.

    ``plain`` reports keep the entry's sources. Shrinks towards a report that differs from
    ``entry`` only in its id and its one source.
    """
    second_id = id or f"{entry.id}.second"
    expectations = st.tuples(*(_restated(follow_up) for follow_up in entry.follow_ups))
    changes: dict[str, SearchStrategy[object]] = {
        "id": st.just(second_id),
        "sources": (
            st.just(entry.sources)
            if plain
            else st.lists(sources(published_after=entry.on), min_size=1, max_size=2)
        ),
        "reported": st.integers(0, 45).map(lambda delay: entry.on + timedelta(delay)),
        "follow_ups": expectations,
    }
    if isinstance(entry, MeetingAnnouncement):
        changes["planned"] = _restated(entry.planned)
    return st.fixed_dictionaries(changes).map(lambda fields: attrs.evolve(entry, **fields))


def _restated(follow_up: FollowUp) -> SearchStrategy[FollowUp]:
    """The follow-up as another source states it: its window, or a narrower one within it."""
    window = follow_up.expected

    def narrowed(skip: int, length: int) -> FollowUp:
        start = window.start + timedelta(min(skip, window.days - 1))
        end = min(start + timedelta(length), window.end)
        return attrs.evolve(follow_up, expected=DateWindow(start, end))

    return st.just(follow_up) | st.builds(
        narrowed, st.integers(0, window.days - 1), st.integers(0, window.days - 1)
    )


def logs(
    *,
    dyad: Dyad = DEFAULT_DYAD,
    between: DateWindow = DEFAULT_WINDOW,
    nonsense: bool = False,
    foreign: bool = True,
    plain: bool = False,
    max_size: int = 12,
    types: Iterable[type[Entry]] | None = None,
) -> SearchStrategy[tuple[Entry, ...]]:
    """Logs of the relationship ``dyad``, told as a story within ``between``, at most
    ``max_size`` entries in all (the story is cut short to leave room for what is added to
    it), ids unique.

    The story: channels set up; perhaps a suspension, then a decision to resume some of the
    suspended channels; then meetings, announcements of meetings, declarations and entries of
    the types declared outside tracker (once :func:`register_entry_type` knows them), every
    entry perhaps expecting follow-ups (of any entry type) which later entries may fulfil; and
    second reports of some entries (:func:`corroborations`). ``foreign`` adds up to two
    entries of other dyads, which a replay of ``dyad`` ignores. Without ``nonsense`` the
    built-in rules find nothing anomalous in the story. With it (which needs ``max_size`` of 2
    or more and ``between`` of 2 days or more) up to three entries of random types are slipped
    in on random days, and the log always ends, the day after the story, with a transition the
    built-in rules find anomalous whatever came before: a channel set up and then resumed as if
    it were suspended, or suspended and then met by a formal council.

    Entries are written day by day, the days in any order (as a log appended when news came in
    would be), those of one day in the order they happened. ``plain`` entries carry only what
    the reducer reads (see :func:`entries_on`): quicker to draw and to shrink, for testing
    rules. ``types`` limits the types drawn beyond the story's own (its events, the entries
    slipped in and the kinds of follow-ups) to those given; by default every type the kit can
    draw at the time of each draw.
    Shrinks towards the empty log (with ``nonsense``, towards the two entries of its anomalous
    transition), then towards fewer entries, earlier days and days in order.
    """
    if nonsense and max_size < 2:
        msg = f"logs(nonsense=True) ends with two entries: it needs max_size >= 2, not {max_size}"
        raise InvalidArgument(msg)
    if nonsense and between.days < 2:
        msg = f"logs(nonsense=True) needs a window of two days or more, not {between}"
        raise InvalidArgument(msg)
    chosen = None
    if types is not None:
        wanted = set(types)
        if not wanted >= BUILT_IN:
            msg = "logs(types=...) must include the built-in types, which every story tells"
            raise InvalidArgument(msg)
        chosen = tuple(cls for cls in drawable_types() if cls in wanted)  # declaration order
        unknown = [cls.__qualname__ for cls in wanted if cls not in chosen]
        if unknown:
            msg = f"no strategy draws {', '.join(unknown)}: call register_entry_type() first"
            raise InvalidArgument(msg)
    return _stories(
        dyad=dyad,
        between=between,
        nonsense=nonsense,
        foreign=foreign,
        plain=plain,
        max_size=max_size,
        types=chosen,
    )


_GAPS = st.integers(0, 21)
_CHANNEL_SETS = st.lists(st.sampled_from(STORY_CHANNELS), unique=True, max_size=3)
_COUNCILS = st.sampled_from(STORY_CHANNELS)


@st.composite
def _stories(
    draw: st.DrawFn,
    *,
    dyad: Dyad,
    between: DateWindow,
    nonsense: bool,
    foreign: bool,
    plain: bool,
    max_size: int,
    types: tuple[type[Entry], ...] | None,
) -> tuple[Entry, ...]:
    numbers = itertools.count(1)
    pool = drawable_types() if types is None else types
    kinds = None if types is None else tuple(cls.TYPE for cls in types)
    story: list[Entry] = []
    seen: set[str] = set()
    suspended: set[str] = set()
    # With nonsense, the last day is left for the anomalous transition that ends the log.
    last = between.end - timedelta(1) if nonsense else between.end
    today = draw(days(DateWindow(between.start, max(between.start, last - timedelta(180)))))

    def new_id(cls: type[Entry]) -> str:
        return f"{cls.TYPE.replace('_', '-')}-{next(numbers)}"

    def tell(cls: type[Entry], *, told: bool = True, **fixed: object) -> Entry:
        """Draw the next entry of the story, up to three weeks after the last one; one not
        ``told`` is drawn all the same, so that leaving it out shifts no later draw (which
        lets the shrinker drop it in one step)."""
        nonlocal today
        gap = draw(_GAPS)
        today = min(today + timedelta(gap), last) if told else today
        entry_id = new_id(cls) if told else "untold"
        entry = draw(
            entries_on(cls, id=entry_id, parties=dyad, on=today, plain=plain, kinds=kinds, **fixed)
        )
        story.extend([entry] if told else [])
        return entry

    def first_report(entry: Entry) -> bool:
        """Whether the entry is the first report of its occurrence (so its rule applies)."""
        fresh = entry.occurrence() not in seen
        seen.add(entry.occurrence())
        return fresh

    for channel in draw(_CHANNEL_SETS):
        first_report(tell(ChannelEstablished, channel=channel))
    suspends, resumes_some = draw(st.booleans()), draw(st.booleans())
    channels = draw(_CHANNEL_SETS.filter(bool))
    suspension = tell(Suspension, told=suspends, channels=tuple(channels))
    if suspends and first_report(suspension):
        suspended.update(channels)
    resumes = draw(st.lists(st.sampled_from(channels), unique=True))
    decision = tell(MinisterialDecision, told=suspends and resumes_some, resumes=tuple(resumes))
    if suspends and resumes_some and first_report(decision):
        suspended.difference_update(resumes)
    events = (*STORY_EVENTS, *(cls for cls in pool if cls not in BUILT_IN))
    for cls in draw(st.lists(st.sampled_from(events), max_size=max_size)):
        if cls is InformalMeeting:
            entry = tell(cls)
            if first_report(entry):
                suspended.discard(entry.channel)
        elif cls is CouncilMeeting:
            council = draw(_COUNCILS)
            formal = draw(st.booleans()) and council not in suspended
            if first_report(tell(cls, council=council, formal=formal)):
                suspended.discard(council)
        else:
            first_report(tell(cls))
    for _ in range(draw(st.integers(0, 3)) if story else 0):
        # Counted from the latest entry, so that the shrinker can drop earlier ones.
        original = story[-1 - draw(st.integers(0, len(story) - 1))]
        second = draw(corroborations(original, id=new_id(type(original)), plain=plain))
        story.insert(story.index(original) + 1, second)
    span = DateWindow(between.start, today)
    added = draw(
        _slipped_in(
            dyad=dyad,
            span=span,
            new_id=new_id,
            plain=plain,
            nonsense=nonsense,
            foreign=foreign,
            max_size=max_size,
            pool=pool,
            kinds=kinds,
        )
    )
    # The story is in the order of its days: cutting it short keeps its beginning.
    kept = sorted(story[: max_size - len(added)] + added, key=lambda entry: entry.on)
    by_day = [list(group) for _, group in itertools.groupby(kept, key=lambda entry: entry.on)]
    return tuple(entry for group in draw(st.permutations(by_day)) for entry in group)


@st.composite
def _slipped_in(
    draw: st.DrawFn,
    *,
    dyad: Dyad,
    span: DateWindow,
    new_id: Callable[[type[Entry]], str],
    plain: bool,
    nonsense: bool,
    foreign: bool,
    max_size: int,
    pool: tuple[type[Entry], ...],
    kinds: tuple[str, ...] | None,
) -> list[Entry]:
    """What is added to a story told within ``span``, ``max_size`` entries at most: with
    ``nonsense``, an anomalous transition the day after and up to three strays of ``dyad``;
    with ``foreign``, up to two strays of other dyads; strays of the types of ``pool``, and
    follow-ups of ``kinds``."""
    added: list[Entry] = []
    if nonsense:
        added += draw(_contradictions(dyad, span.end + timedelta(1), new_id, plain, kinds=kinds))
        strays = _strays(dyad, span, new_id, plain, pool=pool, kinds=kinds)
        added += draw(st.lists(strays, max_size=min(3, max_size - 2)))
    if foreign:
        others = dyads().filter(lambda other: other != dyad)
        foreigners = others.flatmap(
            lambda other: _strays(other, span, new_id, plain, pool=pool, kinds=kinds)
        )
        added += draw(st.lists(foreigners, max_size=min(2, max_size - len(added))))
    return added


@st.composite
def _contradictions(
    draw: st.DrawFn,
    dyad: Dyad,
    on: date,
    new_id: Callable[[type[Entry]], str],
    plain: bool,
    *,
    kinds: tuple[str, ...] | None,
) -> list[Entry]:
    """Two entries of one day that the built-in rules find anomalous whatever came before: a
    channel set up then resumed as if suspended, or suspended then met by a formal council."""
    channel = draw(_COUNCILS)
    pair: tuple[tuple[type[Entry], dict[str, object]], ...] = (
        (
            (Suspension, {"channels": (channel,)}),
            (CouncilMeeting, {"council": channel, "formal": True}),
        )
        if draw(st.booleans())
        else (
            (ChannelEstablished, {"channel": channel}),
            (MinisterialDecision, {"resumes": (channel,)}),
        )
    )
    return [
        draw(
            entries_on(cls, id=new_id(cls), parties=dyad, on=on, plain=plain, kinds=kinds, **fixed)
        )
        for cls, fixed in pair
    ]


def _strays(
    dyad: Dyad,
    span: DateWindow,
    new_id: Callable[[type[Entry]], str],
    plain: bool,
    *,
    pool: tuple[type[Entry], ...],
    kinds: tuple[str, ...] | None,
) -> SearchStrategy[Entry]:
    """Entries of a type of ``pool`` expecting follow-ups of ``kinds``, on any day of ``span``,
    told by no story."""
    return st.tuples(st.sampled_from(pool), days(span)).flatmap(
        lambda drawn: entries_on(
            drawn[0], id=new_id(drawn[0]), parties=dyad, on=drawn[1], plain=plain, kinds=kinds
        )
    )


def states(
    *, dyad: Dyad = DEFAULT_DYAD, between: DateWindow = DEFAULT_WINDOW, nonsense: bool = True
) -> SearchStrategy[State]:
    """States a replay of a log of ``dyad`` (see :func:`logs`) gives at a day of ``between``,
    or after every entry, as it was or as it was known on a day.

    Shrinks towards the state of the empty log: before anything happened.
    """
    return _replayed(dyad, between, nonsense)


@st.composite
def _replayed(draw: st.DrawFn, dyad: Dyad, between: DateWindow, nonsense: bool) -> State:
    log = draw(logs(dyad=dyad, between=between, nonsense=nonsense))
    moments = st.none() | st.sampled_from(_days_of(log) or (between.start,)) | days(between)
    return Replay(log, dyad=dyad).at(draw(moments), known_at=draw(moments))


def _days_of(log: Iterable[Entry]) -> tuple[date, ...]:
    return tuple(sorted({day for entry in log for day in (entry.on, entry.reported)}))
