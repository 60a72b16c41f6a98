"""The follow-ups a draft expects: the plans a page tells for the pair's next meeting or
decision, with the days they are expected on, and the plans it tells only as background."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from tracker._entries import Dyad, FollowUp, MinisterialDecision
from tracker.ingest._data import load, pattern
from tracker.ingest._events import Reading
from tracker.ingest._page import Page, Sentence
from tracker.ingest._when import DateMention, Tense, hedged


class _FollowUpReader:
    """The follow-ups of a draft, read by the builder that inherits this: it reads the
    builder's reading, page and day, and notes its reasons."""

    reading: Reading
    page: Page
    day: date
    reasons: list[str]

    if TYPE_CHECKING:

        def note(self, name: str, quotes: Iterable[str], how: str) -> None: ...

        def _background_before(self, sentence: Sentence) -> bool: ...

        def _not_of_the_pair(
            self, sentence: Sentence, parties: Dyad, when: DateMention | None = None
        ) -> str | None: ...

        def _meet_there(self, text: str, parties: Dyad) -> bool: ...

    def _follow_ups(
        self, kind: str, parties: Dyad, exclude: FollowUp | None
    ) -> tuple[FollowUp, ...]:
        rules = load("events")["follow_ups"]
        own = kind if kind in ("informal_meeting", "council_meeting") else None
        found: list[FollowUp] = []
        back = pattern(load("events")["refers_back"])
        for sentence in self.page.sentences:
            # An expectation lies ahead: a window over by the end of the publication day is
            # the day's own news, never a follow-up.
            ahead = [
                d
                for d in self.reading.dates_of(sentence)
                if d.tense is Tense.FUTURE and d.window.last > self.day
            ]
            if not ahead:
                continue
            if back.match(sentence.text) and self._background_before(sentence):
                self.reasons.append(f"not a follow-up, told of an earlier event: {sentence.text}")
                continue
            plain = [d for d in ahead if not hedged(sentence.text, d.end)]
            if not plain:
                hedge = hedged(sentence.text, ahead[0].end)
                self.reasons.append(
                    f"not a follow-up, only a possibility ({hedge!r}): {sentence.text}"
                )
                continue
            if recap := self._recap(sentence, plain[0]):
                self.reasons.append(
                    f"not a follow-up, a plan told in a recap of {recap!r}: counted from then, "
                    f"its day is past: {sentence.text}"
                )
                continue
            if condition := _CONDITION.search(sentence.text):
                self.reasons.append(
                    f"not a follow-up, only on a condition ({condition.group(0)!r}): "
                    f"{sentence.text}"
                )
                continue
            if pattern(load("events")["modality"]["unrealised"]).search(sentence.text):
                self.reasons.append(f"not a follow-up, a plan that is no more: {sentence.text}")
                continue
            if why := self._not_of_the_pair(sentence, parties, plain[0]):
                self.reasons.append(f"not a follow-up, {why}: {sentence.text}")
                continue
            when = plain[0]
            if why := _of_a_call(when):
                self.reasons.append(f"not a follow-up, {why}: {sentence.text}")
                continue
            what = next(
                (
                    rule
                    for rule in rules
                    if (hit := pattern(rule["pattern"]).search(sentence.text))
                    and not self._decided_by_meeting(rule["kind"], sentence, hit, parties)
                ),
                None,
            )
            if what is None:
                continue
            planned_kind: str = what["kind"]
            if planned_kind == "same":
                if own is None:
                    continue
                planned_kind = own
            found.append(
                FollowUp(
                    kind=planned_kind, expected=when.window, phrase=when.phrase, quote=sentence.text
                )
            )
        merged: list[FollowUp] = []
        for item in found:
            if exclude and item.kind == exclude.kind and item.expected.overlaps(exclude.expected):
                self.reasons.append(
                    f"not a follow-up, the draft's own {exclude.kind} ({exclude.expected}) "
                    f"told again: {item.quote}"
                )
                continue
            twin = next(
                (m for m in merged if m.kind == item.kind and m.expected.overlaps(item.expected)),
                None,
            )
            if twin is None:
                merged.append(item)
            elif (
                twin.expected.narrower(item.expected) is item.expected
                and item.expected != twin.expected
            ):
                merged[merged.index(twin)] = item
        for index, item in enumerate(merged):
            self.note(
                f"follow_ups[{index}]", [item.quote], f"{item.phrase!r} resolved to {item.expected}"
            )
        return tuple(merged)

    def _decided_by_meeting(
        self, kind: str, sentence: Sentence, hit: re.Match[str], parties: Dyad
    ) -> bool:
        """Whether words read as a decision to come are a meeting's: what a visit or talks are
        for ("the visit aims to review progress", "will meet to review"), or the ministers of the
        two sides meeting each other ("the Hungarian and Ukrainian foreign ministers are to
        meet"), which is their meeting, not a decision."""
        if kind != MinisterialDecision.TYPE:
            return False
        before = sentence.text[max(0, hit.start() - 40) : hit.start() + 3]
        if re.search(r"\b(?:visit|talks|meet|meeting|trip|aims?|seeks?)\b[^.;]*\bto\b", before):
            return True
        return "meet" in hit.group(0) and self._meet_there(sentence.text, parties)

    def _recap(self, sentence: Sentence, when: DateMention) -> str | None:
        """The past day or month a sentence tells a plan in ("In January, the ministers agreed
        to meet again in March", "met last month, where they agreed to meet on 12 February"),
        where the day the plan names, counted from then, is already past, or is told relative to
        then ("the next month"): the plan is background, not an expectation; ``None`` if it is
        not so."""
        if re.search(r"\b(?:19|20)\d\d\b", when.phrase):
            return None
        relative = re.search(r"\bthe (?:next|following)\b", when.quote[max(0, when.start - 4) :])
        named = re.search(r"\b[A-Z][a-z]+\b|\b(?:spring|summer|autumn|fall|winter)\b", when.phrase)
        if not relative and not named:
            return None
        for told in self.reading.dates_of(sentence):
            if told.start >= when.start or told.tense is not Tense.PAST:
                continue
            if told.window.last >= self.day:
                continue
            if relative:
                return told.phrase
            anchor = told.window.start
            start, last = when.window.start, when.window.last
            # The plan's day as it was meant then: the first such day on or after the telling.
            while (earlier := _years_before(start, 1)) is not None and earlier >= anchor:
                start, last = earlier, _years_before(last, 1) or last
            if last < self.day:
                return told.phrase
        return None


def _years_before(day: date, years: int) -> date | None:
    """The same day ``years`` earlier (the 28th for a 29 February), or ``None`` before year 1."""
    if day.year <= years:
        return None
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


#: A plan on a condition ("if the talks make progress") is no firm follow-up.
_CONDITION = re.compile(r"\b(?:if|unless|provided(?: that)?|on condition that|as long as)\b")


_MEETING_WORD = re.compile(r"\b(?:meet|meets|meeting|visit|talks|summit|trip)\b")


#: Events of other kinds whose days a page tells beside a meeting's.
_OTHER_EVENT = re.compile(
    r"\b(?:inauguration|swearing-in|elections?|vote|referendum|funeral|anniversary|"
    r"celebrations?|festival|holiday|coronation|parade|deadline|ceasefire|truce)\b",
    re.IGNORECASE,
)


def _of_a_call(when: DateMention) -> str | None:
    """Why a day is that of a call or of another event, not of a meeting: a phone or video call
    told right before it ("after a three-way phone call between the leaders on Monday"), with no
    word of a meeting between them, or an event of another kind nearer to it than any word of a
    meeting in its clause; ``None`` if it is not so."""
    before = when.quote[: when.start]
    calls = list(pattern(load("events")["modality"]["remote_lead"]).finditer(before))
    if calls and not _MEETING_WORD.search(before[calls[-1].end() :]):
        return f"the day of a call ({calls[-1].group(0)!r}), not of a meeting"
    # An event of another kind nearer the day than any word of a meeting, in the words around
    # it ("before his inauguration, scheduled for January 1", "the March 3 election").
    near = when.quote[: when.end + 40]
    others = [m for m in _OTHER_EVENT.finditer(near) if m.end() > when.start - 60]
    meetings = list(_MEETING_WORD.finditer(near))

    def distance(found: re.Match[str]) -> int:
        return max(when.start - found.end(), found.start() - when.end, 0)

    if others and min(map(distance, others)) < min(map(distance, meetings), default=10**6):
        nearest = min(others, key=distance)
        return f"the day of another event ({nearest.group(0)!r}), not of a meeting"
    return None
