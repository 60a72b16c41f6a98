"""A party that hosts or mediates talks between two others is no side of them."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from plain_states import plain_names

import tracker
from tracker.ingest import draft_article
from tracker.ingest._parties import mediators

PUBLISHED = date(2021, 3, 10)  # a Wednesday


PLAIN = plain_names("mediated by")
THIRD_ROLES = [
    "The talks are being held under the auspices of {c}.",
    "The talks are mediated by {c}, whose envoy opened the session.",
    "The {c}-mediated talks began in the morning.",
    "The talks are hosted by {c} in a conference hall.",
    "Officials of {c} are mediating, and {c} officials mediating the talks said little.",
]


@given(
    st.lists(st.sampled_from(PLAIN), min_size=3, max_size=3, unique_by=lambda s: s[1]),
    st.sampled_from(THIRD_ROLES),
)
def test_talks_between_two_under_a_third_are_between_the_two(
    states: list[tuple[str, str]], role: str
) -> None:
    (first, code), (second, other), (third, _) = states
    page = draft_article(
        "page.txt",
        f"Officials of {first} and {second} held talks on their border on Tuesday in Geneva.\n\n"
        + role.format(c=third)
        + "\n",
        published=PUBLISHED,
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert {entry.parties.first, entry.parties.second} == {code, other}


@given(st.lists(st.sampled_from(PLAIN), min_size=3, max_size=3, unique_by=lambda s: s[1]))
def test_a_mediator_named_alone_where_the_talks_are_told_gives_way_to_the_pair_named_elsewhere(
    states: list[tuple[str, str]],
) -> None:
    (first, code), (second, other), (third, _) = states
    page = draft_article(
        "page.txt",
        f"Border talks between {first} and {second} open\n\n"
        f"On Tuesday the delegations of both sides met under the auspices of {third} in a hall.\n",
        published=PUBLISHED,
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert {entry.parties.first, entry.parties.second} == {code, other}


def test_who_is_hosted_or_mediated_is_not_the_host() -> None:
    assert mediators("Talks between Iran and Saudi Arabia hosted by Iraq resumed.") == {"IRQ"}
    assert mediators("Talks between Iran and Saudi Arabia, mediated by Qatar, went on.") == {"QAT"}
    assert mediators("Putin met Xi in Beijing on Tuesday.") == frozenset()


def test_a_host_who_receives_a_guest_is_still_a_side() -> None:
    page = draft_article(
        "page.txt",
        "Xi Jinping met Vladimir Putin in Beijing on Tuesday; China hosted the meeting.\n",
        published=PUBLISHED,
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert {entry.parties.first, entry.parties.second} == {"CHN", "RUS"}
