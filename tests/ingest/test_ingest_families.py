"""The type and the pair of a news event, read from the structure of the report: states that
act together are one side, an accord ended is a measure ending cooperation, a request to hold
talks is a proposal, relations restored are the restoration and not the visit they came with,
and what the lead tells as coming before its own day is background."""

from __future__ import annotations

from drawn_pairs import State, different, draft, drafted_as
from hypothesis import given
from hypothesis import strategies as st

import tracker

#: Three or four different states: the first acts, the last is acted on, those between act
#: with the first.
FOURS = different(4)
PAIRS = different(2)


# -- states acting together are one side ---------------------------------------------------------


@given(FOURS, st.sampled_from(["along with its allies {b} and {c},", "together with {b} and {c},"]))
def test_allies_named_with_the_side_that_acts_are_not_the_other_party(
    four: tuple[State, ...], company: str
) -> None:
    (a_name, _, _, a), (b_name, *_), (c_name, *_), (d_name, _, _, d) = four
    with_them = company.format(b=b_name, c=c_name)
    text = (
        f"Envoys called home over border incident\n\n"
        f"{a_name}, {with_them} recalled their ambassadors from {d_name} on Tuesday over an "
        "incident on the border.\n\n"
        f"The three governments said in a joint statement that {d_name} had shown hostility.\n"
    )
    drafted_as(text, tracker.PresenceMeasure, {a, d}, by=a)


@given(FOURS)
def test_states_listed_as_the_subject_of_a_measure_act_together(four: tuple[State, ...]) -> None:
    (a_name, _, _, a), (b_name, *_), (c_name, *_), (d_name, _, _, d) = four
    text = (
        "Three neighbours cut ties\n\n"
        f"{a_name}, {b_name} and {c_name} severed diplomatic relations with {d_name} on "
        "Tuesday, accusing it of arming rebels.\n\n"
        f"{b_name} and {c_name} said they stood by the decision.\n"
    )
    drafted_as(text, tracker.Suspension, {a, d}, by=a)


# -- an accord ended is a measure ending cooperation ---------------------------------------------

ENDED = st.sampled_from(
    [
        "ended the military cooperation agreements it had signed with {b}",
        "withdrew from its defence pact with {b}",
        "pulled out of the fisheries accord with {b}",
        "terminated the 2011 treaty of friendship with {b}",
        "denounced the security accords signed with {b}",
        "let its visa-free travel agreement with {b} lapse",
    ]
)


@given(PAIRS, ENDED)
def test_an_accord_a_side_ends_is_a_suspension_by_that_side(
    pair: tuple[State, ...], ended: str
) -> None:
    (a_name, _, _, a), (b_name, _, _, b) = pair
    act = ended.format(b=b_name)
    text = (
        f"{a_name} ends accords with {b_name}\n\n"
        f"The government of {a_name} on Tuesday {act}, saying in a communique read on state "
        "television that the accords no longer served the country.\n\n"
        "The communique gave no further reason.\n"
    )
    drafted_as(text, tracker.Suspension, {a, b}, by=a)


@given(PAIRS, st.sampled_from(["denounced the accord between", "condemned the pact between"]))
def test_an_accord_of_others_blamed_is_no_accord_ended(
    pair: tuple[State, ...], blamed: str
) -> None:
    (a_name, *_), (b_name, *_) = pair
    page = draft(
        f"Neighbour slams accord\n\nAustria on Tuesday {blamed} {a_name} and {b_name}, calling "
        "it a threat to the region.\n"
    )
    assert not isinstance(page.entry, tracker.Suspension), page.reasons


# -- a request to hold talks is a proposal, never a meeting ------------------------------------

REQUESTS = st.sampled_from(
    [
        "asked {b} to restart negotiations over the disputed islands",
        "urged {b} to return to talks on the border",
        "called on {b} to resume the dialogue on fisheries",
        "invited {b} to hold a meeting on the river dispute",
    ]
)


@given(PAIRS, REQUESTS)
def test_a_request_that_the_other_side_hold_talks_is_a_proposal(
    pair: tuple[State, ...], request: str
) -> None:
    (a_name, _, _, a), (b_name, _, _, b) = pair
    text = (
        f"{a_name} turns to {b_name} over dispute\n\n"
        f"The government of {a_name} on Tuesday {request.format(b=b_name)}, its foreign "
        "ministry said.\n\n"
        "The ministry said the two countries had not met on the matter for ten years.\n"
    )
    drafted_as(text, tracker.Proposal, {a, b}, by=a)


# -- relations restored are the news, not the visit they came with -------------------------------


@given(PAIRS)
def test_ties_restored_in_the_lead_outrank_the_visit_they_came_with(
    pair: tuple[State, ...],
) -> None:
    (a_name, a_adj, _, a), (b_name, _, b_capital, b) = pair
    text = (
        f"{a_name} and {b_name} open a new chapter as prime minister visits\n\n"
        f"{a_name} and {b_name} opened a new chapter on Tuesday, with a restoration of full "
        f"diplomatic relations, as the {a_adj} prime minister arrived in {b_capital} for a "
        "two-day official visit.\n\n"
        f"The prime minister held talks with the president of {b_name} and visited the old "
        "town.\n\n"
        "In their talks the two leaders spoke of trade and of direct flights.\n"
    )
    drafted_as(text, tracker.MinisterialDecision, {a, b})


# -- what the lead tells as coming before its act, or as its reason, is background -------------


@given(PAIRS)
def test_a_threat_followed_through_is_the_act_not_what_came_before_it(
    pair: tuple[State, ...],
) -> None:
    (a_name, _, _, a), (b_name, _, _, b) = pair
    text = (
        f"{a_name} and {b_name}: the river dispute\n\n"
        f"{a_name} on Tuesday followed through with its threat to suspend talks with {b_name} "
        "on the river dispute.\n\n"
        "The foreign ministry said the talks had led nowhere.\n"
    )
    drafted_as(text, tracker.Suspension, {a, b}, by=a)


@given(PAIRS)
def test_force_a_side_is_accused_of_is_the_reason_of_the_measure(
    pair: tuple[State, ...],
) -> None:
    (a_name, _, _, a), (b_name, b_adj, _, b) = pair
    text = (
        f"{a_name} accuses {b_name} of shelling border villages\n\n"
        f"{a_name} recalled its ambassador from {b_name} on Tuesday, accusing {b_adj} troops "
        "of shelling border villages.\n"
    )
    drafted_as(text, tracker.PresenceMeasure, {a, b}, by=a)


@given(PAIRS)
def test_an_act_told_in_the_past_perfect_came_before_the_news(pair: tuple[State, ...]) -> None:
    (a_name, _, _, a), (b_name, b_adj, _, b) = pair
    text = (
        f"{a_name} and {b_name}: a new row\n\n"
        f"{a_name} summoned the {b_adj} ambassador on Tuesday over remarks made by a {b_adj} "
        "minister.\n\n"
        f"{a_name} had already recalled its own ambassador from {b_name}, a step it took to "
        "protest the treatment of its citizens.\n"
    )
    drafted_as(text, tracker.Condemnation, {a, b}, by=a)


@given(PAIRS)
def test_the_past_perfect_after_a_verb_of_saying_is_the_news_in_reported_speech(
    pair: tuple[State, ...],
) -> None:
    (a_name, _, _, a), (b_name, b_adj, _, b) = pair
    text = (
        f"{a_name} and {b_name}: a new row\n\n"
        f"{a_name}'s foreign ministry said on Tuesday it had recalled its ambassador from "
        f"{b_name} over remarks made by a {b_adj} minister.\n"
    )
    drafted_as(text, tracker.PresenceMeasure, {a, b}, by=a)


@given(PAIRS)
def test_an_attack_told_below_with_a_day_before_the_lead_is_what_the_lead_answers(
    pair: tuple[State, ...],
) -> None:
    (a_name, a_adj, _, a), (b_name, b_adj, _, b) = pair
    text = (
        f"{a_name} condemns attack on border post\n\n"
        f"{a_name}'s foreign ministry on Tuesday condemned the attack by {b_name} on a border "
        "post in the north.\n\n"
        f"{b_adj} troops shelled the {a_adj} border post of Varn on Sunday, killing two guards, "
        "the ministry said.\n"
    )
    drafted_as(text, tracker.Condemnation, {a, b}, by=a)


# -- a noun that qualifies something else types nothing ------------------------------------------


@given(PAIRS, st.sampled_from(["a {a}-proposed initiative", "its proposed fisheries plan"]))
def test_a_proposal_named_as_a_qualifier_is_no_proposal_made(
    pair: tuple[State, ...], qualified: str
) -> None:
    (a_name, *_), (b_name, *_) = pair
    page = draft(
        f"{b_name} and the fisheries plan\n\n"
        f"{b_name} on Tuesday joined {qualified.format(a=a_name)} on fisheries, its foreign "
        "ministry said.\n"
    )
    assert not isinstance(page.entry, tracker.Proposal), page.reasons


@given(PAIRS)
def test_a_proposal_made_by_its_verb_stays_a_proposal(pair: tuple[State, ...]) -> None:
    (a_name, _, _, a), (b_name, _, _, b) = pair
    text = (
        f"{a_name} and the fisheries plan\n\n"
        f"{a_name} on Tuesday proposed a fisheries pact to {b_name}, its foreign ministry said.\n"
    )
    drafted_as(text, tracker.Proposal, {a, b}, by=a)


# -- a statement, a warning or a wish is no decision ---------------------------------------------

SAID = st.sampled_from(
    [
        "{a} will cut diplomatic ties with {b} if the border stays closed, the foreign minister "
        "said on Tuesday.",
        "{a} warned on Tuesday against normalising relations with {b}.",
        "{a} declared on Tuesday its readiness for the restoration of relations with {b}.",
    ]
)


@given(PAIRS, SAID)
def test_a_warning_a_condition_or_a_wish_is_no_decision(pair: tuple[State, ...], said: str) -> None:
    (a_name, *_), (b_name, *_) = pair
    page = draft(f"{a_name} and {b_name}\n\n{said.format(a=a_name, b=b_name)}\n")
    assert not isinstance(page.entry, (tracker.Suspension, tracker.MinisterialDecision)), (
        page.reasons
    )


@given(
    PAIRS,
    st.sampled_from(
        [
            "suggested holding talks with {b}",
            "suggested a summit with {b}",
            "offered talks to {b}",
            "proposed a meeting with {b}",
        ]
    ),
)
def test_talks_suggested_or_offered_are_a_proposal_not_a_meeting(
    pair: tuple[State, ...], offer: str
) -> None:
    (a_name, _, _, a), (b_name, _, _, b) = pair
    text = (
        f"{a_name} and {b_name}: the river dispute\n\n"
        f"{a_name} on Tuesday {offer.format(b=b_name)} on the river dispute, the foreign minister "
        "said.\n"
    )
    drafted_as(text, tracker.Proposal, {a, b}, by=a)


@given(PAIRS)
def test_a_report_that_suggests_a_meeting_proposes_nothing(pair: tuple[State, ...]) -> None:
    (a_name, _, _, _), (b_name, b_adj, _, _) = pair
    page = draft(
        f"{a_name} and {b_name}: the river dispute\n\n"
        f"The foreign ministry of {a_name} would not confirm the trip on Tuesday, but a report "
        f"suggested the minister would meet {b_adj} officials in the capital.\n"
    )
    assert not isinstance(page.entry, tracker.Proposal), page.reasons
