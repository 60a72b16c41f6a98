"""Strategies for whole logs, told as a story, for second reports, and for replayed states."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from tracker._dates import DateWindow, Day, Precision
from tracker._entries import (
    HIGH_LEVEL,
    LEVELS,
    MILITARY,
    NRC,
    BodyDefunct,
    ChannelEstablished,
    Condemnation,
    CouncilMeeting,
    Declaration,
    Dyad,
    EconomicMeasure,
    Entry,
    Expulsion,
    FollowUp,
    ForceAction,
    InformalMeeting,
    Lift,
    MeetingAnnouncement,
    MinisterialDecision,
    PresenceAction,
    PresenceMeasure,
    Proposal,
    Suspension,
    UseOfForce,
    entry_types,
    level_of,
)
from tracker._reducer import apply
from tracker._replay import DEFAULT_DYAD, Replay
from tracker._state import CONSULAR, FORCE, MISSION, Effect, Measure, State
from tracker.strategies._entries import MEETING_KINDS, PLAIN_TEXT, drawable_types, entries_on
from tracker.strategies._values import (
    _FLAGS,
    DEFAULT_WINDOW,
    KNOWN_MISSIONS,
    days,
    dyads,
    levels,
    precisions,
    sources,
    texts,
)

__all__ = ["corroborations", "logs", "states"]

#: The channels a story suspends, resumes and meets on.
STORY_CHANNELS = (NRC, HIGH_LEVEL, MILITARY)

#: The built-in types, which the story tells; types declared elsewhere are drawn as events.
BUILT_IN = frozenset(cls for cls in entry_types().values() if cls.__module__ == Entry.__module__)


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
    changes: dict[str, SearchStrategy[Any]] = {
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

    span = window.days if window.end is not None else _OPEN_SPAN

    def narrowed(skip: int, length: int | None) -> FollowUp:
        start = window.start + timedelta(min(skip, span - 1))
        end = start + timedelta(length) if length is not None else None
        if window.end is not None:
            end = min(end or window.end, window.end)
        return attrs.evolve(follow_up, expected=DateWindow(start, end))

    return st.just(follow_up) | st.builds(
        narrowed, st.integers(0, span - 1), st.none() | st.integers(0, span - 1)
    )


#: How much of an open-ended window a second report narrows it within, in days.
_OPEN_SPAN = 366


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

    The story: channels set up; perhaps a suspension by one party, a counter-measure by the
    other, a decision of the first to resume contacts and lift its measures (whole or at some
    levels, at once or from a later day), and a joint decision lifting all that stands; then
    acts drawn in any order: meetings (a formal council only where no measure forbids it),
    announcements of meetings later held, held after they lapsed, never held or met by a meeting
    of the other kind, statements (declarations, condemnations, proposals), suspensions,
    economic measures (sanctions; perhaps a new round of one in force), uses of force (attacks,
    and an invasion, occupation or blockade, perhaps ended by its party's withdrawal or by a
    ceasefire of both), expulsions and measures
    on missions by either party (perhaps with its promise to restore the presence there,
    perhaps kept by its reopening, after a measure of the other party or not),
    bodies declared defunct and perhaps set up again, missions closed or whose envoy was
    recalled reopened by either party, decisions of one party or of both jointly (which may lift
    every measure standing), long pauses, and entries of the types declared outside tracker
    (once :func:`register_entry_type` knows them); every entry perhaps expecting follow-ups (of
    any entry type) which later entries may fulfil, and perhaps stated to its month or year
    only; and second reports of some entries (:func:`corroborations`). ``foreign`` adds up to
    two entries of other dyads, which a replay of ``dyad`` ignores. Without ``nonsense`` the
    built-in rules find nothing anomalous in the story. With it (which needs ``max_size`` of 2
    or more and ``between`` of 2 days or more) up to three entries of random types are slipped
    in on random days, and the log always ends, the day after the story, with a transition the
    built-in rules find anomalous whatever came before: a channel suspended and met the same day
    by a formal council.

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
_PAUSES = st.integers(90, 400)
_CHANNEL_SETS = st.lists(st.sampled_from(STORY_CHANNELS), unique=True, max_size=3)
_COUNCILS = st.sampled_from(STORY_CHANNELS)
_MISSIONS = st.sampled_from(KNOWN_MISSIONS)
_LEVEL_SETS = st.lists(st.sampled_from(tuple(LEVELS)), unique=True, max_size=2).map(tuple)
_MEASURES_ON_MISSIONS = st.sampled_from(
    [action for action in PresenceAction if action is not PresenceAction.OPENED]
)
_ECONOMIC_MEASURES = st.sampled_from(("trade_embargo", "export_controls", "listed_persons"))
_FORCE_ACTIONS = st.sampled_from(ForceAction)
#: Where force is used: on the party's use of force as a whole, or on a named territory.
_THEATRES = st.sampled_from(("", "border_region", "islands"))
_STATEMENTS = st.sampled_from((Declaration, Condemnation, Proposal))
_MEETING_KINDS = st.sampled_from(MEETING_KINDS)
#: Three times in four; shrinks towards not.
_LIKELY = st.integers(0, 3).map(bool)
#: One time in four; shrinks towards not.
_RARELY = st.integers(0, 3).map(lambda drawn: drawn == 3)
#: A story's acts, simplest first (what the shrinker moves towards).
_ACTS = (
    "meet",
    "council",
    "statement",
    "announce",
    "suspend",
    "expel",
    "sanction",
    "act_on_mission",
    "decide",
    "normalize",
    "reopen",
    "dissolve",
    "set_up_again",
    "pause",
    "fight",
)


#: How long after the story an entry reported up to 45 days late may be placed.
_LATEST_REPORT = timedelta(45)


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
    pool = drawable_types() if types is None else types
    kinds = None if types is None else tuple(cls.TYPE for cls in types)
    # With nonsense, the last day is left for the anomalous transition that ends the log.
    last = between.last - timedelta(1) if nonsense else between.last
    story = _Story(draw, dyad=dyad, between=between, last=last, plain=plain, kinds=kinds)
    story.some(story.set_up, 3)
    story.some(story.crisis, 1)
    acts = st.sampled_from(_ACTS + tuple(cls for cls in pool if cls not in BUILT_IN))
    story.some(lambda: story.act(acts, max_size), max_size)
    told = story.told
    if told:
        story.some(story.corroborate, 3)
    span = DateWindow(between.start, story.today)
    added = draw(
        _slipped_in(
            dyad=dyad,
            span=span,
            new_id=story.new_id,
            plain=plain,
            nonsense=nonsense,
            foreign=foreign,
            max_size=max_size,
            pool=pool,
            kinds=kinds,
        )
    )
    # The story is in the order of its days: cutting it short keeps its beginning.
    kept = sorted(told[: max_size - len(added)] + added, key=_plain_day)
    by_day = [list(group) for _, group in itertools.groupby(kept, key=_plain_day)]
    return tuple(entry for group in draw(st.permutations(by_day)) for entry in group)


def _plain_day(entry: Entry) -> date:
    """The day an entry is placed on, whatever its precision: what replay orders by."""
    return date.fromordinal(entry.on.toordinal())


class _Story:
    """One story being told: the entries so far, the state they fold into, and the day.

    Each act reads the state to stay valid: a party suspends only what it has not suspended,
    resumes and lifts only its own measures (either party's when deciding jointly), sets up
    again only a body declared defunct, and a council meets formally only where no measure
    forbids it. An entry stated to its month or year is placed on a later day than it was
    drawn for; the story goes on from there.
    """

    def __init__(
        self,
        draw: st.DrawFn,
        *,
        dyad: Dyad,
        between: DateWindow,
        last: date,
        plain: bool,
        kinds: tuple[str, ...] | None,
    ) -> None:
        self.draw = draw
        self.dyad = dyad
        self.last = last
        self.plain = plain
        self.kinds = kinds
        self.state = State(dyad)
        self.told: list[Entry] = []
        self.numbers = itertools.count(1)
        self.today = draw(
            days(DateWindow(between.start, max(between.start, last - timedelta(180))))
        )

    def new_id(self, cls: type[Entry]) -> str:
        return f"{cls.TYPE.replace('_', '-')}-{next(self.numbers)}"

    def tell(self, cls: type[Entry], *, gap: int | None = None, **fixed: object) -> Entry:
        """Tell the next entry of the story, ``gap`` days (by default up to three weeks) after
        the last one."""
        gap = self.draw(_GAPS) if gap is None else gap
        day = min(self.today + timedelta(gap), self.last)
        # A coarse day is placed up to its report: only where that stays within the story.
        coarse = day + _LATEST_REPORT <= self.last
        precision = self.draw(precisions()) if coarse else Precision.DAY
        entry = self.draw(
            entries_on(
                cls,
                id=self.new_id(cls),
                parties=self.dyad,
                on=Day.of(day, precision),
                plain=self.plain,
                kinds=self.kinds,
                **fixed,
            )
        )
        self.today = _plain_day(entry)
        self.state = apply(self.state, entry)
        self.told.append(entry)
        return entry

    def party(self) -> str:
        return self.draw(st.sampled_from((self.dyad.first, self.dyad.second)))

    def other(self, party: str) -> str:
        return self.dyad.second if party == self.dyad.first else self.dyad.first

    def measures(self, target: str | None = None, by: str | None = None) -> list[Measure]:
        """The measures (on ``target``, of ``by``) that stand whatever is told next: not lifted,
        and no lifting announced for a later day."""
        return [
            measure
            for measure in self.state.measures.values()
            if (target is None or measure.target == target)
            and (by is None or measure.by == by)
            and measure.standing(None)
        ]

    def taken(self, target: str, by: str, levels: tuple[str, ...]) -> bool:
        """Whether ``by`` has a measure on ``target`` at one of ``levels`` that may still stand
        on any later day."""
        return any(
            measure.standing(self.today)
            and (not levels or not measure.levels or set(levels) & set(measure.levels))
            for measure in self.state.measures.values()
            if measure.target == target and measure.by == by
        )

    # -- acts ------------------------------------------------------------------------------

    def some(self, act: Callable[[], object], max_size: int) -> None:
        """Do ``act`` up to ``max_size`` times, each time drawing all it draws in one span of
        choices: the shrinker drops one act and what it drew in one step."""
        self.draw(st.lists(st.builds(act), max_size=max_size))

    def act(self, acts: SearchStrategy[str | type[Entry]], max_size: int) -> None:
        """One of ``acts`` (an entry of a type declared outside tracker is told as it is
        drawn), none once ``max_size`` entries are told (the rest would be cut)."""
        act = self.draw(acts)
        if len(self.told) >= max_size:
            return
        if isinstance(act, str):
            getattr(self, act)()
        else:
            self.tell(act)

    def corroborate(self) -> None:
        """A second report of an entry told, counted from the latest (so that the shrinker can
        drop earlier ones), placed right after it."""
        original = self.told[-1 - self.draw(st.integers(0, len(self.told) - 1))]
        new_id = self.new_id(type(original))
        second = self.draw(corroborations(original, id=new_id, plain=self.plain))
        self.told.insert(self.told.index(original) + 1, second)

    def set_up(self) -> None:
        """A channel set up, unless it already was."""
        channel = self.draw(_COUNCILS)
        if channel not in self.state.roles:
            self.tell(ChannelEstablished, channel=channel)

    def crisis(self) -> None:
        """A suspension; perhaps a counter-measure by the other party, a decision of the first
        to re-engage, and a joint decision lifting all that stands."""
        party = self.party()
        channels = tuple(self.draw(_CHANNEL_SETS.filter(bool)))
        self.suspend(party, channels)
        self.perhaps(_LIKELY, lambda: self.suspend(self.other(party), channels))
        self.perhaps(_LIKELY, lambda: self.decide(party))
        self.perhaps(st.booleans(), self.normalize)

    def perhaps(self, likely: SearchStrategy[bool], act: Callable[[], object]) -> None:
        """Do ``act`` if ``likely`` says so, drawing all it draws in one span of choices (which
        the shrinker drops with the choice)."""
        if self.draw(likely):
            self.draw(st.builds(act))

    def suspend(self, party: str | None = None, channels: tuple[str, ...] = ()) -> None:
        party = party or self.party()
        channels = channels or tuple(self.draw(_CHANNEL_SETS.filter(bool)))
        levels = self.draw(_LEVEL_SETS)
        free = tuple(channel for channel in channels if not self.taken(channel, party, levels))
        if free:
            self.tell(Suspension, by=party, channels=free, levels=levels)

    def expel(self) -> None:
        self.tell(Expulsion, by=self.party(), mission=self.draw(_MISSIONS))

    def sanction(self) -> None:
        """An economic measure, perhaps a new round of one the party keeps in force."""
        party = self.party()
        own = sorted({m.target for m in self.measures(by=party) if m.effect is Effect.SANCTION})
        again = bool(own) and self.draw(st.booleans())
        measure = self.draw(st.sampled_from(own) if again else _ECONOMIC_MEASURES)
        self.tell(EconomicMeasure, by=party, measure=measure)

    def fight(self) -> None:
        """Armed force used by either party: attacks, perhaps an invasion, an occupation or a
        blockade on a territory, and perhaps its end: its party withdraws, or both agree a
        ceasefire, lifting the force there."""
        party = self.party()
        action = self.draw(_FORCE_ACTIONS)
        territory = self.draw(_THEATRES)
        self.tell(UseOfForce, by=party, action=action, territory=territory)
        if action is ForceAction.ATTACK or not self.draw(st.booleans()):
            return
        jointly = self.draw(st.booleans())
        self.tell(
            MinisterialDecision,
            by=party,
            jointly=jointly,
            resumes=(),
            lifts=(Lift(territory or FORCE),),
            gap=self.draw(st.integers(0, 120)),
        )

    def act_on_mission(self) -> None:
        """A measure on a mission, perhaps with its party's promise to restore the presence
        there (an envoy recalled, to be sent back), and perhaps that promise kept: its party
        opens the mission again, in time or late, perhaps after a measure of the other party
        on a mission, which does not keep it."""
        party, mission = self.party(), self.draw(_MISSIONS)
        owner = self.state.missions.get(mission) or self.other(party)
        action = self.draw(_MEASURES_ON_MISSIONS)
        if not self.draw(_RARELY):
            self.tell(PresenceMeasure, by=party, mission=mission, of=owner, action=action)
            return
        start = self.today + timedelta(self.draw(st.integers(0, 30)))
        length = self.draw(st.none() | st.integers(0, 60))
        words = PLAIN_TEXT if self.plain else self.draw(texts())
        back = FollowUp(
            kind=PresenceMeasure.TYPE,
            expected=DateWindow(start, None if length is None else start + timedelta(length)),
            phrase=words,
            quote=words,
            actor=party,
            mission=mission,
            restores=True,
        )
        self.tell(
            PresenceMeasure, by=party, mission=mission, of=owner, action=action, follow_ups=(back,)
        )
        if not self.draw(_LIKELY):
            return
        if self.draw(st.booleans()):
            other = self.other(party)
            elsewhere = self.draw(_MISSIONS)
            of = self.state.missions.get(elsewhere) or party
            measure = self.draw(_MEASURES_ON_MISSIONS)
            self.tell(PresenceMeasure, by=other, mission=elsewhere, of=of, action=measure)
        gap = max((start - self.today).days, 0) + self.draw(st.integers(0, 30))
        self.tell(
            PresenceMeasure,
            gap=gap,
            by=party,
            mission=mission,
            of=owner,
            action=PresenceAction.OPENED,
        )

    def reopen(self) -> None:
        """A mission closed, or whose envoy was recalled, opened again by either party."""
        reduced = (Effect.CLOSE, Effect.RESTRICT)
        closed = sorted({m.target for m in self.measures() if m.effect in reduced})
        if not closed:
            return
        mission = self.draw(st.sampled_from(closed))
        owner = self.state.missions.get(mission, self.dyad.first)
        self.tell(
            PresenceMeasure,
            by=self.party(),
            mission=mission,
            of=owner,
            action=PresenceAction.OPENED,
        )

    def dissolve(self) -> None:
        """A body declared defunct, and perhaps set up again later."""
        self.tell(BodyDefunct, by=self.party(), channel=self.draw(_COUNCILS))
        if self.draw(st.booleans()):
            self.set_up_again()

    def set_up_again(self) -> None:
        defunct = sorted({m.target for m in self.measures() if m.effect is Effect.DISSOLVE})
        if defunct:
            self.tell(ChannelEstablished, channel=self.draw(st.sampled_from(defunct)))

    def decide(self, party: str | None = None) -> None:
        """A decision to resume contacts on channels under the party's measures and to lift
        some of them, whole or at some levels, perhaps from a later day; joint decisions act on
        either party's measures."""
        party = party or self.party()
        jointly = not self.draw(_LIKELY)
        mine = self.measures(by=None if jointly else party)
        channels = sorted({m.target for m in mine if m.role not in (MISSION, CONSULAR)})
        resumes = self.draw(st.lists(st.sampled_from(channels), unique=True)) if channels else []
        targets = sorted({m.target for m in mine})
        some = self.draw(_LIKELY) and bool(targets)
        chosen = (
            self.draw(st.lists(st.sampled_from(targets), min_size=1, unique=True)) if some else []
        )
        lifted = [self.lift([m for m in mine if m.target == target]) for target in chosen]
        self.tell(
            MinisterialDecision,
            by=party,
            jointly=jointly,
            resumes=tuple(resumes),
            lifts=tuple(lifted),
        )

    def normalize(self) -> None:
        """A decision of both parties that lifts every measure standing, at once."""
        targets = sorted({m.target for m in self.measures()})
        if not targets:
            return
        self.tell(
            MinisterialDecision,
            by=self.party(),
            jointly=True,
            resumes=(),
            lifts=tuple(Lift(target) for target in targets),
        )

    def lift(self, measures: list[Measure]) -> Lift:
        """A lift of one of ``measures`` (all on one target): whole, or at some of its levels
        (at any level for a measure at all), from the decision's day or a later one."""
        measure = self.draw(st.sampled_from(measures))
        levels = measure.levels or tuple(LEVELS)
        part = self.draw(st.lists(st.sampled_from(levels), unique=True, max_size=2))
        later = self.draw(st.none() | st.integers(0, 60))
        effective = None if later is None else self.today + timedelta(later)
        return Lift(measure.target, levels=tuple(part), effective=effective)

    def meet(self) -> None:
        self.tell(InformalMeeting)

    def council(self, council: str | None = None, level: str | None = None, **fixed: Any) -> None:
        council = council or self.draw(_COUNCILS)
        level = level or self.draw(levels())
        formal = bool(fixed.pop("formal", self.draw(st.booleans())))
        formal = formal and not self.forbidden(council, level)
        self.tell(CouncilMeeting, council=council, level=level, formal=formal, **fixed)

    def forbidden(self, council: str, level: str) -> bool:
        """Whether a suspension not yet eased may cover a formal session of ``council`` at
        ``level`` on any later day."""
        level = level_of(level)
        return any(
            measure.effect is Effect.SUSPEND
            and measure.standing(self.today)
            and not measure.eased(self.today)
            and (not measure.levels or level in measure.levels)
            for measure in self.state.measures.values()
            if measure.target == council
        )

    def statement(self) -> None:
        self.tell(self.draw(_STATEMENTS))

    def announce(self) -> None:
        """A meeting announced for a window, perhaps open-ended, and perhaps held: in time,
        late, or long after the expectation lapsed; or a meeting of the other kind held
        instead, which leaves the expectation waiting."""
        kind = self.draw(_MEETING_KINDS)
        forum = self.draw(_COUNCILS)
        council = kind == CouncilMeeting.TYPE
        level = self.draw(st.just("") | levels()) if council else ""
        formal = self.draw(_FLAGS) if council else None
        start = self.today + timedelta(self.draw(st.integers(0, 30)))
        length = self.draw(st.none() | st.integers(0, 30))
        window = DateWindow(start, None if length is None else start + timedelta(length))
        words = PLAIN_TEXT if self.plain else self.draw(texts())
        planned = FollowUp(
            kind=kind,
            expected=window,
            phrase=words,
            quote=words,
            forum=forum,
            level=level,
            formal=formal,
        )
        announced = self.tell(MeetingAnnouncement, planned=planned)
        if not self.draw(_LIKELY):
            return
        pending = next((item for item in self.state.pending if item.source == announced.id), None)
        late = self.draw(st.booleans())
        due = pending.lapses if late and pending else window.start
        gap = max((due - self.today).days, 0) + self.draw(st.integers(0, 30))
        if self.draw(_RARELY):
            council = not council
        if council:
            fixed = {"formal": formal} if formal is not None else {}
            self.council(forum, level or None, gap=gap, **fixed)
        else:
            self.tell(InformalMeeting, gap=gap, channel=forum)

    def pause(self) -> None:
        self.today = min(self.today + timedelta(self.draw(_PAUSES)), self.last)


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
        added += draw(_contradictions(dyad, span.last + timedelta(1), new_id, plain, kinds=kinds))
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
    party formally suspends a channel at every level from that day (anomalous if it had
    already), and the channel's council meets formally (which would end a de facto one)."""
    channel = draw(_COUNCILS)
    party = draw(st.sampled_from((dyad.first, dyad.second)))
    pair: tuple[tuple[type[Entry], dict[str, object]], ...] = (
        (
            Suspension,
            {
                "by": party,
                "channels": (channel,),
                "levels": (),
                "effective": None,
                "de_facto": False,
            },
        ),
        (CouncilMeeting, {"council": channel, "formal": True}),
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
