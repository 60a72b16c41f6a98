"""The errors of tracker: each names what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from tracker._state import Anomaly

__all__ = ["AnomalyError", "ConflictError", "FieldError", "LogError", "Problem", "TrackerError"]


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
