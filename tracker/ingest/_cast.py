"""Who takes part in the event a draft reports: the people named where it is reported, the
spokespeople who speak of it that day, a side's delegation, and those named only by their office
or in a transcript's header."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from tracker._entries import (
    BodyDefunct,
    Condemnation,
    CouncilMeeting,
    Declaration,
    Dyad,
    EconomicMeasure,
    Expulsion,
    InformalMeeting,
    MeetingAnnouncement,
    Participant,
    PresenceMeasure,
    Proposal,
    Suspension,
    UseOfForce,
)
from tracker.ingest._data import load, pattern
from tracker.ingest._events import MEETING, EventMention, Reading
from tracker.ingest._page import Page, Sentence
from tracker.ingest._parties import (
    Mention,
    Person,
    Role,
    envoy_post,
    participant,
    party_mentions,
    people_in,
    side_of,
    titled_in,
)


class _CastReader:
    """The participants of a draft, read by the builder that inherits this: it reads the
    builder's reading, page, day, the people named by a bare title and its reasons."""

    reading: Reading
    page: Page
    day: date
    inferred: dict[str, str]
    reasons: list[str]

    if TYPE_CHECKING:

        def note(self, name: str, quotes: Iterable[str], how: str) -> None: ...

        @staticmethod
        def _actor_of(support: list[EventMention], parties: Dyad) -> tuple[str, str, str]: ...

        def _same_day(self, sentence: Sentence, on: date) -> bool: ...

        def _said_then(self, sentence: Sentence, verb: re.Match[str], on: date) -> bool: ...

    def _participants(
        self, kind: str, support: list[EventMention], parties: Dyad, on: date
    ) -> tuple[Participant, ...]:
        """For a meeting, the people named where it is reported and the spokespeople; for a
        statement or decision, the people named in it and those who speak of it that day."""
        chosen: dict[str, tuple[Participant, str, str]] = {}
        unknown: set[str] = set()
        reporting = {m.sentence.index for m in support}
        # A meeting, or what the sides decide together, is reported where they are told to
        # meet; a plan to meet, where it is told, however firmly.
        if kind not in _ONE_SIDED:
            planned = kind == MeetingAnnouncement.TYPE
            reporting |= {
                m.sentence.index
                for m in self.reading.mentions
                if m.type == MEETING and not m.background and m.planned == planned
            }
        # The role the page gives a person once ("press secretary Jen Psaki") is theirs
        # wherever else it names them ("Psaki said").
        told = {
            named.person.name: role
            for sentence in self.reading.page.sentences
            for named in people_in(sentence.text)
            if (role := named.person.role_on(on)) and role.told
        }
        cast = _Cast(
            kind,
            parties,
            on,
            self._actor_of(support, parties)[0],
            frozenset(reporting),
            frozenset((m.sentence.index, m.start) for m in support),
        )
        for sentence in self.reading.page.sentences:
            for named in self._named(sentence.text, kind, parties, cast.by):
                person = named.person
                role = person.role_on(on) or told.get(person.name)
                if person.name in chosen or not (why := self._why(sentence, named, role, cast)):
                    continue
                if role is None:
                    if person.name not in unknown:
                        unknown.add(person.name)
                        self.reasons.append(
                            f"{person.name} is named but held no role of the dictionary on {on}: "
                            "left out"
                        )
                    continue
                if role.told:
                    why += ", in the role the text gives"
                if person.name in self.inferred:
                    why += f", {self.inferred[person.name]}"
                chosen[person.name] = (participant(person, role, parties, on), sentence.text, why)
        for person, role, line in self._office_holders(cast):
            if person.name not in chosen:
                why = "named by their office where the event is reported, and by name elsewhere"
                chosen[person.name] = (participant(person, role, parties, on), line, why)
        for person, role, line in self._header_speakers(parties, on):
            if person.name not in chosen:
                why = "named in the page's header, speaking in the first person"
                chosen[person.name] = (participant(person, role, parties, on), line, why)
        people: list[Participant] = []
        order = list(chosen)
        for name, (taken, quote, why) in chosen.items():
            # "President Muizzu" beside "Mohamed Muizzu" is the same person, named again, and
            # so is "King Hamad bin Isa Al Khalifa" beside "Hamad bin Isa bin Salman
            # Al-Khalifa": of a surname and a full name the full name is kept, else the one
            # named first.
            if any(
                (" " not in name and _named_again(name, other))
                or (
                    " " in name
                    and " " in other
                    and (_named_again(name, other) or _named_again(other, name))
                    and order.index(other) < order.index(name)
                )
                for other in chosen
                if other != name
            ):
                continue
            self.note(
                f"participants[{len(people)}]",
                [quote],
                f"{why}; {taken.role} ({taken.side}) on {on}",
            )
            people.append(taken)
        return tuple(people)

    def _why(self, sentence: Sentence, named: Mention, role: Role | None, cast: _Cast) -> str:
        """Why the person named in a sentence takes part in the event, or "" if they do not."""
        words = load("events")["speech"]
        text, person, on = sentence.text, named.person, cast.on
        is_meeting = cast.kind in _MEETINGS
        # Who a visit is of ("Xi Jinping's two-day visit") is the visitor, not a mere owner.
        visitor = pattern(load("actors")["told"]["visitor"]).match(text[named.end :])
        if (
            pattern(words["past_role"]).search(text[: named.start])
            or (pattern(words["attributive"]).search(text[named.end :]) and not visitor)
            or (is_meeting and pattern(words["not_there"]).search(text))
        ):
            return ""
        side = side_of(role, cast.parties, on) if role else None
        if side is not None and side not in cast.parties:
            return ""
        # Whom a third party's leader acts on ("as US President Joe Biden called Prime
        # Minister X") is in that party's event.
        if self._third_partys_object(text, named.start, cast.parties, on):
            return ""
        day = self._same_day(sentence, on)
        verbs = list(pattern(words["verbs"]).finditer(text))
        speaks = day and bool(verbs) and not any(self._said_then(sentence, v, on) for v in verbs)
        # Who tells of it in their own words ("X stated", "X declared this measure") speaks.
        own = [*verbs, *pattern(load("actors")["told"]["speaks"]).finditer(text)]
        spoke = (
            day
            and bool(own)
            and not any(self._said_then(sentence, v, on) for v in own)
            and _speaker(text, named.start, named.end)
        )
        acts = day and _speaker(text, named.start, named.end, words["takes_part"])
        bare = person.name in self.inferred
        told = load("actors")["told"]
        diplomat = pattern(told["diplomats"]).search(role.title if role else "")
        # The envoy a measure hits is its subject: sent away, summoned, or one's own recalled.
        hit = (
            bare
            and cast.kind in (Expulsion.TYPE, Condemnation.TYPE, PresenceMeasure.TYPE)
            and bool(diplomat)
        )
        # The other side's envoy answers for it to a measure one side takes.
        envoy = cast.kind in _UNILATERAL and bool(diplomat)
        # Who presides over a measure one side takes is of that side (or the diplomat the
        # measure hits); a title with no state names a participant only where they speak or act.
        ours = cast.kind not in _UNILATERAL or side in (None, cast.by) or hit
        reported = sentence.index in cast.reporting
        # Who does what the sentence reports ("Foreign Minister X condemned the strikes") acts.
        subject = day and _subject_of(text, named.end, sentence.index, cast.events)
        # Those a sentence lists as a side's delegation ("accompanied by", "were also
        # present") take part with it.
        delegation = day and _in_delegation(text, named.start, named.end)
        # Who receives, hosts or meets the other side, and whom they meet ("President X
        # received General Y"), take part in a meeting, or in what is planned for it.
        meets = (
            (is_meeting or cast.kind == MeetingAnnouncement.TYPE)
            and day
            and _meets(text, named.start, named.end, held=is_meeting)
        )
        # The other side's envoy "was summoned", "was notified" of the measure: it hits them.
        if (
            envoy
            and side != cast.by
            and day
            and pattern(told["hit_envoy"]).match(text[named.end :])
        ):
            return "the envoy the measure hits"
        # The envoy the measure names as its object ("summoned Ambassador X"), or one told as
        # called home ("Ambassador X was recalled"), is hit by it, of either side.
        if (
            envoy
            and day
            and (
                pattern(told["envoy_object"]).search(text[: named.start])
                or pattern(told["envoy_recalled"]).match(text[named.end :])
            )
        ):
            return "the envoy the measure hits"
        # Whom a side is still to meet or welcome ("prepares to welcome Chancellor X for a
        # visit on Friday") is in that plan, not in a measure or a declaration.
        if not (is_meeting or cast.kind == MeetingAnnouncement.TYPE) and _to_meet(
            text, named.start
        ):
            return ""
        # A spokesperson the text names only by that role tells of a meeting in the sentence
        # that reports it: being named there does not put them at it.
        told_spokesperson = role is not None and role.spokesperson and role.told
        if is_meeting and told_spokesperson and reported and not acts:
            return ""
        # Of a measure one side takes, the other side takes part by its envoys, or where it
        # speaks of the measure; not as what the measure answers ("over remarks by President
        # X"), nor as whom a plan is made with ("a summit with X").
        if cast.kind in _ONE_SIDED and side is not None and side != cast.by and not envoy:
            answered = pattern(told["answered"]).search(text[: named.start])
            if answered or not (reported or spoke or delegation):
                return ""
        # What is said before the measure ("said hours before the decree") is no part of it.
        if pattern(told["said_before"]).search(text[named.end :]):
            return ""
        if bare and not (
            spoke
            or ((acts or subject) and ours)
            or hit
            or (is_meeting and reported)
            or delegation
            or meets
        ):
            return ""
        if reported:
            return "named where the event is reported"
        if delegation:
            return "named in a side's delegation"
        if meets:
            return "receives or meets the other side"
        if cast.kind == MeetingAnnouncement.TYPE and spoke:
            return "tells of the plan on the day"
        if acts and ours:
            return "takes part in it on the day"
        present = role is not None and self._present(person, role, cast.parties, on)
        if is_meeting and role and role.spokesperson and role.party in cast.parties and present:
            # A spokesperson the text names only by that role comments on it.
            return "" if told_spokesperson else f"{role.title}, reporting it"
        if (speaks or spoke) and (not is_meeting or present):
            return "speaks of it on the day"
        return ""

    def _third_partys_object(self, text: str, start: int, parties: Dyad, on: date) -> bool:
        """Whether the person named at ``start`` follows a person of a party outside the pair
        and a verb of theirs, with only a title between ("Biden called Israeli Prime Minister")."""
        before = [named for named in people_in(text) if named.end <= start]
        if not before:
            return False
        last = before[-1]
        role = last.person.role_on(on)
        if role is None or side_of(role, parties, on) in parties:
            return False
        return bool(
            re.fullmatch(r" (?:[a-z]+ ){1,2}(?:[A-Z][\w.'’-]* ){0,6}", text[last.end : start])
        )

    def _named(self, text: str, kind: str, parties: Dyad, by: str) -> list[Mention]:
        """The people a sentence names, those named by a bare title ("Foreign Minister Jan
        Hamacek") given a side: a diplomat in a measure against diplomats is the other side's;
        anyone else is of the side the sentence names last before them, else of the side that
        acts."""
        named = list(people_in(text))
        diplomats = pattern(load("actors")["told"]["diplomats"])
        against = kind in (Expulsion.TYPE, Condemnation.TYPE)
        for mention in titled_in(text):
            role = mention.person.roles[0]
            # The side a sentence names last before them, by a party's name or a person's.
            people = [
                (held.party, known.start)
                for known in people_in(text)
                if (held := known.person.role_on(self.day))
            ]
            mentions = sorted((*party_mentions(text), *people), key=lambda found: found[1])
            before = [code for code, at in mentions if at < mention.start]
            sides = [code for code in before if code in parties]
            post = envoy_post(role.title)
            if post in parties and post is not None:
                # An envoy serves the other side of the state they are posted to.
                side, how = _other(parties, post), "the other side's, as the envoy posted to it"
            elif against and diplomats.search(role.title):
                side, how = _other(parties, by), "the other side's, as a diplomat the measure hits"
            elif kind in _UNILATERAL or not sides:
                side, how = by, "of the side that acts"
            else:
                side, how = sides[-1], "of the side its sentence names before them"
            self.inferred[mention.person.name] = (
                f"named as {role.title!r} with no state: taken as {how}; check it"
            )
            person = attrs.evolve(mention.person, roles=(attrs.evolve(role, party=side),))
            named.append(Mention(person, mention.start, mention.end))
        return sorted(named, key=lambda mention: mention.start)

    def _office_holders(self, cast: _Cast) -> list[tuple[Person, Role, str]]:
        """The people a sentence reporting the event names only by their office and side ("a
        visit by its foreign minister", "the Egyptian president"), where the page names the one
        person holding that office for that side on the day."""
        offices = pattern(load("actors")["told"]["offices"])
        named = {
            mention.person.name: mention.person
            for sentence in self.page.sentences
            for mention in people_in(sentence.text)
        }
        found = []
        for sentence in self.page.sentences:
            if sentence.index not in cast.reporting:
                continue
            for match in offices.finditer(sentence.text):
                whose = match.group("whose")
                side = cast.by if whose.lower() == "its" else _speaks_for_side(whose)
                if side not in cast.parties:
                    continue
                office = match.group("office").lower()
                holders = [
                    (person, role)
                    for person in named.values()
                    if (role := person.role_on(cast.on))
                    and role.party == side
                    and role.title.lower().endswith(office)
                ]
                if len(holders) == 1:
                    found.append((*holders[0], sentence.text))
        return found

    def _header_speakers(self, parties: Dyad, on: date) -> list[tuple[Person, Role, str]]:
        """The people a transcript's header names ("Press conference by the Secretary
        General ...") when its body speaks in the first person: they are the speakers."""
        first_person = pattern(load("events")["speech"]["first_person"])
        if not any(
            first_person.search(sentence.text) and not re.search(r"[\"“”]", sentence.text)
            for sentence in self.page.sentences
        ):
            return []
        found = []
        # A header line ending as a sentence does is a caption, not a transcript's title.
        for line in (line for line in self.page.header if not re.search(r"[.!?]$", line)):
            for named in people_in(line):
                role = named.person.role_on(on)
                if role and side_of(role, parties, on) in parties:
                    found.append((named.person, role, line))
        return found

    def _present(self, person: Person, role: Role | None, parties: Dyad, on: date) -> bool:
        """Whether a person who speaks on the day of a meeting was there: one of its sides,
        and no sentence of theirs has them speak in a statement or somewhere else than its
        venue."""
        words = load("events")["speech"]
        if role is None or side_of(role, parties, on) not in parties:
            return False
        for sentence in self.page.sentences:
            # Named inside what someone else says ("said in a statement: 'Blinken hosted
            # Wang'"), a person is what is told, not who tells it.
            spoken = [
                named
                for named in people_in(sentence.text)
                if named.person == person and not _quoted(sentence.text, named.start)
            ]
            if not spoken:
                continue
            if pattern(words["absent"]).search(sentence.text):
                return False
            place = pattern(words["elsewhere"]).match(sentence.text)
            if place and place.group("place").lower() != self.page.city.lower():
                return False
        return True


#: The types one side takes on its own: their participants are of that side (and the diplomats
#: they hit), not the other side reacting.
_UNILATERAL = frozenset(
    {
        Suspension.TYPE,
        Expulsion.TYPE,
        PresenceMeasure.TYPE,
        Condemnation.TYPE,
        Declaration.TYPE,
        Proposal.TYPE,
        BodyDefunct.TYPE,
        EconomicMeasure.TYPE,
    }
)


#: The types one side takes against the other: the other side's people are those it hits.
_ONE_SIDED = _UNILATERAL | {UseOfForce.TYPE}


#: The kinds of meeting, held between the sides.
_MEETINGS = frozenset({InformalMeeting.TYPE, CouncilMeeting.TYPE})


@frozen
class _Cast:
    """What deciding who took part in an event needs: its kind, pair and day, the side that
    acts, and the sentences that report it."""

    kind: str
    parties: Dyad
    on: date
    by: str
    reporting: frozenset[int]
    events: frozenset[tuple[int, int]] = frozenset()


def _subject_of(text: str, end: int, index: int, events: frozenset[tuple[int, int]]) -> bool:
    """Whether the person named up to ``end`` of sentence ``index`` is the subject of a
    mention of the event: only an apposition, a day and a few lower-case words (the verb) lie
    between the name and the mention."""
    gap = pattern(r"(?:,[^,;]{1,80},)?(?: (?:on|this|last) [A-Z]?[a-z]+)?(?: [a-z'’-]+){0,8} ?")
    return any(
        at == index and start >= end and gap.fullmatch(text[end:start]) for at, start in events
    )


def _meets(text: str, start: int, end: int, *, held: bool) -> bool:
    """Whether the person named at ``start:end`` receives, hosts or meets someone, or is
    whom someone receives or meets, by the verb right after or before their name; of a
    meeting ``held``, not by a verb telling it as still to come ("will meet with X")."""
    words = load("actors")["told"]
    host, guest = pattern(words["host"]), pattern(words["guest"])
    if host.match(text[end:]):
        return True
    if guest.search(text[:start]) is None:
        return False
    return not (held and _to_meet(text, start))


def _speaks_for_side(words: str) -> str | None:
    """The party a state's adjective or possessive names ("Egyptian", "Israel's")."""
    found = party_mentions(words)
    return found[0][0] if found else None


def _to_meet(text: str, start: int) -> bool:
    """Whether the person named at ``start`` is whom someone is still to meet, receive or
    welcome ("will meet X", "prepares to welcome X")."""
    words = load("actors")["told"]
    found = pattern(words["guest"]).search(text[:start])
    return found is not None and bool(pattern(words["to_come"]).search(text[: found.start()]))


def _in_delegation(text: str, start: int, end: int) -> bool:
    """Whether the person named at ``start:end`` is listed as one of a delegation: after
    "accompanied by" or "the delegation includes", or before "were also present"."""
    words = load("actors")["told"]
    before, after = pattern(words["delegation_before"]), pattern(words["delegation_after"])
    return bool(before.search(text[:start]) or after.search(text[end:]))


def _speaker(text: str, start: int, end: int, verbs: str | None = None) -> bool:
    """Whether the person named at ``start:end`` is the one who speaks (or does what ``verbs``
    say): their name is followed by the verb ("Psaki said", "Lavrov, the foreign minister,
    told") or follows it ("said Foreign Minister Lavrov", "headed by Minister Cho")."""
    # The verbs of one's own words ("stated", "described") take an object after them: only
    # their subject, outside a quote, is who speaks.
    own = verbs is None and not _quoted(text, start)
    verbs = verbs or load("events")["speech"]["verbs"]
    # "Dubbe, said on state media" is Dubbe speaking; "Assad, said Qatar's minister" is not.
    apposition = r"(?:, [^,]{1,80},)?,?"
    # "Arreaza said Tuesday" is Arreaza speaking: a weekday after the verb is no speaker.
    days = "|".join(day.capitalize() for day in load("dates")["weekdays"])
    following = f"{verbs}|{load('actors')['told']['speaks']}" if own else verbs
    after = pattern(
        rf"^(?:'s?)?{apposition} (?:[a-z]+ )?(?:{following})"
        rf"(?!(?<=said|says) +(?!(?:{days})\b)[A-Z])"
    )
    before = pattern(rf"(?:{verbs}),? +(?:[\w.'’-]+ +){{0,6}}$")
    return bool(after.search(text[end:]) or before.search(text[:start]))


def _named_again(name: str, other: str) -> bool:
    """Whether ``name`` names the person ``other`` does, in fewer words or another spelling:
    its words stand in ``other`` in the same order, accents and hyphens aside, and end or
    begin it ("Sanchez" in "Pedro Sánchez", "Hamad bin Isa Al Khalifa" in "Hamad bin Isa bin
    Salman Al-Khalifa")."""

    def words(text: str) -> list[str]:
        plain = unicodedata.normalize("NFKD", text.replace("-", " ")).lower()
        return "".join(c for c in plain if not unicodedata.combining(c)).split()

    short, long = words(name), words(other)
    if not short or len(short) > len(long) or (short[0] != long[0] and short[-1] != long[-1]):
        return False
    rest = iter(long)
    return all(word in rest for word in short)


def _quoted(text: str, at: int) -> bool:
    """Whether offset ``at`` of a sentence lies inside quotation marks."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _other(parties: Dyad, by: str) -> str:
    return parties.second if by == parties.first else parties.first
