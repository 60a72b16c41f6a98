"""Synthetic event logs: realistic, deterministic entries for load tests and demonstrations.

Each dyad opens its missions, then lives through cycles of a relationship: a crisis brings
condemnations, suspensions of channels, expulsions and caps on a mission, and the other
party's counter-measure; a border war brings shelling across the border first, and perhaps a
strip of land held until the parties lift what stands; now and then a rupture closes every
mission or declares the council defunct. Ministers then decide to resume contacts, envoys meet
informally, measures are lifted in part and then jointly, and the council meets formally
again. Every transition is valid: a synthetic log replays with no anomaly.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tracker._dates import DateWindow, Day, Precision
from tracker._entries import (
    HIGH_LEVEL,
    MILITARY,
    NRC,
    BodyDefunct,
    ChannelEstablished,
    Condemnation,
    CooperationNote,
    CooperationStatus,
    CouncilMeeting,
    Declaration,
    Dyad,
    EconomicKind,
    EconomicMeasure,
    EconomicTarget,
    Entry,
    Expulsion,
    FollowUp,
    ForceAction,
    InformalMeeting,
    Lift,
    MeetingAnnouncement,
    MinisterialDecision,
    Participant,
    PresenceAction,
    PresenceMeasure,
    Proposal,
    Source,
    Stance,
    Suspension,
    UseOfForce,
)

__all__ = ["synthesize"]

_FIRST_DAY = date(1990, 1, 1)
_CHANNELS = (NRC, HIGH_LEVEL, MILITARY)
_PARTNERS = ("NATO", "EU", "USA", "OSCE", "FRA", "DEU", "GBR", "ITA", "JPN", "CHN")
_OUTLETS = ("Reuters", "Associated Press", "Agence France-Presse", "RFE/RL", "The Moscow Times")
_AREAS = ("counter_piracy", "afghanistan_transit", "counter_terrorism", "counter_narcotics")
_ISSUES = ("reengagement", "normalization", "missile_deployment", "enlargement")
_POSITIONS = ("in favour", "against", "cautious", "conditional", "open to talks")
_CRISES = ("border_war", "missile_deployment", "gas_dispute", "poisoning", "cyber_attack")
_PROPOSALS = (
    "a moratorium on missile deployments",
    "talks on confidence-building measures",
    "a new treaty on European security",
    "a meeting of the council at ministerial level",
)
_CITIES = ("Brussels", "Moscow", "Geneva", "Vienna", "Munich", "Helsinki")
#: The share of entries with a second source cited by its address alone.
_CITED_BY_URL = 0.1
#: The share of statements known only to their month, and to their year.
_MONTH_ONLY, _YEAR_ONLY = 0.1, 0.03


def synthesize(count: int, *, dyads: int = 1, seed: int = 0) -> Iterator[Entry]:
    """Yield ``count`` entries of ``dyads`` relationships in the order a log would be written:
    as they are reported. An entry reported days after it happened is back-dated: it comes
    after entries that happened later.

    The same ``count``, ``dyads`` and ``seed`` always give the same entries.
    """
    if count < 0:
        msg = f"cannot synthesize a negative number of entries ({count})"
        raise ValueError(msg)
    if dyads < 1:
        msg = f"a synthetic log needs at least one dyad, not {dyads}"
        raise ValueError(msg)
    stories = [
        _Story(_dyad(number), random.Random(f"{seed}:{number}")).entries()
        for number in range(dyads)
    ]
    merged = heapq.merge(
        *(_keyed(number, story) for number, story in enumerate(stories)), key=lambda item: item[0]
    )
    reported: list[tuple[date, int, Entry]] = []  # waiting for their report, by day and arrival
    for arrival, (_, entry) in enumerate(itertools.islice(merged, count)):
        while reported and reported[0][0] < entry.on:  # nothing later can be reported earlier
            yield heapq.heappop(reported)[2]
        heapq.heappush(reported, (entry.reported, arrival, entry))
    while reported:
        yield heapq.heappop(reported)[2]


def _keyed(number: int, story: Iterator[Entry]) -> Iterator[tuple[tuple[date, int, int], Entry]]:
    """A story's entries with the key that merges stories by day, stably."""
    for sequence, entry in enumerate(story):
        yield (entry.on, number, sequence), entry


def _dyad(number: int) -> Dyad:
    if number < len(_PARTNERS):
        return Dyad(_PARTNERS[number], "RUS")
    return Dyad(f"P{number:05d}", "RUS")


class _Story:
    """The endless history of one dyad, told one entry at a time.

    It keeps, without replaying, the measures standing (party and target), so that each
    suspension, resumption and lift is one the reducer accepts.
    """

    def __init__(self, dyad: Dyad, rng: random.Random) -> None:
        self.dyad = dyad
        self.rng = rng
        self.day = _FIRST_DAY + timedelta(days=rng.randrange(30))
        self.sequence = 0
        self.actor = dyad.first if dyad.second == "RUS" else dyad.second
        self.other = "RUS"
        self.missions = {
            self.actor: f"{self.actor.lower()}_office_moscow",
            self.other: f"rus_mission_to_{self.actor.lower()}",
        }
        self.standing: set[tuple[str, str]] = set()  # (party, target) of measures not lifted
        self.closed: set[tuple[str, str]] = set()  # closures, lifted by reopening
        self.capped: set[tuple[str, str]] = set()  # caps, which outlast a reopening
        self.dissolved = False  # the council declared defunct

    def entries(self) -> Iterator[Entry]:
        for channel in _CHANNELS:
            yield self._entry(
                ChannelEstablished,
                f"{self.dyad} set up the {channel} channel",
                channel=channel,
                body=f"{self.dyad} {channel} channel",
            )
        self._advance(1, 30)
        yield from self._open_missions()
        while True:
            yield from self._calm()
            yield from self._crisis()
            yield from self._recovery()

    # -- the phases of a cycle ------------------------------------------------------------

    def _calm(self) -> Iterator[Entry]:
        for _ in range(self.rng.randint(2, 6)):
            self._advance(1, 9)
            pick = self.rng.random()
            if pick < 0.4:
                yield self._declaration(CooperationStatus.CONTINUING)
            elif pick < 0.5:
                yield self._proposal(self.rng.choice((self.actor, self.other)))
            else:
                yield self._council(formal=True)

    def _crisis(self) -> Iterator[Entry]:
        self._advance(3, 20)
        crisis = self.rng.choice(_CRISES)
        if crisis == "border_war":
            yield from self._border_war()
        yield self._condemnation(self.actor, crisis, protest=False)
        self._advance(1, 5)
        channels = (NRC, HIGH_LEVEL, MILITARY) if self.rng.random() < 0.6 else (NRC, HIGH_LEVEL)
        yield self._suspension(self.actor, crisis, channels)
        if self.rng.random() < 0.5:
            self._advance(1, 6)
            yield self._expulsion(self.actor)
        if self.rng.random() < 0.3:
            self._advance(1, 6)
            yield self._restriction()
        if self.rng.random() < 0.3:
            self._advance(1, 10)
            yield self._sanctions(crisis)
        self._advance(1, 8)
        yield self._condemnation(self.other, crisis, protest=True)
        self._advance(1, 8)
        if self.rng.random() < 0.5 and (self.other, MILITARY) not in self.standing:
            yield self._suspension(self.other, f"{crisis} measures", (MILITARY,))
        else:
            yield self._expulsion(self.other)
        for _ in range(self.rng.randint(1, 3)):
            self._advance(1, 10)
            yield self._declaration(CooperationStatus.SUSPENDED)
        if self.rng.random() < 0.25:
            self._advance(5, 60)
            yield from self._rupture()
            self._advance(60, 400)
            yield from self._mend()
        if self.rng.random() < 0.4:
            self._advance(1, 10)
            yield self._proposal(self.other)

    def _border_war(self) -> Iterator[Entry]:
        """Shelling across the border by the other party, day after day, and perhaps a strip
        of land beyond it seized and held: a use of force standing until it is lifted."""
        for _ in range(self.rng.randint(1, 3)):
            yield self._entry(
                UseOfForce,
                f"{self.other} forces shell {self.actor} border posts",
                by=self.other,
                action=ForceAction.ATTACK,
                detail="artillery fire across the border",
            )
            self._advance(1, 5)
        if self.rng.random() < 0.4:
            self.standing.add((self.other, "border_area"))
            yield self._entry(
                UseOfForce,
                f"{self.other} forces take and hold a strip of land over the border",
                by=self.other,
                action=ForceAction.OCCUPATION,
                territory="border_area",
                detail="villages beyond the border held",
            )
            self._advance(1, 5)

    def _rupture(self) -> Iterator[Entry]:
        """Every mission closed, each to be opened again by its own party (which
        :meth:`_mend` does), or the council declared defunct."""
        if self.rng.random() < 0.5:
            self.dissolved = True
            yield self._entry(
                BodyDefunct,
                f"{self.other} declares the {self.dyad} council defunct",
                by=self.other,
                channel=NRC,
                body=f"{self.dyad} council",
                statement="the council has ceased to exist",
            )
            return
        for by, owner in ((self.actor, self.other), (self.other, self.actor)):
            self.closed.add((by, self.missions[owner]))
            yield self._entry(
                PresenceMeasure,
                f"{by} closes the {owner} mission",
                by=by,
                mission=self.missions[owner],
                of=owner,
                action=PresenceAction.CLOSED,
                detail="all staff to leave",
                effective=self.day + timedelta(days=self.rng.randint(0, 30)),
                follow_ups=(
                    self._open_follow_up(
                        PresenceMeasure.TYPE,
                        30,
                        "once relations allow",
                        actor=owner,
                        mission=self.missions[owner],
                        restores=True,
                    ),
                ),
            )
            self._advance(1, 10)

    def _mend(self) -> Iterator[Entry]:
        """What a rupture broke, set up again."""
        if self.dissolved:
            self.dissolved = False
            yield self._entry(
                ChannelEstablished,
                f"{self.dyad} set up their council again",
                channel=NRC,
                body=f"{self.dyad} council",
            )
        if self.closed:
            self.closed.clear()
            yield from self._open_missions()

    def _open_missions(self) -> Iterator[Entry]:
        """Each party opens its mission again, which ends every measure on it but a cap."""
        for owner in (self.actor, self.other):
            mission = self.missions[owner]
            self.standing -= {
                (party, target)
                for party, target in self.standing
                if target == mission and (party, target) not in self.capped
            }
            yield self._entry(
                PresenceMeasure,
                f"{owner} opens its mission",
                by=owner,
                mission=mission,
                of=owner,
                action=PresenceAction.OPENED,
            )
            self._advance(1, 20)

    def _recovery(self) -> Iterator[Entry]:
        self._advance(5, 30)
        suspended = [channel for party, channel in sorted(self.standing) if party == self.actor]
        resumes = [channel for channel in suspended if channel in (NRC, HIGH_LEVEL)]
        if self.rng.random() < 0.7:
            resumes = [channel for channel in suspended if channel in _CHANNELS]
        yield self._entry(
            MinisterialDecision,
            f"{self.actor} ministers decide to re-engage with Russia",
            by=self.actor,
            body=f"{self.actor} foreign ministers",
            decision="conditional and graduated re-engagement",
            resumes=tuple(resumes),
            conditions=("no return to business as usual",),
            follow_ups=(self._follow_up("informal_meeting", 10, 30, "in coming weeks"),),
        )
        self._advance(2, 10)
        yield from self._contacts()
        self._advance(5, 20)
        yield from self._lifting(suspended)
        self._advance(10, 40)
        yield self._council(formal=True)

    def _contacts(self) -> Iterator[Entry]:
        """An informal meeting announced and held, then an informal council."""
        lunch = self.day + timedelta(days=self.rng.randint(1, 4))
        yield self._entry(
            MeetingAnnouncement,
            f"A meeting of {self.dyad} envoys is announced for {lunch:%d %B %Y}",
            planned=FollowUp(
                kind="informal_meeting",
                expected=DateWindow.day(lunch),
                phrase=f"on {lunch:%A}",
                quote=f"The envoys will meet on {lunch:%A, %d %B}.",
                forum=HIGH_LEVEL,
            ),
            format="working lunch",
            venue=self.rng.choice(_CITIES),
        )
        self.day = lunch + timedelta(days=self.rng.choice((0, 0, 0, 1)))  # sometimes it slips
        council = self._follow_up(
            "council_meeting", 15, 35, "next month", forum=NRC, level="ambassadors", formal=False
        )
        reports = 2 if self.rng.random() < 0.4 else 1
        for report in range(reports):
            yield self._entry(
                InformalMeeting,
                f"{self.dyad} envoys meet informally" + (", second report" if report else ""),
                format="working lunch",
                venue=self.rng.choice(_CITIES),
                follow_ups=(council,),
                cooperation=(self._cooperation(CooperationStatus.RESUMED),),
                delay=report,
            )
        self.day = self.day + timedelta(days=self.rng.randint(15, 40))
        yield self._council(formal=False)

    def _lifting(self, suspended: list[str]) -> Iterator[Entry]:
        """Ambassadors' contacts lifted now and ministers' from a later day, then the rest of
        every measure lifted by a joint decision."""
        later = self.day + timedelta(days=self.rng.randint(7, 45))
        if suspended:
            lifts = [Lift(channel, ("ambassadors",)) for channel in suspended]
            lifts += [Lift(channel, ("ministers",), later) for channel in suspended]
            yield self._entry(
                MinisterialDecision,
                f"{self.actor} lifts its limits on contacts with Russia in part",
                by=self.actor,
                body=f"{self.actor} foreign ministers",
                decision="ambassadors may meet now, ministers later",
                lifts=tuple(lifts),
            )
        self.day = later + timedelta(days=self.rng.randint(1, 20))
        targets = sorted({target for _, target in self.standing})
        self.standing.clear()
        self.capped.clear()
        yield self._entry(
            MinisterialDecision,
            f"{self.dyad} decide together to lift the measures left",
            by=self.actor,
            body=f"{self.dyad} council",
            decision="relations return to normal",
            lifts=tuple(Lift(target) for target in targets),
            jointly=True,
            follow_ups=(self._open_follow_up("proposal", 30, "in due course"),),
        )

    # -- entries ---------------------------------------------------------------------------

    def _suspension(self, by: str, crisis: str, channels: tuple[str, ...]) -> Entry:
        self.standing |= {(by, channel) for channel in channels}
        later = self.rng.random() < 0.2
        return self._entry(
            Suspension,
            f"{by} suspends {', '.join(channels)} over {crisis.replace('_', ' ')}",
            by=by,
            channels=channels,
            reason=f"the {crisis.replace('_', ' ')} that {by} condemned",
            # Only a counter-measure on military contacts, where no meeting is held, is left
            # de facto: a meeting on its channel would end one, and nothing would remain to lift.
            de_facto=self.rng.random() < 0.4 and channels == (MILITARY,),
            effective=self.day + timedelta(days=self.rng.randint(1, 14)) if later else None,
            stances=(self._stance(by),),
            cooperation=(self._cooperation(CooperationStatus.SUSPENDED),),
        )

    def _expulsion(self, by: str) -> Entry:
        owner = self.other if by == self.actor else self.actor
        mission = self.missions[owner]
        count = self.rng.randint(1, 12)
        self.standing.add((by, mission))
        return self._entry(
            Expulsion,
            f"{by} expels {count} members of the {owner} mission",
            by=by,
            mission=mission,
            persons=f"{count} {owner} diplomats",
            count=count,
            accreditation=self.rng.random() < 0.3,
            effective=self.day + timedelta(days=self.rng.randint(0, 14)),
        )

    def _sanctions(self, crisis: str) -> Entry:
        """Sanctions on the other party: a ban on a sector, or listings of its officials."""
        listed = self.rng.random() < 0.5
        measure = f"{crisis}_listings" if listed else f"{crisis}_sectoral_sanctions"
        self.standing.add((self.actor, measure))
        count = self.rng.randint(3, 40) if listed else 0
        return self._entry(
            EconomicMeasure,
            f"{self.actor} imposes sanctions on {self.other} over {crisis.replace('_', ' ')}",
            by=self.actor,
            measure=measure,
            kind=EconomicKind.ASSET_FREEZE if listed else EconomicKind.EMBARGO,
            targets=(EconomicTarget.PERSONS,) if listed else (EconomicTarget.SECTORS,),
            persons=f"{count} {self.other} officials" if listed else "",
            count=count,
            effective=self.day + timedelta(days=self.rng.randint(0, 7)),
        )

    def _restriction(self) -> Entry:
        mission = self.missions[self.other]
        self.standing.add((self.actor, mission))
        if self.rng.random() < 0.5:
            cap = self.rng.randint(10, 40)
            self.capped.add((self.actor, mission))
            return self._entry(
                PresenceMeasure,
                f"{self.actor} caps the {self.other} mission at {cap} staff",
                by=self.actor,
                mission=mission,
                of=self.other,
                action=PresenceAction.CAPPED,
                cap=cap,
                effective=self.day + timedelta(days=self.rng.randint(7, 60)),
            )
        return self._entry(
            PresenceMeasure,
            f"{self.actor} restricts the {self.other} mission",
            by=self.actor,
            mission=mission,
            of=self.other,
            action=PresenceAction.RESTRICTED,
            detail="access to the headquarters by escort only",
        )

    def _condemnation(self, by: str, crisis: str, *, protest: bool) -> Entry:
        return self._entry(
            Condemnation,
            f"{by} condemns the {crisis.replace('_', ' ')}",
            by=by,
            issue=crisis,
            statement=f"{by} condemns the {crisis.replace('_', ' ')} in the strongest terms",
            protest=protest,
            stated=self._stated(),
        )

    def _proposal(self, by: str) -> Entry:
        return self._entry(
            Proposal,
            f"{by} makes a proposal",
            by=by,
            proposal=self.rng.choice(_PROPOSALS),
            stated=self._stated(),
        )

    def _declaration(self, status: CooperationStatus) -> Entry:
        speaker = self.rng.choice((self.actor, self.other))
        return self._entry(
            Declaration,
            f"{speaker} sets out its view of the relationship",
            by=speaker,
            body=f"{speaker} foreign ministry",
            statement="a statement on the state of relations",
            stances=(self._stance(speaker),),
            cooperation=(self._cooperation(status),),
            stated=self._stated(),
        )

    def _council(self, *, formal: bool) -> Entry:
        kind = "formal" if formal else "informal"
        ministers = formal and self.rng.random() < 0.2
        level = "ministers" if ministers else "ambassadors"
        follow_up = (
            self._follow_up("council_meeting", 20, 45, "by spring", forum=NRC, formal=True)
            if self.rng.random() < 0.7
            else self._open_follow_up("council_meeting", 60, "after the summit", level="ministers")
        )
        return self._entry(
            CouncilMeeting,
            f"The {self.dyad} council meets, {kind}ly, at {level} level",
            level=level,
            formal=formal,
            venue=self.rng.choice(_CITIES),
            follow_ups=(follow_up,),
            participants=(
                Participant(name="The Secretary General", role="chair", side=self.actor),
            ),
        )

    def _stance(self, actor: str) -> Stance:
        issue = self.rng.choice(_ISSUES)
        position = self.rng.choice(_POSITIONS)
        return Stance(
            actor=actor,
            issue=issue,
            position=position,
            quote=f"On {issue.replace('_', ' ')}, {actor} said it was {position}.",
            speaker=f"the {actor} spokesperson",
        )

    def _cooperation(self, status: CooperationStatus) -> CooperationNote:
        area = self.rng.choice(_AREAS)
        return CooperationNote(
            area=area, status=status, quote=f"Cooperation on {area.replace('_', ' ')} is {status}."
        )

    def _follow_up(
        self, kind: str, soonest: int, latest: int, phrase: str, **expected: Any
    ) -> FollowUp:
        start = self.day + timedelta(days=soonest)
        window = DateWindow(start, start + timedelta(days=latest - soonest))
        return FollowUp(
            kind=kind,
            expected=window,
            phrase=phrase,
            quote=f"The next {kind.replace('_', ' ')} is expected {phrase}.",
            **expected,
        )

    def _open_follow_up(self, kind: str, soonest: int, phrase: str, **expected: Any) -> FollowUp:
        """An expectation with a first day and no last ("after the summit")."""
        return FollowUp(
            kind=kind,
            expected=DateWindow(self.day + timedelta(days=soonest)),
            phrase=phrase,
            quote=f"A {kind.replace('_', ' ')} is expected {phrase}.",
            **expected,
        )

    def _stated(self) -> Precision:
        """How precisely a statement's day is known: now and then only its month or year."""
        pick = self.rng.random()
        if pick < _YEAR_ONLY:
            return Precision.YEAR
        return Precision.MONTH if pick < _YEAR_ONLY + _MONTH_ONLY else Precision.DAY

    def _entry(
        self,
        cls: type[Entry],
        title: str,
        *,
        delay: int = 0,
        stated: Precision = Precision.DAY,
        **fields: Any,
    ) -> Entry:
        """An entry of ``cls`` on the current day, reported ``delay`` days or more later.

        A fact known only to its month or year is stated as that period and placed by the
        entry itself; the story's day moves on to where it was placed.
        """
        self.sequence += 1
        late = delay + (self.rng.randint(1, 5) if self.rng.random() < 0.1 else 0)
        reported = self.day + timedelta(days=late)
        outlet = self.rng.choice(_OUTLETS)
        name = f"{str(self.dyad).lower()}-{self.sequence:06d}"
        published = datetime(reported.year, reported.month, reported.day, 12, tzinfo=UTC)
        sources = [
            Source(
                outlet=outlet,
                article=f"{name}.txt",
                headline=title,
                published=published,
                quotes=(f"{title}, {outlet} reported.",),
            )
        ]
        if self.rng.random() < _CITED_BY_URL:
            sources.append(
                Source(
                    outlet=self.rng.choice(_OUTLETS),
                    url=f"https://news.example.org/{name}",
                    headline=title,
                    published=published,
                )
            )
        on = self.day
        if stated is Precision.MONTH:
            on = Day(on.year, on.month, 1, stated)
        elif stated is Precision.YEAR:
            on = Day(on.year, 1, 1, stated)
        entry = cls(
            id=f"{name}-{cls.TYPE.replace('_', '-')}",
            on=on,
            parties=self.dyad,
            title=title,
            sources=sources,
            reported=reported,
            **fields,
        )
        self.day = date(entry.on.year, entry.on.month, entry.on.day)
        return entry

    def _advance(self, least: int, most: int) -> None:
        self.day += timedelta(days=self.rng.randint(least, most))
