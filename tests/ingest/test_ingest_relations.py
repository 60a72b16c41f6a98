"""Diplomatic relations as a whole: broken off, downgraded or restored, and the day a measure
takes force when the text gives one after the day it is taken."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

PUBLISHED = date(2019, 3, 12)  # a Tuesday
STATES = [("Chile", "CHL"), ("Kenya", "KEN"), ("Norway", "NOR"), ("Vietnam", "VNM")]


def entry_of(text: str, published: date = PUBLISHED) -> tracker.Entry:
    """The entry drafted from a page."""
    draft = draft_article("page.txt", text, published=published)
    assert draft.entry is not None, draft.reasons
    return draft.entry


def wire(headline: str, *paragraphs: str) -> str:
    """A wire story as copied from an agency's page."""
    body = "\n\n".join(paragraphs)
    return f"{headline}\n\nSANTIAGO (Reuters) - {body}\n"


pairs = st.lists(st.sampled_from(STATES), min_size=2, max_size=2, unique=True)


@given(
    pairs,
    st.sampled_from(
        [
            "severed diplomatic ties with",
            "cut diplomatic relations with",
            "broke off diplomatic relations with",
            "has cut all ties with",
            "decided to break its diplomatic relations with",
        ]
    ),
)
def test_relations_broken_off_are_a_suspension_of_the_relations_by_the_side_that_breaks(
    pair: list[tuple[str, str]], words: str
) -> None:
    (actor, by), (other, _) = pair
    entry = entry_of(
        wire(
            f"{actor} breaks with {other}",
            f"{actor} {words} {other} on Tuesday, its foreign ministry said.",
        )
    )
    assert isinstance(entry, tracker.Suspension)
    assert entry.by == by
    assert entry.channels == ("diplomatic_relations",)
    assert entry.levels == ()
    assert str(entry.on) == str(PUBLISHED)


def test_relations_downgraded_keep_the_mission_without_its_ambassador() -> None:
    entry = entry_of(
        wire(
            "Kenya downgrades ties with Norway",
            "Kenya on Tuesday downgraded its diplomatic relations with Norway to the level of "
            "charge d'affaires, the foreign ministry said in a statement.",
        )
    )
    assert isinstance(entry, tracker.Suspension)
    assert (entry.by, entry.channels, entry.levels) == (
        "KEN",
        ("diplomatic_relations",),
        ("ambassadors",),
    )


def test_a_break_told_as_years_old_background_is_not_the_news() -> None:
    draft = draft_article(
        "page.txt",
        wire(
            "Chile and Kenya hold talks",
            "The foreign ministers of Chile and Kenya met in Santiago on Tuesday.",
            "Kenya cut diplomatic ties with Chile in 2011.",
        ),
        published=PUBLISHED,
    )
    assert isinstance(draft.entry, tracker.InformalMeeting)


@given(
    pairs,
    st.sampled_from(
        [
            "restored diplomatic relations with",
            "resumed diplomatic ties with",
            "re-established relations with",
        ]
    ),
)
def test_relations_restored_by_one_side_lift_its_break(
    pair: list[tuple[str, str]], words: str
) -> None:
    (actor, by), (other, _) = pair
    entry = entry_of(wire(f"{actor} ends rift", f"{actor} on Tuesday {words} {other}."))
    assert isinstance(entry, tracker.MinisterialDecision)
    assert entry.by == by
    assert [lift.target for lift in entry.lifts] == ["diplomatic_relations"]
    assert not entry.jointly
    assert "diplomatic_relations" not in entry.resumes


def test_relations_restored_by_both_sides_are_their_joint_decision_not_a_meeting() -> None:
    entry = entry_of(
        wire(
            "Chile and Vietnam restore ties",
            "Chile and Vietnam agreed on Tuesday to restore full diplomatic relations, "
            "their foreign ministries said in a joint statement.",
        )
    )
    assert isinstance(entry, tracker.MinisterialDecision)
    assert entry.jointly
    assert [lift.target for lift in entry.lifts] == ["diplomatic_relations"]


def test_a_restoration_only_hoped_for_is_no_decision() -> None:
    draft = draft_article(
        "page.txt",
        wire(
            "Kenya sees no obstacle to ties with Norway",
            "Kenya's foreign minister said on Tuesday he saw no obstacle to restoring diplomatic "
            "relations with Norway.",
            "He said the prospect of a resumption of relations was open.",
        ),
        published=PUBLISHED,
    )
    assert not isinstance(draft.entry, tracker.MinisterialDecision)


def test_a_break_with_effect_from_a_later_day_takes_force_that_day() -> None:
    entry = entry_of(
        wire(
            "Norway cuts ties with Vietnam",
            "Norway on Tuesday cut diplomatic relations with Vietnam with effect from March 15.",
        )
    )
    assert isinstance(entry, tracker.Suspension)
    assert entry.effective == date(2019, 3, 15)


def test_a_break_starting_today_takes_force_the_day_it_is_taken() -> None:
    entry = entry_of(
        wire(
            "Norway cuts ties with Vietnam",
            "Norway decided to cut diplomatic relations with Vietnam starting today, Tuesday.",
        )
    )
    assert isinstance(entry, tracker.Suspension)
    assert entry.effective is None


@given(st.integers(min_value=1, max_value=240), st.sampled_from(["hours", "days"]))
def test_an_expulsion_takes_force_when_the_time_given_to_leave_runs_out(
    count: int, unit: str
) -> None:
    entry = entry_of(
        wire(
            "Chile expels Kenyan diplomats",
            f"Chile on Tuesday expelled two Kenyan diplomats and gave them {count} {unit} to "
            "leave the country.",
        )
    )
    assert isinstance(entry, tracker.Expulsion)
    days = -(-count // 24) if unit == "hours" else count
    assert entry.effective == PUBLISHED + timedelta(days=days)


def test_an_embassy_reopened_is_the_mission_of_the_side_that_reopens_it() -> None:
    entry = entry_of(
        wire(
            "Kenya reopens embassy in Norway",
            "Kenya on Tuesday reopened its embassy in Norway, eight years after it was shut.",
        )
    )
    assert isinstance(entry, tracker.PresenceMeasure)
    assert (entry.by, entry.of, entry.action) == ("KEN", "KEN", tracker.PresenceAction.OPENED)


@given(
    st.sampled_from(
        [
            "The new Chilean ambassador presented his credentials to Kenya's president on Tuesday.",
            "A new Chilean ambassador arrived in Nairobi on Tuesday, the first in five years, "
            "Kenya's foreign ministry said.",
        ]
    )
)
def test_an_ambassador_at_post_opens_the_mission_of_the_side_that_sends_them(lead: str) -> None:
    entry = entry_of(wire("Chile's envoy back in Kenya", lead))
    assert isinstance(entry, tracker.PresenceMeasure)
    assert (entry.by, entry.of, entry.action) == ("CHL", "CHL", tracker.PresenceAction.OPENED)


def test_naming_an_ambassador_to_the_other_side_is_a_decision() -> None:
    entry = entry_of(
        wire(
            "Chile names envoy to Vietnam",
            "Chile's president on Tuesday appointed a former minister as ambassador to Vietnam.",
        )
    )
    assert isinstance(entry, tracker.MinisterialDecision)
    assert entry.by == "CHL"


@given(
    st.sampled_from(
        [
            "declared Kenya's ambassador persona non grata and ordered him out within 72 hours",
            "gave the Kenyan ambassador 72 hours to leave the country",
            "ordered the Kenyan charge d'affaires to leave the country within three days",
        ]
    )
)
def test_an_envoy_given_days_to_leave_is_expelled_until_the_deadline(words: str) -> None:
    entry = entry_of(wire("Norway expels Kenyan envoy", f"Norway on Tuesday {words}."))
    assert isinstance(entry, tracker.Expulsion)
    assert (entry.by, entry.mission) == ("NOR", "ken_mission")
    assert entry.effective == PUBLISHED + timedelta(days=3)


@given(
    st.sampled_from(
        [
            "Norway threatened on Tuesday to expel Kenyan diplomats",
            "Norway could expel Kenyan diplomats, officials said on Tuesday",
            "Norway is considering expelling Kenyan diplomats, officials said on Tuesday",
            "Norway would expel Kenyan diplomats if the talks failed, officials said on Tuesday",
        ]
    )
)
def test_an_expulsion_only_threatened_or_considered_is_never_drafted_as_taken(lead: str) -> None:
    draft = draft_article(
        "page.txt", wire("Norway weighs expulsions", f"{lead}."), published=PUBLISHED
    )
    assert not isinstance(draft.entry, tracker.Expulsion)
