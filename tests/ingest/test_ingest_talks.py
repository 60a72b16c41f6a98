"""Talks named by their round, level or venue are meetings of the pair that holds them, on the
day they are held; the subject of the talks and the city or state that hosts them are no side."""

from __future__ import annotations

from datetime import date

import pytest

import tracker
from tracker.ingest import draft_article

PUBLISHED = date(2022, 7, 18)  # a Monday


def meeting_of(text: str) -> tracker.InformalMeeting:
    draft = draft_article("page.txt", text, published=PUBLISHED)
    assert isinstance(draft.entry, tracker.InformalMeeting), draft.reasons
    return draft.entry


@pytest.mark.parametrize(
    ("text", "parties", "on"),
    [
        (
            "India, China hold 16th round of border talks\n\n"
            "NEW DELHI (PTI) - The 16th round of corps commander-level talks between India and "
            "China was held on Sunday at the Chushul-Moldo meeting point, officials said.\n",
            "CHN-IND",
            "2022-07-17",
        ),
        (
            "Corps commanders meet again\n\n"
            "NEW DELHI (PTI) - Indian and Chinese commanders held a fresh round of talks at the "
            "corps commander level on Sunday, the army said.\n",
            "CHN-IND",
            "2022-07-17",
        ),
        (
            "Russia and US discuss Syria in Geneva\n\n"
            "GENEVA (AFP) - Russian and US diplomats held talks on Syria in Geneva on Sunday. "
            "Syria's war and Syria's future dominated the talks, and Syria's government was not "
            "invited.\n",
            "RUS-USA",
            "2022-07-17",
        ),
        (
            "Japan, South Korea ministers meet in Jakarta\n\n"
            "JAKARTA (Kyodo) - The foreign ministers of Japan and South Korea met in Jakarta on "
            "Sunday on the sidelines of gatherings hosted by Indonesia. Indonesia's foreign "
            "minister welcomed the guests to Indonesia.\n",
            "JPN-KOR",
            "2022-07-17",
        ),
        (
            "Russia, Ukraine begin Istanbul talks\n\n"
            "ISTANBUL (Reuters) - The Istanbul talks between Russia and Ukraine began on Sunday "
            "at a palace on the Bosphorus, after Turkey's president addressed the delegations.\n",
            "RUS-UKR",
            "2022-07-17",
        ),
        (
            "Delegation heads meet one on one\n\n"
            "ISTANBUL (Reuters) - Tete-a-tete negotiations between the heads of the Russian and "
            "Ukrainian delegations began in Istanbul on Sunday, the Turkish foreign ministry "
            "said.\n",
            "RUS-UKR",
            "2022-07-17",
        ),
    ],
)
def test_talks_named_by_round_level_or_venue_are_a_meeting_of_the_pair(
    text: str, parties: str, on: str
) -> None:
    entry = meeting_of(text)
    assert (str(entry.parties), str(entry.on)) == (parties, on)


def test_the_lead_dates_a_meeting_the_later_sentences_describe() -> None:
    entry = meeting_of(
        "Ministers reaffirm cooperation\n\n"
        "SEOUL (Yonhap) - Japan and South Korea on Saturday reaffirmed close cooperation.\n\n"
        "During their meeting in Seoul, Japan's foreign minister assured his South Korean "
        "counterpart of close contacts.\n"
    )
    assert str(entry.on) == "2022-07-16"


def test_a_forum_s_summit_ahead_is_no_follow_up_of_the_pair() -> None:
    entry = meeting_of(
        "India, China hold border talks\n\n"
        "NEW DELHI (PTI) - India and China held corps commander-level talks on Sunday.\n\n"
        "The talks come ahead of the BRICS summit, expected to be held on 17 November, which "
        "the leaders of India and China are expected to attend.\n"
    )
    assert entry.follow_ups == ()


def test_a_meeting_planned_on_the_sidelines_of_a_forum_s_summit_is_a_follow_up() -> None:
    entry = meeting_of(
        "India, China hold border talks\n\n"
        "NEW DELHI (PTI) - India and China held corps commander-level talks on Sunday.\n\n"
        "The foreign ministers of India and China will meet on the sidelines of the G20 summit "
        "on 17 November.\n"
    )
    assert [str(f.expected) for f in entry.follow_ups] == ["2022-11-17"]
