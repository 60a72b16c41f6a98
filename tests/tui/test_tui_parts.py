"""The parts of the analyst's desk computed without Textual: the last crisis, the moment's
details, an article's body, citations and exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
import tracker.strategies as ts
from tracker._articles import read_article
from tracker._codec import encode_state
from tracker._replay import flatten
from tracker._text import printable
from tracker.tui._evidence import body, citation, highlight
from tracker.tui._export import (
    _cell,
    comparison_text,
    export_problem,
    free_name,
    moment_name,
    state_text,
)
from tracker.tui._story import SETTLED, details_at, last_crisis, load_story, opening

BUNDLED = tracker.bundled_log()
LATER = BUNDLED.with_name("nato-russia-2009-2014.jsonl")


def day(text: str) -> date:
    return tracker.parse_day(text)


def _worse(before: tracker.Phase, after: tracker.Phase) -> bool:
    order = list(tracker.Phase)
    return order.index(after) < order.index(before)


@settings(max_examples=60, deadline=None)
@given(ts.logs(max_size=20, plain=True))
def test_the_last_crisis_is_the_last_step_out_of_a_settled_phase(
    entries: tuple[tracker.Entry, ...],
) -> None:
    for replay in tracker.replays(entries, every=4).values():  # several spans folded backwards
        steps = [(step.before.phase, step.after.phase) for step in replay.steps()]
        out = [i for i, (was, now) in enumerate(steps) if was in SETTLED and _worse(was, now)]
        worse = [i for i, (was, now) in enumerate(steps) if _worse(was, now)]
        expected = out[-1] if out else worse[-1] if worse else 0
        assert last_crisis(replay) == expected


@settings(max_examples=60, deadline=None)
@given(ts.logs(max_size=20, plain=True))
def test_a_story_opens_on_the_details_of_its_last_crisis_folded_once(
    entries: tuple[tracker.Entry, ...],
) -> None:
    for replay in tracker.replays(entries, every=4).values():
        opened = opening(replay)
        expected = details_at(replay, last_crisis(replay))
        assert (opened.index, opened.entry, opened.day, opened.known_at) == (
            expected.index,
            expected.entry,
            expected.day,
            expected.known_at,
        )
        assert encode_state(opened.state) == encode_state(expected.state)
        assert encode_state(opened.step.before) == encode_state(expected.step.before)
        assert opened.changes == expected.changes


def test_the_bundled_logs_open_on_the_suspensions_that_began_their_crises() -> None:
    for path, first in [
        (BUNDLED, "nato-suspends-nrc-2008-08"),
        (LATER, "nato-suspends-practical-cooperation-2014-04-01"),
    ]:
        replay = load_story(path).replay
        assert replay is not None
        assert replay.entries[last_crisis(replay)].id == first


def test_details_on_a_day_between_entries_as_known_on_another() -> None:
    replay = load_story(BUNDLED).replay
    assert replay is not None
    index = replay.count_at(day("2008-12-31")) - 1
    details = details_at(replay, index, day=day("2008-12-31"), known_at=day("2008-12-18"))
    assert details.state == replay.at(day("2008-12-31"), known_at=day("2008-12-18"))
    assert (details.on, details.known_then) == (day("2008-12-31"), True)
    # The lunch announced for the 19th is overdue as known on the 18th.
    assert [item.overdue(details.state.at) for item in details.state.awaited()] == [True]
    just_after = details_at(replay, index)
    assert just_after.state.applied == index + 1
    assert just_after.state.at == replay.entries[index].on
    assert just_after.known_at is None


def _articles() -> list[tuple[str, str, tuple[str, ...]]]:
    """Each bundled article, with every quote the bundled log takes from it."""
    entries = tracker.read_log(BUNDLED)
    folder = BUNDLED.parent / "articles"
    found: dict[str, list[str]] = {}
    for entry in entries:
        for source in entry.sources:
            if source.article:
                found.setdefault(source.article, []).extend(entry.quotes())
    return [(name, read_article(folder, name), tuple(q)) for name, q in sorted(found.items())]


def test_an_article_body_keeps_every_quoted_paragraph_and_drops_the_site_around_it() -> None:
    furniture = ("Copyright", "Discussion comments", "Accessibility links", "Reporting by")
    for name, text, quotes in _articles():
        paragraphs = body(name, text, quotes)
        assert paragraphs, name
        for quote in quotes:
            if quote in text:
                assert any(quote in paragraph for paragraph in paragraphs), (name, quote)
        assert not any(p.startswith(furniture) for p in paragraphs), name
        assert all(paragraph in text for paragraph in paragraphs)


def test_an_article_with_no_body_found_is_shown_whole() -> None:
    assert body("a.txt", "Menu\n\nHome", ()) == ["Menu", "Home"]


@given(st.text(max_size=60), st.lists(st.text(min_size=1, max_size=8), max_size=3))
def test_only_the_quotes_are_lit(text: str, quotes: list[str]) -> None:
    lit = highlight(text, tuple(quotes), "underline")
    shown = [printable(quote, lines=True) for quote in quotes]
    for span in lit.spans:
        piece = lit.plain[span.start : span.end]
        assert any(piece in quote for quote in shown), piece


def test_a_citation_names_quote_outlet_day_and_entry() -> None:
    entry = tracker.Replay(tracker.read_log(BUNDLED), dyad=tracker.DEFAULT_DYAD).entry(
        "sg-rogozin-lunch-2008-12-19-ap"
    )
    source = entry.sources[0]
    cited = citation(entry, source)
    assert all(f"“{quote}”" in cited for quote in source.quotes)
    assert source.outlet in cited
    assert str(source.published_on) in cited
    assert cited.endswith(f"(entry {entry.id})")


def test_exports_hold_the_whole_state() -> None:
    replay = load_story(BUNDLED).replay
    assert replay is not None
    state = replay.at(day("2008-12-31"), known_at=day("2008-12-18"))
    assert orjson.loads(state_text(state, ".json")) == orjson.loads(
        orjson.dumps(encode_state(state))
    )
    markdown = state_text(state, ".md")
    assert markdown.startswith("# NATO-RUS on 2008-12-31, as known on 2008-12-18\n")
    for path in flatten(state):
        assert f"| {path} |" in markdown
    assert moment_name(state) == "NATO-RUS-2008-12-31-known-2008-12-18"


def test_a_comparison_export_holds_both_states_and_their_difference() -> None:
    replay = load_story(BUNDLED).replay
    assert replay is not None
    first, second = replay.at(day("2008-12-18")), replay.at(day("2009-01-26"))
    data = orjson.loads(comparison_text(first, second, ".json"))
    assert data["a"]["at"] == "2008-12-18"
    assert data["b"]["at"] == "2009-01-26"
    assert {change["path"] for change in data["changes"]} == {
        change.path for change in tracker.diff(first, second)
    }
    markdown = comparison_text(first, second, ".md")
    assert "| ~ | phase | reengagement_decided | informal_council |" in markdown


@given(st.text(max_size=40))
def test_a_markdown_cell_never_breaks_its_table(text: str) -> None:
    cell = _cell(text)
    assert "\n" not in cell
    assert "|" not in cell.replace("\\|", "")


def test_an_export_is_a_new_plain_file_of_the_working_folder(tmp_path: Path) -> None:
    assert export_problem(tmp_path, "state.md") is None
    assert export_problem(tmp_path, "state.json") is None
    for bad in ("../state.md", "/tmp/state.md", "sub/state.md", ".hidden.md", "state.txt", ""):
        assert export_problem(tmp_path, bad) is not None, bad
    (tmp_path / "state.md").write_text("kept")
    assert export_problem(tmp_path, "state.md") is not None
    assert free_name(tmp_path, "state", ".md") == "state-2.md"


@settings(max_examples=60, deadline=None)
@given(ts.logs(max_size=12, plain=True), st.data())
def test_the_details_of_any_day_are_the_replay_on_that_day(
    entries: tuple[tracker.Entry, ...], data: st.DataObject
) -> None:
    replay = tracker.Replay(entries, dyad=tracker.DEFAULT_DYAD)
    if not len(replay):
        return
    first, last = (
        date(d.year, d.month, d.day) for d in (replay.entries[0].on, replay.entries[-1].on)
    )
    on = data.draw(st.dates(first, last), label="day")
    known_at = data.draw(st.none() | st.dates(first, last), label="known at")
    index = max(replay.count_at(on) - 1, 0)
    details = details_at(replay, index, day=on, known_at=known_at)
    assert details.state == replay.at(on, known_at=known_at)
    assert (details.on, details.known_at) == (on, known_at)
