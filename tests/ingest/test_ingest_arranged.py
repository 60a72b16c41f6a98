"""A visit told as arranged is a plan, and what a page lays out under a background label is not
the news."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PAIRS = [("Chinese", "CHN", "Seoul", "KOR"), ("Indian", "IND", "Kyiv", "UKR")]
PAIRS += [("Turkish", "TUR", "Athens", "GRC"), ("Japanese", "JPN", "Canberra", "AUS")]


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)),
    st.sampled_from(PAIRS),
    st.sampled_from(WEEKDAYS),
    st.sampled_from(["arranged", "scheduled", "planned", "fixed"]),
)
def test_a_visit_that_has_been_arranged_is_announced_not_held(
    published: date, pair: tuple[str, str, str, str], weekday: str, verb: str
) -> None:
    adjective, guest, capital, host = pair
    page = draft_article(
        "page.txt",
        f"The {adjective} foreign minister's visit to {capital} on {weekday} has been {verb} "
        "at the invitation of his counterpart, the ministry said on the day.\n",
        published=published,
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert {entry.parties.first, entry.parties.second} == {guest, host}
    assert WEEKDAYS[entry.planned.expected.start.weekday()] == weekday
    assert published <= entry.planned.expected.start < published + timedelta(days=7)


def test_what_follows_a_background_label_is_not_the_news() -> None:
    page = draft_article(
        "page.txt",
        "The Indian prime minister will pay an official visit to Ukraine on 23 August, "
        "the president's office announced on Monday.\n\n"
        "Background:\n\n"
        "The prime minister met the Russian president in Moscow in early July, and the "
        "two leaders held talks for hours.\n",
        published=date(2024, 8, 19),
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert {entry.parties.first, entry.parties.second} == {"IND", "UKR"}
    quotes = [quote for evidence in page.evidence for quote in evidence.quotes]
    assert not any("Moscow" in quote for quote in quotes)
