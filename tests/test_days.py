"""A day as a log states it: written back as stated at every precision, and holding nothing
beyond its date and its precision (a long log decodes a day for nearly every entry)."""

from __future__ import annotations

import pickle
import sys
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tracker._dates import Day, Precision, parse_stated_day


class _Precise(date):
    """A date and one more field: all a day needs to hold."""

    __slots__ = ("precision",)


DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(DAYS, st.sampled_from(list(Precision)))
def test_a_day_is_written_as_stated_and_read_back_as_it_was(
    day: date, precision: Precision
) -> None:
    stated = parse_stated_day(str(Day.of(day, precision)))
    expected = Day.of(day, precision)
    if precision is not Precision.DAY:  # a coarse day stands on the first of its period
        expected = Day.of(
            date(day.year, 1 if precision is Precision.YEAR else day.month, 1), precision
        )
    assert stated == expected
    assert stated.precision is precision
    assert str(stated) == str(expected) == str(stated)
    assert len(str(stated)) == {Precision.DAY: 10, Precision.MONTH: 7, Precision.YEAR: 4}[precision]
    assert pickle.loads(pickle.dumps(stated)).precision is precision


@given(DAYS)
def test_a_day_written_out_keeps_no_copy_of_its_text(day: date) -> None:
    stated = Day.of(day)
    size = sys.getsizeof(stated)
    assert str(stated) == day.isoformat()
    alone = _Precise(day.year, day.month, day.day)
    assert sys.getsizeof(stated) == size == sys.getsizeof(alone)  # its precision alone
