"""Trade suspended is a ban on goods, citizens deported are no diplomats expelled, relations
stopped are suspended, a place located between two states names no side, armed force is told
by its verbs (and never when only threatened), a joint declaration signed is a declaration, a
recall outranks the condemnation beside it, and a meeting still to come stays announced."""

from __future__ import annotations

from drawn_pairs import draft, pairs, sides
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import DraftKind

#: States: name, adjective, capital, code.
STATES = [
    ("Lebanon", "Lebanese", "Beirut", "LBN"),
    ("Sweden", "Swedish", "Stockholm", "SWE"),
    ("Kenya", "Kenyan", "Nairobi", "KEN"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "ETH"),
    ("Norway", "Norwegian", "Oslo", "NOR"),
    ("Peru", "Peruvian", "Lima", "PER"),
]
PAIRS = pairs(STATES)


# -- trade suspended --------------------------------------------------------------------------


@given(
    PAIRS,
    st.sampled_from(
        [
            "suspended imports of citrus fruit from {other}",
            "halted purchases of grain from {other}",
            "banned imports of fish from {other}",
            "is suspending imports of {other_adj} beef",
        ]
    ),
)
def test_trade_suspended_is_an_embargo_on_goods_by_the_side_that_suspends(
    pair: tuple[tuple[str, str, str, str], ...], act: str
) -> None:
    (one_name, _, _, one), (other_name, other_adj, _, other) = pair
    told = act.format(other=other_name, other_adj=other_adj)
    page = draft(
        f"{one_name} curbs trade with {other_name}\n\n"
        f"{one_name} {told} on Tuesday, its customs service said, citing pests found in "
        "recent shipments.\n"
    )
    assert isinstance(page.entry, tracker.EconomicMeasure), page.reasons
    assert page.entry.by == one
    assert page.entry.kind == tracker.EconomicKind.EMBARGO
    assert tracker.EconomicTarget.GOODS in page.entry.targets
    assert sides(page.entry) == {one, other}


def test_a_suspension_of_talks_stays_a_suspension_not_trade() -> None:
    page = draft(
        "Sweden suspends talks with Kenya\n\n"
        "Sweden suspended its talks with Kenya on Tuesday, the foreign ministry said.\n"
    )
    assert isinstance(page.entry, tracker.Suspension), page.reasons


# -- deportations and expulsions --------------------------------------------------------------


@given(PAIRS, st.sampled_from(["deported", "expelled", "began deporting", "is expelling"]))
def test_citizens_sent_away_are_no_expulsion_of_diplomats(
    pair: tuple[tuple[str, str, str, str], ...], verb: str
) -> None:
    (one_name, _, _, _), (_, other_adj, _, _) = pair
    page = draft(
        f"{one_name} sends migrants home\n\n"
        f"{one_name} {verb} hundreds of {other_adj} citizens on Tuesday, the interior "
        "ministry said.\n"
    )
    assert not isinstance(page.entry, tracker.Expulsion), page.entry


@given(PAIRS, st.sampled_from(["expelled", "deported"]))
def test_diplomats_sent_away_are_still_an_expulsion(
    pair: tuple[tuple[str, str, str, str], ...], verb: str
) -> None:
    (one_name, _, _, one), (_, other_adj, _, other) = pair
    page = draft(
        f"{one_name} expels envoys\n\n"
        f"{one_name} {verb} two {other_adj} diplomats on Tuesday, the foreign ministry said.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


# -- relations stopped ------------------------------------------------------------------------


@given(
    PAIRS,
    st.sampled_from(
        [
            "had stopped all relations with {capital}",
            "has severed relations and closed its border with {other}",
            "was suspending relations with {other}",
        ]
    ),
)
def test_relations_stopped_are_suspended_by_that_side(
    pair: tuple[tuple[str, str, str, str], ...], act: str
) -> None:
    (one_name, _, _, one), (other_name, other_adj, capital, other) = pair
    told = act.format(other=other_name, capital=capital)
    page = draft(
        f"{one_name} closes border with {other_name}\n\n"
        f"{one_name} said on Tuesday it was closing its border with {other_name} and deporting "
        f"{other_adj} citizens, and that it {told}.\n"
    )
    assert isinstance(page.entry, tracker.Suspension), page.reasons
    assert page.entry.by == one
    assert "diplomatic_relations" in page.entry.channels
    assert sides(page.entry) == {one, other}
    assert any(e.field == "border" for e in page.evidence)


@given(
    PAIRS, st.sampled_from(["unnamed sources", "officials familiar with the matter", "a report"])
)
def test_a_measure_told_citing_a_source_is_still_hearsay(
    pair: tuple[tuple[str, str, str, str], ...], source: str
) -> None:
    (one_name, _, _, _), (other_name, _, _, _) = pair
    page = draft(
        f"{one_name} curbs trade with {other_name}\n\n"
        f"{one_name} suspended imports of fish from {other_name} on Tuesday, a newspaper said, "
        f"citing {source}.\n"
    )
    assert page.entry is None, page.entry
    assert any("hearsay" in reason for reason in page.reasons), page.reasons


# -- armed force ------------------------------------------------------------------------------

FORCE_TOLD = [
    ("{adj} troops shelled {other_adj} border posts on Tuesday", "attack"),
    ("{adj} warplanes carried out air strikes on {other_adj} army positions on Tuesday", "attack"),
    ("{adj} forces fired artillery at {other_adj} villages on Tuesday", "attack"),
    ("{adj} troops clashed with {other_adj} forces near the frontier on Tuesday", "attack"),
    ("{name} launched a full-scale invasion of {other} on Tuesday", "invasion"),
    ("{adj} troops crossed into {other} on Tuesday", "invasion"),
    ("{adj} forces seized a disputed border town from {other} on Tuesday", "occupation"),
    ("{name} annexed the {other_adj} island territory on Tuesday", "occupation"),
    ("{adj} warships blockaded the ports of {other} on Tuesday", "blockade"),
]


@given(PAIRS, st.sampled_from(FORCE_TOLD))
def test_force_used_is_drafted_by_the_side_its_sentence_makes_the_subject(
    pair: tuple[tuple[str, str, str, str], ...], told: tuple[str, str]
) -> None:
    (name, adj, _, one), (other_name, other_adj, _, other) = pair
    sentence = told[0].format(name=name, adj=adj, other=other_name, other_adj=other_adj)
    page = draft(f"Fighting on the border\n\n{sentence}, officials said.\n")
    assert isinstance(page.entry, tracker.UseOfForce), page.reasons
    assert page.entry.by == one
    assert page.entry.action == tracker.ForceAction(told[1])
    assert sides(page.entry) == {one, other}
    assert str(page.entry.on) == "2024-03-05"


@given(
    PAIRS,
    st.sampled_from(
        [
            "{adj} and {other_adj} border guards clashed on Tuesday, killing four people",
            "Four people were killed in clashes on the {adj}-{other_adj} border on Tuesday",
            "{adj} and {other_adj} troops exchanged fire across the frontier on Tuesday",
        ]
    ),
)
def test_a_clash_told_with_no_aggressor_is_not_drafted_and_the_reasons_say_so(
    pair: tuple[tuple[str, str, str, str], ...], told: str
) -> None:
    (_, adj, _, _), (_, other_adj, _, _) = pair
    page = draft(f"Border clash\n\n{told.format(adj=adj, other_adj=other_adj)}, officials said.\n")
    assert page.kind is DraftKind.UNCLASSIFIED, page.entry
    assert any("no aggressor" in reason for reason in page.reasons), page.reasons


@given(
    PAIRS,
    st.sampled_from(
        [
            "{name} threatened on Tuesday to invade {other}",
            "{name} said on Tuesday it would strike {other_adj} military bases",
            "{name} could strike {other_adj} military bases within days, its minister said",
            "{name} may blockade the ports of {other}, a minister warned on Tuesday",
        ]
    ),
)
def test_force_planned_threatened_or_possible_is_never_drafted_as_used(
    pair: tuple[tuple[str, str, str, str], ...], told: str
) -> None:
    (name, _, _, _), (other_name, other_adj, _, _) = pair
    sentence = told.format(name=name, other=other_name, other_adj=other_adj)
    page = draft(f"War of words\n\n{sentence}.\n")
    assert not isinstance(page.entry, tracker.UseOfForce), page.entry


@given(PAIRS)
def test_a_recap_of_an_old_war_does_not_decide_the_event(
    pair: tuple[tuple[str, str, str, str], ...],
) -> None:
    (_, adj, _, one), (other_name, other_adj, capital, other) = pair
    page = draft(
        f"Ministers meet in {capital}\n\n"
        f"{adj} Foreign Minister Ana Ruiz met {other_adj} Foreign Minister Jorge Vera in "
        f"{capital} on Tuesday to discuss trade.\n\n"
        f"{adj} troops invaded {other_name} in 1998 and shelled border towns for months during a "
        "war that ended in 2000.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert sides(page.entry) == {one, other}


# -- a place between two states ---------------------------------------------------------------

TRIOS = st.permutations(STATES).map(lambda states: tuple(states[:3]))


@given(TRIOS, st.sampled_from(["an exclave", "a port city", "a region lying"]))
def test_a_place_located_between_two_states_does_not_name_the_pair(
    trio: tuple[tuple[str, str, str, str], ...], place: str
) -> None:
    (one_name, one_adj, _, one), (other_name, _, other_capital, other), (third, _, _, _) = trio
    page = draft(
        f"{one_name} closes {other_name}'s consulate\n\n"
        f"{one_name} closed {other_name}'s consulate in Port Amber on Tuesday, "
        f"{place} between {other_name} and {third}, after {other_capital} shut the {one_adj} "
        "consulate in its second city.\n\n"
        f"The {one_adj} foreign ministry announced the move on Tuesday.\n"
    )
    assert isinstance(page.entry, tracker.PresenceMeasure), page.reasons
    assert sides(page.entry) == {one, other}
    assert page.entry.by == one


# -- a recall beside a condemnation -----------------------------------------------------------


@given(
    PAIRS,
    st.sampled_from(
        [
            "{name} ordered the immediate recall of its Ambassador to {other} on Tuesday and "
            "condemned what it called a violation of its sovereignty",
            "{name} strongly condemned the arrest of its citizens on Tuesday and recalled its "
            "ambassador to {other} for consultations",
        ]
    ),
)
def test_a_recall_told_beside_a_condemnation_is_the_news(
    pair: tuple[tuple[str, str, str, str], ...], lead: str
) -> None:
    (name, adj, _, one), (other_name, _, _, other) = pair
    page = draft(
        f"{name} recalls envoy\n\n{lead.format(name=name, other=other_name)}.\n\n"
        f"The {adj} foreign ministry said it condemned the move in the strongest terms.\n"
    )
    assert isinstance(page.entry, tracker.PresenceMeasure), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


# -- a meeting to come beside a past visit ----------------------------------------------------


@given(PAIRS, st.sampled_from(["will have", "will hold"]))
def test_a_bilateral_meeting_to_come_stays_announced_whatever_the_past_background(
    pair: tuple[tuple[str, str, str, str], ...], verb: str
) -> None:
    (name, adj, _, one), (other_name, _, capital, other) = pair
    page = draft(
        f"{adj} leader to visit {capital}\n\n"
        f"{adj} Prime Minister Ana Ruiz {verb} a bilateral meeting with President Jorge Vera "
        "on Friday when she arrives for a two-day visit.\n\n"
        f"Earlier this year, Vera went on an official visit to {name}, where he met Ruiz and "
        "agreements were signed.\n\n"
        f'"I will speak to the parliament of {other_name}," Ruiz said at an executive meeting '
        "of her ruling party.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    assert str(page.entry.planned.expected) == "2024-03-08"
    assert sides(page.entry) == {one, other}


@given(PAIRS, st.sampled_from(["an executive meeting of her ruling party", "a cabinet meeting"]))
def test_a_meeting_of_one_sides_own_body_is_no_meeting_between_the_sides(
    pair: tuple[tuple[str, str, str, str], ...], body: str
) -> None:
    (_, adj, _, _), (other_name, _, _, _) = pair
    page = draft(
        f"{adj} leader speaks\n\n"
        f'"We will deepen our ties with {other_name}," {adj} Prime Minister Ana Ruiz said at '
        f"{body} on Tuesday.\n"
    )
    assert not isinstance(page.entry, (tracker.InformalMeeting, tracker.CouncilMeeting)), page.entry


# -- a joint declaration ----------------------------------------------------------------------


@given(PAIRS, st.sampled_from(["signed a Joint Declaration", "issued a joint declaration"]))
def test_a_joint_declaration_signed_is_a_declaration_by_its_host(
    pair: tuple[tuple[str, str, str, str], ...], act: str
) -> None:
    (name, _, _, one), (other_name, _, capital, other) = pair
    page = draft(
        f"{name} and {other_name} set out shared priorities\n\n"
        f"{name} and {other_name} {act} on security cooperation in {capital} on Tuesday, "
        "the two foreign ministries said.\n"
    )
    assert isinstance(page.entry, tracker.Declaration), page.reasons
    assert sides(page.entry) == {one, other}
    assert page.entry.by == other
    assert str(page.entry.on) == "2024-03-05"


@given(PAIRS)
def test_a_joint_declaration_with_no_host_asks_the_reviewer_to_check_its_side(
    pair: tuple[tuple[str, str, str, str], ...],
) -> None:
    (name, _, _, one), (other_name, _, _, other) = pair
    page = draft(
        f"Ministers sign pact\n\n{name} and {other_name} signed a Joint Declaration on trade "
        "on Tuesday, the two foreign ministries said.\n"
    )
    assert isinstance(page.entry, tracker.Declaration), page.reasons
    assert page.entry.by in {one, other}
    assert sides(page.entry) == {one, other}
    assert any(e.field == "by" and "check it" in e.note for e in page.evidence)


@given(PAIRS, st.sampled_from(["by {adj} troops ", ""]))
def test_force_told_in_the_passive_is_used_by_the_agent_or_the_other_side(
    pair: tuple[tuple[str, str, str, str], ...], agent: str
) -> None:
    (name, adj, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"Border posts shelled\n\n{other_adj} border posts were shelled "
        f"{agent.format(adj=adj)}on Tuesday, the army of {other_name} said, blaming {name}.\n"
    )
    assert isinstance(page.entry, tracker.UseOfForce), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


@given(PAIRS, st.sampled_from(["Port Amber", "Green Island"]))
def test_territory_seized_or_annexed_is_named_for_the_reviewer(
    pair: tuple[tuple[str, str, str, str], ...], place: str
) -> None:
    (name, adj, _, one), (other_name, _, _, other) = pair
    page = draft(
        f"{place} taken\n\n{adj} forces seized the border town of {place} from {other_name} "
        f"on Tuesday, and {name} said it had annexed it.\n"
    )
    assert isinstance(page.entry, tracker.UseOfForce), page.reasons
    assert page.entry.action == tracker.ForceAction.OCCUPATION
    assert page.entry.territory == place.lower().replace(" ", "_")
    assert sides(page.entry) == {one, other}


@given(PAIRS, st.sampled_from(["struck a deal", "struck a new trade agreement"]))
def test_a_deal_struck_is_no_strike(pair: tuple[tuple[str, str, str, str], ...], act: str) -> None:
    (name, _, _, _), (other_name, _, _, _) = pair
    page = draft(
        f"Deal on the border\n\n{name} {act} with {other_name} on Tuesday to develop a border "
        "town and its port, officials said.\n"
    )
    assert not isinstance(page.entry, tracker.UseOfForce), page.entry
