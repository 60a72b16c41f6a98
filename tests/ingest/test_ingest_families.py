"""The type and the pair of a news event, read from the structure of the report: states that
act together are one side, an accord ended is a measure ending cooperation, a request to hold
talks is a proposal, relations restored are the restoration and not the visit they came with,
and what the lead tells as coming before its own day is background."""

from __future__ import annotations

from drawn_pairs import draft, drafted_as, sides
from hypothesis import given
from hypothesis import strategies as st

import tracker

#: States: name, adjective, capital, code.
STATES = [
    ("Sweden", "Swedish", "Stockholm", "SWE"),
    ("Kenya", "Kenyan", "Nairobi", "KEN"),
    ("Peru", "Peruvian", "Lima", "PER"),
    ("Norway", "Norwegian", "Oslo", "NOR"),
    ("Ghana", "Ghanaian", "Accra", "GHA"),
    ("Chile", "Chilean", "Santiago", "CHL"),
    ("Austria", "Austrian", "Vienna", "AUT"),
]

State = tuple[str, str, str, str]

#: Three or four different states: the first acts, the last is acted on, those between act
#: with the first.
FOURS = st.permutations(STATES).map(lambda drawn: tuple(drawn[:4]))
PAIRS = st.permutations(STATES).map(lambda drawn: tuple(drawn[:2]))


# -- states acting together are one side ---------------------------------------------------------


@given(FOURS, st.sampled_from(["along with its allies {b} and {c},", "together with {b} and {c},"]))
def test_allies_named_with_the_side_that_acts_are_not_the_other_party(
    four: tuple[State, ...], company: str
) -> None:
    (a_name, _, _, a), (b_name, *_), (c_name, *_), (d_name, _, _, d) = four
    with_them = company.format(b=b_name, c=c_name)
    text = (
        f"Envoys called home over border incident\n\n"
        f"{a_name}, {with_them} recalled their ambassadors from {d_name} on Tuesday over an "
        "incident on the border.\n\n"
        f"The three governments said in a joint statement that {d_name} had shown hostility.\n"
    )
    drafted_as(text, tracker.PresenceMeasure, {a, d}, by=a)


@given(FOURS)
def test_states_listed_as_the_subject_of_a_measure_act_together(four: tuple[State, ...]) -> None:
    (a_name, _, _, a), (b_name, *_), (c_name, *_), (d_name, _, _, d) = four
    text = (
        "Three neighbours cut ties\n\n"
        f"{a_name}, {b_name} and {c_name} severed diplomatic relations with {d_name} on "
        "Tuesday, accusing it of arming rebels.\n\n"
        f"{b_name} and {c_name} said they stood by the decision.\n"
    )
    drafted_as(text, tracker.Suspension, {a, d}, by=a)
