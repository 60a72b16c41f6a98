"""What a command loads as it starts: only the modules it uses, so that it starts fast; and
the plug-ins' entry points, read without :mod:`importlib.metadata`, as it finds them."""

from __future__ import annotations

import importlib
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import tracker
from tracker import _usage
from tracker._index import build_index
from tracker._plugins import GROUP, EntryPoint, entry_points
from tracker._store import write_log

#: What neither ``tracker --version`` nor ``tracker state --json`` has any use for.
UNUSED = ("textual", "rich", "rich_argparse", "hypothesis", "shtab", "matplotlib", "tracker.tui")

_LOADED = (
    "import sys\n"
    "from tracker._cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
)


def _loaded(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, *args], capture_output=True, text=True, check=True
    )
    return set(done.stderr.split())


def _unused(loaded: set[str]) -> set[str]:
    return {name for name in loaded if name.startswith(UNUSED)}


def test_the_version_loads_no_ui() -> None:
    assert _unused(_loaded("--version")) == set()


@pytest.mark.parametrize("indexed", [False, True])
def test_a_state_as_json_loads_no_ui_nor_the_package_metadata(
    tmp_path: Path, indexed: bool
) -> None:
    path = tmp_path / "log.jsonl"
    write_log(path, tracker.read_log(tracker.bundled_log()).entries)
    if indexed:
        assert build_index(path) is not None
    loaded = _loaded("state", "--log", str(path), "--at", "2009-01-01", "--json")
    assert _unused(loaded) == set()
    assert "importlib.metadata" not in loaded


def test_importing_the_package_loads_none_of_its_modules_until_a_name_is_used() -> None:
    code = (
        "import sys, tracker\n"
        "before = sorted(m for m in sys.modules if m.startswith('tracker'))\n"
        "tracker.Dyad('NATO', 'RUS')\n"
        "after = sorted(m for m in sys.modules if m.startswith('tracker.'))\n"
        "print(before, 'tracker._entries' in after, 'tracker._reducer' in after)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["['tracker']", "True", "False"]


def test_every_public_name_is_what_its_module_defines() -> None:
    defined = {name: module for module, names in tracker._MODULES.items() for name in names}
    assert sorted(defined) == sorted(tracker.__all__)
    for name, module in defined.items():
        assert getattr(tracker, name) is getattr(importlib.import_module(f"tracker.{module}"), name)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = tracker.nothing  # type: ignore[attr-defined]


def _points(group: str) -> list[tuple[str, str]]:
    return sorted((point.name, point.value) for point in metadata.entry_points(group=group))


def _found(group: str) -> list[tuple[str, str]]:
    return sorted((point.name, point.value) for point in entry_points(group))


@pytest.mark.parametrize("group", [GROUP, "console_scripts", "pytest11", "no.such.group"])
def test_entry_points_are_those_importlib_metadata_finds(group: str) -> None:
    assert _found(group) == _points(group)


def test_entry_points_of_a_package_on_the_path_the_first_of_a_name_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, value in ((first, "one_types:declare"), (second, "other_types")):
        info = folder / "made_up.pkg-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: made_up.pkg\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(
            f"# a comment\n[console_scripts]\nmade = x:y\n\n[{GROUP}]\n  kind = {value} \n"
        )
    (tmp_path / "plain.egg-info").mkdir()  # no entry points at all
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    assert ("kind", "one_types:declare") in _found(GROUP)
    assert ("kind", "other_types") not in _found(GROUP)
    assert _found(GROUP) == _points(GROUP)


def test_an_entry_point_loads_the_attribute_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "made_up_types.py").write_text("class Inner:\n    value = 3\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert EntryPoint("kind", "made_up_types:Inner.value [extra]").load() == 3
    assert EntryPoint("kind", "made_up_types").load() is sys.modules["made_up_types"]


def _entry_point(*args: str) -> tuple[str, str, set[str]]:
    """The installed command's entry point run on ``args``: its exit status, what it prints,
    and the modules it loads."""
    code = (
        "import sys\n"
        "from tracker._command import main\n"
        "sys.argv = ['tracker', *sys.argv[1:]]\n"
        "try:\n"
        "    status = main()\n"
        "except SystemExit as exit:\n"
        "    status = exit.code\n"
        "print(status, ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    status, loaded = done.stderr.rstrip("\n").rsplit("\n", 1)[-1].split(" ", 1)
    return status, done.stdout, set(loaded.split())


def _installed(*args: str) -> tuple[str, set[str]]:
    """What the installed command's entry point prints, and the modules it loads, when it
    succeeds."""
    status, said, loaded = _entry_point(*args)
    assert status == "0"
    return said, loaded


def test_the_installed_command_tells_its_version_without_loading_tracker_or_its_parser() -> None:
    said, loaded = _installed("--version")
    assert said == f"tracker {tracker.__version__}\n"
    assert {name for name in loaded if name.startswith("tracker")} == {
        "tracker",
        "tracker._command",
    }
    assert not {name for name in loaded if name.startswith((*UNUSED, "attr", "argparse"))}


def test_the_installed_command_runs_the_command_as_the_command_module_does(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.jsonl"
    write_log(path, tracker.read_log(tracker.bundled_log()).entries)
    asked = ("state", "--log", str(path), "--at", "2009-01-01", "--json")
    said, _ = _installed(*asked)
    done = subprocess.run(
        [sys.executable, "-m", "tracker", *asked], capture_output=True, text=True, check=True
    )
    assert said == done.stdout
    assert '"phase"' in said


#: What help and usage errors are answered without: the core, its libraries, the UI.
CORE = ("tracker._entries", "tracker._state", "tracker._dates", "tracker._errors", "attr", "orjson")


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("--help",), "0"),
        (("state", "--help"), "0"),
        (("tui", "-h"), "0"),
        ((), "2"),
        (("state", "--no-such-option"), "2"),
        (("nonsense",), "2"),
    ],
)
def test_help_and_usage_errors_load_none_of_the_core(args: tuple[str, ...], status: str) -> None:
    said, printed, loaded = _entry_point(*args)
    assert said == status
    assert {name for name in loaded if name.startswith((*CORE, "textual"))} == set()
    if status == "0":
        assert printed.startswith("Usage: tracker")


def test_the_parser_converts_days_and_pairs_with_the_core_once_given() -> None:
    code = (
        "import sys\n"
        "from tracker import _usage\n"
        "parser = _usage.parser('state')\n"
        "before = 'tracker._entries' in sys.modules\n"
        "args = parser.parse_args(['state', '--at', '2009-01-02', '--dyad', 'EU-RUS'])\n"
        "print(before, args.at, args.dyad, type(args.dyad).__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "2009-01-02", "EU-RUS", "tracker._entries"]


def test_the_parser_knows_the_commands_the_command_runs() -> None:
    from tracker._cli import COMMANDS  # noqa: PLC0415

    assert sorted(_usage.COMMAND_NAMES) == sorted(COMMANDS)
    (action,) = [a for a in _usage.parser()._actions if a.dest == "command"]
    assert sorted(action.choices) == sorted(COMMANDS)


def test_the_default_pair_the_help_names_is_the_default_dyad() -> None:
    assert str(tracker.DEFAULT_DYAD) == _usage.DEFAULT_PAIR
