"""The `tracker` command as users call it: output, exit status, and errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from builders import lunch
from commands import anomalous_log, run

import tracker


@pytest.fixture
def broken(tmp_path: Path, bundled: tracker.Log) -> Path:
    lines = bundled.path.read_text().splitlines()
    lines[2] = lines[2].replace('"on":"2008-08-19"', '"on":"2008-13-19"')
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_state_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "state", "--at", "2008-12-19")
    assert status == 0
    assert "NATO-RUS on 2008-12-19: contacts_resumed" in out
    assert "high_level_political" in out
    assert "informal" in out


def test_state_known_at(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "state", "--at", "2008-12-31", "--known-at", "2008-12-18", "--json"
    )
    state = json.loads(out)
    assert (status, state["phase"], state["known_at"]) == (0, "reengagement_decided", "2008-12-18")
    assert [item["overdue"] for item in state["pending"]] == [True]
    assert state["applied"] == 5


def test_state_of_another_dyad(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "state", "--at", "2008-12-31", "--dyad", "RUS-EU", "--json")
    state = json.loads(out)
    assert (status, state["dyad"], state["phase"]) == (0, "EU-RUS", "reengagement_decided")


def test_state_of_a_dyad_the_log_lacks(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "state", "--dyad", "USA-CHN")
    assert status == 2
    assert "no entry of dyad CHN-USA" in err
    assert "NATO-RUS, EU-RUS" in err


def test_strict_passes_a_consistent_log(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "state", "--at", "2009-12-31", "--strict")
    assert (status, err) == (0, "")


def test_strict_names_the_anomalous_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: tracker.Log
) -> None:
    log = anomalous_log(tmp_path)
    status, _, err = run(capsys, "state", "--log", str(log), "--at", "2008-09-01", "--strict")
    assert status == 1
    assert (
        "tracker: anomaly: informal-nrc-2009-01-26: "
        "holds a formal meeting of 'nrc' while it is suspended" in err
    )


def test_log_filters_by_type_and_dates(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "log",
        "--type",
        "informal_meeting",
        "--from",
        "2008-12-01",
        "--to",
        "2008-12-31",
        "--json",
    )
    assert status == 0
    assert [entry["id"] for entry in json.loads(out)] == [
        "sg-rogozin-lunch-2008-12-19-ap",
        "sg-rogozin-lunch-2008-12-19-rferl",
    ]


def test_diff_lists_changes_field_by_field(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "diff", "--from", "2009-01-25", "--to", "2009-01-26", "--json")
    changes = {change["path"]: change for change in json.loads(out)["changes"]}
    assert status == 0
    assert changes["phase"] == {
        "path": "phase",
        "kind": "changed",
        "before": "contacts_resumed",
        "after": "informal_council",
    }
    assert changes["pending.council_meeting.sg-rogozin-lunch-2008-12-19-ap"]["kind"] == "removed"
    assert changes["pending.ministerial_decision.informal-nrc-2009-01-26"]["kind"] == "added"


def test_diff_refuses_a_backwards_range(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "diff", "--from", "2009-01-26", "--to", "2009-01-01")
    assert status == 2
    assert "is before --from" in err


def test_explain_gives_the_entries_and_their_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "pending", "--at", "2008-12-19", "--json")
    (explanation,) = json.loads(out)
    assert status == 0
    assert explanation["path"] == "pending.council_meeting.sg-rogozin-lunch-2008-12-19-ap"
    assert explanation["entries"] == [
        "sg-rogozin-lunch-2008-12-19-ap",
        "sg-rogozin-lunch-2008-12-19-rferl",
    ]
    assert any("mid-January" in quote["text"] for quote in explanation["quotes"])
    status, out, _ = run(capsys, "explain", "phase", "--at", "2009-01-26")
    assert status == 0
    assert "informal-nrc-2009-01-26" in out
    assert "very positive spirit" in out


def test_explain_an_unknown_field(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "explain", "weather")
    assert status == 2
    assert "unknown field 'weather'" in err
    status, _, err = run(capsys, "explain", "channels.telegraph", "--at", "2009-01-26")
    assert status == 2
    assert "nothing at 'channels.telegraph'" in err


def test_validate_the_bundled_log(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate")
    assert status == 0
    assert "9 entries, no problems" in out


def test_validate_reports_file_line_field(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    status, out, err = run(capsys, "validate", str(broken))
    assert status == 1
    assert out.splitlines() == [
        f"{broken}:3: on: invalid date '2008-13-19': expected an existing day as 'YYYY-MM-DD'"
    ]
    assert "1 problem in" in err


def test_export_is_the_canonical_log(
    capsys: pytest.CaptureFixture[str], bundled: tracker.Log
) -> None:
    status, out, _ = run(capsys, "export", "--format", "jsonl")
    assert status == 0
    assert out.encode() == bundled.path.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["state", "--at", "2009-02-30"], "invalid date '2009-02-30'"),
        (["state", "--at", "yesterday"], "invalid date 'yesterday'"),
        (["state", "--log", "/no/such/log.jsonl"], "/no/such/log.jsonl: cannot read the log"),
        (["state", "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["state", "--dyad", "NATO"], "invalid dyad 'NATO'"),
        (["export", "--format", "csv"], "invalid choice: 'csv'"),
        (["log", "--type", "picnic"], "invalid choice: 'picnic'"),
    ],
)
def test_bad_input_is_one_clear_message_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2
    assert message in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    "command",
    [
        ["state", "--at", "2009-01-26"],
        ["log"],
        ["diff", "--from", "2008-01-01", "--to", "2009-01-01"],
        ["export"],
    ],
)
def test_a_bad_log_line_stops_every_command(
    capsys: pytest.CaptureFixture[str], broken: Path, command: list[str]
) -> None:
    status, out, err = run(capsys, *command, "--log", str(broken))
    assert status == 2
    assert f"{broken}:3: on: invalid date" in err
    assert out == ""


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "state", "--at", "2008-12-02", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["phase"] == "reengagement_decided"


@pytest.mark.parametrize(
    "text", ["2008-W01-1", "2008W011  ", "20081202", "0001-01-01", "9999-12-31"]
)
def test_date_arguments_are_plain_days_within_range(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    status, out, err = run(capsys, "state", "--at", text)
    assert (status, out) == (2, "")
    assert "argument --at:" in err
    assert "Traceback" not in err


def test_a_logged_day_in_another_iso_form_is_refused(tmp_path: Path) -> None:
    line = (Path(tracker.bundled_log()).read_text().splitlines()[0]).replace(
        '"on":"2002-05-28"', '"on":"2002-W22-2"'
    )
    log = tmp_path / "log.jsonl"
    log.write_text(line + "\n")
    (problem,) = tracker.check_log(log)
    assert (problem.line, problem.field) == (1, "on")
    assert "2002-W22-2" in problem.message


#: What a command loads only when it needs it: coded event data, ingest, synthetic logs, the
#: UI, plots and completion scripts.
_LAZY = ("tracker.coded", "tracker.ingest", "tracker._synth", "tracker.tui", "tracker._plot")
_LAZY_LIBRARIES = ("textual", "matplotlib", "shtab")


def _loaded_by(*argv: str) -> list[str]:
    code = (
        "import sys\nfrom tracker._cli import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit:\n    pass\n"
        f"lazy = {_LAZY!r}\nlibraries = {_LAZY_LIBRARIES!r}\n"
        "print(sorted(m for m in sys.modules if m.startswith(lazy)"
        " or m.split('.')[0] in libraries), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"'))
    return loaded


@pytest.mark.parametrize(
    "argv", [("--version",), ("state", "--at", "2009-01-26", "--json"), ("state", "--help")]
)
def test_a_command_loads_only_what_it_needs(argv: tuple[str, ...]) -> None:
    assert _loaded_by(*argv) == []


def test_the_commands_that_need_more_load_it() -> None:
    assert any(name.startswith("tracker.ingest") for name in _loaded_by("ingest", "--help"))
    assert "shtab" in _loaded_by("--print-completion", "bash")


def test_state_of_a_log_of_several_pairs_without_nato_russia_asks_which(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "pairs.jsonl"
    pairs = (tracker.Dyad("IND", "PAK"), tracker.Dyad("CUB", "USA"))
    tracker.append_entries(log, [lunch(id=f"talks-{p}".lower(), parties=p) for p in pairs])
    status, _, err = run(capsys, "state", "--log", str(log))
    assert status == 2
    assert "of 2 dyads (IND-PAK, CUB-USA): say which with --dyad" in err
    status, out, _ = run(capsys, "state", "--log", str(log), "--dyad", "PAK-IND", "--json")
    assert (status, json.loads(out)["dyad"]) == (0, "IND-PAK")
