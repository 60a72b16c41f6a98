"""Who took part in an event: the people who met, acted, or travelled with a side; not the
spokespeople who tell of a meeting, nor the other side's leaders reacting to a measure one
side takes, nor what was said before it. And the dictionary's offices held one at a time."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
from tests.ingest.drawn_pairs import draft
from tests.ingest.drawn_people import LAST, STATES, pairs_and_people, participants
from tracker.ingest._evaluate import one_spelling
from tracker.ingest._parties import Person, _people, people_in, titled_in


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(3))
def test_a_spokesperson_telling_of_a_meeting_did_not_hold_it(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (host, guest, spokesperson) = drawn
    page = draft(
        f"{one}'s Foreign Minister {host} met {other}'s Foreign Minister {guest} in Geneva "
        f"on Monday, {one}'s foreign ministry spokesperson {spokesperson} said.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    names = participants(page.entry)
    assert host in names
    assert guest in names
    assert spokesperson not in names


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(2))
def test_of_an_expulsion_the_other_side_has_the_envoy_it_hits_not_its_leader(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (leader, envoy) = drawn
    page = draft(
        f"{one} expels ambassador of {other}\n"
        f"{one} on Monday ordered the ambassador of {other} to leave the country within 72 "
        f"hours over remarks by {other}'s President {leader}.\n"
        f"{other}'s Ambassador {envoy} was summoned to the foreign ministry on Monday and "
        "informed of the decision.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    names = participants(page.entry)
    assert envoy in names
    assert leader not in names


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(1))
def test_a_minister_named_by_title_alone_who_condemns_takes_part(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (minister,) = drawn
    page = draft(
        f"{one} condemns strikes by {other}\n"
        f"{one} on Monday condemned the air strikes that {other} carried out on a border town.\n"
        f'"Foreign Minister {minister} condemned the strikes," the statement released by '
        f"{one}'s foreign ministry said.\n"
    )
    assert isinstance(page.entry, tracker.Condemnation), page.reasons
    assert minister in participants(page.entry)


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(4))
def test_the_ministers_a_delegation_includes_take_part_in_the_visit(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (leader, host, trade, fisheries) = drawn
    page = draft(
        f"Prime Minister to visit {other}\n"
        f"Prime Minister {leader} of {one} will pay an official visit to {other} from Friday, "
        f"where {leader} will meet {other}'s President {host}.\n"
        f"{leader} will be accompanied by a delegation, which includes Trade Minister {trade} "
        f"and Fisheries Minister {fisheries}, and officials of the ministries.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    assert {leader, host, trade, fisheries} <= set(participants(page.entry))


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(2))
def test_what_is_said_before_a_measure_is_no_part_of_it(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (leader, spokesman) = drawn
    page = draft(
        f"{one}'s Prime Minister {leader} signed a decree imposing sanctions on {other} on "
        "Saturday.\n"
        f'"The answer will be firm," {one}\'s government spokesman {spokesman} said hours '
        "before the decree was published.\n"
    )
    assert isinstance(page.entry, tracker.EconomicMeasure), page.reasons
    names = participants(page.entry)
    assert leader in names
    assert spokesman not in names


#: The offices one person holds at a time: a state's head, its head of government, its
#: foreign minister (deputies, acting holders and spokespeople aside).
_SINGLE = ("President", "Prime Minister", "Chancellor", "Foreign Minister", "Foreign Secretary")


def test_no_two_people_hold_a_states_single_office_on_one_day() -> None:
    terms: defaultdict[tuple[str, str], list[tuple[date, date, str]]] = defaultdict(list)
    for person in _people():
        for role in person.roles:
            words = role.title.split()
            if role.spokesperson or {"Vice", "Deputy", "acting"} & set(words):
                continue
            if any(role.title.endswith(office) for office in _SINGLE):
                terms[(role.title, role.party)].append((role.start, role.end, person.name))
    overlaps = []
    for office, held in terms.items():
        held.sort()
        for (_, end, name), (start, _, other) in itertools.pairwise(held):
            if start < end and name != other:
                overlaps.append((office, name, other))
    assert overlaps == []


@given(
    st.sampled_from(_people()).flatmap(lambda p: st.tuples(st.just(p), st.sampled_from(p.names)))
)
def test_every_spelling_of_a_person_is_compared_as_one_name(drawn: tuple[Person, str]) -> None:
    person, form = drawn
    assert one_spelling(form) == one_spelling(person.name)
    assert one_spelling(form).isascii() or not one_spelling(person.name).isascii()


def test_a_former_office_holder_named_as_precedent_is_no_participant() -> None:
    page = draft(
        "Norway's Prime Minister Kari Lunde met Chile's President Pablo Rios in Oslo on Monday.\n"
        "Norway's former prime minister Tomas Havel visited Chile in 2002, while in office.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert "Tomas Havel" not in participants(page.entry)


def test_names_with_particles_and_honorifics_are_read_whole() -> None:
    found = people_in("Prime Minister Datuk Seri Anwar Ibrahim met Prabowo Subianto.")
    assert [mention.person.name for mention in found] == ["Anwar Ibrahim", "Prabowo Subianto"]


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(2))
def test_who_receives_the_other_side_and_whom_they_receive_take_part(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (host, guest) = drawn
    page = draft(
        f"{one} and {other} held talks in the capital on Monday.\n"
        f"President {host} of {one} received {other}'s Foreign Minister {guest} at the palace, "
        "where the two discussed fisheries.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert {host, guest} <= set(participants(page.entry))


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(1))
def test_whose_visit_a_declaration_crowns_takes_part_in_it(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (visitor,) = drawn
    page = draft(
        f"{one} and {other} sign joint declaration\n"
        f"{one} and {other} signed a joint declaration on Monday, the main result of {one}'s "
        f"President {visitor}'s two-day visit to {other}.\n"
    )
    assert isinstance(page.entry, tracker.Declaration), page.reasons
    assert visitor in participants(page.entry)


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(1))
def test_the_other_side_present_at_a_measure_takes_part_in_it(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (minister,) = drawn
    page = draft(
        f"{one} opens embassy in {other}\n"
        f"{one} opened an embassy in {other} on Monday.\n"
        "The embassy was opened in a ceremony in the capital, in the presence of "
        f"{other}'s Foreign Minister {minister}.\n"
    )
    assert isinstance(page.entry, tracker.PresenceMeasure), page.reasons
    assert minister in participants(page.entry)


@given(st.sampled_from([state for state in STATES if "-" in state[0]]), st.sampled_from(LAST))
def test_a_hyphenated_state_gives_its_people_a_side(state: tuple[str, str], last: str) -> None:
    name, code = state
    for text in (
        f"{name}'s Foreign Minister Kari {last} said so.",
        f"Kari {last}, {name}'s foreign minister, said so.",
    ):
        found = people_in(text)
        assert [mention.person.roles[0].party for mention in found] == [code], text


def test_an_honorific_alone_is_no_name_and_malay_titles_are_not_part_of_one() -> None:
    named = titled_in(
        "The talks were co-headed by the Prime Minister, Dr. Lukas Berg, and Communications "
        "Minister Datuk Seri Amir Salleh."
    )
    assert [mention.person.name for mention in named] == ["Amir Salleh"]


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(2))
def test_whom_a_third_partys_leader_calls_is_in_that_call_not_the_strikes(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (minister, leader) = drawn
    third = "Finnish" if "Denmark" in (one, other) else "Danish"
    page = draft(
        f"{one} launches air strikes on {other}\n"
        f"{one} launched air strikes on military sites in {other} on Saturday, {one}'s Defence "
        f"Minister {minister} said.\n"
        f"{other} called for a meeting of the Security Council, as {third} Prime Minister Mette "
        f"Frederiksen called {other}'s President {leader} to urge restraint.\n"
    )
    assert isinstance(page.entry, tracker.UseOfForce), page.reasons
    names = participants(page.entry)
    assert minister in names
    assert leader not in names


@given(st.sampled_from(STATES), st.sampled_from(["Republic of ", "Kingdom of ", ""]))
def test_a_minister_of_foreign_affairs_of_a_long_named_state_speaks_for_it(
    state: tuple[str, str], form: str
) -> None:
    name, code = state
    text = f"The Minister of Foreign Affairs of the {form}{name} Kari Lunde met her counterpart."
    found = people_in(text)
    assert [(m.person.name, m.person.roles[0].party) for m in found] == [("Kari Lunde", code)]


@settings(max_examples=30, deadline=None)
@given(pairs_and_people(3))
def test_whom_a_side_prepares_to_welcome_is_in_that_plan_not_the_declaration(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (first, second, visitor) = drawn
    page = draft(
        f"{one} and {other} sign joint declaration\n"
        f"{one}'s Foreign Minister {first} and {other}'s Foreign Minister {second} signed a "
        "joint declaration on trade on Monday.\n"
        f"The declaration comes as {one} prepares to welcome {other}'s President {visitor} for a "
        "state visit next month.\n"
    )
    assert isinstance(page.entry, tracker.Declaration), page.reasons
    assert set(participants(page.entry)) == {first, second}


@given(st.sampled_from(["Radosław Nowak", "Søren Holm", "Đorđe Petrović", "Ólafur Þórsson"]))
def test_a_name_is_compared_as_its_ascii_spelling(name: str) -> None:
    folded = one_spelling(name)
    assert folded.isascii()
    assert len(folded.split()) == len(name.split())


@given(st.sampled_from(STATES), st.sampled_from(["chargé d’affaires", "charge d'affaires"]))
def test_a_charge_daffaires_speaks_for_the_state_named_before_the_title(
    state: tuple[str, str], title: str
) -> None:
    name, code = state
    found = people_in(f"{name}'s {title} Kari Lunde was summoned on Monday.")
    assert [(m.person.name, m.person.roles[0].party) for m in found] == [("Kari Lunde", code)]


@given(
    st.sampled_from(STATES),
    st.sampled_from(["binti", "bin", "de la", "da", "ibni"]),
    st.sampled_from(["el-Masri", "al-Hadi", "Abdullah", "Vega"]),
)
def test_a_name_joined_by_a_particle_is_read_whole(
    state: tuple[str, str], particle: str, last: str
) -> None:
    name, code = state
    person = f"Siti Aminah {particle} {last}"
    found = people_in(f"{name}'s Foreign Minister {person} said so.")
    assert [(m.person.name, m.person.roles[0].party) for m in found] == [(person, code)]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        pytest.param(
            "Norway's Prime Minister Kari Lunde met Chile's President Pablo Rios in Oslo on "
            "Monday.\n"
            "Trade Minister Ola Berg and Fisheries Minister Siri Nilsen were also present.\n",
            tracker.InformalMeeting,
            {"Kari Lunde", "Pablo Rios", "Ola Berg", "Siri Nilsen"},
            id="the_ministers_present_at_talks_take_part_in_them",
        ),
        pytest.param(
            "Norwegian PM to visit Chile\n"
            "Norway's Prime Minister Kari Lunde will visit Chile on Friday.\n"
            "Lunde is expected to hold a meeting with Chilean President Pablo Rios on trade.\n",
            tracker.MeetingAnnouncement,
            {"Kari Lunde", "Pablo Rios"},
            id="whom_a_planned_meeting_is_with_takes_part_in_the_plan",
        ),
        pytest.param(
            "Norway's Prime Minister Kari Lunde met Chile's President Pablo Rios in Oslo on "
            "Monday.\n"
            "Rios will meet with Foreign Minister Ola Berg, according to the foreign ministry.\n",
            tracker.InformalMeeting,
            {"Kari Lunde", "Pablo Rios"},
            id="whom_a_visitor_is_still_to_meet_was_not_at_the_talks_held",
        ),
    ],
)
def test_who_takes_part_in_the_act_a_page_tells(
    text: str, kind: type[tracker.Entry], expected: set[str]
) -> None:
    page = draft(text)
    assert isinstance(page.entry, kind), page.reasons
    assert set(participants(page.entry)) == expected


@pytest.mark.parametrize(
    ("text", "published", "kind", "expected"),
    [
        pytest.param(
            "Japan proposes summit with North Korea\n"
            "Japanese Prime Minister Fumio Kishida on Tuesday proposed a summit with North "
            "Korean leader Kim Jong Un to settle the question of the abductees.\n",
            date(2023, 9, 19),
            tracker.Proposal,
            ["Fumio Kishida"],
            id="who_a_plan_is_made_with_is_not_a_party_to_the_proposal",
        ),
        pytest.param(
            "Israel opens office in Morocco\n"
            "Israel opened a liaison office in Morocco on Thursday during a visit by its foreign "
            "minister.\n"
            "Lapid had arrived in Rabat the day before.\n",
            date(2021, 8, 12),
            tracker.PresenceMeasure,
            ["Yair Lapid"],
            id="a_minister_named_by_office_where_it_is_reported_and_by_name_elsewhere_takes_part",
        ),
    ],
)
def test_the_one_person_of_the_dictionary_who_takes_part(
    text: str, published: date, kind: type[tracker.Entry], expected: list[str]
) -> None:
    page = draft(text, published=published)
    assert isinstance(page.entry, kind), page.reasons
    assert participants(page.entry) == expected
