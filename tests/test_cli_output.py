"""What the command's tables look like on an 80-column terminal and in a pipe: ids, days and
windows are never cut, whatever the width."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from commands import run
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

import tracker
from tracker._output import BLOCK, print_stream, print_table

EVENTS = Path(__file__).parent.parent / "events"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two bundled NATO–Russia logs as one."""
    path = tmp_path_factory.mktemp("logs") / "history.jsonl"
    names = ("nato-russia.jsonl", "nato-russia-2009-2014.jsonl")
    path.write_bytes(b"".join((EVENTS / name).read_bytes() for name in names))
    return path


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard output taken for an 80-column terminal, in colour."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR", raising=False)


def shown(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """The lines a command prints, without their colours."""
    status, out, err = run(capsys, *args)
    assert (status, err) == (0, "")
    return ANSI.sub("", out).splitlines()


def whole(value: str, lines: list[str]) -> bool:
    """Whether ``value`` stands whole on one of the lines."""
    return any(re.search(rf"(?<![\w.-]){re.escape(value)}(?![\w.-])", line) for line in lines)


STATE = ("state", "--at", "2009-01-26")
DIFF = ("diff", "--from", "2008-12-18", "--to", "2008-12-19", "--json")


@pytest.mark.usefixtures("terminal")
def test_the_state_at_80_columns_keeps_every_id_and_window_whole(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = shown(capsys, *STATE)
    assert max(map(len, lines)) <= 80
    for value in (
        "informal-nrc-2009-01-26",
        "2009-01-26..2009-03-09",
        "2009-02-11..2009-02-20",
        "sg-rogozin-lunch-2008-12-19-ap",
        "high_level_political",
        "georgia_ukraine_membership",
        "russian_use_of_force_in_georgia",
    ):
        assert whole(value, lines), value


@pytest.mark.usefixtures("terminal")
def test_the_diff_at_80_columns_names_each_field_whole(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, *DIFF)
    paths = [change["path"] for change in json.loads(out)["changes"]]
    lines = shown(capsys, *DIFF[:-1])
    assert max(map(len, lines)) <= 80
    fitting = [path for path in paths if len(path) <= 70]
    assert [path for path in fitting if path.startswith("cooperation.counter")] == [
        "cooperation.counter_narcotics",
        "cooperation.counter_piracy",
        "cooperation.counter_terrorism",
    ]
    assert all(whole(path, lines) for path in fitting)
    assert status == 0


@pytest.mark.usefixtures("terminal")
def test_the_log_at_80_columns_keeps_ids_whole_and_titles_in_lines(
    capsys: pytest.CaptureFixture[str], history: Path
) -> None:
    lines = shown(capsys, "log", "--log", str(history))
    assert max(map(len, lines)) <= 80
    for entry in tracker.read_log(history).entries:
        assert whole(entry.id, lines), entry.id
    # A title wraps between words onto lines of many words, never one word a line.
    titles = [line for line in lines if line.strip().startswith("title ")]
    assert len(titles) == len(tracker.read_log(history).entries)
    assert all(len(line.split()) > 3 for line in titles)


@pytest.mark.usefixtures("terminal")
def test_a_table_that_fits_is_drawn_as_a_grid(capsys: pytest.CaptureFixture[str]) -> None:
    lines = shown(capsys, *STATE)
    channels = lines.index(next(line for line in lines if line.startswith("Channels")))
    assert lines[channels + 1].startswith("┏")
    assert "│ high_level_political │ dialogue    │ informal  │" in lines


def test_a_piped_state_is_plain_lines_one_row_a_line(history: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "state", "--log", str(history), "--at", "2014-07-01"],
        capture_output=True,
        text=True,
        check=True,
        env={"COLUMNS": "80", "PATH": "/usr/bin:/bin"},
    )
    lines = done.stdout.splitlines()
    assert "\x1b" not in done.stdout
    assert not any(set("┏┃│└") & set(line) for line in lines)
    lapsed = lines[lines.index("Lapsed") + 2]
    assert lapsed.split("  ")[0] == "informal_meeting"
    for value in ("2009-01-26..2009-03-09", "2009-06-07", "informal-nrc-2009-01-26"):
        assert whole(value, [lapsed]), value
    assert any(
        whole("formal-nrc-ministers-2009-12-04", [line]) and line.startswith("2009-12-04")
        for line in lines
    )


def test_a_piped_diff_and_log_put_each_row_on_one_line(
    capsys: pytest.CaptureFixture[str], history: Path
) -> None:
    lines = shown(capsys, *DIFF[:-1])
    assert [line.split()[:2] for line in lines if "cooperation.counter" in line] == [
        ["added", "cooperation.counter_narcotics"],
        ["added", "cooperation.counter_piracy"],
        ["added", "cooperation.counter_terrorism"],
    ]
    lines = shown(capsys, "log", "--log", str(history))
    for entry in tracker.read_log(history).entries:
        (line,) = [line for line in lines if whole(entry.id, [line])]
        assert line.startswith(str(entry.on))
        assert line.endswith(entry.title)


@pytest.mark.parametrize("on_a_terminal", [True, False])
def test_an_empty_diff_says_nothing_changed(
    capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest, on_a_terminal: bool
) -> None:
    if on_a_terminal:
        request.getfixturevalue("terminal")
    lines = shown(capsys, "diff", "--from", "2009-01-26", "--to", "2009-01-26")
    assert lines == ["NATO-RUS: nothing changed from 2009-01-26 to 2009-01-26"]
    status, out, _ = run(capsys, "diff", "--from", "2009-01-26", "--to", "2009-01-26", "--json")
    assert (status, json.loads(out)["changes"]) == (0, [])


WORDS = st.text(alphabet="abcdefghij-._0123456789", min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(min_value=40, max_value=160),
    rows=st.lists(
        st.tuples(WORDS, WORDS, st.lists(WORDS, min_size=0, max_size=12).map(" ".join)),
        min_size=1,
        max_size=6,
    ),
)
def test_no_whole_cell_is_ever_split_at_any_width(
    width: int, rows: list[tuple[str, str, str]]
) -> None:
    written = io.StringIO()
    console = Console(file=written, width=width, force_terminal=True, no_color=True)
    print_table(console, "Entries", ["id", "on", "title"], rows)
    lines = ANSI.sub("", written.getvalue()).splitlines()
    assert max(map(len, lines)) <= width
    for entry_id, day, title in rows:
        assert whole(entry_id, lines)
        assert whole(day, lines)
        for word in title.split():
            assert whole(word, lines)


@pytest.mark.parametrize("on_a_terminal", [True, False])
def test_explain_keeps_its_indents_and_ids(
    capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest, on_a_terminal: bool
) -> None:
    if on_a_terminal:
        request.getfixturevalue("terminal")
    lines = shown(capsys, "explain", "phase", "--at", "2009-01-26")
    assert lines[0] == "phase = informal_council"
    assert lines[1].startswith("  2009-01-26  informal-nrc-2009-01-26: First informal NRC")
    assert all(line.startswith("  ") for line in lines[1:])
    quotes = [line for line in lines if line.startswith("    “")]
    assert len(quotes) == 3
    if on_a_terminal:
        assert max(map(len, lines)) <= 80
    else:  # one line a quote, however long
        assert all(line.endswith("”") for line in quotes)


def _console(written: io.StringIO, *, terminal: bool) -> Console:
    return Console(file=written, width=80, force_terminal=terminal, no_color=True, soft_wrap=True)


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(st.tuples(WORDS, WORDS, WORDS), max_size=BLOCK),
    terminal=st.booleans(),
)
def test_a_stream_of_one_block_is_the_whole_table(
    rows: list[tuple[str, str, str]], terminal: bool
) -> None:
    streamed, whole_table = io.StringIO(), io.StringIO()
    print_stream(
        _console(streamed, terminal=terminal), lambda n: f"{n} rows", ["id", "on", "title"], rows
    )
    print_table(
        _console(whole_table, terminal=terminal), f"{len(rows)} rows", ["id", "on", "title"], rows
    )
    assert streamed.getvalue() == whole_table.getvalue()


@pytest.mark.parametrize("terminal", [True, False])
def test_a_long_stream_prints_its_first_rows_before_the_rest_is_read(terminal: bool) -> None:
    written = io.StringIO()
    console = _console(written, terminal=terminal)
    count = 3 * BLOCK

    def rows() -> Iterator[tuple[str, str, str]]:
        for number in range(count):
            if number == BLOCK + 2:  # the first rows are out while the rest is still to come
                assert whole("id-0", ANSI.sub("", written.getvalue()).splitlines())
            yield (f"id-{number}", "x" * (number // BLOCK), f"title of {number}")

    print_stream(console, lambda n: f"{n} rows", ["id", "on", "title"], rows())
    lines = ANSI.sub("", written.getvalue()).splitlines()
    for number in range(count):
        assert whole(f"id-{number}", lines)
    assert "None rows" in lines
    if not terminal:  # one line a row; a column widens for a longer cell, never cuts it
        rows_shown = [line for line in lines if line.startswith("id-")]
        assert len(rows_shown) == count
        assert rows_shown[-1].split() == [f"id-{count - 1}", "xx", "title", "of", str(count - 1)]
