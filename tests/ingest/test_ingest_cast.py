"""Who took part, read from more of the ways news tells it: hosts named together ("the King
and the Crown Prince received"), the people a visitor is to call on, listed, bare titles of
office ("General Secretary", "Premier", "High Commissioner"), the envoy a measure takes as its
object or tells as recalled or summoned, a speaker who "said Tuesday", those "among those who
attended"; and office-holders the dictionary knows on the days they held office."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings

import tracker
from tests.ingest.drawn_pairs import draft
from tests.ingest.drawn_people import pairs_and_people, participants
from tracker.ingest._parties import people_in, titled_in


@settings(max_examples=25, deadline=None)
@given(pairs_and_people(3))
def test_hosts_named_together_both_receive_the_guest(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (first, second, guest) = drawn
    page = draft(
        f"{one}'s President {first} and Prime Minister {second} received {other}'s Foreign "
        f"Minister {guest} on Monday, the state news agency reported.\n\n"
        f"A state dinner was held in {one} for the visiting minister from {other}.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    names = participants(page.entry)
    assert {first, second, guest} <= set(names), page.reasons


@settings(max_examples=25, deadline=None)
@given(pairs_and_people(4))
def test_everyone_a_visitor_is_to_call_on_is_in_the_plan(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (visitor, host, head, deputy) = drawn
    page = draft(
        f"{one}'s Prime Minister {visitor} will pay an official visit to {other} next week "
        f"for talks with {other}'s Prime Minister {host}, the foreign ministry announced on "
        f"Tuesday.\n\nDuring the visit, {visitor} is to pay a courtesy call on President "
        f"{head} and Vice President {deputy}.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    names = participants(page.entry)
    assert {visitor, host, head, deputy} <= set(names), page.reasons


def test_a_name_that_follows_a_call_on_a_list_only_after_a_word_of_the_sentence_is_no_guest() -> (
    None
):
    page = draft(
        "Norway's Foreign Minister Kari Lunde held talks with Chile's Foreign Minister Pablo "
        "Rios in Oslo on Monday.\n\nThe talks went well, and Marta Vidal, a historian, said "
        "relations had a long past.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert "Marta Vidal" not in participants(page.entry)


@pytest.mark.parametrize(
    "title", ["General Secretary", "Premier", "State Councillor", "State Councilor", "Crown Prince"]
)
def test_a_bare_title_of_office_names_its_holder(title: str) -> None:
    found = titled_in(f"The visitor met {title} Kari Lunde on Monday.")
    assert [(m.person.name, m.person.roles[0].title) for m in found] == [("Kari Lunde", title)]


def test_the_general_secretary_a_visitor_will_meet_is_of_the_state_visited() -> None:
    page = draft(
        "Norway's Prime Minister Kari Lunde will travel to Chile next month to meet with "
        "General Secretary Pablo Rios, the government announced on Tuesday.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    sides = {person.name: person.side for person in page.entry.participants}
    assert sides.get("Pablo Rios") == "CHL", page.reasons


@pytest.mark.parametrize(
    ("text", "name", "day", "role"),
    [
        (
            "Prime Minister Anwaar ul Haq Kakar",
            "Anwaar-ul-Haq Kakar",
            date(2024, 1, 16),
            "Pakistani Prime Minister",
        ),
        ("President Droupadi Murmu", "Droupadi Murmu", date(2023, 5, 31), "Indian President"),
        (
            "Vice President Jagdeep Dhankhar",
            "Jagdeep Dhankhar",
            date(2023, 5, 31),
            "Indian Vice President",
        ),
        (
            "General Secretary Nguyen Phu Trong",
            "Nguyen Phu Trong",
            date(2023, 9, 10),
            "General Secretary of the Communist Party of Vietnam",
        ),
    ],
)
def test_office_holders_are_known_on_the_days_they_held_office(
    text: str, name: str, day: date, role: str
) -> None:
    found = people_in(f"The guest called on {text} in the capital.")
    assert len(found) == 1
    held = found[0].person.role_on(day)
    assert found[0].person.name == name
    assert held is not None
    assert held.title == role


def test_an_office_holder_is_no_holder_before_their_term() -> None:
    found = people_in("President Droupadi Murmu")
    assert found[0].person.role_on(date(2021, 1, 1)) is None


@settings(max_examples=25, deadline=None)
@given(pairs_and_people(1))
def test_the_envoy_a_summons_takes_as_its_object_is_hit_by_the_protest(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (envoy,) = drawn
    page = draft(
        f"{one} on Monday condemned {other} over the shelling of a border village, calling "
        f"it a grave violation.\n\nOfficials in the capital summoned Ambassador {envoy} after "
        f"the shelling.\n"
    )
    assert isinstance(page.entry, tracker.Condemnation), page.reasons
    names = {person.name: person.side for person in page.entry.participants}
    assert envoy in names, page.reasons
    assert names[envoy] == page.entry.parties.first or names[envoy] == page.entry.parties.second


@settings(max_examples=25, deadline=None)
@given(pairs_and_people(1))
def test_ones_own_envoy_told_as_recalled_is_in_the_recall(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (envoy,) = drawn
    page = draft(
        f"{one} on Tuesday recalled its ambassador to {other} for consultations over the "
        f"arrest of two of its citizens.\n\nThe foreign ministry also reported that {one}'s "
        f'Ambassador {envoy} was recalled on Tuesday "for consultations about the arrests".\n'
    )
    assert isinstance(page.entry, tracker.PresenceMeasure), page.reasons
    assert envoy in participants(page.entry), page.reasons


@settings(max_examples=25, deadline=None)
@given(pairs_and_people(1))
def test_a_high_commissioner_is_named_with_the_state_they_serve(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, _, (envoy,) = drawn
    found = people_in(f"The ministry summoned {one}'s acting high commissioner {envoy} today.")
    assert [m.person.name for m in found] == [envoy]
    role = found[0].person.roles[0]
    assert role.title == f"{one}'s acting high commissioner"
    assert role.party != ""


def test_a_bare_high_commissioner_is_a_diplomat_of_no_state_yet() -> None:
    found = titled_in("The ministry summoned High Commissioner Kari Lunde today.")
    assert [(m.person.name, m.person.roles[0].title) for m in found] == [
        ("Kari Lunde", "High Commissioner")
    ]


@settings(max_examples=25, deadline=None)
@given(pairs_and_people(1))
def test_a_minister_who_said_on_a_weekday_speaks_of_the_measure(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (minister,) = drawn
    page = draft(
        f"{one} has given {other}'s diplomats 72 hours to leave the country, Foreign Minister "
        f"{minister} said Tuesday.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert minister in participants(page.entry), page.reasons


@settings(max_examples=25, deadline=None)
@given(pairs_and_people(1))
def test_an_envoy_who_was_summoned_is_hit_by_the_protest(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (envoy,) = drawn
    page = draft(
        f"{one} on Tuesday summoned the ambassador of {other} to protest over the detention "
        f"of two {one} journalists.\n\n{other}'s Ambassador {envoy}, who was summoned to "
        f"the foreign ministry, arrived at its building in the afternoon.\n"
    )
    assert isinstance(page.entry, tracker.Condemnation), page.reasons
    assert envoy in participants(page.entry), page.reasons


@pytest.mark.parametrize("title", ["Foreign Minister", "top diplomat"])
@settings(max_examples=25, deadline=None)
@given(pairs_and_people(2))
def test_a_minister_and_their_counterpart_who_discussed_issues_both_met(
    title: str, drawn: tuple[str, str, list[str]]
) -> None:
    """The counterpart is met whether named by office or as the side's top diplomat."""
    one, other, (host, guest) = drawn
    page = draft(
        f"The foreign ministers of {one} and {other} met in Geneva on Monday.\n\n"
        f"The ministry said in a statement that {one}'s Foreign Minister {host} and "
        f'{other}\'s {title} {guest} "discussed a wide range of issues".\n'
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert {host, guest} <= set(participants(page.entry)), page.reasons


@settings(max_examples=25, deadline=None)
@given(pairs_and_people(2))
def test_those_among_whom_a_meeting_was_attended_are_the_sides_delegation(
    drawn: tuple[str, str, list[str]],
) -> None:
    one, other, (head, chief) = drawn
    page = draft(
        f"{one} suspended diplomatic relations with {other} on Tuesday after a meeting of "
        f"its security committee chaired by Prime Minister {head}.\n\nDefence Minister "
        f"{chief} was among those who attended the meeting on Tuesday.\n"
    )
    assert isinstance(page.entry, tracker.Suspension), page.reasons
    assert chief in participants(page.entry), page.reasons
