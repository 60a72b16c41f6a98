"""Precision and recall of drafts per field, on a folder of labelled articles.

Each ``NAME.txt`` has a ``NAME.json`` label: ``split``, ``published`` (for pages without a
trustworthy date) and ``expected`` (type, on, parties, participant names, follow-up windows).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from attrs import frozen

from tracker.ingest._draft import Draft, draft_article

__all__ = ["FIELDS", "Tally", "evaluate", "facts"]

FIELDS = ("type", "on", "parties", "participants", "follow_ups")


@frozen
class Tally:
    """Counts of one field: facts drafted and right, drafted and wrong, expected and missed."""

    right: int = 0
    wrong: int = 0
    missed: int = 0

    @property
    def precision(self) -> float:
        """Of the facts drafted, the share that is right (1.0 when none was drafted)."""
        drafted = self.right + self.wrong
        return self.right / drafted if drafted else 1.0

    @property
    def recall(self) -> float:
        """Of the facts expected, the share drafted (1.0 when none was expected)."""
        expected = self.right + self.missed
        return self.right / expected if expected else 1.0

    def add(self, drafted: set[str], expected: set[str]) -> Tally:
        """The tally with one article's facts counted in."""
        return Tally(
            self.right + len(drafted & expected),
            self.wrong + len(drafted - expected),
            self.missed + len(expected - drafted),
        )


def facts(draft: Draft) -> dict[str, set[str]]:
    """The facts of a draft per field, as comparable strings (none for an unclassified draft)."""
    entry = draft.entry
    if entry is None:
        return {name: set() for name in FIELDS}
    return {
        "type": {entry.TYPE},
        "on": {entry.on.isoformat()},
        "parties": {str(entry.parties)},
        "participants": {person.name for person in entry.participants},
        "follow_ups": {f"{item.kind}@{item.expected}" for item in entry.expectations()},
    }


def _expected(label: dict[str, Any]) -> dict[str, set[str]]:
    if label["type"] == "unclassified":
        return {name: set() for name in FIELDS}
    return {
        "type": {label["type"]},
        "on": {label["on"]},
        "parties": {label["parties"]},
        "participants": set(label["participants"]),
        "follow_ups": {
            f"{item['kind']}@{_window(item['from'], item['to'])}" for item in label["follow_ups"]
        },
    }


def _window(start: str, end: str) -> str:
    """A labelled window as :class:`~tracker.DateWindow` prints it."""
    return start if start == end else f"{start}..{end}"


def evaluate(folder: Path, splits: Iterable[str]) -> tuple[dict[str, Tally], list[str]]:
    """Draft every labelled article of the splits: the tally per field, and each miss."""
    wanted = set(splits)
    tallies = {name: Tally() for name in FIELDS}
    misses: list[str] = []
    for label_path in sorted(folder.glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        if label["split"] not in wanted:
            continue
        article = label_path.with_suffix(".txt")
        published = date.fromisoformat(label["published"]) if label["published"] else None
        draft = draft_article(
            article.name, article.read_text(encoding="utf-8"), published=published
        )
        got, expected = facts(draft), _expected(label["expected"])
        for name in FIELDS:
            tallies[name] = tallies[name].add(got[name], expected[name])
            if got[name] != expected[name]:
                drafted, wanted_facts = sorted(got[name]), sorted(expected[name])
                misses.append(f"{article.name}: {name}: drafted {drafted}, expected {wanted_facts}")
    return tallies, misses
