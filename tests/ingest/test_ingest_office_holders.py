"""Office-holders outside the dictionary, named with roles news give them, are participants;
analysts and commentators quoted are not."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.ingest import draft_article
from tracker.ingest._parties import people_in

PUBLISHED = date(2031, 5, 8)  # a Thursday, past every role of the dictionary


def participants(text: str) -> dict[str, str]:
    draft = draft_article("page.txt", text, published=PUBLISHED)
    assert draft.entry is not None, draft.reasons
    return {person.name: person.side for person in draft.entry.participants}


@pytest.mark.parametrize(
    ("text", "name", "party"),
    [
        ("They met top Chinese diplomat Liu Wen in Beijing.", "Liu Wen", "CHN"),
        ("He spoke with his Indian counterpart R. Menon on Monday.", "R. Menon", "IND"),
        ("He told his South Korean counterpart, Kim Sun, that it was done.", "Kim Sun", "KOR"),
        (
            "A Chinese foreign ministry spokesperson, Zhao Ming, said the talks went well.",
            "Zhao Ming",
            "CHN",
        ),
        (
            "Faisal bin Khalid, Crown Prince of Saudi Arabia, said the deal was signed.",
            "Faisal bin Khalid",
            "SAU",
        ),
        (
            # An honorific ("Sheikh") is no part of the name.
            "Qatar's Emir Sheikh Hamad bin Nasser al-Thani landed in Riyadh.",
            "Hamad bin Nasser al-Thani",
            "QAT",
        ),
    ],
)
def test_an_office_holder_is_named_with_the_role_the_text_gives(
    text: str, name: str, party: str
) -> None:
    found = {m.person.name: m.person.role_on(PUBLISHED) for m in people_in(text)}
    role = found[name]
    assert role is not None
    assert role.party == party


@pytest.mark.parametrize(
    "words",
    [
        "Tom Berg, an analyst at a Stockholm think tank, said",
        "analyst Tom Berg said",
        "Tom Berg, a commentator on Chinese affairs, said",
    ],
)
def test_an_analyst_quoted_about_a_meeting_is_no_participant(words: str) -> None:
    found = participants(
        "India and China hold talks\n\n"
        "NEW DELHI (PTI) - Top Chinese diplomat Liu Wen met his Indian counterpart R. Menon "
        "in New Delhi on Thursday.\n\n"
        f"{words} the meeting on Thursday eased tension.\n"
    )
    assert found == {"Liu Wen": "CHN", "R. Menon": "IND"}
