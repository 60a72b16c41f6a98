"""The errors of tracker: each names what is wrong and where."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from tracker._state import Anomaly

__all__ = [
    "AnomalyError",
    "ConflictError",
    "FieldError",
    "LogError",
    "Problem",
    "StorageError",
    "TrackerError",
    "shown",
]

#: How many characters of a value an error message echoes; longer values are cut.
SHOWN = 80


def shown(value: object) -> str:
    """``repr(value)`` cut to :data:`SHOWN` characters, with the value's size when cut, so
    that a huge bad value gives a readable message: ``'aaaa…' (104857600 characters)``."""
    if isinstance(value, str | bytes):
        if len(value) <= SHOWN:
            return repr(value)
        text = repr(value[:SHOWN])
        unit = "characters" if isinstance(value, str) else "bytes"
        return f"{text[:-1]}…{text[-1]} ({len(value)} {unit})"
    text = repr(value)
    if len(text) > SHOWN:
        return f"{text[:SHOWN]}… ({len(text)} characters)"
    return text


class TrackerError(Exception):
    """Base class of the errors tracker raises on purpose."""


class FieldError(TrackerError, ValueError):
    """A value its field cannot hold, and the field's path (such as ``sources[0].published``)."""

    def __init__(self, reason: str, path: str = "") -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.reason = reason
        self.path = path

    def within(self, prefix: str) -> FieldError:
        """The same error, seen from the object that holds the field."""
        if not prefix:
            return self
        joined = (
            prefix if not self.path else f"{prefix}{'' if self.path[0] == '[' else '.'}{self.path}"
        )
        return FieldError(self.reason, joined)


@frozen
class Problem:
    """One thing wrong with a log: where (file, line, field) and what."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class LogError(TrackerError):
    """A log that cannot be read as it is; lists every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


class AnomalyError(TrackerError):
    """A transition that makes no sense, refused in strict mode."""

    def __init__(self, anomaly: Anomaly) -> None:
        super().__init__(str(anomaly))
        self.anomaly = anomaly


class ConflictError(TrackerError):
    """An append that expected the log at one position and found it at another."""


#: What each error number means for a file, said plainly; others are said as the system does.
_REASONS = {
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large",
    errno.EIO: "input/output error",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted (an immutable or append-only file?)",
    errno.ENOENT: "no such file or directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EISDIR: "it is a directory",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "file name too long",
    errno.ENXIO: "not a regular file",
    errno.EEXIST: "it exists already",
    errno.EPIPE: "the reading end is closed",
}


class StorageError(TrackerError):
    """A file that could not be read or written (a full disk, a read-only one, no permission,
    not a regular file, a missing folder...), said in one line naming the file."""

    def __init__(self, message: str, errno: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno

    @classmethod
    def of(cls, error: OSError, doing: str, path: str | os.PathLike[str]) -> StorageError:
        """``error`` met while ``doing`` something to ``path``, as ``cannot write log.jsonl:
        no space left on device``."""
        reason = _REASONS.get(error.errno or 0) or (error.strerror or str(error)).lower()
        return cls(f"cannot {doing} {os.fspath(path)}: {reason}", error.errno)
