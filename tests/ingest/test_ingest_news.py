"""Vocabulary of other pairs and the news, not its background: the measures, statements and
councils of EU-Russia, US-Russia, NATO-Ukraine and OSCE pages, and what a measure answers."""

from __future__ import annotations

from datetime import date

import pytest

import tracker
from tracker.ingest import DraftKind, draft_article

PUBLISHED = date(2016, 10, 3)


def entry_of(body: str, published: date = PUBLISHED) -> tracker.Entry:
    """The entry drafted from a one-line page."""
    draft = draft_article("news.txt", body + "\n", published=published)
    assert draft.entry is not None, draft.reasons
    return draft.entry


@pytest.mark.parametrize(
    ("body", "kind", "by", "parties"),
    [
        (
            "The United States on Monday suspended its participation in bilateral channels "
            "with Russia on Syria.",
            "suspension",
            "USA",
            "RUS-USA",
        ),
        (
            "EU leaders agreed on Monday to suspend visa negotiations with Russia.",
            "suspension",
            "EU",
            "EU-RUS",
        ),
        (
            "The European Union on Monday summoned the Russian ambassador over a travel ban.",
            "condemnation",
            "EU",
            "EU-RUS",
        ),
        (
            "The EU on Monday called the referendum held by Russia in Crimea illegal.",
            "condemnation",
            "EU",
            "EU-RUS",
        ),
        (
            "The OSCE agreed on Monday to send a monitoring mission to Ukraine.",
            "presence_measure",
            "OSCE",
            "OSCE-UKR",
        ),
        (
            "Russia on Monday ordered hundreds of U.S. embassy staff to leave the country.",
            "presence_measure",
            "RUS",
            "RUS-USA",
        ),
        (
            "Russia on Monday ordered two U.S. diplomats to leave the country.",
            "expulsion",
            "RUS",
            "RUS-USA",
        ),
    ],
)
def test_measures_and_statements_of_other_pairs(
    body: str, kind: str, by: str, parties: str
) -> None:
    entry = entry_of(body)
    assert (entry.TYPE, entry.actor, str(entry.parties), entry.on) == (
        kind,
        by,
        parties,
        PUBLISHED,
    )


def test_a_mission_sent_is_opened_by_the_party_that_sends_it() -> None:
    entry = entry_of("The OSCE agreed on Monday to send a monitoring mission to Ukraine.")
    assert isinstance(entry, tracker.PresenceMeasure)
    assert (entry.action, entry.of) == (tracker.PresenceAction.OPENED, "OSCE")


@pytest.mark.parametrize(
    "body",
    [
        "Ukraine's foreign minister attended a meeting of the NATO-Ukraine Commission on Monday.",
        "The Russia-NATO Council session was held on Monday in Brussels.",
        "Allied ministers met Ukraine's foreign minister in the NUC on Monday in Brussels.",
    ],
)
def test_the_council_under_its_other_names_meets_formally_by_default(body: str) -> None:
    entry = entry_of(body)
    assert isinstance(entry, tracker.CouncilMeeting)
    assert entry.formal


def test_a_council_called_informal_is_informal() -> None:
    entry = entry_of("An informal session of the NATO-Ukraine Commission was held on Monday.")
    assert isinstance(entry, tracker.CouncilMeeting)
    assert not entry.formal


def test_a_counter_measure_is_its_own_event_not_the_measure_it_answers() -> None:
    first = entry_of("The United States on Monday expelled two Russian diplomats.")
    answer = draft_article(
        "answer.txt",
        "Russia on Wednesday expelled two U.S. diplomats.\n"
        "It acted in retaliation for Washington having expelled two Russian diplomats.\n",
        published=date(2016, 10, 5),
        logged=[first],
    )
    assert answer.kind is DraftKind.NEW
    assert answer.entry is not None
    assert (answer.entry.TYPE, answer.entry.actor) == ("expulsion", "RUS")
    assert any(
        "not the news: expulsion ('expelled') told in a clause about the past" in reason
        for reason in answer.reasons
    )


def test_a_recap_of_an_old_suspension_never_decides_the_news() -> None:
    entry = entry_of(
        "NATO and Ukraine held talks on Monday in Brussels, officials said.\n"
        "NATO suspended its cooperation with Russia in April 2014.",
        published=date(2016, 10, 3),
    )
    assert entry.TYPE == "informal_meeting"


def test_a_follow_up_lies_after_the_publication_day() -> None:
    entry = entry_of(
        "EU and Russian leaders met in Siberia on Monday and will meet again today and in "
        "November, officials said."
    )
    assert all(item.expected.end > PUBLISHED for item in entry.expectations())


PREVIEW = (
    "Macron and Putin to meet in Paris on May 29, Elysee says\n"
    "\n"
    "PARIS (Wire) - French President Emmanuel Macron will host Russian President Vladimir "
    "Putin at Versailles on May 29, the Elysee said on Tuesday.\n"
    "\n"
    "The two leaders will discuss Syria and Ukraine.\n"
    "\n"
    "On Monday, French and Russian diplomatic advisers met in Moscow to prepare the visit.\n"
    "\n"
    "France expelled four Russian diplomats last year over a spying case.\n"
)


def test_what_the_body_tells_as_done_is_background_to_the_plan_of_the_headline_and_lead() -> None:
    draft = draft_article("preview.txt", PREVIEW, published=date(2017, 5, 16))
    assert draft.entry is not None
    assert draft.entry.TYPE == "meeting_announcement"
    [planned] = draft.entry.expectations()
    assert str(planned.expected) == "2017-05-29"
    assert any("headline and lead tell only of an event to come" in r for r in draft.reasons)


NO_SUMMIT = (
    "NATO leaders fail to agree on talks with Russia\n"
    "\n"
    "BRUSSELS (Wire) - NATO leaders failed on Thursday to agree on a Dutch and Danish proposal "
    "to invite the Russian president to talks, diplomats said.\n"
    "\n"
    "After the meeting in Brussels, 30 NATO leaders could not reach a common line, the Dutch "
    "prime minister said.\n"
    "\n"
    "The Norwegian prime minister said she supported the Dutch and Danish proposal, but the "
    "Polish president opposed it.\n"
)


def test_a_bloc_s_leaders_meeting_among_themselves_about_the_other_side_is_no_meeting() -> None:
    draft = draft_article("no-summit.txt", NO_SUMMIT, published=date(2021, 6, 25))
    assert draft.entry is None, draft.entry


def test_leaders_of_both_sides_meeting_is_still_a_meeting() -> None:
    body = "KHABAROVSK (Wire) - Russian and EU leaders met on Thursday for a summit in Siberia."
    assert entry_of(body, date(2009, 5, 22)).TYPE == "informal_meeting"


def test_a_planned_event_of_other_parties_is_no_follow_up_of_the_pair() -> None:
    body = (
        "Macron and Putin to meet at Versailles on May 29\n"
        "\n"
        "PARIS (Wire) - French President Emmanuel Macron will host Russian President Vladimir "
        "Putin at Versailles on May 29, the Elysee said on Tuesday.\n"
        "\n"
        "The visit comes after a G7 summit in Italy on May 26, where Macron will meet the "
        "leaders of Japan and Canada.\n"
    )
    draft = draft_article("versailles.txt", body, published=date(2017, 5, 16))
    assert draft.entry is not None
    assert [str(item.expected) for item in draft.entry.expectations()] == ["2017-05-29"]
    assert any("an event of other parties" in reason for reason in draft.reasons)


def test_an_order_to_close_the_other_side_s_consulate_is_a_measure_on_its_mission() -> None:
    body = (
        "(Radio) - Russia condemned the Dutch order to close its consulate in Rotterdam. The "
        "Netherlands on Tuesday ordered Russia to close its consulate in Rotterdam by Friday, "
        "the Dutch foreign ministry said."
    )
    entry = entry_of(body, date(2020, 7, 22))
    assert isinstance(entry, tracker.PresenceMeasure)
    assert (entry.by, entry.of, entry.action.value) == ("NLD", "RUS", "closed")


def test_urging_the_other_side_to_halt_something_is_no_measure_of_one_s_own() -> None:
    body = (
        "BEIJING - Vice Foreign Minister Le Yucheng on Monday summoned the Dutch ambassador to "
        "protest against sanctions. China urges the Dutch side to halt the confrontation and "
        "avoid further damage to bilateral relations, he said."
    )
    entry = entry_of(body, date(2021, 3, 23))
    assert (entry.TYPE, str(entry.on)) == ("condemnation", "2021-03-22")


def test_a_planned_session_of_a_pair_s_named_council_is_a_council_meeting() -> None:
    body = (
        "VILNIUS (Wire) - The Greek and Turkish leaders met on Wednesday on the sidelines of "
        "the NATO summit and agreed to hold the next meeting of the Greek-Turkish High-Level "
        "Cooperation Council between Greece and Turkey in Thessaloniki in the fall.\n"
    )
    draft = draft_article("vilnius.txt", body, published=date(2023, 7, 12))
    assert draft.entry is not None
    assert [(item.kind, str(item.expected)) for item in draft.entry.expectations()] == [
        ("council_meeting", "2023-09-01..2023-11-30")
    ]


def test_a_meeting_that_was_supposed_to_take_place_is_no_follow_up() -> None:
    body = (
        "NEW DELHI (Wire) - India on Monday called off talks with Pakistan, the foreign "
        "ministry said.\n"
        "\n"
        "The foreign secretary, who was supposed to meet her Pakistani counterpart on August "
        "25, had warned the envoy on Friday.\n"
    )
    draft = draft_article("called-off.txt", body, published=date(2014, 8, 18))
    assert draft.entry is not None
    assert draft.entry.TYPE == "suspension"
    assert draft.entry.expectations() == ()
    assert any("a plan that is no more" in reason for reason in draft.reasons)
