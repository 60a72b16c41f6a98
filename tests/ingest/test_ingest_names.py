"""The names of who took part, read in more of the forms reports write them: names in any Latin
alphabet and of up to six words, ranks and honorifics that are no part of a name, runs of
spaces, an envoy's post after the title, an apposition with "a", two people named under one
title of two states, the head of a state's mission, a surname that ends someone else's name,
the same person named again in other words, and who tells of a measure in their own words."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import tracker
from tests.ingest.drawn_pairs import draft
from tests.ingest.drawn_people import FIRST, LAST, STATES, participants
from tracker.ingest._parties import Person, _people, people_in, titled_in

#: Given names and surnames written with letters beyond ASCII.
ACCENTED_FIRST = ["Željka", "Ömer", "Đorđe", "Łukasz", "Şükrü", "Ilze", "Hằng"]
ACCENTED_LAST = ["Boržović", "Andrijauskienė", "Çelik", "Wałęsa", "Nguyễn", "Müller", "Sørlie"]

#: Ranks and honorifics written before a name.
RANKS = [
    "General",
    "Rear Admiral",
    "Colonel",
    "Lt. Gen.",
    "H.E.",
    "His Excellency",
    "Prince",
    "Dr The Honourable",
]


@st.composite
def states_and_people(
    draw: st.DrawFn, count: int
) -> tuple[tuple[str, str], tuple[str, str], list[str]]:
    """Two different states as (name, code) and ``count`` different people's full names."""
    one, other = draw(st.sampled_from(STATES)), draw(st.sampled_from(STATES))
    assume(one[1] != other[1])
    first = draw(st.permutations(FIRST))[:count]
    last = draw(st.permutations(LAST))[:count]
    return one, other, [f"{a} {b}" for a, b in zip(first, last, strict=True)]


def _told(text: str) -> list[tuple[str, str]]:
    """Who the text names with a role, and the party the role speaks for."""
    return [(m.person.name, m.person.roles[-1].party) for m in people_in(text)]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(STATES),
    st.sampled_from(ACCENTED_FIRST),
    st.sampled_from(ACCENTED_LAST),
    st.sampled_from(["ambassador", "Foreign Minister", "government spokesperson"]),
)
def test_a_name_in_any_latin_alphabet_is_read_whole(
    state: tuple[str, str], first: str, last: str, title: str
) -> None:
    name = f"{first} {last}"
    assert _told(f"{name}, {state[0]}'s {title}, was summoned on Monday.") == [(name, state[1])]
    assert _told(f"{state[0]}'s {title} {name} said on Monday.") == [(name, state[1])]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(STATES), st.sampled_from(RANKS), st.sampled_from(FIRST), st.sampled_from(LAST)
)
def test_a_rank_or_an_honorific_is_no_part_of_the_name(
    state: tuple[str, str], rank: str, first: str, last: str
) -> None:
    name = f"{first} {last}"
    found = _told(f"{state[0]}'s Defence Minister {rank} {name} said on Monday.")
    assert found == [(name, state[1])]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(STATES), st.sampled_from(FIRST), st.sampled_from(LAST))
def test_a_name_of_six_words_with_particles_is_read_whole(
    state: tuple[str, str], first: str, last: str
) -> None:
    name = f"{first} bin {last} bin Salman al-Khalifa"
    assert _told(f"{state[0]}'s King {name}, and the ministers agreed on it.") == [(name, state[1])]
    doubled = f"{first} von der {last}"
    assert _told(f"{state[0]}'s Foreign Minister {doubled} said on Monday.") == [
        (doubled, state[1])
    ]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(STATES),
    st.sampled_from(FIRST),
    st.sampled_from(LAST),
    st.sampled_from(["  ", "\xa0", "   "]),
)
def test_a_run_of_spaces_is_read_as_one(
    state: tuple[str, str], first: str, last: str, gap: str
) -> None:
    text = f"said {state[0]}'s Prime Minister{gap}Sheikh {first}{gap}{last}."
    found = people_in(text)
    assert [(m.person.name, m.person.roles[0].party) for m in found] == [
        (f"{first} {last}", state[1])
    ]
    assert text[found[0].start : found[0].end] == f"{first}{gap}{last}"


@settings(max_examples=30, deadline=None)
@given(states_and_people(1))
def test_an_envoy_recalled_with_their_post_is_in_the_recall(
    drawn: tuple[tuple[str, str], tuple[str, str], list[str]],
) -> None:
    (one, code), (other, _), (envoy,) = drawn
    page = draft(
        f"{one} on Monday recalled its ambassador to {other}, {envoy}, for consultations over "
        f"the arrest of two of its citizens, the foreign ministry said.\n"
    )
    assert isinstance(page.entry, tracker.PresenceMeasure), page.reasons
    sides = {person.name: person.side for person in page.entry.participants}
    assert sides.get(envoy) == code, page.reasons


@settings(max_examples=30, deadline=None)
@given(states_and_people(1))
def test_an_envoy_is_of_the_other_side_of_the_state_they_are_posted_to(
    drawn: tuple[tuple[str, str], tuple[str, str], list[str]],
) -> None:
    (one, _), (other, code), (envoy,) = drawn
    page = draft(
        f"{one} on Monday condemned {other} over the shelling of a border village, calling "
        f"it a grave violation.\n\nThe foreign ministry of {one} summoned the ambassador to "
        f"{one}, {envoy}, on Monday.\n"
    )
    assert isinstance(page.entry, tracker.Condemnation), page.reasons
    sides = {person.name: person.side for person in page.entry.participants}
    assert sides.get(envoy) == code, page.reasons


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(STATES), st.sampled_from(FIRST), st.sampled_from(LAST))
def test_an_envoy_posted_to_the_country_speaks_for_their_state(
    state: tuple[str, str], first: str, last: str
) -> None:
    name = f"{first} {last}"
    text = f"The ministry summoned {state[0]}'s ambassador to the country, {name}, on Monday."
    assert _told(text) == [(name, state[1])]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Kari Lunde, a minister in the president's office, told reporters.", "minister"),
        ("The minister will hold talks with his counterpart, Kari Lunde, today.", "counterpart"),
        (
            "Algeria recalls its ambassador in Paris, Kari Lunde, for consultations.",
            "ambassador in Paris",
        ),
        (
            "Assistant Secretary of State for European Affairs Kari Lunde said this.",
            "Assistant Secretary of State for European Affairs",
        ),
        (
            "Spokeswoman of the Ministry of Foreign Affairs Kari Lunde said on Monday.",
            "Spokeswoman of the Ministry of Foreign Affairs",
        ),
    ],
)
def test_a_bare_title_in_more_forms_names_its_holder(text: str, title: str) -> None:
    found = titled_in(text)
    assert [(m.person.name, m.person.roles[0].title) for m in found] == [("Kari Lunde", title)]


@settings(max_examples=30, deadline=None)
@given(states_and_people(2), st.sampled_from(["foreign minister", "president", "defence minister"]))
def test_two_named_under_one_title_of_two_states_speak_for_them_in_order(
    drawn: tuple[tuple[str, str], tuple[str, str], list[str]], title: str
) -> None:
    (one, first), (other, second), (a, b) = drawn
    expected = [(a, first), (b, second)]
    assert _told(f"The {title}s of {one} and {other}, {a} and {b}, met on Monday.") == expected
    assert _told(f"{one}'s and {other}'s {title}s, {a} and {b}, met on Monday.") == expected


@settings(max_examples=30, deadline=None)
@given(states_and_people(1), st.sampled_from(["representation", "embassy", "mission"]))
def test_the_head_of_a_states_mission_is_its_envoy(
    drawn: tuple[tuple[str, str], tuple[str, str], list[str]], mission: str
) -> None:
    (one, code), (other, _), (head,) = drawn
    text = f"The Acting Head of {one}'s {mission} in {other} {head} was summoned on Monday."
    assert _told(text) == [(head, code)]
    page = draft(
        f"{other} on Monday expelled two diplomats of {one}, ordering them to leave within 72 "
        f"hours.\n\nThe acting head of {one}'s {mission} {head} was summoned to the foreign "
        f"ministry and handed a note.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert head in participants(page.entry), page.reasons


def _surnamed() -> list[tuple[Person, str]]:
    """People of the dictionary with their surname among the forms of their name."""
    return [
        (person, form)
        for person in _people()
        for form in person.names
        if " " not in form and person.name.endswith(f" {form}") and len(form) > 3
    ]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_surnamed()), st.sampled_from(FIRST), st.sampled_from(LAST))
def test_a_surname_of_the_dictionary_ending_someone_elses_name_is_not_them(
    known: tuple[Person, str], given_name: str, middle: str
) -> None:
    person, surname = known
    assume(all(word[:2] not in (given_name[:2], middle[:2]) for word in person.name.split()))
    other = people_in(f"The visitor was greeted by {given_name} {middle} {surname}, an official.")
    assert person not in [m.person for m in other]
    own = people_in(f"The visitor was greeted by Foreign Minister {surname} on Monday.")
    assert person in [m.person for m in own]


@settings(max_examples=25, deadline=None)
@given(states_and_people(2))
def test_a_person_named_again_in_more_words_is_one_participant(
    drawn: tuple[tuple[str, str], tuple[str, str], list[str]],
) -> None:
    (one, _), (other, _), (host, guest) = drawn
    first, last = host.split()
    page = draft(
        f"{one}'s President {host} received {other}'s Foreign Minister {guest} on Monday, the "
        f"state news agency reported.\n\nA state dinner was held in {one} for the visiting "
        f"minister from {other}, and President {first} bin Khalid {last} said the talks "
        "were useful.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    names = participants(page.entry)
    assert host in names, page.reasons
    assert f"{first} bin Khalid {last}" not in names, page.reasons


@settings(max_examples=25, deadline=None)
@given(states_and_people(2), st.sampled_from(["stated", "declared", "confirmed"]))
def test_who_tells_of_a_measure_in_their_own_words_takes_part_not_whom_they_describe(
    drawn: tuple[tuple[str, str], tuple[str, str], list[str]], verb: str
) -> None:
    (one, _), (other, _), (spokesperson, leader) = drawn
    page = draft(
        f"{one} severed diplomatic relations with {other} on Monday.\n\n"
        f"{one}'s government spokesperson {spokesperson} {verb} on Monday that the decision "
        f"took effect at once.\n\nThe spokesperson also described {other}'s President "
        f"{leader} as a bad neighbour.\n"
    )
    assert isinstance(page.entry, tracker.Suspension), page.reasons
    names = participants(page.entry)
    assert spokesperson in names, page.reasons
    assert leader not in names, page.reasons
