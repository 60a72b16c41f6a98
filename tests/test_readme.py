"""The README says what the code does: its table of event types, and its Python snippets, which
run and give what their comments say."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def sections() -> dict[str, list[str]]:
    """The README's Python code blocks, by the top-level section (``## ``) they stand in."""
    found: dict[str, list[str]] = {}
    section = ""
    for match in re.finditer(r"^## ([^\n]+)$|^```python\n(.*?)^```$", README, re.M | re.S):
        if match.group(1):
            section = match.group(1)
        else:
            found.setdefault(section, []).append(match.group(2))
    return found


def test_the_readme_has_python_snippets_where_expected() -> None:
    assert {"Python API", "Your own event types (plug-ins)", "Property-testing kit"} <= set(
        sections()
    )


#: The README's shorthand for values: enum members by class and name.
NAMES = {name: getattr(tracker, name) for name in ("Phase", "ChannelStatus", "Effect")}


def claimed(comment: str) -> tuple[bool, Any]:
    """The value a comment after an expression claims, if it starts with one: a literal or an
    enum member, a list whose ``...`` stands for the rest, a dict whose ``...}`` does."""
    text = comment.removeprefix("#").strip()
    candidates = [text, text.split("  ")[0], text.split(":")[0], text.split(" (")[0]]
    for candidate in candidates:
        source = candidate.removesuffix(", ...}") + ", '...': ...}"
        source = source if candidate.endswith(", ...}") else candidate
        try:
            value = eval(compile(ast.parse(source, mode="eval"), "<readme>", "eval"), NAMES)
        except (SyntaxError, NameError, TypeError, AttributeError):
            continue
        return True, value
    return False, None


def holds(claim: Any, value: Any) -> bool:
    """Whether ``value`` is what the README says, ``...`` standing for the rest."""
    if isinstance(claim, list) and claim and claim[-1] is Ellipsis:
        return list(value)[: len(claim) - 1] == claim[:-1]
    if isinstance(claim, dict) and claim.get("...") is Ellipsis:
        return all(value[key] == item for key, item in claim.items() if key != "...")
    return bool(value == claim)


def test_the_python_api_snippet_runs_and_gives_what_it_says() -> None:
    (block,) = sections()["Python API"]
    lines = block.splitlines()
    namespace: dict[str, Any] = {}
    checked = []
    for node in ast.parse(block).body:
        code = ast.Module([node], type_ignores=[])
        if not isinstance(node, ast.Expr):
            exec(compile(code, "<readme>", "exec"), namespace)
            continue
        value = eval(compile(ast.Expression(node.value), "<readme>", "eval"), namespace)
        after = lines[node.end_lineno - 1][node.end_col_offset :].strip()
        below = lines[node.end_lineno].strip() if node.end_lineno < len(lines) else ""
        comment = after or (below if below.startswith("#") else "")
        found, claim = claimed(comment)
        if found:
            assert holds(claim, value), (ast.unparse(node), claim, value)
            checked.append(ast.unparse(node))
    assert len(checked) >= 5, checked


@pytest.mark.parametrize("section", [name for name in sections() if name != "Python API"])
def test_every_other_python_snippet_runs(section: str) -> None:
    """Each section's snippets in order, in a fresh interpreter: they declare event types, and a
    type's name is global to the process."""
    code = "\n".join(sections()[section])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
