"""What a page expects next, and the day of a planned meeting: spans told ahead start the day
after the telling, one plan told several times is one follow-up, a day of another event (a
forum's summit, a call with a third state) is none of the pair's, a meeting held is no
follow-up of itself, and a weekday told in the past is the latest such day up to the page."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from drawn_pairs import draft, pairs, sides
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker._dates import DateWindow
from tracker.ingest._when import Tense, find_dates

#: States: name, adjective, capital, code.
STATES = [
    ("Chile", "Chilean", "Santiago", "CHL"),
    ("Ghana", "Ghanaian", "Accra", "GHA"),
    ("Finland", "Finnish", "Helsinki", "FIN"),
    ("Vietnam", "Vietnamese", "Hanoi", "VNM"),
    ("Portugal", "Portuguese", "Lisbon", "PRT"),
    ("Senegal", "Senegalese", "Dakar", "SEN"),
]
PAIRS = pairs(STATES)
State = tuple[str, str, str, str]
WEEKDAYS = list(calendar.day_name)

#: Days to publish on: any day of a few years, so that every weekday and month end is drawn.
DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _only(sentence: str, published: date) -> tuple[str, DateWindow, Tense]:
    found = find_dates(sentence, published)
    assert len(found) == 1, found
    return found[0].phrase, found[0].window, found[0].tense


# -- spans told ahead ---------------------------------------------------------------------------


@given(DAYS, st.sampled_from(["this month", "later this month", "by the end of this month"]))
def test_a_span_of_this_month_told_ahead_starts_the_day_after_the_telling(
    published: date, phrase: str
) -> None:
    _, window, tense = _only(f"The two sides will meet {phrase}.", published)
    assert tense is Tense.FUTURE
    if published < _month_end(published):
        assert window == DateWindow(published + timedelta(days=1), _month_end(published))
    else:
        assert window.last == published


@given(DAYS)
def test_by_the_end_of_a_month_is_any_day_up_to_it(published: date) -> None:
    month = calendar.month_name[published.month]
    _, window, _ = _only(f"A decision is due by the end of {month}.", published)
    start = published + timedelta(days=1) if published < _month_end(published) else published
    assert window.end == _month_end(published)
    assert window.start == min(start, window.end)


@given(st.integers(min_value=2015, max_value=2030), st.integers(min_value=1, max_value=12))
def test_late_a_month_runs_from_the_twenty_first_to_its_last_day(year: int, month: int) -> None:
    published = date(year, month, 1) - timedelta(days=3)
    name = calendar.month_name[month]
    _, window, _ = _only(f"The leaders will meet in late {name}.", published)
    assert window == DateWindow(date(year, month, 21), _month_end(date(year, month, 1)))


@given(PAIRS)
def test_a_visit_this_month_is_announced_from_the_next_day(pair: tuple[State, State]) -> None:
    (one, one_adj, _, code), (other, _, other_capital, other_code) = pair
    published = date(2024, 3, 5)
    page = draft(
        f"{one} leader to visit {other} this month\n\n"
        f"{other_capital} (Reuters) - The {one_adj} prime minister will visit {other} this "
        f"month for talks with his {other} counterpart, {other}'s foreign ministry said on "
        "Tuesday.\n",
        published,
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.planned.expected == DateWindow(date(2024, 3, 6), date(2024, 3, 31))


# -- a plan told several times --------------------------------------------------------------------


@given(PAIRS)
def test_tomorrow_in_a_quote_counts_from_the_day_it_was_said(pair: tuple[State, State]) -> None:
    (one, one_adj, _, code), (_other, other_adj, other_capital, other_code) = pair
    # Published on a Monday, the quote said on the Sunday before.
    published = date(2024, 3, 4)
    page = draft(
        f"{one} president to meet {other_adj} leader on Monday\n\n"
        f"The {one_adj} president will hold a one-on-one meeting with the {other_adj} "
        f"president on Monday in {other_capital}, his office said.\n\n"
        f'"Tomorrow there will be a short meeting between the two presidents," the {one_adj} '
        "foreign minister announced Sunday.\n",
        published,
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.planned.expected == DateWindow.day(published)
    # The quote's "tomorrow" is that Monday again, not the Tuesday after the page.
    assert entry.follow_ups == ()


@given(PAIRS, st.sampled_from(WEEKDAYS))
def test_a_preview_of_high_level_meetings_is_announced_for_its_weekday(
    pair: tuple[State, State], weekday: str
) -> None:
    (one, one_adj, _, code), (other, other_adj, other_capital, other_code) = pair
    published = date(2024, 3, 5)  # a Tuesday
    page = draft(
        f"The {other_adj} prime minister's office said on Tuesday that the {one_adj} prime "
        f"minister will arrive in {other_capital} on {weekday} for a series of high-level "
        "meetings.\n\n"
        f"It will be the first visit to {other} by a leader of {one} in six years.\n",
        published,
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert sides(entry) == {code, other_code}
    ahead = (WEEKDAYS.index(weekday) - published.weekday()) % 7
    assert entry.planned.expected == DateWindow.day(published + timedelta(days=ahead))


@given(PAIRS)
def test_a_visit_told_in_the_present_is_announced_for_the_day_of_its_meeting(
    pair: tuple[State, State],
) -> None:
    (_, one_adj, _, code), (_, other_adj, other_capital, other_code) = pair
    published = date(2024, 3, 6)  # a Wednesday
    page = draft(
        f"{other_capital} (AP) - The {other_adj} prime minister says he will discuss closer "
        f"security ties with his {one_adj} counterpart when the {one_adj} prime minister "
        f"visits {other_capital} this week. The {one_adj} leader will stay from Friday to "
        "Sunday with the leaders' annual meeting Saturday.\n",
        published,
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.planned.expected == DateWindow.day(date(2024, 3, 9))


@given(PAIRS, st.sampled_from(["leave for", "fly to", "travel to"]))
def test_a_trip_told_by_its_departure_and_return_is_the_stay_between(
    pair: tuple[State, State], leave: str
) -> None:
    (_one, one_adj, _, code), (other, other_adj, other_capital, other_code) = pair
    page = draft(
        f"{one_adj} foreign minister to visit {other} next week\n\n"
        f"The {one_adj} foreign minister will visit {other} next week to discuss trade and "
        "security, his ministry said on Tuesday.\n\n"
        f"He plans to {leave} {other_capital} on Sunday to hold talks with his {other_adj} "
        "counterpart, a spokesperson told a regular briefing. The minister is to return home "
        "Tuesday.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.planned.expected == DateWindow(date(2024, 3, 10), date(2024, 3, 12))
    assert entry.follow_ups == ()


# -- the day of another event ---------------------------------------------------------------------


def test_a_day_of_a_call_with_a_third_state_is_not_the_plans_day() -> None:
    page = draft(
        "Finnish foreign minister to visit Vietnam\n\n"
        "Finland's foreign minister will be on an official visit to Vietnam from March 14 to 15 "
        "to meet his Vietnamese counterpart, the ministry said on Tuesday.\n\n"
        "The visit will come after a three-way phone call between the leaders of Vietnam, "
        "Finland and Japan on Wednesday, March 13.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert entry.planned.expected == DateWindow(date(2024, 3, 14), date(2024, 3, 15))
    assert all(item.expected.start != date(2024, 3, 13) for item in entry.follow_ups)


@given(PAIRS, st.sampled_from(["inauguration, scheduled for", "election, set for"]))
def test_a_day_of_another_kind_of_event_is_no_follow_up(
    pair: tuple[State, State], event: str
) -> None:
    (one, one_adj, _, code), (other, _, other_capital, other_code) = pair
    page = draft(
        f"{one_adj} president-elect to visit {other}\n\n"
        f"The president-elect of {one} will visit {other_capital} on March 12 for talks with "
        f"the president of {other}, his office said on Tuesday.\n\n"
        f"His first trip abroad will be to {other_capital}, before his {event} April 2.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.planned.expected == DateWindow.day(date(2024, 3, 12))
    assert entry.follow_ups == ()
    assert any("the day of another event" in reason for reason in page.reasons)


@given(PAIRS, st.sampled_from(["will take part in", "will attend", "is to participate in"]))
def test_a_forums_summit_one_side_attends_is_no_follow_up_of_the_pair(
    pair: tuple[State, State], verb: str
) -> None:
    (_one, one_adj, _, code), (_other, other_adj, other_capital, other_code) = pair
    page = draft(
        f"{one_adj} and {other_adj} presidents meet in {other_capital}\n\n"
        f"The {one_adj} president met the {other_adj} president in {other_capital} on Tuesday, "
        "the first stop of his first trip abroad.\n\n"
        f"On Thursday, the {one_adj} president {verb} a Community of Coastal and Island "
        "States (CCIS) summit.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.follow_ups == ()
    assert any("a gathering of a forum" in reason for reason in page.reasons)


def test_the_two_meeting_on_a_summits_sidelines_is_a_follow_up() -> None:
    page = draft(
        "Portugal and Senegal leaders meet in Lisbon\n\n"
        "Portugal's prime minister met Senegal's president in Lisbon on Tuesday.\n\n"
        "Portugal's prime minister and Senegal's president will meet again on the sidelines "
        "of the Community of Coastal and Island States (CCIS) summit on Thursday.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert [item.expected for item in entry.follow_ups] == [DateWindow.day(date(2024, 3, 7))]


# -- a meeting held today --------------------------------------------------------------------------


@given(PAIRS)
def test_a_meeting_told_as_under_way_on_the_pages_day_is_held(pair: tuple[State, State]) -> None:
    (_one, one_adj, _, code), (_other, other_adj, other_capital, other_code) = pair
    published = date(2024, 3, 6)  # a Wednesday
    text = (
        f"{one_adj} and {other_adj} leaders seek to ease tensions\n\n"
        f"{other_capital}, 6 March 2024 - The {one_adj} prime minister and the {other_adj} "
        f"president are meeting for talks in {other_capital} on Wednesday, as they seek to "
        "settle differences over energy policy.\n"
    )
    page = draft(text, published)
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.on == published
    assert entry.follow_ups == ()
    # Two days before, the same words tell a meeting to come.
    earlier = draft(text.replace(", 6 March 2024", ""), published - timedelta(days=2))
    assert isinstance(earlier.entry, tracker.MeetingAnnouncement), earlier.reasons


@given(PAIRS)
def test_a_visit_received_before_a_statement_of_the_day_is_held(pair: tuple[State, State]) -> None:
    (one, one_adj, _, code), (other, _other_adj, other_capital, other_code) = pair
    page = draft(
        f"{other}'s president receives {one_adj} foreign minister\n\n"
        f'"The {one_adj} minister confirmed the plan for a new trade office," {other}\'s '
        "foreign minister stated after accompanying the president to receive the courtesy "
        f"visit of {one}'s foreign minister at the palace in {other_capital} on Tuesday.\n\n"
        f"The {one_adj} foreign minister also said the prime minister of {one} plans to visit "
        f"{other} next month.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.on == date(2024, 3, 5)
    assert [item.expected for item in entry.follow_ups] == [
        DateWindow(date(2024, 4, 1), date(2024, 4, 30))
    ]


def test_a_meeting_held_is_no_follow_up_of_the_stay_it_opens() -> None:
    page = draft(
        "Vietnam and Finland leaders hold talks in Hanoi\n\n"
        "Vietnam's prime minister met Finland's president in Hanoi on Tuesday.\n\n"
        "The Finnish president's visit to Vietnam will run from Tuesday to Thursday.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.InformalMeeting), page.reasons
    assert entry.on == date(2024, 3, 5)
    assert entry.follow_ups == ()
    assert any("told again" in reason for reason in page.reasons)


def test_the_ministers_of_both_sides_to_meet_is_a_meeting_not_a_decision() -> None:
    page = draft(
        "Chile, Finland foreign ministers to meet in late March\n\n"
        "The Chilean and Finnish foreign ministers will meet in Helsinki in late March, "
        "Chile's government said on Tuesday.\n\n"
        '"It is confirmed that the Chilean and Finnish foreign ministers are set to meet in '
        'Helsinki on March 25," the Finnish foreign ministry said.\n\n'
        "The visit aims to review progress on a trade accord, the ministry added.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert entry.planned.expected == DateWindow.day(date(2024, 3, 25))
    assert all(item.kind != "ministerial_decision" for item in entry.follow_ups)


# -- a weekday told in the past --------------------------------------------------------------------


@given(
    DAYS,
    st.sampled_from(WEEKDAYS),
    st.sampled_from(
        [
            "The ministry said late on {day} that it had expelled the envoy.",
            "The envoy was summoned on {day} night.",
            "{day}'s decision was announced by the ministry.",
            "The government cut ties on {day}, the ministry said.",
        ]
    ),
)
def test_a_weekday_told_in_the_past_is_the_latest_such_day_up_to_the_page(
    published: date, weekday: str, sentence: str
) -> None:
    found = [d for d in find_dates(sentence.format(day=weekday), published) if weekday in d.phrase]
    assert found, sentence
    day = found[0].window
    assert day.days == 1
    assert day.start.weekday() == WEEKDAYS.index(weekday)
    assert published - timedelta(days=6) <= day.start <= published


# -- the day of the news when its sentences give none ---------------------------------------------


@given(PAIRS, st.sampled_from(["issued late Monday", "released on Monday", "on Monday"]))
def test_the_news_is_of_the_day_of_the_statement_that_tells_it(
    pair: tuple[State, State], issued: str
) -> None:
    (one, _, _, code), (other, other_adj, _, other_code) = pair
    page = draft(
        f"The foreign ministry of {one} confirmed reports that {other} has expelled the "
        f"ambassador of {one}, saying it would ask the {other_adj} envoy for an explanation.\n\n"
        f'"The step taken by {other} is deeply troubling," the ministry said in a statement '
        f"{issued}.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.Expulsion), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.on == date(2024, 3, 4)


@given(PAIRS, st.sampled_from(["In a social media post on Monday", "In his post on Monday"]))
def test_the_news_is_of_the_day_of_the_post_that_tells_it(
    pair: tuple[State, State], post: str
) -> None:
    (one, _, _, code), (other, other_adj, _, other_code) = pair
    page = draft(
        f"{one} has expelled the {other_adj} ambassador, declaring him no longer welcome in "
        "the country.\n\n"
        f"{post}, the foreign minister of {one} called the envoy of {other} a divisive "
        "politician.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.Expulsion), page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.on == date(2024, 3, 4)


@given(PAIRS, st.sampled_from(["over", "in protest at", "in response to"]))
def test_a_day_of_what_a_measure_answers_does_not_date_the_measure(
    pair: tuple[State, State], reason: str
) -> None:
    (one, one_adj, _, code), (other, other_adj, _, other_code) = pair
    page = draft(
        f"{one} summons {other_adj} ambassador\n\n"
        f"The foreign ministry of {one} has summoned the {other_adj} ambassador {reason} the "
        f"crossing of its border by {other_adj} troops on Sunday.\n\n"
        f"In a statement released on Monday, the {one_adj} ministry condemned the incursion "
        f"by {other}.\n"
    )
    entry = page.entry
    assert entry is not None, page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.on == date(2024, 3, 4)


def test_a_statement_of_what_is_to_come_does_not_date_the_news() -> None:
    page = draft(
        "Finland expelled the ambassador of Chile, the foreign ministry confirmed.\n\n"
        "The two governments are due to discuss the matter, the ministry said in a statement "
        "released on Monday.\n"
    )
    entry = page.entry
    assert isinstance(entry, tracker.Expulsion), page.reasons
    assert entry.on == date(2024, 3, 5)


@given(PAIRS, st.sampled_from(["Earlier on Monday", "Earlier Monday", "Later on Monday"]))
def test_a_sentence_placing_an_act_earlier_that_day_dates_the_news(
    pair: tuple[State, State], opening: str
) -> None:
    (one, one_adj, _, code), (other, _, _, other_code) = pair
    page = draft(
        f"The president of {one} has ordered the immediate recall of the country's ambassador "
        f"to {other} for consultations, according to an official statement.\n\n"
        f"{opening}, the {one_adj} foreign ministry condemned what it called a breach of its "
        "sovereignty.\n"
    )
    entry = page.entry
    assert entry is not None, page.reasons
    assert sides(entry) == {code, other_code}
    assert entry.on == date(2024, 3, 4)


# -- the days a planned meeting is expected on -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            # Published on a Tuesday.
            "Chile's president to visit Ghana\n\n"
            "SANTIAGO - Chile's foreign ministry on Tuesday announced that the president will "
            "make his first visit to Ghana this week.\n\n"
            "The visit from Tuesday to Thursday is the president's first to Ghana since taking "
            "office in May.\n",
            DateWindow(date(2024, 3, 5), date(2024, 3, 7)),
            id="a_plan_is_narrowed_by_the_days_another_sentence_gives_it",
        ),
        pytest.param(
            "Chile to host Ghana's leader this month\n\n"
            "SANTIAGO - Ghana's president will visit Chile this month, Chile's foreign minister "
            "said on Tuesday, without giving a date.\n\n"
            "A Chilean newspaper reported last week the visit was planned for late March.\n",
            DateWindow(date(2024, 3, 6), date(2024, 3, 31)),
            id="an_earlier_report_of_the_plan_does_not_narrow_it",
        ),
        pytest.param(
            "Senegal's foreign minister in Accra for talks\n\n"
            "Senegal's foreign minister is scheduled after landing in Accra on Tuesday to hold "
            "talks with Ghana's foreign minister, the ministry said.\n",
            DateWindow.day(date(2024, 3, 5)),
            id="a_visit_scheduled_after_a_landing_of_the_day_stays_announced",
        ),
        pytest.param(
            "Senegal's foreign minister to visit Portugal\n\n"
            "The ministry said on Tuesday that Senegal's foreign minister will be making a "
            "four-day official visit to Lisbon, Portugal starting today.\n",
            DateWindow(date(2024, 3, 5), date(2024, 3, 8)),
            id="a_stay_opened_at_a_city_named_with_its_country_runs_its_days",
        ),
    ],
)
def test_the_days_a_planned_meeting_is_expected_on(text: str, expected: DateWindow) -> None:
    page = draft(text)
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert entry.planned.expected == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ghana's president to meet Senegal's leader on Thursday\n\n"
            "Ghana's president will hold talks with Senegal's president in Dakar on Thursday, "
            "Ghana's foreign ministry said on Tuesday.\n\n"
            "The talks are also a prelude to the president's second trip abroad, which will be "
            "to Lagos for the April 20 Ecowas summit.\n",
            id="a_forums_summit_named_with_its_day_on_a_trip_is_no_follow_up",
        ),
        pytest.param(
            "Ghana's president to meet Senegal's leader this week\n\n"
            "Ghana's president will hold talks with Senegal's president in Dakar, Ghana's "
            "foreign ministry said on Tuesday.\n\n"
            "Thursday's meeting of the Ghanaian and Senegalese presidents is also a prelude to "
            "the Ghanaian president's second trip abroad, which will be to Lagos for the April "
            "20 Ecowas summit.\n",
            id="the_pairs_day_told_beside_a_forums_summit_stays_the_plans_day",
        ),
    ],
)
def test_a_forums_summit_told_beside_the_pairs_meeting_is_no_follow_up(text: str) -> None:
    page = draft(text)
    entry = page.entry
    assert isinstance(entry, tracker.MeetingAnnouncement), page.reasons
    assert entry.planned.expected == DateWindow.day(date(2024, 3, 7))
    assert entry.follow_ups == ()
