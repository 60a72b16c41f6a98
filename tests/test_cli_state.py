"""What `tracker state` and `tracker log` print for people: measures in force, eased and lifted,
the level of relations, expectations pending and lapsed, meetings and days as stated."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from builders import expulsion, follow_up, presence
from commands import run

import tracker
from tracker._index import build_index
from tracker._output import LATEST
from tracker._store import write_log
from tracker._synth import synthesize

EVENTS = Path(__file__).parent.parent / "events"


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two bundled NATO–Russia logs as one."""
    path = tmp_path_factory.mktemp("logs") / "nato-russia-1998-2016.jsonl"
    names = ("nato-russia.jsonl", "nato-russia-2009-2014.jsonl")
    path.write_bytes(b"".join((EVENTS / name).read_bytes() for name in names))
    return path


def tables(out: str) -> dict[str, list[list[str]]]:
    """The tables of output into a pipe by title, each as its rows of cells (header row first):
    a table is a blank line, its title, then aligned lines, each column where its name starts."""
    found: dict[str, list[list[str]]] = {}
    for block in f"\n{out}".split("\n\n")[1:]:
        title, header, *rows = block.splitlines()
        starts = [match.start() for match in re.finditer(r"(?:^|(?<=  ))\S", header)]
        ends = [*starts[1:], None]
        found[title] = [
            [line[start:end].strip() for start, end in zip(starts, ends, strict=True)]
            for line in [header, *rows]
        ]
    return found


def state_of(capsys: pytest.CaptureFixture[str], log: Path, day: str) -> tuple[list[str], dict]:
    """The heading lines and the tables of `tracker state` on ``day``."""
    status, out, err = run(capsys, "state", "--log", str(log), "--at", day)
    assert (status, err) == (0, "")
    return out.splitlines()[:3], tables(out)


def test_the_measures_in_force_in_april_2014_and_those_lifted_before(
    capsys: pytest.CaptureFixture[str], both: Path
) -> None:
    _, shown = state_of(capsys, both, "2014-04-09")
    assert shown["Measures in force"] == [
        ["by", "effect", "target", "levels", "formal", "since", "eased"],
        ["NATO", "suspend", "civilian_cooperation", "all", "formal", "2014-04-01", ""],
        ["NATO", "suspend", "military", "all", "formal", "2014-04-01", ""],
        ["NATO", "restrict", "rus_mission_to_nato", "all", "formal", "2014-04-08", ""],
    ]
    assert [row[2:] for row in shown["Measures lifted"][1:]] == [
        ["high_level_political", "all", "formal", "2008-08-19", "2009-06-27"],
        ["military", "all", "formal", "2008-08-19", "2009-06-27"],
        ["nrc", "all", "formal", "2008-08-19", "2009-12-04"],
    ]
    assert ["rus_mission_to_nato", "RUS", "restrict"] in shown["Missions"]
    assert ["civilian_cooperation", "cooperation", "suspended"] in shown["Channels"]
    assert ["nrc", "forum", "active"] in shown["Channels"]


def test_a_measure_partly_lifted_or_eased_says_how(
    capsys: pytest.CaptureFixture[str], both: Path
) -> None:
    _, shown = state_of(capsys, both, "2009-03-06")
    eased = {row[2]: row[6] for row in shown["Measures in force"][1:]}
    assert eased == {
        "high_level_political": "contacts resumed",
        "military": "",
        # The ministers' meetings were decided on 5 March for after the April summit.
        "nrc": "lifted at ambassadors, lift at ministers decided for 2009-04-05",
    }


def test_the_level_of_relations_and_its_terms(
    capsys: pytest.CaptureFixture[str], both: Path
) -> None:
    state = tracker.Replay(tracker.read_log(both).entries, dyad=tracker.DEFAULT_DYAD).at(
        date(2014, 4, 9)
    )
    heading, _ = state_of(capsys, both, "2014-04-09")
    assert heading == [
        "NATO-RUS on 2014-04-09: cooperation_suspended",
        f"level of relations {state.level:+.2f} (pressure {state.pressure:+.2f}, "
        f"recent activity {state.recent_activity:+.2f})",
        f"20 entries applied, running Goldstein score {state.score:+.1f}",
    ]
    assert state.level < 0 < state.score
    assert "level of relations -18.00 (pressure -9.00, recent activity -9.00)" in heading


def test_a_lapsed_expectation_is_listed_apart_from_pending_ones(
    capsys: pytest.CaptureFixture[str], both: Path
) -> None:
    _, shown = state_of(capsys, both, "2009-12-05")
    assert "Pending" not in shown
    assert shown["Lapsed"][1:] == [
        [
            "informal_meeting",
            "2009-01-26..2009-03-09",
            "2009-06-07",
            "informal-nrc-2009-01-26",
            "'in coming weeks'",
        ]
    ]
    assert "Measures in force" not in shown


def test_pending_expectations_say_what_is_expected_and_the_overdue_ones(
    capsys: pytest.CaptureFixture[str], both: Path
) -> None:
    _, shown = state_of(capsys, both, "2009-03-06")
    pending = {row[0]: row[1:3] for row in shown["Pending"][1:]}
    assert pending == {
        "informal_meeting": ["2009-01-26..2009-03-09", ""],
        "council_meeting nrc ministers formal": ["from 2009-04-05", ""],
    }
    status, out, _ = run(capsys, "state", "--at", "2008-12-31", "--known-at", "2008-12-18")
    assert status == 0
    assert tables(out)["Pending"][1][:3] == ["informal_meeting", "2008-12-19", "overdue"]


def test_meetings_show_their_level_and_the_day_as_stated(
    capsys: pytest.CaptureFixture[str], both: Path
) -> None:
    _, shown = state_of(capsys, both, "2014-07-01")
    assert [
        "2014-06",
        "council_meeting",
        "ambassadors",
        "formal",
        "nrc",
        "nrc-ambassadors-2014-06",
    ] in shown["Meetings"]
    assert ["2009-01-26", "council_meeting", "ambassadors", "informal"] in [
        row[:4] for row in shown["Meetings"]
    ]


def test_the_log_shows_each_day_as_stated(capsys: pytest.CaptureFixture[str], both: Path) -> None:
    status, out, _ = run(capsys, "log", "--log", str(both), "--to", "2002-12-31")
    assert status == 0
    days = [row[0] for row in next(iter(tables(out).values()))[1:]]
    assert sorted(days) == ["1998", "2001", "2002", "2002-05-28"]
    status, out, _ = run(capsys, "log", "--log", str(both), "--type", "council_meeting")
    assert "2014-06" in [row[0] for row in next(iter(tables(out).values()))]


def test_a_measure_announced_for_later_is_listed_until_it_takes_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    tracker.append_entries(
        log,
        [
            presence("2015-01-01", "opened", by="RUS"),
            presence("2015-03-02", "closed", effective=date(2015, 3, 16)),
        ],
    )
    _, shown = state_of(capsys, log, "2015-03-09")
    assert shown["Measures announced"][1:] == [
        ["NATO", "close", "rus_mission", "all", "formal", "2015-03-02", "2015-03-16"]
    ]
    assert "Measures in force" not in shown
    heading, shown = state_of(capsys, log, "2015-03-20")
    assert heading[0] == "NATO-RUS on 2015-03-20: strained"
    assert shown["Measures in force"][1][5] == "2015-03-16 (announced 2015-03-02)"
    assert "Measures announced" not in shown


def test_markup_in_an_expectation_is_shown_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    phrase = "[bold red]soon[/bold red] \x1b[2J"
    awaited = follow_up("council_meeting", "2015-02-01", "2015-02-10", phrase=phrase)
    tracker.append_entries(log, [expulsion("2015-01-05", follow_ups=(awaited,))])
    for day in ("2015-01-06", "2015-12-31"):
        status, out, _ = run(capsys, "state", "--log", str(log), "--at", day)
        assert status == 0
        assert "'[bold red]soon[/bold red] \\x1b[2J'" in out
        assert "\x1b" not in out


def test_a_long_history_is_counted_unless_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Measures lifted, expectations lapsed and meetings grow with the log: a part of more than
    a few items is counted in the heading rather than listed; ``--history`` lists them all."""
    log = tmp_path / "long.jsonl"
    write_log(log, synthesize(1500, seed=4))
    status, out, _ = run(capsys, "state", "--log", str(log), "--at", "8999-12-31", "--history")
    assert status == 0
    whole = tables(out)
    status, out, _ = run(capsys, "state", "--log", str(log), "--at", "8999-12-31")
    assert status == 0
    short = tables(out)
    parts = {"Measures lifted": "measures lifted", "Lapsed": "expectations lapsed"}
    parts["Meetings"] = "meetings"
    counted = [f"{len(whole[title]) - 1:,} {part}" for title, part in parts.items()]
    assert all(len(whole[title]) - 1 > LATEST for title in parts)
    assert out.splitlines()[3] == f"history not listed: {', '.join(counted)} (--history lists them)"
    assert short == {title: rows for title, rows in whole.items() if title not in parts}
    assert build_index(log) == 1500  # read through the index, it prints the same
    assert run(capsys, "state", "--log", str(log), "--at", "8999-12-31") == (0, out, "")
    status, warm, _ = run(capsys, "state", "--log", str(log), "--at", "8999-12-31", "--history")
    assert (status, tables(warm)) == (0, whole)
