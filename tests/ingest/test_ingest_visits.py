"""Meetings held and visits announced: the day a page is dated by when a site banner shows the
day it was read, and what the draft of such a page keeps."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from plain_states import plain_names

import tracker
from tracker.ingest import draft_article
from tracker.ingest._stamps import Trust, find_stamps

DAYS = st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31))
PUBLISHED = date(2024, 3, 4)  # a Monday
STATES = plain_names("will travel to")


def _shown(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _banner_page(read: date, published: date) -> str:
    return (
        "The Evening Courier\n"
        "Home | World | Business | Opinion\n"
        f"Today: {_shown(read)}\n\n"
        "Leaders of Chile and Peru met in Lima for border talks\n\n"
        f"{_shown(published)}\n\n"
        "LIMA — The presidents of Chile and Peru held talks in Lima on Monday on the border "
        "they share and on trade between them, officials of both governments said.\n"
    )


@given(DAYS, st.integers(min_value=1, max_value=4000))
def test_a_banner_s_today_gives_way_to_the_article_s_own_day(published: date, later: int) -> None:
    read = date.fromordinal(published.toordinal() + later)
    text = _banner_page(read, published)
    stamps = find_stamps(text)
    assert [(stamp.day, stamp.trust) for stamp in stamps] == [
        (read, Trust.BANNER),
        (published, Trust.PAGE),
    ]
    draft = draft_article("page.txt", text)
    assert draft.published == published
    assert draft.stamp == stamps[1]


def test_a_banner_s_today_dates_a_page_that_shows_no_other_day() -> None:
    text = (
        "The Evening Courier\n"
        "Today is: March 4, 2024\n\n"
        "The foreign ministers of Chile and Peru met in Lima on Monday for talks on their "
        "border, officials of both governments said.\n"
    )
    draft = draft_article("page.txt", text)
    assert draft.published == date(2024, 3, 4)
    evidence = draft.evidence_for("published")
    assert evidence is not None
    assert "the day the page was read" in evidence.note


@given(
    st.lists(st.sampled_from(STATES), min_size=3, max_size=3, unique_by=lambda state: state[1]),
    st.integers(min_value=33, max_value=59),
    st.sampled_from(["will travel to", "is to fly to", "will head to"]),
)
def test_a_trip_s_day_is_the_pair_s_though_its_sentence_tells_another_event(
    states: list[tuple[str, str]], ahead: int, goes: str
) -> None:
    (guest, code), (host, other), (third, _) = states
    day = PUBLISHED + timedelta(days=ahead)
    page = draft_article(
        "page.txt",
        f"President of {guest} will visit {host} next month\n\n"
        f"The president of {guest} will visit {host} next month for talks with its leaders, "
        "his office said on Monday.\n\n"
        f"The president {goes} {host} on {day:%B} {day.day}, after attending a regional "
        f"summit in {third}.\n",
        published=PUBLISHED,
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert {entry.parties.first, entry.parties.second} == {code, other}
    assert (entry.planned.expected.start, entry.planned.expected.end) == (day, day)


def test_a_day_told_only_of_another_party_s_event_is_not_the_trip_s() -> None:
    page = draft_article(
        "page.txt",
        "President of Chile will visit Peru next month\n\n"
        "The president of Chile will visit Peru next month for talks with its leaders, his "
        "office said on Monday.\n\n"
        "He will first attend a regional summit in Brazil on April 9, and then go on to Peru.\n",
        published=PUBLISHED,
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert entry.planned.expected.start == date(2024, 4, 1)
    assert entry.planned.expected.end == date(2024, 4, 30)


HELD = [
    "The leaders of {one} and {two} convened at a naval base near the border on Monday",
    "The presidents of {one} and {two} shook hands in front of cameras on Monday",
    "The president of {one} greeted the prime minister of {two} at the city's airport on Monday",
    "The prime minister of {one} welcomed the president of {two} at the railway station on Monday",
]


@given(
    st.lists(st.sampled_from(STATES), min_size=2, max_size=2, unique_by=lambda state: state[1]),
    st.sampled_from(HELD),
)
def test_leaders_who_convene_shake_hands_or_greet_each_other_on_arrival_have_met(
    states: list[tuple[str, str]], told: str
) -> None:
    (one, code), (two, other) = states
    sentence = told.format(one=one, two=two)
    page = draft_article(
        "page.txt",
        f"Leaders of two states together\n\n{sentence}, officials said.\n",
        published=PUBLISHED,
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert {entry.parties.first, entry.parties.second} == {code, other}
    assert entry.on == PUBLISHED
