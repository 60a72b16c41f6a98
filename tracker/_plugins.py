"""Plug-ins: modules whose import declares event types (``@tracker.entry_type``) and their
rules (``@tracker.rule.register``), loaded into the command and the terminal UI before any
log is read.

A plug-in is named by an entry point of the group :data:`GROUP` in an installed package, or
by ``--plugin MODULE``. Either way it is a module name, importable where tracker runs: a path
is refused, since a file imported by path gets a made-up module name, may be imported twice
under two names, and means something else from another folder.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points

from tracker._arguments import UsageError
from tracker._errors import Problem, shown

__all__ = ["GROUP", "HOW", "PluginError", "add_option", "load_plugins", "unknown_type_hint"]

#: The entry-point group that names plug-ins: ``[project.entry-points."tracker.plugins"]``.
GROUP = "tracker.plugins"

#: How to make a type known that a log uses and no module has declared.
HOW = (
    f"a type of a plug-in is known once it is loaded: --plugin MODULE, "
    f"or install the package that names it in the entry-point group {GROUP}"
)


class PluginError(UsageError):
    """A plug-in that cannot be imported, or that fails as it loads; one line, naming it."""


def add_option(parser: argparse.ArgumentParser) -> None:
    """Give a command the repeatable ``--plugin MODULE`` option (``args.plugins``)."""
    parser.add_argument(
        "--plugin",
        dest="plugins",
        action="append",
        default=[],
        type=_module_name,
        metavar="MODULE",
        help="import this module first: it declares event types and rules (repeatable)",
    )


def _module_name(text: str) -> str:
    if not all(part.isidentifier() for part in text.split(".")):
        msg = (
            f"{shown(text)} is not a module name: give a dotted name such as my_types, "
            "importable here (put its folder on PYTHONPATH), not a path"
        )
        raise argparse.ArgumentTypeError(msg)
    return text


def load_plugins(modules: Iterable[str] = ()) -> None:
    """Import the plug-ins the installed packages name in :data:`GROUP`, then ``modules``.

    Importing is done once per process (a module imported already is not run again). Raises
    :class:`PluginError` naming the first plug-in that cannot be imported or fails.
    """
    for point in sorted(entry_points(group=GROUP), key=lambda point: (point.name, point.value)):
        _load(f"plug-in {point.name!r} (entry point {point.value} in {GROUP})", point)
    for module in modules:
        _load(f"plug-in {module!r} (--plugin)", module)


def _load(what: str, plugin: EntryPoint | str) -> None:
    try:
        if isinstance(plugin, str):
            importlib.import_module(plugin)
        else:
            plugin.load()
    except ModuleNotFoundError as error:
        msg = f"{what} cannot be imported: no module named {shown(error.name)}"
        raise PluginError(msg) from None
    except Exception as error:  # a plug-in is code: any failure of its import is told
        told = shown(next(iter(str(error).splitlines()), ""))
        msg = f"{what} failed as it loaded: {type(error).__name__}: {told}"
        raise PluginError(msg) from None


def unknown_type_hint(problems: Iterable[Problem]) -> str | None:
    """:data:`HOW`, when a problem of a log is a type no module has declared."""
    unknown = any(
        problem.field == "type" and problem.message.startswith("unknown entry type")
        for problem in problems
    )
    return HOW if unknown else None
