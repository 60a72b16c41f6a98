"""A plain, non-editable install ships the bundled log and its articles as package data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("tracker-*.whl")
    return built


def test_the_wheel_carries_the_events_folder(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {name for name in names if name.startswith("tracker/_events/")}
    expected = {
        f"tracker/_events/{path.relative_to(ROOT / 'events')}"
        for path in (ROOT / "events").rglob("*")
        if path.is_file()
    }
    assert shipped == expected
    assert "tracker/_events/nato-russia.jsonl" in shipped


def test_an_installed_copy_replays_its_bundled_log(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import tracker, sys; from tracker._cli import main;"
        "assert tracker.__file__.startswith(sys.argv[1]), tracker.__file__;"
        "assert str(tracker.bundled_log()).startswith(sys.argv[1]);"
        "sys.exit(main(['validate']) or main(['state', '--at', '2009-01-26', '--json']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert '"phase": "informal_council"' in done.stdout
    assert "9 entries, no problems" in done.stdout
