"""Writing what a screen shows to a file of the working folder, asked for by name."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.screen import Screen

from tracker._text import printable
from tracker.tui._export import export_problem, free_name
from tracker.tui.screens.prompt import PromptScreen

__all__ = ["ask_and_export"]


def ask_and_export(screen: Screen[Any], stem: str, text: Callable[[str], str]) -> None:
    """Ask for a file name (offering ``stem.md``; ``.json`` for JSON), then write ``text(suffix)``
    there, in the working folder; a name taken or outside it is refused and said."""
    folder = Path.cwd()

    def write(answer: str | None) -> None:
        if not answer:
            return
        problem = export_problem(folder, answer)
        if problem is not None:
            screen.notify(printable(problem), severity="error", markup=False)
            return
        screen.app.deliver_text(
            io.StringIO(text(Path(answer).suffix)),
            save_directory=folder,
            save_filename=answer,
            open_method="download",
            mime_type="application/json" if answer.endswith(".json") else "text/markdown",
            name="export",
        )

    screen.app.push_screen(
        PromptScreen(
            "Export to a file of the working folder (.md: Markdown, .json: JSON)",
            value=free_name(folder, stem, ".md"),
        ),
        write,
    )
