"""Meetings held and visits announced: the day a page is dated by when a site banner shows the
day it was read, and what the draft of such a page keeps."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest import draft_article
from tracker.ingest._stamps import Trust, find_stamps

DAYS = st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31))


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
