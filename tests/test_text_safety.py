"""Data is text: strings from a log, an article or a database never act on the terminal and are
never read as markup, in any command."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest
from builders import lunch
from commands import run
from hostile import (
    BIDI_CONTROLS,
    HOSTILE,
    acts_on_a_terminal,
    broken,
    hostile_texts,
    unsafe,
    write_log,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker._text import printable, printable_json

# -- the function --------------------------------------------------------------------------


def test_control_characters_are_written_as_escapes() -> None:
    assert printable("a\x1b[2Jb\x07\x00\x7f\x9b\x85") == "a\\x1b[2Jb\\x07\\x00\\x7f\\x9b\\x85"
    assert printable("a\tb\nc\rd") == "a\\tb\\nc\\rd"


def test_bidirectional_controls_and_separators_are_written_as_escapes() -> None:
    assert printable("\u202eabc\u2066d\u2069\u200e\u200f\u061c") == (
        "\\u202eabc\\u2066d\\u2069\\u200e\\u200f\\u061c"
    )
    assert printable("a\u2028b\u2029c") == "a\\u2028b\\u2029c"
    assert printable("\ud800") == "\\ud800"


def test_lines_keeps_line_feeds_and_tabs_and_reads_crlf_as_a_line_feed() -> None:
    assert printable("one\r\ntwo\n\tthree\rfour\x1b", lines=True) == "one\ntwo\n\tthree\\rfour\\x1b"


def test_markup_and_ordinary_text_are_left_as_they_are() -> None:
    text = "[bold red]x[/] :smile: Россия «NATO» 北约 café\u200d👩‍👩‍👧 \\x1b"
    assert printable(text) == text


@given(st.text())
def test_nothing_printable_gives_acts_on_a_terminal(text: str) -> None:
    shown = printable(text)
    assert not {char for char in shown if acts_on_a_terminal(char)}
    assert not unsafe(printable(text, lines=True)) - {"\t"}
    assert printable(shown) == shown


@given(
    st.text(
        st.characters(
            exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="".join(BIDI_CONTROLS)
        )
    )
)
def test_text_without_such_characters_is_unchanged(text: str) -> None:
    assert printable(text) == printable(text, lines=True) == text


@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_printable_json_is_the_same_json_with_nothing_acting_on_a_terminal(value: object) -> None:
    document = printable_json(orjson.dumps(value))
    assert orjson.loads(document) == value
    assert not unsafe(document.decode())


# -- every command ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A console wide enough that no table wraps a cell: what is shown can be found whole."""
    monkeypatch.setenv("COLUMNS", "4000")


@contextmanager
def hostile_log(text: str, quote: str, article: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield write_log(Path(folder), text, quote, article)


def shows(capsys: pytest.CaptureFixture[str], *args: str, status: int = 0) -> str:
    """The output of a command that must exit with ``status``, both streams, checked safe."""
    code, out, err = run(capsys, *args)
    assert (code, unsafe(out), unsafe(err)) == (status, set(), set()), err
    return out + err


STATE = ("--at", "2008-12-20")


def strings(value: object) -> set[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return set().union(*map(strings, items))


def test_log_shows_a_title_as_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = write_log(tmp_path, HOSTILE, "A sentence.", "Text.")
    assert printable(HOSTILE) in shows(capsys, "log", "--log", str(log))


def test_state_shows_stances_and_phrases_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = write_log(tmp_path, HOSTILE, "A sentence.", "Text.")
    out = shows(capsys, "state", *STATE, "--log", str(log))
    assert f"{printable(HOSTILE)}  {printable(HOSTILE)}" in out  # position, speaker
    assert f"'{printable(HOSTILE)}'" in out  # said as


def test_explain_shows_titles_outlets_and_quotes_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = write_log(tmp_path, HOSTILE, HOSTILE, "Text.")
    out = shows(capsys, "explain", "stances", *STATE, "--log", str(log))
    assert f"stances.RUS.georgia_war = {printable(HOSTILE)}" in out
    assert f": {printable(HOSTILE)} ({printable(HOSTILE)})" in out
    assert f"“{printable(HOSTILE)}”" in out


def test_diff_shows_values_as_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = write_log(tmp_path, HOSTILE, "A sentence.", "Text.")
    out = shows(capsys, "diff", "--from", "2008-12-18", "--to", "2008-12-20", "--log", str(log))
    assert printable(HOSTILE) in out


def test_validate_shows_problems_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = broken(write_log(tmp_path, HOSTILE, "A sentence.", "Text."), HOSTILE)
    out = shows(capsys, "validate", str(log), status=1)
    assert "[/] [link=file:///etc/passwd]" in out
    assert out.count("broken.jsonl:") == 2


def test_errors_on_stderr_are_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = broken(write_log(tmp_path, HOSTILE, "A sentence.", "Text."), HOSTILE)
    out = shows(capsys, "log", "--log", str(log), status=2)
    assert out.startswith("tracker: error: ")
    assert "[/] [link=file:///etc/passwd]" in out
    assert out.count("broken.jsonl:") == 2  # one line a problem


def test_json_output_escapes_what_would_act_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = write_log(tmp_path, HOSTILE, "A sentence.", "Text.")
    out = shows(capsys, "log", "--json", "--log", str(log))
    assert "\\u202eend" in out
    assert orjson.loads(out)[1]["title"] == HOSTILE


def test_append_import_and_repair_messages_are_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = write_log(tmp_path, "A title.", "A sentence.", "Text.")
    target = tmp_path / "\x1b]0;x\x07[red]\u202e.jsonl"
    target.write_bytes(b"")
    out = shows(capsys, "import", str(source), "--log", str(target))
    assert "\\x1b]0;x\\x07[red]\\u202e.jsonl: 2 of 2 entries appended" in out
    entry = tmp_path / "entry.json"
    entry.write_bytes(tracker.dumps_entry(lunch(id="another", title=HOSTILE)))
    out = shows(capsys, "append", str(entry), "--log", str(target))
    assert "\\x1b]0;x\\x07[red]\\u202e.jsonl: at position 3" in out
    out = shows(capsys, "repair", str(target), status=1)  # the entry cites no article there
    assert "\\x1b]0;x\\x07[red]\\u202e.jsonl: no torn line to mend" in out
    assert "\\x1b]0;x\\x07[red]\\u202e.jsonl:3: sources[0].article: " in out


def test_ingest_shows_an_articles_sentences_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lunch_article = Path(tracker.bundled_log()).parent / "articles" / "000_e32c3813ae8f4a48.txt"
    text = lunch_article.read_text("utf-8").replace("lunch", "lunch \x1b]0;pwned\x07 [/] \u202e")
    article = tmp_path / "article.txt"
    article.write_text(text, "utf-8")
    (tmp_path / "log.jsonl").write_bytes(b"")
    out = shows(capsys, "ingest", str(article), "--log", str(tmp_path / "log.jsonl"))
    assert "lunch \\x1b]0;pwned\\x07 [/] \\u202e" in out
    document = shows(capsys, "ingest", str(article), "--json", "--log", str(tmp_path / "log.jsonl"))
    [draft] = orjson.loads(document)
    quotes = [quote for item in draft["evidence"].values() for quote in item["quotes"]]
    assert any("lunch \x1b]0;pwned\x07 [/] \u202e" in quote for quote in quotes)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=hostile_texts(), quote=hostile_texts(returns=False), article=hostile_texts())
def test_no_command_lets_data_act_on_the_terminal_or_be_read_as_markup(
    capsys: pytest.CaptureFixture[str], text: str, quote: str, article: str
) -> None:
    shown = printable(text)
    with hostile_log(text, quote, article) as log:
        assert shown in shows(capsys, "log", "--log", str(log))
        assert shown in shows(capsys, "state", *STATE, "--log", str(log))
        assert shown in shows(capsys, "explain", "stances", *STATE, "--log", str(log))
        assert shown in shows(capsys, "explain", "meetings", *STATE, "--log", str(log))
        assert shown in shows(
            capsys, "diff", "--from", "2008-12-18", "--to", "2008-12-20", "--log", str(log)
        )
        shows(capsys, "validate", str(log))
        for command in (("log",), ("state", *STATE), ("explain", "stances", *STATE)):
            out = shows(capsys, *command, "--json", "--log", str(log))
            assert text in strings(orjson.loads(out))
        bad = broken(log, text)
        assert shows(capsys, "validate", str(bad), status=1).count("broken.jsonl:") == 2
        assert (
            shows(capsys, "state", *STATE, "--log", str(bad), status=2).count("broken.jsonl:") == 2
        )
