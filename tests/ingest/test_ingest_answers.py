"""Which of two events is the news, and whose: a measure and the force it answers, a measure
told with words of blame, a word that only qualifies another, talks one is due to hold, the
side that acts in the lead, and a third state that took the same step before."""

from __future__ import annotations

from datetime import date

import pytest
from drawn_pairs import State, drafted_as, pairs
from hypothesis import given, settings

import tracker
from tracker.ingest._events import read_events
from tracker.ingest._page import read_page

STATES = [
    ("Lebanon", "Lebanese", "Beirut", "LBN"),
    ("Sweden", "Swedish", "Stockholm", "SWE"),
    ("Kenya", "Kenyan", "Nairobi", "KEN"),
    ("Norway", "Norwegian", "Oslo", "NOR"),
    ("Peru", "Peruvian", "Lima", "PER"),
    ("Chile", "Chilean", "Santiago", "CHL"),
]
PAIRS = pairs(STATES)
#: Three different states: the one that acts, the one its act bears on, and a third.
TRIOS = PAIRS.flatmap(
    lambda pair: (
        pairs(STATES)
        .filter(lambda other: other[0] not in pair)
        .map(lambda other: (*pair, other[0]))
    )
)


@settings(max_examples=15, deadline=None)
@given(PAIRS)
def test_an_envoy_summoned_home_is_recalled_not_a_rebuke(pair: tuple[State, State]) -> None:
    (one, _, _, one_code), (other, other_adj, capital, other_code) = pair
    text = (
        f"On Monday, {one} summoned home its {other_adj} ambassador after {other} launched a "
        f"missile strike on a border town.\n\n"
        f"The foreign ministry in {capital} was told of the step in a note.\n"
    )
    drafted_as(text, tracker.PresenceMeasure, {one_code, other_code}, by=one_code)


@settings(max_examples=15, deadline=None)
@given(PAIRS)
def test_strikes_a_verb_of_blame_takes_as_its_object_are_what_it_answers(
    pair: tuple[State, State],
) -> None:
    (one, _, _, one_code), (_, other_adj, _, other_code) = pair
    text = (
        f"{one} condemns {other_adj} air strikes as a breach of its sovereignty\n\n"
        f"{one} on Monday condemned a wave of {other_adj} air strikes on its soil "
        "aimed at armed groups, calling them a hostile act.\n\n"
        "The government spokesman said the strikes breached international law.\n"
    )
    drafted_as(text, tracker.Condemnation, {one_code, other_code}, by=one_code)


@settings(max_examples=15, deadline=None)
@given(PAIRS)
def test_a_strike_the_lead_tells_is_the_news_the_blame_lower_down_follows(
    pair: tuple[State, State],
) -> None:
    (one, one_adj, _, one_code), (other, other_adj, capital, other_code) = pair
    text = (
        f"{one} on Tuesday targeted several residential buildings housing the leaders of an "
        f"armed group in the {other_adj} capital {capital}.\n\n"
        f'The {one_adj} army said: "We conducted a precise strike on the leadership of the '
        'group."\n\n'
        f"{other} condemned the attack in the strongest terms.\n"
    )
    drafted_as(text, tracker.UseOfForce, {one_code, other_code})


@settings(max_examples=15, deadline=None)
@given(PAIRS)
def test_an_embassy_closing_told_with_words_of_blame_is_the_measure(
    pair: tuple[State, State],
) -> None:
    (one, one_adj, _, one_code), (other, _, capital, other_code) = pair
    text = (
        f"{one} is closing its embassy in {capital} in protest at {other}'s decision to "
        "back a case against it.\n\n"
        f"The {one_adj} foreign minister, who confirmed the embassy closure in a statement on "
        f"Sunday, condemned {other} for what he called its hostile policies.\n"
    )
    drafted_as(text, tracker.PresenceMeasure, {one_code, other_code}, by=one_code)


@settings(max_examples=15, deadline=None)
@given(PAIRS)
def test_a_verb_in_an_opening_of_aims_does_not_type_the_meeting(
    pair: tuple[State, State],
) -> None:
    (_, one_adj, _, one_code), (_, other_adj, capital, other_code) = pair
    text = (
        "In an effort to improve military and trade ties, step up joint work against smuggling "
        "across the border, and mend relations following years of quarrels, the "
        f"{one_adj} prime minister met the {other_adj} president on Monday in {capital}.\n\n"
        "The two leaders spoke for two hours.\n"
    )
    drafted_as(text, tracker.InformalMeeting, {one_code, other_code})


@pytest.mark.parametrize(
    ("guest", "host", "capital"), [("Ruiz", "Berg", "Stockholm"), ("Okoth", "Moreno", "Lima")]
)
def test_talks_one_arrived_and_is_due_to_hold_lie_ahead(
    guest: str, host: str, capital: str
) -> None:
    text = (
        f'{guest} arrived in {capital} on Monday afternoon and was due to hold "informal" '
        f"talks with {host}, followed by dinner.\n"
    )
    reading = read_events(read_page("page.txt", text), date(2024, 3, 4))
    talks = [m for m in reading.mentions if m.trigger == "talks"]
    assert talks
    assert all(m.planned for m in talks)


@settings(max_examples=15, deadline=None)
@given(TRIOS)
def test_the_side_that_acts_in_the_lead_is_a_party_whoever_else_is_named_more(
    trio: tuple[State, State, str],
) -> None:
    (one, _, _, one_code), (other, other_adj, _, other_code), third = trio
    text = (
        f"{one}'s president announced on Monday that the country will expel {other}'s "
        f"ambassador and two {third} diplomats, over people sheltered at the {other_adj} "
        "embassy.\n\n"
        f"{third} said its diplomats had done nothing wrong. {third} asked for calm, and "
        f"{third} said it would answer. The people sheltered are nationals of {third}.\n"
    )
    drafted_as(text, tracker.Expulsion, {one_code, other_code})


@settings(max_examples=15, deadline=None)
@given(TRIOS)
def test_a_third_state_that_took_the_same_step_before_is_not_of_the_pair(
    trio: tuple[State, State, str],
) -> None:
    (one, _, _, one_code), (other, _, _, other_code), third = trio
    text = (
        f"{one} has announced the immediate severance of diplomatic relations with {other}, "
        f"citing its support for armed groups in {third}.\n\n"
        f"{third}'s government declared its decision to cut diplomatic ties with {other} "
        f"after a deadly attack in {third}.\n\n"
        f"On Monday {third} cut ties with {other} over the attack.\n"
    )
    drafted_as(text, tracker.Suspension, {one_code, other_code})


@settings(max_examples=15, deadline=None)
@given(TRIOS)
def test_the_two_named_after_between_are_the_sides_of_relations_established(
    trio: tuple[State, State, str],
) -> None:
    (one, _, _, one_code), (other, _, _, other_code), third = trio
    text = (
        f"A month after a deal between {one} and {third} for full normalisation of ties, a "
        f"deal was brokered on Monday to establish full diplomatic relations between {one} "
        f"and another nation -- {other}.\n\n"
        "The leaders spoke by telephone on Monday and agreed to the establishment of full "
        "diplomatic relations.\n"
    )
    drafted_as(text, tracker.ChannelEstablished, {one_code, other_code})


@settings(max_examples=15, deadline=None)
@given(PAIRS)
def test_missiles_launched_at_an_airbase_are_force(pair: tuple[State, State]) -> None:
    (one, _, _, one_code), (_, other_adj, _, other_code) = pair
    text = (
        f"On Monday, {one} launched 40 cruise missiles from two warships at the {other_adj} "
        "airbase of Tal Hamra.\n\n"
        "The defence ministry said the action answered a raid on a border village.\n"
    )
    drafted_as(text, tracker.UseOfForce, {one_code, other_code}, by=one_code)


@settings(max_examples=15, deadline=None)
@given(PAIRS)
def test_a_border_reopened_is_a_decision_of_the_side_that_reopens_it(
    pair: tuple[State, State],
) -> None:
    (one, _, _, one_code), (other, _, _, other_code) = pair
    text = (
        f"{one} will reopen the land border with {other} after two years\n\n"
        f"{one} announced on Monday the reopening of its land border with {other} after a "
        "two-year closure, in a sign of warmer relations between the neighbours.\n"
    )
    drafted_as(text, tracker.MinisterialDecision, {one_code, other_code})


@settings(max_examples=15, deadline=None)
@given(PAIRS)
def test_an_ambassador_deprived_of_accreditation_is_sent_away(pair: tuple[State, State]) -> None:
    (one, _, capital, one_code), (_, other_adj, _, other_code) = pair
    text = (
        f"{one} on Monday deprived the {other_adj} ambassador of his accreditation and cut the "
        f"staff of the {other_adj} embassy in {capital}.\n"
    )
    drafted_as(text, tracker.Expulsion, {one_code, other_code}, by=one_code)
