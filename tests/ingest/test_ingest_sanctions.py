"""Economic measures (sanctions) drafted from articles: who imposes them on whom, their kind and
what they bear on, and their lifting, a decision of the side that took them."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

#: (the side that acts, its code, its adjective, the other side, its code, its adjective).
PAIRS = [
    ("Canada", "CAN", "Canadian", "Iran", "IRN", "Iranian"),
    ("Japan", "JPN", "Japanese", "North Korea", "PRK", "North Korean"),
    ("Norway", "NOR", "Norwegian", "Belarus", "BLR", "Belarusian"),
]

#: How a measure is told, with the kind and the target it is drafted with.
MEASURES = [
    ("imposed a 25% tariff on all imports from {other}", "duties", "goods"),
    ("banned imports of fruit and vegetables from {other}", "embargo", "goods"),
    ("froze the assets of 12 officials of {other}", "asset_freeze", "persons"),
    ("introduced export controls on machine tools bound for {other}", "export_controls", "goods"),
    ("imposed a travel ban on senior officials of {other}", "travel_ban", "persons"),
    ("barred {other_adj} lawmakers from entering the country", "travel_ban", "persons"),
]


@given(st.sampled_from(PAIRS), st.sampled_from(MEASURES))
def test_sanctions_imposed_are_an_economic_measure_of_the_side_that_imposes_them(
    pair: tuple[str, str, str, str, str, str], measure: tuple[str, str, str]
) -> None:
    one, one_code, _, other, other_code, other_adj = pair
    told, kind, target = measure
    text = (
        f"{one} on Tuesday {told.format(other=other, other_adj=other_adj)}, the foreign "
        f"ministry said, over the crackdown on protesters in {other}.\n"
    )
    page = draft_article("page.txt", text, published=date(2022, 5, 11))
    entry = page.entry
    assert isinstance(entry, tracker.EconomicMeasure), page.reasons
    assert entry.by == one_code
    assert {entry.parties.first, entry.parties.second} == {one_code, other_code}
    assert entry.kind == kind
    assert target in entry.targets
    assert entry.on == date(2022, 5, 10)


def test_the_persons_a_listing_names_are_counted() -> None:
    text = (
        "Canada on Monday froze the assets of 12 officials and two banks of Iran over the "
        "crackdown on protesters, the government said.\n"
    )
    page = draft_article("page.txt", text, published=date(2022, 10, 4))
    assert isinstance(page.entry, tracker.EconomicMeasure), page.reasons
    assert page.entry.count == 12
    assert page.entry.persons == "12 officials"


def test_a_day_it_takes_force_is_its_effective_day() -> None:
    text = (
        "Norway has imposed a ban on imports of timber from Belarus, with effect from "
        "June 1, 2022, the trade ministry said on Wednesday.\n"
    )
    page = draft_article("page.txt", text, published=date(2022, 5, 11))
    assert isinstance(page.entry, tracker.EconomicMeasure), page.reasons
    assert page.entry.effective == date(2022, 6, 1)


@given(st.sampled_from(PAIRS), st.sampled_from(["lifted", "removed", "scrapped"]))
def test_sanctions_lifted_are_the_decision_of_the_side_that_took_them(
    pair: tuple[str, str, str, str, str, str], verb: str
) -> None:
    one, one_code, _, other, _, _ = pair
    text = (
        f"{one} on Thursday {verb} the sanctions it imposed on {other} in 2020, after the "
        "release of political prisoners, the government said.\n"
    )
    page = draft_article("page.txt", text, published=date(2023, 3, 3))
    entry = page.entry
    assert isinstance(entry, tracker.MinisterialDecision), page.reasons
    assert entry.by == one_code
    assert [lift.target for lift in entry.lifts] == [f"{one_code.lower()}_sanctions"]


def test_a_lift_names_what_the_measure_is_named_so_replay_ends_it() -> None:
    imposed = draft_article(
        "a.txt",
        "Japan on Tuesday imposed a ban on imports of coal from North Korea, the government "
        "said.\n",
        published=date(2022, 5, 11),
    ).entry
    lifted = draft_article(
        "b.txt",
        "Japan on Friday lifted the ban on imports of coal from North Korea, the government "
        "said.\n",
        published=date(2023, 6, 2),
    ).entry
    assert isinstance(imposed, tracker.EconomicMeasure)
    assert isinstance(lifted, tracker.MinisterialDecision)
    assert [lift.target for lift in lifted.lifts] == [imposed.measure]


@given(
    st.sampled_from(
        [
            "The economy of Iran has shrunk under sanctions imposed by Canada and others.",
            "Iran has long evaded the sanctions Canada imposed on its oil sector.",
            "Canada said it is considering sanctions on Iran.",
            "Canada could impose sanctions on Iran if the talks fail, the minister said.",
        ]
    )
)
def test_sanctions_spoken_of_threatened_or_lived_under_are_no_measure(sentence: str) -> None:
    page = draft_article("page.txt", sentence + "\n", published=date(2022, 5, 11))
    assert not isinstance(page.entry, tracker.EconomicMeasure), page.reasons
