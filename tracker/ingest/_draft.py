"""Drafts: the entry an article reports, with the sentences behind each field, or the reasons
it could not be classified. A draft is never written to a log until a person appends it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

import attrs
from attrs import field, frozen

from tracker._dates import DateWindow
from tracker._entries import (
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
    _texts,
)
from tracker.ingest._cast import _CastReader, _other
from tracker.ingest._data import load, pattern
from tracker.ingest._doubt import doubts, top_of
from tracker.ingest._events import (
    MEETING,
    EventMention,
    Reading,
    read_events,
    two_sides,
    weights,
)
from tracker.ingest._follow_ups import _MEETING_WORD, _FollowUpReader, _of_a_call
from tracker.ingest._page import Page, Sentence, publication, read_page
from tracker.ingest._parties import (
    acting_together,
    capital_of,
    mediators,
    member_of,
    named_pairs,
    party_mentions,
    party_name,
    people_in,
)
from tracker.ingest._stamps import Stamp
from tracker.ingest._when import DateMention, Tense, find_dates, hedged

#: The channel of diplomatic relations themselves, broken off or restored as a whole.
RELATIONS = "diplomatic_relations"

__all__ = ["Draft", "DraftKind", "Evidence", "draft_article"]


def _evidence(values: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(values)


def _dates(values: Iterable[DateMention]) -> tuple[DateMention, ...]:
    return tuple(values)


def _stamps(values: Iterable[Stamp]) -> tuple[Stamp, ...]:
    return tuple(values)


class DraftKind(StrEnum):
    """What a draft is: a new entry, another report of a logged one, or no entry at all."""

    NEW = "new"
    CORROBORATION = "corroboration"
    UNCLASSIFIED = "unclassified"


@frozen
class Evidence:
    """The sentences a field of a draft comes from, and how its value was read from them."""

    field: str
    # In this class body ``field`` reads as the attribute above: name attrs' own in full.
    quotes: tuple[str, ...] = attrs.field(converter=_texts)
    note: str = ""


@frozen
class Draft:
    """The entry drafted from one article, with evidence per field and the reasons behind it.

    ``entry`` is ``None`` for an unclassified article; ``corroborates`` names the logged entry
    of the same occurrence, for a corroboration. ``published`` is the day the article is read
    against; ``stamps`` are the dates the page shows of itself, ``stamp`` the one that dated it
    (or that ``--published`` overrode).
    """

    article: str
    kind: DraftKind
    entry: Entry | None
    evidence: tuple[Evidence, ...] = field(converter=_evidence)
    reasons: tuple[str, ...] = field(converter=_texts)
    dates: tuple[DateMention, ...] = field(converter=_dates)
    published: date
    stamps: tuple[Stamp, ...] = field(converter=_stamps)
    stamp: Stamp | None
    corroborates: str = ""

    def evidence_for(self, name: str) -> Evidence | None:
        """The evidence of one field, such as ``on`` or ``participants[0]``."""
        return next((item for item in self.evidence if item.field == name), None)


def draft_article(
    name: str,
    text: str,
    *,
    published: date | None = None,
    logged: Iterable[Entry] = (),
) -> Draft:
    """Draft the entry an article reports.

    Raises :class:`~tracker.ingest._page.UndatedPageError` when the page carries no
    trustworthy publication date and none is given.
    """
    page = read_page(name, text)
    found = publication(page, published)
    stamp, stamp_note, day = found.published, found.note, found.day
    reading = read_events(page, day)
    dates = tuple(
        mention for sentence in reading.sentences for mention in reading.dates_of(sentence)
    )
    builder = _Builder(reading, stamp, stamp_note)
    if found.overridden and found.stamp is not None:
        builder.reasons.append(
            f"--published {day} overrides the page's own date, {found.stamp.day} "
            f"(line {found.stamp.number}): check which is right"
        )
    entry = builder.build()
    # The gate of doubt: an event the top of the page does not bear out is not asserted.
    if doubted := doubts(entry, builder.reading, builder.evidence):
        builder.reasons[:0] = doubted
        entry = None
    if entry is None:
        return Draft(
            name,
            DraftKind.UNCLASSIFIED,
            None,
            builder.evidence,
            builder.reasons,
            dates,
            day,
            page.stamps,
            found.stamp,
        )
    for other in logged:
        if other.occurrence() == entry.occurrence():
            reason = f"reports the same occurrence as the logged entry {other.id!r}"
            return Draft(
                name,
                DraftKind.CORROBORATION,
                entry,
                builder.evidence,
                (*builder.reasons, reason),
                dates,
                day,
                page.stamps,
                found.stamp,
                corroborates=other.id,
            )
    return Draft(
        name,
        DraftKind.NEW,
        entry,
        builder.evidence,
        builder.reasons,
        dates,
        day,
        page.stamps,
        found.stamp,
    )


class _Builder(_CastReader, _FollowUpReader):
    """Reads one article into an entry, recording evidence and reasons on the way."""

    def __init__(self, reading: Reading, stamp: date | datetime, stamp_note: str) -> None:
        self.reading = reading
        self.page: Page = reading.page
        self.day = reading.published
        self.stamp = stamp
        self.evidence: list[Evidence] = [Evidence("published", (), stamp_note)]
        self.reasons: list[str] = []
        # The people named by a bare title, and how their side was read.
        self.inferred: dict[str, str] = {}

    def note(self, name: str, quotes: Iterable[str], how: str) -> None:
        self.evidence.append(Evidence(name, tuple(dict.fromkeys(quotes)), how))

    # -- the type --------------------------------------------------------------------------

    def build(self) -> Entry | None:
        self.reading = attrs.evolve(self.reading, mentions=self._hit_side_reacts())
        news = [mention for mention in self.reading.mentions if mention.counts]
        for mention in self.reading.mentions:
            if mention.bilateral and not mention.counts:
                self.reasons.append(
                    f"not the news: {mention.type} ({mention.trigger!r}) {mention.background}"
                )
        for mention in news:
            if _hedged(mention) and not mention.doubt:
                hedge = hedged(mention.sentence.text, mention.start + len(mention.trigger))
                self.reasons.append(
                    f"only a possibility: {mention.type} ({mention.trigger!r}) is told with "
                    f"{hedge!r}, neither as held nor as firmly announced: not drafted"
                )
            if mention.doubt:
                self.reasons.append(
                    f"not taken as having happened: {mention.type} ({mention.trigger!r}) "
                    f"{mention.doubt}"
                )
        # A planned meeting is never drafted as held; a measure told in the future counts only
        # when someone announces it as decided, not when it is expected or seen coming.
        # A headline's "OSCE to send monitors" is the decision its lead reports: a measure
        # told as to come counts where one of its type is reported as done or decided.
        realized = [
            m
            for m in news
            if not (m.planned and (m.type in _NEVER_DECIDED or not _announced(m)))
            and not _hedged(m)
            and not m.doubt
        ]
        done = {m.type for m in realized}
        realized += [
            m
            for m in news
            if m.planned
            and m.type in done
            and m.type not in _NEVER_DECIDED
            and not _announced(m)
            and not _hedged(m)
            and not m.doubt
            and not _undecided(m)
        ]
        for m in news:
            if m.planned and m.type == UseOfForce.TYPE and not m.doubt and not _hedged(m):
                self.reasons.append(
                    f"not taken as done: {m.type} ({m.trigger!r}) is told as to come or "
                    "threatened: force is drafted only once used"
                )
            if m.planned and m.type not in done and m.type not in _NEVER_DECIDED and not m.doubt:
                self.reasons.append(
                    f"not taken as done: {m.type} ({m.trigger!r}) is told as to come, and no "
                    "one in its sentence announces it as decided"
                )
        realized = self._restored(self._held(self._news_of_the_lead(news, realized)))
        realized, arrived = self._arrived(news, realized)
        if arrived:
            return self._announcement(arrived)
        scores = _scores(realized)
        if scores:
            kind = max(scores, key=lambda name: (scores[name], weights()[name]))
            support = [m for m in realized if m.type == kind]
            how = ", ".join(
                f"{name} {value}" for name, value in sorted(scores.items(), key=lambda i: -i[1])
            )
            return self._realized(kind, support, f"mentions reported as news, scored: {how}")
        planned = [
            m for m in news if m.planned and m.type == MEETING and not _hedged(m) and not m.doubt
        ]
        if planned:
            return self._announcement(planned)
        if not self.reading.mentions:
            self.reasons.append("no sentence mentions an event of a known type")
        remote = pattern(load("events")["modality"]["remote_lead"])
        for sentence in self.page.with_headline():
            if (sentence.headline or sentence.paragraph == 0) and (
                found := remote.search(sentence.text)
            ):
                self.reasons.append(
                    f"the lead tells talks by a remote channel ({found.group(0)!r}): no entry "
                    "type records them, as for a phone call"
                )
                break
        self.reasons.insert(0, "no event of a known type is reported as news: nothing to draft")
        return None

    def _hit_side_reacts(self) -> tuple[EventMention, ...]:
        """The mentions, with a measure the headline or lead tells as what a reaction answers
        ("Peru protests after Chile expels its ambassador") taken as the news where the reaction
        is the protest of the side it hits and both are of the day: the measure is the event, the
        protest of those it hit only follows it. A measure the page dates before the reaction
        (told the day before, answered the next day) stays the occasion of the reaction."""
        mentions = self.reading.mentions
        reactions = [m for m in mentions if m.type == Condemnation.TYPE and m.position == 3]
        measures = {Expulsion.TYPE, PresenceMeasure.TYPE, Suspension.TYPE, EconomicMeasure.TYPE}
        occasion = ("answers", "came before the news")
        promoted: set[str] = set()
        for m in mentions:
            if (
                m.type not in measures
                or m.position != 3
                or not m.bilateral
                or m.planned
                or m.doubt
                or not any(m.background.endswith(why) for why in occasion)
                or (m.date is not None and not m.date.window.covers(self.day))
            ):
                continue
            actor = party_mentions(m.sentence.text[: m.start])
            hit = [
                r
                for r in reactions
                if r.sentence.index == m.sentence.index
                and r.counts
                and (subject := party_mentions(r.sentence.text[: r.start]))
                and actor
                and subject[-1][0] != actor[-1][0]
            ]
            earlier = any(
                o.type == m.type and o.date is not None and o.date.window.last < self.day
                for o in mentions
            )
            if hit and not earlier:
                promoted.add(m.type)
        if not promoted:
            return mentions
        for kind in sorted(promoted):
            self.reasons.append(
                f"the {kind} the headline or lead tells is the news: the protest beside it is "
                "the reaction of the side it hits, of the same day"
            )
        return tuple(
            attrs.evolve(m, background="")
            if m.type in promoted
            and m.bilateral
            and any(m.background.endswith(why) for why in occasion)
            else m
            for m in mentions
        )

    def _news_of_the_lead(
        self, news: list[EventMention], realized: list[EventMention]
    ) -> list[EventMention]:
        """The realized mentions left once the lead has its say: where the headline and lead
        tell only of an event to come, what the body tells as done is what led to it (advisers
        who met the day before, sanctions of last month), not the news."""
        top = [m for m in news if m.position >= 2 and not _hedged(m) and not m.doubt]
        if (
            not top
            or any(m in realized and m.position >= 2 for m in realized)
            or not all(m.planned for m in top)
        ):
            return realized
        for m in realized:
            self.reasons.append(
                f"not the news: {m.type} ({m.trigger!r}) is told further down a page whose "
                "headline and lead tell only of an event to come"
            )
        return [m for m in realized if m.position >= 2]

    def _restored(self, realized: list[EventMention]) -> list[EventMention]:
        """The mentions left once relations restored have their say: where the headline or
        lead tells ties restored, resumed or normalised as done, that is the news, and the
        visit or the talks it came with ("turned a new page, with a restoration of full ties,
        as the prime minister visits") are where it was agreed, not the event."""
        restores = pattern(
            next(s for s in load("events")["types"] if s["type"] == MinisterialDecision.TYPE)[
                "restores"
            ]
        )
        lead = [
            m
            for m in realized
            if m.type == MinisterialDecision.TYPE
            and m.position == 3
            and restores.search(m.sentence.text[m.start :])
        ]
        meetings = [m for m in realized if m.type == MEETING]
        if not lead or not meetings:
            return realized
        self.reasons.append(
            f"not the news: the meeting ({meetings[0].trigger!r}) is where the restoration of "
            f"ties the lead tells ({lead[0].trigger!r}) was agreed: the restoration is the event"
        )
        return [m for m in realized if m.type != MEETING]

    def _held(self, realized: list[EventMention]) -> list[EventMention]:
        """The mentions left once meetings in doubt are left out: a meeting no sentence dates
        is taken as held only where a verb says it took place; else the draft says why."""
        meetings = [m for m in realized if m.type == MEETING]
        occurred = pattern(load("events")["modality"]["occurred"])
        if not meetings or any(m.date or occurred.search(m.sentence.text) for m in meetings):
            return realized
        quotes = "; ".join(dict.fromkeys(repr(m.trigger) for m in meetings))
        self.reasons.append(
            f"in doubt: a meeting is spoken of ({quotes}) but no sentence dates it or says it "
            "took place: not drafted as held"
        )
        return [m for m in realized if m.type != MEETING]

    def _arrived(
        self, news: list[EventMention], realized: list[EventMention]
    ) -> tuple[list[EventMention], list[EventMention]]:
        """The realized mentions left once an arrival for talks has its say, and the meetings
        it announces. Where the main verb of the top (the headline and the lead) is a leader's
        or minister's arrival for talks, to meet or on a visit ("arrives in Beijing for a state
        visit", "lands in Rome for talks with"), and no sentence of the top tells talks held
        ("met", "held talks", "welcomed", "after talks"), the visit has begun and its talks lie
        ahead: the page announces them, for the day of the arrival or the stay it tells. Only
        where no event of another kind is realized."""
        modality = load("events")["modality"]
        arrival, held = pattern(modality["arrival"], re.I), pattern(modality["held_at_top"])
        top = top_of(self.reading)
        told = [s for s in self.page.with_headline() if s.index in top]
        # The lead tells the days of the arrival the headline names: it is read first.
        arriving = [s for s in told if arrival.search(s.text)]
        landing = next((s for s in arriving if not s.headline), arriving[0] if arriving else None)
        if (
            landing is None
            or any(held.search(s.text) for s in told)
            or any(m.type != MEETING for m in realized)
        ):
            return realized, []
        mentions = [m for m in news if m.type == MEETING and not m.doubt and not _hedged(m)]
        own = [m for m in mentions if m.sentence.index == landing.index] or [
            m for m in mentions if m.sentence.index in top
        ]
        dated = any(m.planned and m.date and m.date.tense is Tense.FUTURE for m in mentions)
        if not own or (not realized and dated):
            # A plan the page dates itself ("arrives for a visit; the talks are on Friday")
            # is read as any other announcement.
            return realized, []
        when = self._stay(landing)
        for m in realized:
            self.reasons.append(
                f"not taken as held: {m.type} ({m.trigger!r}) comes with an arrival for talks "
                f"the top tells ({_shorten(landing.text, 100)!r}) and no talks told as held there"
            )
        return [], [attrs.evolve(m, planned=True, date=when) for m in own]

    def _opened(self, support: list[EventMention]) -> bool:
        """Whether a decision on relations opens them: two states that agree to normalise
        relations, where no sentence of the page tells ties they had cut, broken, frozen or
        now restore, set up relations for the first time, whoever brokered or announced it."""
        words = next(s for s in load("events")["types"] if s["type"] == MinisterialDecision.TYPE)
        opens, broken = pattern(words["opens"]), pattern(words["broken"], re.I)
        return (
            any(opens.search(m.sentence.text) for m in support)
            and not any(broken.search(s.text) for s in self.page.with_headline())
            and not any(m.type == Suspension.TYPE for m in self.reading.mentions)
        )

    def _stay(self, landing: Sentence) -> DateMention:
        """The days of the talks an arrival opens: the stay its sentence tells ("a three-day
        visit", "through Friday"), from the day of the arrival; else the day of the arrival."""
        days = self.reading.dates_of(landing)
        past = [d for d in days if d.window.days == 1 and d.window.start <= self.day]
        start = past[0].window.start if past else self.day
        stays = [d for d in days if d.window.days > 1 and d.window.start <= start < d.window.last]
        if stays:
            window = DateWindow(start, stays[0].window.last)
            return DateMention(stays[0].phrase, window, landing.text, Tense.FUTURE, 0)
        if until := _UNTIL.search(landing.text):
            ends = [
                d
                for d in find_dates("will " + landing.text[until.end() :], start)
                if d.start <= 10 and d.window.days == 1 and d.window.start > start
            ]
            if ends:
                window = DateWindow(start, ends[0].window.start)
                return DateMention(until.group(0), window, landing.text, Tense.FUTURE, 0)
        length = _STAY.search(landing.text)
        numbers = load("events")["expulsion"]["numbers"]
        if length is not None and (length.group(1).isdigit() or length.group(1).lower() in numbers):
            number = _number(length.group(1))
            window = DateWindow(start, start + timedelta(days=max(number, 1) - 1))
            return DateMention(length.group(0), window, landing.text, Tense.FUTURE, 0)
        phrase = past[0].phrase if past else "the day of the arrival"
        return DateMention(phrase, DateWindow.day(start), landing.text, Tense.FUTURE, 0)

    def _realized(self, kind: str, support: list[EventMention], how: str) -> Entry | None:
        if kind == MEETING:
            council = load("events")["meetings"]["council"]
            is_council = any(pattern(council).search(m.sentence.text) for m in support)
            kind = "council_meeting" if is_council else "informal_meeting"
            how += "; " + (
                "a sentence that reports it names the council"
                if is_council
                else "no sentence that reports it names the council"
            )
        if kind == MinisterialDecision.TYPE and self._opened(support):
            kind = ChannelEstablished.TYPE
            how += "; relations normalised where the page tells no earlier break: relations opened"
        self.note("type", (m.sentence.text for m in support), how)
        on = self._on(support)
        parties = self._parties(support)
        if parties is None:
            return None
        people = self._participants(kind, support, parties, on)
        # A meeting held is no follow-up of itself: a stay of days it opens is the same visit.
        held = (
            FollowUp(kind=kind, expected=DateWindow.day(on), phrase="the meeting reported")
            if kind in ("informal_meeting", "council_meeting")
            else None
        )
        follow_ups = self._follow_ups(kind, parties, exclude=held)
        common = self._common(
            kind, on=on, parties=parties, support=support, people=people, follow_ups=follow_ups
        )
        return self._typed(kind, support, parties, common)

    def _announcement(self, planned: list[EventMention]) -> Entry | None:
        # A plan's day is the nearest time phrase told in the future, else any other of its
        # sentence told so ("agreed on Monday to meet on March 20").
        dated = [(m, when) for m in planned if (when := self._ahead(m)) is not None]
        # A day told of another event (a forum's summit, a call with a third state) is not the
        # day of the pair's plan.
        pair = self._parties(planned) if dated else None
        if pair is not None:
            own = []
            for m, when in dated:
                # A day told with a trip to one side ("will travel to Hanoi on Sept. 10, after
                # attending a summit in India") is the trip's, whatever else its sentence tells.
                theirs = _trip_clause(when, pair, self.day)
                if why := (None if theirs else self._not_of_the_pair(m.sentence, pair, when)) or (
                    _of_a_call(when)
                ):
                    self.reasons.append(f"not the plan's day, {why}: {when.phrase!r}")
                else:
                    own.append((m, when))
            dated = own or dated
        if not dated:
            quotes = [m.sentence.text for m in planned]
            self.note("type", quotes, "a meeting is announced, without a day or window")
            self.reasons.insert(
                0, "a meeting is announced but no sentence says when: nothing to draft"
            )
            return None
        # The most precise day told wins ("on November 29" over "this week"), then the place.
        best, when = min(dated, key=lambda pair: (pair[1].window.days, -pair[0].position))
        when = self._narrowed(planned, when, pair)
        told = best.sentence.text[: best.start + len(best.trigger)]
        if when.window == DateWindow.day(self.day) and (
            (now := _NOW.search(told)) or (now := _DONE_BEFORE.search(told))
        ):
            # "Are meeting for talks on Wednesday", published that Wednesday, or "said after
            # receiving the visit ... Friday" on that Friday: held today.
            self.reasons.append(
                f"a meeting told as under way or done ({now.group(0)!r}) on the day of the "
                "page: held that day, not announced"
            )
            today = [m for m in planned if m.date is not None and m.date.window == when.window]
            return self._realized(MEETING, today or [best], "a meeting told as under way")
        # The council the sentence that dates the plan names, or the headline or lead that
        # tells it, is where it meets.
        council = pattern(load("events")["meetings"]["council"])
        telling = [best, *(m for m in planned if m.position == 3)]
        kind = (
            "council_meeting"
            if any(council.search(m.sentence.text) for m in telling)
            else "informal_meeting"
        )
        dated_sentences = {m.sentence.index for m, _ in dated}
        support = [m for m in planned if m.sentence.index in dated_sentences]
        self.note(
            "type",
            (m.sentence.text for m in support),
            f"a meeting ({kind}) told in the future tense, with nothing reported as done",
        )
        plan = FollowUp(
            kind=kind, expected=when.window, phrase=when.phrase, quote=best.sentence.text
        )
        self.note("planned", [best.sentence.text], f"{when.phrase!r} resolved to {when.window}")
        on = self._statement_day(support)
        parties = self._parties(support)
        if parties is None:
            return None
        people = self._participants("meeting_announcement", planned, parties, on)
        follow_ups = self._follow_ups("meeting_announcement", parties, exclude=plan)
        common = self._common(
            "meeting_announcement",
            on=on,
            parties=parties,
            support=support,
            people=people,
            follow_ups=follow_ups,
        )
        formats = _formats(m.sentence.text for m in support)
        return MeetingAnnouncement(planned=plan, format=formats, venue=self.page.city, **common)

    def _ahead(self, mention: EventMention) -> DateMention | None:
        """The day a planned mention is told for, if its sentence tells one ahead. Where the
        mention is what a departure is for ("left for Beijing on Tuesday for talks on
        Thursday"), a day told with the departure dates the departure, not the talks: the talks
        take a day told after their word, read as lying ahead, or the stay of days the departure
        opens ("left on Tuesday on a three-day visit")."""
        # A trip to come whose return the page tells ("plans to leave for Hanoi on Sunday to
        # hold talks"; "is to return home Tuesday") is a stay of those days.
        if _LEAVE.search(mention.sentence.text[: mention.start]) and (trip := self._trip(mention)):
            return trip
        departure = pattern(load("events")["modality"]["departure"]).search(
            mention.sentence.text[: mention.start]
        )
        if departure is not None:
            text = mention.sentence.text
            end = mention.start + len(mention.trigger)
            # What a departure is for lies ahead: its days are read as told in the future.
            later = [
                d for d in find_dates("will " + text[end:], self.day) if d.window.start > self.day
            ]
            if later:
                return later[0]
            stay = [
                d
                for d in self.reading.dates_of(mention.sentence)
                if d.window.days > 1 and d.window.start <= self.day < d.window.last
            ]
            if stay:
                return attrs.evolve(stay[0], tense=Tense.FUTURE)
            if trip := self._trip(mention):
                return trip
            self.reasons.append(
                f"a departure ({departure.group(0)!r}) is no meeting: the day told with it dates "
                "the trip, not the talks it is for"
            )
            return None
        if mention.date is not None and mention.date.tense is Tense.FUTURE:
            return mention.date
        ahead = [
            d
            for d in self.reading.dates_of(mention.sentence)
            if d.tense is Tense.FUTURE and d.window.last >= self.day
        ]
        if not ahead and re.search(r"\b(?:arrived|landed)\b", mention.lead_in):
            self.reasons.append(
                "arrived for talks that no sentence reports as held: a visit begun, not a "
                "meeting held, and no day for the talks"
            )
        return ahead[0] if ahead else None

    def _trip(self, mention: EventMention) -> DateMention | None:
        """The stay of a trip that leaves on one day for the talks and returns on a later one
        ("leave for Ulaanbaatar on Sunday to hold talks"; "is to return home Tuesday"): from
        the day it leaves to the day it returns; ``None`` if the page tells no return."""
        leave = [
            d
            for d in self.reading.dates_of(mention.sentence)
            if d.window.days == 1 and d.start < mention.start and d.window.start >= self.day
        ]
        if not leave:
            return None
        # The return's weekday is the first such day after the departure.
        after = leave[-1].window.start + timedelta(days=1)
        for sentence in self.reading.sentences:
            for found in _RETURN.finditer(sentence.text):
                back = [
                    d
                    for d in find_dates("will " + sentence.text[found.end() :], after)
                    if d.start <= 25 and d.window.days == 1
                ]
                if back and back[0].window.start > leave[-1].window.start:
                    window = DateWindow(leave[-1].window.start, back[0].window.start)
                    self.note(
                        "planned",
                        [mention.sentence.text, sentence.text],
                        f"a trip from {leave[-1].phrase!r} to its return {back[0].phrase!r}",
                    )
                    phrase = f"{leave[-1].phrase} to {back[0].phrase}"
                    return DateMention(phrase, window, mention.sentence.text, Tense.FUTURE, 0)
        return None

    def _narrowed(
        self, planned: list[EventMention], when: DateMention, pair: Dyad | None
    ) -> DateMention:
        """The plan's window, narrowed by the days another sentence of the same plan gives it
        ("will visit this week"; "the visit from Tuesday to Thursday"), told as to come or with
        no tense, and not all before the publication day."""
        # The same plan told again, by either side or by its visitor alone ("will arrive on
        # Sunday for a three-day visit"); the first day of a stay restated is no narrower plan.
        again = [
            m
            for m in self.reading.mentions
            if m.type == MEETING and not m.background and not m.doubt
        ]
        told = [
            d
            for m in {m.sentence.index: m for m in [*planned, *again]}.values()
            if m.sentence.text != when.quote and not self._told_before(m.sentence)
            for d in self.reading.dates_of(m.sentence)
            if d.tense is not Tense.PAST
            and d.window.last >= self.day
            and d.window.days < when.window.days
            and d.window.overlaps(when.window)
            and not hedged(m.sentence.text, d.end)
            and not _of_a_call(d)
            and (pair is None or self._not_of_the_pair(m.sentence, pair, d) is None)
        ]
        if not told:
            return when
        narrow = min(told, key=lambda d: d.window.days)
        self.note(
            "planned",
            [narrow.quote],
            f"{narrow.phrase!r} ({narrow.window}) narrows {when.phrase!r} ({when.window})",
        )
        return attrs.evolve(narrow, tense=Tense.FUTURE)

    def _told_before(self, sentence: Sentence) -> bool:
        """Whether a sentence tells what was said or done on an earlier day ("reported last week
        the visit was planned for ..."): a day of its own in the past, not one "since" bounds."""
        return any(
            d.tense is Tense.PAST
            and d.window.last < self.day
            and not re.search(r"\bsince\b[^,;.]*$", d.quote[: d.start], re.IGNORECASE)
            for d in self.reading.dates_of(sentence)
        )

    def _not_of_the_pair(
        self, sentence: Sentence, parties: Dyad, when: DateMention | None = None
    ) -> str | None:
        """Why a plan a sentence tells is not one of the pair: an event of other parties, or a
        gathering of a forum that one side attends (the event the day ``when`` is told of, if
        given), where the sentence does not say the two meet there; ``None`` if it may be
        theirs."""
        if self._others_event(sentence, parties):
            return "an event of other parties"
        modality = load("events")["modality"]
        text = sentence.text
        if pattern(modality["sidelines"]).search(text):
            return None
        if pattern(modality["forum_event"]).search(text):
            return "a summit of a forum"
        sides = {parties.first, parties.second}
        for found in _GATHERING.finditer(text):
            if when is not None and _nearest_event(text, when) != found.start():
                continue
            before = text[: found.start()]
            words = _noun_phrase(before)
            # A summit named by the pair ("the Japan-Korea summit", "a bilateral summit") is
            # theirs; one named by anything else that is no place of the page ("the CELAC
            # summit", "an Asia-Pacific forum") is a forum's.
            if re.search(r"\bbilateral\b", words) or _names_both(words, sides, self.day):
                continue
            forum = [
                word
                for word in re.findall(r"(?<![\w’'-])[A-Z][\w’'-]*", words)
                if not re.fullmatch(_MONTH_WORD, word)
                and word not in self._places()
                and not _of_sides(word, sides, self.day)
            ]
            if not forum and not _ATTENDED.search(before):
                continue
            if self._meet_there(text, parties):
                continue
            what = f"{words.strip()} {found.group(0)}".strip()
            return f"a gathering of a forum ({what!r}) where the page does not say the two meet"
        return None

    def _places(self) -> frozenset[str]:
        """The names the page uses as places: after "in", "at" or "to"."""
        return frozenset(
            found.group(1)
            for sentence in self.page.sentences
            for found in re.finditer(r"\b(?:in|at|to) ([A-Z][\w’'-]+)", sentence.text)
        )

    def _meet_there(self, text: str, parties: Dyad) -> bool:
        """Whether a sentence says the two sides meet each other: both named, with a word of
        their meeting."""
        sides = {parties.first, parties.second}
        return sides <= _parties_named(text, self.day) and bool(_MEET_EACH_OTHER.search(text))

    # -- the fields every entry has ----------------------------------------------------------

    def _on(self, support: list[EventMention]) -> date:
        days: Counter[date] = Counter()
        quotes: dict[date, tuple[str, str]] = {}
        for mention in support:
            if (
                mention.date
                and mention.date.window.days == 1
                and mention.date.window.start <= self.day
                and not _of_the_reason(mention, mention.date)
            ):
                days[mention.date.window.start] += mention.position
                quotes.setdefault(
                    mention.date.window.start, (mention.date.phrase, mention.sentence.text)
                )
        if days:
            day = max(days, key=lambda d: (days[d], d))
            phrase, quote = quotes[day]
            self.note("on", [quote], f"{phrase!r} resolved against the publication day {self.day}")
            return day
        lead = self._statement_day(support)
        return lead

    def _past_day(
        self, sentence: Sentence, since: date, mention: EventMention | None = None
    ) -> DateMention | None:
        """The first single day a sentence gives that is not to come, from ``since`` to the
        publication day; with a ``mention``, not a day of what it answers."""
        for found in self.reading.dates_of(sentence):
            if (
                found.window.days == 1
                and found.tense is not Tense.FUTURE
                and since <= found.window.start <= self.day
                and not (mention and _of_the_reason(mention, found))
            ):
                return found
        return None

    def _statement_day(self, support: list[EventMention]) -> date:
        """The day of the statement: a past single day in the sentences, else publication."""
        for mention in sorted(support, key=lambda m: -m.position):
            if found := self._past_day(mention.sentence, date.min, mention):
                self.note("on", [mention.sentence.text], f"{found.phrase!r}: the day it was said")
                return found.window.start
        # The lead dates the story: a day it tells, in the past and of the last days, is the
        # day of the event the later sentences describe ("on Thursday reaffirmed ...; during
        # their meeting ...").
        recent = self.day - timedelta(days=load("events")["recent_days"])
        # A sentence that tells when "the decision" or "the move" was announced dates it
        # ("ECOWAS announced the decision late Sunday").
        told = pattern(load("events")["told_when"])
        for sentence in self.reading.sentences:
            if sentence.paragraph > 2 or not told.search(sentence.text):
                continue
            if found := self._past_day(sentence, recent):
                self.note("on", [sentence.text], f"{found.phrase!r}: the day it was announced")
                return found.window.start
        for sentence in self.reading.sentences:
            # A line with no closing punctuation is a caption run into the lead, not the lead.
            if sentence.headline or sentence.paragraph != 0 or not _CLOSED.search(sentence.text):
                continue
            if found := self._past_day(sentence, recent):
                self.note("on", [sentence.text], f"{found.phrase!r}: the day the lead tells")
                return found.window.start
        # With no day of its own, the news is of the day of the statement that tells it ("the
        # ministry said in a statement issued late Wednesday", "in a social media post on
        # Friday, the minister said"), or of the day a sentence near
        # the top places something "earlier" or "later" on ("Earlier on Wednesday, the
        # ministry condemned ...": the news came later that day).
        for sentence in self.reading.sentences:
            if sentence.paragraph > 3:
                continue
            for found in self.reading.dates_of(sentence):
                before = sentence.text[: found.start]
                if not (
                    found.window.days == 1
                    and recent <= found.window.start <= self.day
                    and found.tense is not Tense.FUTURE
                    and (_STATEMENT_DAY.search(before) or _SAME_DAY.match(before))
                    # A statement of what is still to come dates an announcement, not the news.
                    and not _TO_COME.search(before)
                ):
                    continue
                how = (
                    "the day of the statement that tells it"
                    if _STATEMENT_DAY.search(before)
                    else "the day a sentence tells something earlier or later on"
                )
                self.note("on", [sentence.text], f"{found.phrase!r}: {how}")
                return found.window.start
        self.note(
            "on", [], f"no day in the sentences that report it: the publication day {self.day}"
        )
        return self.day

    def _parties(self, support: list[EventMention]) -> Dyad | None:
        lead_act = _act_sides(support)
        support = self._own_acts(support, lead_act)
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for mention in support:
            text = mention.sentence.text
            found = [code for code, _ in party_mentions(text)]
            found += [
                role.party for named in people_in(text) if (role := named.person.role_on(self.day))
            ]
            for code in found:
                counts[code] += mention.position
                first.setdefault(code, mention.sentence.index)
        ranked = self._sides(sorted(counts, key=lambda code: (-counts[code], first[code])), support)
        partners = [code for code in _partners(support) if code in ranked]
        if partners:
            # Those who act with the side that takes the measure are on its side, not the
            # other party ("Mali, along with its allies Burkina Faso and Niger, recalled ...").
            ranked = [code for code in ranked if code not in partners]
            self.reasons.append(
                f"{', '.join(partners)} {'acts' if len(partners) == 1 else 'act'} with the side "
                "that takes the measure: not the other party"
            )
        # Two parties named as the sides ("between A and B", "the A-B dialogue") are the pair,
        # whoever else hosts, mediates or is named more; a pair of two others is another event.
        # The sides of the event's own words ("talks between A and B", "relations between A
        # and B", "the A-B talks") are the pair, whoever else the page names first or more.
        own = self._own_pair(support)
        if own is not None:
            self.note(
                "parties",
                (m.sentence.text for m in support),
                f"the two parties named as the sides of {own[1]!r}; the most named: "
                + ", ".join(f"{c} {counts[c]}" for c in ranked),
            )
            return Dyad(*own[0])
        if lead_act is not None and lead_act[0] not in ranked[:2]:
            # The side that takes the measure the lead tells ("Bolivia will expel Mexico's
            # ambassador") is a party, however often the page names others (the people the
            # measure is about, a third state whose diplomats it also hits).
            self.note(
                "parties",
                (m.sentence.text for m in support),
                f"the side that acts in the lead, {lead_act[0]}, and the one its act bears on, "
                f"{lead_act[1]}; the most named: " + ", ".join(f"{c} {counts[c]}" for c in ranked),
            )
            return Dyad(*lead_act)
        pairs: Counter[tuple[str, str]] = Counter()
        for mention in support:
            for pair in named_pairs(mention.sentence.text):
                if set(pair) & set(ranked[:2]) and not set(pair) & set(partners):
                    pairs[pair] += mention.position
        if pairs:
            # A pair of the two most named outranks one that shares only one of them.
            named, weight = max(
                pairs.items(), key=lambda item: (len(set(item[0]) & set(ranked[:2])), item[1])
            )
            self.note(
                "parties",
                (m.sentence.text for m in support),
                f"the two parties named as the sides ({weight}); the most named: "
                + ", ".join(f"{c} {counts[c]}" for c in ranked),
            )
            return Dyad(*named)
        two = pattern(load("events")["meetings"]["two_sides"])
        if not ranked and any(two.search(m.sentence.text) for m in support):
            ranked = self._article_pair()
        if len(ranked) == 1 and (other := self._other_party(ranked[0])):
            ranked.append(other)
        if len(ranked) < 2:
            self.reasons.insert(
                0, f"cannot tell the two parties: the sentences name only {ranked or 'none'}"
            )
            return None
        parties = Dyad(ranked[0], ranked[1])
        self.note(
            "parties",
            (m.sentence.text for m in support),
            "the two parties most named: " + ", ".join(f"{c} {counts[c]}" for c in ranked),
        )
        return parties

    def _own_acts(
        self, support: list[EventMention], lead_act: tuple[str, str] | None
    ) -> list[EventMention]:
        """The mentions that tell the lead's act, less those lower down whose subject is a third
        state ("Niger cuts ties with Ukraine ... On Monday Mali cut ties with Ukraine"): the
        same step taken before by another is that state's act, not the news of the pair."""
        if lead_act is None:
            return support
        kept = []
        for mention in support:
            sides = _act_sides([mention])
            if mention.position < 3 and sides is not None and sides[0] not in lead_act:
                self.reasons.append(
                    f"not of the pair: {mention.type} ({mention.trigger!r}) is an act of "
                    f"{sides[0]}, a state other than the two of the lead's act"
                )
                continue
            kept.append(mention)
        return kept

    @staticmethod
    def _own_pair(support: list[EventMention]) -> tuple[tuple[str, str], str] | None:
        """The two sides the words of the event name themselves: "between A and B" right after
        its word ("talks between A and B", "relations between A and B", or the only two parties
        named after that "between" in its clause), or "A-B" right before it ("the A-B talks");
        with the words that name them."""
        between = re.compile(r"^(?:\s+(?:[\w-]+\s+){0,2}?)?\s*between\s")
        hyphened = re.compile(r"\w[-\u2013]\w[\w'’ ]{0,30}\s$")
        # "Establish full diplomatic relations between": three words may name what is shared.
        far = re.compile(r"^\s+(?:[\w-]+\s+){3}between\s")
        for mention in sorted(support, key=lambda m: -m.position):
            text = mention.sentence.text
            end = mention.start + len(mention.trigger)
            if between.match(text[end:]) or far.match(text[end:]):
                told = text[mention.start : end + 90]
            elif hyphened.search(text[max(0, mention.start - 40) : mention.start]):
                told = text[max(0, mention.start - 40) : end]
            else:
                continue
            if pairs := named_pairs(told):
                return pairs[0], _shorten(told.split(".")[0], 80)
            # "Relations between Israel and another Arab nation -- Bahrain": the two parties the
            # words after "between" name, up to the end of the sentence or clause, are the sides.
            clause = re.split(r"[.;(]|,\s(?:and|but|which|who|while)\b", told)[0]
            named = list(dict.fromkeys(code for code, _ in party_mentions(clause)))
            if len(named) == 2:
                return (named[0], named[1]), _shorten(clause, 80)
        return None

    def _sides(self, ranked: list[str], support: list[EventMention]) -> list[str]:
        """The parties named, less those that only host, mediate or look on while two others
        negotiate: the two others are the sides, named in the sentences that report the talks
        or else as a pair elsewhere in the article ("talks between A and B")."""
        hosts = {code for mention in support for code in mediators(mention.sentence.text)}
        if not hosts & set(ranked):
            return ranked
        sides = [code for code in ranked if code not in hosts]
        if len(sides) < 2:
            pairs = [
                pair
                for sentence in self.page.with_headline()
                for pair in named_pairs(sentence.text)
                if not hosts & set(pair)
            ]
            if not pairs:
                return ranked
            sides = list(pairs[0])
        self.reasons.append(
            f"{', '.join(sorted(hosts & set(ranked)))} only hosts or mediates: not a side"
        )
        return sides

    def _article_pair(self) -> list[str]:
        """The two parties the article names most (the headline and lead weigh most), for an
        event its sentences tell of "the two sides" without naming them."""
        counts: Counter[str] = Counter()
        for sentence in self.page.with_headline():
            weight = 3 if sentence.headline or sentence.paragraph == 0 else 1
            for code, _ in party_mentions(sentence.text):
                counts[code] += weight
        pair = [code for code, _ in counts.most_common(2)]
        if len(pair) == 2:
            self.reasons.append(
                f"the sentences that report it name the sides only as two: taken as "
                f"{pair[0]} and {pair[1]}, the parties the article names most; check it"
            )
        return pair

    def _other_party(self, party: str) -> str | None:
        """The party the article names most besides ``party`` (the headline and lead weigh
        most), for an act whose sentences name only the party that acts."""
        counts: Counter[str] = Counter()
        for sentence in self.page.with_headline():
            weight = 3 if sentence.headline or sentence.paragraph == 0 else 1
            for code, _ in party_mentions(sentence.text):
                if code != party:
                    counts[code] += weight
        if not counts:
            return None
        other, count = counts.most_common(1)[0]
        self.reasons.append(
            f"the sentences that report it name only {party}: the other party is {other}, "
            f"the one the article names most ({count}); check it"
        )
        return other

    def _background_before(self, sentence: Sentence) -> bool:
        """Whether the sentence before this one tells only of background events."""
        before = [m for m in self.reading.mentions if m.sentence.index == sentence.index - 1]
        return bool(before) and all(not m.counts for m in before)

    def _same_day(self, sentence: Sentence, on: date) -> bool:
        """Whether a sentence speaks of the day ``on`` (or names no other day): no day or week
        of its own but that one, and no "Earlier" opening it with no day."""
        # A day in a relative clause ("the thaw that began on Dec. 17") dates what it tells,
        # and so does a day after ``on`` ("said on Thursday that he will visit from Dec. 12").
        relative = re.compile(r"\b(?:that|which|who|whom|whose)\b[^,;]*$")
        days = [
            d
            for d in self.reading.dates_of(sentence)
            if d.window.days <= 7
            and not relative.search(d.quote[: d.start])
            and d.window.start <= on
        ]
        before = pattern(load("events")["speech"]["earlier"]).match(sentence.text)
        return all(d.window.covers(on) for d in days) and not (before and not days)

    def _said_then(self, sentence: Sentence, verb: re.Match[str], on: date) -> bool:
        """Whether a verb of speech is dated before the news by the words next to it ("said in
        February", "in a statement last month said"), or told in the perfect ("has said")."""
        if pattern(load("events")["speech"]["perfect"]).search(sentence.text[: verb.start()]):
            return True
        earlier = on - timedelta(days=load("events")["recent_days"])
        return any(
            d.window.last < earlier
            and not d.phrase.lower().startswith("since")
            and -20 <= d.start - verb.end() <= 20
            for d in self.reading.dates_of(sentence)
        )

    def _others_event(self, sentence: Sentence, parties: Dyad) -> bool:
        """Whether a sentence tells of an event of other parties: it names a party that is
        neither side nor a member of one ("a G7 summit in Britain", "meetings with NATO
        partners" on a US-Russia page), and not both sides."""
        named = {code for code, _ in party_mentions(sentence.text)}
        named |= {
            role.party
            for mention in people_in(sentence.text)
            if (role := mention.person.role_on(self.day))
        }
        sides = {parties.first, parties.second}
        others = {
            code
            for code in named - sides
            if not any(member_of(code, side, self.day) for side in sides)
        }
        return bool(others) and not sides <= named

    def _common(
        self,
        kind: str,
        *,
        on: date,
        parties: Dyad,
        support: list[EventMention],
        people: tuple[Participant, ...],
        follow_ups: tuple[FollowUp, ...],
    ) -> dict[str, Any]:
        quotes = tuple(dict.fromkeys(m.sentence.text for m in support if not m.sentence.headline))
        source = Source(
            outlet=self.page.outlet or "unidentified outlet",
            article=self.page.name,
            headline=self.page.headline,
            published=self.stamp,
            quotes=quotes or tuple(m.sentence.text for m in support),
        )
        if not self.page.outlet:
            self.reasons.append("the outlet is not recognised: edit the source before appending")
        title = self.page.headline or _shorten(support[0].sentence.text)
        stem = re.sub(r"[^a-z0-9]+", "-", self.page.name.lower().removesuffix(".txt")).strip("-")
        return {
            "id": f"{kind.replace('_', '-')}-{on}-{stem}",
            "on": on,
            "parties": parties,
            "title": title,
            "sources": (source,),
            "reported": max(on, self.day),
            "participants": people,
            "stances": self._stances(parties, on),
            "follow_ups": follow_ups,
            "cooperation": self._cooperation(),
        }

    def _stances(self, parties: Dyad, on: date) -> tuple[Stance, ...]:
        speech = pattern(load("events")["speech"]["verbs"])
        stances: list[Stance] = []
        for sentence in self.page.sentences:
            if not speech.search(sentence.text):
                continue
            issue = _issue(sentence.text)
            named = people_in(sentence.text)
            role = named[0].person.role_on(on) if named else None
            if issue is None or role is None:
                continue
            stance = Stance(
                actor=role.party,
                issue=issue,
                position=_shorten(_said(sentence.text)),
                quote=sentence.text,
                speaker=named[0].person.name,
            )
            self.note(f"stances[{len(stances)}]", [sentence.text], f"{stance.speaker} on {issue}")
            stances.append(stance)
        return tuple(stances)

    def _cooperation(self) -> tuple[CooperationNote, ...]:
        data = load("issues")
        notes: list[CooperationNote] = []
        for sentence in self.page.sentences:
            status = next(
                (
                    s["status"]
                    for s in data["statuses"]
                    if pattern(s["pattern"]).search(sentence.text)
                ),
                None,
            )
            if status is None:
                continue
            for spec in data["cooperation"]:
                if pattern(spec["pattern"]).search(sentence.text) and spec["area"] not in {
                    n.area for n in notes
                }:
                    self.note(
                        f"cooperation[{len(notes)}]", [sentence.text], f"{spec['area']}: {status}"
                    )
                    notes.append(
                        CooperationNote(
                            area=spec["area"], status=CooperationStatus(status), quote=sentence.text
                        )
                    )
        return tuple(notes)

    # -- the fields of each type -----------------------------------------------------------

    def _typed(
        self, kind: str, support: list[EventMention], parties: Dyad, common: dict[str, Any]
    ) -> Entry:
        read = _READERS.get(kind)
        if read is None:
            msg = f"ingest cannot draft an entry of type {kind!r}: it has no reader of its fields"
            raise ValueError(msg)
        texts = [m.sentence.text for m in support]
        return read(self, texts, self._actor(support, parties), parties, common)

    def _suspension(
        self, texts: list[str], by: str, _parties: Dyad, common: dict[str, Any]
    ) -> Entry:
        channels = _channels(texts)
        reason = _reason(texts)
        self.note("channels", texts, f"the channels named: {', '.join(channels) or 'none'}")
        self.note(
            "reason",
            texts,
            "the words after 'over', 'after', 'in protest at'..." if reason else "not stated",
        )
        words = load("events")["suspension"]
        downgraded = any(pattern(words["downgrade"]).search(t) for t in texts)
        levels = tuple(words["downgrade_levels"]) if downgraded else ()
        if downgraded:
            self.note("levels", texts, "relations downgraded: the ambassadors withdrawn")
        border = next((t for t in texts if pattern(words["border"]).search(t)), None)
        if border is not None:
            self.note(
                "border",
                [border],
                "the border closed the same day: a measure of its own, for a person to add",
            )
        return Suspension(
            by=by,
            channels=channels,
            reason=reason or "not stated in the article",
            levels=levels,
            effective=self._effective(texts, common["on"], deadline=False),
            **common,
        )

    def _effective(self, texts: list[str], on: date, *, deadline: bool) -> date | None:
        """The day a measure takes force when the text gives one after its day: a day told
        after "with effect from" or "starting", or, for a measure that sends people or a mission
        away, the end of the time they are given to leave."""
        words = load("events")["effective"]
        starts = pattern(words["from"])
        for text in texts:
            for found in find_dates(text, self.day):
                if (
                    found.window.days == 1
                    and found.window.start > on
                    and starts.search(text[: found.start])
                ):
                    self.note("effective", [text], f"{found.phrase!r}: the day it takes force")
                    return found.window.start
        if not deadline:
            return None
        for text in texts:
            if given := pattern(words["deadline"]).search(text):
                count = _number(given.group("count"))
                unit = given.group("unit").rstrip("s")
                days = -(-count // 24) if unit == "hour" else count * (7 if unit == "week" else 1)
                self.note("effective", [text], f"{given.group(0)!r} after {on}: when it runs out")
                return on + timedelta(days=days)
        return None

    def _decision(self, texts: list[str], by: str, _parties: Dyad, common: dict[str, Any]) -> Entry:
        channels = _channels(texts)
        spec = next(s for s in load("events")["types"] if s["type"] == MinisterialDecision.TYPE)
        restores = pattern(spec["restores"])
        restored = [(t, m) for t in texts if (m := restores.search(t))]
        lifted = RELATIONS in channels and bool(restored)
        resumes = tuple(c for c in channels if not (lifted and c == RELATIONS))
        lifts = (Lift(RELATIONS),) if lifted else ()
        # Relations both sides restore ("Iran and Saudi Arabia agreed to restore ties") are
        # restored by both: the decision lifts the measures of either.
        jointly = lifted and any(two_sides(t[: m.start()], self.day) for t, m in restored)
        self.note("resumes", texts, f"the channels named: {', '.join(resumes) or 'none'}")
        if lifted:
            how = "by both sides named as its subject" if jointly else f"by {by}"
            self.note("lifts", [t for t, _ in restored], f"diplomatic relations restored, {how}")
        return MinisterialDecision(
            by=by,
            body=_body(by, texts),
            decision=_shorten(texts[0]),
            resumes=resumes,
            lifts=lifts,
            jointly=jointly,
            **common,
        )

    def _established(
        self, texts: list[str], _by: str, _parties: Dyad, common: dict[str, Any]
    ) -> Entry:
        # Diplomatic relations established, with no council named, set up relations themselves.
        if RELATIONS in _channels(texts) and not any(re.search(r"Council|NRC", t) for t in texts):
            self.note("channel", texts, "diplomatic relations established")
            return ChannelEstablished(channel=RELATIONS, body="diplomatic relations", **common)
        channel, body = _council(texts)
        return ChannelEstablished(channel=channel, body=body, **common)

    def _declaration(
        self, texts: list[str], by: str, _parties: Dyad, common: dict[str, Any]
    ) -> Entry:
        # A joint declaration is both sides': the draft names the host, where a sentence says
        # in whose capital it was signed or issued, else the side read as for any act.
        words = load("events")["declaration"]
        if any(pattern(words["joint"]).search(t) for t in texts):
            venue = pattern(words["venue"])
            hosts = [
                code
                for t in texts
                for found in venue.finditer(t)
                if (code := capital_of(found.group("city"))) in (_parties.first, _parties.second)
            ]
            if hosts:
                by = hosts[0]
                how = f"a joint declaration, made in the capital of {by}: its host"
                self.note("by", texts, how)
            else:
                how = f"a joint declaration of both sides, no host named: {by} as read, check it"
                self.note("by", texts, how)
        return Declaration(by=by, body=_body(by, texts), statement=_shorten(texts[0]), **common)

    def _session(self, texts: list[str], _by: str, _parties: Dyad, common: dict[str, Any]) -> Entry:
        meetings = load("events")["meetings"]
        level = next(
            (
                name
                for name, level_pattern in meetings["levels"]
                if any(pattern(level_pattern).search(t) for t in texts)
            ),
            "unstated",
        )
        informal = any(pattern(meetings["informal"]).search(t) for t in texts)
        called = any(pattern(meetings["formal"]).search(t) for t in texts)
        named = any(pattern(meetings["named_council"]).search(t) for t in texts)
        formal = not informal and (called or named)
        self.note("level", texts, f"{level}, from the words of the sentences that report it")
        if informal:
            how = "called informal"
        elif called:
            how = "called formal"
        elif named:
            how = "a session of the council named, not called informal: formal by default"
        else:
            how = "no council named as its forum, nor called formal: drafted as informal"
        self.note("formal", texts, how)
        return CouncilMeeting(level=level, formal=formal, venue=self.page.city, **common)

    def _informal(
        self, texts: list[str], _by: str, _parties: Dyad, common: dict[str, Any]
    ) -> Entry:
        self.note("venue", [], f"the dateline's city: {self.page.city or 'none'}")
        return InformalMeeting(format=_formats(texts) or "meeting", venue=self.page.city, **common)

    def _expulsion(self, texts: list[str], by: str, parties: Dyad, common: dict[str, Any]) -> Entry:
        owner = _other(parties, by)
        words = load("events")["expulsion"]
        told = [m for t in texts if (m := pattern(words["persons"]).search(t))]
        found = next((m for m in told if m.group("count")), told[0] if told else None)
        persons = found.group("persons") if found else "not stated in the article"
        count = _number(found.group("count")) if found and found.group("count") else 0
        accreditation = any(pattern(words["accreditation"]).search(t) for t in texts)
        self.note("mission", texts, f"the mission of {owner}, the party expelled from")
        self.note("count", texts, f"{count}, the number told of them" if count else "not stated")
        return Expulsion(
            by=by,
            mission=_mission(owner),
            persons=persons,
            count=count,
            accreditation=accreditation,
            effective=self._effective(texts, common["on"], deadline=True),
            **common,
        )

    def _presence(self, texts: list[str], by: str, parties: Dyad, common: dict[str, Any]) -> Entry:
        words = load("events")["presence"]
        action = next(
            (
                PresenceAction(name)
                for name, action_pattern in words["actions"]
                if any(pattern(action_pattern).search(t) for t in texts)
            ),
            PresenceAction.RESTRICTED,
        )
        owner = by if action is PresenceAction.OPENED else _other(parties, by)
        capped = next((m for t in texts if (m := pattern(words["cap"]).search(t))), None)
        cap = int(capped.group("cap")) if capped else 0
        self.note("action", texts, f"{action.value}, from the verb of the sentences")
        self.note("mission", texts, f"the mission of {owner}: its own opens, the other's is hit")
        return PresenceMeasure(
            by=by,
            mission=_mission(owner),
            of=owner,
            action=action,
            detail=_shorten(texts[0]),
            cap=cap,
            effective=self._effective(
                texts, common["on"], deadline=action is not PresenceAction.OPENED
            ),
            **common,
        )

    def _defunct(self, texts: list[str], by: str, _parties: Dyad, common: dict[str, Any]) -> Entry:
        channel, body = _council(texts)
        return BodyDefunct(
            by=by, channel=channel, body=body, statement=_shorten(texts[0]), **common
        )

    def _condemnation(
        self, texts: list[str], by: str, _parties: Dyad, common: dict[str, Any]
    ) -> Entry:
        issue = next((name for t in texts if (name := _issue(t))), None)
        protest = any(pattern(load("events")["condemnation"]["protest"]).search(t) for t in texts)
        self.note("issue", texts, f"{issue}, by its words" if issue else "no known issue named")
        return Condemnation(
            by=by,
            issue=issue or "unstated",
            statement=_shorten(_said(texts[0])),
            protest=protest,
            **common,
        )

    def _economic(self, texts: list[str], by: str, _parties: Dyad, common: dict[str, Any]) -> Entry:
        """Sanctions imposed (their kind, what they bear on, those they list), or lifted: the
        decision of the side that took them, named as the draft names them."""
        spec = next(s for s in load("events")["types"] if s["type"] == EconomicMeasure.TYPE)
        words = load("events")["economic"]
        measure = f"{by.lower()}_sanctions"
        lifting = [t for t in texts if pattern(spec["lifted"]).search(t)]
        if 2 * len(lifting) > len(texts):
            self.note(
                "lifts", lifting, f"sanctions lifted by {by}: {measure}, for a person to confirm"
            )
            stem = common["id"].removeprefix("economic-measure-")
            decided = {**common, "id": f"ministerial-decision-{stem}"}
            return MinisterialDecision(
                by=by,
                body=_body(by, texts),
                decision=_shorten(lifting[0]),
                lifts=(Lift(measure),),
                **decided,
            )
        kind = next(
            (
                EconomicKind(name)
                for name, kind_pattern in words["kinds"]
                if any(pattern(kind_pattern).search(t) for t in texts)
            ),
            EconomicKind.EMBARGO,
        )
        targets = tuple(
            EconomicTarget(name)
            for name, target_pattern in words["targets"]
            if any(pattern(target_pattern).search(t) for t in texts)
        ) or (EconomicTarget(words["kind_targets"][kind.value]),)
        listed = next((m for t in texts if (m := pattern(words["count"]).search(t))), None)
        count = _number(listed.group("count")) if listed else 0
        self.note("kind", texts, f"{kind.value}, from the words of the sentences (a ban if none)")
        self.note("targets", texts, ", ".join(t.value for t in targets))
        self.note("measure", texts, f"{measure}: the sanctions of {by}, for a person to confirm")
        return EconomicMeasure(
            by=by,
            measure=measure,
            kind=kind,
            targets=targets,
            detail=_shorten(texts[0]),
            persons=listed.group(0) if listed else "",
            count=count,
            effective=self._effective(texts, common["on"], deadline=False),
            **common,
        )

    def _force(self, texts: list[str], by: str, _parties: Dyad, common: dict[str, Any]) -> Entry:
        """Armed force used by one side: its action, the first whose words the sentences hold
        (an attack when none does)."""
        actions = load("events")["force"]["actions"]
        action = next(
            (
                ForceAction(name)
                for name, words in actions
                if any(pattern(words).search(t) for t in texts)
            ),
            ForceAction.ATTACK,
        )
        self.note("action", texts, f"{action.value}, from the words of the sentences")
        territory = ""
        if action is not ForceAction.ATTACK:
            named = pattern(load("events")["force"]["territory"])
            for text in texts:
                found = named.search(text)
                # A party's own name after the verb ("invaded Kenya") is who is hit, not a
                # territory of its own.
                if found and not party_mentions(found.group("name")):
                    territory = re.sub(r"[^a-z0-9]+", "_", found.group("name").lower()).strip("_")
                    self.note("territory", [text], f"{territory}, named after the verb: check it")
                    break
        return UseOfForce(
            by=by, action=action, territory=territory, detail=_shorten(texts[0]), **common
        )

    def _proposal(self, texts: list[str], by: str, _parties: Dyad, common: dict[str, Any]) -> Entry:
        return Proposal(by=by, proposal=_shorten(texts[0]), **common)

    def _actor(self, support: list[EventMention], parties: Dyad) -> str:
        """The party that acts, noted with the sentence it is read from."""
        actor, how, quote = self._actor_of(support, parties)
        self.note("by", [quote], how)
        return actor

    @staticmethod
    def _actor_of(support: list[EventMention], parties: Dyad) -> tuple[str, str, str]:
        """The party that acts: the subject of the verb of the top sentence (the party named
        last before it, unless that one is only where the act lands, "to Lebanon"); told in the
        passive, the party after "by", else the side the measure's verb implies. How it was read,
        and that sentence."""
        top = max(support, key=lambda m: m.position)
        text = top.sentence.text
        modality = load("events")["modality"]
        found = [(code, at) for code, at in party_mentions(text) if code in parties]
        before = [(code, at) for code, at in found if at < top.start]
        rest = text[top.start :]
        # The passive is the measure's own where its word is the envoy or mission it hits ("the
        # ambassador of X was recalled"), not a verb of its own ("expelled two diplomats who
        # were ordered to leave").
        passive = (
            pattern(modality["passive"]).match(rest)
            if pattern(modality["hit_noun"]).match(top.trigger)
            else None
        )
        if passive and re.search(r"\b(?:who|whom|which|that)\b", passive.group(0)):
            passive = None
        # Force told in the passive ("border posts were shelled by Ethiopian troops") is used
        # by the party after "by"; with none, by the other side of the one it hits.
        if top.type == UseOfForce.TYPE and pattern(modality["passive_lead"]).search(
            text[: top.start]
        ):
            after = top.start + len(top.trigger)
            agent = pattern(modality["agent"])
            for code, at in found:
                if at >= after and agent.match(text[after:at]):
                    return code, "the party after 'by' of force told in the passive", text
            if before:
                hit = before[-1][0]
                how = f"the other side of {hit}, on whom force is told as used, in the passive"
                return _other(parties, hit), how, text
        participle = pattern(modality["passive"]).match(f"was {top.trigger}")
        lead = participle and pattern(modality["passive_lead"]).search(text[: top.start])
        if passive or lead:
            verb = passive.group("verb") if passive else top.trigger.split()[0].lower()
            after = top.start + (passive.end() if passive else len(top.trigger))
            agent = pattern(modality["agent"])
            for code, at in found:
                if at >= after and agent.match(text[after:at]):
                    return code, f"the party after 'by' of the passive {verb!r}", text
            object_of = pattern(modality["object_of"])
            told = [code for code, at in found if at < after and not object_of.search(text[:at])]
            if verb == "given":
                # Those given days to leave are the envoys of the party that owns them ("Latvia's
                # ambassador had been given two weeks"), not of the one who says so.
                told = [code for code in told if any(c == code for c, _ in _envoy_owners(text))]
            if told:
                owner = told[-1]
                if pattern(modality["own_passive"]).match(verb):
                    return owner, f"{owner}'s own envoy, told as {verb!r} in the passive", text
                how = f"the other side of {owner}, whose envoy is told as {verb!r} in the passive"
                return _other(parties, owner), how, text
        if before:
            object_of = pattern(modality["object_of"])
            subjects = [code for code, at in before if not object_of.search(text[:at])]
            if subjects and subjects[-1] != before[-1][0]:
                how = f"the party named before the verb, not {before[-1][0]}, where it lands"
                return subjects[-1], how, text
            return before[-1][0], "the party named before the verb", text
        how = "no party named before the verb: the first of the dyad"
        return parties.first, how, text


#: How ingest reads the fields of each type it drafts, by type name.
_READERS: dict[str, Callable[[_Builder, list[str], str, Dyad, dict[str, Any]], Entry]] = {
    Suspension.TYPE: _Builder._suspension,
    MinisterialDecision.TYPE: _Builder._decision,
    ChannelEstablished.TYPE: _Builder._established,
    Declaration.TYPE: _Builder._declaration,
    CouncilMeeting.TYPE: _Builder._session,
    InformalMeeting.TYPE: _Builder._informal,
    Expulsion.TYPE: _Builder._expulsion,
    PresenceMeasure.TYPE: _Builder._presence,
    BodyDefunct.TYPE: _Builder._defunct,
    Condemnation.TYPE: _Builder._condemnation,
    Proposal.TYPE: _Builder._proposal,
    EconomicMeasure.TYPE: _Builder._economic,
    UseOfForce.TYPE: _Builder._force,
}

#: Types a sentence about the future never makes done: a meeting is held only once it is, and
#: force is used only once it is, whoever announces it.
_NEVER_DECIDED = frozenset({MEETING, UseOfForce.TYPE})


#: The types whose act two sides share, with no one side that takes it.
_SHARED = frozenset({InformalMeeting.TYPE, CouncilMeeting.TYPE, "meeting"})


def _act_sides(support: Sequence[EventMention]) -> tuple[str, str] | None:
    """The side that takes a one-sided act and the side it bears on, as the highest mention
    tells them: the party that opens its sentence as subject before the verb ("Niger has cut
    ties with Ukraine", "Bolivia's president said the country will expel Mexico's ambassador")
    and the first other one named right after the verb; None where either is not told so, for
    a shared act (a meeting), or for a verb in the passive ("was expelled by")."""
    if not support:
        return None
    top = max(support, key=lambda m: m.position)
    if top.type in _SHARED:
        return None
    text = top.sentence.text
    before, after = text[: top.start], text[top.start + len(top.trigger) :][:60]
    subject = party_mentions(before)
    if (
        not subject
        or subject[0][1] > 40
        or re.search(r"\b(?:was|were|been|being)\b[^.;]*$", before)
        or re.match(r"\s*by\b", after)
    ):
        return None
    actor = subject[0][0]
    together = _partners(support)
    named = [code for code, _ in party_mentions(after) if code not in (actor, *together)]
    if not named or any(code not in (actor, named[0], *together) for code, _ in subject[1:]):
        return None
    return actor, named[0]


#: The measures one side takes against another, whose subject may name several states acting
#: as one side.
_AGAINST = frozenset(
    {
        Suspension.TYPE,
        Expulsion.TYPE,
        PresenceMeasure.TYPE,
        EconomicMeasure.TYPE,
        UseOfForce.TYPE,
        Condemnation.TYPE,
        BodyDefunct.TYPE,
    }
)


def _partners(support: Sequence[EventMention]) -> tuple[str, ...]:
    """The states the highest mention of a measure names as acting with the first of its
    subject ("Mali, along with its allies Burkina Faso and Niger, recalled their ambassadors
    from Algeria", "A and B imposed sanctions on C"): they are on the side that acts, never
    the one the measure bears on."""
    if not support:
        return ()
    top = max(support, key=lambda m: m.position)
    if top.type not in _AGAINST:
        return ()
    return acting_together(top.sentence.text[: top.start])[1:]


#: A meeting told in the present progressive: under way on the day it is told.
_NOW = re.compile(
    r"\b(?:is|are) (?:meeting|holding (?:talks|a meeting|a summit)|hosting|visiting)\b"
    r"(?:(?!\b(?:will|to|next|tomorrow)\b)[^.;])*$"
)
#: The words that date a statement, right before its day ("in a statement issued late
#: Wednesday"), and a sentence that opens by placing its event earlier or later on a day.
_STATEMENT_DAY = re.compile(
    r"\b(?:[Ii]n (?:a|an|his|her|its|their)|[Ii]ts|[Tt]he|[Aa]n?) (?:[\w-]+ ){0,2}"
    r"(?:statement|post|tweet|message|press release|communiqu[eé]|announcement) "
    r"(?:(?:was )?(?:issued|released|published|posted|made) )?(?:(?:late|early) )?$"
)
_TO_COME = re.compile(r"\b(?:will|due to|(?:is|are) to|expected to|plan(?:s|ned)? to|set to)\b")
_SAME_DAY = re.compile(r"^(?:Earlier|Later)(?: on)?\s*$")
#: A trip's departure told as to come.
_LEAVE = re.compile(r"\b(?:leave|leaves|depart|departs|fly|flies|travel|travels) (?:for|to)\b")
#: The return of a trip, before the day it is told for ("is to return home Tuesday").
_RETURN = re.compile(r"\b(?:is|are|will|to) (?:\w+ )?return(?: home| to [A-Z][\w-]+)?\b")
#: A meeting told as what came before a statement ("stated after accompanying the president
#: to receive the visit"): done by the time it is told.
_DONE_BEFORE = re.compile(
    r"\b(?:said|says|stated|told|added|noted|declared|remarked|explained|announced) after "
    r"[a-z]+ing\b[^.;]*$"
)
#: Gatherings of many: the words, the noun phrase before one, and the words that tell that a
#: side attends one.
_STAY = re.compile(r"\b(\w+)-day (?:[\w-]+ ){0,2}(?:visit|trip|tour|stay)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:through|until|till)\b")
_GATHERING = re.compile(r"\b(?:summit|conference|assembly|forum|congress)s?\b", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|this|next|[Tt]he|[Aa]n?)\b|[,;:]")


def _noun_phrase(before: str) -> str:
    """The words that qualify a noun, from the text before it: back to its article, at most
    eight words."""
    tail = " ".join(before.split()[-8:])
    cut = [found.end() for found in _DETERMINER.finditer(tail)]
    return tail[max(cut, default=0) :]


_MONTH_WORD = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
)
_ATTENDED = re.compile(
    r"\b(?:attend(?:s|ed|ing)?|(?:take|takes|taking|took) part in|participat(?:e|es|ing) in)\b"
    r"[^.;]{0,80}$"
)
_MEET_EACH_OTHER = re.compile(
    r"\b(?:meet|meets|meeting with|met|talks with|hold talks|bilateral|one-on-one|"
    r"summit (?:with|between)|between)\b"
)


def _of_the_reason(mention: EventMention, when: DateMention) -> bool:
    """Whether a day told after a measure dates what the measure answers, not the measure
    ("summoned the ambassador over the violation of its territory by troops on June 17")."""
    if mention.type == MEETING or when.start < mention.start + len(mention.trigger):
        return False
    between = mention.sentence.text[mention.start + len(mention.trigger) : when.start]
    return bool(_REASON.search(between)) and not _CLAUSE_END.search(between)


_REASON = re.compile(
    r"\b(?:over|in response to|in protest (?:at|against|over)|in retaliation for)\b"
)
_CLAUSE_END = re.compile(r"[;:]|, (?:and|but|while|which)\b")


def _nearest_event(text: str, when: DateMention) -> int | None:
    """Where the word of the event nearest to a day begins: the event the day is told of."""
    words = [*_MEETING_WORD.finditer(text), *_GATHERING.finditer(text)]

    def distance(found: re.Match[str]) -> int:
        return max(when.start - found.end(), found.start() - when.end, 0)

    return min(words, key=distance).start() if words else None


#: Where a clause ends: a comma or semicolon, or a word that opens another event of the trip
#: ("after attending", "before flying on").
_CLAUSE = re.compile(r"[;,]|\s(?:after|before|following|ahead of|while|then)\s")
#: A trip or a visit to a place, or a meeting with someone.
_TRIP = re.compile(
    r"\b(?:travel(?:s|ling|ing)?|arriv(?:e|es|ing)|fly|flies|flying|head(?:s|ing)?|go|goes|"
    r"visit(?:s|ing)?|meet(?:s|ing)?|hold talks|stop(?:s|ping)? in)\b"
)


def _trip_clause(when: DateMention, parties: Dyad, day: date) -> bool:
    """Whether a day is told in a clause of its own with a trip to one of the sides or a meeting
    with it ("will travel to Hanoi on Sept. 10"): the clause names one side (by its name, its
    capital or a person of theirs) and no other party, so the day is the pair's, whatever other
    event the rest of the sentence tells ("after attending a summit in India")."""
    text = when.quote
    starts = [found.end() for found in _CLAUSE.finditer(text, 0, when.start)]
    start = max(starts, default=0)
    after = _CLAUSE.search(text, when.end)
    clause = text[start : after.start() if after else len(text)]
    named = _parties_named(clause, day)
    sides = {parties.first, parties.second}
    return bool(named) and named <= sides and bool(_TRIP.search(text[start : when.start]))


def _parties_named(text: str, day: date) -> set[str]:
    """The parties a text names, by name or by a person of the dictionary."""
    return {code for code, _ in party_mentions(text)} | {
        role.party for mention in people_in(text) if (role := mention.person.role_on(day))
    }


def _of_sides(word: str, sides: set[str], day: date) -> bool:
    """Whether a word names one of the sides (their name, adjective, capital or a person's
    name of theirs)."""
    named = _parties_named(word, day)
    return bool(named) and named <= sides


def _names_both(words: str, sides: set[str], day: date) -> bool:
    return sides <= _parties_named(words, day)


#: How a sentence of an article ends: closing punctuation, or a quotation mark after it.
_CLOSED = re.compile(r"[.!?][\"”’')]*\s*$")


def _scores(realized: Sequence[EventMention]) -> dict[str, int]:
    scores: defaultdict[str, int] = defaultdict(int)
    for mention in realized:
        scores[mention.type] += weights()[mention.type] * mention.position
    return dict(scores)


def _announced(mention: EventMention) -> bool:
    """Whether a measure told as to come is told as decided: someone in its sentence says or
    announces it, and nothing before it says it is only expected or yet to be announced."""
    announced = pattern(load("events")["modality"]["announced"])
    return bool(announced.search(mention.sentence.text)) and not _undecided(mention)


def _undecided(mention: EventMention) -> bool:
    """Whether the words before a measure say it is only threatened, warned of, considered or
    expected ("had threatened to call off talks"), or a measure to come is told on a condition
    ("will cut ties if the strikes go on"): no part of the decision reported."""
    modality = load("events")["modality"]
    undecided = pattern(modality["undecided"])
    end = mention.start + len(mention.trigger)
    conditional = pattern(modality["conditional"]).match(mention.sentence.text[end:])
    return bool(undecided.search(mention.sentence.text[: mention.start])) or (
        mention.planned and conditional is not None
    )


def _hedged(mention: EventMention) -> bool:
    """Whether the clause of a mention, or what leads to it, tells only a possibility; the
    mention's own words are no hedge (a proposal is made by proposing, an envoy sent home by
    calling on them to leave)."""
    end = mention.start + len(mention.trigger)
    hedge = hedged(mention.sentence.text, end)
    own = hedge is not None and mention.trigger.lower().startswith(hedge.lower())
    return hedge is not None and not own and not mention.sentence.headline


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _said(text: str) -> str:
    quoted: list[str] = re.findall(r"[\"“]([^\"”]{12,})[\"”]", text)
    if quoted:
        return quoted[0].strip(" ,.")
    after = re.split(r"\bsaid(?: that)?\b|\btold [\w ]+? that\b", text, maxsplit=1)
    return (after[1] if len(after) > 1 else text).strip(" ,.") or text


def _channels(texts: Sequence[str]) -> tuple[str, ...]:
    return tuple(
        spec["name"]
        for spec in load("issues")["channels"]
        if any(pattern(spec["pattern"]).search(text) for text in texts)
    )


def _reason(texts: Sequence[str]) -> str:
    reasons = pattern(load("issues")["reasons"]["pattern"])
    for text in texts:
        match = reasons.search(text)
        if match:
            return match.group("reason").strip()
    return ""


def _body(by: str, texts: Sequence[str]) -> str:
    name = party_name(by)
    for level, words in (
        ("foreign ministers", r"\bforeign ministers\b"),
        ("defence ministers", r"\bdefen[cs]e ministers\b"),
    ):
        if any(re.search(words, text) for text in texts):
            return f"{name} {level}"
    return name


def _formats(texts: Iterable[str]) -> str:
    texts = list(texts)
    formats: list[str] = load("events")["meetings"]["formats"]
    for name in formats:
        if any(pattern(rf"\b{name}\b").search(text) for text in texts):
            return name
    return ""


def _issue(text: str) -> str | None:
    """The issue a sentence speaks of, by the first issue whose words it holds."""
    issues = load("issues")["issues"]
    return next((spec["name"] for spec in issues if pattern(spec["pattern"]).search(text)), None)


def _council(texts: Sequence[str]) -> tuple[str, str]:
    """The channel and body a set-up or a dissolution is of: the council, if named."""
    if any(re.search(r"Council|NRC", text) for text in texts):
        return "nrc", "NATO-Russia Council"
    return "channel", _shorten(texts[0])


def _envoy_owners(text: str) -> list[tuple[str, int]]:
    """The parties a text names as owning an envoy or diplomats ("Latvia's ambassador", "the
    Latvian envoy", "ten Russian diplomats")."""
    owned = re.compile(
        r"(?:[A-Z][\w.-]*\s?){1,3}(?:'s|’s)?\s(?:[\w-]+\s)?"
        r"(?i:ambassadors?|envoys?|diplomats?|consuls?|charg[eé]s?)\b"
    )
    return [(code, at) for code, at in party_mentions(text) if owned.match(text, at)]


def _mission(owner: str) -> str:
    """The name a draft gives a party's mission, for a person to confirm."""
    return f"{owner.lower()}_mission"


def _number(text: str) -> int:
    """A count written in digits or in words (``eight``)."""
    words = load("events")["expulsion"]["numbers"]
    return int(text) if text.isdigit() else words.index(text.lower()) + 1
