"""Realised, planned, negated or possible: a planned event is never drafted as having happened,
and where a text leaves it in doubt the draft says so."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest import DraftKind, draft_article

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def draft(body: str, published: date = date(2016, 9, 8)) -> tuple[str | None, str, tuple[str, ...]]:
    """The type, day and reasons of the draft of a short page."""
    result = draft_article("page.txt", body, published=published)
    entry = result.entry
    return (entry.TYPE if entry else None), (str(entry.on) if entry else ""), result.reasons


@given(st.dates(min_value=date(1995, 1, 2), max_value=date(2035, 12, 31)))
def test_a_preview_with_its_own_weekday_is_an_announcement_for_that_day(published: date) -> None:
    weekday = WEEKDAYS[published.weekday()]
    body = (
        f"Russia's foreign minister will meet the U.S. Secretary of State in Geneva on {weekday}, "
        "the Russian Foreign Ministry said.\n"
    )
    result = draft_article("page.txt", body, published=published)
    assert result.entry is not None
    assert result.entry.TYPE == "meeting_announcement"
    [expected] = result.entry.expectations()
    assert (expected.expected.start, expected.expected.end) == (published, published)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov arrived in Geneva on Thursday for talks with U.S. officials, Russia said.",
        "Officials of Russia and the United States prepared on Thursday ahead of the meeting.",
        "Russia and the United States set on Thursday the agenda of the next meeting.",
    ],
)
def test_a_purpose_or_a_next_meeting_is_no_meeting_held(sentence: str) -> None:
    kind, _, _ = draft(sentence + "\n")
    assert kind not in ("informal_meeting", "council_meeting")


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The United States said on Thursday that Kerry would not meet Lavrov.", "not"),
        ("Russia and the United States called off their talks on Thursday.", "called off"),
        ("Kerry on Thursday refused to meet his Russian counterpart Lavrov.", "refused to"),
    ],
)
def test_a_negated_or_cancelled_meeting_is_no_meeting_and_the_draft_says_why(
    sentence: str, word: str
) -> None:
    kind, _, reasons = draft(sentence + "\n")
    assert kind not in ("informal_meeting", "council_meeting", "meeting_announcement")
    assert any(f"negated or called off ({word!r})" in reason for reason in reasons)


def test_a_possible_meeting_is_neither_held_nor_planned() -> None:
    result = draft_article(
        "page.txt",
        "Russia's Lavrov may hold talks with U.S. Secretary of State Kerry in Geneva in early "
        "March, a diplomatic source said.\n",
        published=date(2015, 2, 22),
    )
    assert result.kind is DraftKind.UNCLASSIFIED


def test_a_meeting_no_sentence_dates_or_says_took_place_is_in_doubt() -> None:
    kind, _, reasons = draft(
        "Russia and the EU hold an energy summit in a Siberian town.\n"
        "The summit of the EU and Russia is a sign of better ties, analysts say.\n"
    )
    assert kind is None
    assert any(reason.startswith("in doubt: a meeting is spoken of") for reason in reasons)


def test_a_meeting_of_one_side_s_own_ministers_is_no_meeting_between_the_sides() -> None:
    kind, _, _ = draft(
        "NATO foreign ministers met on Thursday in Oslo and discussed bringing Ukraine closer "
        "to the alliance, the NATO Secretary General said.\n",
        published=date(2023, 6, 1),
    )
    assert kind is None


def test_with_the_other_side_at_the_table_it_is_a_meeting() -> None:
    kind, on, _ = draft(
        "NATO foreign ministers met on Thursday in Oslo with their Ukrainian counterpart, the "
        "NATO Secretary General said.\n",
        published=date(2023, 6, 1),
    )
    assert (kind, on) == ("informal_meeting", "2023-06-01")


def test_face_to_face_talks_told_in_the_past_were_held() -> None:
    kind, on, _ = draft(
        "US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov held "
        "face-to-face talks Friday in Lausanne.\n",
        published=date(2016, 10, 15),
    )
    assert (kind, on) == ("informal_meeting", "2016-10-14")


def test_may_the_month_is_no_hedge() -> None:
    result = draft_article(
        "page.txt",
        "EU and Russian officials met on Monday in Brussels and said they will meet again in "
        "the middle of May.\n",
        published=date(2010, 3, 1),
    )
    assert result.entry is not None
    windows = {(e.kind, str(e.expected)) for e in result.entry.expectations()}
    assert ("informal_meeting", "2010-05-11..2010-05-20") in windows


def test_the_proposed_agreement_is_no_proposal() -> None:
    kind, _, _ = draft(
        "The proposed agreement between the EU and Russia would replace the 1997 one.\n"
    )
    assert kind is None


@given(st.sampled_from(WEEKDAYS), st.integers(min_value=0, max_value=6))
def test_a_meeting_told_in_the_past_is_on_or_before_publication(weekday: str, ahead: int) -> None:
    # Days more than three days old are background, never the news: only recent ones count.
    published = date(2016, 10, 3) + timedelta(days=ahead)
    kind, on, _ = draft(
        f"Kerry and Russian Foreign Minister Lavrov met on {weekday} in Geneva.\n", published
    )
    day = published - timedelta(days=(published.weekday() - WEEKDAYS.index(weekday)) % 7)
    if published - day <= timedelta(days=3):
        assert (kind, on) == ("informal_meeting", str(day))
    else:
        assert kind != "informal_meeting"


def test_an_announcement_takes_the_most_precise_day_it_is_told() -> None:
    result = draft_article(
        "page.txt",
        "A meeting of the NATO-Ukraine Council will be held this week, a U.S. official said.\n"
        "The NATO-Ukraine Council will meet on November 29 in Brussels.\n",
        published=date(2023, 11, 27),
    )
    assert result.entry is not None
    assert result.entry.TYPE == "meeting_announcement"
    planned = result.entry.expectations()[0]
    assert (planned.kind, str(planned.expected)) == ("council_meeting", "2023-11-29")


def test_ministers_of_one_side_meeting_a_minister_of_the_other_is_a_meeting() -> None:
    kind, on, _ = draft(
        "NATO foreign ministers met Russian Foreign Minister Sergey Lavrov on Thursday in "
        "Brussels.\n",
        published=date(2009, 12, 4),
    )
    assert (kind, on) == ("informal_meeting", "2009-12-03")


def test_agreeing_to_meet_is_a_plan_agreeing_to_suspend_is_done() -> None:
    planned = draft_article(
        "page.txt",
        "EU and Russian officials agreed on Monday to meet in Moscow on March 20.\n",
        published=date(2010, 3, 1),
    )
    assert planned.entry is not None
    assert planned.entry.TYPE == "meeting_announcement"
    done, on, _ = draft(
        "EU ministers agreed on Monday to suspend visa talks with Russia.\n",
        published=date(2014, 3, 3),
    )
    assert (done, on) == ("suspension", "2014-03-03")


SCOOP = (
    "Denmark to expel Russian diplomats, broadcaster says\n"
    "\n"
    "COPENHAGEN, May 4 (Wire) - Denmark will expel several Russian diplomats over a spying "
    "case, the broadcaster TV Nord reported on Tuesday, citing unnamed officials.\n"
    "\n"
    "The Danish prime minister is said to be preparing the announcement of the expulsion.\n"
)


def test_a_measure_told_only_on_hearsay_is_no_measure_and_the_draft_says_why() -> None:
    kind, _, reasons = draft(SCOOP, date(2021, 5, 4))
    assert kind is None
    assert any("hearsay" in reason for reason in reasons)


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway plans to close the offices of the Russian trade mission, officials hinted.",
        "Norway is expected to expel three Russian diplomats this week.",
        "The Norwegian premier is to announce on Friday that Norway will expel Russian diplomats.",
    ],
)
def test_a_measure_seen_coming_is_not_drafted_as_taken(sentence: str) -> None:
    kind, _, reasons = draft(sentence + "\n", date(2021, 5, 3))
    assert kind is None
    assert any("not taken as done" in reason for reason in reasons)


def test_a_measure_its_author_announces_for_later_is_taken_on_the_day_it_is_told() -> None:
    body = (
        "OSLO - Norway will expel three Russian diplomats, the Norwegian foreign minister "
        "announced on Monday.\n"
    )
    kind, on, _ = draft(body, date(2021, 5, 4))
    assert (kind, on) == ("expulsion", "2021-05-03")


def test_a_headline_that_tells_a_measure_as_to_come_counts_with_the_decision_of_its_lead() -> None:
    body = (
        "OSCE to send observers to Moldova\n"
        "\n"
        "VIENNA - The 57 states of the OSCE reached a decision on Thursday to send a monitoring "
        "mission to Moldova for three months.\n"
    )
    kind, on, _ = draft(body, date(2021, 5, 6))
    assert (kind, on) == ("presence_measure", "2021-05-06")


def test_calling_off_talks_with_the_other_side_suspends_them() -> None:
    body = (
        "NEW DELHI (Reuters) - India on Thursday called off talks between the foreign "
        "secretaries of India and Pakistan, the foreign ministry said.\n"
    )
    assert draft(body)[:2] == ("suspension", "2016-09-08")


def test_a_meeting_said_to_stand_cancelled_is_not_drafted_as_held() -> None:
    body = (
        "NEW DELHI (Reuters) - The meeting of the Indian and Pakistani foreign secretaries now "
        "stands cancelled, officials of both sides said on Thursday.\n"
    )
    kind, _, reasons = draft(body)
    assert kind != "informal_meeting"
    assert any("called off" in reason for reason in reasons)


def test_citing_a_ministry_is_no_hearsay_but_citing_unnamed_sources_is() -> None:
    told = (
        "MOSCOW (Trend) - The meeting of the foreign ministers of Armenia and Azerbaijan in "
        "Moscow started on Thursday, the agency reports citing the Azerbaijani Foreign "
        "Ministry.\n"
    )
    assert draft(told)[:2] == ("informal_meeting", "2016-09-08")
    heard = told.replace("the Azerbaijani Foreign Ministry", "unnamed sources")
    assert draft(heard)[0] != "informal_meeting"


def test_a_measure_only_threatened_before_is_no_part_of_the_one_taken() -> None:
    body = (
        "WASHINGTON (Reuters) - The United States on Thursday suspended talks with Russia on "
        "Syria, the State Department said.\n\n"
        "Secretary of State John Kerry last week had threatened to call off the talks with "
        "Russia.\n"
    )
    result = draft_article("page.txt", body, published=date(2016, 10, 6))
    assert result.entry is not None
    assert result.entry.TYPE == "suspension"
    assert "John Kerry" not in {person.name for person in result.entry.participants}
