"""Talks set for a day to come, tallies of earlier rounds, a meeting named again by its place,
documents and deals spoken of, reactions and the acts of other countries: none is drafted as an
event of the day."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from plain_states import plain_names

import tracker
from tracker.ingest import draft_article

PUBLISHED = date(2022, 4, 28)  # a Thursday
PAIRS = [("Turkey", "TUR", "Armenia", "ARM"), ("Serbia", "SRB", "Kosovo", "XKX")]
PAIRS += [("Thailand", "THA", "Cambodia", "KHM"), ("Egypt", "EGY", "Ethiopia", "ETH")]
SET_FOR = ["to be held in Vienna on", "will be held in Vienna on", "are scheduled for"]
SET_FOR += ["are set for", "will take place in Vienna on"]


def draft(text: str) -> tracker.ingest.Draft:
    return draft_article("page.txt", text, published=PUBLISHED)


@given(
    st.sampled_from(PAIRS),
    st.sampled_from(SET_FOR),
    st.integers(min_value=1, max_value=60),
)
def test_talks_set_for_a_later_day_are_announced_not_held(
    pair: tuple[str, str, str, str], words: str, ahead: int
) -> None:
    first, code, second, other = pair
    day = PUBLISHED + timedelta(days=ahead)
    when = f"{day:%B} {day.day}"
    page = draft(
        f"{first} says next round of talks with {second} {words} {when}\n\n"
        f"ANKARA (Reuters) - The next round of talks between {first} and {second} {words} "
        f"{when}, the foreign ministry said on Thursday.\n\n"
        f"The two neighbours have held two rounds of talks so far.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert {entry.parties.first, entry.parties.second} == {code, other}
    assert (entry.planned.expected.start, entry.planned.expected.end) == (day, day)


def test_a_tally_of_rounds_held_so_far_is_no_meeting_of_the_day() -> None:
    page = draft(
        "Envoys keep in touch\n\n"
        "Turkey and Armenia have held two rounds of talks so far, officials said on Thursday.\n"
    )
    assert page.entry is None or page.entry.TYPE not in ("informal_meeting", "council_meeting")
    assert any("a tally of those held so far" in reason for reason in page.reasons)


def test_a_meeting_named_again_by_its_place_is_the_earlier_one() -> None:
    page = draft(
        "Armenia and Turkey to meet again on May 3\n\n"
        "Envoys of Armenia and Turkey will meet in Vienna on May 3, the foreign ministry said "
        "on Thursday.\n\n"
        "The Armenian and Turkish envoys met in Moscow on January 14. Following the Moscow "
        "meeting, Armenia and Turkey issued identical statements.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert {entry.parties.first, entry.parties.second} == {"ARM", "TUR"}
    assert any("the Moscow meeting an earlier sentence tells of" in r for r in page.reasons)


def test_a_declaration_under_review_is_no_declaration_of_the_day() -> None:
    page = draft(
        "Koreas to hold talks on May 9\n\n"
        "SEOUL (Xinhua) - South Korea and North Korea agreed on Thursday to hold high-level "
        "talks on May 9 to review the implementation of the declaration their leaders signed "
        "last year.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons


def test_a_deal_signed_at_a_ceremony_to_come_is_an_announcement_of_the_pair() -> None:
    page = draft(
        "Israel and Bahrain to sign deal at White House\n\n"
        "Israel and Bahrain will sign their deal normalising relations at a White House "
        "ceremony on May 15, a senior official said on Thursday.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert {entry.parties.first, entry.parties.second} == {"BHR", "ISR"}
    assert str(entry.planned.expected) == "2022-05-15"


def test_an_offer_to_hold_talks_that_are_agreed_is_their_announcement() -> None:
    page = draft(
        "Koreas agree on talks\n\n"
        "South Korea and North Korea agreed on Thursday to hold talks on May 9. North Korea "
        "offered to hold the dialogue at the border village of Panmunjom.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons


@given(st.sampled_from(["slammed", "condemned", "denounced"]))
def test_a_reaction_to_the_other_side_s_measure_is_the_news_not_the_measure(verb: str) -> None:
    page = draft(
        f"Israel on Thursday {verb} Bolivia's decision to cut diplomatic ties as a surrender to "
        "terror, its foreign ministry said.\n\n"
        "Bolivia said on Wednesday it was severing relations with Israel.\n\n"
        "Two other South American countries - Colombia and Chile - have recalled their "
        "ambassadors to Israel.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.Condemnation), page.reasons
    assert entry.by == "ISR"
    assert {entry.parties.first, entry.parties.second} == {"BOL", "ISR"}
    assert str(entry.on) == str(PUBLISHED)


@given(st.sampled_from(["broke its longstanding diplomatic ties with", "cut ties with"]))
def test_relations_broken_with_one_state_for_another_are_with_the_first(words: str) -> None:
    page = draft(
        f"Nicaragua on Thursday {words} Taiwan, switching allegiance to Beijing and to the "
        "People's Republic of China, which it called the only China.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.Suspension), page.reasons
    assert {entry.parties.first, entry.parties.second} == {"NIC", "TWN"}


@given(
    st.sampled_from(["sent the Ethiopian ambassador back home", "sent home the Ethiopian envoy"])
)
def test_the_other_side_s_envoy_sent_home_is_expelled(words: str) -> None:
    page = draft(f"Somalia {words} on Thursday and closed two consulates, two officials said.\n")
    entry = page.entry
    assert isinstance(entry, tracker.Expulsion), page.reasons
    assert entry.by == "SOM"


def test_talks_of_the_two_sides_are_of_the_pair_the_article_names() -> None:
    page = draft(
        "Koreas agree on more talks\n\n"
        "SEOUL (Xinhua) - South Korea and North Korea agreed Thursday to hold military talks on "
        "May 14.\n\n"
        "The agreement was reached after high-level officials from the two sides met at the "
        "border village of Panmunjom.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert {entry.parties.first, entry.parties.second} == {"KOR", "PRK"}
    assert str(entry.on) == str(PUBLISHED)
    assert [str(item.expected) for item in entry.expectations()] == ["2022-05-14"]
    assert any("name the sides only as two" in reason for reason in page.reasons)


def test_a_plan_the_lead_tells_on_hearsay_is_hearsay_in_the_headline_too() -> None:
    page = draft(
        "Japan to propose summit to North Korea next week\n\n"
        "The Japanese government plans to propose a summit to North Korean officials next week, "
        "government sources said on Thursday.\n\n"
        "According to the sources, officials hope to meet North Korean diplomats at a "
        "conference next week.\n"
    )
    assert page.entry is None, page.entry
    assert any("hearsay" in reason for reason in page.reasons)


def test_a_council_the_lead_names_is_where_the_plan_meets() -> None:
    page = draft(
        "Association Council in Brussels\n\n"
        "A meeting of the eighth Council of the Ukraine-EU Association will be held in "
        "Brussels. The meeting is scheduled to start at 12.15 Brussels time (13.15 Kyiv time), "
        "the Council of the EU said.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert entry.planned.kind == "council_meeting"


def test_a_meeting_in_a_clause_about_someone_who_has_met_is_background() -> None:
    page = draft(
        "Japan eyes summit\n\n"
        "Officials of Japan and North Korea will meet on May 5, Japan's foreign ministry said on "
        "Thursday. U.S. President Donald Trump, who has met North Korea's leader twice, backs it.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons


@given(st.integers(min_value=2, max_value=40))
def test_a_dialogue_agreed_for_a_later_day_is_a_follow_up(ahead: int) -> None:
    day = PUBLISHED + timedelta(days=ahead)
    page = draft(
        "Koreas hold talks\n\n"
        "SEOUL (Xinhua) - South Korea and North Korea held high-level talks on Thursday at "
        f"Panmunjom. Seoul and Pyongyang agreed to hold a Red Cross dialogue on {day:%B} "
        f"{day.day} at Mount Kumgang.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert [str(item.expected) for item in entry.expectations()] == [str(day)]


def test_a_measure_welcomed_in_the_lead_is_still_the_news() -> None:
    page = draft(
        "Serbia on Thursday welcomed Kosovo's decision to suspend talks with Serbia, its "
        "foreign ministry said.\n"
    )
    assert isinstance(page.entry, tracker.Suspension), page.reasons


def test_a_measure_of_a_party_and_other_countries_stays_the_party_s() -> None:
    page = draft(
        "NATO and other countries suspended cooperation with Russia on Thursday, the alliance "
        "said.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.Suspension), page.reasons
    assert {entry.parties.first, entry.parties.second} == {"NATO", "RUS"}


PLAIN = plain_names("ties with")


@given(st.lists(st.sampled_from(PLAIN), min_size=3, max_size=3, unique_by=lambda s: s[1]))
def test_ties_cut_with_one_state_for_another_are_with_the_first_for_any_states(
    states: list[tuple[str, str]],
) -> None:
    (actor, code), (other, other_code), (third, _) = states
    page = draft(
        f"{actor} on Thursday cut its diplomatic ties with {other}, switching allegiance to "
        f"{third} and to {third}'s government, which it called its partner.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.Suspension), page.reasons
    assert entry.by == code
    assert {entry.parties.first, entry.parties.second} == {code, other_code}
