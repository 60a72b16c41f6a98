"""The command as a user meets it: its version, its help, shell completion, ``--log`` and
``--json`` on every command, and the failures users ran into."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from commands import anomalous_log, run

import tracker
from tracker import _usage
from tracker._usage import EXAMPLES
from tracker.tui import TrackerApp
from tracker.tui.screens.problems import ProblemsScreen

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_the_package_s(capsys: pytest.CaptureFixture[str]) -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert tracker.__version__ == declared
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"tracker {declared}\n")


def commands() -> list[str]:
    (action,) = [a for a in _usage.parser()._actions if a.dest == "command"]
    return list(action.choices)


@pytest.mark.parametrize("command", commands())
def test_each_command_s_help_ends_with_an_example_that_parses(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    status, out, _ = run(capsys, command, "--help")
    assert status == 0
    example = EXAMPLES[command]
    assert out.rstrip().endswith(f"$ {example}")
    args = _usage.parser().parse_args(example.split()[1:])
    assert args.command == command


def test_date_options_say_date(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("state", "diff", "explain", "log"):
        _, out, _ = run(capsys, command, "--help")
        assert "DATE" in out
        assert " AT" not in out
        assert "KNOWN_AT" not in out
        assert "START" not in out


def test_help_on_a_terminal_is_formatted_by_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "state", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={"TTY_COMPATIBLE": "1", "COLUMNS": "80", "PATH": "/usr/bin:/bin"},
    )
    assert "\x1b[" in done.stdout  # styled
    assert all(len(line) < 200 for line in done.stdout.splitlines())


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_completes_commands_and_options(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--print-completion", "bash"],
        capture_output=True,
        text=True,
        check=True,
    )
    script = tmp_path / "tracker.bash"
    script.write_text(done.stdout)

    def complete(*words: str) -> list[str]:
        line = " ".join(["tracker", *words])
        program = (
            f"source {script}; COMP_WORDS=(tracker {' '.join(words)}); "
            f"COMP_CWORD={len(words)}; COMP_LINE='{line}'; COMP_POINT={len(line)}; "
            '_shtab_tracker; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        answer = subprocess.run(
            ["bash", "-c", program], capture_output=True, text=True, check=True, cwd=tmp_path
        )
        return answer.stdout.split()

    assert "state" in complete("st")
    assert set(complete("state", "--")) >= {"--at", "--known-at", "--log", "--json", "--dyad"}
    (tmp_path / "history.jsonl").touch()
    assert complete("validate", "--log", "hist") == ["history.jsonl"]


def test_zsh_and_tcsh_scripts_are_printed(capsys: pytest.CaptureFixture[str]) -> None:
    for shell, mark in (("zsh", "#compdef tracker"), ("tcsh", "complete tracker")):
        status, out, _ = run(capsys, "--print-completion", shell)
        assert status == 0
        assert mark in out


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "history.jsonl"
    shutil.copy(tracker.bundled_log(), path)
    shutil.copytree(tracker.bundled_log().parent / "articles", tmp_path / "articles")
    return path


@pytest.mark.parametrize("command", ["validate", "repair"])
def test_a_positional_log_or_log_option_alike(
    capsys: pytest.CaptureFixture[str], log: Path, command: str
) -> None:
    by_position = run(capsys, command, str(log), "--json")
    assert by_position[0] == 0
    assert run(capsys, command, "--log", str(log), "--json") == by_position
    assert run(capsys, command, str(log), "--log", str(log), "--json") == by_position


@pytest.mark.parametrize("command", ["validate", "repair", "tui"])
def test_two_different_logs_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], log: Path, command: str
) -> None:
    status, out, err = run(capsys, command, str(log), "--log", "other.jsonl")
    assert (status, out) == (2, "")
    assert "name different logs" in err


def test_repair_needs_a_log(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "repair")
    assert status == 2
    assert "LOG or --log" in err


def test_synth_writes_the_log_named_by_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "big.jsonl"
    status, out, _ = run(capsys, "synth", "--entries", "30", "--log", str(path), "--json")
    assert status == 0
    assert json.loads(out) == {"output": str(path), "entries": 30}
    assert len(tracker.read_log(path).entries) == 30
    status, _, err = run(capsys, "synth", "--entries", "3", "--log", "a.jsonl", "--output", "b")
    assert status == 2
    assert "name different logs" in err


def test_validate_json(capsys: pytest.CaptureFixture[str], log: Path) -> None:
    status, out, _ = run(capsys, "validate", str(log), "--json")
    assert (status, json.loads(out)) == (
        0,
        {"log": str(log), "problems": [], "entries": 9, "quoted": 9, "cited": 0},
    )
    lines = log.read_text().splitlines()
    lines[2] = lines[2].replace('"on":"2008-08-19"', '"on":"2008-13-19"')
    log.write_text("\n".join(lines) + "\n")
    status, out, _ = run(capsys, "validate", str(log), "--json")
    report = json.loads(out)
    assert status == 1
    assert (report["entries"], report["quoted"], report["cited"]) == (None, None, None)
    ((problem),) = report["problems"]
    assert (problem["file"], problem["line"], problem["field"]) == (str(log), 3, "on")
    assert "2008-13-19" in problem["message"]


def test_errors_under_json_are_json(capsys: pytest.CaptureFixture[str], log: Path) -> None:
    log.write_text(log.read_text().replace('"on":"2008-08-19"', '"on":"2008-13-19"'))
    status, out, err = run(capsys, "state", "--log", str(log), "--json")
    assert (status, out) == (2, "")
    error = json.loads(err)["error"]
    assert [(p["line"], p["field"]) for p in error["problems"]] == [(3, "on")]
    assert error["message"].startswith(f"{log}:3: on: invalid date")
    status, _, err = run(capsys, "state", "--dyad", "USA-CHN", "--json")
    assert status == 2
    assert json.loads(err)["error"]["message"].startswith("no entry of dyad CHN-USA")


def test_import_append_verify_and_repair_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    history = tmp_path / "history.jsonl"
    bundled = str(tracker.bundled_log())
    status, out, _ = run(capsys, "import", bundled, "--log", str(history), "--json")
    assert (status, json.loads(out)) == (
        0,
        {"log": str(history), "read": 9, "appended": 9},
    )
    status, out, _ = run(capsys, "import", bundled, "--log", str(history), "--json")
    assert json.loads(out)["appended"] == 0

    entry = tmp_path / "entry.json"
    first = tracker.read_log(tracker.bundled_log()).entries[0]
    entry.write_bytes(tracker.dumps_entry(first).replace(b"nrc-established-2002", b"new-2002"))
    status, out, _ = run(capsys, "append", str(entry), "--log", str(history), "--json")
    assert (status, json.loads(out)) == (0, {"log": str(history), "conflict": None, "position": 10})
    entry.write_bytes(tracker.dumps_entry(first).replace(b"nrc-established-2002", b"new-2"))
    status, out, _ = run(
        capsys, "append", str(entry), "--log", str(history), "--expect-position", "3", "--json"
    )
    answer = json.loads(out)
    assert (status, answer["position"]) == (1, None)
    assert "3" in answer["conflict"]

    status, out, _ = run(capsys, "verify", "--log", str(history), "--every", "2", "--json")
    assert (status, json.loads(out)) == (
        0,
        {
            "log": str(history),
            "every": 2,
            "dyads": [
                {"dyad": "NATO-RUS", "entries": 9, "differ": []},
                {"dyad": "EU-RUS", "entries": 1, "differ": []},
            ],
        },
    )

    with history.open("ab") as file:
        file.write(b'{"type": "susp')
    status, out, _ = run(capsys, "repair", str(history), "--json")
    done = json.loads(out)
    assert (status, done["cut_bytes"], done["completed_line"], done["problems"]) == (
        0,
        len(b'{"type": "susp'),
        None,
        [],
    )
    assert Path(done["backup"]).read_bytes().endswith(b'{"type": "susp')
    status, out, _ = run(capsys, "repair", str(history), "--json")
    assert json.loads(out) == {
        "log": str(history),
        "completed_line": None,
        "cut_bytes": 0,
        "backup": None,
        "problems": [],
    }


def test_export_json_says_what_was_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite"
    status, out, _ = run(capsys, "export", "--format", "sqlite", "--output", str(path), "--json")
    assert (status, json.loads(out)) == (0, {"output": str(path), "entries": 9})


def test_explain_anomalies_when_there_are_none(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "anomalies", "--at", "2009-01-26")
    assert (status, out) == (0, "anomalies: nothing on 2009-01-26\n")
    status, out, _ = run(capsys, "explain", "anomalies", "--at", "2009-01-26", "--json")
    assert (status, json.loads(out)) == (0, [])


def test_explain_anomalies_when_there_are_some(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = anomalous_log(tmp_path)
    status, out, _ = run(
        capsys, "explain", "anomalies", "--log", str(log), "--at", "2008-09-01", "--json"
    )
    (explanation,) = json.loads(out)
    assert status == 0
    assert explanation["entries"] == ["informal-nrc-2009-01-26"]


def quit_on_its_first_screen(app: TrackerApp) -> None:
    """Run the app headless, as a user who reads its first screen and presses q."""

    async def drive() -> None:
        async with app.run_test() as pilot:
            for _ in range(100):
                await pilot.pause(0.05)
                if isinstance(app.screen, ProblemsScreen) or app.main.story is not None:
                    break
            await pilot.press("q")

    asyncio.run(drive())


def test_tui_on_a_missing_log_exits_2_after_its_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(TrackerApp, "run", quit_on_its_first_screen)
    status, _, _ = run(capsys, "tui", str(tmp_path / "missing.jsonl"))
    assert status == 2
    status, _, _ = run(capsys, "tui", "--log", str(tracker.bundled_log()))
    assert status == 0
