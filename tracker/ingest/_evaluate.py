"""Precision and recall of drafts per field, on a folder of labelled articles.

Each ``NAME.txt`` has a ``NAME.json`` label: ``split``, ``published`` (for pages without a
trustworthy date) and ``expected`` (type, on, parties, participant names, follow-up windows).
Real pages are labelled in one file of addresses and labels; their text is kept outside the
repository, and pages not found there are skipped and counted.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from attrs import frozen

from tracker.ingest._draft import Draft, draft_article
from tracker.ingest._page import UndatedPageError
from tracker.ingest._parties import known_person

__all__ = ["FIELDS", "PageFigures", "Tally", "evaluate", "evaluate_pages", "facts", "one_spelling"]

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


#: Letters that no accent makes, written as ASCII spells them ("Radosław" is "Radoslaw").
_FOLDED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "\u0131": "i",  # the dotless i
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
    }
)


def one_spelling(name: str) -> str:
    """A participant's name as one person, however spelled: the dictionary's name for any of
    its forms ("Zelenskyy" is Zelensky), without accents ("Szijjártó" is "Szijjarto") nor
    letters of its own alphabet ("Radosław" is "Radoslaw")."""
    person = known_person(name)
    named = (person.name if person else name).translate(_FOLDED)
    return "".join(c for c in unicodedata.normalize("NFKD", named) if not unicodedata.combining(c))


def facts(draft: Draft) -> dict[str, set[str]]:
    """The facts of a draft per field, as comparable strings (none for an unclassified draft)."""
    entry = draft.entry
    if entry is None:
        return {name: set() for name in FIELDS}
    return {
        "type": {entry.TYPE},
        "on": {entry.on.isoformat()},
        "parties": {str(entry.parties)},
        "participants": {one_spelling(person.name) for person in entry.participants},
        "follow_ups": {f"{item.kind}@{item.expected}" for item in entry.expectations()},
    }


def _expected(label: dict[str, Any]) -> dict[str, set[str]]:
    if label["type"] == "unclassified":
        return {name: set() for name in FIELDS}
    return {
        "type": {label["type"]},
        "on": {label["on"]},
        "parties": {label["parties"]},
        "participants": {one_spelling(name) for name in label["participants"]},
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


@frozen
class PageFigures:
    """What drafting the labelled real pages gave: tallies per field, publication days found on
    the pages that show one, pages missing, and drafts asserting an event that did not happen
    (a drafted event whose type or parties are not the label's)."""

    tallies: dict[str, Tally]
    misses: tuple[str, ...]
    pages: int
    missing: int
    dated: int
    showing: int
    false_events: tuple[str, ...]


def _happened(draft: Draft) -> bool:
    """Whether a draft asserts an event as having happened (anything but an announcement)."""
    return draft.entry is not None and draft.entry.TYPE != "meeting_announcement"


def evaluate_pages(labels: Path, pages: Path) -> PageFigures:
    """Draft every labelled page found in ``pages`` (``NAME.txt``), as a user would: with no
    publication day given where the page shows one, and the labelled day given elsewhere."""
    document = json.loads(labels.read_text(encoding="utf-8"))
    tallies = {name: Tally() for name in FIELDS}
    misses: list[str] = []
    false_events: list[str] = []
    found = missing = dated = showing = 0
    for page in document["pages"]:
        path = pages / f"{page['name']}.txt"
        if not path.is_file():
            missing += 1
            continue
        found += 1
        text = path.read_text(encoding="utf-8")
        published = date.fromisoformat(page["published"])
        draft: Draft | None = None
        if page["shown"]:
            showing += 1
            try:
                draft = draft_article(path.name, text)
            except UndatedPageError:
                misses.append(f"{path.name}: publication: none found, {page['shown']} shown")
            else:
                day = draft.published
                if day.isoformat() == page["shown"]:
                    dated += 1
                else:
                    misses.append(f"{path.name}: publication: read {day}, {page['shown']} shown")
        if draft is None:
            draft = draft_article(path.name, text, published=published)
        got, expected = facts(draft), _expected(page["expected"])
        for name in FIELDS:
            tallies[name] = tallies[name].add(got[name], expected[name])
            if got[name] != expected[name]:
                misses.append(
                    f"{path.name}: {name}: drafted {sorted(got[name])}, "
                    f"expected {sorted(expected[name])}"
                )
        if _happened(draft) and any(got[name] != expected[name] for name in ("type", "parties")):
            false_events.append(
                f"{path.name}: drafted {sorted(got['type'])} {sorted(got['parties'])} as having "
                f"happened, expected {sorted(expected['type'])} {sorted(expected['parties'])}"
            )
    return PageFigures(tallies, tuple(misses), found, missing, dated, showing, tuple(false_events))
