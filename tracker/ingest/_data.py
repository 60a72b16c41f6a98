"""The data files of ingest: patterns and dictionaries, read once from the package."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load", "pattern"]


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file ``data/<name>.toml``."""
    text = (resources.files("tracker.ingest") / "data" / f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def pattern(source: str, flags: re.RegexFlag = re.NOFLAG) -> re.Pattern[str]:
    """A regular expression of the data files (or built from their words), compiled once
    however many places use it."""
    return re.compile(source, flags)
