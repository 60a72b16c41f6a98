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


def pairs(states: Sequence[State]) -> st.SearchStrategy[tuple[State, State]]:
    """Two different states of ``states``, in either order; shrinks towards the first pair."""
    return st.sampled_from(
        [(one, other) for one in states for other in states if one[0] < other[0]]
    ).flatmap(lambda pair: st.sampled_from([pair, pair[::-1]]))


def draft(text: str, published: date = PUBLISHED) -> Draft:
    return draft_article("page.txt", text, published=published)


def sides(entry: tracker.Entry) -> set[str]:
    return {entry.parties.first, entry.parties.second}
