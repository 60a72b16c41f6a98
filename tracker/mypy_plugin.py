"""A mypy plug-in that reads ``@tracker.entry_type(...)`` classes as the attrs classes they are.

``entry_type`` makes its class a frozen attrs class at run time; mypy's attrs support knows
only attrs' own decorators, so this tells it about ours. Enable it in your mypy configuration::

    [tool.mypy]
    plugins = ["tracker.mypy_plugin"]
"""

from __future__ import annotations

from mypy.plugin import Plugin
from mypy.plugins.attrs import attr_frozen_makers

attr_frozen_makers.add("tracker._entries.entry_type")


class _EntryTypes(Plugin):
    """Nothing of its own: registering ``entry_type`` with mypy's attrs support is the work."""


def plugin(_version: str) -> type[Plugin]:
    """The entry point mypy calls."""
    return _EntryTypes
