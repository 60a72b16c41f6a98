"""The data files of ingest: patterns and dictionaries, read once from the package."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["compile_patterns", "load"]


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file ``data/<name>.toml``."""
    text = (resources.files("tracker.ingest") / "data" / f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def compile_patterns(
    patterns: list[str], *, ignore_case: bool = True
) -> tuple[re.Pattern[str], ...]:
    """Regular expressions from a data file, compiled once per caller."""
    flags = re.IGNORECASE if ignore_case else 0
    return tuple(re.compile(pattern, flags) for pattern in patterns)
