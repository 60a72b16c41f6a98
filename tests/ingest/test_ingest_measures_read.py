"""Words for measures and days read on real pages: a treaty suspended, a participation frozen,
relations upgraded and ambassadors exchanged; a label in capitals is no dateline, a dateline's
day is the report's, and a time of day told alone is the day of the report."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import draft_article

PUBLISHED = date(2022, 6, 9)  # a Thursday


def entry_of(text: str, published: date = PUBLISHED) -> tracker.Entry:
    draft = draft_article("page.txt", text, published=published)
    assert draft.entry is not None, draft.reasons
    return draft.entry


@given(st.sampled_from(["friendship treaty", "cooperation pact", "border accord"]))
def test_a_treaty_or_pact_suspended_is_a_suspension(what: str) -> None:
    entry = entry_of(
        f"ALGIERS (AP) - Algeria said on Wednesday it was suspending its two-decade-old {what} "
        "with Spain, the president's office said.\n"
    )
    assert isinstance(entry, tracker.Suspension)
    assert entry.by == "DZA"
    assert str(entry.on) == "2022-06-08"


def test_a_participation_frozen_in_quotation_marks_is_a_suspension() -> None:
    entry = entry_of(
        "Armenia has “frozen” its participation in the Collective Security Treaty Organisation "
        "(CSTO), Prime Minister Nikol Pashinyan told French television channel France 24 on "
        "Wednesday.\n"
    )
    assert isinstance(entry, tracker.Suspension)
    assert {entry.parties.first, entry.parties.second} == {"ARM", "CSTO"}


@given(
    st.sampled_from(
        [
            "agreed on the immediate start of upgrading diplomatic relations",
            "agreed to exchange ambassadors",
        ]
    )
)
def test_relations_upgraded_or_ambassadors_exchanged_are_a_decision(words: str) -> None:
    entry = entry_of(
        f"CAIRO (Reuters) - The presidents of Egypt and Turkey {words} in a phone call, "
        "Egypt's presidency said in a statement on Wednesday.\n"
    )
    assert isinstance(entry, tracker.MinisterialDecision)
    assert {entry.parties.first, entry.parties.second} == {"EGY", "TUR"}
    assert str(entry.on) == "2022-06-08"


@given(st.sampled_from(["BREAKING", "UPDATE", "EXCLUSIVE"]))
def test_a_label_in_capitals_is_no_dateline_and_the_lead_stays_the_lead(label: str) -> None:
    entry = entry_of(
        "La Paz, June 9: Bolivia severed diplomatic relations with Israel on Wednesday, its "
        "deputy foreign minister said.\n\n"
        "Bolivia Severs Diplomatic Ties with Israel\n\n"
        f"{label}: Bolivia ends relations with Israel, a local channel wrote.\n"
    )
    assert isinstance(entry, tracker.Suspension)
    assert str(entry.on) == "2022-06-08"


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_a_council_previewed_with_a_time_of_day_is_announced_for_the_day(
    hour: int, minute: int
) -> None:
    entry = entry_of(
        "EU-Ukraine Association Council to be held in Brussels\n\n"
        "A meeting of the EU-Ukraine Association Council will be held in Brussels. The meeting "
        f"of the council is scheduled to start at {hour}.{minute:02d} Brussels time, the "
        "Council of the EU said.\n"
    )
    assert isinstance(entry, tracker.MeetingAnnouncement)
    assert {entry.parties.first, entry.parties.second} == {"EU", "UKR"}
    assert entry.planned.expected.start == PUBLISHED == entry.planned.expected.end


def test_a_time_of_day_of_another_day_keeps_that_day() -> None:
    entry = entry_of(
        "Envoys of Serbia and Kosovo met at 10:00 on Tuesday in Brussels, the EU said.\n"
    )
    assert isinstance(entry, tracker.InformalMeeting)
    assert entry.on == PUBLISHED - timedelta(days=2)


@given(
    st.sampled_from(
        [
            "The Cuban flag was raised over Havana's embassy in Washington on Wednesday",
            "The Cuban Embassy in Washington was officially reopened on Wednesday",
        ]
    )
)
def test_an_embassy_reopened_or_its_flag_raised_outweighs_the_restoration_it_marks(
    lead: str,
) -> None:
    entry = entry_of(
        "Cuban flag raised over Washington embassy as ties restored\n\n"
        f"{lead} as the United States and Cuba formally restored relations.\n\n"
        "The US Embassy in Havana was also officially reopened for business.\n"
    )
    assert isinstance(entry, tracker.PresenceMeasure)
    assert entry.action is tracker.PresenceAction.OPENED
    assert {entry.parties.first, entry.parties.second} == {"CUB", "USA"}


@given(st.sampled_from(["late Sunday", "on Sunday", "Sunday night"]))
def test_a_sentence_telling_when_the_decision_was_announced_dates_it(when: str) -> None:
    entry = entry_of(
        "ECOWAS suspends Mali\n\n"
        "The Economic Community of West African States (ECOWAS) has suspended Mali after the "
        "coup.\n\n"
        f"ECOWAS announced the decision {when} following an emergency summit.\n",
        published=date(2021, 5, 31),
    )
    assert isinstance(entry, tracker.Suspension)
    assert str(entry.on) == "2021-05-30"


def test_a_caption_run_into_the_lead_does_not_date_the_story() -> None:
    entry = entry_of(
        "Georgia breaks ties with Russia\n\n"
        # A photo's caption, shown again with a word changed, as pages are copied.
        "A man burns a Russian flag outside the Russian embassy in Tbilisi on 7 June\n"
        "A protester burns the Russian flag outside the Russian embassy in Tbilisi\n\n"
        "Georgia has decided to cut diplomatic ties with Russia, days after Moscow recognised "
        "the independence of two breakaway regions.\n"
    )
    assert isinstance(entry, tracker.Suspension)
    assert entry.on == PUBLISHED
