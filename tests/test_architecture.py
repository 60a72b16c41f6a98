"""The shape of the package: a pure core that imports no UI, and a small public surface."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import tracker

PACKAGE = Path(tracker.__file__).parent
#: The thin layers over the core, which may import UI libraries.
LAYERS = {
    "_cli.py",
    "_output.py",
    "_usage.py",
    "__main__.py",
    "_plot.py",
    "_serve.py",
    "tui",
    "coded/_command.py",
}
CORE = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if not {path.relative_to(PACKAGE).parts[0], path.relative_to(PACKAGE).as_posix()} & LAYERS
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_textual_or_rich() -> None:
    assert CORE, "the core has modules"
    offenders = {
        str(path.relative_to(PACKAGE)): _imports(path) & {"textual", "rich"} for path in CORE
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_importing_the_core_loads_no_textual() -> None:
    code = (
        "import sys, tracker; log = tracker.read_log(tracker.bundled_log());"
        "tracker.Replay(log.entries, dyad=tracker.DEFAULT_DYAD);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_core_never_reads_the_clock() -> None:
    clocks = {"today", "now", "utcnow", "time", "monotonic", "perf_counter", "time_ns"}
    for path in CORE:
        tree = ast.parse(path.read_text())
        assert "time" not in _imports(path), f"{path.name} imports time"
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else None
                called = node.func.id if isinstance(node.func, ast.Name) else called
                assert called not in clocks, f"{path.name}:{node.lineno} reads the clock"


def test_the_public_api_is_exactly_all() -> None:
    public = {name for name in dir(tracker) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(tracker, name)).__name__ == "module"}
    assert public - modules == set(tracker.__all__)
    assert all(hasattr(tracker, name) for name in tracker.__all__)


def _own_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tracker.")
    }


def test_the_backends_sit_side_by_side_on_the_store_seam() -> None:
    jsonl, sqlite = _own_imports(PACKAGE / "_store.py"), _own_imports(PACKAGE / "_sqlite.py")
    assert "tracker._log" in jsonl
    assert "tracker._log" in sqlite
    assert "tracker._sqlite" not in jsonl
    assert "tracker._store" not in sqlite
    assert not _own_imports(PACKAGE / "_log.py") & {"tracker._store", "tracker._sqlite"}
