"""Plug-ins: modules whose import declares event types (``@tracker.entry_type``) and their
rules (``@tracker.rule.register``), loaded into the command and the terminal UI before any
log is read.

A plug-in is named by an entry point of the group :data:`GROUP` in an installed package, or
by ``--plugin MODULE``. Either way it is a module name, importable where tracker runs: a path
is refused, since a file imported by path gets a made-up module name, may be imported twice
under two names, and means something else from another folder.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from tracker._arguments import UsageError
from tracker._errors import Problem, shown
from tracker._usage import add_plugin_option as add_option

__all__ = [
    "GROUP",
    "HOW",
    "EntryPoint",
    "PluginError",
    "add_option",
    "entry_points",
    "load_plugins",
    "unknown_type_hint",
]

#: The entry-point group that names plug-ins: ``[project.entry-points."tracker.plugins"]``.
GROUP = "tracker.plugins"

#: How to make a type known that a log uses and no module has declared.
HOW = (
    f"a type of a plug-in is known once it is loaded: --plugin MODULE, "
    f"or install the package that names it in the entry-point group {GROUP}"
)


class PluginError(UsageError):
    """A plug-in that cannot be imported, or that fails as it loads; one line, naming it."""


def load_plugins(modules: Iterable[str] = ()) -> None:
    """Import the plug-ins the installed packages name in :data:`GROUP`, then ``modules``.

    Importing is done once per process (a module imported already is not run again). Raises
    :class:`PluginError` naming the first plug-in that cannot be imported or fails.
    """
    for point in sorted(entry_points(group=GROUP), key=lambda point: (point.name, point.value)):
        _load(f"plug-in {point.name!r} (entry point {point.value} in {GROUP})", point)
    for module in modules:
        _load(f"plug-in {module!r} (--plugin)", module)


@attrs.frozen
class EntryPoint:
    """An entry point a package declares: its name and what it names, ``module:attribute``."""

    name: str
    value: str

    def load(self) -> object:
        """Import its module, and give the attribute it names (the module when none)."""
        module, _, attribute = self.value.partition("[")[0].partition(":")  # extras: not ours
        loaded = importlib.import_module(module.strip())
        return functools.reduce(getattr, filter(None, attribute.strip().split(".")), loaded)


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group`` the installed packages declare, as
    :func:`importlib.metadata.entry_points` finds them: the ``entry_points.txt`` of each
    package's metadata folder on :data:`sys.path`, the first of a name kept. Read directly,
    since importing :mod:`importlib.metadata` costs a command more than the few files it reads;
    through it when a path entry is an archive, which only it reads."""
    if any(os.path.isfile(entry) for entry in sys.path):
        from importlib import metadata  # noqa: PLC0415

        return [EntryPoint(point.name, point.value) for point in metadata.entry_points(group=group)]
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for folder, name in _metadata_folders():
        project = re.sub(r"[-_.]+", "_", name.partition("-")[0]).lower()
        if project in seen:
            continue
        seen.add(project)
        try:
            text = Path(folder, name, "entry_points.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found += _section(text, group)
    return found


def _metadata_folders() -> Iterator[tuple[str, str]]:
    """Each package metadata folder (``*.dist-info``, ``*.egg-info``) on :data:`sys.path`."""
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                yield folder or ".", name


def _section(text: str, group: str) -> Iterator[EntryPoint]:
    """The entry points of the section ``group`` of an ``entry_points.txt``."""
    section = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group:
            name, _, value = line.partition("=")
            yield EntryPoint(name.strip(), value.strip())


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
