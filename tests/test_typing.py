"""Type checking an entry type of one's own: with ``tracker.mypy_plugin`` enabled, mypy reads
an ``@tracker.entry_type`` class as the frozen attrs class it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: An entry type of a user's own, built right, then with a field of the wrong type and an
#: assignment to a frozen field.
_MODULE = """
from datetime import date

import tracker


@tracker.entry_type(
    "typing_example", cameo="010", cameo_label="Make statement", goldstein=0.0, plover=None
)
class TypingExample(tracker.Entry):
    topic: str
    count: int = 0


def built() -> TypingExample:
    return TypingExample(
        id="x", on=date(2020, 1, 1), parties=tracker.Dyad("NATO", "RUS"), title="t",
        sources=(), topic="a",
    )
"""
_WRONG = """

def wrong() -> None:
    entry = built()
    TypingExample(
        id="x", on=date(2020, 1, 1), parties=tracker.Dyad("NATO", "RUS"), title="t",
        sources=(), topic=3,
    )
    entry.count = 1
"""


def _mypy(tmp_path: Path, source: str, *, plugin: bool) -> list[str]:
    """The errors mypy --strict reports on ``source``, as ``line: error: message [code]``. mypy runs
    in a process of its own: the plug-in, once loaded, stays registered in the process."""
    config = tmp_path / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\n" + ("plugins = tracker.mypy_plugin\n" if plugin else "")
    )
    module = tmp_path / "own_types.py"
    module.write_text(source)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(config),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--no-error-summary",
            "--hide-error-context",
            str(module),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stderr == ""
    return [line.split(":", 1)[1] for line in run.stdout.splitlines() if ": error:" in line]


def test_with_the_plugin_an_entry_type_built_right_checks_clean(tmp_path: Path) -> None:
    assert _mypy(tmp_path, _MODULE, plugin=True) == []


def test_without_the_plugin_mypy_knows_no_field_of_an_entry_type(tmp_path: Path) -> None:
    errors = _mypy(tmp_path, _MODULE, plugin=False)
    assert any('Unexpected keyword argument "topic"' in error for error in errors), errors


def test_the_plugin_finds_a_wrong_field_type_and_a_write_to_a_frozen_field(
    tmp_path: Path,
) -> None:
    errors = _mypy(tmp_path, _MODULE + _WRONG, plugin=True)
    assert len(errors) == 2, errors
    assert '"topic"' in errors[0]
    assert "[arg-type]" in errors[0]
    assert '"count"' in errors[1]
    assert "read-only" in errors[1]
