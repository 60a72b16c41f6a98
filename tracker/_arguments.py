"""What the commands share: argument types that explain a bad value (declared with the parser,
which loads nothing to declare them), and the error for input a command cannot work with."""

from __future__ import annotations

from tracker._errors import TrackerError
from tracker._usage import day, dyad

__all__ = ["UsageError", "day", "dyad"]


class UsageError(TrackerError):
    """Input a command cannot work with; reported in one line, exit 2."""
