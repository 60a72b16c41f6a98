"""The commands that write, move, mend and check logs."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from builders import lunch
from commands import run

import tracker


@pytest.fixture
def log(tmp_path: Path, bundled: tracker.Log) -> Path:
    return Path(shutil.copy(bundled.path, tmp_path / "log.jsonl"))


def test_export_to_sqlite_and_back_is_lossless(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: tracker.Log
) -> None:
    database = tmp_path / "log.sqlite"
    assert run(capsys, "export", "--format", "sqlite", "--output", str(database))[0] == 0
    status, out, _ = run(capsys, "export", "--log", str(database))
    assert status == 0
    assert out.encode() == bundled.path.read_bytes()
    status, out, _ = run(capsys, "state", "--log", str(database), "--at", "2009-01-26", "--json")
    assert json.loads(out)["phase"] == "informal_council"


def test_export_refuses_to_overwrite_or_to_mix_formats(
    capsys: pytest.CaptureFixture[str], log: Path
) -> None:
    status, _, err = run(capsys, "export", "--format", "jsonl", "--output", str(log))
    assert (status, f"{log} exists already" in err) == (2, True)
    status, _, err = run(capsys, "export", "--format", "sqlite")
    assert (status, "--format sqlite writes to a file named by --output" in err) == (2, True)


def test_import_appends_what_is_new(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: tracker.Log
) -> None:
    target = tmp_path / "new.sqlite"
    status, out, _ = run(capsys, "import", str(bundled.path), "--log", str(target))
    assert (status, "9 of 9 entries appended" in out) == (0, True)
    status, out, _ = run(capsys, "import", str(bundled.path), "--log", str(target))
    assert (status, "0 of 9 entries appended" in out) == (0, True)
    assert tracker.read_log(target).entries == bundled.entries


def test_append_a_file_of_json_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    batch = tmp_path / "new.jsonl"
    batch.write_bytes(
        tracker.dumps_entry(lunch("2009-02-06", id="munich"))
        + b"\n"
        + tracker.dumps_entry(lunch("2009-02-07", id="after"))
        + b"\n"
    )
    status, out, _ = run(capsys, "append", str(batch), "--log", str(log), "--expect-position", "9")
    assert (status, out.strip()) == (0, f"{log}: at position 11")
    status, out, _ = run(capsys, "append", str(batch), "--log", str(log), "--expect-position", "9")
    assert (status, out.strip()) == (0, f"{log}: at position 11")  # a retry changes nothing


def test_append_one_object_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, log: Path
) -> None:
    pretty = json.dumps(tracker.encode_entry(lunch("2009-02-06", id="munich")), indent=2)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(pretty.encode())))
    status, out, _ = run(capsys, "append", "-", "--log", str(log))
    assert (status, out.strip()) == (0, f"{log}: at position 10")
    assert tracker.read_log(log).entries[-1].id == "munich"


def test_append_behind_the_log_is_a_conflict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    entry = tmp_path / "entry.json"
    entry.write_bytes(tracker.dumps_entry(lunch("2009-02-06", id="munich")))
    status, _, err = run(capsys, "append", str(entry), "--log", str(log), "--expect-position", "8")
    assert status == 1
    assert "expected the log at position 8, but it is at 9" in err
    assert len(tracker.read_log(log)) == 9


def test_append_names_the_bad_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, log: Path
) -> None:
    good = tracker.dumps_entry(lunch("2009-02-06", id="munich"))
    batch = tmp_path / "new.jsonl"
    batch.write_bytes(
        good
        + b"\n"
        + good.replace(b"2009-02-06", b"2009-02-30", 1).replace(b"munich", b"other")
        + b"\n"
    )
    before = log.read_bytes()
    status, _, err = run(capsys, "append", str(batch), "--log", str(log))
    assert status == 2
    assert f"{batch}:2: on: invalid date '2009-02-30'" in err
    assert log.read_bytes() == before


def test_repair_cuts_a_torn_line_and_keeps_a_backup(
    capsys: pytest.CaptureFixture[str], log: Path
) -> None:
    whole = log.read_bytes()
    log.write_bytes(whole + b'{"type":"inf')
    status, out, _ = run(capsys, "repair", str(log))
    assert status == 0
    assert "cut a torn last line of 12 bytes" in out
    assert log.read_bytes() == whole
    (backup,) = log.parent.glob("log.jsonl.*.bak")
    assert backup.read_bytes() == whole + b'{"type":"inf'
    status, out, _ = run(capsys, "repair", str(log))
    assert (status, "no torn line to mend" in out) == (0, True)


def test_repair_leaves_other_problems_to_a_person(
    capsys: pytest.CaptureFixture[str], log: Path
) -> None:
    log.write_text(log.read_text().replace('"on":"2008-08-19"', '"on":"2008-13-19"'))
    status, out, _ = run(capsys, "repair", str(log))
    assert status == 1
    assert f"{log}:3: on: invalid date" in out


def test_verify_checks_every_dyad(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "verify", "--every", "2")
    assert status == 0
    assert "NATO-RUS: 8 entries, checkpoints all equal a full replay" in out
    assert "EU-RUS: 1 entries" in out


def test_synth_is_deterministic_and_valid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outputs = []
    for _ in range(2):
        status, out, _ = run(capsys, "synth", "--entries", "300", "--dyads", "3", "--seed", "5")
        assert status == 0
        outputs.append(out)
    assert outputs[0] == outputs[1]
    path = tmp_path / "synth.jsonl"
    path.write_text(outputs[0])
    log = tracker.read_log(path)
    assert (len(log), len(log.dyads())) == (300, 3)
    status, _, _ = run(
        capsys,
        "synth",
        "--entries",
        "300",
        "--dyads",
        "3",
        "--seed",
        "5",
        "--output",
        str(tmp_path / "s.sqlite"),
    )
    assert status == 0
    assert tracker.read_log(tmp_path / "s.sqlite").entries == log.entries


def test_a_dyad_of_a_sqlite_log_is_read_through_the_index(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "log.sqlite"
    assert run(capsys, "export", "--format", "sqlite", "--output", str(database))[0] == 0
    with sqlite3.connect(database) as db:  # spoil the row of the other dyad, EU-RUS
        db.execute("UPDATE entries SET line = 'not json' WHERE first = 'EU'")
    db.close()
    status, out, _ = run(capsys, "state", "--log", str(database), "--at", "2009-01-26", "--json")
    assert (status, json.loads(out)["phase"]) == (0, "informal_council")
    status, out, _ = run(capsys, "validate", str(database))
    assert status == 1
    assert "not valid JSON" in out
