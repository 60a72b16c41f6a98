"""Page text as copied from a browser: wrapped lines joined, site chrome dropped, the article's
own headline kept; and the dates a page shows of itself, chosen by the rules of trust."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.ingest import Draft, UndatedPageError, configure, draft_article, run
from tracker.ingest._evaluate import evaluate_pages
from tracker.ingest._page import page_lines, read_page
from tracker.ingest._stamps import Trust, find_stamps

PAGES = Path(__file__).parent / "pages"


def page(name: str) -> str:
    """The text of a page of the test folder."""
    return (PAGES / name).read_text(encoding="utf-8")


def published_note(draft: Draft) -> str:
    """How a draft says its publication date was found."""
    evidence = draft.evidence_for("published")
    assert evidence is not None
    return evidence.note


def test_hard_wrapped_lines_are_joined_into_their_sentences() -> None:
    read = read_page("cable.txt", page("wrapped-cable.txt"))
    texts = [sentence.text for sentence in read.sentences]
    assert texts[0] == (
        "Officials of the European Union and of Russia met on Wednesday in Brussels and agreed "
        "to resume their dialogue on visa matters, an EU spokesman said, after a pause of "
        "several months."
    )
    assert texts[1].startswith("The two sides will hold their next round of talks on visa")
    assert texts[1].endswith("had yet to be confirmed.")


def test_a_wrapped_sentence_keeps_its_day_and_its_parties() -> None:
    draft = draft_article("cable.txt", page("wrapped-cable.txt"))
    assert draft.entry is not None
    assert (str(draft.entry.on), str(draft.entry.parties)) == ("2010-03-03", "EU-RUS")
    assert draft.published == date(2010, 3, 4)


def test_a_line_in_lower_case_continues_the_line_before_it() -> None:
    lines = page_lines("The United States expelled two diplomats on\nFriday, officials said.\n")
    assert lines.lines == ("The United States expelled two diplomats on Friday, officials said.",)


def test_a_line_closed_by_punctuation_is_never_run_on() -> None:
    text = (
        "Russian envoy Dmitry Rogozin said it will take time.\nBRUSSELS (Reuters) -- Russia said.\n"
    )
    assert len(page_lines(text).lines) == 2


def test_chrome_teasers_captions_and_comment_forms_are_no_part_of_the_article() -> None:
    read = read_page("agency.txt", page("agency-with-chrome.txt"))
    assert read.headline == "Ministers meet in Vienna to mend strained ties"
    assert read.city == "Vienna"
    texts = [sentence.text for sentence in read.sentences]
    assert texts == [
        "Foreign ministers of Ukraine and the European Union met in Vienna on Thursday for "
        "talks on energy and trade, the EU's foreign policy chief said.",
        "The ministers agreed to meet again next month.",
    ]


@pytest.mark.parametrize(
    ("header", "headline"),
    [
        (
            "Kerry and Lavrov meet in Geneva for talks | Daily Repost\n",
            "Kerry and Lavrov meet in Geneva for talks",
        ),
        (
            "Metro Daily US expels two Russian officials\n\nUS expels two Russian officials\n",
            "US expels two Russian officials",
        ),
        ("WORLD NEWS\nEU suspends visa talks with Russia\n", "EU suspends visa talks with Russia"),
        (
            "FinancialLegalNews AgencyRisk SolutionsTax & AccountingBlog\n"
            "OSCE sends monitors to Ukraine\n",
            "OSCE sends monitors to Ukraine",
        ),
    ],
)
def test_the_headline_is_the_article_s_own_not_the_site_s(header: str, headline: str) -> None:
    text = header + "\nThe two sides met on Monday in Geneva, officials said.\n"
    assert read_page("page.txt", text).headline == headline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("19 August 2008 13:55 (UTC +04:00)", datetime(2008, 8, 19, 13, 55)),
        ("09:15, December 03, 2008", datetime(2008, 12, 3, 9, 15)),
        ("5 Mar, 2009 15:45", datetime(2009, 3, 5, 15, 45)),
        ("Monday, January 26, 2009", date(2009, 1, 26)),
        ("April 1, 2014", date(2014, 4, 1)),
        ("Created 2009-01-28 16:11:00", datetime(2009, 1, 28, 16, 11)),
        ("2014. április 8.", date(2014, 4, 8)),
        ("Other News Materials 27 June 2008 19:33 (UTC +04:00)", datetime(2008, 6, 27, 19, 33)),
        ("Xinhua, August 26, 2016 Adjust font size:", date(2016, 8, 26)),
    ],
)
def test_a_stamp_at_the_top_dates_the_page(line: str, expected: date) -> None:
    body = "NATO and Ukraine held talks in Brussels on the reform of the army, officials said."
    text = f"{line}\n\n{body}\n"
    [stamp] = find_stamps(text)
    assert (stamp.published, stamp.trust, stamp.number) == (expected, Trust.PAGE, 1)
    draft = draft_article("page.txt", text)
    assert draft.published == (expected.date() if isinstance(expected, datetime) else expected)
    assert repr(line) in published_note(draft)


def test_a_wire_opening_dates_the_page_by_its_agency_s_brackets() -> None:
    text = (
        "MOSCOW (Agency News / Wire - 01st June, 2023) NATO ministers met Ukraine's envoy on "
        "Thursday, officials said.\n"
    )
    assert draft_article("page.txt", text).published == date(2023, 6, 1)


def test_the_stamp_at_the_top_beats_a_date_in_the_footer() -> None:
    draft = draft_article("footer.txt", page("footer-dated.txt"))
    assert draft.published == date(2014, 4, 1)
    assert [stamp.trust for stamp in draft.stamps] == [Trust.PAGE, Trust.FOOTER]
    assert draft.stamp == draft.stamps[0]


def test_a_footer_date_dates_a_page_with_nothing_better() -> None:
    text = page("footer-dated.txt").replace("April 1, 2014\n", "")
    draft = draft_article("footer.txt", text)
    assert draft.published == date(2016, 5, 12)
    assert "foot of the page" in published_note(draft)


def test_a_last_updated_line_the_text_contradicts_is_refused() -> None:
    text = (
        "Updated: 2016-07-27 09:47\n\n"
        "The 26 NATO ambassadors met Ukraine's envoy on Monday, a NATO spokesman said.\n"
    )
    with pytest.raises(
        UndatedPageError, match=r"'Updated: 2016-07-27 09:47' is no publication date.*26 members"
    ):
        draft_article("page.txt", text)


def test_a_last_updated_line_the_text_does_not_contradict_is_used_and_said_to_be() -> None:
    text = (
        "Updated: 2009-04-30 09:47\n\n"
        "The NATO ambassadors met Ukraine's envoy on Monday, a spokesman said.\n"
    )
    draft = draft_article("page.txt", text)
    assert draft.published == date(2009, 4, 30)
    note = published_note(draft)
    assert "'last updated' line" in note
    assert "does not contradict" in note


def test_a_dateline_without_its_year_asks_for_the_day() -> None:
    text = "VIENNA, March 21 (Wire) – The OSCE agreed on Friday to send monitors to Ukraine.\n"
    with pytest.raises(UndatedPageError, match=r"'March 21' without its year.*--published"):
        draft_article("page.txt", text)


@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)))
def test_published_overrides_the_page_s_date_and_says_so(given_day: date) -> None:
    text = page("footer-dated.txt")
    draft = draft_article("footer.txt", text, published=given_day)
    assert draft.published == given_day
    note = published_note(draft)
    assert "'April 1, 2014' (line 1)" in note
    if given_day == date(2014, 4, 1):
        assert "agrees with" in note
        assert not any("overrides" in reason for reason in draft.reasons)
    else:
        assert "overrides" in note
        assert any("overrides the page's own date, 2014-04-01" in r for r in draft.reasons)


def test_json_carries_the_page_s_dates_and_which_one_won(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.jsonl"
    log.write_bytes(b"")
    parser = argparse.ArgumentParser()
    configure(parser)
    assert (
        run(parser.parse_args([str(PAGES / "footer-dated.txt"), "--json", "--log", str(log)])) == 0
    )
    [draft] = json.loads(capsys.readouterr().out)
    assert draft["published"]["day"] == "2014-04-01"
    assert draft["published"]["stamps"] == [
        {
            "date": "2014-04-01",
            "line": "April 1, 2014",
            "line_number": 1,
            "trust": "page",
            "chosen": True,
        },
        {
            "date": "2016-05-12",
            "line": "Archive copy made 12 May 2016",
            "line_number": 8,
            "trust": "footer",
            "chosen": False,
        },
    ]


def test_a_blog_repost_drafts_the_report_it_reposts() -> None:
    draft = draft_article("repost.txt", page("blog-repost.txt"), published=date(2009, 3, 3))
    assert draft.entry is not None
    assert draft.entry.sources[0].headline == "EU and Russia hold frosty talks on gas transit"
    assert (draft.entry.TYPE, str(draft.entry.on), str(draft.entry.parties)) == (
        "informal_meeting",
        "2009-03-03",
        "EU-RUS",
    )
    # The spokesman speaks in Moscow, not at the talks in Brussels.
    assert {person.name for person in draft.entry.participants} == {
        "Jose Manuel Barroso",
        "Vladimir Putin",
    }


def test_a_wire_page_under_a_menu_keeps_its_headline_and_its_stamp() -> None:
    draft = draft_article("wire.txt", page("wire-with-menu.txt"))
    assert draft.published == date(2014, 3, 3)
    assert draft.entry is not None
    assert draft.entry.sources[0].headline == (
        "EU agrees to suspend visa talks with Russia: statement"
    )
    assert (draft.entry.TYPE, draft.entry.actor, str(draft.entry.parties)) == (
        "suspension",
        "EU",
        "EU-RUS",
    )


def test_a_transcript_s_speaker_is_the_one_its_header_names() -> None:
    draft = draft_article(
        "transcript.txt", page("press-conference.txt"), published=date(2011, 4, 15)
    )
    assert draft.entry is not None
    assert (draft.entry.TYPE, str(draft.entry.parties)) == ("council_meeting", "NATO-UKR")
    assert "Anders Fogh Rasmussen" in {person.name for person in draft.entry.participants}
    notes = [item.note for item in draft.evidence if item.field.startswith("participants")]
    assert any("named in the page's header, speaking in the first person" in n for n in notes)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("VIENNA, March 21 (Wire News) – The OSCE agreed on Friday to send monitors.", "Wire News"),
        ("VIENNA, January 15. /TASS/. The OSCE said on Friday it had no plans.", "TASS"),
        ("Washington (CNN) The US suspended the talks on Monday, officials said.", "CNN"),
        ("AFP - Russian and EU leaders met Thursday for a summit in Khabarovsk.", "AFP"),
        (
            "Kerry and Lavrov hold talks in Geneva | Daily Repost\n\nThey met on Monday, "
            "officials said.",
            "Daily Repost",
        ),
        ("Leaders met on Monday, officials said.\n\nSource: Anadolu Agency", "Anadolu Agency"),
    ],
)
def test_the_outlet_is_the_agency_or_site_the_page_names(text: str, outlet: str) -> None:
    assert read_page("page.txt", text + "\n").outlet == outlet


def test_a_caption_shown_again_with_its_credit_is_no_part_of_the_article() -> None:
    text = (
        "EU Suspends Russia Trade Talks, Threatens Sanctions\n\n"
        "The EU president speaks at a news conference at the end of a summit, in Brussels, "
        "March 6, 2014.\n"
        "Anna Lens—Reuters The EU president speaks at a news conference at the end of a "
        "summit, in Brussels, on March 6, 2014\n\n"
        "The European Union said Thursday it suspended talks on two agreements with Russia.\n"
    )
    read = read_page("page.txt", text)
    assert [sentence.text for sentence in read.sentences] == [
        "The European Union said Thursday it suspended talks on two agreements with Russia."
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 March 2019", date(2019, 3, 12)),
        ("Nov 3 2020", date(2020, 11, 3)),
        ("March 9, 2017", date(2017, 3, 9)),
        ("Published : February 14, 2020", date(2020, 2, 14)),
        ("Posted : 3 June 2018 09:40", datetime(2018, 6, 3, 9, 40)),
        ("Updated: 23/04/2019", date(2019, 4, 23)),
        ("Updated: 04-23-2019", date(2019, 4, 23)),
    ],
)
def test_the_date_formats_of_web_pages_are_read(line: str, expected: date) -> None:
    body = "Canada and Mexico held talks in Ottawa on trade and border rules, officials said."
    [stamp] = find_stamps(f"{line}\n\n{body}\n")
    assert (stamp.published, stamp.readings) == (expected, ())


def test_a_dateline_before_the_agency_s_brackets_dates_the_page() -> None:
    text = "OTTAWA, 03 March 2019, (AGENCY): Canada and Mexico resumed talks on trade rules.\n"
    [stamp] = find_stamps(text)
    assert (stamp.published, stamp.trust) == (date(2019, 3, 3), Trust.PAGE)


@pytest.mark.parametrize(
    ("zone", "published", "readings"),
    [
        ("EST", datetime(2019, 4, 3, 17, 7), ()),
        ("IST", datetime(2019, 3, 4, 17, 7), ()),
        ("UTC", datetime(2019, 4, 3, 17, 7), (date(2019, 3, 4), date(2019, 4, 3))),
    ],
)
def test_a_numeric_stamp_s_order_is_told_by_its_time_zone_or_not_guessed(
    zone: str, published: datetime, readings: tuple[date, ...]
) -> None:
    line = f"Agency | Ottawa | Updated: 04-03-2019 17:07 {zone} | Created: 04-03-2019 15:31 {zone}"
    body = "Canada and Mexico held talks in Ottawa on trade and border rules, officials said."
    [stamp] = find_stamps(f"{line}\n\n{body}\n")
    assert stamp.readings == readings
    if not readings:
        assert stamp.published == published


def test_a_dateline_run_into_the_first_word_dates_the_page() -> None:
    text = "14 May 2016Ankara said on Saturday it had recalled its envoy to Austria for talks.\n"
    [stamp] = find_stamps(text)
    assert (stamp.published, stamp.trust) == (date(2016, 5, 14), Trust.PAGE)
    assert draft_article("page.txt", text).published == date(2016, 5, 14)


# The first date read loads dateparser, which takes longer than a deadline allows.
@settings(deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)).filter(
        lambda day: day.day <= 12 and day.day != day.month
    ),
    st.sampled_from(["-", "/", "."]),
)
def test_a_numeric_date_either_order_could_read_is_not_guessed(day: date, sep: str) -> None:
    line = f"Updated: {day.day:02}{sep}{day.month:02}{sep}{day.year}"
    body = "Canada and Mexico held talks in Ottawa on trade and border rules, officials said."
    text = f"{line}\n\n{body}\n"
    [stamp] = find_stamps(text)
    assert stamp.readings == (day, date(day.year, day.day, day.month))
    with pytest.raises(UndatedPageError, match="day or the month first"):
        draft_article("page.txt", text)


@settings(deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)).filter(
        lambda day: day.day <= 12 and day.day != day.month
    ),
    st.booleans(),
)
def test_the_page_s_other_numeric_dates_tell_the_order(day: date, day_first: bool) -> None:
    shown, other = (
        (f"{day.day:02}-{day.month:02}-{day.year}", "25-01-2001")
        if day_first
        else (f"{day.month:02}-{day.day:02}-{day.year}", "01-25-2001")
    )
    text = (
        f"Updated: {shown}\n\nCanada and Mexico held talks in Ottawa on trade and border "
        f"rules, officials said.\n\nArchive: {other}\n"
    )
    stamp = find_stamps(text)[0]
    assert (stamp.published, stamp.readings) == (day, ())


def test_a_stamp_run_into_the_end_of_the_headline_dates_the_page_and_leaves_the_headline() -> None:
    text = page("radio-run-in-stamp.txt")
    assert read_page("radio.txt", text).headline == "Macron to host Putin at Versailles"
    [stamp] = find_stamps(text)
    assert (stamp.day, stamp.trust, stamp.number) == (date(2017, 5, 16), Trust.UPDATED, 3)
    draft = draft_article("radio.txt", text)
    assert draft.published == date(2017, 5, 16)
    assert "line 3" in published_note(draft)


SUMMONS = (
    "Britain summons Iran's ambassador\n\n"
    "LONDON (Reuters) - Britain's Foreign Office summoned Iran's ambassador on Tuesday over the "
    "detention of a British national, a spokesman said.\n"
)


@pytest.mark.parametrize(
    ("labelled_type", "labelled_parties", "counted"),
    [
        ("condemnation", "GBR-IRN", False),
        ("condemnation", "GBR-RUS", True),
        ("expulsion", "GBR-IRN", True),
        ("meeting_announcement", "GBR-IRN", True),
    ],
)
def test_a_drafted_event_is_false_when_its_type_or_parties_are_not_the_labels(
    tmp_path: Path, labelled_type: str, labelled_parties: str, *, counted: bool
) -> None:
    (tmp_path / "summons.txt").write_text(SUMMONS, encoding="utf-8")
    expected = {
        "type": labelled_type,
        "on": "2024-03-05",
        "parties": labelled_parties,
        "participants": [],
        "follow_ups": [],
    }
    labels = tmp_path / "labels.json"
    page_label = {"name": "summons", "shown": None, "published": "2024-03-05"}
    labels.write_text(json.dumps({"pages": [{**page_label, "expected": expected}]}))
    figures = evaluate_pages(labels, tmp_path)
    assert figures.pages == 1
    assert len(figures.false_events) == int(counted)


def test_a_day_run_into_the_start_of_the_first_line_is_the_pages_stamp() -> None:
    text = page("saved-with-leading-date.txt")
    [stamp] = find_stamps(text)
    assert (stamp.day, stamp.trust, stamp.number) == (date(2024, 3, 5), Trust.PAGE, 1)
    assert stamp.line == "date 2024-03-05"
    read = read_page("saved.txt", text)
    assert read.sentences[0].text.startswith("Britain summoned the Iranian ambassador")
    assert draft_article("saved.txt", text).published == date(2024, 3, 5)


def test_a_stamp_with_a_serbian_month_is_read() -> None:
    text = page("serbian-stamp.txt")
    [stamp] = find_stamps(text)
    assert (stamp.day, stamp.trust) == (date(2023, 9, 14), Trust.PAGE)
    assert draft_article("serbian.txt", text).published == date(2023, 9, 14)
