"""The phases' colours as red, green, blue, for the layers that paint them themselves (the
terminal UI's chart, ``tracker plot``); the names stay in :mod:`tracker._palette`."""

from __future__ import annotations

from rich.color import Color

from tracker._palette import PHASE_COLOURS
from tracker._state import Phase

__all__ = ["phase_hex", "phase_rgb"]


def phase_rgb(phase: Phase) -> tuple[int, int, int]:
    """The colour of ``phase`` (the one ``tracker state`` uses too) as red, green, blue."""
    colour = Color.parse(PHASE_COLOURS[phase]).get_truecolor()
    return colour.red, colour.green, colour.blue


def phase_hex(phase: Phase) -> str:
    """The colour of ``phase`` as ``#rrggbb``."""
    return "#{:02x}{:02x}{:02x}".format(*phase_rgb(phase))
