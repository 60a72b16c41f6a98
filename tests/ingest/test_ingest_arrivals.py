"""An arrival for talks read right: a leader or minister who arrives, lands or is in the other
side's capital for talks, to meet or on a visit has begun a trip whose talks lie ahead, unless
the top of the page tells them held; the pair is the visitor's state and the host's."""

from __future__ import annotations

from datetime import timedelta

from drawn_pairs import PUBLISHED, State, different, drafted_as
from hypothesis import given
from hypothesis import strategies as st

import tracker

PAIRS = different(2)
THREES = different(3)

ARRIVALS = st.sampled_from(["arrived in", "landed in"])
PURPOSES = st.sampled_from(
    [
        "for talks with the {adj} president",
        "on an official visit to {name}",
        "to meet the {adj} president",
        "for a state visit at the invitation of the {adj} president",
    ]
)


def _announced(entry: tracker.Entry) -> tracker.MeetingAnnouncement:
    assert isinstance(entry, tracker.MeetingAnnouncement)
    return entry


@given(PAIRS, ARRIVALS, PURPOSES)
def test_an_arrival_for_talks_announces_them(
    pair: tuple[State, ...], arrival: str, purpose: str
) -> None:
    (_, a_adj, _, a), (b_name, b_adj, b_capital, b) = pair
    why = purpose.format(adj=b_adj, name=b_name)
    text = (
        f"{a_adj} president in {b_capital}\n\n"
        f"The {a_adj} president {arrival} {b_capital} on Tuesday afternoon {why}.\n\n"
        f"Trade and a new air link are on the agenda, officials in {b_name} said.\n"
    )
    entry = _announced(drafted_as(text, tracker.MeetingAnnouncement, {a, b}))
    assert entry.on == PUBLISHED
    assert entry.planned.expected.start == PUBLISHED


@given(PAIRS, st.integers(min_value=2, max_value=4))
def test_the_stay_an_arrival_tells_is_the_window_of_its_talks(
    pair: tuple[State, ...], days: int
) -> None:
    (_, a_adj, _, a), (b_name, _, b_capital, b) = pair
    words = {2: "two", 3: "three", 4: "four"}[days]
    text = (
        f"{a_adj} foreign minister arrives in {b_name}\n\n"
        f"The {a_adj} foreign minister arrived in {b_capital} on Tuesday for a {words}-day "
        f"official visit to {b_name}.\n\n"
        "The visit is the first at that level in ten years.\n"
    )
    entry = _announced(drafted_as(text, tracker.MeetingAnnouncement, {a, b}))
    window = entry.planned.expected
    assert (window.start, window.last) == (PUBLISHED, PUBLISHED + timedelta(days=days - 1))


@given(PAIRS, st.sampled_from(["met", "held talks with", "was welcomed by"]))
def test_an_arrival_with_the_talks_told_as_held_is_a_meeting(
    pair: tuple[State, ...], held: str
) -> None:
    (_, a_adj, _, a), (_, b_adj, b_capital, b) = pair
    text = (
        f"{a_adj} president arrives in {b_capital}\n\n"
        f"The {a_adj} president arrived in {b_capital} on Tuesday on an official visit and "
        f"{held} the {b_adj} president at the palace.\n\n"
        "The two spoke of trade and of a new air link.\n"
    )
    drafted_as(text, tracker.InformalMeeting, {a, b})


@given(THREES)
def test_a_state_of_the_background_is_no_side_of_the_visit(three: tuple[State, ...]) -> None:
    (_, a_adj, _, a), (b_name, b_adj, b_capital, b), (c_name, *_) = three
    text = (
        f"{a_adj} chancellor lands in {b_capital} for talks\n\n"
        f"The {a_adj} chancellor landed in {b_capital} on Tuesday for talks with the {b_adj} "
        f"president, as the conflict in {c_name} weighs on the region.\n\n"
        f"Officials in {b_name} said the talks would turn to trade.\n"
    )
    drafted_as(text, tracker.MeetingAnnouncement, {a, b})


@given(PAIRS)
def test_a_stay_told_to_a_weekday_in_the_lead_is_the_window_of_the_talks(
    pair: tuple[State, ...],
) -> None:
    (_, a_adj, _, a), (b_name, b_adj, b_capital, b) = pair
    text = (
        f"{a_adj} president arrives in {b_capital} for state visit\n\n"
        f"At the invitation of the {b_adj} president, the {a_adj} president arrived in "
        f"{b_capital} on Tuesday for a state visit to {b_name} through Thursday.\n\n"
        "A business delegation travels with the president.\n"
    )
    entry = _announced(drafted_as(text, tracker.MeetingAnnouncement, {a, b}))
    window = entry.planned.expected
    assert (window.start, window.last) == (PUBLISHED, PUBLISHED + timedelta(days=2))


@given(PAIRS)
def test_an_arrival_and_talks_due_that_day_announce_them(pair: tuple[State, ...]) -> None:
    (_, a_adj, _, a), (b_name, b_adj, b_capital, b) = pair
    text = (
        f"The {a_adj} leader arrived in {b_capital} on Tuesday morning and was due to hold "
        f"talks with the {b_adj} president over lunch.\n\n"
        f"The visit is meant to deepen trade with {b_name}, officials said.\n"
    )
    entry = _announced(drafted_as(text, tracker.MeetingAnnouncement, {a, b}))
    assert entry.planned.expected.start == PUBLISHED


# -- relations opened: two states that agree to normal relations ---------------------------------


@given(THREES)
def test_relations_normalised_with_no_break_told_are_relations_opened(
    three: tuple[State, ...],
) -> None:
    (a_name, _, _, a), (b_name, _, _, b), (c_name, c_adj, c_capital, _) = three
    text = (
        f"{a_name} and {b_name} agree to normalise relations in {c_adj}-brokered deal\n\n"
        f"{a_name} and {b_name} agreed on Monday to normalise relations in a deal brokered by "
        f"{c_name}, the three governments said in a joint statement.\n\n"
        f"The deal follows months of quiet contacts in {c_capital}.\n"
    )
    entry = drafted_as(text, tracker.ChannelEstablished, {a, b})
    assert isinstance(entry, tracker.ChannelEstablished)
    assert entry.channel == "diplomatic_relations"


@given(PAIRS, st.sampled_from(["severed", "cut"]))
def test_relations_normalised_after_a_break_are_a_break_mended(
    pair: tuple[State, ...], broke: str
) -> None:
    (a_name, _, _, a), (b_name, _, _, b) = pair
    text = (
        f"{a_name} and {b_name} agree to normalise relations\n\n"
        f"{a_name} and {b_name} agreed on Monday to normalise relations, the two governments "
        "said in a joint statement.\n\n"
        f"{a_name} {broke} ties with {b_name} in 2017 over a dispute about a shared river.\n"
    )
    drafted_as(text, tracker.MinisterialDecision, {a, b})
