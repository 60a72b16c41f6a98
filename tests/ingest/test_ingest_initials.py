"""Names with an initial or a short abbreviation inside them are read whole, and the
abbreviation does not end the sentence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest._page import split_sentences
from tracker.ingest._parties import people_in, titled_in

FIRST = ["Jose", "Maria", "Enrique", "Teodoro", "Ana"]
MIDDLE = ["A.", "L.", "Sta.", "Sto.", "De."]
LAST = ["Romana", "Manalo", "Locsin", "Reyes", "Cruz"]


@given(st.sampled_from(FIRST), st.sampled_from(MIDDLE), st.sampled_from(LAST))
def test_a_name_with_an_abbreviation_inside_is_read_whole(
    first: str, middle: str, last: str
) -> None:
    name = f"{first} {middle} {last}"
    told = f"The talks were led by the Philippine ambassador, {name}."
    assert split_sentences(told + " They lasted an hour.") == [told, "They lasted an hour."]
    assert [mention.person.name for mention in people_in(told)] == [name]
    bare = f"Undersecretary {name} and his counterpart led their delegations on Friday."
    assert [mention.person.name for mention in titled_in(bare)] == [name]


def test_a_short_word_ending_a_sentence_before_another_still_ends_it() -> None:
    assert split_sentences("He met Kim. Then he left for the airport.") == [
        "He met Kim.",
        "Then he left for the airport.",
    ]
