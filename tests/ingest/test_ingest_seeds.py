"""The five seed articles draft what the curated log says: type, day, participants, follow-ups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import tracker
from tracker.ingest import DraftKind, UndatedPageError, draft_article

ARTICLES = Path(tracker.bundled_log()).parent / "articles"

#: Seed article, the day to give for pages without a trustworthy dateline, the curated entry.
SEEDS = [
    ("000_e32c3813ae8f4a48.txt", None, "sg-rogozin-lunch-2008-12-19-ap"),
    ("001_4e8c69e8edebdfa1.txt", None, "sg-rogozin-lunch-announced-2008-12-18"),
    ("002_bdd3c3ff9d9096c9.txt", date(2008, 12, 19), "sg-rogozin-lunch-2008-12-19-rferl"),
    ("003_9d97e0fe09217663.txt", date(2009, 1, 26), "informal-nrc-2009-01-26"),
    ("004_69d64bec4f849cdd.txt", date(2008, 12, 2), "nato-ministers-reengage-2008-12-02"),
]


def draft(name: str, published: date | None) -> tracker.Entry:
    """The entry drafted from a seed, with no log to match against."""
    result = draft_article(name, (ARTICLES / name).read_text(encoding="utf-8"), published=published)
    assert result.kind is DraftKind.NEW, result.reasons
    assert result.entry is not None
    return result.entry


@pytest.mark.parametrize(("name", "published", "curated"), SEEDS)
def test_the_draft_matches_the_curated_entry(
    bundled: tracker.Log, name: str, published: date | None, curated: str
) -> None:
    expected = next(entry for entry in bundled if entry.id == curated)
    entry = draft(name, published)
    assert (entry.TYPE, entry.on, entry.parties) == (expected.TYPE, expected.on, expected.parties)
    assert set(entry.participants) == set(expected.participants)
    # Expectations compare by kind and window, not by the phrase the window was read from.
    windows = {(item.kind, item.expected) for item in entry.expectations()}
    assert windows == {(item.kind, item.expected) for item in expected.expectations()}


@pytest.mark.parametrize(("name", "published", "curated"), SEEDS)
def test_every_quote_of_a_draft_is_verbatim_in_its_article(
    name: str, published: date | None, curated: str
) -> None:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    entry = draft(name, published)
    assert entry.quotes()
    for quote in entry.quotes():
        assert quote in text


@pytest.mark.parametrize(("name", "published", "curated"), SEEDS)
def test_a_seed_corroborates_its_curated_entry(
    bundled: tracker.Log, name: str, published: date | None, curated: str
) -> None:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    result = draft_article(name, text, published=published, logged=bundled.entries)
    assert result.kind is DraftKind.CORROBORATION
    assert result.entry is not None
    assert result.corroborates == next(
        e.id for e in bundled if e.occurrence() == result.entry.occurrence()
    )


@pytest.mark.parametrize(("name", "published", "curated"), [s for s in SEEDS if s[1] is not None])
def test_a_seed_without_a_trustworthy_date_asks_for_one(
    name: str, published: date, curated: str
) -> None:
    with pytest.raises(UndatedPageError, match=rf"^{name}: .*--published"):
        draft_article(name, (ARTICLES / name).read_text(encoding="utf-8"))


def test_a_draft_ties_its_day_to_the_phrase_it_read() -> None:
    name = "001_4e8c69e8edebdfa1.txt"
    result = draft_article(name, (ARTICLES / name).read_text(encoding="utf-8"))
    planned = result.evidence_for("planned")
    assert planned is not None
    assert "'Friday' resolved to 2008-12-19" in planned.note
    assert result.evidence_for("published") is not None
    assert "December 18, 2008" in result.evidence_for("published").note  # type: ignore[union-attr]
