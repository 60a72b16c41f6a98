"""A person is one person however a page spells them: particles join the words of a name, an
envoy's post after the title ("ambassador in Lima, Ana Ruiz,") is no part of it, and the
evaluation counts a dictionary form or an accent dropped as the same name."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest import draft_article
from tracker.ingest._evaluate import one_spelling
from tracker.ingest._parties import people_in


@given(
    st.sampled_from(["da", "dos", "de", "van", "del"]),
    st.sampled_from(["Silva", "Santos", "Berg"]),
)
def test_a_particle_joins_the_words_of_a_name(particle: str, surname: str) -> None:
    name = f"Joana Maria {particle} {surname}"
    text = (
        f"Chile on Monday recalled its ambassador to Peru, Foreign Minister {name} told "
        "reporters.\n"
    )
    page = draft_article("page.txt", text, published=date(2024, 5, 6))
    assert page.entry is not None, page.reasons
    assert name in {person.name for person in page.entry.participants}


def test_a_particle_with_no_name_after_it_is_no_part_of_the_name() -> None:
    text = (
        "Chile on Monday recalled its ambassador to Peru, Foreign Minister Joana Maria da, "
        "a spokesman said.\n"
    )
    page = draft_article("page.txt", text, published=date(2024, 5, 6))
    assert page.entry is not None, page.reasons
    assert not any(p.name.endswith(" da") for p in page.entry.participants)


@given(st.sampled_from([("Sergei Lavrov", "Sergey Lavrov"), ("Zelenskyy", "Volodymyr Zelensky")]))
def test_forms_of_one_person_of_the_dictionary_are_one_spelling(forms: tuple[str, str]) -> None:
    assert one_spelling(forms[0]) == one_spelling(forms[1])


@given(st.text(alphabet="ÁáÉéÍíÓóÚúÄäÖöÜüČčŠšŽžŐőÅåAaBbCc ", min_size=1, max_size=20))
def test_accents_are_folded_and_nothing_else_changes(name: str) -> None:
    folded = one_spelling(name)
    assert folded.isascii()
    assert len(folded) == len(name)
    assert one_spelling(folded) == folded


def test_two_different_people_stay_two() -> None:
    assert one_spelling("Sergey Lavrov") != one_spelling("Dmitry Peskov")


@given(
    st.sampled_from(["in Lima", "to Peru", "to the Holy See"]),
    st.sampled_from(["Ana Ruiz", "Tomas van Berg"]),
)
def test_an_envoy_named_with_the_post_after_the_title_speaks_for_their_state(
    post: str, name: str
) -> None:
    text = f"The Chilean ambassador {post}, {name}, was told to leave the country.\n"
    found = {m.person.name: m.person.roles[0].party for m in people_in(text)}
    assert found.get(name) == "CHL", found
