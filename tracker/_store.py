"""Event logs on disk: one JSON entry a line, read whole or not at all, appended safely.

Reading reports every bad line (file, line, field, what is wrong) in one :class:`LogError`;
a log is never half-loaded. Appending validates first and writes all new lines in one locked,
flushed write, so what was in the log before stays as it was.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import orjson
from attrs import frozen

from tracker._codec import decode_entry, dumps_entry
from tracker._entries import Dyad, Entry
from tracker._errors import FieldError, LogError, Problem

__all__ = ["Log", "append_entries", "bundled_log", "check_log", "read_log"]

#: The name of the folder, next to a log, that holds the articles its entries cite.
ARTICLES = "articles"


@frozen
class Log:
    """The entries of a log file in the order they were written, with the line of each."""

    path: Path
    entries: tuple[Entry, ...]
    lines: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def dyads(self) -> tuple[Dyad, ...]:
        """The dyads the log speaks of, in the order they first appear."""
        return tuple(dict.fromkeys(entry.parties for entry in self.entries))

    def line_of(self, entry_id: str) -> int:
        """The line the entry with this id stands on."""
        for entry, line in zip(self.entries, self.lines, strict=True):
            if entry.id == entry_id:
                return line
        msg = f"no entry {entry_id!r} in {self.path}"
        raise KeyError(msg)


def bundled_log() -> Path:
    """The NATO–Russia log that ships with tracker."""
    packaged = resources.files("tracker") / "_events" / "nato-russia.jsonl"
    if packaged.is_file():
        return Path(str(packaged))
    # Working from a source checkout (an editable install): events/ is the source of truth.
    return Path(__file__).resolve().parent.parent / "events" / "nato-russia.jsonl"


def _decode_lines(path: Path) -> tuple[list[tuple[int, Entry]], list[Problem]]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return [], [Problem(str(path), None, None, f"cannot read the log: {reason}")]
    entries: list[tuple[int, Entry]] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        problems.append(
            Problem(str(path), len(lines), None, "the last line is incomplete (no final newline)")
        )
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = decode_entry(orjson.loads(line))
        except orjson.JSONDecodeError as error:
            problems.append(Problem(str(path), number, None, f"not valid JSON: {error}"))
            continue
        except FieldError as error:
            problems.append(Problem(str(path), number, error.path or None, error.reason))
            continue
        if entry.id in first_line:
            reason = f"duplicate id {entry.id!r}, first used on line {first_line[entry.id]}"
            problems.append(Problem(str(path), number, "id", reason))
            continue
        first_line[entry.id] = number
        entries.append((number, entry))
    return entries, sorted(problems, key=lambda problem: problem.line or 0)


def read_log(path: str | os.PathLike[str]) -> Log:
    """Read a whole log, or raise :class:`LogError` listing every line that is wrong."""
    path = Path(path)
    entries, problems = _decode_lines(path)
    if problems:
        raise LogError(problems)
    return Log(path, tuple(entry for _, entry in entries), tuple(line for line, _ in entries))


def check_log(path: str | os.PathLike[str]) -> tuple[Problem, ...]:
    """Every problem of a log: bad lines, and quotes that the cited articles do not contain.

    Quotes are checked when the log has an ``articles/`` folder beside it.
    """
    path = Path(path)
    entries, problems = _decode_lines(path)
    folder = path.parent / ARTICLES
    if folder.is_dir():
        texts: dict[str, str | None] = {}
        for number, entry in entries:
            problems.extend(_check_quotes(path, number, entry, folder, texts))
    return tuple(sorted(problems, key=lambda problem: problem.line or 0))  # stable: line order


def _check_quotes(
    path: Path, number: int, entry: Entry, folder: Path, texts: dict[str, str | None]
) -> Iterator[Problem]:
    for name in {source.article for source in entry.sources}:
        if name not in texts:
            article = folder / name
            texts[name] = article.read_text(encoding="utf-8") if article.is_file() else None
    cited = [texts[source.article] or "" for source in entry.sources]
    for index, source in enumerate(entry.sources):
        text = texts[source.article]
        if text is None:
            reason = f"no article {source.article!r} in {folder}"
            yield Problem(str(path), number, f"sources[{index}].article", reason)
            continue
        for position, quote in enumerate(source.quotes):
            if quote not in text:
                reason = f"not found verbatim in {source.article}: {quote[:60]!r}"
                yield Problem(str(path), number, f"sources[{index}].quotes[{position}]", reason)
    items = [
        *(("stances", index, s.quote) for index, s in enumerate(entry.stances)),
        *(("follow_ups", index, f.quote) for index, f in enumerate(entry.follow_ups)),
        *(("cooperation", index, c.quote) for index, c in enumerate(entry.cooperation)),
    ]
    planned = getattr(entry, "planned", None)
    if planned is not None:
        items.append(("planned", None, planned.quote))
    for name, index, quote in items:
        if not any(quote in text for text in cited):
            where = name if index is None else f"{name}[{index}]"
            yield Problem(
                str(path),
                number,
                f"{where}.quote",
                f"not found verbatim in any source: {quote[:60]!r}",
            )


def append_entries(path: str | os.PathLike[str], entries: Iterable[Entry]) -> None:
    """Append entries to a log in one locked, flushed write, or write nothing.

    The log must read cleanly first, and the new ids must be new: a refused append leaves
    every byte of the log as it was.
    """
    path = Path(path)
    new = list(entries)
    with path.open("ab") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            log = read_log(path) if path.stat().st_size else Log(path, (), ())
            seen = {entry.id: line for entry, line in zip(log.entries, log.lines, strict=True)}
            problems = []
            for offset, entry in enumerate(new, start=(log.lines[-1] if log.lines else 0) + 1):
                if entry.id in seen:
                    reason = f"duplicate id {entry.id!r}, first used on line {seen[entry.id]}"
                    problems.append(Problem(str(path), offset, "id", reason))
                seen.setdefault(entry.id, offset)
            if problems:
                raise LogError(problems)
            handle.write(b"".join(dumps_entry(entry) + b"\n" for entry in new))
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
