"""Events no article reports: a summons drafted as talks, a pair taken from history recalled,
relations established drafted as a declaration, a measure dated by the cause it answers."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

#: Pairs of states and their adjectives, the first summoning or expelling the second's envoy.
PAIRS = [
    ("Chile", "Chilean", "Peru", "Peruvian"),
    ("Kenya", "Kenyan", "Somalia", "Somali"),
    ("Poland", "Polish", "Belarus", "Belarusian"),
]
CODES = {"Chile": "CHL", "Peru": "PER", "Kenya": "KEN", "Somalia": "SOM", "Poland": "POL"}
CODES |= {"Belarus": "BLR"}


@given(st.sampled_from(PAIRS), st.sampled_from(["was summoned", "has been summoned"]))
def test_a_summons_told_in_the_passive_is_a_protest_not_talks(
    pair: tuple[str, str, str, str], summoned: str
) -> None:
    _, one_adj, other, other_adj = pair
    text = (
        f"{other_adj} ambassador Ana Ruiz {summoned} to the {one_adj} foreign "
        "ministry on Tuesday over remarks by her government.\n\n"
        f'"At a meeting with Deputy Foreign Minister Jorge Vera, the {one_adj} side lodged a '
        f'protest over statements of {other} that harm relations," the ministry said.\n'
    )
    page = draft_article("page.txt", text, published=date(2024, 3, 5))
    assert isinstance(page.entry, tracker.Condemnation), page.reasons
    assert any("summoned" in reason and "meeting" in reason for reason in page.reasons)


def test_ones_own_envoy_summoned_home_is_no_rebuke() -> None:
    text = (
        "Chile's ambassador in Lima was summoned home for consultations on Tuesday, the "
        "Chilean foreign ministry said.\n"
    )
    page = draft_article("page.txt", text, published=date(2024, 3, 5))
    assert not isinstance(page.entry, tracker.Condemnation), page.reasons


@given(
    st.sampled_from(PAIRS),
    st.sampled_from(
        [
            "During the Cold War, the United States and Russia expelled each other's diplomats "
            "by the dozen, but never an ambassador.",
            "At the height of US-Russia expulsions in the 1980s, neither side sent an ambassador "
            "home.",
        ]
    ),
)
def test_history_recalled_gives_neither_the_pair_nor_the_event(
    pair: tuple[str, str, str, str], history: str
) -> None:
    one, _one_adj, other, other_adj = pair
    text = (
        f"{one} expelled the {other_adj} ambassador on Friday, giving him three days to leave.\n\n"
        f"{history}\n\n"
        f"It is rare for {one} to expel an ambassador of {other}.\n"
    )
    page = draft_article("page.txt", text, published=date(2025, 3, 15))
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert {page.entry.parties.first, page.entry.parties.second} == {CODES[one], CODES[other]}
    assert any("history recalled" in reason for reason in page.reasons)


@given(st.sampled_from(["have established diplomatic relations", "established diplomatic ties"]))
def test_relations_established_set_up_the_channel_of_relations(established: str) -> None:
    text = (
        f"Suva, Sep 28 (AFP) Fiji and Tonga {established}, state media reported Saturday, "
        "days after Tonga cut its ties with a third government. Foreign ministers of the two "
        "countries on Friday signed a joint communique to establish diplomatic relations "
        "at a ceremony in New York.\n"
    )
    page = draft_article("page.txt", text, published=date(2019, 9, 28))
    assert isinstance(page.entry, tracker.ChannelEstablished), page.reasons
    assert page.entry.channel == "diplomatic_relations"
    # The dateline and the day of the report are not the day it was done.
    assert page.entry.on == date(2019, 9, 27)


def test_re_established_relations_are_restored_not_set_up() -> None:
    text = (
        "Fiji and Tonga re-established diplomatic relations on Friday, ending a break of "
        "three years, the two governments said.\n"
    )
    page = draft_article("page.txt", text, published=date(2019, 9, 28))
    assert isinstance(page.entry, tracker.MinisterialDecision), page.reasons


def test_an_anniversary_of_relations_is_no_event() -> None:
    text = (
        "The president of Fiji will pay a state visit to Tonga from October 3 to 5, the "
        "ministry said on Monday. The visit falls on the 40th anniversary of the establishment "
        "of diplomatic relations between the two countries.\n"
    )
    page = draft_article("page.txt", text, published=date(2023, 9, 25))
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons


@given(
    st.sampled_from(PAIRS),
    st.sampled_from(["as anger grows over", "amid protests at", "because of"]),
)
def test_a_day_in_the_clause_of_a_cause_dates_the_cause_not_the_measure(
    pair: tuple[str, str, str, str], cause: str
) -> None:
    one, one_adj, _, other_adj = pair
    text = (
        f"The {one_adj} government has decided to expel the {other_adj} ambassador {cause} "
        f"the burning of a flag in {one} last month.\n"
    )
    page = draft_article("page.txt", text, published=date(2023, 7, 20))
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.on == date(2023, 7, 20)
