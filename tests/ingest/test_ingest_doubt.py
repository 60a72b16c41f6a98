"""The doubt gate: an event whose type is read only from below the lead, on a page whose headline
and lead tell events but none of that kind as having happened, is not drafted as having
happened, and the draft says why with the sentences on both sides; a page whose top bears the
event out keeps it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from drawn_pairs import draft, pairs, sides
from hypothesis import given

import tracker
from tracker.ingest import DraftKind, configure, run

#: States: name, adjective, capital, code.
STATES = [
    ("Chile", "Chilean", "Santiago", "CHL"),
    ("Ghana", "Ghanaian", "Accra", "GHA"),
    ("Norway", "Norwegian", "Oslo", "NOR"),
    ("Peru", "Peruvian", "Lima", "PER"),
    ("Kenya", "Kenyan", "Nairobi", "KEN"),
    ("Portugal", "Portuguese", "Lisbon", "PRT"),
]
PAIRS = pairs(STATES)

Pair = tuple[tuple[str, str, str, str], ...]


def _protest_above_expulsion(pair: Pair) -> str:
    """A page whose headline and lead tell one side's protest, and whose fourth sentence tells
    the other side sending diplomats away."""
    (one_name, one_adj, _, _), (other_name, other_adj, _, _) = pair
    return (
        f"{one_name} and {other_name} at odds\n\n"
        f"{one_name} summoned the {other_adj} ambassador on Monday to lodge a formal protest.\n\n"
        "The foreign ministry said the talk had been frank.\n\n"
        "Officials gave no further detail of the exchange.\n\n"
        f"{other_name} expelled two {one_adj} diplomats on Monday.\n"
    )


def _in_doubt(page: tracker.ingest.Draft) -> list[str]:
    return [reason for reason in page.reasons if reason.startswith("in doubt:")]


# -- the type told only below a lead that tells another kind ------------------------------------


@given(PAIRS)
def test_a_measure_told_only_below_a_lead_of_another_kind_is_not_asserted(pair: Pair) -> None:
    (_, _, _, one), (other_name, _, _, other) = pair
    page = draft(_protest_above_expulsion(pair))
    assert page.entry is None
    assert page.kind is DraftKind.UNCLASSIFIED
    first, below, above = _in_doubt(page)
    assert first.startswith(f"in doubt: the expulsion of {tracker.Dyad(one, other)}")
    assert "condemnation as done" in first
    assert f"{other_name} expelled two" in below
    assert "summoned the" in above


@given(PAIRS)
def test_the_same_measure_told_in_the_lead_is_kept(pair: Pair) -> None:
    (one_name, one_adj, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{other_name} expels {one_adj} diplomats\n\n"
        f"{other_name} expelled two {one_adj} diplomats on Monday.\n\n"
        f"{one_name} summoned the {other_adj} ambassador the same day to lodge a protest.\n\n"
        "Officials gave no further detail of the exchange.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert sides(page.entry) == {one, other}
    assert not _in_doubt(page)


@given(PAIRS)
def test_a_measure_the_lead_announces_as_decided_is_kept(pair: Pair) -> None:
    """A measure to come that the lead announces is the decision the page reports: the top
    itself decides it, and no doubt is raised."""
    (one_name, _, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{one_name} to expel {other_adj} diplomats\n\n"
        f"{one_name} will expel two {other_adj} diplomats, its foreign ministry announced on "
        "Monday.\n\n"
        f"{other_name} has not yet replied.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert sides(page.entry) == {one, other}
    assert not _in_doubt(page)


@given(PAIRS)
def test_a_body_below_a_lead_that_tells_no_event_is_taken_as_it_is(pair: Pair) -> None:
    """A lead that tells nothing (a scene, a quote) leaves the body to tell the news."""
    (one_name, one_adj, _, one), (other_name, _, _, other) = pair
    page = draft(
        f"A tense week in {one_name}\n\n"
        "Crowds gathered in the rain outside the old palace.\n\n"
        "Few of them expected the day to end as it did.\n\n"
        f"{other_name} expelled two {one_adj} diplomats on Monday.\n"
    )
    assert isinstance(page.entry, tracker.Expulsion), page.reasons
    assert sides(page.entry) == {one, other}


# -- a lead that tells the body's kind only as to come -------------------------------------------


@given(PAIRS)
def test_a_meeting_the_lead_tells_only_as_to_come_is_not_drafted_as_held(pair: Pair) -> None:
    (one_name, _, _, _), (other_name, _, _, _) = pair
    page = draft(
        f"{one_name} and {other_name} to hold talks\n\n"
        f"The foreign ministers of {one_name} and {other_name} will hold talks in Geneva next "
        "week. Their offices confirmed the plan.\n\n"
        f"The foreign ministers of {one_name} and {other_name} met in Vienna on Monday.\n"
    )
    assert page.entry is None or isinstance(page.entry, tracker.MeetingAnnouncement)
    assert not isinstance(page.entry, tracker.InformalMeeting)
    [first, *_] = _in_doubt(page)
    assert "meeting as to come" in first


# -- the top that names the body's event by its word --------------------------------------------


@given(PAIRS)
def test_a_lead_that_names_the_event_the_body_tells_bears_it_out(pair: Pair) -> None:
    """ "condemned a wave of air strikes" names the strikes the body tells: they are the news
    (force on the condemning state itself), not in doubt."""
    (one_name, _, _, one), (other_name, other_adj, _, other) = pair
    page = draft(
        f"{one_name} condemns raids\n\n"
        f"{one_name}'s foreign ministry condemned on Tuesday a wave of {other_adj} air strikes."
        "\n\nThe ministry said the region was on edge.\n\n"
        f"{other_name} launched dozens of strikes on {one_name} on Tuesday, its army said.\n"
    )
    assert isinstance(page.entry, tracker.UseOfForce), page.reasons
    assert sides(page.entry) == {one, other}
    assert not _in_doubt(page)


@given(PAIRS)
def test_a_meeting_the_lead_tells_without_its_sides_is_borne_out(pair: Pair) -> None:
    """A lead that tells a meeting held without saying by whom leaves the body to name them."""
    (one_name, _, capital, one), (other_name, _, _, other) = pair
    page = draft(
        f"Closed-door talks in {capital}\n\n"
        "A long-awaited meeting took place on Monday behind closed doors.\n\n"
        "Reporters waited outside for hours.\n\n"
        f"The foreign ministers of {one_name} and {other_name} met in {capital} on Monday, "
        "officials said.\n"
    )
    assert isinstance(page.entry, tracker.InformalMeeting), page.reasons
    assert sides(page.entry) == {one, other}
    assert not _in_doubt(page)


# -- the doubt as `tracker ingest` shows it ------------------------------------------------------

PAIR = (STATES[0], STATES[1])


def _ingest(*argv: str | Path) -> int:
    parser = argparse.ArgumentParser(prog="tracker ingest")
    configure(parser)
    return run(parser.parse_args([str(arg) for arg in argv]))


@pytest.fixture
def doubtful(tmp_path: Path) -> tuple[Path, Path]:
    page = tmp_path / "protest.txt"
    page.write_text(_protest_above_expulsion(PAIR), encoding="utf-8")
    log = tmp_path / "log.jsonl"
    log.write_bytes(b"")
    return page, log


def test_the_command_shows_a_doubtful_draft_with_its_reason(
    capsys: pytest.CaptureFixture[str], doubtful: tuple[Path, Path]
) -> None:
    page, log = doubtful
    assert _ingest(page, "--published", "2024-03-05", "--log", log) == 0
    out = capsys.readouterr().out
    assert "protest.txt: unclassified" in out
    assert "! in doubt: the expulsion of CHL-GHA is read only from below the lead" in out
    assert "Ghana expelled two Chilean diplomats on Monday." in out


def test_json_gives_the_doubt_among_the_reasons(
    capsys: pytest.CaptureFixture[str], doubtful: tuple[Path, Path]
) -> None:
    page, log = doubtful
    assert _ingest(page, "--published", "2024-03-05", "--json", "--log", log) == 0
    [drafted] = json.loads(capsys.readouterr().out)
    assert drafted["kind"] == "unclassified"
    assert drafted["entry"] is None
    assert drafted["reasons"][0].startswith("in doubt: the expulsion of CHL-GHA")
    assert "Ghana expelled two" in drafted["reasons"][1]
