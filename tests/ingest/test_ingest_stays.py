"""A stay of several days, told by its first and last day or by its length, is one window."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest import Tense, find_dates

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "March", "May", "July", "September", "November")
LENGTHS = {"two": 2, "three": 3, "four": 4, "five": 5}


def days() -> st.SearchStrategy[date]:
    """Publication days between 1990 and 2040."""
    return st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@given(days(), st.sampled_from(MONTHS), st.integers(1, 27), st.integers(1, 3))
def test_a_stay_from_one_day_to_another_of_a_month_is_the_whole_stay(
    published: date, month: str, first: int, length: int
) -> None:
    for sentence in (
        f"The minister will pay an official visit from {month} {first} to {first + length}.",
        f"The minister will be in the capital {first}-{first + length} {month} for talks.",
        f"The leaders will hold talks on {month} {first} and {first + length}.",
    ):
        [found] = find_dates(sentence, published)
        assert found.window.start.day == first
        assert found.window.start.strftime("%B") == month
        assert found.window.days == length + 1


@given(days(), st.sampled_from(WEEKDAYS), st.integers(1, 3))
def test_two_weekdays_ahead_are_the_days_from_the_first_to_the_second(
    published: date, first: str, gap: int
) -> None:
    last = WEEKDAYS[(WEEKDAYS.index(first) + gap) % 7]
    sentence = f"The state visit will take place next {first} and {last}, the ministry said."
    found = [mention for mention in find_dates(sentence, published) if mention.window.days > 1]
    [stay] = found
    assert stay.tense is Tense.FUTURE
    assert WEEKDAYS[stay.window.start.weekday()] == first
    assert published < stay.window.start <= published + timedelta(days=7)
    assert stay.window.days == gap + 1


@given(days(), st.sampled_from(WEEKDAYS), st.integers(1, 3))
def test_two_weekdays_in_the_past_end_on_or_before_the_report(
    published: date, first: str, gap: int
) -> None:
    last = WEEKDAYS[(WEEKDAYS.index(first) + gap) % 7]
    [stay] = find_dates(f"The envoys met on {first} and {last} in Geneva.", published)
    assert stay.tense is Tense.PAST
    assert WEEKDAYS[stay.window.last.weekday()] == last
    assert published - timedelta(days=6) <= stay.window.last <= published
    assert stay.window.days == gap + 1


@given(days(), st.sampled_from(WEEKDAYS), st.sampled_from(sorted(LENGTHS)))
def test_a_day_that_opens_a_stay_of_some_days_gives_the_whole_stay(
    published: date, weekday: str, length: str
) -> None:
    for sentence in (
        f"The foreign minister will arrive on {weekday} for a {length}-day stay.",
        f"The president will begin a {length}-day state visit to Vietnam on {weekday}.",
    ):
        [found] = find_dates(sentence, published)
        assert WEEKDAYS[found.window.start.weekday()] == weekday
        assert found.window.days == LENGTHS[length]


@given(days(), st.sampled_from(WEEKDAYS))
def test_a_day_that_closes_a_stay_is_only_that_day(published: date, weekday: str) -> None:
    [found] = find_dates(f"The two-day summit ended on {weekday}.", published)
    assert found.window.days == 1


def test_a_span_whose_last_day_comes_before_its_first_is_no_stay() -> None:
    found = find_dates("The talks of June 20 to 5 delegates went well.", date(2020, 6, 1))
    assert found
    assert all(mention.window.days == 1 for mention in found)
