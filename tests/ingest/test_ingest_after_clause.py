"""A measure told in an "after" clause came before the news, however many words the clause
spends on who acted and on whom: the news is what the main verb tells."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

PAIRS = [("Chile", "Bolivia"), ("Kenya", "Somalia"), ("Portugal", "Angola")]
LEADS = ["a day after", "two days after", "hours after", "shortly after"]
MEASURES = [
    'named {other}\'s ambassador to the country "persona non grata"',
    "expelled the ambassador of {other} from the capital",
]


@given(st.sampled_from(PAIRS), st.sampled_from(LEADS), st.sampled_from(MEASURES))
def test_a_measure_in_a_long_after_clause_is_not_the_news(
    pair: tuple[str, str], lead: str, measure: str
) -> None:
    one, other = pair
    text = (
        f"{other} will keep its diplomatic relations with {one}, its president said on "
        f"Wednesday, {lead} {one} {measure.format(other=other)}.\n"
    )
    page = draft_article("page.txt", text, published=date(2022, 12, 21))
    assert not isinstance(page.entry, tracker.Expulsion), page.reasons


@given(st.sampled_from(PAIRS), st.sampled_from(MEASURES))
def test_the_same_measure_told_as_the_main_verb_is_the_news(
    pair: tuple[str, str], measure: str
) -> None:
    one, other = pair
    text = f"{one} {measure.format(other=other)} on Tuesday, its foreign ministry said.\n"
    page = draft_article("page.txt", text, published=date(2022, 12, 21))
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
