"""Synthetic event logs: realistic, deterministic entries for load tests and demonstrations.

Each dyad lives through cycles of a relationship: a crisis suspends its channels, ministers
decide to re-engage, a contact is announced and held (sometimes reported twice), the council
meets informally, then formally again, with declarations, stances and cooperation notes along
the way. Transitions are valid except a rare repeated suspension, kept so that replays of
synthetic logs also show what an anomaly looks like.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tracker._dates import DateWindow
from tracker._entries import (
    HIGH_LEVEL,
    MILITARY,
    NRC,
    ChannelEstablished,
    CooperationNote,
    CooperationStatus,
    CouncilMeeting,
    Declaration,
    Dyad,
    Entry,
    FollowUp,
    InformalMeeting,
    MeetingAnnouncement,
    MinisterialDecision,
    Participant,
    Source,
    Stance,
    Suspension,
)

__all__ = ["ANOMALY_RATE", "synthesize"]

#: The share of crises whose suspension is reported again as a new suspension: the one invalid
#: transition synthetic logs hold (an ``already_suspended`` anomaly per channel suspended).
ANOMALY_RATE = 0.02

_FIRST_DAY = date(1990, 1, 1)
_CHANNELS = (NRC, HIGH_LEVEL, MILITARY)
_PARTNERS = ("NATO", "EU", "USA", "OSCE", "FRA", "DEU", "GBR", "ITA", "JPN", "CHN")
_OUTLETS = ("Reuters", "Associated Press", "Agence France-Presse", "RFE/RL", "The Moscow Times")
_AREAS = ("counter_piracy", "afghanistan_transit", "counter_terrorism", "counter_narcotics")
_ISSUES = ("reengagement", "normalization", "missile_deployment", "enlargement")
_POSITIONS = ("in favour", "against", "cautious", "conditional", "open to talks")
_CRISES = ("a border war", "a missile deployment", "a gas dispute", "an expelled envoy")
_CITIES = ("Brussels", "Moscow", "Geneva", "Vienna", "Munich", "Helsinki")


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
    """The endless history of one dyad, told one entry at a time."""

    def __init__(self, dyad: Dyad, rng: random.Random) -> None:
        self.dyad = dyad
        self.rng = rng
        self.day = _FIRST_DAY + timedelta(days=rng.randrange(30))
        self.sequence = 0
        self.suspended: set[str] = set()
        self.actor = dyad.first if dyad.second == "RUS" else dyad.second

    def entries(self) -> Iterator[Entry]:
        for channel in _CHANNELS:
            yield self._entry(
                ChannelEstablished,
                f"{self.dyad} set up the {channel} channel",
                channel=channel,
                body=f"{self.dyad} {channel} channel",
            )
        while True:
            yield from self._calm()
            yield from self._crisis()
            yield from self._recovery()

    # -- the phases of a cycle ------------------------------------------------------------

    def _calm(self) -> Iterator[Entry]:
        for _ in range(self.rng.randint(2, 6)):
            self._advance(1, 9)
            if self.rng.random() < 0.5:
                yield self._declaration(CooperationStatus.CONTINUING)
            else:
                yield self._council(formal=True)

    def _crisis(self) -> Iterator[Entry]:
        self._advance(3, 20)
        crisis = self.rng.choice(_CRISES)
        channels = tuple(channel for channel in _CHANNELS if channel not in self.suspended)
        suspension = self._suspension(crisis, channels)
        yield suspension
        if self.rng.random() < ANOMALY_RATE:
            self._advance(1, 3)
            yield self._suspension(crisis, channels)
        for _ in range(self.rng.randint(1, 3)):
            self._advance(1, 10)
            yield self._declaration(CooperationStatus.SUSPENDED)

    def _recovery(self) -> Iterator[Entry]:
        self._advance(5, 30)
        resumes = (NRC, HIGH_LEVEL) if self.rng.random() < 0.3 else _CHANNELS
        self.suspended -= set(resumes)
        yield self._entry(
            MinisterialDecision,
            f"{self.actor} ministers decide to re-engage with Russia",
            by=self.actor,
            body=f"{self.actor} foreign ministers",
            decision="conditional and graduated re-engagement",
            resumes=resumes,
            conditions=("no return to business as usual",),
            follow_ups=(self._follow_up("informal_meeting", 10, 30, "in coming weeks"),),
        )
        self._advance(2, 10)
        lunch = self.day + timedelta(days=self.rng.randint(1, 4))
        yield self._entry(
            MeetingAnnouncement,
            f"A meeting of {self.dyad} envoys is announced for {lunch:%d %B %Y}",
            planned=FollowUp(
                kind="informal_meeting",
                expected=DateWindow.day(lunch),
                phrase=f"on {lunch:%A}",
                quote=f"The envoys will meet on {lunch:%A, %d %B}.",
            ),
            format="working lunch",
            venue=self.rng.choice(_CITIES),
        )
        self.day = lunch + timedelta(days=self.rng.choice((0, 0, 0, 1)))  # sometimes it slips
        council = self._follow_up("council_meeting", 15, 35, "next month")
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
        self._advance(10, 40)
        yield self._council(formal=True)

    # -- entries ---------------------------------------------------------------------------

    def _suspension(self, crisis: str, channels: tuple[str, ...]) -> Entry:
        self.suspended |= set(channels)
        return self._entry(
            Suspension,
            f"{self.actor} suspends {', '.join(channels)} over {crisis}",
            by=self.actor,
            channels=channels,
            reason=f"{crisis} that {self.actor} condemned",
            stances=(self._stance(self.actor),),
            cooperation=(self._cooperation(CooperationStatus.SUSPENDED),),
        )

    def _declaration(self, status: CooperationStatus) -> Entry:
        speaker = self.rng.choice((self.actor, "RUS"))
        return self._entry(
            Declaration,
            f"{speaker} sets out its view of the relationship",
            by=speaker,
            body=f"{speaker} foreign ministry",
            statement="a statement on the state of relations",
            stances=(self._stance(speaker),),
            cooperation=(self._cooperation(status),),
        )

    def _council(self, *, formal: bool) -> Entry:
        kind = "formal" if formal else "informal"
        follow_ups = () if formal else (self._follow_up("council_meeting", 20, 45, "by spring"),)
        if formal:
            self.suspended.discard(NRC)
        return self._entry(
            CouncilMeeting,
            f"The {self.dyad} council meets, {kind}ly, at ambassador level",
            level="ambassadors",
            formal=formal,
            venue=self.rng.choice(_CITIES),
            follow_ups=follow_ups,
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

    def _follow_up(self, kind: str, soonest: int, latest: int, phrase: str) -> FollowUp:
        start = self.day + timedelta(days=soonest)
        window = DateWindow(start, start + timedelta(days=latest - soonest))
        return FollowUp(
            kind=kind,
            expected=window,
            phrase=phrase,
            quote=f"The next {kind.replace('_', ' ')} is expected {phrase}.",
        )

    def _entry(self, cls: type[Entry], title: str, *, delay: int = 0, **fields: Any) -> Entry:
        """An entry of ``cls`` on the current day, reported ``delay`` days or more later."""
        self.sequence += 1
        late = delay + (self.rng.randint(1, 5) if self.rng.random() < 0.1 else 0)
        reported = self.day + timedelta(days=late)
        outlet = self.rng.choice(_OUTLETS)
        source = Source(
            outlet=outlet,
            article=f"{str(self.dyad).lower()}-{self.sequence:06d}.txt",
            headline=title,
            published=datetime(reported.year, reported.month, reported.day, 12, tzinfo=UTC),
            quotes=(f"{title}, {outlet} reported.",),
        )
        return cls(
            id=f"{str(self.dyad).lower()}-{self.sequence:06d}-{cls.TYPE.replace('_', '-')}",
            on=self.day,
            parties=self.dyad,
            title=title,
            sources=(source,),
            reported=reported,
            **fields,
        )

    def _advance(self, least: int, most: int) -> None:
        self.day += timedelta(days=self.rng.randint(least, most))
