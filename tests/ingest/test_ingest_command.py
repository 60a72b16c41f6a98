"""``tracker ingest`` through ``run(...)`` and ``python -m tracker.ingest``: output, corroboration,
appending, and errors as one line with exit status 2."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import tracker
from tracker.ingest import configure, run

ARTICLES = Path(tracker.bundled_log()).parent / "articles"
LUNCH = ARTICLES / "000_e32c3813ae8f4a48.txt"
ANNOUNCEMENT = ARTICLES / "001_4e8c69e8edebdfa1.txt"
UNDATED = ARTICLES / "003_9d97e0fe09217663.txt"
ANALYSIS = Path(__file__).parent / "corpus" / "c07-analysis-council-history-2015.txt"


def ingest(*argv: str | Path) -> int:
    """Run the command as ``tracker ingest`` would."""
    parser = argparse.ArgumentParser(prog="tracker ingest")
    configure(parser)
    return run(parser.parse_args([str(arg) for arg in argv]))


@pytest.fixture
def empty_log(tmp_path: Path) -> Path:
    """A log with no entries."""
    path = tmp_path / "log.jsonl"
    path.write_bytes(b"")
    return path


def test_json_gives_the_codec_entry_and_evidence_per_field(
    capsys: pytest.CaptureFixture[str], empty_log: Path
) -> None:
    assert ingest(LUNCH, "--json", "--log", empty_log) == 0
    [draft] = json.loads(capsys.readouterr().out)
    assert draft["kind"] == "new"
    entry = tracker.decode_entry(draft["entry"])
    assert (entry.TYPE, str(entry.on)) == ("informal_meeting", "2008-12-19")
    assert "met over lunch Friday" in " ".join(draft["evidence"]["type"]["quotes"])
    assert (
        draft["evidence"]["follow_ups[0]"]["note"]
        == "'next month' resolved to 2009-01-01..2009-01-31"
    )
    assert {"phrase": "next month", "from": "2009-01-01", "to": "2009-01-31"}.items() <= next(
        item for item in draft["dates"] if item["phrase"] == "next month"
    ).items()


def test_the_default_output_shows_each_field_with_its_sentence(
    capsys: pytest.CaptureFixture[str], empty_log: Path
) -> None:
    assert ingest(ANNOUNCEMENT, "--log", empty_log) == 0
    out = capsys.readouterr().out
    assert "001_4e8c69e8edebdfa1.txt: new entry" in out
    assert "type = meeting_announcement" in out
    assert "“NATO and Russia will Friday hold their first high-level contact" in out


def test_against_the_bundled_log_a_seed_is_a_corroboration(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert ingest(LUNCH, "--json") == 0
    [draft] = json.loads(capsys.readouterr().out)
    assert (draft["kind"], draft["corroborates"]) == (
        "corroboration",
        "sg-rogozin-lunch-2008-12-19-ap",
    )


def test_an_unclassified_article_says_why_and_is_never_appended(
    capsys: pytest.CaptureFixture[str], empty_log: Path
) -> None:
    assert ingest(ANALYSIS, "--append", empty_log) == 0
    captured = capsys.readouterr()
    assert "unclassified" in captured.out
    assert "no event of a known type is reported as news" in captured.out
    assert "not appended: c07-analysis-council-history-2015.txt is unclassified" in captured.err
    assert empty_log.read_bytes() == b""


def test_append_writes_new_drafts_that_read_back(
    capsys: pytest.CaptureFixture[str], empty_log: Path
) -> None:
    assert ingest(LUNCH, ANNOUNCEMENT, ANALYSIS, "--append", empty_log) == 0
    log = tracker.read_log(empty_log)
    assert [entry.TYPE for entry in log] == ["informal_meeting", "meeting_announcement"]
    assert "appended 2 entries" in capsys.readouterr().err
    # Once appended, the same articles corroborate what is in the log.
    assert ingest(LUNCH, "--append", empty_log) == 0
    assert "not appended: 000_e32c3813ae8f4a48.txt corroborates" in capsys.readouterr().err
    assert len(tracker.read_log(empty_log)) == 2


def test_a_page_without_a_trustworthy_date_writes_nothing(
    capsys: pytest.CaptureFixture[str], empty_log: Path
) -> None:
    assert ingest(LUNCH, UNDATED, "--append", empty_log) == 2
    err = capsys.readouterr().err
    assert err.startswith("tracker: error: 003_9d97e0fe09217663.txt: ")
    assert "--published" in err
    assert empty_log.read_bytes() == b""


def test_published_dates_a_page_that_has_no_trustworthy_date(
    capsys: pytest.CaptureFixture[str], empty_log: Path
) -> None:
    assert ingest(UNDATED, "--published", "2009-01-26", "--json", "--log", empty_log) == 0
    [draft] = json.loads(capsys.readouterr().out)
    assert (draft["entry"]["type"], draft["entry"]["on"]) == ("council_meeting", "2009-01-26")
    assert draft["evidence"]["published"]["note"] == (
        "given with --published; the page shows no trustworthy date"
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.txt", "missing.txt: cannot read the article"),
        (lambda tmp: (tmp / "bad.txt").write_bytes(b"\xff\xfe") and tmp / "bad.txt", "not UTF-8"),
    ],
)
def test_an_unreadable_article_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object, message: str
) -> None:
    article = make(tmp_path)  # type: ignore[operator]
    assert ingest(article) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_a_broken_log_refuses_the_append_and_stays_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    log.write_bytes(b'{"type": "nonsense"}\n')
    assert ingest(LUNCH, "--append", log) == 2
    assert "log.jsonl:1: type: unknown entry type" in capsys.readouterr().err
    assert log.read_bytes() == b'{"type": "nonsense"}\n'


def test_python_m_tracker_ingest_runs_the_command(empty_log: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tracker.ingest", str(LUNCH), "--json", "--log", str(empty_log)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["entry"]["type"] == "informal_meeting"
