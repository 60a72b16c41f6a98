"""Plug-ins: a user's event types and rules, loaded into the command from an installed
package's entry point or by ``--plugin MODULE``, and the one-line error when one fails."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

import pytest
from commands import run
from plugin_logs import EASED, SUSPENDED, write_log

import tracker
from tracker import _usage
from tracker._plugins import GROUP

#: The command installed beside this interpreter, as a user runs it.
TRACKER = str(Path(sys.executable).parent / "tracker")
#: The command with no plug-in named by any entry point: only ``--plugin`` loads one.
WITHOUT_ENTRY_POINTS = (
    "import sys, tracker._plugins as plugins; plugins.entry_points = lambda group: ();"
    "from tracker._cli import main; sys.exit(main(sys.argv[1:]))"
)


@pytest.fixture
def eased_log(tmp_path: Path) -> Path:
    """A log that uses the example plug-in's type, its sources cited by address."""
    return write_log(tmp_path / "eased.jsonl", SUSPENDED, EASED)


def command(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [TRACKER, *args], capture_output=True, text=True, check=False, env=env, timeout=120
    )


def test_the_example_plugin_is_installed_with_its_entry_point() -> None:
    named = {point.name: point.value for point in entry_points(group=GROUP)}
    assert named.get("sanctions_eased") == "tracker_example_plugin", (
        "the example plug-in is not installed: `make install` runs pip install -e tests/plugin"
    )


def assert_read_with_the_plugin(validated: str, state: str, listed: str) -> None:
    """What validate, state --json and log --json say of :func:`eased_log`."""
    told = " ".join(validated.split())  # the console wraps long lines
    assert "2 entries, no problems; 0 rest on quotes, 2 on citations alone" in told
    document = json.loads(state)
    assert document["cooperation"] == {"military_cooperation": "resumed"}
    assert document["provenance"]["cooperation.military_cooperation"] == EASED["id"]
    assert document["anomalies"] == []
    [entry] = json.loads(listed)
    assert (entry["type"], entry["on"], entry["areas"]) == (
        "sanctions_eased",
        "2015-06",
        ["military_cooperation"],
    )


def test_the_command_reads_the_plugin_type_through_the_entry_point(eased_log: Path) -> None:
    done = [
        command("validate", str(eased_log)),
        command("state", "--log", str(eased_log), "--at", "2015-12-31", "--json"),
        command("log", "--log", str(eased_log), "--type", "sanctions_eased", "--json"),
    ]
    assert [(d.returncode, d.stderr) for d in done] == [(0, "")] * 3
    assert_read_with_the_plugin(*(d.stdout for d in done))


def test_the_plugin_option_loads_a_type_no_entry_point_names(eased_log: Path) -> None:
    def bare(*args: str) -> subprocess.CompletedProcess[str]:
        code = [sys.executable, "-c", WITHOUT_ENTRY_POINTS, *args]
        return subprocess.run(code, capture_output=True, text=True, check=False, timeout=120)

    unknown = bare("state", "--log", str(eased_log), "--json")
    assert unknown.returncode == 2
    assert "type: unknown entry type 'sanctions_eased'" in unknown.stderr
    assert "--plugin MODULE" in unknown.stderr
    plugin = ("--plugin", "tracker_example_plugin")
    done = [
        bare("validate", *plugin, str(eased_log)),
        bare("state", *plugin, "--log", str(eased_log), "--at", "2015-12-31", "--json"),
        bare("log", *plugin, "--log", str(eased_log), "--type", "sanctions_eased", "--json"),
    ]
    assert [(d.returncode, d.stderr) for d in done] == [(0, "")] * 3
    assert_read_with_the_plugin(*(d.stdout for d in done))


def test_the_command_in_process_reads_the_plugin_type(
    capsys: pytest.CaptureFixture[str], eased_log: Path
) -> None:
    done = [
        run(capsys, "validate", "--plugin", "tracker_example_plugin", str(eased_log)),
        run(capsys, "state", "--log", str(eased_log), "--at", "2015-12-31", "--json"),
        run(capsys, "log", "--log", str(eased_log), "--type", "sanctions_eased", "--json"),
    ]
    assert [(status, err) for status, _, err in done] == [(0, "")] * 3
    assert_read_with_the_plugin(*(out for _, out, _ in done))


def test_the_plugin_rule_tells_an_area_eased_that_was_not_suspended(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = write_log(tmp_path / "log.jsonl", {**EASED, "areas": ["arms_control"]})
    status, out, _ = run(capsys, "state", "--log", str(log), "--at", "2015-12-31", "--json")
    assert status == 0
    document = json.loads(out)
    assert [(a["entry"], a["rule"]) for a in document["anomalies"]] == [
        (EASED["id"], "not_sanctioned")
    ]
    assert document["cooperation"] == {}


def test_a_module_on_the_path_is_a_plugin_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "my_types.py").write_text(
        textwrap.dedent(
            """
            import tracker

            @tracker.entry_type("talks_offered", cameo="036", cameo_label="Express intent to meet",
                                goldstein=4.0, plover="AGREE", label="OFFR")
            class TalksOffered(tracker.Entry):
                by: str
            """
        ),
        encoding="utf-8",
    )
    offered = {**EASED, "type": "talks_offered", "id": "talks-offered"}
    del offered["areas"]
    log = write_log(tmp_path / "log.jsonl", offered)
    env = {"PYTHONPATH": str(tmp_path), "PATH": str(Path(sys.executable).parent)}
    without = command("validate", str(log), env=env)
    assert without.returncode == 1
    assert "unknown entry type 'talks_offered'" in without.stdout
    assert "--plugin MODULE" in without.stderr
    done = command("log", "--plugin", "my_types", "--log", str(log), "--json", env=env)
    assert (done.returncode, done.stderr) == (0, "")
    assert [entry["id"] for entry in json.loads(done.stdout)] == ["talks-offered"]


BROKEN = {
    "raises.py": "raise RuntimeError('the plug-in is broken')\n",
    "clashes.py": (
        "import tracker\n"
        "@tracker.entry_type('suspension', cameo='161', cameo_label='x', goldstein=-4.0,"
        " plover=None)\n"
        "class Halt(tracker.Entry):\n"
        "    pass\n"
    ),
    "imports_missing.py": "import no_such_dependency_of_a_plugin\n",
}


@pytest.mark.parametrize(
    ("module", "told"),
    [
        ("raises", "failed as it loaded: RuntimeError: 'the plug-in is broken'"),
        ("clashes", "failed as it loaded: ValueError: \"entry type 'suspension' is already"),
        ("imports_missing", "cannot be imported: no module named 'no_such_dependency_of_a_plugin'"),
        ("no_such_plugin_module", "cannot be imported: no module named 'no_such_plugin_module'"),
    ],
)
def test_a_plugin_that_fails_is_one_line_naming_it_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    module: str,
    told: str,
) -> None:
    for name, code in BROKEN.items():
        (tmp_path / name).write_text(code, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    status, out, err = run(capsys, "state", "--plugin", module)
    assert (status, out) == (2, "")
    assert err.startswith(f"tracker: error: plug-in {module!r} (--plugin) {told}")
    assert err.count("\n") == 1
    assert tracker.entry_types()["suspension"] is tracker.Suspension


def test_a_failing_entry_point_is_named_and_stops_every_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "raises_too.py").write_text("raise ImportError('half installed')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    point = EntryPoint(name="broken", value="raises_too", group=GROUP)
    monkeypatch.setattr("tracker._plugins.entry_points", lambda group: (point,))
    for args in (["state"], ["validate"], ["synth", "--entries", "1"]):
        status, out, err = run(capsys, *args)
        assert (status, out) == (2, "")
        assert err == (
            "tracker: error: plug-in 'broken' (entry point raises_too in tracker.plugins) "
            "failed as it loaded: ImportError: 'half installed'\n"
        )


@pytest.mark.parametrize("given", ["./my_types.py", "plugins/my_types", "my_types.py.", "-x"])
def test_a_plugin_is_named_by_module_never_by_path(
    capsys: pytest.CaptureFixture[str], given: str
) -> None:
    status, _, err = run(capsys, "state", f"--plugin={given}")
    assert status == 2
    assert "is not a module name" in err
    assert "PYTHONPATH" in err


def test_every_command_takes_the_plugin_option() -> None:
    parser = _usage.parser()
    [commands] = [action for action in parser._actions if action.dest == "command"]
    missing = [
        name
        for name, sub in commands.choices.items()
        if "--plugin" not in sub._option_string_actions
    ]
    assert commands.choices
    assert missing == []


def test_an_unknown_type_tells_how_to_load_a_plugin(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = write_log(tmp_path / "log.jsonl", {**EASED, "type": "picnic_held"})
    status, _, err = run(capsys, "state", "--log", str(log))
    assert status == 2
    first, second = err.splitlines()
    assert "type: unknown entry type 'picnic_held'" in first
    assert second == (
        "a type of a plug-in is known once it is loaded: --plugin MODULE, "
        "or install the package that names it in the entry-point group tracker.plugins"
    )
    status, out, err = run(capsys, "validate", str(log))
    assert status == 1
    assert "unknown entry type 'picnic_held'" in out
    assert err.splitlines()[-1].startswith("tracker: a type of a plug-in is known once")
    status, _, err = run(capsys, "log", "--type", "picnic_held")
    assert status == 2
    assert "invalid choice: 'picnic_held'" in err
    assert "--plugin MODULE" in err


def test_validate_counts_facts_on_quotes_and_on_citations_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: tracker.Log
) -> None:
    """Beside a folder of articles, a source cited by address alone has nothing to check."""
    shutil.copytree(bundled.path.parent / "articles", tmp_path / "articles")
    log = tmp_path / "log.jsonl"
    log.write_bytes(bundled.path.read_bytes())
    with log.open("a", encoding="utf-8") as file:
        file.writelines(json.dumps(entry) + "\n" for entry in (SUSPENDED, EASED))
    status, out, err = run(capsys, "validate", str(log))
    assert (status, err) == (0, "")
    quoted = len(bundled)
    assert f"{quoted + 2} entries, no problems; {quoted} rest on quotes, 2 on citations alone" in (
        " ".join(out.split())
    )
