"""A measure taken the evening or night before its report is dated that day, read against the
dateline: "on Monday night", "late on Sunday", "last night", "overnight"."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest import draft_article

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def day_drafted(lead: str, published: date) -> str:
    text = f"Envoy summoned\n\nNEW DELHI (Reuters) - {lead}\n"
    draft = draft_article("page.txt", text, published=published)
    assert draft.entry is not None, draft.reasons
    return str(draft.entry.on)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=1, max_value=3),  # further back, it is background, not the news
    st.sampled_from(["on {day} night", "late on {day}", "on {day} evening", "late {day}"]),
)
def test_a_summons_told_with_a_weekday_night_is_dated_that_weekday(
    published: date, days_before: int, when: str
) -> None:
    day = published - timedelta(days=days_before)
    phrase = when.format(day=WEEKDAYS[day.weekday()])
    lead = (
        f"India's foreign ministry summoned the Chinese ambassador {phrase} to protest against "
        "the border clash, officials said."
    )
    assert day_drafted(lead, published) == str(day)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(["last night", "overnight"]),
)
def test_a_measure_taken_last_night_is_dated_the_day_before_the_report(
    published: date, phrase: str
) -> None:
    lead = f"India expelled two Chinese diplomats {phrase}, the foreign ministry said."
    assert day_drafted(lead, published) == str(published - timedelta(days=1))
