"""Building many objects at once without the cyclic garbage collector rescanning them."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]

_lock = threading.Lock()
_pauses = 0  # how many pauses are under way, in every thread
_was_running = False  # whether the collector ran when the first of them began


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic collector, for the whole process, while a log is decoded or folded.

    Entries and states form no reference cycles, so the collector finds nothing to free; left
    running, it rescans the growing heap and doubles the cost of loading a large log. Pauses may
    nest and overlap across threads: the last to end restarts the collector if it was running,
    after moving what the pause built out of its reach (:func:`gc.freeze`): else its first
    collection would scan all of it at once, and every full one after would again.
    """
    global _pauses, _was_running  # noqa: PLW0603 - one collector per process
    with _lock:
        if _pauses == 0:
            _was_running = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_running:
                gc.freeze()
                gc.enable()
