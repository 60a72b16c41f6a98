"""A guard for tests of reads that must never wait: the test fails instead of hanging."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType


@contextlib.contextmanager
def deadline(seconds: int, what: str) -> Iterator[None]:
    """Fail, saying ``what`` waited, if the block has not ended after ``seconds``; a blocking
    system call of the main thread (``open`` of a FIFO, a ``read``) is interrupted to fail."""

    def expire(_signal: int, _frame: FrameType | None) -> None:
        msg = f"{what} still waited after {seconds} s"
        raise AssertionError(msg)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
