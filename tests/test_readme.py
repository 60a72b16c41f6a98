"""The README's table of event types says what the code declares."""

from __future__ import annotations

from pathlib import Path

import pytest

import tracker

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
BUILT_IN = [
    name for name, cls in tracker.entry_types().items() if cls.__module__.startswith("tracker.")
]


@pytest.mark.parametrize("name", BUILT_IN)
def test_each_event_type_has_its_row(name: str) -> None:
    code = tracker.entry_types()[name].CODE
    (row,) = [line for line in README.splitlines() if line.startswith(f"| `{name}` |")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[2] == f"{code.cameo} {code.cameo_label}"
    assert cells[3].replace("−", "-") == f"{code.goldstein:+.1f}".replace("+0.0", "0.0")
    assert cells[4].split(" ")[0] == (code.plover or "—")
    for key in tracker.entry_types()[name].IDENTITY:
        assert f"`{key}`" in cells[5]
