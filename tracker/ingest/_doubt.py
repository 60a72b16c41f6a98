"""The doubt gate: a drafted event is asserted as having happened only where the top of the
page bears it out.

News writing puts the news first: the headline and the lead (the first sentences of the body)
tell what happened, and what comes below them gives its detail, its background and the reactions
to it. A type read only from sentences below the lead, on a page whose headline and lead tell of
events but none of that kind as having happened (only as to come, or only events of other kinds),
rests on the body against the page's own telling of its news: what the body tells may be an
earlier step, the background, the other side's answer or the detail of the plan the lead
announces. Such a draft keeps no entry, and its reasons say why, with the sentences on both
sides, for a person to judge. A top that names the body's event ("condemned a wave of air
strikes" above "launched strikes"), or tells a meeting without saying who held it, bears the
kind out: which pair it is of is read elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tracker._entries import Entry, MeetingAnnouncement
from tracker.ingest._events import MEETING, EventMention, Reading
from tracker.ingest._page import Sentence

if TYPE_CHECKING:
    from tracker.ingest._draft import Evidence

__all__ = ["LEAD_SENTENCES", "doubts", "top_of"]

#: How many sentences of the body, after the headline, make its lead.
LEAD_SENTENCES = 2

#: The last word of a trigger, the one that names the event ("strikes" of "launched strikes").
_LAST_WORD = re.compile(r"\w{4,}$")

#: The entry types a meeting mention is drafted as.
_MEETINGS = frozenset({"informal_meeting", "council_meeting"})


def top_of(reading: Reading) -> frozenset[int]:
    """The indexes of the sentences that tell a page's news: the headline (index -1, where the
    page has one) and the first sentences of the body."""
    body = [sentence.index for sentence in reading.page.sentences[:LEAD_SENTENCES]]
    return frozenset([-1, *body] if reading.page.headline else body)


def _kind(entry: Entry) -> str:
    """The mention type an entry is drafted from."""
    return MEETING if entry.TYPE in _MEETINGS else entry.TYPE


def _told(mention: EventMention) -> bool:
    """Whether a mention tells an event as news: as done, as to come or as some other pair's,
    not as the background of the news nor as what did not happen."""
    return not mention.background and not mention.doubt


def _happened(mention: EventMention) -> bool:
    """Whether a mention tells an event as having happened: as news between the sides, or as a
    meeting its sentence does not say who held (which the body may tell); not as to come, not
    as what did not happen, nor as the background of the news."""
    return (
        not mention.planned
        and not mention.doubt
        and (mention.counts or (not mention.bilateral and not mention.background))
    )


def _how(mention: EventMention) -> str:
    if mention.planned:
        return "as to come"
    if not mention.bilateral:
        return "as another pair's"
    return "as done"


def _quoted(text: str, limit: int = 160) -> str:
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _where(sentence: Sentence) -> str:
    return "the headline" if sentence.headline else "the lead"


def doubts(entry: Entry | None, reading: Reading, evidence: Iterable[Evidence]) -> tuple[str, ...]:
    """Why the event drafted cannot be taken as having happened on this page's own telling (an
    empty tuple where nothing puts it in doubt). ``reading`` is the page as the draft read it,
    ``evidence`` the draft's evidence per field."""
    if entry is None or entry.TYPE == MeetingAnnouncement.TYPE:
        return ()
    quotes = next((item.quotes for item in evidence if item.field == "type"), ())
    top = top_of(reading)
    deciding = [s for s in reading.page.with_headline() if s.text in quotes]
    if not deciding or any(s.index in top for s in deciding):
        return ()
    kind = _kind(entry)
    at_top = [m for m in reading.mentions if m.sentence.index in top]
    if any(m.type == kind and _happened(m) for m in at_top):
        return ()
    below = [m for m in reading.mentions if m.sentence in deciding and m.type == kind]
    if _named_at_top(below, reading, top):
        return ()
    told = [m for m in at_top if _told(m)]
    if not told:
        return ()
    return _reasons(entry, deciding, told)


def _named_at_top(below: Sequence[EventMention], reading: Reading, top: frozenset[int]) -> bool:
    """Whether the headline or lead names the event the body tells by its own word ("condemned
    a wave of air strikes" above "launched dozens of strikes"), outside any event they tell: the
    body then details what the top already refers to."""
    words = {found.group(0).lower() for m in below if (found := _LAST_WORD.search(m.trigger))}
    for sentence in reading.page.with_headline():
        if sentence.index not in top:
            continue
        told = [
            (m.start, m.start + len(m.trigger)) for m in reading.mentions if m.sentence == sentence
        ]
        for word in words:
            for found in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence.text, re.I):
                if not any(start <= found.start() < end for start, end in told):
                    return True
    return False


def _reasons(
    entry: Entry, deciding: Sequence[Sentence], told: Sequence[EventMention]
) -> tuple[str, ...]:
    what = "; ".join(
        dict.fromkeys(f"{m.type} {_how(m)} ({m.trigger!r}, in {_where(m.sentence)})" for m in told)
    )
    first = (
        f"in doubt: the {entry.TYPE} of {entry.parties} is read only from below the lead, while "
        f"the headline and lead tell {what}: not drafted as having happened; check the page"
    )
    below = "; ".join(_quoted(s.text) for s in deciding)
    above = "; ".join(dict.fromkeys(_quoted(m.sentence.text) for m in told))
    return (
        first,
        f"in doubt: below the lead: {below}",
        f"in doubt: the headline and lead: {above}",
    )
