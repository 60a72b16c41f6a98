"""Running the ``tracker`` command in-process, as the tests of the command do."""

from __future__ import annotations

import pytest

from tracker._cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command in-process; its exit status, stdout and stderr."""
    try:
        status = main(list(args))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err
