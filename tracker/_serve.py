"""``tracker serve``: the terminal UI in a web page, with textual-serve (the optional extra
``serve``): each browser tab that opens the page runs its own app on the log."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from tracker._arguments import UsageError
from tracker._store import read_log

__all__ = ["serve"]


def serve(log: Path, *, host: str, port: int, plugins: Sequence[str] = ()) -> int:
    """Serve the terminal UI on ``log`` at ``http://host:port`` until interrupted; each page's
    app loads ``plugins`` too.

    The log is read first, so that a missing file or a bad line is told here, once, rather
    than in every page that opens it.
    """
    try:
        from textual_serve.server import Server  # noqa: PLC0415 - an optional extra
    except ImportError:
        msg = "tracker serve needs textual-serve, not installed: pip install 'tracker[serve]'"
        raise UsageError(msg) from None
    read_log(log)
    loads = [option for plugin in plugins for option in ("--plugin", plugin)]
    command = shlex.join([sys.executable, "-m", "tracker", "tui", *loads, str(log.resolve())])
    Server(command, host=host, port=port, title=f"tracker · {log.name}").serve()
    return 0
