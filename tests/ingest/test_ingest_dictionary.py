"""The dictionary of people: each form of a name names one person, and a person holds a role
only on the days of its term."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest._parties import Person, _people, known_person, people_in


def test_no_form_of_a_name_names_two_people() -> None:
    forms = Counter(form for person in _people() for form in set(person.names))
    assert [form for form, count in forms.items() if count > 1] == []


def test_every_form_names_its_person() -> None:
    for person in _people():
        for form in person.names:
            assert known_person(form) == person, form


@st.composite
def a_day_of_a_role(draw: st.DrawFn) -> tuple[str, date, str]:
    person = draw(st.sampled_from(_people()))
    role = draw(st.sampled_from(person.roles))
    day = draw(st.dates(min_value=role.start, max_value=role.end))
    return draw(st.sampled_from(person.names)), day, role.party


@given(a_day_of_a_role())
def test_a_person_named_on_a_day_of_their_term_speaks_for_its_party(
    named: tuple[str, date, str],
) -> None:
    form, day, party = named
    found = [m for m in people_in(f"On that day {form} said it was done.") if m.start == 12]
    assert found, form
    role = found[0].person.role_on(day)
    assert role is not None
    assert role.party == party


@given(st.sampled_from(_people()))
def test_no_role_is_held_before_the_first_term(person: Person) -> None:
    before = min(role.start for role in person.roles) - timedelta(days=1)
    assert person.role_on(before) is None
