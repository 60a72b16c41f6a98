"""A minister who arrived on a visit or at an invitation meets there that day; negotiations
that a measure followed after a long process are how it came about, not a meeting of the day."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
VISITS = [
    ("Syrian", "SYR", "Jeddah", "Saudi", "SAU"),
    ("Iranian", "IRN", "Islamabad", "Pakistani", "PAK"),
]
VISITS += [("Greek", "GRC", "Ankara", "Turkish", "TUR")]
PURPOSES = ["on a two-day visit", "at the invitation of the"]
PURPOSES += ["for the first visit in a decade, at the invitation of the"]


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)),
    st.sampled_from(VISITS),
    st.integers(0, 2),
    st.sampled_from(PURPOSES),
)
def test_a_minister_who_arrived_for_a_visit_meets_that_day(
    published: date, visit: tuple[str, str, str, str, str], back: int, purpose: str
) -> None:
    guest, guest_code, city, host, host_code = visit
    arrived = published - timedelta(days=back)
    weekday = WEEKDAYS[arrived.weekday()]
    tail = f" {host} foreign minister" if purpose.endswith("the") else ""
    page = draft_article(
        "page.txt",
        f"The {guest} foreign minister arrived in {city} on {weekday} {purpose}{tail}, the "
        f"{host} foreign ministry said.\n",
        published=published,
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert {entry.parties.first, entry.parties.second} == {guest_code, host_code}
    assert entry.on.first == arrived


@given(st.sampled_from(["more than a year of", "months of", "two rounds of", "years of"]))
def test_an_embassy_reopened_after_long_negotiations_is_the_reopening(process: str) -> None:
    page = draft_article(
        "page.txt",
        "Azerbaijan reopens its embassy in Iran\n\n"
        f"Azerbaijan's embassy in Tehran resumed its work on Monday after {process} negotiations "
        "with Iran.\n\n"
        f"The embassy reopened after {process} talks between Azerbaijan and Iran, the ministry "
        "said on Monday.\n",
        published=date(2024, 7, 15),
    )
    entry = page.entry
    assert isinstance(entry, tracker.PresenceMeasure), page.reasons
    assert {entry.parties.first, entry.parties.second} == {"AZE", "IRN"}
