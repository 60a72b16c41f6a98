"""The tuning texts of the labelled corpus draft as labelled, with no miss. The held-out texts
are not asserted on: their figures are measured and printed by ``benchmarks/ingest_eval.py``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tracker.ingest import DraftKind, draft_article
from tracker.ingest._evaluate import Tally, evaluate, facts

CORPUS = Path(__file__).parent / "corpus"
TUNING = sorted(
    path
    for path in CORPUS.glob("*.json")
    if json.loads(path.read_text(encoding="utf-8"))["split"] == "tuning"
)


def test_the_corpus_has_both_splits_and_a_text_for_every_label() -> None:
    labels = sorted(CORPUS.glob("*.json"))
    splits = {json.loads(path.read_text(encoding="utf-8"))["split"] for path in labels}
    assert splits == {"tuning", "held_out"}
    assert 10 <= len(labels) <= 40
    assert all(path.with_suffix(".txt").is_file() for path in labels)


@pytest.mark.parametrize("label_path", TUNING, ids=lambda path: path.stem)
def test_a_tuning_text_drafts_as_labelled(label_path: Path) -> None:
    label = json.loads(label_path.read_text(encoding="utf-8"))
    published = date.fromisoformat(label["published"]) if label["published"] else None
    text = label_path.with_suffix(".txt").read_text(encoding="utf-8")
    draft = draft_article(label_path.with_suffix(".txt").name, text, published=published)
    expected = label["expected"]
    if expected["type"] == "unclassified":
        assert draft.kind is DraftKind.UNCLASSIFIED
        assert draft.entry is None
        assert draft.reasons
        return
    got = facts(draft)
    assert got["type"] == {expected["type"]}
    assert got["on"] == {expected["on"]}
    assert got["parties"] == {expected["parties"]}
    assert got["participants"] == set(expected["participants"])
    assert {f.split("@")[1] for f in got["follow_ups"]} == {
        item["from"] if item["from"] == item["to"] else f"{item['from']}..{item['to']}"
        for item in expected["follow_ups"]
    }


def test_a_tally_counts_right_wrong_and_missed_facts() -> None:
    tally = Tally().add({"a", "b"}, {"b", "c"}).add(set(), {"d"})
    assert (tally.right, tally.wrong, tally.missed) == (1, 1, 2)
    assert (tally.precision, tally.recall) == (0.5, 1 / 3)
    assert (Tally().precision, Tally().recall) == (1.0, 1.0)


def test_the_tuning_split_evaluates_to_every_labelled_fact_and_nothing_else() -> None:
    labels = [json.loads(path.read_text(encoding="utf-8"))["expected"] for path in TUNING]
    classified = [label for label in labels if label["type"] != "unclassified"]
    labelled = {
        "type": len(classified),
        "on": len(classified),
        "parties": len(classified),
        "participants": sum(len(set(label["participants"])) for label in classified),
        "follow_ups": sum(len(label["follow_ups"]) for label in classified),
    }
    tallies, misses = evaluate(CORPUS, ["tuning"])
    assert misses == []
    assert {name: (t.right, t.wrong, t.missed) for name, t in tallies.items()} == {
        name: (count, 0, 0) for name, count in labelled.items()
    }
    assert all((t.precision, t.recall) == (1.0, 1.0) for t in tallies.values())
