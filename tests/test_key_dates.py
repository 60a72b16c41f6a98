"""The state the shared spec expects at key dates (tests/data/key-dates.json), through the
Python API and through `tracker state --json`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

import tracker
from tracker._cli import main

SPEC = json.loads((Path(__file__).parent / "data" / "key-dates.json").read_text())
CHECKS = list(SPEC["checks"])


def _args(check: dict[str, Any]) -> dict[str, date]:
    args = check["args"]
    named = dict(zip(args[::2], args[1::2], strict=True))
    return {
        "at": date.fromisoformat(named["--at"]),
        **({"known_at": date.fromisoformat(named["--known-at"])} if "--known-at" in named else {}),
    }


def _covers(item: dict[str, Any], day: str) -> bool:
    return item["expected"]["from"] <= day <= item["expected"]["to"]


def _within(item: dict[str, Any], first: str, last: str) -> bool:
    return first <= item["expected"]["from"] and item["expected"]["to"] <= last


def _assert_matches(state: dict[str, Any], check: dict[str, Any]) -> None:
    if "phase" in check:
        assert state["phase"] == check["phase"]
    pending = state["pending"]
    for want in check.get("pending_covering", []):
        assert any(
            _covers(item, want["date"]) and item["overdue"] is want["overdue"] for item in pending
        ), pending
    for first, last in check.get("no_pending_within", []):
        assert not any(_within(item, first, last) for item in pending), pending
    assert check.get("pending_count_min", 0) <= len(pending) <= check.get("pending_count_max", 99)
    if check.get("anomalies_empty"):
        assert state["anomalies"] == []
    assert {"at", "phase", "channels", "pending", "anomalies", "applied"} <= set(state)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: " ".join(check["args"]))
def test_replay_matches_the_spec(replay: tracker.Replay, check: dict[str, Any]) -> None:
    args = _args(check)
    state = replay.at(args["at"], known_at=args.get("known_at"))
    _assert_matches(orjson.loads(orjson.dumps(tracker.encode_state(state))), check)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: " ".join(check["args"]))
def test_the_command_matches_the_spec(
    check: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["state", *check["args"], "--json"]) == 0
    state = json.loads(capsys.readouterr().out)
    assert state["at"] == check["args"][1]
    _assert_matches(state, check)


def test_no_anomaly_at_any_date_of_the_log(replay: tracker.Replay) -> None:
    for step in replay.steps():
        assert step.after.anomalies == (), step.entry.id


def test_the_pending_items_name_their_announcing_entry(replay: tracker.Replay) -> None:
    state = replay.at(date(2009, 1, 26))
    assert {item.source for item in state.pending} == {"informal-nrc-2009-01-26"}
    assert {str(item.expected) for item in state.pending} == {
        "2009-01-26..2009-03-09",
        "2009-02-11..2009-02-20",
    }


def test_two_reports_of_the_lunch_make_one_meeting_with_the_narrower_window(
    replay: tracker.Replay,
) -> None:
    state = replay.at(date(2008, 12, 19))
    (lunch,) = state.meetings.values()
    assert lunch.reports == ("sg-rogozin-lunch-2008-12-19-ap", "sg-rogozin-lunch-2008-12-19-rferl")
    (council,) = state.pending
    assert str(council.expected) == "2009-01-11..2009-01-20"
    assert council.phrases == ("next month", "mid-January")
