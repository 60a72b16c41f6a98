"""Time phrases resolved against the publication day, by the rules of the timeline spec."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker import DateWindow
from tracker.ingest import Tense, find_dates

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def only(sentence: str, published: date) -> tuple[str, DateWindow, Tense]:
    """The one time expression of a sentence."""
    found = find_dates(sentence, published)
    assert len(found) == 1, found
    return found[0].phrase, found[0].window, found[0].tense


def days() -> st.SearchStrategy[date]:
    """Publication days between 1990 and 2040; shrinks towards 1990-01-01."""
    return st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@pytest.mark.parametrize(
    ("sentence", "published", "phrase", "window"),
    [
        (
            "NATO and Russia will Friday hold their first contact.",
            "2008-12-18",
            "Friday",
            "2008-12-19",
        ),
        ("They met over lunch Friday in Brussels.", "2008-12-19", "Friday", "2008-12-19"),
        ("NATO on Tuesday agreed to resume contacts.", "2008-12-02", "on Tuesday", "2008-12-02"),
        ("NATO said Monday that talks went well.", "2009-01-27", "Monday", "2009-01-26"),
        ("The minister said so yesterday.", "2009-03-06", "yesterday", "2009-03-05"),
        (
            "They would hold a meeting next month.",
            "2008-12-19",
            "next month",
            "2009-01-01..2009-01-31",
        ),
        (
            "Ministers agreed earlier this month to resume contacts.",
            "2008-12-19",
            "earlier this month",
            "2008-12-01..2008-12-18",
        ),
        ("Russia threatened it last month.", "2008-12-18", "last month", "2008-11-01..2008-11-30"),
        (
            "The lunch should be followed in mid-January by a session.",
            "2008-12-19",
            "in mid-January",
            "2009-01-11..2009-01-20",
        ),
        (
            "They look forward to engagement in coming weeks.",
            "2009-01-26",
            "in coming weeks",
            "2009-01-26..2009-03-09",
        ),
        (
            "It could take place as early as the second half of February.",
            "2009-01-26",
            "as early as the second half of February",
            "2009-02-15..2009-02-28",
        ),
        (
            "Contacts were frozen after last year's war.",
            "2009-01-26",
            "last year's",
            "2008-01-01..2008-12-31",
        ),
        ("A summit next April would decide.", "2008-12-02", "next April", "2009-04-01..2009-04-30"),
        (
            "They will meet in early March.",
            "2009-01-26",
            "in early March",
            "2009-03-01..2009-03-10",
        ),
        ("They will meet in late March.", "2009-01-26", "in late March", "2009-03-21..2009-03-31"),
        ("The December 19 meeting took place.", "2008-12-20", "December 19", "2008-12-19"),
        ("A conference on Feb. 6 will follow.", "2009-01-26", "on Feb. 6", "2009-02-06"),
        ("The council was set up in 2002.", "2008-12-19", "in 2002", "2002-01-01..2002-12-31"),
        (
            "Troops went in after the August war.",
            "2008-12-02",
            "the August",
            "2008-08-01..2008-08-31",
        ),
    ],
)
def test_phrases_resolve_to_their_windows(
    sentence: str, published: str, phrase: str, window: str
) -> None:
    found_phrase, found_window, _ = only(sentence, date.fromisoformat(published))
    assert (found_phrase, str(found_window)) == (phrase, window)


def test_a_month_name_is_capitalised_so_the_verb_may_is_no_month() -> None:
    assert find_dates("Russia may respond in kind.", date(2009, 1, 1)) == ()


@given(days(), st.sampled_from(WEEKDAYS))
def test_a_weekday_in_the_past_tense_is_the_nearest_on_or_before_publication(
    published: date, weekday: str
) -> None:
    _, window, tense = only(f"The ministers met on {weekday} in Brussels.", published)
    assert tense is Tense.PAST
    assert window.days == 1
    assert WEEKDAYS[window.start.weekday()] == weekday
    assert published - timedelta(days=6) <= window.start <= published


@given(days(), st.sampled_from(WEEKDAYS))
def test_a_weekday_in_the_future_tense_is_the_nearest_on_or_after_publication(
    published: date, weekday: str
) -> None:
    _, window, tense = only(f"The ministers will meet on {weekday} in Brussels.", published)
    assert tense is Tense.FUTURE
    assert WEEKDAYS[window.start.weekday()] == weekday
    # A preview published on the day of the meeting speaks of that very day.
    assert published <= window.start < published + timedelta(days=7)


@given(days(), st.sampled_from(WEEKDAYS))
def test_next_weekday_is_strictly_after_publication(published: date, weekday: str) -> None:
    _, window, _ = only(f"The ministers will meet next {weekday} in Brussels.", published)
    assert WEEKDAYS[window.start.weekday()] == weekday
    assert published < window.start <= published + timedelta(days=7)


@given(days(), st.sampled_from(["January", "April", "July", "October", "December"]))
def test_mid_month_is_the_eleventh_to_the_twentieth(published: date, month: str) -> None:
    _, window, _ = only(f"They will meet in mid-{month}.", published)
    # Told on one of its own days, the span starts the day after the telling.
    told_within = window.end.replace(day=11) <= published < window.end
    first = published.day + 1 if told_within else 11
    assert (window.start.day, window.end.day) == (first, 20)
    assert window.start.strftime("%B") == month
    assert window.end >= published


@given(days())
def test_coming_weeks_are_the_next_six_weeks(published: date) -> None:
    _, window, tense = only("Talks will follow in the coming weeks.", published)
    assert tense is Tense.FUTURE
    assert window == DateWindow(published, published + timedelta(weeks=6))


@given(days())
def test_next_month_follows_the_month_of_publication(published: date) -> None:
    _, window, _ = only("A session is planned next month.", published)
    assert window.start == (published.replace(day=28) + timedelta(days=4)).replace(day=1)
    assert window.start.day == 1
    assert (window.end + timedelta(days=1)).day == 1


@pytest.mark.parametrize(
    ("sentence", "published", "window"),
    [
        (
            "The allies criticised NATO's October 6 move, officials said.",
            "2009-11-02",
            "2009-10-06",
        ),
        (
            "The council will decide in line with the declaration of 6 March.",
            "2014-03-17",
            "2014-03-06",
        ),
    ],
)
def test_a_day_naming_an_act_or_a_document_is_past(
    sentence: str, published: str, window: str
) -> None:
    [mention] = [
        m for m in find_dates(sentence, date.fromisoformat(published)) if m.window.days == 1
    ]
    assert (str(mention.window), mention.tense) == (window, Tense.PAST)


def test_to_before_a_place_is_no_future() -> None:
    _, window, tense = only("During my visit to Kyiv in February, they agreed.", date(2011, 4, 15))
    assert tense is not Tense.FUTURE
    assert str(window) == "2011-02-01..2011-02-28"


def test_what_since_bounds_lies_behind() -> None:
    sentence = (
        "Parliament voted to suspend the talks over the crackdown since a coup attempt in July."
    )
    _, window, tense = only(sentence, date(2016, 11, 24))
    assert (str(window), tense) == ("2016-07-01..2016-07-31", Tense.PAST)


def test_a_day_before_that_dates_the_telling_not_what_is_told() -> None:
    sentence = "The envoy told the OSCE Permanent Council on March 2 that Moscow will not stay."
    _, window, tense = only(sentence, date(2021, 3, 18))
    assert (str(window), tense) == ("2021-03-02", Tense.PAST)


@pytest.mark.parametrize(
    ("sentence", "window"),
    [
        ("The council will meet in Thessaloniki in the fall.", ("2023-09-01", "2023-11-30")),
        ("The council meeting will be held in autumn.", ("2023-09-01", "2023-11-30")),
        ("The ministers met in the spring, officials said.", ("2023-03-01", "2023-05-31")),
        ("They will meet again in the spring.", ("2024-03-01", "2024-05-31")),
    ],
)
def test_a_season_named_alone_is_the_one_its_tense_points_to(
    sentence: str, window: tuple[str, str]
) -> None:
    [found] = find_dates(sentence, date(2023, 7, 13))
    assert found.window == DateWindow(*map(date.fromisoformat, window))


def test_the_fall_of_a_city_is_no_season() -> None:
    assert find_dates("Talks resumed after the fall of Kabul.", date(2023, 7, 13)) == ()
