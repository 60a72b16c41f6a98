"""The ``tracker`` command as installed: ``tracker --version`` answers from the package's
metadata alone, without loading tracker's core, its parser or Textual; help and usage errors
are answered by the parser (:mod:`tracker._usage`), which loads none of the core; anything else
runs the command (:mod:`tracker._cli`), which loads what the command it runs needs."""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> int:
    """Run the command named by the process's arguments; return its exit status."""
    if sys.argv[1:] == ["--version"]:
        import tracker  # noqa: PLC0415 - the package alone: it loads its modules when used

        sys.stdout.write(f"tracker {tracker.__version__}\n")
        return 0
    from tracker._usage import arguments  # noqa: PLC0415 - the parser, only to parse

    args = arguments()
    from tracker._cli import run  # noqa: PLC0415 - the command, only to run it

    return run(args)
