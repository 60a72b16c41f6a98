"""Who announces a visit on the day takes part in its announcement, whatever days the visit
itself is told for."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

NAMES = ["Lin Wei", "Zhou Mingyu", "Tran Thi Mai", "Aiko Tanabe", "Samir Haddad"]
TITLES = ["foreign ministry spokesperson", "the ministry's spokeswoman", "spokesperson"]


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 1)),
    st.sampled_from(NAMES),
    st.sampled_from(TITLES),
    st.integers(2, 20),
    st.integers(1, 2),
)
def test_a_spokesperson_who_announces_a_visit_of_later_days_is_a_participant(
    published: date, name: str, title: str, ahead: int, length: int
) -> None:
    first = published + timedelta(days=ahead)
    last = first + timedelta(days=length)
    if first.month != last.month:
        last = first
    span = f"{first:%B} {first.day}" + (f" to {last.day}" if last != first else "")
    page = draft_article(
        "page.txt",
        f"The Chinese president will pay a state visit to Vietnam from {span}, {title} {name} "
        "announced.\n",
        published=published,
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert entry.planned.expected.start == first
    assert entry.planned.expected.last == last
    assert name in [person.name for person in entry.participants]


def test_a_leader_named_again_by_title_and_surname_is_one_participant() -> None:
    page = draft_article(
        "page.txt",
        "Maldivian President Mohamed Muizzu met Indian Prime Minister Narendra Modi in Delhi on "
        "Monday. President Muizzu said the talks went well.\n",
        published=date(2024, 10, 7),
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    names = [person.name for person in entry.participants]
    assert "Muizzu" not in names
    assert "Mohamed Muizzu" in names
