"""What the sentences of an article report: event mentions, their tense, and whether they are
the news or its background."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Any

import attrs
from attrs import frozen

from tracker._entries import entry_types
from tracker.ingest._data import load, pattern
from tracker.ingest._page import Page, Sentence
from tracker.ingest._parties import is_organization, member_of, party_mentions, people_in
from tracker.ingest._when import DateMention, Tense, clause_of, find_dates, lead_in, tense_near

__all__ = ["MEETING", "EventMention", "Reading", "read_events", "two_sides", "weights"]

MEETING = "meeting"
#: The type of a proposal, which an offer to meet is.
PROPOSAL = "proposal"


@frozen
class EventMention:
    """A sentence's mention of an event of one type (``meeting`` for either kind of meeting):
    ``planned`` when told as to come, ``doubt`` saying why it cannot be taken as having happened
    (a negation, a cancellation), ``background`` why it is no news; ``lead_in`` is the words
    before the trigger, back to the start of its clause."""

    type: str
    sentence: Sentence
    trigger: str
    start: int
    planned: bool
    background: str
    date: DateMention | None
    bilateral: bool = True
    doubt: str = ""
    lead_in: str = ""

    @property
    def counts(self) -> bool:
        """Whether the mention reports news between the sides (not the background of it)."""
        return not self.background and self.bilateral

    @property
    def position(self) -> int:
        """How much the place of the sentence weighs: headline and lead 3, then 2, then 1."""
        if self.sentence.headline or self.sentence.paragraph == 0:
            return 3
        return 2 if self.sentence.paragraph == 1 else 1


@frozen
class Reading:
    """An article read for events, against its publication day."""

    page: Page
    published: date
    sentences: tuple[Sentence, ...]
    dates: dict[int, tuple[DateMention, ...]]
    mentions: tuple[EventMention, ...]

    def dates_of(self, sentence: Sentence) -> tuple[DateMention, ...]:
        """The time expressions of a sentence."""
        return self.dates[sentence.index]


@cache
def _type_patterns() -> tuple[tuple[str, int, tuple[re.Pattern[str], ...]], ...]:
    """The words that signal each type, checked against the declared types as they load."""
    rules = load("events")
    named = [("types", spec["type"], MEETING) for spec in rules["types"]]
    named += [("follow_ups", spec["kind"], "same") for spec in rules["follow_ups"]]
    for table, name, besides in named:
        if name != besides and name not in entry_types():
            msg = (
                f"data/events.toml: [[{table}]] names {name!r}, which is not an entry type "
                f"(known: {', '.join(entry_types())})"
            )
            raise ValueError(msg)
    # A measure lifted ("lifted its sanctions") is a mention of its type, read as lifted.
    return tuple(
        (
            spec["type"],
            spec["weight"],
            tuple(pattern(p) for p in [*spec["patterns"], *_lifted(spec)]),
        )
        for spec in rules["types"]
    )


def _lifted(spec: dict[str, Any]) -> list[str]:
    """The words of a type's measure lifted, when it has them."""
    return [spec["lifted"]] if "lifted" in spec else []


@cache
def _joint() -> dict[str, str]:
    """The type a mention takes when its subject names both sides."""
    return {spec["type"]: spec["joint"] for spec in load("events")["types"] if "joint" in spec}


def _joint_except(kind: str, rest: str) -> bool:
    """Whether a mention of ``kind`` stays its own type though both sides are its subject
    (relations restored by both are still each one's decision)."""
    spec = next(spec for spec in load("events")["types"] if spec["type"] == kind)
    return "joint_except" in spec and bool(pattern(spec["joint_except"]).search(rest))


@cache
def _things() -> dict[str, re.Pattern[str]]:
    """The words that make a type's trigger name a thing spoken of, not an act."""
    return {
        spec["type"]: pattern(spec["thing"]) for spec in load("events")["types"] if "thing" in spec
    }


def weights() -> dict[str, int]:
    """The weight of each mention type."""
    return {kind: weight for kind, weight, _ in _type_patterns()}


def _named(text: str, day: date) -> set[str]:
    """The parties a text names, by name or through the people it names in the roles they
    held on ``day``."""
    parties = {code for code, _ in party_mentions(text)}
    return parties | {
        role.party for mention in people_in(text) if (role := mention.person.role_on(day))
    }


def two_sides(text: str, day: date) -> bool:
    """Whether a text names at least two parties, by name or through the people it names in
    the roles they held on ``day``."""
    return len(_named(text, day)) >= 2


def read_events(page: Page, published: date) -> Reading:
    """Every event mention of the page, with its tense and whether it is background."""
    sentences = page.with_headline()
    dates = {sentence.index: find_dates(sentence.text, published) for sentence in sentences}
    mentions = [
        mention
        for sentence in sentences
        for mention in _mentions(sentence, dates[sentence.index], published)
    ]
    mentions = list(_told_on(tuple(mentions), sentences, published))
    again = _force_condemned(
        _staff_of_closed(_former_again(_told_again(_named_again(mentions), published))), published
    )
    read = _before_the_lead(
        _heard_behind(
            _answered(_third_states(_summoned(_remote(again), sentences), sentences, published))
        )
    )
    return Reading(page, published, sentences, dates, read)


def _before_the_lead(mentions: tuple[EventMention, ...]) -> tuple[EventMention, ...]:
    """The mentions, with those below the lead told with a day before the day of the lead's
    own act ("condemned on Wednesday" above, "the strikes on Monday" further down) taken as
    background: the headline and lead report what is done now, and an earlier event told
    below it, whoever its parties, is what led to it."""
    days = [
        m.date.window.start
        for m in mentions
        if m.position == 3
        and m.counts
        and not m.planned
        and not m.doubt
        and m.date is not None
        and m.date.window.days == 1
    ]
    if not days:
        return mentions
    lead = max(days)
    return tuple(
        attrs.evolve(
            m,
            background=f"dated {m.date.phrase!r} ({m.date.window}), before the day of the act "
            f"the lead tells ({lead})",
        )
        if m.position < 3 and m.counts and m.date is not None and m.date.window.last < lead
        else m
        for m in mentions
    )


def _heard_behind(mentions: tuple[EventMention, ...]) -> tuple[EventMention, ...]:
    """The mentions, with a headline's taking the doubt of the lead where every lead mention of
    its type is told only on hearsay: the headline sums up what unnamed sources say."""
    doubts = {
        kind: {m.doubt for m in mentions if m.type == kind and m.sentence.paragraph == 0}
        for kind in {m.type for m in mentions if m.sentence.headline}
    }
    return tuple(
        attrs.evolve(m, doubt=f"{next(iter(doubts[m.type]))}, as the body tells it")
        if m.sentence.headline
        and not m.doubt
        and len(doubts[m.type]) == 1
        and next(iter(doubts[m.type])).startswith("told only on hearsay")
        else m
        for m in mentions
    )


def _summoned(
    mentions: tuple[EventMention, ...], sentences: tuple[Sentence, ...]
) -> tuple[EventMention, ...]:
    """The mentions, with a meeting told in a sentence that tells an envoy summoned, or in the
    one after it ("was summoned to the ministry." then "At a meeting with the deputy minister,
    a protest was lodged"), taken as the summons: the envoy is received to hear a rebuke, and
    the two sides hold no talks."""
    summons = pattern(load("events")["condemnation"]["summoned"])
    told = {s.index for s in sentences if summons.search(s.text)}
    return tuple(
        attrs.evolve(m, background="the meeting at which an envoy is summoned: a rebuke, not talks")
        if m.type == MEETING and m.counts and {m.sentence.index, m.sentence.index - 1} & told
        else m
        for m in mentions
    )


def _told_on(
    mentions: tuple[EventMention, ...], sentences: tuple[Sentence, ...], day: date
) -> tuple[EventMention, ...]:
    """The mentions, with talks told in a sentence whose subject is a pronoun ("He will hold
    talks with Chinese Foreign Minister Wang Yi") taken as between the sides where that
    sentence and the one before it name two: the pronoun is the person the sentence before
    names."""
    by_index = {sentence.index: sentence for sentence in sentences}
    pronoun = re.compile(r"^(?:He|She|They)\b")

    def told_on(m: EventMention) -> bool:
        before = by_index.get(m.sentence.index - 1)
        if m.type != MEETING or m.bilateral or not pronoun.match(m.sentence.text) or not before:
            return False
        both = f"{before.text} {m.sentence.text}"
        return len(_named(both, day)) >= 2 and not _internal(both, day)

    return tuple(attrs.evolve(m, bilateral=True) if told_on(m) else m for m in mentions)


def _remote(mentions: tuple[EventMention, ...]) -> tuple[EventMention, ...]:
    """The mentions, with talks held by a remote channel (a video call or conference, a virtual
    summit, a phone call) taken as no meeting: no entry type records talks not held in person,
    the same for a video link as for a telephone. Where the headline or lead tells remote talks,
    "the talks" or "their meeting" further down are those talks."""
    modality = load("events")["modality"]
    before, after = pattern(modality["remote_before"]), pattern(modality["remote_after"])
    again = pattern(modality["remote_again"])
    lead = pattern(modality["remote_lead"])
    remote_lead = any(
        lead.search(m.sentence.text)
        for m in mentions
        if m.sentence.headline or m.sentence.paragraph == 0
    )

    def channel(m: EventMention) -> str:
        text, end = m.sentence.text, m.start + len(m.trigger)
        if found := before.search(text[: m.start]) or after.search(text[end:]):
            return found.group(0).strip()
        if remote_lead and not m.planned and again.search(text[: m.start]):
            return "the remote talks the lead tells"
        return ""

    return tuple(
        attrs.evolve(
            m,
            background=f"talks held by a remote channel ({how!r}), not a meeting in person: no "
            "entry type records them, as for a phone call",
        )
        if m.type == MEETING and m.counts and (how := channel(m))
        else m
        for m in mentions
    )


#: Why an act of one who no longer holds the office it was done in is no news.
_FORMER = "an act of a former holder of an office: history recalled"


def _former_again(mentions: tuple[EventMention, ...]) -> tuple[EventMention, ...]:
    """The mentions, with those of a sentence opening "He" or "She" right after one that tells
    an act of a former office-holder ("the former prime minister paid a visit ... He then met")
    taken as that person's too: history recalled."""
    again = pattern(load("events")["former_again"])
    former = {m.sentence.index for m in mentions if m.background == _FORMER}
    return tuple(
        attrs.evolve(m, background=_FORMER)
        if m.counts and m.sentence.index - 1 in former and again.match(m.sentence.text)
        else m
        for m in mentions
    )


def _staff_of_closed(mentions: tuple[EventMention, ...]) -> tuple[EventMention, ...]:
    """The mentions, with an expulsion of staff told in a sentence that tells missions closed
    ("closes the consulates, expels staff") taken as part of the closure: those who work there
    leave with the missions, one measure whose kind is what is closed. An envoy sent away
    beside it is a measure of its own."""
    closure = re.compile(r"\b(?:closure|clos(?:e|es|ed|ing)|shut(?:s|ting)?)\b", re.IGNORECASE)
    staff = pattern(load("events")["presence"]["staff"])
    envoy = re.compile(r"\b(?i:ambassadors?|envoys?|consuls?|charg[eé]s?)\b")
    closed = {
        m.sentence.index
        for m in mentions
        if m.type == "presence_measure" and closure.search(m.trigger) and not m.planned
    }

    def part(m: EventMention) -> bool:
        told = clause_of(m.sentence.text, m.start, m.start + len(m.trigger))
        return (
            m.type == "expulsion"
            and m.counts
            and m.sentence.index in closed
            and bool(staff.search(m.sentence.text))
            and not envoy.search(told)
        )

    return tuple(
        attrs.evolve(
            m,
            background="the staff of the missions its sentence tells closed, who "
            "leave with them: the closure is the measure",
        )
        if part(m)
        else m
        for m in mentions
    )


def _force_condemned(mentions: tuple[EventMention, ...], day: date) -> tuple[EventMention, ...]:
    """The mentions, with force told further down than a condemnation of force by a state
    ("Egypt condemned a series of Israeli strikes"), in sentences that do not name that state,
    taken as what the condemnation answers: force used on others than the state that condemns
    it is no force between the two, and their news is the condemnation."""
    of_force = pattern(load("events")["condemnation"]["of_force"])
    # Strikes "on its territory" or on the condemning state itself hit that state.
    own = re.compile(r"\b(?:on|against|in|inside|into)\s(?:its|their|our)\s")
    reactions = [
        (m.position, subject[-1][0])
        for m in mentions
        if m.type == "condemnation"
        and m.counts
        and m.position >= 2
        and (subject := party_mentions(m.lead_in))
        and of_force.search(told := m.sentence.text[m.start :])
        and not own.search(told)
        and subject[-1][0] not in {code for code, _ in party_mentions(told)}
    ]

    def answered(m: EventMention) -> str:
        if m.type != "use_of_force" or not m.counts:
            return ""
        named = _named(m.sentence.text, day)
        return next((code for at, code in reactions if m.position < at and code not in named), "")

    return tuple(
        attrs.evolve(
            m,
            background=f"force used on others than {code}, whose condemnation of it higher on "
            "the page is the news between the two",
        )
        if (code := answered(m))
        else m
        for m in mentions
    )


#: Why a measure told as what someone reacts to is no news.
_REACTED = "what a reaction in its sentence answers"


def _answered(mentions: tuple[EventMention, ...]) -> tuple[EventMention, ...]:
    """The mentions, with the measure a reaction of the headline or lead answers ("Israel
    slammed Bolivia's decision to cut ties") taken as the occasion wherever else it is told:
    the page's news is the reaction."""
    answered = {m.type for m in mentions if m.position == 3 and m.background == _REACTED}
    return tuple(
        attrs.evolve(m, background=f"the {m.type} the lead's reaction answers")
        if m.type in answered and m.counts
        else m
        for m in mentions
    )


def _third_states(
    mentions: tuple[EventMention, ...], sentences: Iterable[Sentence], day: date
) -> tuple[EventMention, ...]:
    """The mentions, with an act further down whose subject is a state the headline and lead
    do not name (nor a member of a body they name) taken as a third state's: another country
    that did the same is beside the news, and gives neither its pair nor its event."""
    top = set().union(*(_named(s.text, day) for s in sentences if s.headline or s.paragraph == 0))
    if not top:
        return mentions

    def inside(code: str) -> bool:
        return code in top or any(member_of(code, party, day) for party in top)

    def third(mention: EventMention) -> str:
        subject = party_mentions(mention.lead_in)
        if mention.position == 3 or not subject or not mention.counts:
            return ""
        # Where the headline and lead name one side only, a state acting with it further down
        # may be the other side of the news, not a third state.
        if len(top) == 1 and top <= _named(mention.sentence.text, day):
            return ""
        code = subject[0][0]
        return "" if inside(code) else code

    # The pair of the news, where the headline or lead tells an event between two it names.
    lead = next(
        (
            named
            for m in mentions
            if m.position == 3 and m.counts and len(named := _named(m.sentence.text, day)) == 2
        ),
        set(),
    )

    def other_pair(mention: EventMention) -> str:
        """A state the headline and lead do not name, where the sentence of a measure names
        it with at most one of the pair the lead tells an event of: the measure is of another
        pair, told in the background. (A meeting is left to its own sides: those named in its
        sentence may be people the text names without their state.)"""
        if mention.position == 3 or not mention.counts or not lead or mention.type == MEETING:
            return ""
        named = _named(mention.sentence.text, day)
        outside = sorted(code for code in named if not inside(code))
        return outside[0] if outside and len(named & lead) < 2 else ""

    return tuple(
        attrs.evolve(m, background=f"an act of {code}, a state the headline and lead do not name")
        if (code := third(m))
        else attrs.evolve(
            m,
            background=f"an act of another pair, with {code}, whom the headline and lead "
            "do not name",
        )
        if (code := other_pair(m))
        else m
        for m in mentions
    )


#: Why a measure is told as what came before the day's news.
_BEFORE = "told as what came before the news"


def _told_again(mentions: tuple[EventMention, ...], day: date) -> tuple[EventMention, ...]:
    """The mentions, with an undated measure told further down by a party whose like an
    earlier sentence told as what came before the news ("followed the recall of Pakistan's
    ambassador", then "Islamabad was recalling its ambassador") taken as that one again."""
    read: list[EventMention] = []
    for mention in mentions:
        subject = party_mentions(mention.sentence.text[: mention.start])
        earlier = next(
            (
                m
                for m in read
                if m.type == mention.type
                and m.background.endswith(_BEFORE)
                and subject
                and subject[-1][0] in _named(m.sentence.text, day)
            ),
            None,
        )
        if earlier is not None and mention.counts and mention.date is None:
            why = f"the {mention.type} an earlier sentence tells as what came before the news"
            read.append(attrs.evolve(mention, background=why))
        else:
            read.append(mention)
    return tuple(read)


def _named_again(mentions: list[EventMention]) -> tuple[EventMention, ...]:
    """The mentions, with a meeting named again by its place ("Following the Moscow meeting")
    taken as the one an earlier sentence told of there: background if that one is."""
    again = pattern(load("events")["named_again"])
    read: list[EventMention] = []
    for mention in mentions:
        named = again.search(mention.lead_in + mention.trigger)
        if mention.type == MEETING and named and not mention.background and not mention.date:
            place = named.group("place")
            earlier = next(
                (
                    m
                    for m in read
                    if m.type == MEETING
                    and m.background
                    and m.sentence.index < mention.sentence.index
                    and re.search(rf"\b{re.escape(place)}\b", m.sentence.text)
                ),
                None,
            )
            if earlier is not None:
                why = f"the {place} meeting an earlier sentence tells of, {earlier.background}"
                read.append(attrs.evolve(mention, background=why))
                continue
        read.append(mention)
    return tuple(read)


def _mentions(
    sentence: Sentence, dates: tuple[DateMention, ...], published: date
) -> Iterable[EventMention]:
    rules = load("events")
    background_clause = pattern(rules["background"], re.IGNORECASE)
    meetings = rules["meetings"]
    words = _matchable(sentence)
    for declared, _weight, patterns in _type_patterns():
        kind = declared
        matches = [match for found in patterns if (match := found.search(words))]
        if member := _member_measure(declared, sentence.text):
            matches.append(member)
        if not matches:
            continue
        match = min(matches, key=lambda found: found.start())
        if (thing := _things().get(declared)) and thing.search(
            lead_in(sentence.text, match.start())
        ):
            continue
        if (
            declared == MEETING
            and match.group(0) == "talks"
            and pattern(rules["modality"]["speaks"]).match(sentence.text[match.end() :])
        ):
            # "Talks during a news conference" is one speaking: a statement, no meeting.
            continue
        if (
            kind in _joint()
            and two_sides(sentence.text[: match.start()], published)
            and not _joint_except(kind, words[match.start() :])
        ):
            kind = _joint()[kind]
        bilateral = kind != MEETING or (
            bool(
                pattern(meetings["council"]).search(sentence.text)
                or pattern(meetings["self_evident"]).search(sentence.text)
                or two_sides(sentence.text, published)
            )
            and not _internal(sentence.text, published)
            and not _own_body(sentence.text, match.start(), match.end())
        )
        tense = tense_near(sentence.text, match.start(), match.end())
        # An act told as what the main verb came with (", with a restoration of ties") takes
        # the tense of that verb, not of the words after it.
        if with_act := re.search(r",\swith\s(?:(?:a|the)\s)?$", sentence.text[: match.start()]):
            told = sentence.text[: with_act.start()]
            tense = tense_near(told, len(told), len(told))
        before = lead_in(sentence.text, match.start())
        modality = rules["modality"]
        if kind != MEETING and _under_way(before, match.group(0)):
            # "Israel is closing its embassy": a measure told in the present progressive by
            # the side that takes it is being taken, not one still to come.
            tense = Tense.PAST
        # "Agreed to suspend" is a suspension decided; "agreed to meet" is still a plan.
        decided = kind != MEETING and pattern(modality["decided"]).search(before)
        departing = kind == MEETING and bool(pattern(modality["departure"]).search(before))
        planned = (
            departing
            or (tense is Tense.FUTURE and not decided)
            or _aimed(sentence.text, match.start(), match.group(0))
            or bool(pattern(modality["due_to"]).search(sentence.text[: match.start()]))
            or any(pattern(modality[name]).search(before) for name in ("purpose", "qualifier"))
            or bool(pattern(modality["set_for"]).search(sentence.text[match.end() :]))
        )
        negated = (
            pattern(modality["negation"], re.IGNORECASE).search(before)
            or pattern(modality["negation_after"]).search(sentence.text[match.end() :])
            or (kind == MEETING and pattern(modality["halted"]).search(before))
        )
        heard = pattern(modality["hearsay"]).search(sentence.text)
        mutual = _mutual(declared, match.group(0))
        doubt = (
            f"negated or called off ({negated.group(0)!r})"
            if negated
            else f"told only on hearsay ({heard.group(0)!r})"
            if heard
            else f"a clash told with no aggressor ({match.group(0)!r}): who used force is not "
            "guessed"
            if mutual
            else ""
        )
        nearest = _nearest(dates, match.start(), match.end())
        if (
            kind == MEETING
            and planned
            and nearest is not None
            and nearest.window.start == nearest.window.last == published
            and pattern(modality["under_way"]).search(before)
        ):
            # "Are meeting for talks in Paris on Wednesday", told on that Wednesday: the
            # meeting is under way on the day of the report, not still to come.
            planned = False
        why = _background(sentence, match, nearest, published, background_clause, kind=kind)
        trigger, start = sentence.text[match.start() : match.end()], match.start()
        if kind == MEETING and (offer := pattern(modality["offer_to_meet"]).search(before)):
            # An offer or a wish to meet is a proposal made: its words open the trigger, and
            # their tense, not the meeting's, tells whether it is made or still to come. It is
            # one between the sides only where a meeting of theirs would be ("always ready for
            # talks" offers no one anything).
            start = match.start() - len(before) + offer.start()
            kind, trigger = PROPOSAL, sentence.text[start : match.end()]
            before = lead_in(sentence.text, start)
            planned = tense_near(sentence.text, start, start + len(offer.group(0))) is (
                Tense.FUTURE
            )
        yield EventMention(
            kind,
            sentence,
            trigger,
            start,
            planned,
            why,
            nearest,
            bilateral,
            doubt,
            before,
        )


def _under_way(before: str, trigger: str) -> bool:
    """Whether a trigger is a verb in -ing right after "is" or "are" ("is closing", "are
    expelling"): the act is under way on the day told."""
    first = trigger.split(maxsplit=1)[0] if trigger.strip() else ""
    return first.endswith("ing") and bool(re.search(r"\b(?:is|are)\s(?:[a-z]+ly\s)?$", before))


def _aimed(text: str, start: int, trigger: str) -> bool:
    """Whether a trigger in its bare form opens one of the aims a sentence opens with, told as
    what its main verb is for ("In an effort to ... and mend relations, the leaders met")."""
    first = trigger.split(maxsplit=1)[0] if trigger.strip() else ""
    bare = not re.search(r"(?:ed|ing|s)$", first) and first.islower()
    # A verb of the aims opens one of them: right after "to", a comma or "and".
    listed = re.search(r"(?:\bto|,|\band|\bor)\s$", text[:start])
    return (
        bare
        and listed is not None
        and bool(pattern(load("events")["modality"]["aim_opening"]).match(text[:start]))
    )


def _matchable(sentence: Sentence) -> str:
    """The text a sentence's event words are looked for in: a headline in title case ("Saudi
    Arabia Orders Lebanese Ambassador to Leave") with its capitalised words in lower case, but
    for the first letters of the parties and people it names, so that its verbs and nouns read
    as they would in a sentence. The offsets are those of the sentence."""
    text = sentence.text
    long_words = re.findall(r"\b[^\W\d_]{4,}\b", text)
    capitalised = [word for word in long_words if word[0].isupper()]
    # Nearly every long word capitalised ("... to Leave Riyadh, Recalls its Ambassador from
    # Lebanon") is title case, whatever a preposition or two keep in lower case.
    if not sentence.headline or len(capitalised) < 3 or 4 * len(capitalised) < 3 * len(long_words):
        return text
    kept = {at for _, at in party_mentions(text)}
    kept |= {at for mention in people_in(text) for at in range(mention.start, mention.end)}
    return re.sub(
        r"\b[A-Z](?=[a-z])",
        lambda found: found.group(0) if found.start() in kept else found.group(0).lower(),
        text,
    )


def _mutual(kind: str, trigger: str) -> bool:
    """Whether the trigger tells force used by both sides at once, a clash or an exchange of
    fire that names no aggressor: the type's ``mutual`` words."""
    spec = next(spec for spec in load("events")["types"] if spec["type"] == kind)
    return "mutual" in spec and bool(pattern(spec["mutual"]).search(trigger))


def _member_measure(kind: str, text: str) -> re.Match[str] | None:
    """The verb of a measure a body takes against one of its member states ("the Arab League
    suspended Syria", "to suspend Mali from ECOWAS bodies"): the verb's object is a state, and
    the sentence names an organization of states."""
    spec = next(spec for spec in load("events")["types"] if spec["type"] == kind)
    if "member" not in spec:
        return None
    found = party_mentions(text)
    if not any(is_organization(code) for code, _ in found):
        return None
    states = {at for code, at in found if not is_organization(code)}
    article = re.compile(r"\s+(?:the\s+)?")
    return next(
        (
            verb
            for verb in pattern(spec["member"]).finditer(text)
            if (gap := article.match(text, verb.end())) and gap.end() in states
        ),
        None,
    )


def _own_body(text: str, start: int, end: int) -> bool:
    """Whether the meeting a trigger tells is of one side's own body, its party, cabinet or
    parliament ("an executive meeting of his ruling party", "a cabinet meeting")."""
    modality = load("events")["modality"]
    return bool(
        pattern(modality["own_body_after"]).match(text[end:])
        or pattern(modality["own_body_before"]).search(text[:start])
    )


def _internal(text: str, day: date) -> bool:
    """Whether a sentence tells of a meeting of one party's own ministers, with no word that
    the other side took part: no counterpart or joint council named, nobody of another side."""
    modality = load("events")["modality"]
    if not pattern(modality["internal"]).search(text) or pattern(modality["joint"]).search(text):
        return False
    blocs = ("NATO", "EU")
    return not any(
        (role := mention.person.role_on(day))
        and role.party not in blocs
        and not any(member_of(role.party, bloc, day) for bloc in blocs)
        for mention in people_in(text)
    )


def _nearest(dates: tuple[DateMention, ...], at: int, end: int) -> DateMention | None:
    """The time expression nearest to a trigger, leaving out those that only bound it
    ("since the August war", "until 30 June"), those of a clause of its own after it ("a
    meeting that assessed Medvedev, who took office last month", "expels the envoy as anger
    grows over a burning last month"), a report's after it ("have established ties, media reported
    Saturday") and a dateline's ("La Paz, November 1:", "Beijing, Sep 28 (AFP)"), the day of the
    report."""
    own_clause = pattern(load("events")["own_clause"])
    reported = pattern(load("events")["reported_on"])
    dates = tuple(
        d
        for d in dates
        if not d.phrase.lower().startswith("since")
        and not (
            re.fullmatch(r"[A-Z][\w .'’-]{1,30}, ", d.quote[: d.start])
            and re.match(r":|\.? ?/|\s*\(|\s+[-—–]", d.quote[d.end :])
        )
        and not re.search(r"\bsince\b[^,;.]*$", d.quote[: d.start], re.IGNORECASE)
        # "Will last until 30 June" bounds how long the act holds, as "since" bounds it before.
        and not re.search(r"\b(?:until|till)\s$", d.quote[: d.start], re.IGNORECASE)
        and not (
            d.start >= end
            and (
                re.search(r"\b(?:who|whom|whose|which)\b", d.quote[end : d.start])
                or own_clause.search(d.quote[end : d.start])
                or (
                    len(told := lead_in(d.quote, d.start)) < d.start - end and reported.search(told)
                )
            )
        )
    )
    if not dates:
        return None
    return min(dates, key=lambda mention: min(abs(mention.start - at), abs(mention.end - at)))


def _background(
    sentence: Sentence,
    match: re.Match[str],
    nearest: DateMention | None,
    published: date,
    clause: re.Pattern[str],
    *,
    kind: str,
) -> str:
    """Why a mention of ``kind`` is background, or "" when it is news."""
    rules = load("events")
    # A gerund after "by" ("began a first trip since his election by meeting ...") is the
    # means of the main verb, outside the clause that opens before it.
    before = sentence.text[: match.start()]
    means = match.group(0).endswith("ing") and re.search(r"\bby\s$", before)
    # "Said on Friday that the ambassador had been given two weeks" or "said on Tuesday it had
    # summoned the ambassador" moves the day's act back a tense in reported speech: the
    # pluperfect after a verb of saying is the report's own news.
    found = clause.search(before)
    reported = (
        found is not None
        and found.group(0).lower().startswith("had")
        and (
            re.search(r"\b(?:said|announced|confirmed|stated)\b[^.;]{0,40}\bthat\s", before)
            or re.search(
                r"\b(?:said|says|announced|announces|confirmed|stated|added)\s(?:[^.;,]{0,30}\s)?"
                r"(?:it|they|he|she|we|the\s[\w-]+)\s(?:[a-z]+ly\s)?had\s",
                before,
            )
            # "Said on Tuesday it was closing its border, and that it had stopped relations".
            or re.search(
                r"\b(?:said|says|announced|announces|confirmed|stated|added)\b[^.;]*\bthat\s"
                r"(?:it|they|he|she|we|the\s[\w-]+|[A-Z][\w-]+)\s(?:[a-z]+ly\s)?had\s"
                r"(?:[a-z]+ly\s)?$",
                before,
            )
        )
    )
    if found and not means and not reported:
        return "told in a clause about the past"
    if pattern(rules["former"]).search(lead_in(sentence.text, match.start())):
        return _FORMER
    lead = sentence.headline or sentence.paragraph == 0
    if (
        kind == MEETING
        and not lead
        and pattern(rules["modality"]["said_during"]).search(lead_in(sentence.text, match.start()))
    ):
        return "the visit a statement was made during: its setting, not the news"
    if pattern(rules["others"]).search(sentence.text[: match.start()]):
        return "an act of parties other than the pair of the news"
    told = clause_of(sentence.text, match.start(), match.end())
    if pattern(rules["tally"]).search(told):
        return "told as a tally of those held so far"
    history = pattern(rules["era"])
    if era := history.search(told) or history.match(sentence.text):
        return f"history recalled ({era.group(0)!r})"
    if pattern(rules["reacted"]).search(lead_in(sentence.text, match.start())):
        return _REACTED
    if pattern(rules["led_to"]).search(lead_in(sentence.text, match.start())):
        return "the long process the act of its sentence followed"
    if kind != MEETING:
        before = sentence.text[: match.start()]
        if pattern(rules["preceded"]).search(before):
            return f"the {kind} {_BEFORE}"
        if pattern(rules["reversed"]).search(before):
            return f"a {kind} taken before, whose reversal is spoken of"
        if pattern(rules["sent_away"]).match(sentence.text[match.start() :]) and pattern(
            rules["sent_away_lead"]
        ).search(before):
            return f"a {kind} told through those it sent away, done before"
    if nearest is None:
        return ""
    if nearest.window.last < published - timedelta(days=rules["recent_days"]):
        return f"dated {nearest.phrase!r} ({nearest.window}), before the news of the day"
    if nearest.window.days > rules["vague_days"] and not lead:
        return f"dated only vaguely, {nearest.phrase!r} ({nearest.window})"
    return ""
