"""Running the ``tracker`` command in-process, as the tests of the command do."""

from __future__ import annotations

from pathlib import Path

import pytest

import tracker
from tracker._cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command in-process; its exit status, stdout and stderr."""
    try:
        status = main(list(args))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def anomalous_log(folder: Path) -> Path:
    """The bundled log with its last meeting made a formal council on 2008-09-01, while the
    council stood suspended: a log with an anomaly."""
    lines = tracker.bundled_log().read_text().splitlines()
    council = (
        lines[-1]
        .replace('"formal":false', '"formal":true')
        .replace(
            '"on":"2009-01-26","reported":"2009-01-26"', '"on":"2008-09-01","reported":"2008-09-01"'
        )
    )
    log = folder / "anomalous.jsonl"
    log.write_text("\n".join([*lines[:-1], council]) + "\n")
    return log
