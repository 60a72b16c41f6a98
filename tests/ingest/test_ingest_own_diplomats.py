"""One's own diplomats recalled or withdrawn are a measure on one's presence (a recall), even
when a condemnation is told beside it."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

PAIRS = [("Chile", "Bolivia"), ("Kenya", "Somalia"), ("Portugal", "Angola")]
VERBS = ["has decided to withdraw all its", "recalled all of its", "withdrew its"]
WHOM = ["diplomats", "diplomatic staff"]


@given(st.sampled_from(PAIRS), st.sampled_from(VERBS), st.sampled_from(WHOM))
def test_own_diplomats_withdrawn_are_a_presence_measure(
    pair: tuple[str, str], verb: str, whom: str
) -> None:
    one, other = pair
    text = (
        f"The government of {one} {verb} {whom} from {other} for consultations, a minister "
        "told a press briefing on Monday.\n\n"
        f"The government also condemned the ambassador of {other} for remarks it called "
        "disparaging.\n"
    )
    page = draft_article("page.txt", text, published=date(2023, 11, 6))
    assert isinstance(page.entry, tracker.PresenceMeasure), page.reasons
