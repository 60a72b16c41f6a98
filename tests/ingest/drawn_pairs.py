"""Pairs of states to write sentences about, and the draft of such a sentence as a page of a
known day, for the tests that state a rule of ingest for any pair."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from hypothesis import strategies as st

import tracker
from tracker.ingest import Draft, draft_article

PUBLISHED = date(2024, 3, 5)  # a Tuesday

#: A state as a sentence names it: name, adjective, capital, code.
State = tuple[str, str, str, str]

#: States whose name, adjective and capital no rule reads as anything else.
STATES: list[State] = [
    ("Sweden", "Swedish", "Stockholm", "SWE"),
    ("Kenya", "Kenyan", "Nairobi", "KEN"),
    ("Peru", "Peruvian", "Lima", "PER"),
    ("Norway", "Norwegian", "Oslo", "NOR"),
    ("Ghana", "Ghanaian", "Accra", "GHA"),
    ("Chile", "Chilean", "Santiago", "CHL"),
    ("Austria", "Austrian", "Vienna", "AUT"),
]


def different(count: int) -> st.SearchStrategy[tuple[State, ...]]:
    """``count`` different states of :data:`STATES`, in any order; shrinks towards the first."""
    return st.permutations(STATES).map(lambda drawn: tuple(drawn[:count]))


def pairs(states: Sequence[State]) -> st.SearchStrategy[tuple[State, State]]:
    """Two different states of ``states``, in either order; shrinks towards the first pair."""
    return st.sampled_from(
        [(one, other) for one in states for other in states if one[0] < other[0]]
    ).flatmap(lambda pair: st.sampled_from([pair, pair[::-1]]))


def draft(text: str, published: date = PUBLISHED) -> Draft:
    return draft_article("page.txt", text, published=published)


def sides(entry: tracker.Entry) -> set[str]:
    return {entry.parties.first, entry.parties.second}


def drafted_as(
    text: str, kind: type[tracker.Entry], parties: set[str], by: str | None = None
) -> tracker.Entry:
    """The entry drafted from ``text``, checked to be a ``kind`` between ``parties`` (and taken
    by ``by``, when given): the check most rules of which event is the news end with."""
    page = draft(text)
    if not isinstance(page.entry, kind):
        msg = f"drafted {type(page.entry).__name__}, not {kind.__name__}: {page.reasons}"
        raise AssertionError(msg)
    if sides(page.entry) != parties:
        msg = f"drafted between {sorted(sides(page.entry))}, not {sorted(parties)}"
        raise AssertionError(msg)
    if by is not None and getattr(page.entry, "by", None) != by:
        msg = f"drafted as taken by {getattr(page.entry, 'by', None)!r}, not {by!r}"
        raise AssertionError(msg)
    return page.entry
