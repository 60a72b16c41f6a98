"""What happened and what did not, and whose act it is: a departure is no meeting, likelihood is
no plan, talks by video are no meeting in person, a past month is no expectation, the lead's
measure outranks the protest it draws, the subject of a measure takes it, the sides of talks are
their pair, follow-ups need a firm plan, and people are taken with the role the text gives."""

from __future__ import annotations

from datetime import date

from drawn_pairs import draft, pairs, sides
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import DraftKind

#: Pairs of states: name, adjective, capital, code.
STATES = [
    ("Lebanon", "Lebanese", "Beirut", "LBN"),
    ("Sweden", "Swedish", "Stockholm", "SWE"),
    ("Kenya", "Kenyan", "Nairobi", "KEN"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "ETH"),
    ("Jordan", "Jordanian", "Amman", "JOR"),
    ("Norway", "Norwegian", "Oslo", "NOR"),
]
PAIRS = pairs(STATES)


@given(PAIRS, st.sampled_from(["left for", "departed for", "set off for", "flew to"]))
def test_a_departure_for_talks_is_their_announcement_for_the_later_day(
    pair: tuple[tuple[str, str, str, str], ...], left: str
) -> None:
    (_, one_adj, _, one), (_, other_adj, capital, other) = pair
    page = draft(
        f"{one_adj} Foreign Minister Ana Ruiz {left} {capital} on Tuesday for talks with "
        f"{other_adj} Foreign Minister Jorge Vera on Thursday, the ministry said.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    assert str(page.entry.planned.expected) == "2024-03-07"
    assert sides(page.entry) == {one, other}


@given(PAIRS, st.sampled_from(["left for", "departed for", "headed to", "is on her way to"]))
def test_a_departure_with_no_day_for_the_talks_is_no_meeting(
    pair: tuple[tuple[str, str, str, str], ...], left: str
) -> None:
    (_, one_adj, _, _), (_, other_adj, capital, _) = pair
    page = draft(
        f"{one_adj} Foreign Minister Ana Ruiz {left} {capital} on Tuesday to hold talks with "
        f"{other_adj} Foreign Minister Jorge Vera.\n"
    )
    assert page.kind is DraftKind.UNCLASSIFIED
    assert any("departure" in reason for reason in page.reasons), page.reasons


def test_arrived_for_talks_not_reported_is_a_visit_begun_not_a_meeting() -> None:
    page = draft(
        "Kenyan Foreign Minister Ana Ruiz arrived in Addis Ababa on Tuesday for talks with "
        "Ethiopian Foreign Minister Jorge Vera.\n"
    )
    # The talks lie ahead: the page announces them, for the day of the arrival.
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    assert sides(page.entry) == {"KEN", "ETH"}
    assert page.entry.planned.expected.start == page.published


@given(
    PAIRS,
    st.sampled_from(
        [
            "are likely to resume talks next week",
            "are expected to meet on Friday",
            "may hold talks next week",
            "could restart talks as early as next month",
        ]
    ),
)
def test_likelihood_is_neither_held_nor_announced(
    pair: tuple[tuple[str, str, str, str], ...], told: str
) -> None:
    (one_name, _, _, _), (other_name, _, _, _) = pair
    page = draft(f"{one_name} and {other_name} {told}, officials said on Tuesday.\n")
    assert page.kind is DraftKind.UNCLASSIFIED
    assert any("possibility" in reason for reason in page.reasons), page.reasons


@given(
    PAIRS,
    st.sampled_from(
        [
            "held talks by video link",
            "held a virtual meeting",
            "held talks via videoconference",
            "held video talks",
        ]
    ),
)
def test_talks_by_video_are_no_meeting_in_person_as_for_a_phone_call(
    pair: tuple[tuple[str, str, str, str], ...], held: str
) -> None:
    (_, one_adj, _, _), (_, other_adj, _, _) = pair
    text = (
        f"{one_adj} President Ana Ruiz and {other_adj} President Jorge Vera {held} on "
        "Tuesday.\n\nDuring the talks, the two leaders discussed trade.\n"
    )
    page = draft(text)
    phone = draft(text.replace(held, "held a phone call"))
    assert page.kind is phone.kind is DraftKind.UNCLASSIFIED
    assert any("remote channel" in reason for reason in page.reasons), page.reasons


def test_a_phone_call_that_sets_a_meeting_is_its_announcement() -> None:
    page = draft(
        "Chilean President Ana Ruiz spoke by phone with Peruvian President Jorge Vera on "
        "Tuesday and the two agreed to meet in Lima on 20 March.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    assert str(page.entry.planned.expected) == "2024-03-20"


@given(st.sampled_from([(date(2024, 12, 5), "March"), (date(2024, 3, 5), "February")]))
def test_a_plan_a_past_month_recaps_is_no_expectation(case: tuple[date, str]) -> None:
    published, month = case
    page = draft(
        "Chilean Foreign Minister Ana Ruiz met Peruvian Foreign Minister Jorge Vera in Lima "
        f"on Tuesday.\n\nIn January, the two ministers agreed to meet again in {month}.\n",
        published,
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert page.entry.follow_ups == ()
    assert any("recap" in reason for reason in page.reasons)


def test_a_plan_told_last_month_for_a_month_ahead_is_still_a_follow_up() -> None:
    page = draft(
        "Chilean Foreign Minister Ana Ruiz met Peruvian Foreign Minister Jorge Vera in Lima "
        "on Thursday.\n\nLast month the ministers said they would meet again in February.\n",
        date(2024, 12, 5),
    )
    assert page.entry is not None
    assert [str(item.expected) for item in page.entry.follow_ups] == ["2025-02-01..2025-02-28"]


@given(
    PAIRS,
    st.sampled_from(
        [
            "They will meet again in April if the border talks make progress.",
            "They would like to meet again in April.",
            "They could meet again in April.",
            "The two hope to meet again in April.",
        ]
    ),
)
def test_a_follow_up_needs_a_firm_plan(
    pair: tuple[tuple[str, str, str, str], ...], later: str
) -> None:
    (_, one_adj, _, _), (_, other_adj, capital, _) = pair
    met = (
        f"{one_adj} Foreign Minister Ana Ruiz met {other_adj} Foreign Minister Jorge Vera in "
        f"{capital} on Tuesday."
    )
    page = draft(f"{met} {later}\n")
    assert page.entry is not None, page.reasons
    assert page.entry.follow_ups == ()
    firm = draft(f"{met} They will meet again on 23 April.\n")
    assert firm.entry is not None
    assert [str(item.expected) for item in firm.entry.follow_ups] == ["2024-04-23"]


@given(PAIRS, st.sampled_from(["closed its embassy in", "shut its embassy in"]))
def test_the_leads_measure_outranks_the_protest_it_draws(
    pair: tuple[tuple[str, str, str, str], ...], closed: str
) -> None:
    (one_name, _, _, one), (other_name, _, capital, other) = pair
    page = draft(
        f"{one_name} closes embassy\n\n{one_name} {closed} {capital} on Tuesday, citing "
        f"security concerns, and {other_name} condemned the move the same day.\n\n"
        f"{other_name} lodged a protest.\n"
    )
    assert isinstance(page.entry, tracker.PresenceMeasure), page.reasons
    assert page.entry.by == one
    assert sides(page.entry) == {one, other}


def test_a_protest_of_the_expelled_side_does_not_replace_the_expulsion() -> None:
    page = draft(
        "Peru protests after Chile expels its ambassador\n\nPeru lodged a protest on Tuesday "
        "after Chile expelled the Peruvian ambassador earlier in the day.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.by == "CHL"


def test_a_measure_the_page_dates_before_the_reaction_stays_its_occasion() -> None:
    page = draft(
        "Peru on Tuesday condemned Chile's decision to expel the Peruvian ambassador.\n\n"
        "Chile said on Monday it was expelling the ambassador.\n"
    )
    assert isinstance(page.entry, tracker.Condemnation), page.reasons
    assert page.entry.by == "PER"


@given(
    PAIRS,
    st.sampled_from(
        [
            ("{one} recalled its ambassador from {other} on Tuesday.", tracker.PresenceMeasure),
            (
                "The ambassador of {one} was recalled from {other} on Tuesday.",
                tracker.PresenceMeasure,
            ),
            (
                "{one} recalled its ambassador to {other} and asked the {other_adj} ambassador to "
                "leave on Tuesday.",
                tracker.Expulsion,
            ),
            (
                "{other}'s ambassador to {one} was summoned by the {one_adj} foreign ministry on "
                "Tuesday.",
                tracker.Condemnation,
            ),
            ("The {other_adj} ambassador was expelled by {one} on Tuesday.", tracker.Expulsion),
            ("{one} closed its embassy in {capital} on Tuesday.", tracker.PresenceMeasure),
        ]
    ),
)
def test_the_subject_of_the_measure_takes_it(
    pair: tuple[tuple[str, str, str, str], ...], case: tuple[str, type[tracker.Entry]]
) -> None:
    (one_name, one_adj, _, one), (other_name, other_adj, capital, other) = pair
    told, kind = case
    text = told.format(
        one=one_name, other=other_name, one_adj=one_adj, other_adj=other_adj, capital=capital
    )
    page = draft(text + "\n")
    assert isinstance(page.entry, kind), page.reasons
    assert page.entry.actor == one
    assert sides(page.entry) == {one, other}


@given(PAIRS, st.sampled_from(["Lithuania and Poland", "Lithuanian and Polish diplomats"]))
def test_the_sides_of_talks_are_their_pair_whoever_is_named_first(
    pair: tuple[tuple[str, str, str, str], ...], onlookers: str
) -> None:
    (one_name, _, _, one), (other_name, _, capital, other) = pair
    page = draft(
        f"{onlookers} welcome talks\n\n{onlookers} on Tuesday welcomed talks between "
        f"{one_name} and {other_name} held in {capital} on Tuesday. Lithuania said it hoped "
        f"relations between {one_name} and {other_name} would improve, and Poland agreed.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert sides(page.entry) == {one, other}


@given(
    st.sampled_from(
        [
            ("British Defence Secretary", "GBR"),
            ("Britain's Home Secretary", "GBR"),
            ("Chile's Interior Minister", "CHL"),
            ("US Defense Secretary", "USA"),
        ]
    )
)
def test_people_are_taken_with_the_role_the_text_gives(title: tuple[str, str]) -> None:
    role, code = title
    page = draft(f"{role} Alan Pryce met Norwegian Defence Minister Dong Jun in Oslo on Tuesday.\n")
    assert page.entry is not None, page.reasons
    people = {(person.name, person.side) for person in page.entry.participants}
    assert people == {("Alan Pryce", code), ("Dong Jun", "NOR")}


@given(PAIRS)
def test_people_named_with_their_state_after_the_name_are_taken(
    pair: tuple[tuple[str, str, str, str], ...],
) -> None:
    (one_name, _, _, one), (other_name, _, capital, other) = pair
    page = draft(
        f"Foreign ministers Ana Ruiz of {one_name} and Jorge Vera of {other_name} met in "
        f"{capital} on Tuesday. State Secretary Eva Nord of {other_name} said the talks were "
        "useful.\n"
    )
    assert page.entry is not None, page.reasons
    people = {(person.name, person.side) for person in page.entry.participants}
    assert people == {("Ana Ruiz", one), ("Jorge Vera", other), ("Eva Nord", other)}


def test_the_day_of_a_departure_does_not_date_the_talks_told_after_it() -> None:
    page = draft(
        "Kenyan Foreign Minister Ana Ruiz departs for Addis Ababa on Wednesday, where she will "
        "meet Ethiopian Foreign Minister Jorge Vera on Thursday, the ministry said on Tuesday.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    assert str(page.entry.planned.expected) == "2024-03-07"


def test_a_meeting_at_an_embassy_keeps_its_city_a_venue() -> None:
    page = draft(
        "Swedish and Norwegian negotiators met at the Swedish embassy in Beirut on Tuesday for "
        "talks on fisheries.\n"
    )
    assert page.entry is not None, page.reasons
    assert sides(page.entry) == {"NOR", "SWE"}


def test_talks_on_a_subject_named_like_a_channel_are_still_held() -> None:
    page = draft(
        "Swedish and Norwegian ministers held talks on video surveillance at the border in Oslo "
        "on Tuesday.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons


@given(
    st.sampled_from(
        [
            "In January, the two ministers agreed to meet again the next month.",
            "Last year the two ministers agreed to meet again in the autumn.",
            "The two met last month in Santiago, where they agreed to meet again on 12 February.",
        ]
    )
)
def test_a_plan_told_from_a_past_day_is_counted_from_then(recap: str) -> None:
    page = draft(
        "Swedish Foreign Minister Ana Ruiz met Norwegian Foreign Minister Jorge Vera in Oslo "
        f"on Tuesday.\n\n{recap}\n"
    )
    assert page.entry is not None, page.reasons
    assert page.entry.follow_ups == ()
    assert any("recap" in reason for reason in page.reasons), page.reasons


@given(
    st.sampled_from(
        [
            ("Sweden recalled its ambassador, Eva Nord, from Norway on Tuesday.", "SWE"),
            ("The ambassador of Sweden to Norway, Eva Nord, was recalled on Tuesday.", "SWE"),
            ("Sweden expelled the Norwegian ambassador, Eva Nord, on Tuesday.", "NOR"),
        ]
    )
)
def test_the_envoy_a_measure_hits_is_its_participant(case: tuple[str, str]) -> None:
    text, side = case
    page = draft(text + "\n")
    assert page.entry is not None, page.reasons
    assert page.entry.actor == "SWE"
    assert {(person.name, person.side) for person in page.entry.participants} == {
        ("Eva Nord", side)
    }


def test_talks_a_pronoun_is_to_hold_after_a_departure_are_announced() -> None:
    page = draft(
        "Kenyan Foreign Minister Ana Ruiz departed for Addis Ababa on Tuesday. She will hold "
        "talks with Ethiopian Foreign Minister Jorge Vera on Thursday.\n"
    )
    assert isinstance(page.entry, tracker.MeetingAnnouncement), page.reasons
    assert str(page.entry.planned.expected) == "2024-03-07"
    assert sides(page.entry) == {"ETH", "KEN"}


@given(PAIRS, st.sampled_from(["who were ordered to leave", "who were told to leave"]))
def test_a_passive_of_a_clause_after_the_measure_does_not_change_who_acts(
    pair: tuple[tuple[str, str, str, str], ...], clause: str
) -> None:
    (one_name, _, _, one), (_, other_adj, _, other) = pair
    page = draft(
        f"{one_name} expelled two {other_adj} diplomats on Tuesday, {clause} within 72 hours.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert page.entry.actor == one
    assert sides(page.entry) == {one, other}
