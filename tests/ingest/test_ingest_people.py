"""People: office-holders in the roles they held on the day, who took part in a meeting, and
a measure decided or only threatened."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article
from tracker.ingest._events import two_sides
from tracker.ingest._parties import _people, people_in


def names(body: str, published: date) -> set[str]:
    """The participants drafted from a short page."""
    draft = draft_article("page.txt", body, published=published)
    assert draft.entry is not None, draft.reasons
    return {person.name for person in draft.entry.participants}


def test_every_office_of_the_dictionary_has_a_party_and_a_span() -> None:
    for person in _people():
        assert person.names, person.name
        for role in person.roles:
            assert role.start <= role.end, (person.name, role)
            assert role.party in tracker.ingest._data.load("parties")["parties"] or (
                len(role.party) == 3 and role.party.isupper()
            ), role


@given(st.dates(min_value=date(1999, 10, 14), max_value=date(2024, 9, 30)))
def test_one_secretary_general_of_nato_on_any_day(day: date) -> None:
    titles = ("NATO Secretary General", "NATO acting Secretary General")
    holders = [
        person.name
        for person in _people()
        if (role := person.role_on(day)) and role.title in titles
    ]
    assert len(holders) == 1, (day, holders)


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (date(2013, 6, 1), "Ukrainian President"),
        (date(2016, 6, 1), "Ukrainian President"),
        (date(2009, 12, 1), "Ukrainian Foreign Minister"),
    ],
)
def test_a_person_holds_the_role_of_the_day(day: date, title: str) -> None:
    roles = [m.person.role_on(day) for m in people_in("Yanukovych and Poroshenko met.")]
    assert [role.title for role in roles if role] == [title]


def test_a_person_s_other_offices_do_not_make_a_second_side() -> None:
    # Stoltenberg was Norway's prime minister before he led NATO.
    assert not two_sides("Jens Stoltenberg spoke in Oslo.", date(2023, 6, 1))
    assert two_sides("Jens Stoltenberg met Ukraine's envoy.", date(2023, 6, 1))


def test_a_summit_s_speakers_of_either_side_took_part() -> None:
    body = (
        "EU leaders and Russian President Dmitry Medvedev met on Friday in Khabarovsk for a "
        "summit.\n"
        "European Commission President Jose Manuel Barroso said the talks were open.\n"
    )
    assert names(body, date(2009, 5, 22)) == {"Dmitry Medvedev", "Jose Manuel Barroso"}


def test_a_speaker_elsewhere_or_in_a_statement_did_not_take_part() -> None:
    body = (
        "NATO Secretary General Jaap de Hoop Scheffer and Russia's envoy Dmitry Rogozin met "
        "over lunch on Friday in Brussels.\n"
        "In Moscow, Foreign Minister Sergey Lavrov said Russia wanted to discuss the war.\n"
        "Kurt Volker, U.S. ambassador to NATO, said in a statement Friday that allies agreed.\n"
    )
    assert names(body, date(2008, 12, 19)) == {"Jaap de Hoop Scheffer", "Dmitry Rogozin"}


def test_a_predecessor_named_at_a_meeting_is_no_participant() -> None:
    body = (
        "Russian President Dmitry Medvedev met EU officials on Friday, after years of strained "
        "ties under his predecessor, Vladimir Putin.\n"
    )
    assert names(body, date(2008, 6, 27)) == {"Dmitry Medvedev"}


def test_the_other_party_of_a_one_sided_sentence_is_the_one_the_article_names_most() -> None:
    draft = draft_article(
        "page.txt",
        "Talks with Russia\n\nThe EU on Monday condemned the referendum.\n"
        "Russia had annexed the peninsula, Russian officials said.\n",
        published=date(2014, 3, 17),
    )
    assert draft.entry is not None
    assert str(draft.entry.parties) == "EU-RUS"
    assert any("the one the article names most" in reason for reason in draft.reasons)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Russia will suspend its mission to NATO on Monday, Lavrov said.", "suspension"),
        ("Russia threatened to suspend its mission to NATO on Monday, Lavrov said.", None),
        ("Russia is expected to suspend its mission to NATO, diplomats said.", None),
    ],
)
def test_a_measure_told_in_the_future_counts_only_when_decided(body: str, kind: str | None) -> None:
    draft = draft_article("page.txt", body + "\n", published=date(2021, 10, 18))
    assert (draft.entry.TYPE if draft.entry else None) == kind


@pytest.mark.parametrize(
    ("text", "name", "title", "party"),
    [
        (
            "Polish Foreign Minister Adam Nowicki said so.",
            "Adam Nowicki",
            "Polish Foreign Minister",
            "POL",
        ),
        (
            "Russia's Permanent Representative to the OSCE Ivan Petrov told reporters.",
            "Ivan Petrov",
            "Russia's Permanent Representative",
            "RUS",
        ),
        (
            "Marta Kowalska, Poland's foreign minister, said so.",
            "Marta Kowalska",
            "Poland's foreign minister",
            "POL",
        ),
        (
            "State Department spokeswoman Jane Doe said so.",
            "Jane Doe",
            "State Department spokeswoman",
            "USA",
        ),
    ],
)
def test_a_person_outside_the_dictionary_is_named_with_the_role_the_text_gives(
    text: str, name: str, title: str, party: str
) -> None:
    [mention] = people_in(text)
    [role] = mention.person.roles
    assert (mention.person.name, role.title, role.party, role.told) == (name, title, party, True)
    assert role.spokesperson == ("spokes" in title)


def test_a_place_before_a_title_is_no_name() -> None:
    assert [m.person.name for m in people_in("In Brussels, NATO spokesman Tom Grey said.")] == [
        "Tom Grey"
    ]


def test_a_person_of_the_text_takes_part_on_their_side() -> None:
    body = (
        "Polish Foreign Minister Adam Nowicki met Russian Foreign Minister Sergey Lavrov on "
        "Monday in Warsaw.\n"
    )
    draft = draft_article("page.txt", body, published=date(2010, 6, 7))
    assert draft.entry is not None
    # A meeting of Poland's and Russia's ministers is of that pair, whatever their alliances.
    assert str(draft.entry.parties) == "POL-RUS"
    sides = {person.name: person.side for person in draft.entry.participants}
    assert sides["Sergey Lavrov"] == "RUS"
    assert "Adam Nowicki" in sides


@pytest.mark.parametrize(
    "sentence",
    [
        "Kerry repeated President Poroshenko's call for reform, officials said on Monday.",
        "The talks were the Obama administration's last chance, an analyst said on Monday.",
        "Mr Putin stayed away from the talks on Monday.",
    ],
)
def test_a_person_spoken_of_or_away_is_no_participant(sentence: str) -> None:
    body = f"Kerry and Russia's Sergey Lavrov met on Monday in Geneva.\n{sentence}\n"
    assert names(body, date(2016, 10, 3)) == {"John Kerry", "Sergey Lavrov"}


def test_the_evidence_says_a_role_is_the_text_s() -> None:
    draft = draft_article(
        "page.txt",
        "Polish Foreign Minister Adam Nowicki met Russian Foreign Minister Sergey Lavrov on "
        "Monday in Warsaw.\n",
        published=date(2010, 6, 7),
    )
    assert draft.entry is not None
    index = [person.name for person in draft.entry.participants].index("Adam Nowicki")
    evidence = draft.evidence_for(f"participants[{index}]")
    assert evidence is not None
    assert "in the role the text gives; Polish Foreign Minister (POL)" in evidence.note


def test_who_tells_of_a_plan_takes_part_in_its_announcement_beside_who_will_meet() -> None:
    body = (
        "Biden and Putin to meet in Vienna on July 20\n"
        "\n"
        "(WASHINGTON) -- President Joe Biden will meet Russian President Vladimir Putin in "
        "Vienna on July 20, according to White House press secretary Jen Psaki.\n"
        '"The leaders will discuss arms control," Psaki said on Monday.\n'
    )
    assert names(body, date(2022, 6, 13)) == {"Jen Psaki", "Joe Biden", "Vladimir Putin"}


def test_a_person_named_inside_a_statement_is_not_away_in_a_statement() -> None:
    body = (
        "WASHINGTON - Chinese Foreign Minister Wang Yi met U.S. officials in Washington on "
        "Thursday, the State Department said.\n"
        "Secretary of State Antony Blinken said afterwards that both sides had been candid.\n"
        '"Secretary Antony Blinken welcomed the Foreign Minister for candid talks," the State '
        "Department said in a statement.\n"
    )
    assert names(body, date(2023, 10, 27)) == {"Antony Blinken", "Wang Yi"}


def test_a_role_the_page_gives_outlasts_the_dictionary_s_and_holds_for_the_whole_page() -> None:
    [mention] = people_in("White House press secretary Jen Psaki spoke.")
    role = mention.person.role_on(date(2021, 5, 25))
    assert role is not None
    assert (role.title, role.party, role.told) == ("White House press secretary", "USA", True)
    held = mention.person.role_on(date(2014, 5, 25))
    assert held is not None
    assert (held.title, held.told) == ("State Department spokeswoman", False)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "The talks between Foreign Minister of Ruritania Anna Kovac and Foreign Minister of "
            "Armenia Aram Petrosyan began.",
            [("Aram Petrosyan", "ARM")],
        ),
        ("A Pristina delegation was led by Pristina's PM Arben Gashi.", [("Arben Gashi", "XKX")]),
        ("She met her Chinese counterpart Li Wenhao in Bali.", [("Li Wenhao", "CHN")]),
        ("He met the President of Turkey, Kemal Arslan, in Vilnius.", [("Kemal Arslan", "TUR")]),
    ],
)
def test_a_role_of_a_state_names_its_holder_whatever_its_form(
    text: str, told: list[tuple[str, str]]
) -> None:
    found = [
        (mention.person.name, mention.person.roles[0].party)
        for mention in people_in(text)
        if mention.person.roles
    ]
    assert found == told
