"""The UI's settings kept between runs (the theme), in a small JSON file under the user's
config folder: ``$XDG_CONFIG_HOME/tracker/settings.json`` or the platform's equivalent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
from platformdirs import user_config_path

__all__ = ["default_settings_path", "read_settings", "write_settings"]


def default_settings_path() -> Path:
    """Where the settings live; ``XDG_CONFIG_HOME`` is honoured on every platform."""
    if base := os.environ.get("XDG_CONFIG_HOME"):
        return Path(base) / "tracker" / "settings.json"
    return user_config_path("tracker") / "settings.json"


def read_settings(path: Path) -> dict[str, Any]:
    """The settings saved at ``path``; none when it is missing, unreadable or not a JSON
    object (a damaged file never keeps the UI from opening)."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def write_settings(path: Path, settings: dict[str, Any]) -> str | None:
    """Save ``settings`` at ``path`` (replacing the file whole); why not, if it failed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        spare = path.with_name(f".{path.name}.new")
        spare.write_bytes(orjson.dumps(settings, option=orjson.OPT_INDENT_2))
        spare.replace(path)
    except OSError as error:
        return f"cannot save the settings in {path}: {error.strerror or error}"
    return None
