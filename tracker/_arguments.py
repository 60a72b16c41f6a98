"""What the commands share: argument types that explain a bad value, and the error for input
a command cannot work with."""

from __future__ import annotations

import argparse
from datetime import date

from tracker._dates import parse_day
from tracker._entries import Dyad
from tracker._errors import TrackerError

__all__ = ["UsageError", "day", "dyad"]


class UsageError(TrackerError):
    """Input a command cannot work with; reported in one line, exit 2."""


def day(text: str) -> date:
    """A ``YYYY-MM-DD`` argument."""
    try:
        return parse_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def dyad(text: str) -> Dyad:
    """An ``A-B`` argument."""
    try:
        return Dyad.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
