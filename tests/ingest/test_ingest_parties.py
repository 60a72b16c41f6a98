"""Parties of any pair: every sovereign state by its names, adjectives and capitals, the main
international organizations, and the words that name a state and something else."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest import draft_article
from tracker.ingest._data import load
from tracker.ingest._parties import named_pairs, party_mentions, party_name

STATES = load("countries")["countries"]
AMBIGUITY = load("countries")["ambiguity"]


def codes(text: str) -> list[str]:
    """The parties a sentence names, in order."""
    return [code for code, _ in party_mentions(text)]


def test_every_state_is_an_iso_country() -> None:
    for code in STATES.keys() - {"XKX"}:
        assert pycountry.countries.get(alpha_3=code) is not None, code
    assert pycountry.countries.get(alpha_3="XKX") is None
    # The 193 members of the United Nations, its two observer states, Taiwan and Kosovo.
    assert len(STATES) == 197


@given(st.sampled_from(sorted(STATES)))
def test_a_state_is_named_by_its_common_name(code: str) -> None:
    name = party_name(code)
    assert codes(f"Officials from {name} met on Tuesday.") == [code], name


@given(
    st.sampled_from(
        sorted((code, word) for code, spec in STATES.items() for word in spec.get("adjectives", ()))
    )
)
def test_a_state_is_named_by_its_adjective(code_and_word: tuple[str, str]) -> None:
    code, word = code_and_word
    assert codes(f"The {word} foreign minister said on Tuesday.") == [code]


@given(
    st.sampled_from(
        sorted((code, word) for code, spec in STATES.items() for word in spec.get("capitals", ()))
    )
)
def test_a_capital_speaks_for_its_government_but_is_a_place_after_in(
    code_and_word: tuple[str, str],
) -> None:
    code, word = code_and_word
    assert codes(f"{word} said on Tuesday it would respond.") == [code]
    assert codes(f"The envoys spoke in {word} on Tuesday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing said the British ambassador had been summoned.", ["CHN", "GBR"]),
        ("Ankara and Athens resumed talks.", ["TUR", "GRC"]),
        ("Papua New Guinea and Guinea-Bissau signed an accord with Guinea.", ["PNG", "GNB", "GIN"]),
        ("Niger and Nigeria closed their border.", ["NER", "NGA"]),
        ("South Sudan accused Sudan of shelling.", ["SSD", "SDN"]),
        ("North Korea fired a missile towards South Korea.", ["PRK", "KOR"]),
        ("The NATO-Russia Council met on Russia-Ukraine talks.", ["NATO", "RUS", "RUS", "UKR"]),
        ("The UN, the African Union and ASEAN sent observers.", ["UN", "AU", "ASEAN"]),
        ("The Council of Europe suspended Russia.", ["COE", "RUS"]),
        ("The Organization of American States met in Lima.", ["OAS"]),
    ],
)
def test_states_and_organizations_in_a_sentence(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chad Smith played the drums.",
        "Michael Jordan retired in 1993.",
        "The governor of Atlanta, Georgia, spoke.",
        "Students at Georgia Tech protested.",
        "Fighting flared on the Niger River.",
        "Congo held talks with Korea.",
        "The turkey was roasted for Thanksgiving.",
        "The envoys met in Corfu, Greece, on Tuesday.",
        "Leaders gathered at the G20 summit.",
        "The Group of Seven met in New Mexico.",
    ],
)
def test_words_that_name_something_else_name_no_party(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chad and Sudan signed a ceasefire.", ["TCD", "SDN"]),
        ("King Abdullah of Jordan met Israeli leaders.", ["JOR", "ISR"]),
        ("Russia, Georgia and Ukraine sent delegations.", ["RUS", "GEO", "UKR"]),
        ("In Georgia, voters went to the polls.", ["GEO"]),
        ("Speaking in Washington, Russia's ambassador said so.", ["RUS"]),
        # In a title-case headline, capitals tell nothing about names.
        ("Talks Resume for the First Time Since Georgia War", ["GEO"]),
    ],
)
def test_a_name_shared_with_a_person_or_place_still_names_the_state(
    text: str, expected: list[str]
) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("China on Monday expelled two British diplomats.", "CHN-GBR"),
        ("Turkey on Monday summoned the Swedish ambassador over a protest.", "SWE-TUR"),
        ("Japan on Monday suspended talks with North Korea.", "JPN-PRK"),
    ],
)
def test_a_page_about_any_pair_drafts_that_pair(body: str, parties: str) -> None:
    draft = draft_article("news.txt", body + "\n", published=date(2023, 3, 6))
    assert draft.entry is not None, draft.reasons
    assert str(draft.entry.parties) == parties


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("France broke off its talks with Iran on Lebanon.", ["FRA", "IRN"]),
        ("Poland criticised the German approach to Belarus.", ["POL", "DEU"]),
        ("Turkey and Greece discussed the situation in Libya.", ["TUR", "GRC"]),
        (
            "Japan and China agreed on a truce over the protracted conflict in Myanmar.",
            ["JPN", "CHN"],
        ),
    ],
)
def test_a_state_only_spoken_of_is_no_side(sentence: str, parties: list[str]) -> None:
    assert codes(sentence) == parties


def test_the_subject_of_suspended_talks_is_not_drafted_as_a_side() -> None:
    body = (
        "France suspends talks with Iran on Lebanon\n"
        "\n"
        "PARIS - France on Monday suspended its talks with Iran on Lebanon, accusing Tehran of "
        "arming Lebanese militias, in a new blow to the talks on Lebanon.\n"
    )
    draft = draft_article("talks.txt", body, published=date(2019, 3, 4))
    assert draft.entry is not None
    assert str(draft.entry.parties) == "FRA-IRN"


def test_kosovo_is_named_by_its_name_its_demonym_and_its_capital() -> None:
    assert codes("Serbia and Kosovo agreed on Monday.") == ["SRB", "XKX"]
    assert codes("Belgrade and Pristina will meet, a Kosovar official said.") == [
        "SRB",
        "XKX",
        "XKX",
    ]
    assert party_name("XKX") == "Kosovo"


def test_a_curly_apostrophe_names_the_same_state() -> None:
    assert codes("at the invitation of the People\u2019s Republic of China") == ["CHN"]
    assert codes("at the invitation of the People's Republic of China") == ["CHN"]
    assert codes("the Republic of China on Taiwan") == ["TWN", "TWN"]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("He met the foreign ministers of Armenia and Azerbaijan.", [("ARM", "AZE")]),
        ("the envoy for the Belgrade-Pristina dialogue", [("SRB", "XKX")]),
        ("the dialogue between Belgrade and Pristina", [("SRB", "XKX")]),
        ("talks between the US and China", [("USA", "CHN")]),
        (
            "The meeting between Foreign Minister of Azerbaijan Elmar Mammadyarov and Foreign "
            "Minister of Armenia Zohrab Mnatsakanyan, with Russian Foreign Minister Sergey Lavrov",
            [("AZE", "ARM")],
        ),
        ("Russia said on Monday and Ukraine agreed on Tuesday.", []),
        ("a meeting between officials of Russia said on Monday and Ukraine", []),
        ("Britain and France met in Paris.", []),
    ],
)
def test_two_parties_named_as_the_sides_are_a_pair(text: str, pairs: list[tuple[str, str]]) -> None:
    assert list(named_pairs(text)) == pairs


@pytest.mark.parametrize(
    ("lead", "parties"),
    [
        (
            "US Secretary of State Antony Blinken met the foreign ministers of Armenia and "
            "Azerbaijan in New York on Monday, the State Department said.",
            "ARM-AZE",
        ),
        (
            "EU envoy Miroslav Lajcak met Serbian officials in Brussels on Monday for the next "
            "round of the dialogue between Belgrade and Pristina, the EU said.",
            "SRB-XKX",
        ),
    ],
)
def test_a_host_or_mediator_is_no_side_of_the_meeting_it_holds(lead: str, parties: str) -> None:
    text = f"Ministers meet in New York\n\nNEW YORK (Reuters) - {lead}\n"
    draft = draft_article("news.txt", text, published=date(2022, 9, 19))
    assert draft.entry is not None
    assert str(draft.entry.parties) == parties


@pytest.mark.parametrize(
    "text",
    [
        "Greece met Turkey on the sidelines of the NATO summit in Vilnius.",
        "Greece met Turkey on the margins of the annual UN General Assembly.",
        "Greece met Turkey at the sidelines of a European Union summit.",
    ],
)
def test_the_forum_on_whose_sidelines_the_sides_meet_is_no_party(text: str) -> None:
    assert codes(text) == ["GRC", "TUR"]
