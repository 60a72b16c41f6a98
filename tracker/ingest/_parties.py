"""The dictionaries of parties and people: who a sentence names, in what role on a given day."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import cache

import attrs
import pycountry
from attrs import frozen

from tracker._entries import Dyad, Participant
from tracker.ingest._data import load, pattern

__all__ = [
    "Mention",
    "Person",
    "Role",
    "acting_together",
    "envoy_post",
    "is_organization",
    "known_person",
    "mediators",
    "member_of",
    "membership_periods",
    "named_pairs",
    "participant",
    "party_mentions",
    "party_name",
    "people_in",
    "side_of",
    "titled_in",
]

_FAR_FUTURE = date(9999, 12, 31)


@frozen
class Role:
    """A role a person held from one day to another, speaking for a party; ``told`` for a
    role read from the text, as it gives it, rather than from the dictionary."""

    title: str
    party: str
    start: date
    end: date
    spokesperson: bool
    told: bool = False


@frozen
class Person:
    """A person of the dictionary: the name a log gives them, how reports write it, their roles."""

    name: str
    names: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_on(self, day: date) -> Role | None:
        """The role held on ``day``, if any (the latest begun when two overlap)."""
        held = [role for role in self.roles if role.start <= day <= role.end]
        return max(held, key=lambda role: role.start) if held else None


@frozen
class Mention:
    """Where a sentence names a person."""

    person: Person
    start: int
    end: int


@cache
def _people() -> tuple[Person, ...]:
    return tuple(
        Person(
            spec["name"],
            tuple(spec["names"]),
            tuple(
                Role(
                    role["title"],
                    role["party"],
                    role["from"],
                    role["to"],
                    role.get("kind") == "spokesperson",
                )
                for role in spec["roles"]
            ),
        )
        for spec in load("actors")["actors"]
    )


@cache
def _name_pattern() -> tuple[re.Pattern[str], dict[str, Person]]:
    by_form = {form: person for person in _people() for form in person.names}
    forms = sorted(by_form, key=len, reverse=True)
    names = pattern(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
    return names, by_form


def known_person(form: str) -> Person | None:
    """The person of the dictionary one of whose forms ``form`` is, if any."""
    return _name_pattern()[1].get(form)


def _single_spaced(text: str) -> tuple[str, list[int]]:
    """The text with each run of spaces (a joined line's break, a non-breaking space) as one
    space, and where each of its characters stands in the text."""
    kept = [
        at
        for at, char in enumerate(text)
        if not (char in " \xa0" and at and text[at - 1] in " \xa0")
    ]
    return "".join(" " if text[at] == "\xa0" else text[at] for at in kept), [*kept, len(text)]


def _spaced_as(mentions: Iterable[Mention], kept: list[int]) -> tuple[Mention, ...]:
    """The mentions of a single-spaced text, at their places in the text it was made from."""
    return tuple(
        attrs.evolve(mention, start=kept[mention.start], end=kept[mention.end - 1] + 1)
        for mention in mentions
    )


def people_in(text: str) -> tuple[Mention, ...]:
    """Every person of the dictionary the text names, in order, longest name form first; then
    anyone else it names with their role and who they speak for."""
    spaced, kept = _single_spaced(text)
    return _spaced_as(_people_in(spaced), kept) if spaced != text else _people_in(text)


def _people_in(text: str) -> tuple[Mention, ...]:
    names, by_form = _name_pattern()
    known = [
        Mention(by_form[match.group(0)], match.start(), match.end())
        for match in names.finditer(text)
        if not _inside_a_longer_name(text, match.start(), match.group(0), by_form)
    ]
    told = _told(text)
    # A person of the dictionary the text names with a role keeps that role for the days the
    # dictionary does not cover ("White House press secretary Jen Psaki" years after her
    # dictionary role ended); on the days it covers, the dictionary's role wins.
    known = [
        Mention(attrs.evolve(k.person, roles=(*k.person.roles, *t.person.roles)), k.start, k.end)
        if (t := next((t for t in told if k.start < t.end and t.start < k.end), None))
        else k
        for k in known
    ]
    told = [t for t in told if not any(k.start < t.end and t.start < k.end for k in known)]
    return tuple(sorted((*known, *told), key=lambda mention: mention.start))


#: The words a title or an office ends with, before the name of who holds it.
_TITLE_END = re.compile(
    r"(?:Minister|Secretary|President|Premier|Chancellor|Ambassador|Envoy|Spokes(?:man|woman"
    r"|person)|Commissioner|Representative|Chief|Counsell?or|Councill?or|Advis[eo]r|Director"
    r"|Leader|Chair(?:man|woman|person)?|Speaker|Governor|Mayor|Diplomat|Counterpart"
    r"|Negotiator|Deputy|Head|Senator|Coordinator|Officer|Vice|Affairs|Ministry|Office|Council"
    r"|Cabinet|Government|Department|Administration|Presidency|Secretariat)"
)


def _inside_a_longer_name(text: str, start: int, form: str, by_form: dict[str, Person]) -> bool:
    """Whether a short form of a person of the dictionary (a surname, "Qureshi") is the end of
    someone else's name the text writes whole ("Rahim Hayat Qureshi"): a given name stands
    before it, not a title, a rank, a state, the sentence's first word nor a spelling of the
    person's own given name."""
    if by_form[form].name == form:
        return False
    before = re.search(rf"(?<![\w'’-])({_NAME_WORD}) $", text[:start])
    if before is None or not text[: before.start()].strip():
        return False
    word = before.group(1)
    # Another spelling of their own given name ("Sergei" for "Sergey") is still them.
    given = by_form[form].name.removesuffix(form).split()
    return not (
        any(name[:2] == word[:2] for name in given)
        or word in _OPENERS
        or _TITLE_END.fullmatch(word)
        or _HONORIFIC.fullmatch(word)
        or word in _state_names()
        or word in _calendar()
        or re.search(r"['’]s$", word)
    )


#: Capitalised words that open a sentence rather than a name.
_OPENERS: tuple[str, ...] = ("In", "On", "At", "For", "From", "With", "After", "Before")
_OPENERS += ("During", "Under", "By", "The", "And", "But", "As")

#: The capital letters of names written in any Latin alphabet, accents and all ("Boržović",
#: "Andrijauskienė", "Phạm Thu Hằng"), and a letter that is not one of them.
_CAPITAL = (
    "[A-Z"
    + "".join(
        letter
        for letter in map(chr, (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)))
        if letter.isupper()
    )
    + "]"
)
_SMALL = rf"(?:(?!{_CAPITAL})[^\W\d_])"
#: An initial or a short abbreviation inside a name ("Enrique A. Manalo", "Jose Sta. Romana").
_INITIAL = r"(?:[A-Z]|[A-Z][a-z]{1,2})\."
#: The particles of Dutch, German, Spanish, Portuguese, Italian, Arabic and Malay names, joining
#: the words of a name when one follows them ("van", "de la Vega", "da Silva", "bin", "binti",
#: "al-Thani", "el-Baradei"), two of them together too ("von der Leyen", "van den Broek").
_PARTICLES = (
    r"(?:(?:van der|van den|von der|de la|de los|de las|van|von|de|der|den|da|das|do|dos|del"
    rf"|della|di|du|bin|binti|bint|ibn|ibni)(?= {_CAPITAL}| (?:al|el)-)|(?:al|el)-[A-Z][a-z]+)"
)
#: Ranks and honorifics shortened with a dot, read with a name and cut from it ("Col. X").
_DOTTED = r"(?:(?:Lt|Gen|Col|Maj|Brig|Adm|Capt|Cdr|Hon|Dr|Mr|Mrs|Ms|Prof|H\. ?E)\. ?)*"
#: One capitalised word of a name, ending in a small letter (no acronym: "NATO" names no one).
_NAME_WORD = rf"{_CAPITAL}(?:[^\W\d_]|['’-])*{_SMALL}"
#: A name of two to six capitalised words, not starting with a preposition, an article or a
#: possessive ("Brunei's Second Foreign Minister"): initials may open it ("S. Jaishankar") or
#: stand inside it, and particles join its words ("Hamad bin Isa bin Salman al-Khalifa").
_NAME = (
    rf"(?!(?:{'|'.join(_OPENERS)})\b)"
    rf"(?P<name>{_DOTTED}(?:[A-Z]\. ?){{1,2}}{_NAME_WORD}|{_DOTTED}{_NAME_WORD}(?<!['’]s)"
    rf"(?: {_INITIAL}(?= [A-Z])"
    rf"| (?:{_NAME_WORD}|{_PARTICLES})){{1,5}})"
)


#: A name of one to six words after a title ("President Tebboune", "Foreign Secretary Alicia
#: Bárcena Ibarra"), in any alphabet's capitals and accents.
_WORD = rf"{_CAPITAL}[\w'’-]*[^\W\d_]"
_TITLED_NAME = (
    rf"(?!(?:{'|'.join(_OPENERS)})\b)(?P<name>(?:[A-Z]\. ?){{1,2}}{_WORD}|{_WORD}"
    rf"(?: {_INITIAL}(?= [A-Z])| +(?:{_WORD}|{_PARTICLES})){{0,5}})"
)
#: The ranks and honorifics a name may be written with, which are no part of it ("Colonel
#: Amadou X", "Rear Admiral X", "H.E. Mr X", "His Majesty King X", "Dr The Honourable X").
_RANKS = (
    r"Sheikh|Sheikha|Sir|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Datuk|Dato['’]? Sri|Dato['’]?|Datin"
    r"|Seri|Tan Sri|Puan Sri|Tun|Toh Puan|Haji|Hajah|H\. ?E\.?|HE|His Excellency|Her Excellency"
    r"|(?:His|Her) (?:Royal )?(?:Majesty|Highness)|(?:The )?Honou?rable|Hon\.|Prince|Princess"
    r"|King|Queen|Emir|(?:Lieutenant |Lt\.? |Major |Maj\.? |Brigadier |Brig\.? )?(?:General|Gen\.)"
    r"|(?:Lieutenant |Lt\.? )?(?:Colonel|Col\.)|Major|Maj\.|Brigadier|Brig\.|(?:Rear |Vice )?"
    r"Admiral|Adm\.|(?:Field |Air )?Marshal|Captain|Capt\.|Commander|Cdr\."
)
#: Words before a name that are no part of it: ranks and honorifics ("Sheikh Hamad bin Jassim
#: al-Thani") and the end of an office's name the title runs on into ("Head of the President
#: Office Andrii Yermak", "Minister of Foreign Affairs Tien Chung-kwang").
_NOT_NAME = re.compile(
    rf"(?:(?:{_RANKS}|Office|Affairs|Ministry|Administration|Presidency|Cabinet|Secretariat"
    rf"|Department|Council) +(?={_CAPITAL}))+"
)
#: An honorific that is no name on its own.
_HONORIFIC = re.compile(rf"(?:{_RANKS})\.?")
#: Words before a title that say its holder no longer holds it.
_FORMER = re.compile(r"\b(?:former|ex-|then-?|late|erstwhile)\s*$", re.IGNORECASE)
#: Words before a name that make it a place or an object ("his visit to Brussels, the Prime
#: Minister ..."), not a person introduced with a title.
_OBJECT = re.compile(r"\b(?:in|at|to|from|of|for|on|into|near)\s+$")


@cache
def _post() -> str:
    """An envoy's post after their title: "ambassador to the United States", "envoy in
    Canberra", "ambassador to the country" (the one the sentence is about)."""
    states = "|".join(map(re.escape, sorted(_state_names(), key=len, reverse=True)))
    places = rf"(?:{states})(?![\w-])|(?:host )?country\b|[A-Z][\w-]*(?: [A-Z][\w-]*)*"
    return rf" (?:to|in) (?:the )?(?:{places})"


#: The titles of envoys, after which their post may be told.
_ENVOY = r"(?:(?<=[Aa]mbassador)|(?<=[Ee]nvoy)|(?<=[Cc]ommissioner)|(?<=[Aa]ffaires))"


@cache
def _bare_patterns() -> tuple[re.Pattern[str], ...]:
    bare = load("actors")["told"]["bare"]
    # "recalled its ambassador to Germany, X", "the country's Ambassador to France X for
    # consultations".
    title = rf"(?P<title>{bare}(?:{_ENVOY}{_post()})?)"
    before = pattern(
        rf"\b{title},? +{_TITLED_NAME}(?![\w'’-])(?! +(?:[A-Z]|of\b|for\b(?! consultations?\b)))"
    )
    # "X, a minister in the president's office, told".
    after = pattern(rf"\b{_TITLED_NAME}, (?:the |its |his |her |their |an? )?{title}\b")
    return before, after


def envoy_post(title: str) -> str | None:
    """The party an envoy's title names as their post ("ambassador to Germany": DEU)."""
    post = re.search(rf"{_ENVOY}{_post()}", title)
    found = [code for code, at in party_mentions(title) if post and at >= post.start()]
    return found[0] if found else None


def titled_in(text: str) -> tuple[Mention, ...]:
    """The people a text names with a title that does not say whose office it is ("Foreign
    Minister Jan Hamacek", "the envoy Dennis Horak"), and whom no other rule names: their
    role's party is left empty, for the event to tell."""
    spaced, kept = _single_spaced(text)
    return _spaced_as(_titled_in(spaced), kept) if spaced != text else _titled_in(text)


def _titled_in(text: str) -> tuple[Mention, ...]:
    spokes = pattern(load("actors")["told"]["spokespeople"])
    named = _people_in(text)
    found: dict[int, Mention] = {}
    for bare in _bare_patterns():
        for match in _overlapping(bare, text):
            name, start = _person_name(match)
            end = start + len(name)
            if _a_title_in(name) or any(
                m.start < end and start < m.end for m in (*named, *found.values())
            ):
                continue
            if party_mentions(name) or name in _calendar() or _OBJECT.search(text[:start]):
                continue
            # An honorific alone ("the Prime Minister, Dr. Abdalla Hamdok" cut at its dot) or a
            # former office ("former prime minister X") names no one in office.
            if _HONORIFIC.fullmatch(name) or _FORMER.search(text[: match.start()]):
                continue
            title = match.group("title")
            role = Role(title, "", date.min, date.max, bool(spokes.search(title)), told=True)
            found[start] = Mention(Person(name, (name,), (role,)), start, end)
    return tuple(sorted(found.values(), key=lambda mention: mention.start))


@cache
def _calendar() -> frozenset[str]:
    """The names of months and weekdays, which name no person ("the ambassador Thursday")."""
    dates = load("dates")
    return frozenset(word.capitalize() for word in (*dates["months"], *dates["weekdays"]))


def _person_name(match: re.Match[str]) -> tuple[str, int]:
    """The person's name a pattern's ``name`` group holds, and where it starts: without the
    words before it that are no part of it, its possessive, nor a day after it ("the envoy
    Rinat Mukhametshin Monday")."""
    raw = match.group("name")
    cut = _NOT_NAME.match(raw)
    offset = cut.end() if cut else 0
    words = _possessor(raw[offset:]).split(" ")
    # A month's short form ends a name only where a day follows it: "Dong Jun" is a name.
    dated = bool(re.match(r"\s+\d", match.string[match.end("name") :]))
    while len(words) > 1 and words[-1] in _calendar() and (len(words[-1]) > 3 or dated):
        words.pop()
    return " ".join(words), match.start("name") + offset


def _overlapping(found: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of a pattern with a ``name`` group, each searched for again from where the
    last one's name starts: a title read as part of a name ("its ambassador to Y, Foreign
    Minister X") is the start of another match."""
    at = 0
    while match := found.search(text, at):
        yield match
        at = max(match.start("name"), match.start() + 1)


def _a_title_in(name: str) -> bool:
    """Whether what a pattern read as a name holds a title ("Foreign Minister X" after "its
    ambassador to Y,"): the name of another person, named by their own office."""
    return any(_TITLE_END.fullmatch(word) for word in name.split(" "))


def _possessor(name: str) -> str:
    """A name without the possessive it is written with ("Tebboune’s" is Tebboune)."""
    return re.sub(r"['’]s$", "", name)


@cache
def _told_patterns() -> tuple[re.Pattern[str], ...]:
    titles = load("actors")["told"]["titles"]
    owner = r"(?:'s|’s|`s)"
    # A state's one-word name may be hyphenated ("Timor-Leste", "Guinea-Bissau").
    word = r"[A-Z][\w.]*(?:-[A-Z]\w*)?"
    cue = rf"(?P<cue>(?!(?:A|An|The)\b){word}(?:{owner}|(?: [A-Z][a-z]+{owner}?))?)"
    # An envoy's post after the title: "ambassador to the United States", "ambassador in
    # Canberra", or their remit: "special envoy for the Belgrade-Pristina dialogue".
    remit = r"(?<=[Ee]nvoy) for (?:the )?[\w-]+(?: [\w-]+){0,4}?"
    to = rf"(?:{_post()}|{remit})?"
    before = pattern(rf"\b{cue} (?P<title>{titles}){to},? {_NAME}\b(?! [A-Z])")
    after = pattern(rf"\b{_NAME}, (?:the |a )?{cue} (?P<title>{titles})\b")
    # A state named by its long form: "Minister of Foreign Affairs of the Republic of X".
    long_forms = "Republic|Kingdom|State|Sultanate|Federation|Commonwealth|Principality"
    form = rf"(?:(?:{long_forms}) of (?:the )?)?"
    of = pattern(rf"\b(?P<title>{titles}) of (?:the )?{form}{cue}{to},? {_NAME}\b(?! [A-Z])")
    after_of = pattern(rf"\b{_NAME}, (?:the |an? )?(?P<title>{titles}) (?:of|for) (?:the )?{cue}\b")
    # The head of a state's mission, named after it: "the Acting Head of X's representation in
    # Minsk Y", "head of the mission of X, Y".
    mission = r"(?P<mission>representation|mission|embassy|diplomatic mission)"
    head = r"(?P<title>(?:[Aa]cting |[Dd]eputy )?[Hh]ead) of"
    heads = (
        rf"\b{head} (?:the )?{cue} {mission}(?:{_post()})?,? {_NAME}\b(?! [A-Z])",
        rf"\b{head} the {mission} of (?:the )?{cue}(?:{_post()})?,? {_NAME}\b(?! [A-Z])",
    )
    # The state told after the name: "Deputy Foreign Minister Anna Holm of Norway", "King X of
    # the Kingdom of Y", and the second of two named under one title, "Foreign ministers X of
    # Jordan and Y of Oman".
    name_of = pattern(rf"\b(?P<title>{titles})s? {_NAME} of (?:the )?{form}{cue}\b")
    second = pattern(
        rf"\b(?P<title>{titles})s [A-Z][^,.;]*? of (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)* "
        rf"and {_NAME} of (?:the )?{cue}\b"
    )
    # Two named under one title of two states, in the order of the states: "the foreign
    # ministers of A and B, X and Y", "A's and B's foreign ministers, X and Y", "the A and B
    # presidents X and Y".
    other = rf"(?!(?:A|An|The)\b){word}(?: [A-Z][a-z]+)?"
    plain = _NAME.replace("(?P<name>", "(?:")
    listed = (
        rf"\b(?P<title>{titles})s of (?:the )?{cue} and (?:the )?{other},? {_NAME} and {plain}\b",
        rf"\b(?P<title>{titles})s of (?:the )?{other} and (?:the )?{cue},? {plain} and {_NAME}\b",
        rf"\b{cue} and {other}{owner}? (?P<title>{titles})s,? {_NAME} and {plain}\b",
        rf"\b{other}{owner}? and {cue} (?P<title>{titles})s,? {plain} and {_NAME}\b",
    )
    return (before, after, of, after_of, name_of, second, *map(pattern, (*heads, *listed)))


def _told(text: str) -> list[Mention]:
    """The people a text names with a role and who they speak for, outside the dictionary."""
    spokes = pattern(load("actors")["told"]["spokespeople"])
    found = []
    for told in _told_patterns():
        for match in told.finditer(text):
            party = _speaks_for(match.group("cue"))
            if party is None:
                continue
            title = f"{match.group('cue')} {match.group('title')}"
            if mission := match.groupdict().get("mission"):
                title = f"{title} of {mission}"
            role = Role(title, party, date.min, date.max, bool(spokes.search(title)), told=True)
            name, start = _person_name(match)
            if _a_title_in(name):
                continue
            found.append(Mention(Person(name, (name,), (role,)), start, start + len(name)))
    return found


def _speaks_for(cue: str) -> str | None:
    """The party a role's cue speaks for: a party's own words, a country's adjective, an
    office's name."""
    table: dict[str, str] = load("parties")["speaks_for"]
    bare = re.sub(r"(?:'s|’s|`s)$", "", cue)
    for words in (cue, bare, bare.split()[0]):
        if words in table:
            return table[words]
    found = party_mentions(cue)
    return found[0][0] if found else None


@cache
def _organization_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    parties = load("parties")["parties"]
    return tuple((code, pattern("|".join(spec["patterns"]))) for code, spec in parties.items())


@cache
def _state_names() -> dict[str, str | None]:
    """Every word for a sovereign state, with its code: pycountry's standard names, then our
    own news names, adjectives and capitals; the phrases that name no party map to None."""
    ambiguity = load("countries")["ambiguity"]
    forms: dict[str, str | None] = {}
    for code, spec in load("countries")["countries"].items():
        country = pycountry.countries.get(alpha_3=code)
        standard = [getattr(country, key, None) for key in ("name", "common_name", "official_name")]
        for form in (*standard, *spec.get("names", ()), *spec.get("adjectives", ())):
            if form and not re.search(r"[,()]", form):
                # A page may write the apostrophe curly ("People’s Republic of China").
                forms[form.removeprefix("the ")] = code
                forms[form.removeprefix("the ").replace("'", "\u2019")] = code
        for form in spec.get("capitals", ()):
            forms[form] = code
    for form in ambiguity["shared"]:
        forms.pop(form, None)
    forms.update(dict.fromkeys(ambiguity["not_parties"]))
    return forms


@cache
def _capitals() -> frozenset[str]:
    countries = load("countries")["countries"].values()
    return frozenset(form for spec in countries for form in spec.get("capitals", ()))


def capital_of(name: str) -> str | None:
    """The state whose capital a name is ("Caracas": VEN), else None."""
    return _state_names().get(name) if name in _capitals() else None


@cache
def _state_pattern() -> re.Pattern[str]:
    forms = sorted(_state_names(), key=len, reverse=True)
    return pattern(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")


def _names_something_else(text: str, start: int, end: int) -> bool:
    """Whether a state's name that is also a person's or a place's ("Jordan", "Georgia") is
    run into another capitalised name: "Michael Jordan", "Atlanta, Georgia", "Georgia Tech"."""
    if _title_case(text):
        return False
    if re.match(r"\s[A-Z]", text[end:]):
        return True
    before = re.search(r"(?<![\w-])([A-Z][\w'’-]*),?\s$", text[:start])
    return before is not None and before.group(1) not in (*_OPENERS, *_state_names())


def _a_place(before: str, word: str, after: str) -> bool:
    """Whether a state's word between ``before`` and ``after`` names where something happened,
    not a party: a capital after "in", "at", "near" or "outside" ("spoke in Oslo"), or a state
    closing the phrase of the city it locates ("met in Oslo, Norway, on Thursday")."""
    locative = r"\b(?:in|at|near|outside)\s"
    # A mission or envoy "in Beirut" is at the post of the state whose capital it is: that
    # state is where the measure lands, a party ("closed its embassy in Beirut").
    # One met "at the Russian embassy in Minsk" is at a place there: that city stays a venue.
    post = r"\b(?:embass(?:y|ies)|consulates?(?: general)?|missions?|ambassadors?|envoys?)\s"
    venue = r"\b(?:at|outside|near|to|into)\s(?:the\s|its\s|their\s)?(?:[A-Z][\w'’-]*\s)?"
    # One who arrived in a capital on a visit or for talks is the guest of its state, a side
    # ("arrived in Caracas for an official visit").
    arrived = r"\b(?:arrived|arrives|arriving|landed|lands)\s(?:in|at)\s$"
    visit = r"\s(?:for|on)\s(?:(?:an?|the|his|her|their)\s)?(?:[\w-]+\s){0,2}(?:visit|talks)\b"
    if word in _capitals() and re.search(arrived, before) and re.match(visit, after):
        return False
    if word in _capitals() and re.search(locative + "$", before):
        return not re.search(post + locative + "$", before) or bool(
            re.search(venue + post + locative + "$", before)
        )
    city = re.search(locative + r"(?:[A-Z][\w'’.-]*\s)*[A-Z][\w'’.-]*,\s$", before)
    return bool(city) and bool(re.match(r"(?:[,.;:)]|\s(?:on|in|at|for)\b|$)", after))


@cache
def _subject_pattern() -> re.Pattern[str]:
    return pattern(load("countries")["ambiguity"]["subject"])


def _a_subject(before: str) -> bool:
    """Whether the words before a state's name make it what is spoken of ("talks with Russia
    on Syria", "the approach to Russia"), not a side."""
    return bool(_subject_pattern().search(before))


def _title_case(text: str) -> bool:
    """Whether every word of four letters or more is capitalised, as in a headline."""
    words = re.findall(r"\b[^\W\d_]{4,}\b", text)
    return len(words) >= 3 and all(word[0].isupper() for word in words)


def party_mentions(text: str) -> tuple[tuple[str, int], ...]:
    """The parties a text refers to, as (actor code, offset), in order; where two words
    overlap ("Guinea" in "Papua New Guinea"), the longer one."""
    homonyms = set(load("countries")["ambiguity"]["homonyms"])
    venue = pattern(load("countries")["ambiguity"]["venue"])
    medium = pattern(load("countries")["ambiguity"]["medium"])
    spans: list[tuple[int, int, str | None]] = [
        (match.start(), match.end(), None if venue.search(text[: match.start()]) else code)
        for code, party_pattern in _organization_patterns()
        for match in party_pattern.finditer(text)
    ]
    for match in _state_pattern().finditer(text):
        word = match.group(0)
        if word in homonyms and _names_something_else(text, match.start(), match.end()):
            continue
        if _a_place(text[: match.start()], word, text[match.end() :]):
            continue
        if _a_subject(text[: match.start()]) or venue.search(text[: match.start()]):
            continue
        if medium.match(text, match.end()):
            continue
        spans.append((match.start(), match.end(), _state_names()[word]))
    found: list[tuple[str, int]] = []
    reached = 0
    for start, end, code in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < reached:
            continue
        reached = end
        if code is not None:
            found.append((code, start))
    return tuple(found)


_PAIRED_AFTER = re.compile(
    r"(?:\bbetween|\b(?:ministers?|leaders|presidents|heads of (?:state|government)|delegations"
    r"|representatives|envoys|negotiators|officials) of) (?:the )?$"
)
# "Kaliningrad, an exclave between Poland and Lithuania", "the border between A and B": a place
# located between two states names where it lies, not the two sides.
_LOCATED = re.compile(
    r"\b(?:exclave|enclave|border|frontier|boundary|region|area|strait|corridor|islands?"
    r"|territory|located|lies|lying|situated|sandwiched|wedged|squeezed|nestled|rivers?|sea"
    r"|gulf|mountains|valley|zone|land|city|town|village|province|peninsula)\s+"
    # "Border talks between A and B", "the border dispute between A and B": what is between
    # them is the talks or the dispute, of which they are the sides.
    r"(?:(?!(?:talks|negotiations|dispute|disputes|row|deal|agreement|accord|treaty|clashes"
    r"|tensions|war|conflict|dialogue|trade|cooperation)\s)[a-z]+\s+)?"
    r"between (?:the )?$"
)
# "between Foreign Minister of Azerbaijan Elmar Mammadyarov and Foreign Minister of Armenia":
# each side named in the title of its person.
_TITLED = r"(?:[A-Z][\w'’.-]* ){1,4}of (?:the )?"
_BETWEEN_TITLED = re.compile(rf"\bbetween (?:the )?{_TITLED}$")
_TITLED_GAP = re.compile(rf"(?: [A-Z][\w'’.-]*){{0,3}} and (?:the )?{_TITLED}")
# "Nicaragua broke its diplomatic ties with Taiwan": the party whose relations are told and
# the one they are with.
_WITH_GAP = re.compile(r"(?:['’]s)? (?:[\w-]+ ){0,7}?(?:relations|ties) with (?:the )?(?:[a-z]+ )?")


def named_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """The pairs of parties a text names as the two sides: "between A and B", "the foreign
    ministers of A and B", "the A-B dialogue", "between the President of A X and the Prime
    Minister of B", "A cut its ties with B". A host or mediator named beside them is none."""
    found = party_mentions(text)
    pairs = []
    for (first, start), (second, next_start) in itertools.pairwise(found):
        word = _state_pattern().match(text, start) or next(
            (m for _, p in _organization_patterns() if (m := p.match(text, start))), None
        )
        if word is None or first == second:
            continue
        gap = text[word.end() : next_start]
        hyphen = gap in ("-", "\u2013")
        joined = (
            bool(re.fullmatch(r" and (?:the )?", gap))
            and bool(_PAIRED_AFTER.search(text[:start]))
            and not _LOCATED.search(text[:start])
        )
        titled = bool(_TITLED_GAP.fullmatch(gap)) and bool(_BETWEEN_TITLED.search(text[:start]))
        related = bool(_WITH_GAP.fullmatch(gap))
        if hyphen or joined or titled or related:
            pairs.append((first, second))
    return tuple(pairs)


# Between the names of states that act as one side: a comma, "and", "along with", "together
# with", "alongside", "as well as", "joined by", and the allies or partners they are told as
# ("Mali, along with its allies Burkina Faso and Niger").
_TOGETHER = re.compile(
    r"(?:\s*,\s*|\s+)(?:(?:and|as\s+well\s+as|along\s+with|together\s+with|alongside"
    r"|joined\s+by|with)\s+)?(?:(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:allies|partners)"
    r"(?:\s*,)?\s+)?(?:the\s+)?"
)


def acting_together(text: str) -> tuple[str, ...]:
    """The parties a subject names as one side acting together, the first named first ("Mali,
    Burkina Faso and Niger", "A, along with its allies B and C", "A together with B"): a run of
    names joined only by commas, "and" and the words of company; () where the text names no
    such run of two or more, or other words stand between its names."""
    every = party_mentions(text)
    # "Its allies" is the company the first keeps, not a body of its own: no name of the run.
    found = [(code, start) for code, start in every if not text[start].islower()]
    if len(found) < 2:
        return ()
    for (_, start), (_, next_start) in itertools.pairwise(found):
        word = _state_pattern().match(text, start) or next(
            (m for _, p in _organization_patterns() if (m := p.match(text, start))), None
        )
        if word is None or not _TOGETHER.fullmatch(text[word.end() : next_start]):
            return ()
    return tuple(dict.fromkeys(code for code, _ in (found[:1] + list(every[1:]))))


def mediators(text: str) -> frozenset[str]:
    """The parties a text names as hosting, mediating or looking on while others negotiate
    ("under UN auspices", "US-mediated talks", "mediated by Qatar"), or as the forum they meet
    beside ("on the sidelines of the SCO meeting", "at SCO meet in India")."""
    words = load("events")["meetings"]
    before, after = pattern(words["mediator_before"]), pattern(words["mediator_after"])
    forum_before, forum_after = pattern(words["forum_before"]), pattern(words["forum_after"])
    found = set()
    for code, start in party_mentions(text):
        word = _state_pattern().match(text, start) or next(
            (m for _, p in _organization_patterns() if (m := p.match(text, start))), None
        )
        end = word.end() if word is not None else None
        if (
            before.search(text[:start])
            or (end is not None and after.match(text, end))
            or (
                end is not None
                and forum_before.search(text[:start])
                and forum_after.match(text, end)
            )
        ):
            found.add(code)
    return frozenset(found)


def is_organization(code: str) -> bool:
    """Whether a party is an organization of states (NATO, the Arab League), not a state."""
    return code in load("parties")["parties"]


def party_name(code: str) -> str:
    """The name a draft gives a party: an organization's, else the first of a state's standard
    names that names it alone, else its code."""
    organization = load("parties")["parties"].get(code)
    if organization is not None:
        return str(organization["name"])
    spec = load("countries")["countries"].get(code)
    if spec is None:
        return code
    country = pycountry.countries.get(alpha_3=code)
    standard = [getattr(country, key, None) for key in ("common_name", "name")]
    for name in (*standard, *spec.get("names", ())):
        if name and _state_names().get(name) == code:
            return str(name)
    return code


def _membership(party: str) -> dict[str, tuple[date, date]]:
    members = load("parties")["members"].get(party, {})
    spans = {}
    for country, value in members.items():
        joined, left = (value[0], value[1]) if isinstance(value, list) else (value, _FAR_FUTURE)
        spans[country] = (joined, left)
    return spans


def member_of(country: str, party: str, day: date) -> bool:
    """Whether ``country`` belonged to the organization ``party`` on ``day``."""
    span = _membership(party).get(country)
    return span is not None and span[0] <= day < span[1]


@cache
def membership_periods(party: str, count: int) -> tuple[tuple[date, date], ...]:
    """The periods in which the organization had ``count`` members."""
    spans = _membership(party)
    if not spans:
        return ()
    changes = sorted({day for span in spans.values() for day in span if day != _FAR_FUTURE})
    periods = []
    for at, start in enumerate(changes):
        size = sum(1 for joined, left in spans.values() if joined <= start < left)
        end = changes[at + 1] - timedelta(days=1) if at + 1 < len(changes) else _FAR_FUTURE
        if size == count:
            periods.append((start, end))
    return tuple(periods)


def side_of(role: Role, dyad: Dyad, day: date) -> str:
    """The side of the dyad a role speaks for: its party, or the organization of the dyad
    its country belonged to on the day, else its own party (a third party)."""
    if role.party in dyad:
        return role.party
    for party in (dyad.first, dyad.second):
        if member_of(role.party, party, day):
            return party
    return role.party


def participant(person: Person, role: Role, dyad: Dyad, day: date) -> Participant:
    """The participant of an entry of ``dyad`` on ``day``."""
    return Participant(name=person.name, role=role.title, side=side_of(role, dyad, day))
