"""People named by a title that does not say whose office it is ("Foreign Minister Jan
Novak", "the envoy Ana Costa"), diplomats hit by a measure, who presides or heads a delegation,
and who stays out: a third party, a head of state acted upon, a statement of another day."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article
from tracker.ingest._parties import people_in, titled_in

PUBLISHED = date(2021, 4, 17)  # a Saturday
# Names no dictionary holds, in several alphabets' capitals and accents.
NAMES = ["Jan Novak", "Ana Costa Pereira", "Ólafur Brandsson", "María Elena Ruiz", "Kwame Mensah"]
TITLES = ["Foreign Minister", "Deputy Foreign Minister", "Interior Minister", "Prime Minister"]
TITLES += ["Minister of Information", "Foreign Secretary"]


def entry_of(text: str) -> tracker.Entry:
    draft = draft_article("page.txt", text, published=PUBLISHED)
    assert draft.entry is not None, draft.reasons
    return draft.entry


def people(entry: tracker.Entry) -> dict[str, str]:
    return {person.name: person.side for person in entry.participants}


@given(st.sampled_from(NAMES), st.sampled_from(TITLES))
def test_a_title_with_no_state_names_the_acting_side_s_spokesman(name: str, title: str) -> None:
    entry = entry_of(
        "Czech Republic expels 18 Russian diplomats\n\n"
        "PRAGUE (Reuters) - The Czech Republic expelled 18 Russian diplomats on Saturday, "
        f"{title} {name} said.\n"
    )
    assert isinstance(entry, tracker.Expulsion)
    assert people(entry) == {name: "CZE"}
    draft = draft_article(
        "page.txt",
        "PRAGUE (Reuters) - The Czech Republic expelled 18 Russian diplomats on Saturday, "
        f"{title} {name} said.\n",
        published=PUBLISHED,
    )
    assert any("with no state" in (ev.note or "") for ev in draft.evidence)


@given(st.sampled_from(NAMES), st.sampled_from(["Ambassador", "the envoy", "the ambassador"]))
def test_the_diplomat_an_expulsion_hits_is_of_the_other_side(name: str, title: str) -> None:
    entry = entry_of(
        "Mali expels French envoy\n\n"
        f"BAMAKO (AFP) - Mali gave {title} {name} 72 hours to leave the country on Saturday, "
        "the government said in a statement read on state television.\n"
    )
    assert isinstance(entry, tracker.Expulsion)
    assert people(entry) == {name: "FRA"}


@given(st.sampled_from(NAMES))
def test_who_heads_a_delegation_takes_part_in_the_talks(name: str) -> None:
    entry = entry_of(
        "Koreas hold high-level talks\n\n"
        "SEOUL (Xinhua) - South Korea and North Korea held high-level talks on Saturday at "
        "Panmunjom. For the talks, the South Korean delegation was headed by Unification "
        f"Minister {name}.\n"
    )
    assert isinstance(entry, tracker.InformalMeeting)
    assert name in people(entry)


def test_a_title_names_no_place_no_weekday_and_no_honorific() -> None:
    found = [
        m.person.name
        for m in titled_in(
            "During his visit to Brussels, the Prime Minister met the press. Thailand recalled "
            "its ambassador Thursday afternoon, said Prime Minister Sheikh Nasser Ali."
        )
    ]
    assert found == ["Nasser Ali"]


def test_a_head_of_state_acted_upon_or_a_third_party_is_no_participant() -> None:
    entry = entry_of(
        "Arab League suspends Syria\n\n"
        "CAIRO (Reuters) - The Arab League suspended Syria on Saturday in a move that turned "
        "up the heat on President Bashar al-Assad, said Qatar’s Prime Minister Hamad Ali "
        "Khalifa.\n\n"
        "UN spokesman Stephane Dujarric said in a statement that the Secretary-General was "
        "concerned.\n"
    )
    assert isinstance(entry, tracker.Suspension)
    assert people(entry) == {"Hamad Ali Khalifa": "LAS"}


def test_a_statement_of_another_month_or_in_the_perfect_is_not_of_the_day() -> None:
    entry = entry_of(
        "Somalia expels Ethiopian envoy\n\n"
        "MOGADISHU (Reuters) - Somalia sent the Ethiopian ambassador home on Saturday, two "
        "officials said.\n\n"
        "Somalia's President Hassan Ali Mohamud called the deal illegal and said in February "
        "his country would defend itself. Ethiopian Foreign Minister Taye Atske has said that "
        "Ethiopia wants access to the sea.\n"
    )
    assert isinstance(entry, tracker.Expulsion)
    assert people(entry) == {}


def test_an_office_speaking_for_its_holder_names_the_holder() -> None:
    entry = entry_of(
        "ALGIERS (AP) - The statement from Algerian President Amir Kaddour’s office on Saturday "
        "said Algeria was suspending its friendship treaty with Spain.\n"
    )
    assert isinstance(entry, tracker.Suspension)
    assert people(entry) == {"Amir Kaddour": "DZA"}


#: Titles whose office's name ends in a capitalised noun the name could be read to begin with.
OFFICES = [
    "Minister of Foreign Affairs",
    "Minister of Foreign and European Affairs",
    "head of the President Office",
    "Minister of the Cabinet Office",
]


@given(st.sampled_from(NAMES), st.sampled_from(OFFICES))
def test_the_office_a_title_runs_on_into_is_no_part_of_the_name(name: str, office: str) -> None:
    found = [m.person.name for m in titled_in(f"The talks were led by {office} {name} today.")]
    assert found == [name]


@given(st.sampled_from(NAMES), st.sampled_from(["Monday", "Thursday", "June"]))
def test_a_day_after_a_name_is_no_part_of_it(name: str, when: str) -> None:
    texts = (
        f"Tunisia summoned Moroccan Ambassador {name} {when} over the remarks.",
        f"Tunisia summoned the envoy {name} {when} over the remarks.",
    )
    for text in texts:
        found = [m.person.name for m in (*people_in(text), *titled_in(text))]
        assert found == [name]
