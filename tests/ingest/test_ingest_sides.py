"""Which two sides, and which act between them, a page tells: force used on others than the
state that condemns it, staff leaving with the missions closed, an envoy ordered out beside one's
own recalled, acts of former office-holders and of other pairs, a statement's venue and
co-speaker, and an offer to meet, which is a proposal and never a meeting held."""

from __future__ import annotations

import pytest
from drawn_pairs import draft, pairs, sides
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import DraftKind

#: States: name, adjective, capital, code.
STATES = [
    ("Sweden", "Swedish", "Stockholm", "SWE"),
    ("Kenya", "Kenyan", "Nairobi", "KEN"),
    ("Peru", "Peruvian", "Lima", "PER"),
    ("Norway", "Norwegian", "Oslo", "NOR"),
    ("Ghana", "Ghanaian", "Accra", "GHA"),
    ("Chile", "Chilean", "Santiago", "CHL"),
]
PAIRS = pairs(STATES)
#: Places that are no state of the dictionary, and people who are none.
PLACES = st.sampled_from(["the Varn Strip", "Oskel", "the Tamsa valley", "Lirad"])

Pair = tuple[tuple[str, str, str, str], ...]


# -- force used on others than the state that condemns it ---------------------------------------


@given(PAIRS, PLACES)
def test_force_on_a_place_of_no_state_is_the_occasion_of_the_condemnation_above_it(
    pair: Pair, place: str
) -> None:
    (one_name, _, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{one_name} condemns strikes\n\n"
        f"{one_name}'s foreign ministry condemned on Tuesday a wave of {other_adj} air strikes "
        f"that killed a militia commander in {place}.\n\n"
        f"The ministry said the strikes threatened the whole region.\n\n"
        f"{other_name} launched dozens of strikes on {place} on Tuesday, its army said.\n"
    )
    assert isinstance(page.entry, tracker.Condemnation), page.reasons
    assert sides(page.entry) == {one, other}
    assert page.entry.by == one
    assert any(f"force used on others than {one}" in reason for reason in page.reasons)


@given(PAIRS)
def test_force_on_the_state_that_condemns_it_stays_force(pair: Pair) -> None:
    (one_name, _, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{one_name} condemns strikes\n\n"
        f"{one_name}'s foreign ministry condemned on Tuesday a wave of {other_adj} air strikes.\n"
        "\n"
        f"The ministry said the strikes threatened the whole region.\n\n"
        f"{other_name} launched dozens of strikes on {one_name} on Tuesday, its army said.\n"
    )
    assert isinstance(page.entry, tracker.UseOfForce), page.reasons
    assert page.entry.by == other
    assert sides(page.entry) == {one, other}


# -- missions closed with their staff ------------------------------------------------------------


@given(
    PAIRS,
    st.sampled_from(
        [
            "declared the diplomatic staff there personae non grata",
            "ordered their staff to leave the country",
            "expelled the staff of both posts",
        ]
    ),
    st.sampled_from(["consulates", "consular posts", "two consulates general"]),
)
def test_staff_leaving_with_the_missions_closed_are_part_of_the_closure(
    pair: Pair, staff: str, missions: str
) -> None:
    (one_name, _, _, one), (other_name, _, _, other) = pair
    page = draft(
        f"{one_name} closes {other_name}'s consulates, expels staff\n\n"
        f"{one_name} on Tuesday ordered the closure of {other_name}'s {missions} and {staff}.\n"
    )
    assert isinstance(page.entry, tracker.PresenceMeasure), page.reasons
    assert page.entry.by == one
    assert page.entry.of == other
    assert page.entry.action is tracker.PresenceAction.CLOSED
    assert sides(page.entry) == {one, other}


# -- an envoy ordered out beside one's own recalled ----------------------------------------------


@given(
    PAIRS,
    st.sampled_from(
        ["asked the {adj} Ambassador to leave", "ordered the {adj} Ambassador to leave"]
    ),
)
def test_the_other_s_envoy_sent_out_outranks_one_s_own_recalled(pair: Pair, act: str) -> None:
    (one_name, _, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{one_name} tells {other_adj} ambassador to leave, recalls its own\n\n"
        f"{one_name} on Tuesday recalled its ambassador in {other_name} and "
        f"{act.format(adj=other_adj)} within 48 hours.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


# -- acts of former office-holders and of other pairs --------------------------------------------


@given(PAIRS, st.sampled_from(["His predecessor", "The former president", "Her predecessor"]))
def test_an_act_of_a_predecessor_further_down_is_history(pair: Pair, who: str) -> None:
    (one_name, one_adj, capital, one), (_, other_adj, _, other) = pair
    page = draft(
        f"{one_adj} leader meets {other_adj} counterpart\n\n"
        f"The {one_adj} president met his {other_adj} counterpart in {capital} on Tuesday.\n\n"
        "The two leaders discussed trade.\n\n"
        f"{who} suspended {one_name}'s participation in a regional forum.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert sides(page.entry) == {one, other}
    assert any("a former holder of an office" in reason for reason in page.reasons)


@given(PAIRS)
def test_a_measure_of_another_pair_further_down_never_makes_the_event(pair: Pair) -> None:
    (one_name, _, capital, one), (other_name, other_adj, _, other) = pair
    third = next(name for name, *_ in STATES if name not in (one_name, other_name))
    page = draft(
        f"{other_adj} president in {capital}\n\n"
        f"The presidents of {one_name} and {other_name} met in {capital} on Tuesday.\n\n"
        f"The {other_adj} government suspended all cooperation with {third} on Monday, "
        "alleging a breach of the border treaty.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert sides(page.entry) == {one, other}


# -- a statement's venue and co-speaker ----------------------------------------------------------


@given(PAIRS)
def test_who_shares_a_news_conference_is_no_side_of_the_proposal_made_there(pair: Pair) -> None:
    (one_name, one_adj, _, one), (other_name, other_adj, _, other) = pair
    _, host_adj, host_capital, _ = next(
        state for state in STATES if state[0] not in (one_name, other_name)
    )
    page = draft(
        f"{one_adj}, {other_adj} leaders open door to talks\n\n"
        f"The {one_adj} president said on Tuesday he would consider an appeal by his "
        f"{other_adj} counterpart for fresh dialogue.\n\n"
        f"The {one_adj} president talks during a news conference with the {host_adj} "
        f"president in {host_capital}.\n"
    )
    assert isinstance(page.entry, tracker.Proposal), page.reasons
    assert sides(page.entry) == {one, other}


@given(st.sampled_from(["during a news conference", "at a joint press conference"]))
def test_talks_at_a_news_conference_are_one_speaking_no_meeting(where: str) -> None:
    page = draft(
        "Norway's minister speaks\n\n"
        f"Norway's foreign minister talks {where} with Sweden's foreign minister in Oslo on "
        "Tuesday.\n"
    )
    assert not isinstance(page.entry, tracker.InformalMeeting), page.entry


# -- an offer to meet ----------------------------------------------------------------------------


@given(
    PAIRS,
    st.sampled_from(
        [
            "said he was willing to meet the {adj} leader",
            "said he was ready to hold talks with the {adj} leader",
            "offered the {adj} leader talks",
            "announced his wish for a summit with the {adj} leader",
            "said he seeks a summit with the {adj} leader",
        ]
    ),
)
def test_an_offer_to_meet_is_a_proposal_never_a_meeting_held(pair: Pair, offer: str) -> None:
    (_, one_adj, _, one), (_, other_adj, _, other) = pair
    page = draft(
        f"{one_adj} leader reaches out\n\n"
        f"The {one_adj} president on Tuesday {offer.format(adj=other_adj)}.\n"
    )
    assert isinstance(page.entry, tracker.Proposal), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


def test_an_offer_to_meet_denied_is_no_proposal() -> None:
    page = draft(
        "Kenya rebuffs Ghana\n\nKenya's president said on Tuesday he was not willing to meet "
        "Ghana's president.\n"
    )
    assert page.kind is DraftKind.UNCLASSIFIED, page.entry


# -- force that targets hideouts, told in the active or the passive ------------------------------


@given(
    PAIRS,
    st.sampled_from(
        [
            "{one_adj} airstrikes targeted suspected militant hideouts inside {other} early on "
            "Monday, officials said.",
            "{one} has targeted several suspected militant hideouts inside {other}, officials "
            "said on Monday.",
            "Militant hideouts inside {other} were targeted by {one_adj} airstrikes early on "
            "Monday, officials said.",
        ]
    ),
)
def test_strikes_that_target_hideouts_are_force_by_the_side_that_strikes(
    pair: Pair, told: str
) -> None:
    (one_name, one_adj, _, one), (other_name, _, _, other) = pair
    page = draft(
        "Airstrikes across the border\n\n"
        + told.format(one=one_name, one_adj=one_adj, other=other_name)
        + "\n"
    )
    assert isinstance(page.entry, tracker.UseOfForce), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


def test_sanctions_targeting_banks_are_no_force() -> None:
    page = draft(
        "Sweden widens sanctions\n\n"
        "Sweden imposed sanctions on Tuesday targeting three Kenyan banks, the government said.\n"
    )
    assert not isinstance(page.entry, tracker.UseOfForce), page.entry


# -- what the day's act came with, a visit told as held, reported speech ------------------------


@given(PAIRS)
def test_a_restoration_told_as_what_the_day_s_act_came_with_is_done(pair: Pair) -> None:
    (one_name, _, _, one), (other_name, _, _, other) = pair
    page = draft(
        f"{one_name} and {other_name} turn a page\n\n"
        f"{one_name} and {other_name} turned a new page in their relations on Tuesday, with a "
        "restoration of full diplomatic ties and a planned exchange of ambassadors.\n"
    )
    assert isinstance(page.entry, tracker.MinisterialDecision), page.reasons
    assert sides(page.entry) == {one, other}


@given(PAIRS)
def test_an_envoy_who_had_been_given_days_to_leave_in_reported_speech_is_expelled_now(
    pair: Pair,
) -> None:
    (one_name, _, capital, one), (other_name, _, _, other) = pair
    page = draft(
        f"{capital} tells envoy to go\n\n"
        f"{one_name} said on Tuesday that {other_name}'s ambassador had been given two weeks to "
        f"leave {one_name}.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


# -- a ban by its noun, and how long it holds ----------------------------------------------------


@given(PAIRS)
def test_a_ban_told_as_announced_is_the_measure_and_its_end_does_not_date_it(pair: Pair) -> None:
    (one_name, one_adj, _, one), (_, other_adj, _, other) = pair
    page = draft(
        f"{one_name} farmers protest\n\n"
        f"The ban on {other_adj} grain will last until 30 June and was announced on Saturday "
        f"by the {one_adj} government.\n"
    )
    assert isinstance(page.entry, tracker.EconomicMeasure), page.reasons
    assert str(page.entry.on) == "2024-03-02"
    assert sides(page.entry) == {one, other}


@given(PAIRS, st.sampled_from(["on its territory", "against its border posts"]))
def test_force_condemned_by_the_state_it_hits_stays_force(pair: Pair, where: str) -> None:
    (one_name, _, _, _), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{one_name} condemns strikes\n\n"
        f"{one_name}'s foreign ministry condemned on Tuesday a wave of {other_adj} air strikes "
        f"{where}.\n\n"
        "The ministry said the strikes threatened the whole region.\n\n"
        f"{other_name} launched dozens of strikes on militant camps on Tuesday, its army said.\n"
    )
    assert isinstance(page.entry, tracker.UseOfForce), page.reasons
    assert page.entry.by == other


@given(
    st.sampled_from(
        [
            "Chile's president offered condolences at the meeting with Peru's president in Lima "
            "on Tuesday.",
            "Chile's president came well prepared for the talks with Peru's president in Lima "
            "on Tuesday.",
        ]
    )
)
def test_words_of_offer_or_readiness_not_bearing_on_the_meeting_propose_nothing(
    told: str,
) -> None:
    page = draft(f"Chile and Peru meet\n\n{told}\n")
    assert not isinstance(page.entry, tracker.Proposal), page.reasons


@given(PAIRS)
def test_a_visit_a_statement_was_made_during_is_its_setting_not_a_side(pair: Pair) -> None:
    (one_name, one_adj, _, one), (other_name, other_adj, _, other) = pair
    _, _, host_capital, _ = next(
        state for state in STATES if state[0] not in (one_name, other_name)
    )
    page = draft(
        f"{one_adj} and {other_adj} leaders open door to talks\n\n"
        f"The {one_adj} president said on Tuesday he was prepared to consider an appeal by his "
        f"{other_adj} counterpart for fresh dialogue.\n\n"
        f'"We are open to dialogue with all our neighbours," he told reporters during a visit to '
        f"{host_capital}.\n"
    )
    assert isinstance(page.entry, tracker.Proposal), page.reasons
    assert sides(page.entry) == {one, other}


@given(PAIRS, st.sampled_from(["are meeting for talks", "are holding talks"]))
def test_a_meeting_under_way_on_the_day_of_the_report_is_held(pair: Pair, told: str) -> None:
    (one_name, _, capital, one), (other_name, _, _, other) = pair
    page = draft(
        f"Leaders seek to settle a quarrel\n\n"
        f"The leaders of {one_name} and {other_name} {told} in {capital} on Tuesday, as they "
        "try to settle a quarrel over fishing rights.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert sides(page.entry) == {one, other}


@given(PAIRS)
def test_a_title_case_headline_is_read_for_its_words(pair: Pair) -> None:
    (one_name, _, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{one_name} Orders {other_adj} Ambassador to Leave, Recalls its Envoy from {other_name}\n"
        "\n"
        f"{one_name} on Tuesday recalled its ambassador in {other_name} and gave the "
        f"{other_adj} envoy 48 hours to leave.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}
    assert any(
        "orders" in m.lower()
        for evidence in page.evidence
        if evidence.field == "type"
        for m in evidence.quotes
    )


@given(PAIRS, st.sampled_from(["border talks", "maritime border talks", "border negotiations"]))
def test_talks_about_a_border_between_two_states_are_theirs(pair: Pair, talks: str) -> None:
    (one_name, _, _, one), (other_name, _, _, other) = pair
    page = draft(
        "Talks begin\n\n"
        f"The {talks} between {one_name} and {other_name} began on Tuesday in a border town, "
        "a UN source told reporters.\n\n"
        "The talks are being held under UN auspices in the presence of a US delegation.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert sides(page.entry) == {one, other}


@given(
    PAIRS,
    st.sampled_from(
        [
            "was summoned to the ministry, where he was recommended to temporarily leave the "
            "country",
            "was asked to leave the country within three days",
        ]
    ),
)
def test_an_envoy_asked_to_leave_in_the_passive_is_sent_away_by_the_other_side(
    pair: Pair, told: str
) -> None:
    (one_name, _, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{one_name} and {other_name} at odds\n\n"
        f"The {other_adj} ambassador to {one_name} on Tuesday {told}.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


@given(PAIRS)
def test_one_who_arrived_in_a_capital_on_a_visit_meets_its_state(pair: Pair) -> None:
    (one_name, one_adj, _, one), (other_name, other_adj, capital, other) = pair
    third_name, third_adj, third_capital, _ = next(
        state for state in STATES if state[0] not in (one_name, other_name)
    )
    page = draft(
        f"He will meet the {other_adj} president and foreign minister.\n\n"
        f"On Tuesday, the {one_adj} foreign minister arrived in {capital} for an official visit "
        f"to {other_name}.\n\n"
        f"On Monday, he began his tour in {third_name}, where he met the {third_adj} president "
        f"in {third_capital}.\n"
    )
    # The visit has begun and its talks lie ahead: announced, between visitor and host.
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    assert sides(page.entry) == {one, other}
    assert str(page.entry.on) == "2024-03-05"
    assert str(page.entry.planned.expected.start) == "2024-03-05"


# -- pages of one telling each: the act they are drafted as, and its sides or who acts ---------


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        pytest.param(
            "Peru strikes Chile\n\n"
            "Peru launched dozens of strikes on Chile on Tuesday, killing ten soldiers.\n\n"
            "Norway condemned the strikes on Tuesday.\n",
            tracker.UseOfForce,
            {"CHL", "PER"},
            id="force_told_above_a_third_state_s_condemnation_stays_the_news",
        ),
        pytest.param(
            "Peru ready to meet Chile\n\n"
            "Peru's president said on Tuesday that he was willing to meet Chile's president.\n\n"
            "Peru's former prime minister paid a visit to Santiago while he was in office.\n\n"
            "He then met the Chilean president of the time.\n",
            tracker.Proposal,
            {"CHL", "PER"},
            id="a_former_leader_s_visit_and_what_he_did_then_are_history",
        ),
        pytest.param(
            "Peruvian leader in Santiago\n\n"
            "The Peruvian president began his first trip since his election on Tuesday by "
            "meeting his Chilean counterpart in Santiago.\n",
            tracker.InformalMeeting,
            {"CHL", "PER"},
            id="a_meeting_begun_by_meeting_is_not_inside_the_since_clause_before_it",
        ),
        pytest.param(
            "Chile offers talks to Peru\n\n"
            "Chile's president offered Peru's president talks at the United Nations General "
            "Assembly on Tuesday.\n",
            tracker.Proposal,
            {"CHL", "PER"},
            id="an_offer_made_at_an_assembly_is_not_between_the_assembly_and_the_one_who_offers",
        ),
        pytest.param(
            "Ghana and Kenya deepen ties\n\n"
            "Ghana and Kenya have taken steps to deepen their ties following the visit of "
            "Ghana's president to Nairobi.\n\n"
            "In his remarks during the visit, Ghana's president praised Kenya.\n",
            tracker.InformalMeeting,
            {"GHA", "KEN"},
            id="a_visit_during_which_remarks_were_made_was_held",
        ),
        pytest.param(
            "Ministers meet\n\n"
            "Sweden's foreign minister met Kenya's foreign minister in Oslo on Tuesday.\n",
            tracker.InformalMeeting,
            {"KEN", "SWE"},
            id="a_capital_one_speaks_in_stays_a_venue",
        ),
    ],
)
def test_the_sides_of_the_act_a_page_tells(
    text: str, kind: type[tracker.Entry], expected: set[str]
) -> None:
    page = draft(text)
    assert isinstance(page.entry, kind), page.reasons
    assert sides(page.entry) == expected


@pytest.mark.parametrize(
    ("text", "by"),
    [
        pytest.param(
            "Ghana expels Kenyan ambassador\n\n"
            "Ghana on Tuesday expelled Kenya's ambassador and closed the Kenyan consulate in "
            "Kumasi, the foreign ministry said.\n",
            "GHA",
            id="an_ambassador_expelled_beside_a_consulate_closed_stays_an_expulsion",
        ),
        pytest.param(
            "Ghana expels diplomats\n\n"
            "Ghana's foreign ministry said on Tuesday that ten Kenyan diplomats had been given "
            "72 hours to leave the country.\n",
            "GHA",
            id="diplomats_given_hours_to_leave_are_sent_away_by_the_side_that_tells_it",
        ),
        pytest.param(
            "Ghana expels diplomats\n\n"
            "Ghana's foreign ministry says ten diplomats were given 72 hours to leave; Kenya "
            "protested.\n",
            "GHA",
            id="diplomats_given_hours_to_leave_unnamed_are_sent_away_by_the_side_that_tells_it",
        ),
    ],
)
def test_who_sends_envoys_away_in_an_expulsion_a_page_tells(text: str, by: str) -> None:
    page = draft(text)
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.by == by


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Sweden and Kenya\n\n"
            "Sweden's foreign ministry said on Tuesday that Kenya had not answered its letter.\n\n"
            '"We are always ready for talks," the ministry said.\n',
            id="a_readiness_for_talks_with_no_one_named_proposes_nothing",
        ),
        pytest.param(
            "Peru and Chile\n\n"
            "Peru's foreign ministry said on Tuesday that Chile's ambassador, who had been given "
            "two weeks to leave Peru, returned in May.\n",
            id="a_pluperfect_with_no_report_stays_the_past",
        ),
    ],
)
def test_a_page_whose_only_act_is_no_news_drafts_nothing(text: str) -> None:
    page = draft(text)
    assert page.entry is None
    assert page.reasons[0].startswith("no event of a known type is reported as news"), page.reasons
