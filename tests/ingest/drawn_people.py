"""People to write sentences about: states named in one word, and drawn names for the people
of two of them, for the tests that state who takes part in an event for any names."""

from __future__ import annotations

from hypothesis import strategies as st

import tracker
from tests.ingest.plain_states import plain_names

#: States named in one word, so that "X's President" reads as the office of X.
STATES = [state for state in plain_names("ties with") if " " not in state[0]]
FIRST = ["Kari", "Pablo", "Marta", "Ola", "Siri", "Tomas", "Lena", "Anil"]
LAST = ["Lunde", "Rios", "Vidal", "Berg", "Nilsen", "Havel", "Sorensen", "Mehta"]


@st.composite
def pairs_and_people(draw: st.DrawFn, count: int) -> tuple[str, str, list[str]]:
    """Two different states and ``count`` different people's full names; shrinks towards the
    first states and names of the lists."""
    one, other = draw(st.sampled_from(STATES)), draw(st.sampled_from(STATES))
    if one[1] == other[1]:
        other = next(state for state in STATES if state[1] != one[1])
    first = draw(st.permutations(FIRST))[:count]
    last = draw(st.permutations(LAST))[:count]
    return one[0], other[0], [f"{a} {b}" for a, b in zip(first, last, strict=True)]


def participants(entry: tracker.Entry | None) -> list[str]:
    """The names of who takes part in a drafted entry, in order."""
    assert entry is not None
    return [person.name for person in entry.participants]
