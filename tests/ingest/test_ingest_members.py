"""A body's measures against one of its member states: the Arab League suspending Syria, a
regional bloc suspending a state after a coup, are suspensions between the body and the state,
never a meeting of the summit's host."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

PUBLISHED = date(2021, 5, 31)  # a Monday
BODIES = [("The African Union", "AU"), ("ECOWAS", "ECOWAS"), ("The Arab League", "LAS")]
STATES = [("Mali", "MLI"), ("Guinea", "GIN"), ("Syria", "SYR"), ("Sudan", "SDN")]
# States whose names end in "a" and others: a name's last letter is no article before a verb.
TALKERS = [("Kenya", "KEN"), ("Somalia", "SOM"), ("Armenia", "ARM"), ("India", "IND")]
TALKERS += [("Norway", "NOR"), ("Canada", "CAN"), ("Peru", "PER")]
HOSTS = [("Ghana", "Ghanaian", "Accra"), ("Egypt", "Egyptian", "Cairo")]


def entry_of(text: str) -> tracker.Entry:
    """The entry drafted from a page."""
    draft = draft_article("page.txt", text, published=PUBLISHED)
    assert draft.entry is not None, draft.reasons
    return draft.entry


@given(st.sampled_from(BODIES), st.sampled_from(STATES))
def test_a_body_suspending_a_member_state_is_a_suspension_between_them(
    body: tuple[str, str], state: tuple[str, str]
) -> None:
    (name, code), (member, member_code) = body, state
    entry = entry_of(
        f"{name.removeprefix('The ')} suspends {member}\n\n"
        f"{name} suspended {member} on Sunday over the coup, a spokesman for the bloc said.\n"
    )
    assert isinstance(entry, tracker.Suspension)
    assert {entry.parties.first, entry.parties.second} == {code, member_code}
    assert entry.by == code
    assert str(entry.on) == "2021-05-30"


@given(st.sampled_from(STATES), st.sampled_from(HOSTS))
def test_a_suspension_decided_at_a_summit_is_not_a_meeting_of_its_host(
    state: tuple[str, str], host: tuple[str, str, str]
) -> None:
    (member, member_code), (_, adjective, capital) = state, host
    entry = entry_of(
        "West African leaders have decided at an emergency summit to suspend "
        f"{member} from the Economic Community of West African States (ECOWAS) bodies.\n\n"
        f"Ten heads of state attended the summit on Sunday in the {adjective} capital "
        f"{capital}.\n"
    )
    assert isinstance(entry, tracker.Suspension)
    assert {entry.parties.first, entry.parties.second} == {"ECOWAS", member_code}


@given(
    st.lists(
        st.sampled_from(TALKERS),
        min_size=2,
        max_size=2,
        unique=True,
    ),
    st.sampled_from(["suspends", "suspended", "froze", "halted"]),
)
def test_talks_suspended_are_a_suspension_whatever_the_actor_s_name_ends_with(
    pair: list[tuple[str, str]], verb: str
) -> None:
    (actor, code), (other, other_code) = pair
    draft = draft_article(
        "page.txt",
        f"{actor} {verb} talks with {other}\n\n"
        f"{actor} on Sunday {verb} talks with {other}, its foreign ministry said.\n",
        published=PUBLISHED,
    )
    assert isinstance(draft.entry, tracker.Suspension), draft.reasons
    assert draft.entry.by == code
    assert {draft.entry.parties.first, draft.entry.parties.second} == {code, other_code}
    assert any("not taken as having happened: meeting" in reason for reason in draft.reasons)
